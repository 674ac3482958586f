/**
 * The settings sheet 规则设置 (SPEC §3): two columns 项目 / 值. Every number of the township
 * document is a default a workbook may override here; an unreadable value is a data problem that
 * names the cell, and its default is kept.
 */
import { parseDateCell, smallNumber } from '../clean/dates';
import { cleanName, resolveLeader, splitNames } from '../clean/names';
import { makeProblem } from '../clean/problem';
import { cellText, cleanKey, isBlank, isFooterText, nfkc, quoteCell, stripBracketed, trimAll } from '../clean/text';
import { splitUnits } from '../clean/units';
import { dayFromExcelSerial, daysInMonth, ymdFromDay } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import { cleanHeader, sheetOrigin } from './header';
import { HEADER_WORDS, KIND_PRIORITY } from './words';
import type { HeaderKind } from './words';
import type { CellValue, DetectedSheet, Field, Problem, Settings, SheetInput } from '../types';

type NumberKey = 'mainQuota' | 'memberQuota' | 'deadlineDay' | 'warnDays' | 'partyMeetings' | 'leadershipMeetings';

/** The keys of the settings sheet (cleaned), what they set, and the range a number must be in. */
export const SETTING_KEYS: ReadonlyArray<{ key: string; field: NumberKey; min: number; max: number; unit: string }> = [
  { key: '主要领导每月次数', field: 'mainQuota', min: 0, max: 31, unit: '次' },
  { key: '其他成员每月次数', field: 'memberQuota', min: 0, max: 31, unit: '次' },
  { key: '每月截止日', field: 'deadlineDay', min: 1, max: 31, unit: '日' },
  { key: '临期提醒天数', field: 'warnDays', min: 0, max: 60, unit: '天' },
  { key: '党委会每年次数', field: 'partyMeetings', min: 0, max: 366, unit: '次' },
  { key: '班子会每年次数', field: 'leadershipMeetings', min: 0, max: 366, unit: '次' },
];

const COUNT_TEXT = /^(?:每月|每年)?([0-9]{1,4}|[一二两三四五六七八九十]{1,3})(?:次|日|号|天)?(?:\/?(?:月|年))?$/;

/**
 * A whole number from a settings value: a number (2), or text such as `2`, `２`, `2次`, `25日`,
 * `5天`, `每月2次`, `两次`. Null when the value is none of these.
 */
export function readCount(value: CellValue): number | null {
  if (typeof value === 'number') return isFinite(value) && Math.floor(value) === value ? value : null;
  if (typeof value !== 'string') return null;
  const m = COUNT_TEXT.exec(cleanKey(value));
  return m ? smallNumber(m[1]) : null;
}

const MONTH_END = /^(\d{1,2})月(?:底|末)$/;

/**
 * The (month, day) of 述职截止: text `01-31`, `1-31`, `1/31`, `1月31日`, `1月底`, a full date
 * (its month and day), or a date serial / Date object (Excel turns a typed 1-31 into a date).
 */
export function readMonthDay(value: CellValue): { month: number; day: number } | null {
  if (typeof value === 'number') {
    // Small numbers are not dates a clerk typed (1.31 would be serial 1, 1900-01-01).
    if (!isFinite(value) || value < 367) return null;
    const d = dayFromExcelSerial(value);
    if (d === null) return null;
    const ymd = ymdFromDay(d);
    return { month: ymd.month, day: ymd.day };
  }
  if (typeof value === 'string') {
    const end = MONTH_END.exec(cleanKey(value));
    if (end) {
      const month = +end[1];
      return month >= 1 && month <= 12 ? { month, day: daysInMonth(2001, month) } : null;
    }
  }
  // Year 2000 is a leap year, so 2月29日 is accepted.
  const parsed = parseDateCell(value, { date1904: false, defaultYear: 2000 });
  if (!parsed || !parsed.ok) return null;
  const ymd = ymdFromDay(parsed.day);
  return { month: ymd.month, day: ymd.day };
}

// Alias pairs are separated by line breaks or 、，,;；; each pair by = ＝ → or ->.
const ALIAS_PAIRS = /[\r\n、,;]+/;
const ALIAS_ARROW = /=|→|->|⇒/;

/** What the settings sheets gave. */
export interface SettingsRead {
  /** DEFAULT_SETTINGS with every readable value applied; `deadlineDaySource` is 'settings' when 每月截止日 was set. */
  settings: Settings;
  /** The sheets, as detected sheets (headerRow 0; dataRows the rows holding a key). */
  sheets: DetectedSheet[];
  problems: Problem[];
}

const VALUE_COLUMN = '值';
/** The key of the lines that name a column for a field: 列 | 检查地点=受查单位 (or 列:检查地点=受查单位 in one cell). */
export const COLUMN_KEY = '列';
const LIST_KEYS = ['别名', '主要领导', '安委成员单位', COLUMN_KEY];
const ALL_KEYS = SETTING_KEYS.map((k) => k.key).concat(['述职截止'], LIST_KEYS);
const SERIAL_TEXT = /^\d{1,3}[.、]?$/;
const INLINE_SETTING = /^([^:：=]+)[:：=](.+)$/;
const NOTE_KEY = /^(?:注|备注|说明|附注)/;

/** A 项目 / 值 header row (with or without a 序号 column). */
function isHeaderRow(row: ReadonlyArray<CellValue> | null | undefined): boolean {
  return !!row && row.some((c) => typeof c === 'string' && cleanKey(c) === '项目');
}

function isKnownKey(key: string): boolean {
  return ALL_KEYS.indexOf(key) >= 0;
}

/** One row of a settings sheet: its key (cleaned) and value, and where they stand. */
export interface SettingRow {
  key: string;
  value: CellValue;
  sheet: string;
  /** 1-based Excel row. */
  row: number;
  /** 1-based Excel columns of the key and of the value. */
  keyColumn: number;
  column: number;
  /** True below the 项目 / 值 header (or when there is none): a title above it is no setting. */
  belowHeader: boolean;
}

/**
 * The rows of one settings sheet. A row's first non-empty cell that is not a 序号 is the key
 * (cleaned, bracketed notes and a trailing colon ignored) and the next cell its value, or the key
 * cell holds both (`其他成员每月次数：1`, `列:检查地点=受查单位`); a header row 项目 / 值 may or may not
 * be there and is no setting; a list key merged down over several rows gives each row's value.
 */
export function settingRows(sheet: SheetInput): SettingRow[] {
  const out: SettingRow[] = [];
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const { firstRow, firstColumn } = sheetOrigin(sheet);
  // A list key (别名, 主要领导, 安委成员单位, 列) whose cell is merged down over the next rows: those
  // rows hold more values under the same key, with nothing in the key's column.
  let listKey: { key: string; column: number; row: number } | null = null;
  // Rows above a 项目 / 值 header are titles, whatever they hold.
  let headerIndex = -1;
  for (let r = 0; r < values.length && headerIndex < 0; r++) if (isHeaderRow(values[r])) headerIndex = r;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    let k = 0;
    // A 序号 column before the key: numbers, or number text such as 1 or 1.
    while (k < row.length && (isBlank(row[k]) || typeof row[k] === 'number' || (typeof row[k] === 'string' && SERIAL_TEXT.test(cleanKey(row[k] as string))))) k++;
    if (k >= row.length) continue;
    const excelRow = firstRow + r;
    let keyCell: CellValue = row[k];
    let value: CellValue = row[k + 1];
    let valueIndex = k + 1;
    if (listKey !== null && listKey.row === excelRow - 1 && k === listKey.column + 1 && isBlank(row[listKey.column])) {
      keyCell = listKey.key;
      value = row[k];
      valueIndex = k;
      k = listKey.column;
    }
    if (typeof keyCell !== 'string') continue;
    let key: string = cleanKey(stripBracketed(nfkc(keyCell))).replace(/[:：]+$/, '');
    // 其他成员每月次数：1 written in one cell.
    const inline = INLINE_SETTING.exec(key);
    if (inline && isBlank(value) && isKnownKey(inline[1])) {
      key = inline[1];
      value = trimAll(nfkc(keyCell).replace(/^[^:：=]*[:：=]/, ''));
    } else if (inline && inline[1] === COLUMN_KEY && !isBlank(value)) {
      // 列:检查地点 | 受查单位: the field in the key cell, the header in the value cell.
      key = COLUMN_KEY;
      value = inline[2] + '=' + trimAll(nfkc(cellText(value)));
    }
    listKey = LIST_KEYS.indexOf(key) >= 0 ? { key, column: k, row: excelRow } : null;
    if (key === '项目' || key === '序号' || isHeaderRow(row)) continue;
    out.push({
      key,
      value,
      sheet: sheet.name,
      row: excelRow,
      keyColumn: firstColumn + k,
      column: firstColumn + valueIndex,
      belowHeader: r > headerIndex,
    });
  }
  return out;
}

/**
 * Reads the settings sheets (normally one, named 规则设置), row by row (see settingRows). An
 * unknown key with a value is a data problem (it would leave a default in force unseen), unless it
 * is a title (above the header, or naming the 设置), a note or a sign-off line (填表人, 审核…).
 * Numbers, 述职截止, 主要领导, 安委成员单位 and 别名 are read as SPEC §3 says; 主要领导 and 别名 are
 * checked against the known leaders (cleaned schedule names). Scalar keys given twice: the later
 * row wins; lists and 别名 rows add up. 列 lines are read by readColumnSettings.
 */
export function readSettings(sheets: ReadonlyArray<SheetInput>, known: ReadonlySet<string>): SettingsRead {
  const settings: Settings = {
    mainQuota: DEFAULT_SETTINGS.mainQuota,
    memberQuota: DEFAULT_SETTINGS.memberQuota,
    deadlineDay: DEFAULT_SETTINGS.deadlineDay,
    warnDays: DEFAULT_SETTINGS.warnDays,
    partyMeetings: DEFAULT_SETTINGS.partyMeetings,
    leadershipMeetings: DEFAULT_SETTINGS.leadershipMeetings,
    reportDeadline: { month: DEFAULT_SETTINGS.reportDeadline.month, day: DEFAULT_SETTINGS.reportDeadline.day },
    mainLeaders: null,
    memberUnits: null,
    aliases: {},
    deadlineDaySource: 'default',
  };
  const problems: Problem[] = [];
  const detected: DetectedSheet[] = [];
  const mainLeaderCells: Array<{ sheet: string; row: number; column: number; value: CellValue }> = [];
  const aliases: Record<string, string> = {};

  for (const sheet of sheets) {
    const { firstColumn } = sheetOrigin(sheet);
    const dataRows: number[] = [];
    let minCol = Infinity;
    let maxCol = 0;
    for (const entry of settingRows(sheet)) {
      const { key, value, row: excelRow, column } = entry;
      const at = { sheet: sheet.name, row: excelRow, column };
      const bad = (expected: string, fallback: string) =>
        problems.push(
          makeProblem('bad-setting', sheet.name, excelRow, column, VALUE_COLUMN, 'problem.bad-setting', {
            key,
            text: quoteCell(value),
            expected,
            fallback,
          }),
        );
      let known_ = true;
      const numberKey = SETTING_KEYS.find((s) => s.key === key);
      if (numberKey) {
        if (!isBlank(value)) {
          const n = readCount(value);
          if (n === null || n < numberKey.min || n > numberKey.max) {
            bad(numberKey.min + '到' + numberKey.max + '之间的整数', settings[numberKey.field] + numberKey.unit);
          } else {
            settings[numberKey.field] = n;
            if (numberKey.field === 'deadlineDay') settings.deadlineDaySource = 'settings';
          }
        }
      } else if (key === '述职截止') {
        if (!isBlank(value)) {
          const md = readMonthDay(value);
          if (md === null) {
            const d = settings.reportDeadline;
            bad('月-日，如01-31或1月31日', d.month + '月' + d.day + '日');
          } else {
            settings.reportDeadline = md;
          }
        }
      } else if (key === '主要领导') {
        if (!isBlank(value)) mainLeaderCells.push({ sheet: at.sheet, row: at.row, column: at.column, value });
      } else if (key === '安委成员单位') {
        if (!isBlank(value)) {
          const units = splitUnits(cellText(value));
          const list = settings.memberUnits || [];
          for (const u of units) if (list.indexOf(u) < 0) list.push(u);
          settings.memberUnits = list;
        }
      } else if (key === '别名') {
        if (!isBlank(value)) readAliases(value, at, known, aliases, problems);
      } else if (key === COLUMN_KEY) {
        // Read before any header (readColumnSettings).
      } else {
        known_ = false;
        // A misspelt key would silently leave its default in force: say so, unless the row is a
        // title or a note (no value, or 说明/备注).
        if (!isBlank(value) && !NOTE_KEY.test(key) && !isFooterText(key) && key.indexOf('设置') < 0 && entry.belowHeader) {
          problems.push(
            makeProblem('bad-setting', sheet.name, excelRow, entry.keyColumn, '项目', 'problem.unknown-setting', {
              key: quoteCell(key, 30),
              keys: ALL_KEYS.map((k) => (k === COLUMN_KEY ? '列（如“列:检查地点=受查单位”）' : k)).join('、'),
            }),
          );
        }
      }
      if (known_) {
        dataRows.push(excelRow);
        minCol = Math.min(minCol, entry.keyColumn);
        maxCol = Math.max(maxCol, column);
      }
    }
    detected.push({
      sheet: sheet.name,
      kind: 'settings',
      headerRow: 0,
      columns: {},
      headers: {},
      firstColumn: minCol === Infinity ? firstColumn : minCol,
      lastColumn: maxCol === 0 ? firstColumn + 1 : maxCol,
      dataRows,
      readings: [],
    });
  }

  settings.aliases = aliases;
  for (const cell of mainLeaderCells) {
    const names: string[] = [];
    const unknown: string[] = [];
    for (const name of splitNames(cellText(cell.value))) {
      const leader = resolveLeader(name, known, aliases);
      if (leader === null) unknown.push(name);
      else if (names.indexOf(leader) < 0) names.push(leader);
    }
    if (unknown.length > 0) {
      problems.push(
        makeProblem('bad-setting', cell.sheet, cell.row, cell.column, VALUE_COLUMN, 'problem.main-leader-unknown', {
          names: unknown.join('、'),
        }),
      );
    }
    // Names that match no leader do not make the list: with none left, roles fall back to inference.
    if (names.length > 0) {
      const list = settings.mainLeaders || [];
      for (const n of names) if (list.indexOf(n) < 0) list.push(n);
      settings.mainLeaders = list;
    }
  }
  return { settings, sheets: detected, problems };
}

function readAliases(
  value: CellValue,
  at: { sheet: string; row: number; column: number },
  known: ReadonlySet<string>,
  aliases: Record<string, string>,
  problems: Problem[],
): void {
  const text = typeof value === 'string' ? nfkc(value) : '';
  const pairs = text.split(ALIAS_PAIRS);
  let any = false;
  for (const pairText of pairs) {
    const pair = trimAll(pairText);
    if (pair === '') continue;
    any = true;
    const sides = pair.split(ALIAS_ARROW);
    const alias = sides.length === 2 ? cleanName(sides[0]) : '';
    const target = sides.length === 2 ? cleanName(sides[1]) : '';
    if (alias === '' || target === '') {
      problems.push(
        makeProblem('bad-setting', at.sheet, at.row, at.column, VALUE_COLUMN, 'problem.bad-alias', { text: quoteCell(pair) }),
      );
      continue;
    }
    if (!known.has(target)) {
      problems.push(
        makeProblem('bad-setting', at.sheet, at.row, at.column, VALUE_COLUMN, 'problem.alias-unknown', {
          alias: quoteCell(alias, 20),
          target: quoteCell(target, 20),
        }),
      );
      continue;
    }
    // defineProperty, so that an alias spelled __proto__ stays a plain key.
    Object.defineProperty(aliases, alias, { value: target, enumerable: true, writable: true, configurable: true });
  }
  if (!any) {
    problems.push(makeProblem('bad-setting', at.sheet, at.row, at.column, VALUE_COLUMN, 'problem.bad-alias', { text: quoteCell(value) }));
  }
}

/** A 列 line of 规则设置: the field it names, and the header of the column that serves it. */
export interface ColumnSetting {
  /** The line as written (检查地点=受查单位). */
  text: string;
  /** The field's name as written (检查地点). */
  fieldName: string;
  /** The header text as written (受查单位) and cleaned like a header cell. */
  header: string;
  key: string;
  /** Every kind's field the name stands for (带队领导: the schedule's and the log's). */
  targets: Array<{ kind: HeaderKind; field: Field }>;
  sheet: string;
  row: number;
  column: number;
}

const COLUMN_LINES = /[\r\n、,;]+/;
const COLUMN_ARROW = /=|→|->|⇒/;

/**
 * The fields a name stands for: the field whose label or one of whose header words it is, in
 * every kind (带队领导 is the schedule's and the log's leader; 日期 the log's and the meetings').
 */
export function fieldsNamed(name: string): Array<{ kind: HeaderKind; field: Field }> {
  const key = cleanHeader(name);
  const out: Array<{ kind: HeaderKind; field: Field }> = [];
  if (key === '') return out;
  for (const kind of KIND_PRIORITY) {
    for (const f of HEADER_WORDS[kind].fields) {
      if (f.label === key || f.words.indexOf(key) >= 0) out.push({ kind, field: f.field });
    }
  }
  return out;
}

/**
 * Reads the 列 lines of the settings sheets (`列:检查地点=受查单位`, or 列 | 检查地点=受查单位, several
 * per cell on their own lines): the column each names for a field, which wins over recognition.
 * A line that is not `field=header`, or names no field, is a data problem naming its cell; whether
 * its header is a column of some sheet is known only once the headers are read (parse/index.ts).
 */
export function readColumnSettings(sheets: ReadonlyArray<SheetInput>): { lines: ColumnSetting[]; problems: Problem[] } {
  const lines: ColumnSetting[] = [];
  const problems: Problem[] = [];
  for (const sheet of sheets) {
    for (const entry of settingRows(sheet)) {
      if (entry.key !== COLUMN_KEY || isBlank(entry.value)) continue;
      for (const part of nfkc(cellText(entry.value)).split(COLUMN_LINES)) {
        const text = trimAll(part);
        if (text === '') continue;
        const sides = text.split(COLUMN_ARROW);
        const fieldName = sides.length === 2 ? trimAll(sides[0]).replace(/^列[:：]/, '') : '';
        const header = sides.length === 2 ? trimAll(sides[1]) : '';
        const at = (id: string, data: Record<string, string>) =>
          problems.push(makeProblem('bad-setting', sheet.name, entry.row, entry.column, VALUE_COLUMN, id, data));
        if (fieldName === '' || cleanHeader(header) === '') {
          at('problem.column-setting-format', { text: quoteCell(text, 40) });
          continue;
        }
        const targets = fieldsNamed(fieldName);
        if (targets.length === 0) {
          at('problem.column-setting-field', { text: quoteCell(text, 40), name: quoteCell(fieldName, 20), names: COLUMN_FIELD_NAMES });
          continue;
        }
        lines.push({ text, fieldName, header, key: cleanHeader(header), targets, sheet: sheet.name, row: entry.row, column: entry.column });
      }
    }
  }
  return { lines, problems };
}

/** The field names a 列 line may use, as the problem lists them (the log's first, then the schedule's). */
const COLUMN_FIELD_NAMES = (['log', 'schedule', 'meetings', 'reports'] as HeaderKind[])
  .map((kind) => HEADER_WORDS[kind].fields.map((f) => f.label))
  .reduce((all, labels) => all.concat(labels.filter((l) => all.indexOf(l) < 0)), [] as string[])
  .join('、');
