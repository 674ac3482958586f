/**
 * From an opened workbook to the result workbook: the core's check, the summary's layout, the
 * patched package and the nothing-lost check. The command line and the 网页版 (in a Web Worker) run
 * exactly this, so a file checked in a browser and on the command line gives the same workbook.
 */
import { checkWorkbook, layoutSummary } from '../core';
import type { CheckResult, InputError, SummaryLayout } from '../core/types';
import { patchWorkbook } from './patch';
import type { PatchOutcome } from './patch';
import type { OpenedWorkbook } from './read';
import { verifyPatch } from './verify';
import type { LostPart } from './verify';

export interface CheckedWorkbook {
  result: CheckResult;
  layout: SummaryLayout;
  patched: PatchOutcome;
  /** What the result would lack of the input: always empty unless there is a bug (then write nothing). */
  lostParts: LostPart[];
}

export type CheckedOutcome = { ok: true; value: CheckedWorkbook } | { ok: false; error: InputError };

/** The steps, for a progress bar: each is reported before it starts. */
export type CheckStep = 'check' | 'patch' | 'verify';

export function checkOpenedWorkbook(
  opened: OpenedWorkbook,
  options: { month: string; asOf: string },
  onStep: (step: CheckStep) => void = () => undefined,
): CheckedOutcome {
  onStep('check');
  const outcome = checkWorkbook(opened.input, { asOf: options.asOf, month: options.month });
  if (!outcome.ok) return outcome;
  const result = outcome.result;
  const layout = layoutSummary(result.summary);
  onStep('patch');
  const patched = patchWorkbook(opened, { rows: result.rows, layout });
  onStep('verify');
  const replacedSheets = opened.input.sheets.map((s) => s.name).filter((n) => n.toLocaleUpperCase() === layout.sheetName.toLocaleUpperCase());
  const lostParts = verifyPatch(opened, patched.bytes, patched, replacedSheets);
  return { ok: true, value: { result, layout, patched, lostParts } };
}

/** What to tell the clerk when the result would lack part of the input (a bug): nothing is written. */
export function lostPartsMessage(lostParts: LostPart[]): { zh: string; en: string } {
  return {
    zh:
      '内部核对发现结果文件会缺少原文件中的内容（' + lostParts.map((p) => (p.sheet ? '“' + p.sheet + '”' : '') + p.zh + ' ' + p.count + ' 处').join('、') +
      '），为保护原始记录，未写入任何文件。请把原文件发给维护人员。',
    en: 'Internal check: the output would lack parts of the input (' + lostParts.map((p) => p.en).join(', ') + '); nothing was written. Please report this bug.',
  };
}
