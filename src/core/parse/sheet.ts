/**
 * What every sheet reader shares: a sheet whose header was found, the read context, and the
 * helpers that read one cell of a field and turn what cannot be read into a Problem naming it.
 */
import { isEmptyDateMark, parseDateCell, quoteDateCell } from '../clean/dates';
import { makeProblem } from '../clean/problem';
import { cellText, isErrorValue, quoteCell, trimAll } from '../clean/text';
import { dayFromExcelSerial, dayFromYmd, isValidYmd, ymdFromDay } from '../day';
import type { DateParse } from '../clean/dates';
import type { HeaderDetection } from './header';
import type { CellValue, Day, DetectedSheet, Field, Grid, Problem, ProblemCode } from '../types';

/** The month being checked (M) and the as-of date (T). */
export interface ParseContext {
  year: number;
  month: number;
  /** T */
  asOf: Day;
}

/** A sheet whose header was found, ready to read. */
export interface KindSheet {
  /** Position in the workbook, for ordering problems. */
  order: number;
  name: string;
  values: Grid;
  firstRow: number;
  firstColumn: number;
  header: HeaderDetection;
  detected: DetectedSheet;
}

export type Row = ReadonlyArray<CellValue>;

const MS_PER_DAY = 86400000;
/** 1905-01-01 and 10000-01-01 in ms since 1970 (UTC): dates read without more checks (earlier ones are checked). */
const MS_1905 = -2051222400000;
const MS_10000 = 253402300800000;
/** How far after T a yearless date must fall to be taken for the year before. */
const HALF_YEAR_DAYS = 183;

/** Shared state of the log, meetings and reports readers. */
export interface ReadContext {
  ctx: ParseContext;
  date1904: boolean;
  known: ReadonlySet<string>;
  aliases: Readonly<Record<string, string>>;
  problems: Problem[];
  asOfText: string;
}

/** Accessors for one sheet's fields: the cell, its Excel column and its header text. */
export class Fields {
  constructor(private sheet: KindSheet) {}
  index(field: Field): number {
    const i = this.sheet.header.columns[field];
    return i === undefined ? -1 : i;
  }
  column(field: Field): number {
    const i = this.index(field);
    return i < 0 ? 0 : this.sheet.firstColumn + i;
  }
  header(field: Field): string {
    return this.sheet.header.headers[field] || '';
  }
}

export function cellAt(row: Row, index: number): CellValue {
  return index < 0 ? undefined : row[index];
}

export function problemAt(
  rc: ReadContext,
  sheet: KindSheet,
  fields: Fields,
  field: Field,
  excelRow: number,
  code: ProblemCode,
  id: string,
  data: Record<string, string | number>,
): void {
  const column = fields.header(field);
  rc.problems.push(makeProblem(code, sheet.name, excelRow, fields.column(field), column, id, Object.assign({ column }, data)));
}

/** Reports an error value (#N/A…) in a cell; true when there was one. */
export function errorValue(rc: ReadContext, sheet: KindSheet, fields: Fields, field: Field, excelRow: number, value: CellValue): boolean {
  if (!isErrorValue(value)) return false;
  problemAt(rc, sheet, fields, field, excelRow, 'error-value', 'problem.error-value', { text: quoteCell(value) });
  return true;
}

/**
 * Reads the date of a log, meeting or report row; pushes the problem and returns null when it is
 * empty, unreadable, an error value, or after T.
 */
export function rowDate(
  rc: ReadContext,
  sheet: KindSheet,
  fields: Fields,
  field: Field,
  excelRow: number,
  value: CellValue,
  cache: Map<string, DateParse | null>,
  reportEmpty: boolean,
): Day | null {
  // Fast paths for the common serial numbers and Date objects (no allocation per row).
  if (typeof value === 'number' && value >= 367 && value < 19000101) {
    const day = dayFromExcelSerial(value, rc.date1904);
    if (day !== null && day <= rc.ctx.asOf) return day;
  } else if (value instanceof Date) {
    const ms = value.getTime();
    if (ms >= MS_1905 && ms < MS_10000) {
      const day = Math.floor(ms / MS_PER_DAY);
      if (day <= rc.ctx.asOf) return day;
    }
  }
  if (errorValue(rc, sheet, fields, field, excelRow, value)) return null;
  let parsed: DateParse | null;
  if (isEmptyDateMark(value)) {
    // /, —, 无 in a date cell mean empty (SPEC §1).
    parsed = null;
  } else if (typeof value === 'string') {
    const hit = cache.get(value);
    if (hit !== undefined) parsed = hit;
    else {
      parsed = parseDateCell(value, { date1904: rc.date1904, defaultYear: rc.ctx.year });
      if (value.length <= 100) cache.set(value, parsed);
    }
  } else {
    parsed = parseDateCell(value, { date1904: rc.date1904, defaultYear: rc.ctx.year });
  }
  if (parsed === null) {
    if (reportEmpty) problemAt(rc, sheet, fields, field, excelRow, 'empty-date', 'problem.empty-date', {});
    return null;
  }
  if (!parsed.ok) {
    problemAt(rc, sheet, fields, field, excelRow, 'bad-date', 'problem.bad-date', { text: quoteCell(value), reason: parsed.reason });
    return null;
  }
  if (parsed.yearless && parsed.day - rc.ctx.asOf > HALF_YEAR_DAYS) {
    // 12月28日 in a log checked in January: the December before, not the one to come. A date just
    // after T (a planned 9月10日) stays in T's year and is reported below as after T.
    const ymd = ymdFromDay(parsed.day);
    if (isValidYmd(ymd.year - 1, ymd.month, ymd.day)) parsed = { ok: true, day: dayFromYmd(ymd.year - 1, ymd.month, ymd.day), yearless: true };
  }
  if (parsed.day > rc.ctx.asOf) {
    problemAt(rc, sheet, fields, field, excelRow, 'future-date', 'problem.future-date', { text: quoteDateCell(value, parsed.day), asOf: rc.asOfText });
    return null;
  }
  return parsed.day;
}

/** Text of an optional cell, '' when empty or an error value (which is reported). */
export function optionalText(rc: ReadContext, sheet: KindSheet, fields: Fields, field: Field, excelRow: number, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  if (errorValue(rc, sheet, fields, field, excelRow, value)) return '';
  return trimAll(cellText(value));
}

