/** Dates as Excel stores them: serial numbers in the 1900 or 1904 system, and ISO text (`t="d"`). */
const MS_PER_DAY = 86400000;
/** 1899-12-30: day 0 of the 1900 system for every date after February 1900. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Days from 1900-01-01 (1900 system) to 1904-01-01 (1904 system's day 0). */
const DAYS_1904 = 1462;
const ISO_DATE_TIME = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A date-formatted serial as the `Date` ExcelJS made of it (UTC midnight for whole days). */
export function dateFromSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? DAYS_1904 : 0)) * MS_PER_DAY));
}

/** The serial number Excel stores for an ISO 8601 date or time, or null when it is not one. */
export function serialFromIso(text: string, date1904: boolean): number | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const time = m[4] === undefined ? 0 : (+m[4] * 3600 + +m[5] * 60 + (m[6] ? +m[6] : 0)) / 86400;
  if (m[1] === undefined) return time < 1 ? time : null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let serial = Math.round((ms - EPOCH_1900) / MS_PER_DAY);
  // The 1900 system counts a 29 February 1900 that never was: days before March are one less.
  if (!date1904 && serial < 61) serial -= 1;
  if (date1904) serial -= DAYS_1904;
  return serial < 0 ? null : serial + time;
}
