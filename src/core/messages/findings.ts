import type { MessageTemplate } from './index';

/** Messages for rule findings. Owned by the rules. */
export const FINDING_MESSAGES: Record<string, MessageTemplate> = {};
