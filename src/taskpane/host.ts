/**
 * What the pane asks of the place it runs in. One UI, two hosts: Excel (excel-host.ts, the open
 * workbook through src/excel) and a workbook file checked in this browser (file-host.ts, the
 * 网页版). The pane never asks which one it has, only what it can do; the core knows neither.
 */
import type { CheckResult } from '../core/types';
import type { RowTarget } from './render';

export interface RunOptions {
  month: string;
  asOf: string;
}

export interface HostError {
  code: string;
  message: string;
  detail?: string;
}

export type HostOutcome<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** A finished 检查合规 or 月度汇总: the result to list, and what to tell the clerk about it. */
export interface HostDone {
  result: CheckResult;
  message: string;
}

export interface PaneHost {
  readonly kind: 'excel' | 'file';
  /** 检查合规. `progress` gets the share done (0–1) when the host can tell; else it is not called. */
  check(options: RunOptions, progress: (fraction: number, label: string) => void): Promise<HostOutcome<HostDone>>;
  /** 月度汇总, where the host writes into a workbook the clerk has open (Excel). */
  summary?(options: RunOptions): Promise<HostOutcome<HostDone>>;
  /** 清除标记 (Excel). */
  clear?(): Promise<HostOutcome<{ message: string }>>;
  /** A finding was clicked: select its row, or say where it is. The text (if any) is shown as a note. */
  select(target: RowTarget): Promise<HostOutcome<string | null>>;
}
