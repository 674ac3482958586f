/**
 * Everything of a workbook's sheets that the check promises never to change: every cell's value,
 * formula, type and number format, column widths, row heights, merges and sheet visibility.
 * Fills and font colours are deliberately left out (they are what the check adds).
 */
import ExcelJS from 'exceljs';

export interface SheetSnapshot {
  name: string;
  state: string;
  cells: Record<string, { type: number; value: unknown; formula: string | null; numFmt: string | null }>;
  widths: Record<number, number | null>;
  heights: Record<number, number | null>;
  merges: string[];
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return 'DATE:' + (isNaN(value.getTime()) ? 'invalid' : value.toISOString());
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) out[k] = plain((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: SheetSnapshot['cells'] = {};
  const heights: SheetSnapshot['heights'] = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined && row.height !== null) heights[r] = row.height;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Null) return;
      cells[cell.address] = {
        type: cell.type,
        value: plain(cell.value),
        formula: cell.type === ExcelJS.ValueType.Formula ? cell.formula : null,
        numFmt: cell.numFmt || null,
      };
    });
  });
  const widths: SheetSnapshot['widths'] = {};
  // Counted once: both counts walk every cell, and a sheet can be 16,384 columns wide.
  const columns = Math.max(ws.columnCount, ws.actualColumnCount);
  for (let c = 1; c <= columns; c++) {
    const w = ws.getColumn(c).width;
    if (w !== undefined) widths[c] = w;
  }
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
  return { name: ws.name, state: ws.state, cells, widths, heights, merges };
}

/** Snapshots of every sheet whose name passes the filter, in tab order. */
export function snapshotWorkbook(wb: ExcelJS.Workbook, keep: (name: string) => boolean = () => true): SheetSnapshot[] {
  return wb.worksheets.filter((ws) => keep(ws.name)).map(snapshotSheet);
}

export async function readBack(buffer: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

/** The ARGB fill colour of a cell, or null when it has no solid fill. */
export function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return null;
  return (fill.fgColor && fill.fgColor.argb) || null;
}
