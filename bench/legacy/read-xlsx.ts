/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * Reads an .xlsx file into the grids the core takes, the way Excel's `range.values` shows them:
 * formulas as their last computed result, rich text and hyperlinks as their text, error values as
 * their text (`#N/A`), merged cells as '' except the top-left one. Dates come as `Date` objects
 * (ExcelJS turns date-formatted numbers into dates, taking the 1904 system into account); plain
 * numbers stay numbers and the core reads them as serials in the workbook's date system.
 */
import ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type { CellValue, MergedArea, SheetInput, WorkbookInput } from '../../src/core/types';
import { CliError } from '../../src/cli/errors';
import { normalisePackage } from './normalise';
import { attributesOf, decodeXml, readPart, readPartOutsideCells, readSheetParts, workbookPath } from './ooxml';
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
  if (wbPath && STRICT_NS.test(await readPart(zip, wbPath)!)) {
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
  const badName = (await readSheetParts(zip)).sheets.map((s) => s.name).find((n) => FORBIDDEN_IN_SHEET_NAME.test(n));
  if (badName !== undefined) {
    // Excel itself refuses such names (other programs write them); ExcelJS cannot load them and
    // would only say "damaged".
    throw new CliError(
      '“' + displayName + '”中的工作表名“' + badName + '”含有 Excel 不允许的字符（[ ] : \\ / ? *，或以单引号开头、结尾），请在 Excel 或 WPS 中重命名该工作表后再检查。',
      "A sheet name breaks Excel's rules (no [ ] : \\ / ? *, no leading or trailing '); rename the sheet first.",
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    const readable = (await normalisePackage(zip)) ? await zip.generateAsync({ type: 'nodebuffer' }) : buffer;
    await workbook.xlsx.load(readable as unknown as ExcelJS.Buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The parser's reason (English, with line and column) is for whoever looks into the file.
    throw new CliError(
      '无法读取工作簿“' + displayName + '”，文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查。',
      'Cannot read the workbook (the file may be damaged): ' + reason,
    );
  }
  const { sheets: parts } = await readSheetParts(zip);
  const unread = parts.filter((p) => p.kind === 'worksheet' && p.path && zip.file(p.path) && !workbook.getWorksheet(p.name)).map((p) => p.name);
  if (unread.length > 0) {
    // Checking without them would count too few inspections and say nothing about it.
    throw new CliError(
      '工作簿“' + displayName + '”中的工作表' + unread.map((n) => '“' + n + '”').join('、') + '无法读取（文件内部结构不标准）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查。',
      'These worksheets could not be read: ' + unread.join(', '),
    );
  }
  await restoreErrorResults(workbook, zip);
  // From here on only the parts of the sheets outside the cells are read (link repair, census):
  // keep those and let the whole sheet texts go.
  for (const part of (await readSheetParts(zip)).sheets) if (part.path) await readPartOutsideCells(zip, part.path);
  return { workbook, input: workbookToInput(workbook), zip };
}

const FORBIDDEN_IN_SHEET_NAME = /[\[\]:\\/?*]|^'|'$/;

/**
 * ExcelJS turns the cached error result of a date-formatted formula (`<c s="date" t="e"><f>…</f>
 * <v>#VALUE!</v></c>`) into an invalid Date, which would be read as a bad date instead of the
 * error Excel shows, and written back as `<v>NaN</v>` (a cell Excel must repair). Put the error
 * back from the sheet XML.
 */
async function restoreErrorResults(workbook: ExcelJS.Workbook, zip: JSZip): Promise<void> {
  const { sheets } = await readSheetParts(zip);
  for (const part of sheets) {
    const worksheet = workbook.getWorksheet(part.name);
    const text = part.path ? readPart(zip, part.path) : null;
    if (!worksheet || !text) continue;
    const xml = await text;
    if (!/\st\s*=\s*["']e["']/.test(xml)) continue;
    const tagRe = /<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(\/?)>/g;
    const endRe = /<\/(?:[\w.-]+:)?c>/g;
    let m: RegExpExecArray | null;
    while ((m = tagRe.exec(xml)) !== null) {
      if (m[2] === '/') continue;
      const attributes = attributesOf('<c' + m[1] + '>');
      if (attributes.t !== 'e' || !attributes.r) continue;
      endRe.lastIndex = tagRe.lastIndex;
      const end = endRe.exec(xml);
      const v = /<(?:[\w.-]+:)?v>([^<]*)</.exec(xml.slice(tagRe.lastIndex, end ? end.index : xml.length));
      if (!v) continue;
      const cell = worksheet.getCell(attributes.r);
      const value = cell.value as unknown as Record<string, unknown> | null;
      if (value && typeof value === 'object' && value.result instanceof Date && isNaN((value.result as Date).getTime())) {
        cell.value = { ...value, result: { error: decodeXml(v[1]) } } as unknown as ExcelJS.CellValue;
      }
    }
  }
}

const STRICT_NS = /xmlns(?::\w+)?="http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main"/;
/** Every worksheet's used range as a grid (ragged: each row ends at its last non-empty cell). */
export function workbookToInput(workbook: ExcelJS.Workbook): WorkbookInput {
  const sheets: SheetInput[] = [];
  workbook.eachSheet((worksheet) => sheets.push(sheetToInput(worksheet)));
  return { sheets, date1904: Boolean(workbook.properties && (workbook.properties as { date1904?: boolean }).date1904) };
}

export function sheetToInput(worksheet: ExcelJS.Worksheet): SheetInput {
  // Rows are built in place, indexed by absolute column, and shifted once at the end if the used
  // range does not start in column A: no object per cell (a 100,000-row log has a million cells).
  const rows: CellValue[][] = [];
  const rowNumbers: number[] = [];
  let firstColumn = Infinity;
  // Merged areas by their top-left cell, grown as their other cells come by.
  const merges = new Map<ExcelJS.Cell, MergedArea>();
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let cells: CellValue[] | null = null;
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // Excel shows a merged area's value in its top-left cell only; ExcelJS repeats it everywhere.
      // The core is told the areas (SheetInput.merges) and decides where the value belongs.
      if (cell.type === ExcelJS.ValueType.Merge) {
        noteMerged(merges, cell.master, rowNumber, columnNumber);
        return;
      }
      const value = toCellValue(cell.value);
      if (value === '') return;
      if (cells === null) cells = [];
      while (cells.length < columnNumber - 1) cells.push('');
      cells[columnNumber - 1] = value;
      if (columnNumber < firstColumn) firstColumn = columnNumber;
    });
    if (cells !== null) {
      rows.push(cells);
      rowNumbers.push(rowNumber);
    }
  });
  const visibility = worksheet.state === 'hidden' || worksheet.state === 'veryHidden' ? worksheet.state : 'visible';
  if (rows.length === 0) return { name: worksheet.name, values: [], firstRow: 1, firstColumn: 1, visibility };
  const mergedAreas = Array.from(merges.values());

  const firstRow = rowNumbers[0];
  const values: CellValue[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rowNumbers[i] - firstRow;
    while (values.length < r) values.push([]);
    values.push(firstColumn > 1 ? rows[i].slice(firstColumn - 1) : rows[i]);
  }
  const input: SheetInput = { name: worksheet.name, values, firstRow, firstColumn, visibility };
  if (mergedAreas.length > 0) input.merges = mergedAreas;
  return input;
}

/** Grows the merged area of `master` to take in the cell at (`row`, `column`). */
function noteMerged(merges: Map<ExcelJS.Cell, MergedArea>, master: ExcelJS.Cell, row: number, column: number): void {
  let area = merges.get(master);
  if (area === undefined) {
    // ExcelJS types `row` and `col` as strings; they are numbers.
    area = { row: Number(master.row), column: Number(master.col), rows: 1, columns: 1 };
    merges.set(master, area);
  }
  area.rows = Math.max(area.rows, row - area.row + 1);
  area.columns = Math.max(area.columns, column - area.column + 1);
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
