/**
 * Calendar-day arithmetic on whole numbers (days since 1970-01-01), free of time zones.
 * The core never uses `Date` for arithmetic: a clerk's "8月3日" is a day, not an instant.
 */
import type { Day } from './types';

/** Days from 1970-01-01 to the given proleptic-Gregorian date (month 1–12). */
export function dayFromYmd(year: number, month: number, day: number): Day {
  // Howard Hinnant's days_from_civil: exact for every year, no Date involved.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `dayFromYmd`. */
export function ymdFromDay(d: Day): { year: number; month: number; day: number } {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** True when year-month-day names a real date (no 2月30日). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** `YYYY-MM-DD` */
export function formatIso(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return year + '-' + pad2(month) + '-' + pad2(day);
}

/** `8月12日`, as the messages show a day within the month being checked. */
export function formatMonthDay(d: Day): string {
  const { month, day } = ymdFromDay(d);
  return month + '月' + day + '日';
}

/** `2019年8月12日` */
export function formatChinese(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return year + '年' + month + '月' + day + '日';
}

/** Parses `YYYY-MM-DD` strictly (for options, not for cells); null when invalid. */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : null;
}

/** Parses `YYYY-MM` strictly; null when invalid. */
export function parseIsoMonth(text: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const year = +m[1], month = +m[2];
  return month >= 1 && month <= 12 && year >= 1900 && year <= 9999 ? { year, month } : null;
}

/** `YYYY-MM` */
export function formatMonth(year: number, month: number): string {
  return year + '-' + pad2(month);
}

/**
 * Excel serial number → Day. 1900 system: serial 1 = 1900-01-01, with Excel's phantom
 * 1900-02-29 (serial 60); serials from 61 on map to real days. 1904 system: serial 0 = 1904-01-01.
 * The fractional part (time of day) is dropped. Returns null for serials outside Excel's range.
 */
export function dayFromExcelSerial(serial: number, date1904 = false): Day | null {
  if (!isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > 2957003) return null;
    return dayFromYmd(1904, 1, 1) + whole;
  }
  if (whole < 1 || whole > 2958465) return null;
  if (whole === 60) return null; // 1900-02-29 does not exist
  const base = dayFromYmd(1899, 12, 31); // serial 0
  return base + whole - (whole > 60 ? 1 : 0);
}

/** Day → Excel serial (1900 system unless date1904). */
export function excelSerialFromDay(d: Day, date1904 = false): number {
  if (date1904) return d - dayFromYmd(1904, 1, 1);
  const s = d - dayFromYmd(1899, 12, 31);
  return s >= 60 ? s + 1 : s;
}
