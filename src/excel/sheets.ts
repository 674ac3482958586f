/**
 * The sheets of the workbook as the adapter sees them: the list (names, ids, visibility), what
 * one sheet's read gives, the used range every read starts from, and the saved marks found again
 * under the names the sheets have now.
 */
import { isOwnSheet } from '../core';
import type { MergedArea } from '../core/types';
import { CellMap, decodeState, type SavedFormat } from './blocks';
import type { Caps } from './capabilities';
import type { FormatProbes } from './probes';
import { STATE_SHEET } from './state';

export interface SheetListing {
  name: string;
  /** Excel's id of the sheet: it stays when the sheet is renamed or moved. */
  id: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  position: number;
}

/** Sync: the names, visibility and positions of all sheets. */
export async function listSheets(ctx: Excel.RequestContext): Promise<SheetListing[]> {
  const collect = queueList(ctx);
  await ctx.sync();
  return collect();
}

export function queueList(ctx: Excel.RequestContext): () => SheetListing[] {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position,items/id');
  return () =>
    sheets.items.map((ws) => ({
      name: ws.name,
      id: ws.id,
      visibility: ws.visibility === 'VeryHidden' ? 'veryHidden' : ws.visibility === 'Hidden' ? 'hidden' : 'visible',
      position: ws.position,
    }));
}

export interface ReadSheet {
  name: string;
  values: unknown[][];
  firstRow: number;
  firstColumn: number;
  protected: boolean;
  /** The clerk's formats read with the values, where they are one for a whole stretch (see queueProbes). */
  probes?: FormatProbes;
  /** The merged areas of an input sheet (ExcelApi 1.13, see queueMerges); undefined when not read. */
  merges?: MergedArea[];
}

export function usedRangeOf(ws: Excel.Worksheet, c: Caps): Excel.Range {
  // valuesOnly (1.2) gives the same grid as the CLI: format-only cells do not widen it.
  return c.v12 ? ws.getUsedRange(true) : ws.getUsedRange();
}

/** Queues loads of the used range (`props`) and the protection (1.2) of each named sheet. */
export function queueUsedRanges(ctx: Excel.RequestContext, names: string[], c: Caps, props: string) {
  return names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const range = usedRangeOf(ws, c);
    range.load(props);
    let protection: Excel.WorksheetProtection | null = null;
    if (c.v12) {
      protection = ws.protection;
      protection.load('protected');
    }
    return { name, range, protection };
  });
}

/** Reads the answers of a queued read after its sync; `merges`: whether it asked for merged areas. */
export type Collector<T> = (() => T) & { merges: boolean };

export function collector<T>(collect: () => T, merges: boolean): Collector<T> {
  const out = collect as Collector<T>;
  out.merges = merges;
  return out;
}

/** The sheets a check reads: every input sheet, then our state sheet if there is one. */
export function namesToRead(list: SheetListing[]): { names: string[]; hasState: boolean } {
  const stateListing = list.filter((s) => sameName(s.name, STATE_SHEET))[0];
  const inputNames = list.filter((s) => !isOwnSheet(s.name)).map((s) => s.name);
  return { names: stateListing ? inputNames.concat([stateListing.name]) : inputNames, hasState: !!stateListing };
}

/** Name → id of the listed sheets, to keep with saved marks. */
export function sheetIdsOf(list: SheetListing[]): { [sheet: string]: string } {
  const out: { [sheet: string]: string } = {};
  for (const s of list) out[s.name] = s.id;
  return out;
}

/**
 * The marks saved in the state sheet, under the names the sheets have now: found by the id kept
 * with them (a sheet renamed since keeps its marks), else by name; marks of sheets gone are dropped.
 */
export function savedMarks(values: unknown[][], list: SheetListing[]): CellMap<SavedFormat> {
  const decoded = decodeState(values);
  const byUpper: { [upper: string]: string } = {};
  const byId: { [id: string]: string } = {};
  for (const s of list) {
    byUpper[s.name.toLocaleUpperCase()] = s.name;
    if (s.id) byId[s.id] = s.name;
  }
  const nameNow: { [saved: string]: string | null } = {};
  const out = new CellMap<SavedFormat>();
  decoded.saved.forEach((format, sheet, row, column) => {
    let now = nameNow[sheet];
    if (now === undefined) {
      const id = decoded.sheetIds[sheet];
      now = nameNow[sheet] = (id && byId[id]) || byUpper[sheet.toLocaleUpperCase()] || null;
    }
    if (now) out.set(now, row, column, format);
  });
  return out;
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}
