/**
 * Reads an .xlsx file into the grids the core takes, the way Excel's `range.values` shows them:
 * formulas as their last computed result, rich text and hyperlinks as their text, error values as
 * their text (`#N/A`), merged cells as '' except the top-left one. Dates come as `Date` objects
 * (ExcelJS turns date-formatted numbers into dates, taking the 1904 system into account); plain
 * numbers stay numbers and the core reads them as serials in the workbook's date system.
 */
import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type { CellValue, SheetInput, WorkbookInput } from '../core/types';
import { CliError } from './errors';
import { readRels, readSheetParts, relKind, workbookPath } from './ooxml';
import { loadZip } from './lost-parts';

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  input: WorkbookInput;
  zip: JSZip;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buffer: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => buffer[i] === b);
}

/** Loads a workbook from the bytes of a file; a file that is not an .xlsx workbook is a CliError. */
export async function loadWorkbook(buffer: Buffer, displayName: string): Promise<LoadedWorkbook> {
  if (startsWith(buffer, CFB_MAGIC)) {
    throw new CliError(
      '“' + displayName + '”是旧版 .xls 文件或设置了打开密码的工作簿，请在 Excel 中另存为（不加密的）.xlsx 后再检查。',
      'This is an old .xls file or a password-protected workbook; save it as an unencrypted .xlsx first.',
    );
  }
  const zip = startsWith(buffer, ZIP_MAGIC) ? await loadZip(buffer) : null;
  if (!zip) {
    throw new CliError('“' + displayName + '”不是 .xlsx 工作簿，无法读取。', 'The input is not an .xlsx workbook.');
  }
  const wbPath = await workbookPath(zip);
  if (wbPath && STRICT_NS.test(await zip.file(wbPath)!.async('string'))) {
    throw new CliError(
      '“' + displayName + '”是“Strict Open XML 电子表格”格式，请在 Excel 中另存为普通的“Excel 工作簿 (*.xlsx)”后再检查。',
      'Strict Open XML workbooks are not supported; save it as a regular Excel workbook (.xlsx).',
    );
  }
  if (!wbPath) {
    throw new CliError(
      '“' + displayName + '”不是 Excel 工作簿（压缩包里没有 xl/workbook.xml；WPS/ODS 文件请先另存为 .xlsx）。',
      'The input is a zip file but not an .xlsx workbook (no xl/workbook.xml).',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const readable = (await normalisePackage(zip)) ? await zip.generateAsync({ type: 'nodebuffer' }) : buffer;
    await workbook.xlsx.load(readable as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      '无法读取工作簿“' + displayName + '”（文件可能已损坏）：' + reason,
      'Cannot read the workbook (the file may be damaged).',
    );
  }
  return { workbook, input: workbookToInput(workbook), zip };
}

const STRICT_NS = /xmlns(?::\w+)?="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Makes a package written by another program readable by ExcelJS without changing its content:
 * the main namespace written with a prefix (`<x:row>`, as some .NET writers do) becomes the
 * default namespace, and rows and cells get their optional `r` attribute. Returns whether
 * anything changed.
 */
export async function normalisePackage(zip: JSZip): Promise<boolean> {
  const prefixes = await unprefixMainNamespace(zip);
  const references = await addCellReferences(zip);
  return prefixes || references;
}

async function unprefixMainNamespace(zip: JSZip): Promise<boolean> {
  const wbPath = await workbookPath(zip);
  if (!wbPath) return false;
  const parts = [wbPath];
  for (const rel of await readRels(zip, wbPath)) {
    const kind = relKind(rel.type);
    if (!rel.external && (kind === 'worksheet' || kind === 'sharedStrings' || kind === 'styles')) parts.push(rel.target);
  }
  let changed = false;
  for (const part of parts) {
    const file = zip.file(part);
    if (!file) continue;
    const xml = await file.async('string');
    const root = /<([\w.-]+):[\w.-]+[^>]*\sxmlns:\1\s*=\s*"([^"]*)"/.exec(xml.slice(0, 2000));
    if (!root || root[2] !== MAIN_NS) continue;
    const prefix = root[1];
    const open = new RegExp('<(/?)' + prefix + ':', 'g');
    const declaration = new RegExp('\\sxmlns:' + prefix + '\\s*=\\s*"' + MAIN_NS.replace(/[.\/]/g, '\\$&') + '"');
    let fixed = xml.replace(open, '<$1');
    fixed = /\sxmlns\s*=/.test(fixed.slice(0, 2000)) ? fixed.replace(declaration, '') : fixed.replace(declaration, ' xmlns="' + MAIN_NS + '"');
    zip.file(part, fixed);
    changed = true;
  }
  return changed;
}

/** Column number of `A`…`XFD`. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The `r` attribute of rows and cells is optional in the file format and some programs leave it
 * out; ExcelJS then fails. Number them the way the format defines (each row after the previous,
 * each cell after the previous one in its row). Only `r` attributes are added, which changes no
 * count of the lost-parts census. Returns whether anything changed.
 */
async function addCellReferences(zip: JSZip): Promise<boolean> {
  const { sheets } = await readSheetParts(zip);
  let changed = false;
  for (const part of sheets) {
    const file = part.path ? zip.file(part.path) : null;
    if (!file) continue;
    const xml = await file.async('string');
    const missing = /<(?:[\w.-]+:)?(?:row|c)(?=[\s/>])(?![^>]*\sr\s*=)[^>]*>/;
    if (!missing.test(xml)) continue;
    let row = 0;
    let column = 0;
    const fixed = xml.replace(/<((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*)>/g, (tag, prefix: string, name: string, rest: string) => {
      const r = /\sr\s*=\s*["']([^"']*)["']/.exec(rest);
      if (name === 'row') {
        row = r ? parseInt(r[1], 10) || row + 1 : row + 1;
        column = 0;
        return r ? tag : '<' + prefix + 'row r="' + row + '"' + rest + '>';
      }
      if (r) {
        const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(r[1]);
        if (m) column = columnNumber(m[1]);
        return tag;
      }
      column++;
      return '<' + prefix + 'c r="' + columnLetters(column) + row + '"' + rest + '>';
    });
    zip.file(part.path, fixed);
    changed = true;
  }
  return changed;
}

/** Every worksheet's used range as a grid (ragged: each row ends at its last non-empty cell). */
export function workbookToInput(workbook: ExcelJS.Workbook): WorkbookInput {
  const sheets: SheetInput[] = [];
  workbook.eachSheet((worksheet) => sheets.push(sheetToInput(worksheet)));
  return { sheets, date1904: Boolean(workbook.properties && (workbook.properties as { date1904?: boolean }).date1904) };
}

export function sheetToInput(worksheet: ExcelJS.Worksheet): SheetInput {
  const cells: Array<{ row: number; column: number; value: CellValue }> = [];
  let firstRow = Infinity;
  let firstColumn = Infinity;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Excel shows a merged area's value in its top-left cell only; ExcelJS repeats it everywhere.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const value = toCellValue(cell.value);
      if (value === '') return;
      cells.push({ row: rowNumber, column: columnNumber, value });
      if (rowNumber < firstRow) firstRow = rowNumber;
      if (columnNumber < firstColumn) firstColumn = columnNumber;
    });
  });
  const visibility = worksheet.state === 'hidden' || worksheet.state === 'veryHidden' ? worksheet.state : 'visible';
  if (cells.length === 0) return { name: worksheet.name, values: [], firstRow: 1, firstColumn: 1, visibility };

  const values: CellValue[][] = [];
  for (const c of cells) {
    const r = c.row - firstRow;
    while (values.length <= r) values.push([]);
    const row = values[r];
    const col = c.column - firstColumn;
    while (row.length < col) row.push('');
    row[col] = c.value;
  }
  return { name: worksheet.name, values, firstRow, firstColumn, visibility };
}

/** One ExcelJS cell value as `range.values` would show it. */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    // A serial far outside Excel's range gives an invalid Date; hand over text the core reports.
    return isNaN(value.getTime()) ? '#无效日期' : value;
  }
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v) return String(v.error);
  if ('richText' in v && Array.isArray(v.richText)) {
    return (v.richText as Array<{ text?: string }>).map((run) => (run && run.text) || '').join('');
  }
  if ('formula' in v || 'sharedFormula' in v) {
    // A formula that was never calculated (written by a program) has no result: Excel shows ''.
    return 'result' in v ? toCellValue(v.result as ExcelJS.CellValue) : '';
  }
  if ('hyperlink' in v) return toCellValue((v.text as ExcelJS.CellValue) ?? '');
  if ('text' in v) return toCellValue(v.text as ExcelJS.CellValue);
  return '';
}
