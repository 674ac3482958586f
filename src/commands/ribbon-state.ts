/**
 * What the task pane and the ribbon's function commands tell each other. They run in separate
 * webviews of the same origin (no shared runtime: Excel 2016 has none), so they talk through
 * localStorage, which both can read. Everything here is best effort: a webview that refuses
 * storage only loses the convenience, never a result.
 */
import { defaultMonth } from '../core/period';
import type { Colour } from '../core/types';

const MONTH_KEY = 'anquan-lvzhi.month-choice';
const LAST_RUN_KEY = 'anquan-lvzhi.last-ribbon-run';

/** Today in the computer's local time, `YYYY-MM-DD` (the clerk's calendar, not UTC). */
export function localToday(now: Date = new Date()): string {
  return now.getFullYear() + '-' + pad2(now.getMonth() + 1) + '-' + pad2(now.getDate());
}

/** This month in local time, `YYYY-MM`. */
export function localMonth(now: Date = new Date()): string {
  return localToday(now).slice(0, 7);
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/**
 * The month the clerk chose in the pane, for the ribbon's 检查合规 / 月度汇总. The choice holds
 * for the day it was made: tomorrow the ribbon is back to the default month (core/period.ts) as of today, so an old
 * choice never silently decides what a later click checks.
 */
export function saveMonthChoice(month: string, today: string = localToday()): void {
  write(MONTH_KEY, { month, chosenOn: today });
}

export function ribbonMonth(today: string = localToday()): string {
  const saved = read(MONTH_KEY) as { month?: unknown; chosenOn?: unknown } | null;
  const current = today.slice(0, 7);
  if (saved && typeof saved.month === 'string' && saved.chosenOn === today && /^\d{4}-\d{2}$/.test(saved.month)) {
    // A month after today's cannot be checked as of today; fall back rather than fail.
    return saved.month <= current ? saved.month : current;
  }
  return defaultMonth(today);
}

export type RibbonCommand = 'check' | 'summary' | 'clear';

/** The outcome of the last ribbon command, shown by the pane the next time it opens. */
export interface LastRibbonRun {
  command: RibbonCommand;
  /** `Date.now()` when it finished. */
  at: number;
  /** The workbook it ran on (Office.context.document.url; '' when unsaved or unknown). */
  documentUrl: string;
  ok: boolean;
  month?: string;
  asOf?: string;
  counts?: Record<Colour, number>;
  sheetName?: string;
  restoredCells?: number;
  /** Chinese error message when `ok` is false. */
  error?: string;
}

export function saveLastRun(run: LastRibbonRun): void {
  write(LAST_RUN_KEY, run);
}

/** The last ribbon run, when it is recent (12 hours) and was on this workbook as far as we can tell. */
export function readLastRun(documentUrl: string, now: number = Date.now()): LastRibbonRun | null {
  const run = read(LAST_RUN_KEY) as LastRibbonRun | null;
  if (!run || typeof run.at !== 'number' || typeof run.command !== 'string') return null;
  if (now - run.at > 12 * 3600 * 1000 || now < run.at) return null;
  if (run.documentUrl && documentUrl && run.documentUrl !== documentUrl) return null;
  return run;
}

/** Calls `listener` when another page (the ribbon's function file) stores a new run. */
export function onLastRunChanged(listener: () => void): void {
  if (typeof window === 'undefined' || !window.addEventListener) return;
  window.addEventListener('storage', (event: StorageEvent) => {
    if (event.key === LAST_RUN_KEY) listener();
  });
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch (_e) {
    // Some locked-down IE11 configurations throw on the mere access.
    return null;
  }
}

function read(key: string): unknown {
  const s = storage();
  if (!s) return null;
  try {
    const text = s.getItem(key);
    return text ? JSON.parse(text) : null;
  } catch (_e) {
    return null;
  }
}

function write(key: string, value: unknown): void {
  const s = storage();
  if (!s) return;
  try {
    s.setItem(key, JSON.stringify(value));
  } catch (_e) {
    // Quota or privacy mode: the pane then simply shows no "last run".
  }
}
