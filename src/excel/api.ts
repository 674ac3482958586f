/**
 * The public shape of the Excel edge: what the task pane and the ribbon commands call. Every
 * function resolves to an {@link AddinOutcome}; none of them throws (host failures become an
 * {@link AddinError} with a Chinese message that says what to do).
 */
import type { CheckResult, Colour } from '../core/types';

/** Why a command did not complete. */
export type AddinErrorCode =
  /** The core refused the input (no schedule, no log, bad month, as-of before month…). */
  | 'input'
  /** A sheet the command must write to is protected. */
  | 'protected'
  /** Excel is busy editing a cell (the clerk is typing): try again after pressing Enter. */
  | 'busy'
  /** The workbook is too large for one request even after chunking. */
  | 'too-large'
  /** A sheet or row to select no longer exists. */
  | 'not-found'
  /** Anything else the host reported, or a bug. */
  | 'host';

export interface AddinError {
  code: AddinErrorCode;
  /** Chinese, one or two sentences, says what to do. */
  message: string;
  /** Technical detail for the maintainer (host error code, stack line); never shown as the main text. */
  detail?: string;
}

export type AddinOutcome<T> = { ok: true; value: T } | { ok: false; error: AddinError };

/** Month `YYYY-MM` and as-of day `YYYY-MM-DD` as the pane or the ribbon chose them. */
export interface AddinCheckOptions {
  month: string;
  asOf: string;
}

export interface CheckComplianceValue {
  result: CheckResult;
  /** Rows coloured per colour. */
  counts: Record<Colour, number>;
  /** Cells whose fill/font colour was changed (after restoring earlier marks). */
  markedCells: number;
  /**
   * True when the merged areas of every sheet read were known (ExcelApi 1.13, see docs/addin.md).
   * When false, rows under a merged date or leader read as empty, and the pane says why.
   */
  mergedCellsRead: boolean;
}

export interface MonthlySummaryValue {
  result: CheckResult;
  sheetName: string;
  /** True when the sheet replaced an earlier one of the same name. */
  replaced: boolean;
  /** True when a chart was drawn (ExcelApi 1.1 charts are always available; false on failure). */
  chart: boolean;
}

export interface ClearMarksValue {
  restoredCells: number;
}

/** What the host supports, for the pane's footer and for choosing code paths. */
export interface RequirementsInfo {
  /** e.g. 'ExcelApi 1.9' — the highest ExcelApi version from 1.1 to 1.17 the host reports. */
  api: string;
  rangeAreas: boolean;
  hyperlinks: boolean;
  suspendCalculation: boolean;
}
