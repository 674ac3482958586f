/**
 * The clerk's own formats read with the values (the format probes): one per row for the first
 * rows of each input sheet and one for the rows below, so that a log without fills of its own
 * needs no sync for the originals of the cells the check colours.
 */
import { isOwnSheet } from '../core';
import { CellMap, normaliseColour, type SavedFormat } from './blocks';
import type { Caps } from './capabilities';
import { errorCode, REFUSED_REQUEST } from './errors';
import type { ReadSheet } from './sheets';
import { session } from './session';

/** Rows probed one by one at the top of the used range (SPEC: the header is within the first 10). */
export const PROBED_TOP_ROWS = 10;

/**
 * The fill and font of the used range's rows, read in the values sync: one per row for the first
 * {@link PROBED_TOP_ROWS} rows (title, header, first data rows differ), then one for all the rows
 * below. Each is the one format all those cells share, or null where they differ. A log whose
 * rows carry no fills of the clerk's own (the usual case) then needs no sync for its originals.
 */
export interface FormatProbes {
  /** Excel row of the used range's first row. */
  firstRow: number;
  top: Array<SavedFormat | null>;
  rest: SavedFormat | null;
}

/**
 * Whether a failed sync may have failed because of its probes (it had some: probes are queued
 * while probesWork holds): then stop probing, and the caller retries without.
 */
export function giveUpProbes(e: unknown): boolean {
  if (!session.probesWork || !REFUSED_REQUEST.test(errorCode(e))) return false;
  session.probesWork = false;
  return true;
}

/**
 * Queues the format probes of the input sheets among the queued used ranges (none once Excel
 * refused them, see probesWork); after the sync, sheet i's answers, or undefined.
 */
export function queueSheetProbes(queued: Array<{ name: string; range: Excel.Range }>, c: Caps): (i: number) => FormatProbes | undefined {
  const probes = queued.map((q) => (isOwnSheet(q.name) || !session.probesWork ? null : queueProbes(q.range, c)));
  return (i) => {
    const p = probes[i];
    if (!p) return undefined;
    return { firstRow: queued[i].range.rowIndex + 1, top: p.top.map((f) => uniformFormat(f, c)), rest: uniformFormat(p.rest, c) };
  };
}

/** Queues the format loads of {@link FormatProbes} on a used range (ExcelApi 1.1 members only). */
export function queueProbes(used: Excel.Range, c: Caps): { top: Excel.RangeFormat[]; rest: Excel.RangeFormat } {
  const load = (range: Excel.Range) => {
    const format = range.format;
    format.fill.load(c.v19 ? ['color', 'pattern'] : 'color');
    format.font.load('color');
    return format;
  };
  // Rows as wide as the used range, found from its first and last row: valid whatever its size
  // (a row past a short range's end is simply not used).
  const first = used.getRow(0);
  const top: Excel.RangeFormat[] = [];
  for (let i = 0; i < PROBED_TOP_ROWS; i++) top.push(load(first.getOffsetRange(i, 0)));
  return { top, rest: load(first.getOffsetRange(PROBED_TOP_ROWS, 0).getBoundingRect(used.getLastRow())) };
}

/**
 * The fill and font colour all cells of a loaded range share, or null when they differ (Excel
 * reports a mixed property as null). Below 1.9 white counts as no fill (Excel cannot tell them apart).
 */
export function uniformFormat(format: Excel.RangeFormat, c: Caps): SavedFormat | null {
  const fill = normaliseColour(format.fill.color);
  const font = normaliseColour(format.font.color);
  const pattern = c.v19 ? format.fill.pattern : 'Solid';
  if (fill === null || font === null || pattern === null) return null;
  return { fill: pattern === 'None' || (!c.v19 && fill === '#FFFFFF') ? null : fill, font };
}

/**
 * The originals of the cells the probes read as one format; the other keys are left in `rest`
 * (to be read one by one, see readOriginals).
 */
export function originalsFromProbes<V>(cells: CellMap<V>, sheets: ReadSheet[]): { known: CellMap<SavedFormat>; rest: CellMap<V> } {
  const probesOf: { [sheet: string]: FormatProbes | undefined } = {};
  for (const s of sheets) probesOf[s.name] = s.probes;
  const known = new CellMap<SavedFormat>();
  const rest = new CellMap<V>();
  cells.forEach((value, sheet, row, column) => {
    const p = probesOf[sheet];
    const offset = p ? row - p.firstRow : -1;
    const saved = !p || offset < 0 ? null : offset < PROBED_TOP_ROWS ? p.top[offset] : p.rest;
    if (saved) known.set(sheet, row, column, saved);
    else rest.set(sheet, row, column, value);
  });
  return { known, rest };
}
