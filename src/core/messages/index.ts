/**
 * Every Chinese message the core produces is built here, from a message id and its data.
 * Problem messages (cleaning, detection, settings) live in ./problems.ts; finding messages
 * (rules) in ./findings.ts; input errors and summary text in ./engine.ts; this file joins them.
 */
import { PROBLEM_MESSAGES } from './problems';
import { FINDING_MESSAGES } from './findings';
import { ENGINE_MESSAGES } from './engine';

export type MessageData = Record<string, string | number>;
export type MessageTemplate = (data: MessageData) => string;

const ALL: Record<string, MessageTemplate> = Object.assign({}, PROBLEM_MESSAGES, FINDING_MESSAGES, ENGINE_MESSAGES);

/** Builds the Chinese text for a message id. An unknown id is a bug, so it throws. */
export function formatMessage(id: string, data: MessageData = {}): string {
  const template = ALL[id];
  if (!template) throw new Error('Unknown message id: ' + id);
  return template(data);
}

export function hasMessage(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(ALL, id);
}
