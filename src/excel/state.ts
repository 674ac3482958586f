/**
 * The very hidden state sheet: the original fill and font colour of every cell the check
 * coloured, as text rows (see blocks.ts for the encoding), written over what is there so that
 * the saved originals are never cleared before their replacement is in place.
 */
import { STATE_SHEET_PREFIX } from '../core';
import { columnLetters, STATE_HEADER } from './blocks';
import { gridBytes, rangeOpBytes, sized, utf8Length, type Op } from './budget';
import type { Caps } from './capabilities';
import type { ReadSheet } from './sheets';

/** The very hidden sheet holding the original formats of the cells the check coloured. */
export const STATE_SHEET = STATE_SHEET_PREFIX + '状态';
const STATE_WIDTH = STATE_HEADER.length;

/**
 * Queues the state sheet's rows `fromRow..toRow` (header first when `fromRow` is 0) as text,
 * written over what is there: the saved originals are never cleared before their replacement is
 * in place. With `clearRest`, rows beyond the new end (up to `previousRows`) are cleared after.
 */
export function queueStateWrite(ws: Excel.Worksheet, rows: Array<Array<string | number>>, previousRows: number, clearRest: boolean, fromRow = 0, toRow = rows.length): void {
  const all = stateGrid(rows, fromRow, toRow);
  if (all.length) {
    const first = fromRow === 0 ? 1 : fromRow + 2;
    const range = ws.getRange('A' + first + ':' + columnLetters(STATE_WIDTH) + (first + all.length - 1));
    range.numberFormat = all.map((row) => row.map(() => '@'));
    range.values = all;
  }
  const end = rows.length + 1;
  if (clearRest && toRow === rows.length && previousRows > end) {
    ws.getRange('A' + (end + 1) + ':' + columnLetters(STATE_WIDTH) + previousRows).clear();
  }
}

/** The state sheet's rows `fromRow..toRow` as text cells, the header first when `fromRow` is 0. */
function stateGrid(rows: Array<Array<string | number>>, fromRow: number, toRow: number): string[][] {
  const all = fromRow === 0 ? [STATE_HEADER.slice()] : [];
  for (let r = fromRow; r < toRow; r++) {
    const row = rows[r].slice();
    while (row.length < STATE_WIDTH) row.push('');
    all.push(row.map((v) => String(v)));
  }
  return all;
}

/** State rows per op: each op is one values write of at most this many rows. */
const STATE_ROWS_PER_OP = 1000;

/** Ops writing the state rows (header first) over what is there; see queueStateWrite. */
export function stateOps(ws: () => Excel.Worksheet, rows: Array<Array<string | number>>, previousRows: number, clearRest: boolean, c: Caps): Op[] {
  const ops: Op[] = [];
  for (let from = 0; from === 0 || from < rows.length; from += STATE_ROWS_PER_OP) {
    const to = Math.min(rows.length, from + STATE_ROWS_PER_OP);
    // The values and their '@' number formats, as the client sends them; then the clear of the rest.
    const grid = stateGrid(rows, from, to);
    const bytes = rangeOpBytes('A1:G1000', 0, 0) + 2 * gridBytes(grid, c) - utf8Length(JSON.stringify(grid)) + 4 * grid.length * STATE_WIDTH + rangeOpBytes('A1:G1000', 0, 1);
    ops.push(sized(() => queueStateWrite(ws(), rows, previousRows, clearRest, from, to), bytes));
  }
  return ops;
}

/** Rows of the state sheet as read (0 when there is none), to know how much to clear. */
export function stateRowCount(state: ReadSheet | null): number {
  return state ? state.firstRow - 1 + state.values.length : 0;
}
