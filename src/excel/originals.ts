/**
 * The original fill and font colour of cells the check colours for the first time, where the
 * probes could not tell them: getCellProperties (ExcelApi 1.9), or format loads per block, then
 * per slice, row and cell only as deep as the clerk's own formats differ.
 */
import { CellMap, normaliseColour, rectAddress, type Rect, type SavedFormat } from './blocks';
import { inBatches, rangeOpBytes, WIRE, WRITE_BUDGET_BYTES } from './budget';
import type { Caps } from './capabilities';
import { uniformFormat } from './probes';
import { rectsBySheet } from './formats';

/** Newly coloured cells whose original formats are read per sync (≈ 80 bytes each in the response). */
const ORIGINALS_PER_SYNC = 55000;
/** Largest block whose original formats are read with one getCellProperties. */
const SLICE_CELLS = 2000;
/** Rows per slice when a tall block's cells differ below 1.9 (then row by row). */
const MIXED_SLICE_ROWS = 64;
/** Arguments of a getCellProperties call (which parts of the format), as JSON. */
const CELL_PROPERTIES_ARGS = 80;

export type Block = { sheet: string; rect: Rect };

/** One worksheet proxy per sheet name for a whole read (fewer object paths on the wire). */
function sheetProxies(ctx: Excel.RequestContext): (sheet: string) => Excel.Worksheet {
  const made: { [sheet: string]: Excel.Worksheet } = {};
  return (sheet) => made[sheet] || (made[sheet] = ctx.workbook.worksheets.getItem(sheet));
}

function cellCount(rect: Rect): number {
  return (rect.lastRow - rect.row + 1) * (rect.lastColumn - rect.column + 1);
}

/**
 * Sync(s): the original fill and font colour of the given cells, in as few round trips and bytes
 * as the host allows.
 * - ExcelApi 1.9, when the answer fits in one response: one `getCellProperties` per block, one
 *   sync (the fill pattern tells "no fill" from white).
 * - Otherwise one format load per block (tiny answers). Excel reads the colour (and, 1.9, the
 *   pattern) of a range whose cells differ as null: such blocks are read again in 64-row slices;
 *   then, on 1.9, mixed slices with `getCellProperties` (one more sync, or chunks of them), and
 *   below 1.9 row by row, then cell by cell, only as deep as the cells differ. A log without
 *   fills of its own (the usual case) costs one load per block, not one per row or cell.
 * Below 1.9 white counts as no fill (Excel cannot tell them apart there).
 */
export async function readOriginals(ctx: Excel.RequestContext, cells: CellMap<unknown>, c: Caps): Promise<CellMap<SavedFormat>> {
  const out = new CellMap<SavedFormat>();
  if (!cells.size) return out;
  const bySheet = rectsBySheet(cells, () => '');
  let pending: Block[] = [];
  for (const sheet in bySheet) for (const r of bySheet[sheet]) pending.push({ sheet, rect: r.rect });
  if (c.v19 && cells.size <= ORIGINALS_PER_SYNC) {
    await readCellProperties(ctx, pending, out);
    return out;
  }
  const mixed: Block[] = [];
  const sheetOf = sheetProxies(ctx);
  while (pending.length) {
    const finer: Block[] = [];
    await inBatches(
      ctx,
      pending,
      WRITE_BUDGET_BYTES,
      // The range, its format, fill and font, and two loads (small answers: the request is the bound).
      (j) => rangeOpBytes(rectAddress(j.rect), 3, 0) + 2 * WIRE.query,
      (j) => {
        const format = sheetOf(j.sheet).getRange(rectAddress(j.rect)).untrack().format;
        format.fill.load(c.v19 ? ['color', 'pattern'] : 'color');
        format.font.load('color');
        return format;
      },
      (j, format) => {
        const saved = uniformFormat(format, c);
        const { row, lastRow, column, lastColumn } = j.rect;
        if (saved) {
          for (let r = row; r <= lastRow; r++) for (let col = column; col <= lastColumn; col++) out.set(j.sheet, r, col, saved);
        } else if (lastRow - row + 1 > MIXED_SLICE_ROWS) {
          // Tall blocks first in slices, so a few fills of the clerk's own in a long log cost a
          // few slices, not every row or cell (one more sync).
          for (let r = row; r <= lastRow; r += MIXED_SLICE_ROWS) finer.push({ sheet: j.sheet, rect: { row: r, lastRow: Math.min(lastRow, r + MIXED_SLICE_ROWS - 1), column, lastColumn } });
        } else if (c.v19) {
          mixed.push(j);
        } else if (lastRow > row) {
          for (let r = row; r <= lastRow; r++) finer.push({ sheet: j.sheet, rect: { row: r, lastRow: r, column, lastColumn } });
        } else if (lastColumn > column) {
          for (let col = column; col <= lastColumn; col++) finer.push({ sheet: j.sheet, rect: { row, lastRow: row, column: col, lastColumn: col } });
        } else {
          // One cell below 1.9 (no pattern to read): whatever Excel says is its format.
          const fill = normaliseColour(format.fill.color);
          out.set(j.sheet, row, column, { fill: fill === null || fill === '#FFFFFF' ? null : fill, font: normaliseColour(format.font.color) || '#000000' });
        }
      },
    );
    pending = finer;
  }
  if (mixed.length) await readCellProperties(ctx, mixed, out);
  return out;
}

/** ExcelApi 1.9: fill colour, fill pattern and font colour of every cell of the blocks. */
async function readCellProperties(ctx: Excel.RequestContext, blocks: Block[], out: CellMap<SavedFormat>): Promise<void> {
  const jobs: Block[] = [];
  for (const b of blocks) {
    // Tall blocks are read in slices, so a batch can always be split to fit the size limit.
    const width = b.rect.lastColumn - b.rect.column + 1;
    const step = Math.max(1, Math.floor(SLICE_CELLS / width));
    for (let row = b.rect.row; row <= b.rect.lastRow; row += step) {
      jobs.push({ sheet: b.sheet, rect: { row, lastRow: Math.min(b.rect.lastRow, row + step - 1), column: b.rect.column, lastColumn: b.rect.lastColumn } });
    }
  }
  const sheetOf = sheetProxies(ctx);
  // Bound by the response (about 80 bytes a cell) and, for many small blocks, by the request.
  const share = (j: Block) => Math.max(cellCount(j.rect) / ORIGINALS_PER_SYNC, (rangeOpBytes(rectAddress(j.rect), 0, 1) + CELL_PROPERTIES_ARGS) / WRITE_BUDGET_BYTES);
  await inBatches(
    ctx,
    jobs,
    1,
    share,
    (j) =>
      sheetOf(j.sheet)
        .getRange(rectAddress(j.rect))
        .untrack()
        .getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } }),
    (j, props) => {
      const grid = props.value;
      for (let r = 0; r < grid.length; r++) {
        for (let col = 0; col < grid[r].length; col++) {
          const fmt = grid[r][col].format || {};
          const pattern = fmt.fill && fmt.fill.pattern;
          const fill = pattern === 'None' ? null : normaliseColour(fmt.fill && fmt.fill.color);
          out.set(j.sheet, j.rect.row + r, j.rect.column + col, { fill, font: normaliseColour(fmt.font && fmt.font.color) || '#000000' });
        }
      }
    },
  );
}
