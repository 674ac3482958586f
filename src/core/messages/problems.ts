import type { MessageTemplate } from './index';

/** Messages for data problems (cleaning, detection, settings). Owned by the parsing code. */
export const PROBLEM_MESSAGES: Record<string, MessageTemplate> = {};
