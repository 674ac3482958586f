/**
 * monthly-quota — 每月带队检查次数 (SPEC §2.1), plus the timeliness of every log row (SPEC §3:
 * a row dated after the D-th of its own month is late).
 */
import { formatMonthDay, ymdFromDay } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import { formatMessage } from '../messages';
import type { MessageData } from '../messages';
import { STATUS_COLOUR } from '../palette';
import type { Day, Finding, Status } from '../types';
import { dayLabel, dayList, distinctDays, makeFinding, monthDeadline, timelinessStatus } from './context';
import type { QuotaDetail, QuotaDetails, Rule, RuleContext, SiteCoverageDetail } from './rule';
import { leaderRows, siteGaps } from './site-coverage';

/**
 * Each schedule leader leads at least Q inspections in M (Q = mainQuota for main leaders, else
 * memberQuota). Distinct days count (several sites on one day are one trip), days ≤ T only; a joint
 * inspection counts for every leader in it. One finding per leader on each schedule row naming him, and one per
 * log row dated ≤ T (any month): ok when dated by the D-th of its month, late after it.
 */
export const monthlyQuota: Rule<QuotaDetails> = {
  id: 'monthly-quota',
  description: '每月带队检查次数：主要领导每月至少1次，其他班子成员每月至少2次，每月25日前完成（同一天检查多处算1次）',
  defaultOptions: {
    mainQuota: DEFAULT_SETTINGS.mainQuota,
    memberQuota: DEFAULT_SETTINGS.memberQuota,
    deadlineDay: DEFAULT_SETTINGS.deadlineDay,
    warnDays: DEFAULT_SETTINGS.warnDays,
  },
  check(ctx) {
    const findings: Finding[] = [];
    const details: QuotaDetails = [];
    for (const leader of ctx.parsed.leaders) {
      const required = leader.role === 'main' ? ctx.settings.mainQuota : ctx.settings.memberQuota;
      const dates = distinctDays(ctx.index.monthByLeader.get(leader.name) || []);
      let onTime = 0;
      while (onTime < dates.length && dates[onTime] <= ctx.deadline) onTime++;
      const status = timelinessStatus(dates.length, onTime, required, ctx);
      const messageId = 'quota.' + status;
      const data = {
        required,
        total: dates.length,
        onTime,
        dates: dayList(dates, ctx.year),
        deadline: formatMonthDay(ctx.deadline),
        deadlineDay: ymdFromDay(ctx.deadline).day,
        daysLeft: Math.max(0, ctx.deadline - ctx.asOf),
      };
      let message = '';
      for (const ref of leaderRows(leader)) {
        const finding = makeFinding('monthly-quota', ref, status, messageId, data);
        findings.push(finding);
        message = finding.message;
      }
      details.push({ name: leader.name, required, total: dates.length, onTime, dates, status, message });
    }
    pushRowTimeliness(ctx, findings);
    return { findings, details };
  },
};

/**
 * One finding per log row dated ≤ T: on time by the D-th of the row's own month, else late. Rows of
 * one day share their verdict, so it is worked out once per day, not once per row.
 */
function pushRowTimeliness(ctx: RuleContext, findings: Finding[]): void {
  const asOfYear = ymdFromDay(ctx.asOf).year;
  const byDay = new Map<Day, { status: Status; messageId: string; data: MessageData; message: string }>();
  const log = ctx.parsed.log;
  for (let i = 0; i < log.length; i++) {
    const entry = log[i];
    // Rows dated after T are data problems (SPEC §2.6), not inspections yet.
    if (entry.date > ctx.asOf) continue;
    let verdict = byDay.get(entry.date);
    if (!verdict) {
      const ymd = ymdFromDay(entry.date);
      const deadline = monthDeadline(ymd.year, ymd.month, ctx.settings.deadlineDay);
      const late = entry.date > deadline;
      const messageId = late ? 'log.late' : 'log.on-time';
      const data = { date: dayLabel(entry.date, asOfYear), deadlineDay: ymdFromDay(deadline).day };
      // Shared by the rows of that day: frozen so no consumer can change one row's data for all.
      verdict = { status: late ? 'late' : 'ok', messageId, data: Object.freeze(data), message: formatMessage(messageId, data) };
      byDay.set(entry.date, verdict);
    }
    findings.push({
      rule: 'monthly-quota',
      sheet: entry.ref.sheet,
      row: entry.ref.row,
      status: verdict.status,
      colour: STATUS_COLOUR[verdict.status],
      messageId: verdict.messageId,
      data: verdict.data,
      message: verdict.message,
    });
  }
}

/**
 * The per-leader line of the summary and the schedule row: the quota message, then what is
 * missing of the key sites, e.g. `应检2次，实检1次（8月12日）；未检：环宇烟花批发`.
 */
export function leaderMessage(quota: QuotaDetail, sites: SiteCoverageDetail): string {
  return formatMessage('leader.line', { quota: quota.message, sites: siteGaps(sites) });
}
