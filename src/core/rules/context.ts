/**
 * The shared input of every rule: the month, the as-of date, the month's deadline and an index of
 * the log built in one pass, so that 100,000 log rows are read once, not once per leader or site.
 */
import { dayFromYmd, daysInMonth, formatChinese, formatMonthDay, ymdFromDay } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import { formatMessage } from '../messages';
import type { MessageData } from '../messages';
import { STATUS_COLOUR } from '../palette';
import type { Day, Field, Finding, LogEntry, ParsedWorkbook, RowRef, RuleId, Status } from '../types';
import type { LogIndex, RuleContext } from './rule';

/**
 * The deadline of a month: the D-th, or the month's last day when the month is shorter
 * (D = 30 in February means 28 or 29 February). A D that is not a whole number ≥ 1 falls back to
 * the default (25); settings are validated by the parser, this only keeps the core total.
 */
export function monthDeadline(year: number, month: number, deadlineDay: number): Day {
  const d = isFinite(deadlineDay) && deadlineDay >= 1 ? Math.floor(deadlineDay) : DEFAULT_SETTINGS.deadlineDay;
  return dayFromYmd(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The deadline of the month a day falls in (for the timeliness of a log row of any month). */
export function deadlineOfDaysMonth(d: Day, deadlineDay: number): Day {
  const ymd = ymdFromDay(d);
  return monthDeadline(ymd.year, ymd.month, deadlineDay);
}

/**
 * True when a log row's cleaned site text covers a key site: it contains the site's cleaned name
 * (湘域矿业有限公司 covers 湘域矿业). Both strings are already cleaned like names.
 */
export function siteCovers(siteText: string, siteName: string): boolean {
  return siteName !== '' && siteText.indexOf(siteName) >= 0;
}

/**
 * Builds the context for checking month `when.month` of `when.year` as of `when.asOf`.
 * The log index is built in one pass over `parsed.log`; entries dated after T are left out.
 */
export function makeRuleContext(parsed: ParsedWorkbook, when: { year: number; month: number; asOf: Day }): RuleContext {
  const { year, month, asOf } = when;
  const settings = parsed.settings;
  const monthStart = dayFromYmd(year, month, 1);
  const monthEnd = dayFromYmd(year, month, daysInMonth(year, month));
  const deadline = monthDeadline(year, month, settings.deadlineDay);

  const keySites: string[] = [];
  const monthBySite = new Map<string, LogEntry[]>();
  for (const leader of parsed.leaders) {
    for (const site of leader.sites) {
      if (site !== '' && !monthBySite.has(site)) {
        monthBySite.set(site, []);
        keySites.push(site);
      }
    }
  }

  const monthByLeader = new Map<string, LogEntry[]>();
  const coveredBySite = new Map<string, LogEntry[][]>();
  const monthEntries: LogEntry[] = [];
  const hazards: LogEntry[] = [];
  const log = parsed.log;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i];
    if (entry.date > asOf) continue;
    if (entry.hazard !== null) hazards.push(entry);
    if (entry.date < monthStart || entry.date > monthEnd) continue;
    monthEntries.push(entry);
    for (let j = 0; j < entry.leaders.length; j++) {
      const name = entry.leaders[j];
      // A cell naming the same leader twice is still one entry for that leader.
      if (entry.leaders.indexOf(name) !== j) continue;
      const list = monthByLeader.get(name);
      if (list) list.push(entry);
      else monthByLeader.set(name, [entry]);
    }
    if (entry.site !== '' && keySites.length > 0) {
      // Logs name the same few hundred places over and over: match each text once.
      let covered = coveredBySite.get(entry.site);
      if (covered === undefined) {
        covered = [];
        for (let k = 0; k < keySites.length; k++) if (siteCovers(entry.site, keySites[k])) covered.push(monthBySite.get(keySites[k])!);
        if (entry.site.length <= 200) coveredBySite.set(entry.site, covered);
      }
      for (let k = 0; k < covered.length; k++) covered[k].push(entry);
    }
  }

  const index: LogIndex = { monthByLeader, monthEntries, monthBySite, hazards };
  const sheetFields = new Map<string, ReadonlySet<Field>>();
  for (const s of parsed.sheets) {
    if (s.kind === 'settings' || sheetFields.has(s.sheet)) continue;
    sheetFields.set(s.sheet, new Set(Object.keys(s.columns) as Field[]));
  }
  return { parsed, settings, year, month, monthStart, monthEnd, asOf, deadline, index, sheetFields };
}

/** True when the sheet a row comes from has a column for the field (a sheet the context does not know has all). */
export function hasColumn(ctx: RuleContext, sheet: string, field: Field): boolean {
  const fields = ctx.sheetFields.get(sheet);
  return fields === undefined || fields.has(field);
}

/** True when no sheet of a kind read has a column for the field (and there is such a sheet). */
export function noSheetHas(ctx: RuleContext, kind: 'log' | 'meetings', field: Field): boolean {
  let any = false;
  for (const s of ctx.parsed.sheets) {
    if (s.kind !== kind) continue;
    any = true;
    if (s.columns[field] !== undefined) return false;
  }
  return any;
}

/** The distinct days of some entries, ascending. Sorts once. */
export function distinctDays(entries: ReadonlyArray<LogEntry>): Day[] {
  const days = entries.map((e) => e.date).sort((a, b) => a - b);
  const out: Day[] = [];
  for (let i = 0; i < days.length; i++) if (i === 0 || days[i] !== days[i - 1]) out.push(days[i]);
  return out;
}

/**
 * The status of a "do it Q times by the deadline" duty (monthly quota, key sites), SPEC §2.1:
 * ok when Q were done by the deadline; late when Q were done only counting later days; missing
 * once T is past the deadline; before it, due-soon within W days of the deadline, else pending.
 */
export function timelinessStatus(total: number, onTime: number, required: number, ctx: RuleContext): Status {
  if (onTime >= required) return 'ok';
  if (total >= required) return 'late';
  if (ctx.asOf > ctx.deadline) return 'missing';
  return ctx.deadline - ctx.asOf <= ctx.settings.warnDays ? 'due-soon' : 'pending';
}

/** `8月12日` when the day is in `refYear`, else `2018年12月28日`. */
export function dayLabel(d: Day, refYear: number): string {
  return ymdFromDay(d).year === refYear ? formatMonthDay(d) : formatChinese(d);
}

/** `8月12日、8月20日` */
export function dayList(days: ReadonlyArray<Day>, refYear: number): string {
  return days.map((d) => dayLabel(d, refYear)).join('、');
}

/** A finding on a row; the message is always built from the message id and its data. */
export function makeFinding(rule: RuleId, ref: RowRef, status: Status, messageId: string, data: MessageData): Finding {
  return {
    rule,
    sheet: ref.sheet,
    row: ref.row,
    status,
    colour: STATUS_COLOUR[status],
    messageId,
    data,
    message: formatMessage(messageId, data),
  };
}

/**
 * Rank for "how far from done" (not for colours): a pending duty ranks above a done one, so a
 * leader with one site done and one not yet visited is pending, not ok.
 */
const PROGRESS_RANK: Record<Status, number> = {
  missing: 6,
  overdue: 6,
  late: 5,
  'due-soon': 4,
  problem: 3,
  pending: 2,
  ok: 1,
  unknown: 0,
};

/**
 * The least finished of some statuses (`empty` when there are none). `unknown` (a check that could
 * not be made) counts only when nothing else can: the verdict rests on the checks that were made.
 */
export function worstProgress(statuses: ReadonlyArray<Status>, empty: Status): Status {
  let worst = empty;
  for (let i = 0; i < statuses.length; i++) {
    if (i === 0 || PROGRESS_RANK[statuses[i]] > PROGRESS_RANK[worst]) worst = statuses[i];
  }
  return worst;
}
