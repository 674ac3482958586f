/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * Text that XML cannot carry as it is. Excel stores control characters (U+0001, U+001B…) in a
 * cell as `_x0001_`, and text that merely looks like such an escape (`_x0041_`) as `_x005F_x0041_`.
 * ExcelJS reads both back correctly but, when writing, silently drops the control characters and
 * writes `_x0041_` as it is (which Excel then shows as `A`): the clerk's cell would change. So
 * before writing, the cells that hold such text get Excel's escapes.
 */
import type ExcelJS from 'exceljs';
import type { WorkbookInput } from '../../src/core/types';

// XML 1.0 forbids C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF; ExcelJS also drops DEL.
const UNENCODABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/** True when `text` would not survive ExcelJS's writer unchanged. */
export function needsEscape(text: string): boolean {
  return NEEDS_ESCAPE.test(text);
}

/** Excel's `_xHHHH_` escaping of a cell's text (what ExcelJS's reader undoes). */
export function escapeCellText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(UNENCODABLE, (c) => '_x' + ('000' + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + '_');
}

function escapeCell(cell: ExcelJS.Cell): void {
  const value = cell.value as unknown;
  if (typeof value === 'string') {
    if (needsEscape(value)) cell.value = escapeCellText(value);
    return;
  }
  if (!value || typeof value !== 'object') return;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    const runs = v.richText as Array<{ text?: unknown }>;
    if (runs.some((r) => typeof r.text === 'string' && needsEscape(r.text))) {
      cell.value = {
        ...v,
        richText: runs.map((r) => (typeof r.text === 'string' ? { ...r, text: escapeCellText(r.text) } : r)),
      } as unknown as ExcelJS.CellValue;
    }
  } else if (typeof v.hyperlink === 'string' && typeof v.text === 'string' && needsEscape(v.text)) {
    cell.value = { ...v, text: escapeCellText(v.text) } as unknown as ExcelJS.CellValue;
  }
}

/**
 * Escapes, in the workbook about to be written, every cell whose text ExcelJS would alter: the
 * input's cells (found through the grids already read, so a large log is not walked again through
 * ExcelJS) and the summary sheet's.
 */
export function escapeUnencodableText(workbook: ExcelJS.Workbook, input: WorkbookInput, summarySheet: string): void {
  const replaced = summarySheet.toLocaleUpperCase();
  for (const sheet of input.sheets) {
    // An input sheet of the summary's name has been replaced by the new summary (done below).
    if (sheet.name.toLocaleUpperCase() === replaced) continue;
    let worksheet: ExcelJS.Worksheet | undefined;
    const firstRow = sheet.firstRow || 1;
    const firstColumn = sheet.firstColumn || 1;
    for (let r = 0; r < sheet.values.length; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value !== 'string' || !needsEscape(value)) continue;
        if (worksheet === undefined) worksheet = workbook.getWorksheet(sheet.name);
        if (!worksheet) break;
        escapeCell(worksheet.getCell(firstRow + r, firstColumn + c));
      }
    }
  }
  const summary = workbook.getWorksheet(summarySheet);
  if (summary) summary.eachRow((row) => row.eachCell((cell) => escapeCell(cell)));
}
