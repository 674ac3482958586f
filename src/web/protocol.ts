/**
 * What the 网页版's page and its Web Worker say to each other. Plain data (structured clone); the
 * workbook's bytes travel as transferred ArrayBuffers, never copied.
 */
import type { CheckResult } from '../core/types';

export interface CheckRequest {
  type: 'check';
  /** The file's bytes (transferred). */
  bytes: ArrayBuffer;
  /** The file's name, for messages and for the result's name. */
  fileName: string;
  month: string;
  asOf: string;
}

/** Steps of one check, in order, for the progress bar. */
export type Step = 'read' | 'check' | 'patch' | 'verify';

export type WorkerReply =
  | { type: 'progress'; step: Step }
  | {
      type: 'done';
      result: CheckResult;
      /** The result workbook's bytes (transferred). */
      output: ArrayBuffer;
      /** `.xlsx`, or `.xlsm` for a workbook with macros: the result keeps the input's type. */
      extension: string;
      summarySheet: string;
      summaryReplaced: boolean;
    }
  | { type: 'error'; code: string; zh: string; en: string; detail?: string };

/** Share of the whole run each step starts at (reading and checking dominate on large logs). */
export const STEP_START: Record<Step, number> = { read: 0.02, check: 0.45, patch: 0.7, verify: 0.88 };

export const STEP_LABEL: Record<Step, string> = {
  read: '正在读取工作簿…',
  check: '正在检查…',
  patch: '正在生成结果文件…',
  verify: '正在核对结果文件…',
};

/**
 * The result as the page needs it. A row's findings are already summed up in `rows` (its colour and
 * message), and the pane lists only findings about no single row: sending the others would only
 * make the page stall while it unpacks them (125,000 findings, 21 MB, at 100,000 log rows).
 */
export function forPage(result: CheckResult): CheckResult {
  return { ...result, findings: result.findings.filter((f) => f.row < 1) };
}
