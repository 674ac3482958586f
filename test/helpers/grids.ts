/**
 * Small builders for parse tests: dates as Days and Excel serials, and workbooks made of the
 * seed's schedule plus a log written as rows, so each test shows the cells it feeds the parser.
 */
import { dayFromYmd, excelSerialFromDay, parseIsoDay } from '../../src/core/day';
import { parseWorkbook, type ParseContext, type ParseOutcome } from '../../src/core/parse';
import type { CellValue, Day, MergedArea, ParsedWorkbook, SheetInput, WorkbookInput } from '../../src/core/types';
import { seedSchedule } from './seed';

/** `2019-08-12` → Day; throws on a typo so a test cannot silently use a wrong date. */
export function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error('bad test date ' + iso);
  return d;
}

/** The 1900-system Excel serial of a date. */
export function serial(y: number, m: number, d: number): number {
  return excelSerialFromDay(dayFromYmd(y, m, d));
}

/** Checking August 2019 as of 2 September 2019, as the seed's sample does. */
export const AUG_2019: ParseContext = { year: 2019, month: 8, asOf: day('2019-09-02') };

export function sheet(name: string, values: CellValue[][], opts: Partial<SheetInput> = {}): SheetInput {
  return Object.assign({ name, values }, opts);
}

/** A log sheet with the given header and rows; header in row 1, data from row 2. */
export function log(header: string[], rows: CellValue[][], name = '检查记录'): SheetInput {
  return sheet(name, [header, ...rows]);
}

/** Parses and fails the test with the input error's message when the workbook is refused. */
export function parseOk(input: WorkbookInput, ctx: ParseContext = AUG_2019): ParsedWorkbook {
  const outcome: ParseOutcome = parseWorkbook(input, ctx);
  if (!outcome.ok) throw new Error('expected a parsed workbook, got ' + outcome.error.code + ': ' + outcome.error.message);
  return outcome.parsed;
}

/** The seed schedule plus the given sheets. */
export function withSeed(...sheets: SheetInput[]): WorkbookInput {
  return { sheets: [seedSchedule(), ...sheets] };
}

/** `B3:C5` → the merged area it names (1-based row and column, size). */
export function mergedArea(a1: string): MergedArea {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error('bad test range ' + a1);
  const col = (letters: string) => letters.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const column = col(m[1]);
  return { row, column, rows: Number(m[4]) - row + 1, columns: col(m[3]) - column + 1 };
}
