/**
 * Reads too large for one response (Excel on the web's 5 MB limit): the used ranges' sizes first
 * (with the probes and merged areas, which are small), then the values in row chunks sized by
 * what the first chunk weighed, halving whenever the host still refuses one.
 */
import { rectAddress } from './blocks';
import type { Caps } from './capabilities';
import { isSizeError } from './errors';
import { giveUpProbes, queueSheetProbes, type FormatProbes } from './probes';
import { giveUpMerges, queueMerges } from './read-merges';
import { utf8Length } from './budget';
import { session } from './session';
import { collector, queueUsedRanges, type Collector, type ReadSheet } from './sheets';
import type { MergedArea } from '../core/types';

/** Cells per sync when a read must be chunked; halved on every size error. */
const CHUNK_CELLS = 250000;
/** Response bytes a chunk aims at once the first chunk has shown the bytes per cell (limit 5 MB). */
const READ_BUDGET_BYTES = 4500000;

export interface SheetDims {
  name: string;
  firstRow: number;
  firstColumn: number;
  rows: number;
  columns: number;
  protected: boolean;
  probes?: FormatProbes;
  merges?: MergedArea[];
}

/**
 * Queues the used range's place and size (and protection, 1.2) of the named sheets, with the
 * format probes and merged areas of the input sheets (small answers, so a sheet read in chunks gets
 * them too, in this sync: the chunks then read values only).
 */
export function queueDims(ctx: Excel.RequestContext, names: string[], c: Caps): Collector<SheetDims[]> {
  const queued = queueUsedRanges(ctx, names, c, 'rowIndex,columnIndex,rowCount,columnCount');
  const probesOf = queueSheetProbes(queued, c);
  const mergesOf = queueMerges(queued, c);
  return collector(
    () =>
      queued.map((q, i) => ({
        name: q.name,
        firstRow: q.range.rowIndex + 1,
        firstColumn: q.range.columnIndex + 1,
        rows: q.range.rowCount,
        columns: q.range.columnCount,
        protected: q.protection ? q.protection.protected : false,
        probes: probesOf(i),
        merges: mergesOf(i),
      })),
    mergesOf.queued,
  );
}

export async function readSheetsChunked(ctx: Excel.RequestContext, names: string[], c: Caps): Promise<ReadSheet[]> {
  if (!names.length) return [];
  const collect = queueDims(ctx, names, c);
  try {
    await ctx.sync();
  } catch (e) {
    if (giveUpProbes(e) || giveUpMerges(e, collect.merges)) return readSheetsChunked(ctx, names, c);
    throw e;
  }
  return readChunks(ctx, collect());
}

/** Syncs: the values of sheets of known size, in row chunks that fit the size limit. */
export async function readChunks(ctx: Excel.RequestContext, dims: SheetDims[]): Promise<ReadSheet[]> {
  const out: ReadSheet[] = dims.map((d) => ({
    name: d.name,
    values: [],
    firstRow: d.firstRow,
    firstColumn: d.firstColumn,
    protected: d.protected,
    probes: d.probes,
    merges: d.merges,
  }));
  // Work items: row slices of every sheet, in order.
  interface Slice { sheet: number; row: number; rows: number; columns: number }
  const todo: Slice[] = dims.map((d, i) => ({ sheet: i, row: 0, rows: d.rows, columns: d.columns }));
  let budget = CHUNK_CELLS;
  // Never again as many cells as a chunk the host refused.
  let ceiling = Infinity;
  while (todo.length) {
    const batch: Array<{ slice: Slice; range: Excel.Range }> = [];
    let cells = 0;
    while (todo.length && cells < budget) {
      const s = todo[0];
      const rows = Math.max(1, Math.min(s.rows, Math.floor((budget - cells) / Math.max(1, s.columns))));
      if (rows < s.rows && cells > 0 && rows * s.columns < s.columns) break;
      const part: Slice = { sheet: s.sheet, row: s.row, rows, columns: s.columns };
      const d = dims[s.sheet];
      const first = out[s.sheet];
      const range = ctx.workbook.worksheets.getItem(d.name).getRange(
        rectAddress({ row: first.firstRow + s.row, lastRow: first.firstRow + s.row + rows - 1, column: first.firstColumn, lastColumn: first.firstColumn + s.columns - 1 }),
      );
      range.load('values');
      batch.push({ slice: part, range });
      cells += rows * s.columns;
      if (rows === s.rows) todo.shift();
      else todo[0] = { sheet: s.sheet, row: s.row + rows, rows: s.rows - rows, columns: s.columns };
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e) || budget <= 1) throw e;
      // Put the slices back and try again with half the cells.
      for (let i = batch.length - 1; i >= 0; i--) {
        const s = batch[i].slice;
        if (todo.length && todo[0].sheet === s.sheet && todo[0].row === s.row + s.rows) {
          todo[0] = { sheet: s.sheet, row: s.row, rows: s.rows + todo[0].rows, columns: s.columns };
        } else todo.unshift(s);
      }
      budget = Math.floor(budget / 2);
      ceiling = Math.min(ceiling, cells - 1);
      continue;
    }
    session.chunkedReads++;
    let bytes = 0;
    for (const b of batch) {
      const target = out[b.slice.sheet].values;
      const v = b.range.values;
      for (let r = 0; r < v.length; r++) target.push(v[r]);
      bytes += utf8Length(JSON.stringify(v));
    }
    // Size the next chunks by what this one weighed, so each fills most of a response.
    if (bytes > 0 && cells > 0) budget = Math.max(1, Math.min(ceiling, Math.floor(READ_BUDGET_BYTES / (bytes / cells))));
  }
  return out;
}
