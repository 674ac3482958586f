/**
 * Fills and font colours in bulk: cells grouped per sheet and per value into rectangles, and the
 * ops that set them (RangeAreas from ExcelApi 1.9, one range per rectangle below), including the
 * restore of saved originals.
 */
import { chunkAddresses, mergeIntoRects, rectAddress, type CellMap, type Rect, type SavedFormat } from './blocks';
import { rangeOpBytes, sized, type Op } from './budget';
import type { Caps } from './capabilities';

/**
 * Ops applying `set` to the format of every rectangle: RangeAreas (1.9) in chunks, else per block.
 * `parts`: the format parts `set` changes (fill, font: one navigation step and one set each, the
 * colour's 9 characters), for the estimate. One worksheet proxy serves every op of the sheet, and
 * each range is untracked: used in one sync only, it needs no reference kept (and released after
 * the run) by the client, which saves about 100 bytes a range in the write and again in the cleanup.
 */
export function rectOps(ctx: Excel.RequestContext, sheet: string, rects: Rect[], c: Caps, parts: number, set: (format: Excel.RangeFormat) => void): Op[] {
  if (!rects.length) return [];
  let worksheet: Excel.Worksheet | null = null;
  const ws = () => worksheet || (worksheet = ctx.workbook.worksheets.getItem(sheet));
  const bytes = (address: string) => rangeOpBytes(address, 1 + parts, parts) + parts * 9;
  if (c.v19) return chunkAddresses(rects).map((address) => sized(() => set(ws().getRanges(address).untrack().format), bytes(address)));
  return rects.map((r) => {
    const address = rectAddress(r);
    return sized(() => set(ws().getRange(address).untrack().format), bytes(address));
  });
}

/** Groups cells per sheet and per value into rectangles. */
export function rectsBySheet<V>(cells: CellMap<V>, keyOf: (v: V) => string): { [sheet: string]: Array<{ rect: Rect; value: V }> } {
  const out: { [sheet: string]: Array<{ rect: Rect; value: V }> } = {};
  for (const sheet of cells.sheets()) out[sheet] = mergeIntoRects(cells.cellsOf(sheet), keyOf);
  return out;
}

/** Rectangles of one value, grouped: value key → rects. */
export function groupRects<V>(items: Array<{ rect: Rect; value: V }>, keyOf: (v: V) => string): { [k: string]: { value: V; rects: Rect[] } } {
  const out: { [k: string]: { value: V; rects: Rect[] } } = {};
  for (const it of items) {
    const k = keyOf(it.value);
    (out[k] = out[k] || { value: it.value, rects: [] }).rects.push(it.rect);
  }
  return out;
}

/** Ops restoring saved formats (fill, then font) of the given cells. */
export function restoreOps(ctx: Excel.RequestContext, cells: CellMap<SavedFormat>, c: Caps): Op[] {
  const ops: Op[] = [];
  const bySheet = rectsBySheet(cells, (f) => (f.fill || '-') + '|' + f.font);
  for (const sheet in bySheet) {
    const fills = groupRects(bySheet[sheet], (f) => f.fill || '-');
    for (const k in fills) {
      const fill = fills[k].value.fill;
      ops.push(
        ...rectOps(ctx, sheet, mergeRects(fills[k].rects), c, 1, (format) => {
          if (fill === null) format.fill.clear();
          else format.fill.color = fill;
        }),
      );
    }
    const fonts = groupRects(bySheet[sheet], (f) => f.font);
    for (const k in fonts) {
      const font = fonts[k].value.font;
      ops.push(
        ...rectOps(ctx, sheet, mergeRects(fonts[k].rects), c, 1, (format) => {
          format.font.color = font;
        }),
      );
    }
  }
  return ops;
}

/** Re-merges rectangles of one group (they came from finer keys). */
export function mergeRects(rects: Rect[]): Rect[] {
  const cells: Array<{ row: number; column: number; value: number }> = [];
  for (const r of rects) for (let row = r.row; row <= r.lastRow; row++) cells.push({ row, column: r.column, value: r.lastColumn });
  // One entry per row run keeps this cheap: merge vertically runs of equal span.
  const sorted = cells.sort((a, b) => a.column - b.column || a.value - b.value || a.row - b.row);
  const out: Rect[] = [];
  for (const cell of sorted) {
    const last = out.length ? out[out.length - 1] : null;
    if (last && last.column === cell.column && last.lastColumn === cell.value && last.lastRow + 1 === cell.row) last.lastRow = cell.row;
    else out.push({ row: cell.row, lastRow: cell.row, column: cell.column, lastColumn: cell.value });
  }
  return out.sort((a, b) => a.row - b.row || a.column - b.column);
}
