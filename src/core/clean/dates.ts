/**
 * Date cells (SPEC §1 Cleaning values → Dates): Excel serial numbers (1900 or 1904 system), Date
 * objects from xlsx readers, and the ways clerks type dates. Anything else is a reason, never a
 * guess and never an exception.
 */
import { dayFromExcelSerial, dayFromYmd, daysInMonth, formatChinese, formatIso, isValidYmd, ymdFromDay } from '../day';
import type { CellValue, Day } from '../types';
import { isErrorValue, nfkc, quoteCell, trimAll } from './text';

/**
 * A readable date (`yearless` when the text gave no year and `defaultYear` was used), or the
 * reason in Chinese why the cell is not one (phrased to follow the quoted cell text).
 */
export type DateParse = { ok: true; day: Day; yearless?: boolean } | { ok: false; reason: string };

/** Options of {@link parseDateCell}. */
export interface DateOptions {
  /** The workbook uses the 1904 date system. */
  date1904: boolean;
  /** The year given to `8月3日` and `8/3` (the year of the month being checked). */
  defaultYear: number;
}

const MS_PER_DAY = 86400000;
const MIN_YEAR = 1900;

/** The first year of a date system: what a small number in a date cell turns into. */
function firstYear(date1904: boolean): number {
  return date1904 ? 1904 : 1900;
}

// Each form is matched at the start; what follows must be a time or a weekday (see REST).
const YMD_SEPARATED = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?:\s*[日号])?/;
const YMD_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})(?!\d)/;
const MD_CHINESE = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/;
const MD_SEPARATED = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})(?![\d./-])(?:\s*[日号])?/;

const WEEKDAY = '(?:\\(?(?:星期|周|礼拜)[一二三四五六日天]\\)?|\\([一二三四五六日天]\\))';
const CLOCK =
  '(?:(?:[01]?\\d|2[0-3])(?::[0-5]?\\d){1,2}(?:\\.\\d+)?|(?:[01]?\\d|2[0-3])[时点](?:[0-5]?\\d分(?:[0-5]?\\d秒)?|半)?)';
/** A time of day and/or a weekday after the date: ` 14:30`, `T09:00:00Z`, `上午`, `（星期六）`, `9点半`. */
const REST = new RegExp(
  '^[T\\s]*' + WEEKDAY + '?\\s*(?:(?:上午|下午|中午|晚上|早上|凌晨|AM|PM)\\s*)?' + CLOCK + '?\\s*(?:AM|PM)?\\s*' +
    '(?:Z|[+-]\\d{2}:?\\d{2})?\\s*' + WEEKDAY + '?\\s*[.。]?$',
  'i',
);

const UNREADABLE = '无法识别为日期';

function invalid(year: number, month: number, day: number): DateParse {
  if (month < 1 || month > 12) return { ok: false, reason: '不是有效日期（没有' + month + '月）' };
  return { ok: false, reason: '不是有效日期（' + year + '年' + month + '月没有' + day + '日）' };
}

function fromYmd(year: number, month: number, day: number, yearless: boolean): DateParse {
  if (year < MIN_YEAR) return { ok: false, reason: '不是有效日期（年份' + year + '不合理）' };
  if (!isValidYmd(year, month, day)) return invalid(year, month, day);
  const d = dayFromYmd(year, month, day);
  return yearless ? { ok: true, day: d, yearless: true } : { ok: true, day: d };
}

/**
 * Reads date text (already a string): `2019-08-03`, `2019/8/3`, `2019.8.3`, `2019年8月3日`,
 * `20190803`, each optionally followed by a time or weekday, and `8月3日` / `8/3` / `8-3` / `8.3`
 * without a year (`defaultYear` is used). Full-width digits are read through NFKC.
 * Returns null for empty text.
 */
export function parseDateText(text: string, defaultYear: number): DateParse | null {
  const t = trimAll(nfkc(text));
  if (t === '') return null;
  if (isErrorValue(t)) return { ok: false, reason: '是错误值' };
  if (t.length > 64) return { ok: false, reason: UNREADABLE };
  let m: RegExpExecArray | null;
  let year: number;
  let month: number;
  let day: number;
  let yearless = false;
  if ((m = YMD_SEPARATED.exec(t))) {
    year = +m[1];
    month = +m[3];
    day = +m[4];
  } else if ((m = YMD_CHINESE.exec(t))) {
    year = +m[1];
    month = +m[2];
    day = +m[3];
  } else if ((m = YMD_COMPACT.exec(t))) {
    year = +m[1];
    month = +m[2];
    day = +m[3];
  } else if ((m = MD_CHINESE.exec(t))) {
    year = defaultYear;
    month = +m[1];
    day = +m[2];
    yearless = true;
  } else if ((m = MD_SEPARATED.exec(t))) {
    year = defaultYear;
    month = +m[1];
    day = +m[3];
    yearless = true;
  } else {
    return { ok: false, reason: UNREADABLE };
  }
  if (!REST.test(t.slice(m[0].length))) return { ok: false, reason: UNREADABLE };
  return fromYmd(year, month, day, yearless);
}

/** Reads a number: an 8-digit yyyymmdd (20190803) when it forms a valid date, else an Excel serial. */
function parseDateNumber(n: number, date1904: boolean): DateParse {
  if (!isFinite(n)) return { ok: false, reason: '不是有效数字' };
  if (n >= 19000101 && n <= 99991231 && Math.floor(n) === n) {
    const y = Math.floor(n / 10000);
    const mo = Math.floor(n / 100) % 100;
    const d = n % 100;
    return isValidYmd(y, mo, d) ? { ok: true, day: dayFromYmd(y, mo, d) } : invalid(y, mo, d);
  }
  if (n >= 0 && n < 1) return { ok: false, reason: '只有时间，没有日期' };
  if (!date1904 && Math.floor(n) === 60) return { ok: false, reason: '不是有效日期（1900年2月29日不存在）' };
  const day = dayFromExcelSerial(n, date1904);
  if (day === null) return { ok: false, reason: '超出Excel日期范围' };
  // A serial in the date system's first year is a number typed into a date column (8.12 for
  // 8月12日), not a date anyone recorded: Excel would show it as 1900年1月8日.
  if (ymdFromDay(day).year === firstYear(date1904)) return { ok: false, reason: '是数字，按Excel日期算是' + formatChinese(day) + '，不像实际日期' };
  return { ok: true, day };
}

/** Marks that stand for "nothing" in a date, deadline or done-date cell: /, -, —, ——, 无, 暂无. */
const EMPTY_MARK = /^(?:[-/\\—–―－_~〜·.。…]+|无|暂无|没有)$/;

/**
 * True when a date, deadline or done-date cell says nothing (SPEC §1: `/`, `-`, `—`, 无 mean empty):
 * a blank cell, or only such a mark (spaces and full-width forms ignored).
 */
export function isEmptyDateMark(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const t = trimAll(nfkc(value)).replace(/\s+/g, '');
  return t === '' || EMPTY_MARK.test(t);
}

/**
 * Reads a date cell of any form SPEC §1 lists. Numbers are Excel serials (1904 system when
 * `date1904`), except 8-digit numbers that form a valid yyyymmdd date. Date objects give their UTC
 * calendar day (xlsx readers create UTC midnight). Text is read by {@link parseDateText}.
 * Returns null for an empty cell; never throws; never guesses.
 */
export function parseDateCell(value: CellValue, opts: DateOptions): DateParse | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return parseDateText(value, opts.defaultYear);
  if (typeof value === 'number') return parseDateNumber(value, opts.date1904);
  if (typeof value === 'boolean') return { ok: false, reason: '是逻辑值，不是日期' };
  if (value instanceof Date) {
    const ms = value.getTime();
    if (ms !== ms) return { ok: false, reason: '是无效的日期' };
    const day = Math.floor(ms / MS_PER_DAY);
    // Time-only cells come out of readers as 1899-12-30/31 plus the time.
    if (value.getUTCFullYear() < MIN_YEAR) return { ok: false, reason: '只有时间，没有日期' };
    if (value.getUTCFullYear() === firstYear(opts.date1904)) {
      return { ok: false, reason: '是' + value.getUTCFullYear() + '年的日期，不像实际日期（可能是把数字填进了日期格式的单元格）' };
    }
    if (value.getUTCFullYear() > 9999) return { ok: false, reason: '超出Excel日期范围' };
    return { ok: true, day };
  }
  return { ok: false, reason: UNREADABLE };
}

const CN_DIGITS: { [c: string]: number } = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `3`, `15`, `三`, `十五`, `二十` → the number; null otherwise (digits up to 999, Chinese up to 99). */
export function smallNumber(text: string): number | null {
  if (/^\d{1,3}$/.test(text)) return +text;
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 && CN_DIGITS[text] ? CN_DIGITS[text] : null;
  const before = text.slice(0, ten);
  const after = text.slice(ten + 1);
  const tens = before === '' ? 1 : before.length === 1 ? CN_DIGITS[before] : undefined;
  const ones = after === '' ? 0 : after.length === 1 ? CN_DIGITS[after] : undefined;
  return tens === undefined || ones === undefined ? null : tens * 10 + ones;
}

/** What may follow a deadline's time: 整改, 完成, 整改完成 or 整改完毕. */
const THEN_FIXED = '(?:整改|完成|整改完成|整改完毕|整改到位|完成整改|到位)?';
/** What may come before it: 限期 or 限 (限3日内整改). */
const LIMIT = '(?:限期|限)?';
const RELATIVE_DAYS = new RegExp('^' + LIMIT + '(\\d{1,3}|[一二两三四五六七八九十]{1,3})(?:个)?(?:天|日内|日之内|日以内)(?:内|之内|以内)?' + THEN_FIXED + '$');
const RELATIVE_WEEKS = new RegExp('^' + LIMIT + '(\\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个)?(?:周|星期|礼拜)(?:内|之内|以内)?' + THEN_FIXED + '$');
const HALF_MONTH = new RegExp('^' + LIMIT + '半个?月(?:内|之内|以内)?' + THEN_FIXED + '$');
/** Counted units of a relative deadline: the form, the largest count read, and days per unit. */
const RELATIVE_UNITS: ReadonlyArray<{ form: RegExp; max: number; days: number }> = [
  { form: RELATIVE_DAYS, max: 366, days: 1 },
  { form: RELATIVE_WEEKS, max: 52, days: 7 },
];

/**
 * A deadline given as a time after the inspection (`7天`, `3日内`, `限期十五天内整改`, `一周内`,
 * `两周`, `半个月`): the number of days, or null when the text is not of that form. Working days
 * are not read.
 */
export function relativeDeadlineDays(cleaned: string): number | null {
  for (const unit of RELATIVE_UNITS) {
    const m = unit.form.exec(cleaned);
    if (!m) continue;
    const n = smallNumber(m[1]);
    return n === null || n > unit.max ? null : n * unit.days;
  }
  return HALF_MONTH.test(cleaned) ? 15 : null;
}

const RELATIVE_MONTHS = new RegExp('^' + LIMIT + '(\\d{1,2}|[一二两三四五六七八九十]{1,3})个月(?:内|之内|以内)?' + THEN_FIXED + '$');

/**
 * A deadline given in months after the inspection (`一个月内`, `限期两个月`, `3个月内整改`): the same
 * day that many months later, or the month's last day when it has no such day (31 January + 1
 * month → 28/29 February). Null when the text is not of that form (`3月` is March, not this).
 */
export function monthsDeadline(cleaned: string, inspection: Day): Day | null {
  const m = RELATIVE_MONTHS.exec(cleaned);
  const n = m ? smallNumber(m[1]) : null;
  if (n === null || n < 1 || n > 24) return null;
  const at = ymdFromDay(inspection);
  const month0 = at.month - 1 + n;
  const year = at.year + Math.floor(month0 / 12);
  const month = (month0 % 12) + 1;
  return dayFromYmd(year, month, Math.min(at.day, daysInMonth(year, month)));
}

const THIS_MONTH_END = new RegExp('^(?:本|当)?月(?:底|末)(?:前|之前|以前)?' + THEN_FIXED + '$');
const GIVEN_MONTH_END = new RegExp('^(?:(\\d{4})年)?(\\d{1,2})月(?:底|末|份)(?:前|之前|以前)?' + THEN_FIXED + '$');

function lastDayOf(year: number, month: number): Day {
  return dayFromYmd(year, month, daysInMonth(year, month));
}

/**
 * A deadline at the end of a month: `月底前`, `本月底` (the inspection's month), `8月底`, `9月底前`,
 * `2019年9月底` (without a year: the inspection's year, or the next when that is before the
 * inspection). The month's last day, or null when the text is not of that form.
 */
export function monthEndDeadline(cleaned: string, inspection: Day): Day | null {
  const at = ymdFromDay(inspection);
  if (THIS_MONTH_END.test(cleaned)) return lastDayOf(at.year, at.month);
  const m = GIVEN_MONTH_END.exec(cleaned);
  if (!m) return null;
  const month = +m[2];
  if (month < 1 || month > 12) return null;
  if (m[1] !== undefined) return lastDayOf(+m[1], month);
  const end = lastDayOf(at.year, month);
  return end < inspection ? lastDayOf(at.year + 1, month) : end;
}

const DONE_WORDS = '(?:完成整改|整改完成|整改完毕|整改到位|完成|整改|到位)?';
const BY_DATE = new RegExp('^(.+?)(?:之前|以前|前|为止|止)' + DONE_WORDS + '$');
/** 截至8月15日, 截止2019年8月15日: the date it is due by. */
const DUE_BY = /^(?:截至|截止到|截止)[:：]?(.+)$/;
const DAY_ONLY = new RegExp('^(\\d{1,2})[日号](?:之前|以前|前)?' + DONE_WORDS + '$');

/**
 * `9月5日前`, `2019年8月20日之前`, `9月5日前完成整改`, `8月15日止`, `截至8月15日` → the date text without
 * its “before”; other text as it is.
 */
export function withoutBefore(text: string): string {
  const trimmed = trimAll(text);
  const due = DUE_BY.exec(trimmed);
  const rest = due ? trimAll(due[1]) : trimmed;
  const m = BY_DATE.exec(rest);
  return m ? m[1] : due ? rest : text;
}

/**
 * A deadline that names only the day (`15日前`, `20号`): that day of the inspection's month, or of
 * the next month when it is before the inspection. Null when the text is not of that form.
 */
export function dayOnlyDeadline(cleaned: string, inspection: Day): Day | null {
  const m = DAY_ONLY.exec(cleaned);
  if (!m) return null;
  const at = ymdFromDay(inspection);
  const day = +m[1];
  for (let step = 0; step < 3; step++) {
    const month0 = at.month - 1 + step;
    const year = at.year + Math.floor(month0 / 12);
    const month = (month0 % 12) + 1;
    if (!isValidYmd(year, month, day)) continue;
    const d = dayFromYmd(year, month, day);
    if (d >= inspection) return d;
  }
  return null;
}

/**
 * A date cell as a message quotes it once it has been read as `day`: text as the clerk wrote it,
 * a number or date as the day it is. Excel gives the add-in a date cell as its serial number
 * (43728) and the command line as a date: both must quote 2019-09-20.
 */
export function quoteDateCell(value: CellValue, day: Day): string {
  return typeof value === 'string' ? quoteCell(value) : formatIso(day);
}
