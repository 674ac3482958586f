/**
 * Merged cells in the rows of a table. Excel gives a merged area's value in its top-left cell only,
 * and clerks merge one 检查日期 or one 带队领导 down over the records of one trip; each of those
 * records has that date or leader.
 */
import type { CellValue, Grid, MergedArea } from './types';

/**
 * `values` with the value of each merged area copied down its first column, in the rows from
 * index `fromIndex` on (the data rows) and only for areas whose top-left cell is itself in those
 * rows. An area that covers several of `fieldColumns` (a section label or a note merged across the
 * table) is left alone: it is not the value of one field. Rows that change are copies; the input is
 * never modified, and it is returned as it is when nothing changes.
 *
 * @param origin 1-based Excel row and column of `values[0][0]`.
 * @param fieldColumns 0-based indexes (into a row of `values`) of the columns the table reads.
 */
export function fillMergedDown(
  values: Grid,
  merges: ReadonlyArray<MergedArea> | undefined,
  origin: { firstRow: number; firstColumn: number },
  fromIndex: number,
  fieldColumns: ReadonlyArray<number>,
): Grid {
  if (!merges || merges.length === 0) return values;
  let out: CellValue[][] | null = null;
  const copied = new Set<number>();
  for (const area of merges) {
    if (!isArea(area) || area.rows < 2) continue;
    const top = area.row - origin.firstRow;
    const column = area.column - origin.firstColumn;
    if (top < fromIndex || top >= values.length || column < 0) continue;
    if (coveredFields(column, area.columns, fieldColumns) > 1) continue;
    const topRow = values[top];
    const value = topRow ? topRow[column] : undefined;
    if (value === null || value === undefined || value === '') continue;
    const last = Math.min(top + area.rows - 1, values.length - 1);
    for (let r = top + 1; r <= last; r++) {
      if (out === null) out = values.slice() as CellValue[][];
      if (!copied.has(r)) {
        out[r] = out[r] ? out[r].slice() : [];
        copied.add(r);
      }
      const row = out[r];
      while (row.length < column) row.push('');
      row[column] = value;
    }
  }
  return out === null ? values : out;
}

function isArea(area: MergedArea | null | undefined): area is MergedArea {
  return (
    !!area &&
    isWhole(area.row) && area.row >= 1 &&
    isWhole(area.column) && area.column >= 1 &&
    isWhole(area.rows) && isWhole(area.columns) && area.columns >= 1
  );
}

function isWhole(n: unknown): n is number {
  return typeof n === 'number' && isFinite(n) && Math.floor(n) === n;
}

function coveredFields(column: number, width: number, fieldColumns: ReadonlyArray<number>): number {
  let n = 0;
  for (const c of fieldColumns) if (c >= column && c < column + width) n++;
  return n;
}
