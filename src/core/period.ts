/**
 * Which month and as-of date a check means when the clerk has not said (issue 18): the pane's
 * starting choice and the command line's defaults. Pure: today is passed in.
 */
import { dayFromYmd, daysInMonth, formatIso, formatMonth, parseIsoDay, parseIsoMonth, ymdFromDay } from './day';
import { DEFAULT_SETTINGS } from './defaults';

/**
 * The month to check by default on `today` (YYYY-MM-DD): the current month once its deadline day
 * plus the warning days has passed, the previous month until then. Early in a month nearly
 * everything of the new month is still 进行中, while last month's results are final (with W days
 * for late entries): on 2 September (D = 25, W = 5) that is August, from 31 October it is October.
 */
export function defaultMonth(today: string, deadlineDay: number = DEFAULT_SETTINGS.deadlineDay, warnDays: number = DEFAULT_SETTINGS.warnDays): string {
  const t = parseIsoDay(today);
  if (t === null) throw new Error('defaultMonth: not a YYYY-MM-DD day: ' + today);
  const { year, month } = ymdFromDay(t);
  const deadline = dayFromYmd(year, month, Math.min(deadlineDay, daysInMonth(year, month)));
  if (t > deadline + warnDays) return formatMonth(year, month);
  return month === 1 ? formatMonth(year - 1, 12) : formatMonth(year, month - 1);
}

/** Why an as-of date was chosen when only the month was given. */
export type AsOfReason = 'today' | 'year-end';

/**
 * The as-of date for `month` when only the month was given: today, unless the month lies in an
 * earlier year, when it is 31 December of the month's year, so that the meetings and the annual
 * reports are checked for the month's year and not for today's.
 */
export function defaultAsOf(month: string, today: string): { asOf: string; reason: AsOfReason } {
  const m = parseIsoMonth(month);
  const t = parseIsoDay(today);
  if (!m || t === null) throw new Error('defaultAsOf: bad month or day: ' + month + ', ' + today);
  if (m.year < ymdFromDay(t).year) return { asOf: formatIso(dayFromYmd(m.year, 12, 31)), reason: 'year-end' };
  return { asOf: today, reason: 'today' };
}
