/** Builds data problems: every problem names its cell and takes its text from the message table. */
import { formatMessage } from '../messages';
import type { MessageData } from '../messages';
import type { Problem, ProblemCode } from '../types';

/**
 * A data problem at a cell (`column` 0 and `columnName` '' for a whole row), its message built
 * by `formatMessage(messageId, data)`.
 */
export function makeProblem(
  code: ProblemCode,
  sheet: string,
  row: number,
  column: number,
  columnName: string,
  messageId: string,
  data: MessageData,
): Problem {
  return { code, sheet, row, column, columnName, message: formatMessage(messageId, data) };
}
