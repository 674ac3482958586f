/**
 * The parsing half of the core: grids of cell values in, a ParsedWorkbook out (SPEC §1). Finds
 * each sheet's kind by its header, reads the schedule, the settings, the inspection log, meetings
 * and reports in one pass per sheet, and turns every unreadable cell into a Problem naming it.
 * Never throws on any grid.
 */
import { dayOnlyDeadline, monthEndDeadline, monthsDeadline, parseDateCell, relativeDeadlineDays, withoutBefore } from './clean/dates';
import type { DateParse } from './clean/dates';
import { doneDayText, isDoneState, isImmediateDeadline, isNoHazard, isNotDoneState } from './clean/hazards';
import { cleanName, splitLeaders, splitNames, TITLE_ENDINGS } from './clean/names';
import type { LeaderSplit } from './clean/names';
import { makeProblem } from './clean/problem';
import { isMainRole, isWholeTownshipScope, splitTitles } from './clean/roles';
import { extractSites, listedSites } from './clean/sites';
import { cellText, cleanKey, isBlank, isErrorValue, isFooterText, isLabelText, nfkc, quoteCell, stripBracketed, trimAll } from './clean/text';
import { splitUnits } from './clean/units';
import { dayFromExcelSerial, dayFromYmd, formatIso, isValidYmd, ymdFromDay } from './day';
import {
  deadlineDayFromText,
  detectHeader,
  fieldWords,
  HEADER_WORDS,
  isSettingsSheet,
  sheetOrigin,
  townshipFromTitle,
} from './detect';
import type { HeaderDetection, HeaderKind } from './detect';
import { formatMessage } from './messages';
import { fillMergedDown } from './merges';
import { LEADERSHIP_WORDS } from './rules/safety-meetings';
import { readSettings } from './settings';
import type {
  CellValue,
  Day,
  DetectedSheet,
  Field,
  Grid,
  InputError,
  Leader,
  LogEntry,
  Meeting,
  ParsedWorkbook,
  Problem,
  ProblemCode,
  Report,
  SheetInput,
  WorkbookInput,
} from './types';

/** The month being checked (M) and the as-of date (T). */
export interface ParseContext {
  year: number;
  month: number;
  /** T */
  asOf: Day;
}

export type ParseOutcome = { ok: true; parsed: ParsedWorkbook } | { ok: false; error: InputError };

/** A sheet whose header was found, ready to read. */
interface KindSheet {
  /** Position in the workbook, for ordering problems. */
  order: number;
  name: string;
  values: Grid;
  firstRow: number;
  firstColumn: number;
  header: HeaderDetection;
  detected: DetectedSheet;
}

type Row = ReadonlyArray<CellValue>;

/** Longest leader name the schedule accepts; longer text is a note, not a name. */
const MAX_NAME_LENGTH = 10;
const MS_PER_DAY = 86400000;
/** 1905-01-01 and 10000-01-01 in ms since 1970 (UTC): dates read without more checks (earlier ones are checked). */
const MS_1905 = -2051222400000;
const MS_10000 = 253402300800000;
const NOTE_ROW = /^(?:注|备注|说明|附注)(?:[:：\d]|$)/;
/** How far after T a yearless date must fall to be taken for the year before. */
const HALF_YEAR_DAYS = 183;
/** Titles written in the leader cell beside the name (党委委员 邓光明): not names. */
const TITLE_WORD = new RegExp(TITLE_ENDINGS + '$');
/** A title before the name with a space or colon between (镇长 熊  丹, 党委委员：邓光明). */
const TITLE_PREFIX = new RegExp('^[^\\s:：、，,]{0,8}?' + TITLE_ENDINGS + '[\\s:：]+(?=\\S)');

/**
 * Reads a workbook (SPEC §1). Needs a schedule and an inspection log, else `{ ok: false }` with an
 * InputError that names the header words looked for. Log rows dated after T, with a bad or empty
 * date, no leader, no known leader, or repeating an earlier row are Problems, not entries.
 */
export function parseWorkbook(input: WorkbookInput, ctx: ParseContext): ParseOutcome {
  const sheetsIn: SheetInput[] = input && Array.isArray(input.sheets) ? input.sheets.filter((s) => !!s) : [];
  const date1904 = !!(input && input.date1904 === true);
  if (!sheetsIn.some(hasAnyValue)) return fail('no-sheets', 'input.no-sheets', {});

  const byKind: Record<HeaderKind, KindSheet[]> = { schedule: [], log: [], meetings: [], reports: [] };
  const settingsSheets: SheetInput[] = [];
  const ignoredSheets: string[] = [];
  const sheetOrder = new Map<string, number>();
  sheetsIn.forEach((sheet, order) => {
    const name = String(sheet.name);
    if (!sheetOrder.has(name)) sheetOrder.set(name, order);
    const values: Grid = Array.isArray(sheet.values) ? sheet.values : [];
    if (isSettingsSheet(name)) {
      settingsSheets.push(sheet);
      return;
    }
    const header = detectHeader(sheet);
    if (!header) {
      // An empty sheet (Sheet2, Sheet3 of a new workbook) is not worth a word.
      if (hasAnyValue(sheet)) ignoredSheets.push(name);
      return;
    }
    const { firstRow, firstColumn } = sheetOrigin(sheet);
    const columns: Partial<Record<Field, number>> = {};
    const fieldIndexes: number[] = [];
    for (const f of Object.keys(header.columns) as Field[]) {
      columns[f] = firstColumn + (header.columns[f] as number);
      fieldIndexes.push(header.columns[f] as number);
    }
    const rows = fillMergedDown(values, sheet.merges, { firstRow, firstColumn }, header.headerIndex + 1, fieldIndexes);
    const detected: DetectedSheet = {
      sheet: name,
      kind: header.kind,
      headerRow: firstRow + header.headerIndex,
      columns,
      headers: header.headers,
      firstColumn: firstColumn + header.first,
      lastColumn: firstColumn + header.last,
      dataRows: [],
    };
    byKind[header.kind].push({ order, name, values: rows, firstRow, firstColumn, header, detected });
  });

  const examined = sheetsIn.map((s) => String(s.name)).join('、');
  if (byKind.schedule.length === 0) {
    // A schedule with a 检查时间 column reads as a log (SPEC §1): say so, it is easy to fix.
    const dated = ([] as KindSheet[]).concat(byKind.log, byKind.meetings, byKind.reports).filter((k) => k.header.scheduleButDate)[0];
    if (dated) {
      return fail('no-schedule', 'input.no-schedule-date-column', { sheet: quoteCell(dated.name, 30), column: quoteCell(dated.header.headers.date || '', 20) });
    }
    return fail('no-schedule', 'input.no-schedule', {
      leaderWords: wordsOf('schedule', 'leader'),
      scopeWords: wordsOf('schedule', 'scope'),
      sheets: quoteCell(examined, 80),
    });
  }
  if (byKind.log.length === 0) {
    return fail('no-log', 'input.no-log', {
      dateWords: wordsOf('log', 'date'),
      leaderWords: wordsOf('log', 'leader'),
      sheets: quoteCell(examined, 80),
    });
  }

  const problems: Problem[] = [];
  const schedule = readSchedules(byKind.schedule, problems);
  const known = new Set<string>(schedule.leaders.map((l) => l.name));
  const settingsRead = readSettings(settingsSheets, known);
  const settings = settingsRead.settings;
  for (const p of settingsRead.problems) problems.push(p);
  if (settings.deadlineDaySource !== 'settings' && schedule.deadlineDay !== null) {
    settings.deadlineDay = schedule.deadlineDay;
    settings.deadlineDaySource = 'header';
  }

  // Roles (SPEC §1): a role column, else the 主要领导 setting, else a scope starting with 全镇.
  let roleSource: ParsedWorkbook['roleSource'];
  if (schedule.hasRoleColumn) {
    roleSource = 'column';
    for (const l of schedule.leaders) l.role = isMainRole(l.titles) ? 'main' : 'member';
  } else if (settings.mainLeaders !== null) {
    roleSource = 'settings';
    const main = settings.mainLeaders;
    for (const l of schedule.leaders) l.role = main.indexOf(l.name) >= 0 ? 'main' : 'member';
  } else {
    roleSource = 'inferred';
    for (const l of schedule.leaders) l.role = isWholeTownshipScope(l.scope) ? 'main' : 'member';
  }

  const readCtx: ReadContext = { ctx, date1904, known, aliases: settings.aliases, problems, asOfText: formatIso(ctx.asOf) };
  const log = readLogs(byKind.log, readCtx);
  const meetings = byKind.meetings.length > 0 ? readMeetings(byKind.meetings, readCtx) : null;
  const reports = byKind.reports.length > 0 ? readReports(byKind.reports, readCtx) : null;

  const all: KindSheet[] = ([] as KindSheet[]).concat(byKind.schedule, byKind.log, byKind.meetings, byKind.reports);
  const township = findTownship(all);
  const sheets: Array<{ order: number; d: DetectedSheet }> = all.map((s) => ({ order: s.order, d: s.detected }));
  for (const d of settingsRead.sheets) sheets.push({ order: sheetOrder.get(d.sheet) ?? 0, d });

  return {
    ok: true,
    parsed: {
      sheets: sortedSheets(sheets),
      leaders: schedule.leaders,
      log,
      meetings,
      reports,
      settings,
      roleSource,
      township,
      problems: sortProblems(problems, sheetOrder),
      ignoredSheets,
    },
  };
}

function sortedSheets(list: Array<{ order: number; d: DetectedSheet }>): DetectedSheet[] {
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.order - b.x.order || a.i - b.i)
    .map((y) => y.x.d);
}

function sortProblems(problems: Problem[], order: Map<string, number>): Problem[] {
  return problems
    .map((p, i) => ({ p, i, o: order.get(p.sheet) ?? 0 }))
    .sort((a, b) => a.o - b.o || a.p.row - b.p.row || a.p.column - b.p.column || a.i - b.i)
    .map((x) => x.p);
}

function fail(code: InputError['code'], id: string, data: Record<string, string>): ParseOutcome {
  return { ok: false, error: { code, message: formatMessage(id, data) } };
}

function wordsOf(kind: HeaderKind, field: Field): string {
  return fieldWords(kind, field).join('/');
}

function hasAnyValue(sheet: SheetInput): boolean {
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  for (const row of values) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Rows of a detected sheet

/**
 * Calls `read` for each data row below the header, in order, and records the row in
 * `detected.dataRows`. Rows that are empty, that only hold cells outside the recognised columns
 * (a pre-filled 序号), that repeat the header (a sheet pasted twice) or that are lines below the
 * table (合计, 备注：…, 填表人：…) are skipped silently.
 */
function forEachDataRow(sheet: KindSheet, read: (row: Row, excelRow: number) => void): void {
  const { values, header } = sheet;
  const fieldColumns: number[] = [];
  const headerTexts: string[] = [];
  for (const f of Object.keys(header.columns) as Field[]) {
    fieldColumns.push(header.columns[f] as number);
    headerTexts.push(header.headers[f] || '');
  }
  const requiredColumns = HEADER_WORDS[header.kind].required.map((f) => header.columns[f] as number);
  for (let r = header.headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (!row || !Array.isArray(row)) continue;
    let empty = true;
    for (let i = 0; i < fieldColumns.length; i++) {
      if (!isBlank(row[fieldColumns[i]])) {
        empty = false;
        break;
      }
    }
    if (empty) continue;
    if (repeatsHeader(row, fieldColumns, headerTexts) || isFooterRow(row, requiredColumns)) continue;
    if (isLabelRow(row, requiredColumns, header.kind)) continue;
    const excelRow = sheet.firstRow + r;
    sheet.detected.dataRows.push(excelRow);
    read(row, excelRow);
  }
}

/**
 * A line below the table: its first cell is a total, a note or a sign-off, standing in a column the
 * kind requires or beside one left empty (a record whose 检查类别 happens to be 审核 keeps its date
 * and leader, and stays a record).
 */
function isFooterRow(row: Row, requiredColumns: number[]): boolean {
  let c = 0;
  while (c < row.length && isBlank(row[c])) c++;
  const first = row[c];
  if (typeof first !== 'string' || !isFooterText(first)) return false;
  if (requiredColumns.indexOf(c) >= 0) return true;
  for (const i of requiredColumns) if (isBlank(row[i])) return true;
  return false;
}

/**
 * A line that is no record: its only cell is a label (八月份, …检查台账, 以下空白, the issuing body;
 * in a schedule also a group heading such as 党委领导 or a lone date under the table), every cell is
 * one, or the cells the kind requires are empty and every cell is a label or a date (a sign-off:
 * unit and date).
 */
function isLabelRow(row: Row, requiredColumns: number[], kind: HeaderKind): boolean {
  // Cheap first: a record has its required cells, and they are no labels (a date, a name).
  let requiredBlank = false;
  for (const i of requiredColumns) if (isBlank(row[i])) requiredBlank = true;
  if (!requiredBlank) {
    for (const i of requiredColumns) {
      const v = row[i];
      if (typeof v !== 'string' || !isLabelText(v)) return false;
    }
  }
  let filled = 0;
  let labels = 0;
  let dates = 0;
  let last: CellValue = '';
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    filled++;
    last = v;
    if (typeof v === 'string' && isLabelText(v)) labels++;
    else if (isDateLike(v)) dates++;
  }
  if (filled === 1) {
    if (labels === 1) return true;
    if (kind === 'schedule') return dates === 1 || (typeof last === 'string' && GROUP_HEADING.test(cleanKey(last)));
    return false;
  }
  if (labels === filled) return true;
  return requiredBlank && labels > 0 && labels + dates === filled;
}

/** A group heading in a schedule's leader column: 党委领导, 政府领导, 一、党委班子成员. */
const GROUP_HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.]|\(?[一二三四五六七八九十\d]{1,2}\)[、.]?|\d{1,2}[、.])?.{0,8}(?:领导|成员|班子|干部)$/;

/** A date as any edge hands it over: a Date (CLI), a serial number (Excel's range.values), or date text. */
function isDateLike(v: CellValue): boolean {
  if (v instanceof Date || typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const parsed = parseDateCell(v, { date1904: false, defaultYear: 2000 });
  return parsed !== null && parsed.ok;
}

function repeatsHeader(row: Row, columns: number[], texts: string[]): boolean {
  for (let i = 0; i < columns.length; i++) {
    const v = row[columns[i]];
    if (typeof v !== 'string' || v.trim() !== texts[i]) return false;
  }
  return true;
}

// Exact-duplicate detection hashes each row's cells into a number (no string per row), and
// compares the cells of rows whose hashes collide.
function mix(h: number, x: number): number {
  h ^= x;
  return Math.imul(h, 16777619);
}

function hashNumber(h: number, n: number): number {
  if (n === Math.floor(n) && n >= -2147483648 && n <= 4294967295 * 1048576) {
    return mix(mix(h, n | 0), (n / 4294967296) | 0);
  }
  const s = String(n);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** Index of the last cell that is not empty (null, undefined or ''), or -1. */
function lastFilled(row: Row): number {
  let last = row.length - 1;
  while (last >= 0 && (row[last] === null || row[last] === undefined || row[last] === '')) last--;
  return last;
}

function rowHash(row: Row, last: number): number {
  let h = 2166136261;
  for (let c = 0; c <= last; c++) {
    const v = row[c];
    h = mix(h, 31);
    if (typeof v === 'string') {
      h = mix(h, 1);
      for (let i = 0; i < v.length; i++) h = mix(h, v.charCodeAt(i));
    } else if (typeof v === 'number') {
      h = hashNumber(mix(h, 2), v);
    } else if (typeof v === 'boolean') {
      h = mix(h, v ? 3 : 4);
    } else if (v instanceof Date) {
      h = hashNumber(mix(h, 5), v.getTime());
    }
  }
  // FNV only carries bits upwards; finish with murmur3's mixer so the low bits (the table slot) vary.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // 30 bits: a small integer for V8 (no heap number per array slot).
  return h & 0x3fffffff;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
  if (a instanceof Date && b instanceof Date) {
    const x = a.getTime();
    const y = b.getTime();
    return x === y || (x !== x && y !== y);
  }
  return false;
}

/**
 * Remembers rows of one sheet kind, to report exact repeats (one set per kind, across its sheets).
 * An open-addressing table of row numbers keyed by the row's hash: no object and no string per
 * row, so remembering 100,000 rows costs a few milliseconds.
 */
class DuplicateRows {
  private table = new Int32Array(1024);
  private mask = 1023;
  private count = 0;
  private rows: Row[] = [];
  // Typed arrays, sized with the table: 100,000 numbers pushed onto plain arrays cost GC time.
  /** Per remembered row: its hash, so growing the table and probing past other rows read no cells. */
  private hashes = new Int32Array(1024);
  /** Per remembered row: sheet number × 2^21 + Excel row (Excel has at most 2^20 rows). */
  private places = new Float64Array(1024);
  private sheetNames: string[] = [];

  /** The earlier row this one repeats (all cells equal, trailing empties ignored), or null; the row is remembered. */
  check(row: Row, sheet: string, excelRow: number): { sheet: string; row: number } | null {
    const last = lastFilled(row);
    const hash = rowHash(row, last);
    let slot = hash & this.mask;
    for (let held = this.table[slot]; held !== 0; held = this.table[slot]) {
      if (this.hashes[held - 1] === hash) {
        const other = this.rows[held - 1];
        if (lastFilled(other) === last && sameRow(other, row, last)) {
          const place = this.places[held - 1];
          return { sheet: this.sheetNames[Math.floor(place / 2097152)], row: place % 2097152 };
        }
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.sheetNames.length === 0 || this.sheetNames[this.sheetNames.length - 1] !== sheet) this.sheetNames.push(sheet);
    const i = this.count++;
    this.rows.push(row);
    this.hashes[i] = hash;
    this.places[i] = (this.sheetNames.length - 1) * 2097152 + (excelRow % 2097152);
    this.table[slot] = this.count;
    if (this.count * 2 > this.table.length) this.grow();
    return null;
  }

  private grow(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      let slot = this.hashes[i] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    // Per-row arrays as long as the table: rows stay below half of it, with room to spare.
    const hashes = new Int32Array(size);
    hashes.set(this.hashes.subarray(0, this.count));
    const places = new Float64Array(size);
    places.set(this.places.subarray(0, this.count));
    this.table = table;
    this.mask = mask;
    this.hashes = hashes;
    this.places = places;
  }
}

function sameRow(a: Row, b: Row, last: number): boolean {
  for (let c = 0; c <= last; c++) if (!sameCell(a[c], b[c])) return false;
  return true;
}

function whereText(earlier: { sheet: string; row: number }, sheet: string): string {
  return earlier.sheet === sheet ? '第' + earlier.row + '行' : '“' + earlier.sheet + '”第' + earlier.row + '行';
}

/** Shared state of the log, meetings and reports readers. */
interface ReadContext {
  ctx: ParseContext;
  date1904: boolean;
  known: ReadonlySet<string>;
  aliases: Readonly<Record<string, string>>;
  problems: Problem[];
  asOfText: string;
}

/** Accessors for one sheet's fields: the cell, its Excel column and its header text. */
class Fields {
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

function cellAt(row: Row, index: number): CellValue {
  return index < 0 ? undefined : row[index];
}

function problemAt(
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
function errorValue(rc: ReadContext, sheet: KindSheet, fields: Fields, field: Field, excelRow: number, value: CellValue): boolean {
  if (!isErrorValue(value)) return false;
  problemAt(rc, sheet, fields, field, excelRow, 'error-value', 'problem.error-value', { text: quoteCell(value) });
  return true;
}

/**
 * Reads the date of a log, meeting or report row; pushes the problem and returns null when it is
 * empty, unreadable, an error value, or after T.
 */
function rowDate(
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
  if (typeof value === 'string') {
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
    problemAt(rc, sheet, fields, field, excelRow, 'future-date', 'problem.future-date', { text: quoteCell(value), asOf: rc.asOfText });
    return null;
  }
  return parsed.day;
}

/** Text of an optional cell, '' when empty or an error value (which is reported). */
function optionalText(rc: ReadContext, sheet: KindSheet, fields: Fields, field: Field, excelRow: number, value: CellValue): string {
  if (value === null || value === undefined || value === '') return '';
  if (errorValue(rc, sheet, fields, field, excelRow, value)) return '';
  return trimAll(cellText(value));
}

// ---------------------------------------------------------------------------------------------
// Schedule

interface ScheduleRead {
  leaders: Leader[];
  hasRoleColumn: boolean;
  deadlineDay: number | null;
}

function readSchedules(sheets: KindSheet[], problems: Problem[]): ScheduleRead {
  const leaders: Leader[] = [];
  const byName = new Map<string, Leader>();
  let hasRoleColumn = false;
  let deadlineDay: number | null = null;
  for (const sheet of sheets) {
    const fields = new Fields(sheet);
    if (fields.index('role') >= 0) hasRoleColumn = true;
    const fromHeader = scheduleDeadlineDay(sheet);
    if (fromHeader !== null) {
      sheet.detected.deadlineDayFromHeader = fromHeader;
      if (deadlineDay === null) deadlineDay = fromHeader;
    }
    const iLeader = fields.index('leader');
    const iScope = fields.index('scope');
    const iDept = fields.index('department');
    const iRole = fields.index('role');
    const iKeySites = fields.index('keySites');
    // The leader of the previous data row: a row without a leader continues it (a merged cell).
    let current: Leader | null = null;
    let previousRow = -1;
    const leaderHeader = fields.header('leader');
    const push = (code: ProblemCode, excelRow: number, column: number, columnName: string, id: string, data: Record<string, string | number>) =>
      problems.push(makeProblem(code, sheet.name, excelRow, column, columnName, id, Object.assign({ column: columnName }, data)));

    forEachDataRow(sheet, (row, excelRow) => {
      const leaderCell = cellAt(row, iLeader);
      const scope = trimAll(cellText(cellAt(row, iScope)));
      const deptText = cellText(cellAt(row, iDept));
      const roleText = cellText(cellAt(row, iRole));
      const sites = extractSites(scope);
      for (const s of iKeySites < 0 ? [] : listedSites(cellText(cellAt(row, iKeySites)))) if (sites.indexOf(s) < 0) sites.push(s);
      const adjacent = previousRow === excelRow - 1;
      previousRow = excelRow;
      if (isErrorValue(leaderCell)) {
        push('error-value', excelRow, fields.column('leader'), leaderHeader, 'problem.error-value', { text: quoteCell(leaderCell) });
        current = null;
        return;
      }
      const leaderText = cellText(leaderCell);
      if (trimAll(leaderText) === '') {
        if (current && adjacent) {
          mergeInto(current, scope, sites, deptText, roleText);
        } else {
          push('empty-leader', excelRow, fields.column('leader'), leaderHeader, 'problem.orphan-schedule-row', {});
          current = null;
        }
        return;
      }
      if (NOTE_ROW.test(cleanKey(leaderText))) {
        current = null;
        return;
      }
      const written = splitNames(stripBracketed(nfkc(leaderText)).replace(TITLE_PREFIX, ''));
      const untitled = written.filter((n) => !TITLE_WORD.test(n));
      const names = untitled.length > 0 && untitled.length < written.length ? untitled : written;
      if (names.length === 0) {
        current = null;
        return;
      }
      const name = names[0];
      if (name.length > MAX_NAME_LENGTH) {
        push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.not-a-name', { text: quoteCell(leaderText) });
        current = null;
        return;
      }
      if (names.length > 1) {
        push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.several-leaders', { text: quoteCell(leaderText), name });
      }
      const existing = byName.get(name);
      if (existing) {
        // The same leader on the next row is a continuation (a merged cell filled in by the reader).
        if (!(existing === current && adjacent)) {
          push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.duplicate-leader', { name, firstRow: existing.ref.row });
        }
        mergeInto(existing, scope, sites, deptText, roleText);
        current = existing;
        return;
      }
      const leader: Leader = {
        name,
        raw: names.length === 1 ? trimAll(leaderText) : name,
        role: 'member',
        titles: roleText === '' ? [] : splitTitles(roleText),
        departments: splitUnits(deptText),
        sites,
        scope,
        ref: { sheet: sheet.name, row: excelRow },
      };
      leaders.push(leader);
      byName.set(name, leader);
      current = leader;
    });
    if (sheet.detected.dataRows.length === 0 || !leaders.some((l) => l.ref.sheet === sheet.name)) {
      problems.push(
        makeProblem('other', sheet.name, sheet.detected.headerRow, fields.column('leader'), leaderHeader, 'problem.no-leaders', {}),
      );
    }
  }
  return { leaders, hasRoleColumn, deadlineDay };
}

function mergeInto(leader: Leader, scope: string, sites: string[], deptText: string, roleText: string): void {
  for (const s of sites) if (leader.sites.indexOf(s) < 0) leader.sites.push(s);
  for (const d of splitUnits(deptText)) if (leader.departments.indexOf(d) < 0) leader.departments.push(d);
  for (const t of roleText === '' ? [] : splitTitles(roleText)) if (leader.titles.indexOf(t) < 0) leader.titles.push(t);
  if (scope !== '' && leader.scope.indexOf(scope) < 0) leader.scope = leader.scope === '' ? scope : leader.scope + '\n' + scope;
}

/** The deadline day a schedule header states: the scope header first, then any header cell. */
function scheduleDeadlineDay(sheet: KindSheet): number | null {
  const scope = sheet.header.headers.scope;
  const fromScope = scope ? deadlineDayFromText(scope) : null;
  if (fromScope !== null) return fromScope;
  const row = sheet.values[sheet.header.headerIndex] || [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.length < 200) {
      const d = deadlineDayFromText(v);
      if (d !== null) return d;
    }
  }
  return null;
}

/** Reports an exact repeat of an earlier row (it is then skipped) and says whether it was one. */
function isDuplicate(rc: ReadContext, duplicates: DuplicateRows, sheet: KindSheet, row: Row, excelRow: number): boolean {
  const earlier = duplicates.check(row, sheet.name, excelRow);
  if (!earlier) return false;
  rc.problems.push(makeProblem('duplicate-row', sheet.name, excelRow, 0, '', 'problem.duplicate-row', { where: whereText(earlier, sheet.name) }));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Inspection log

function readLogs(sheets: KindSheet[], rc: ReadContext): LogEntry[] {
  const entries: LogEntry[] = [];
  const duplicates = new DuplicateRows();
  const dateCache = new Map<string, DateParse | null>();
  const leaderCache = new Map<string, LeaderSplit>();
  const noHazardCache = new Map<string, boolean>();
  const siteCache = new Map<string, string>();
  for (const sheet of sheets) {
    const f = new Fields(sheet);
    const iDate = f.index('date');
    const iLeader = f.index('leader');
    const iSite = f.index('site');
    const iHazard = f.index('hazard');
    const iDeadline = f.index('deadline');
    const iDone = f.index('doneDate');
    const iState = f.index('state');
    const moreSites = sheet.header.moreSites || [];
    forEachDataRow(sheet, (row, excelRow) => {
      if (isDuplicate(rc, duplicates, sheet, row, excelRow)) return;
      const date = rowDate(rc, sheet, f, 'date', excelRow, cellAt(row, iDate), dateCache, true);
      const leaders = rowLeaders(rc, sheet, f, excelRow, cellAt(row, iLeader), leaderCache);
      if (date === null || leaders === null) return;

      const siteRaw = siteText(rc, sheet, f, excelRow, row, iSite, moreSites);
      const hazardText = optionalText(rc, sheet, f, 'hazard', excelRow, cellAt(row, iHazard));
      const entry: LogEntry = {
        ref: { sheet: sheet.name, row: excelRow },
        date,
        leaders,
        site: siteRaw === '' ? '' : cachedCleanName(siteRaw, siteCache),
        siteRaw,
        hazard: null,
        deadline: null,
        deadlineMissing: false,
        done: false,
        doneDate: null,
      };
      let noHazard = hazardText === '' ? true : noHazardCache.get(hazardText);
      if (noHazard === undefined) {
        noHazard = isNoHazard(hazardText);
        if (hazardText.length <= 100) noHazardCache.set(hazardText, noHazard);
      }
      if (!noHazard) {
        entry.hazard = hazardText;
        readRectification(rc, sheet, f, excelRow, entry, cellAt(row, iDeadline), cellAt(row, iDone), cellAt(row, iState));
      }
      entries.push(entry);
    });
  }
  return entries;
}

/**
 * The site cell's text, with the text of the other site columns after it (检查地点 童子山村 beside
 * 被检查单位 童子山石场 → `童子山石场 童子山村`), so that a key site named in either is covered.
 */
function siteText(rc: ReadContext, sheet: KindSheet, f: Fields, excelRow: number, row: Row, iSite: number, moreSites: number[]): string {
  let text = optionalText(rc, sheet, f, 'site', excelRow, cellAt(row, iSite));
  for (let i = 0; i < moreSites.length; i++) {
    const v = row[moreSites[i]];
    if (v === null || v === undefined || v === '' || isErrorValue(v)) continue;
    const more = trimAll(cellText(v));
    if (more !== '' && text.indexOf(more) < 0) text = text === '' ? more : text + ' ' + more;
  }
  return text;
}

/** cleanName, remembered per text: a log names the same few hundred sites over and over. */
function cachedCleanName(text: string, cache: Map<string, string>): string {
  let name = cache.get(text);
  if (name === undefined) {
    name = cleanName(text);
    if (text.length <= 100) cache.set(text, name);
  }
  return name;
}

/**
 * The known leaders of a log row, or null (with the problem pushed) when there are none. Names that
 * are no leader beside known ones are a problem in a 带队领导 column, not in a 检查人员 one.
 */
function rowLeaders(
  rc: ReadContext,
  sheet: KindSheet,
  f: Fields,
  excelRow: number,
  value: CellValue,
  cache: Map<string, LeaderSplit>,
): string[] | null {
  if (errorValue(rc, sheet, f, 'leader', excelRow, value)) return null;
  const text = cellText(value);
  let split = cache.get(text);
  if (split === undefined) {
    split = splitLeaders(text, rc.known, rc.aliases);
    // Entries share the cached list (logs repeat the same names); frozen so no one edits it for all.
    Object.freeze(split.leaders);
    if (text.length <= 200) cache.set(text, split);
  }
  if (split.leaders.length === 0 && split.unknown.length === 0) {
    problemAt(rc, sheet, f, 'leader', excelRow, 'empty-leader', 'problem.empty-leader', {});
    return null;
  }
  if (split.leaders.length === 0) {
    problemAt(rc, sheet, f, 'leader', excelRow, 'unknown-leader', 'problem.unknown-leader', { text: quoteCell(value) });
    return null;
  }
  // A 检查人员 column lists everyone who went (站长 and staff too): only a 带队 column must hold leaders only.
  if (split.unknown.length > 0 && cleanKey(f.header('leader')).indexOf('带队') >= 0) {
    problemAt(rc, sheet, f, 'leader', excelRow, 'unknown-leader', 'problem.unknown-leader-part', {
      text: quoteCell(value),
      names: quoteCell(split.unknown.join('、'), 30),
      known: split.leaders.join('、'),
    });
  }
  return split.leaders;
}

/**
 * A date typed after the inspection (deadline, done date). Without a year it takes the inspection
 * date's year, and the next year when that would put it before the inspection (12月 inspection,
 * deadline `1月10日`).
 */
function laterDate(rc: ReadContext, value: CellValue, inspection: Day): DateParse | null {
  const year = ymdFromDay(inspection).year;
  const parsed = parseDateCell(value, { date1904: rc.date1904, defaultYear: year });
  if (parsed && parsed.ok && parsed.yearless && parsed.day < inspection) {
    const ymd = ymdFromDay(parsed.day);
    if (isValidYmd(year + 1, ymd.month, ymd.day)) return { ok: true, day: dayFromYmd(year + 1, ymd.month, ymd.day), yearless: true };
  }
  return parsed;
}

function readRectification(
  rc: ReadContext,
  sheet: KindSheet,
  f: Fields,
  excelRow: number,
  entry: LogEntry,
  deadlineCell: CellValue,
  doneCell: CellValue,
  stateCell: CellValue,
): void {
  // Deadline: empty → missing (the hazard rule reports it); unreadable → missing and a problem.
  if (isBlank(deadlineCell) || errorValue(rc, sheet, f, 'deadline', excelRow, deadlineCell)) {
    entry.deadlineMissing = true;
  } else {
    const text = typeof deadlineCell === 'string' ? cleanKey(deadlineCell) : '';
    const relative = text === '' ? null : relativeDeadlineDays(text);
    const calendarDay = text === '' ? null : monthEndDeadline(text, entry.date) ?? dayOnlyDeadline(text, entry.date) ?? monthsDeadline(text, entry.date);
    if (text !== '' && isImmediateDeadline(text)) {
      entry.deadline = entry.date;
    } else if (relative !== null) {
      entry.deadline = entry.date + relative;
    } else if (calendarDay !== null) {
      entry.deadline = calendarDay;
    } else {
      // 9月5日前: the date it is due by.
      const parsed = laterDate(rc, typeof deadlineCell === 'string' ? withoutBefore(deadlineCell) : deadlineCell, entry.date);
      if (parsed && parsed.ok) entry.deadline = parsed.day;
      else {
        entry.deadlineMissing = true;
        problemAt(rc, sheet, f, 'deadline', excelRow, 'bad-deadline', 'problem.bad-deadline', {
          text: quoteCell(deadlineCell),
          reason: parsed ? parsed.reason : '无法识别为日期',
        });
      }
    }
  }
  // Done: a done date, or a state such as 已整改.
  const stateText = optionalText(rc, sheet, f, 'state', excelRow, stateCell);
  if (!isBlank(doneCell) && !errorValue(rc, sheet, f, 'doneDate', excelRow, doneCell)) {
    const parsed = laterDate(rc, doneCell, entry.date);
    if (parsed && parsed.ok && parsed.day <= rc.ctx.asOf) {
      entry.doneDate = parsed.day;
      entry.done = true;
      return;
    }
    // A state written in the done-date column (已整改, 整改中, 已于8月18日整改完毕) reads as a state.
    const doneText = typeof doneCell === 'string' && !(parsed && parsed.ok) ? doneCell : '';
    if (doneText !== '' && isDoneState(doneText)) {
      readDoneState(rc, entry, doneText);
      return;
    }
    if (doneText !== '' && isNotDoneState(doneText)) {
      readDoneState(rc, entry, stateText);
      return;
    }
    if (parsed && parsed.ok) {
      problemAt(rc, sheet, f, 'doneDate', excelRow, 'bad-done-date', 'problem.future-done-date', { text: quoteCell(doneCell), asOf: rc.asOfText });
    } else {
      problemAt(rc, sheet, f, 'doneDate', excelRow, 'bad-done-date', 'problem.bad-done-date', {
        text: quoteCell(doneCell),
        reason: parsed ? parsed.reason : '无法识别为日期',
      });
    }
  }
  readDoneState(rc, entry, stateText);
}

/**
 * Done or not from a state text (已整改, 未整改), with the day when it names one on or before T
 * (已于8月18日整改完毕); a day it names that cannot be read leaves it done without a day.
 */
function readDoneState(rc: ReadContext, entry: LogEntry, text: string): void {
  entry.done = text !== '' && isDoneState(text);
  const dayText = entry.done ? doneDayText(text) : null;
  const parsed = dayText === null ? null : laterDate(rc, dayText, entry.date);
  if (parsed && parsed.ok && parsed.day <= rc.ctx.asOf) entry.doneDate = parsed.day;
}

// ---------------------------------------------------------------------------------------------
// Meetings and reports

function readMeetings(sheets: KindSheet[], rc: ReadContext): Meeting[] {
  const meetings: Meeting[] = [];
  const duplicates = new DuplicateRows();
  const dateCache = new Map<string, DateParse | null>();
  for (const sheet of sheets) {
    const f = new Fields(sheet);
    const iDate = f.index('date');
    const iName = f.index('name');
    const iTopic = f.index('topic');
    const iType = meetingTypeColumn(sheet, iName);
    forEachDataRow(sheet, (row, excelRow) => {
      if (isDuplicate(rc, duplicates, sheet, row, excelRow)) return;
      const date = rowDate(rc, sheet, f, 'date', excelRow, cellAt(row, iDate), dateCache, true);
      const nameCell = cellAt(row, iName);
      const typeCell = cellAt(row, iType);
      const type = isBlank(typeCell) || isErrorValue(typeCell) ? '' : trimAll(cellText(typeCell));
      const written = optionalText(rc, sheet, f, 'name', excelRow, nameCell);
      // 第5次会议 | 党委会: the type says which meeting it was, when the name does not.
      const useType = type !== '' && isMeetingTypeText(type) && !namesMeetingKind(written);
      const name = !useType || written.indexOf(type) >= 0 ? written : written === '' ? type : type + ' ' + written;
      if (name === '' && !isErrorValue(nameCell)) {
        problemAt(rc, sheet, f, 'name', excelRow, 'other', 'problem.empty-meeting-name', {});
      }
      const topic = optionalText(rc, sheet, f, 'topic', excelRow, cellAt(row, iTopic));
      if (date === null || name === '') return;
      meetings.push({ ref: { sheet: sheet.name, row: excelRow }, date, name: cleanKey(name), topic: cleanKey(topic) });
    });
  }
  return meetings;
}

/**
 * A 会议类型 / 会议类别 column beside the 会议名称 column (the header reads the first as the name when
 * it stands alone), or -1.
 */
function meetingTypeColumn(sheet: KindSheet, nameColumn: number): number {
  const row = sheet.values[sheet.header.headerIndex] || [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (c === nameColumn || typeof v !== 'string') continue;
    const key = cleanKey(stripBracketed(nfkc(v)));
    if (key === '会议类型' || key === '会议类别' || key === '类型' || key === '类别' || key === '会议性质') return c;
  }
  return -1;
}

/** A 会议类型 cell that names a meeting the rules count (党委会, 班子会, 党政联席会议…). */
function isMeetingTypeText(type: string): boolean {
  const t = cleanKey(type);
  return /会(?:议)?$/.test(t) && namesMeetingKind(t);
}

function namesMeetingKind(text: string): boolean {
  const t = cleanKey(text);
  return t.indexOf('党委') >= 0 || LEADERSHIP_WORDS.some((w) => t.indexOf(w) >= 0);
}

const YEAR_TEXT = /^(\d{4})(?:年度?|年)?$/;

function readReports(sheets: KindSheet[], rc: ReadContext): Report[] {
  const reports: Report[] = [];
  const duplicates = new DuplicateRows();
  const dateCache = new Map<string, DateParse | null>();
  for (const sheet of sheets) {
    const f = new Fields(sheet);
    const iUnit = f.index('unit');
    const iSubmitted = f.index('submitted');
    const iPerson = f.index('person');
    const iYear = f.index('year');
    forEachDataRow(sheet, (row, excelRow) => {
      if (isDuplicate(rc, duplicates, sheet, row, excelRow)) return;
      const unitCell = cellAt(row, iUnit);
      if (errorValue(rc, sheet, f, 'unit', excelRow, unitCell)) return;
      const unitRaw = trimAll(cellText(unitCell));
      const units = splitUnits(unitRaw);
      if (units.length === 0) {
        problemAt(rc, sheet, f, 'unit', excelRow, 'empty-unit', 'problem.empty-unit', {});
        return;
      }
      // An empty submission date is normal: the unit has not submitted yet.
      const submitted = rowDate(rc, sheet, f, 'submitted', excelRow, cellAt(row, iSubmitted), dateCache, false);
      const person = optionalText(rc, sheet, f, 'person', excelRow, cellAt(row, iPerson));
      const year = reportYear(rc, sheet, f, excelRow, cellAt(row, iYear));
      for (const unit of units) {
        reports.push({ ref: { sheet: sheet.name, row: excelRow }, unit, unitRaw, submitted, year, person });
      }
    });
  }
  return reports;
}

function reportYear(rc: ReadContext, sheet: KindSheet, f: Fields, excelRow: number, value: CellValue): number | null {
  if (isBlank(value) || errorValue(rc, sheet, f, 'year', excelRow, value)) return null;
  let year: number | null = null;
  if (typeof value === 'number') year = Math.floor(value) === value ? value : null;
  else if (typeof value === 'string') {
    const m = YEAR_TEXT.exec(cleanKey(value));
    year = m ? +m[1] : null;
  }
  if (year === null || year < 1900 || year > 9999) {
    problemAt(rc, sheet, f, 'year', excelRow, 'other', 'problem.bad-year', { text: quoteCell(value) });
    return null;
  }
  return year;
}

// ---------------------------------------------------------------------------------------------
// Township

/** The township named by a title cell above a header (schedule sheets first). */
function findTownship(sheets: KindSheet[]): string | null {
  for (const sheet of sheets) {
    for (let r = 0; r < sheet.header.headerIndex; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string' || v === '') continue;
        const name = townshipFromTitle(v);
        if (name !== null) return name;
      }
    }
  }
  return null;
}
