/**
 * annual-report — 年度述职报告 (SPEC §2.5): each member unit submits its report on the previous
 * year (T's year − 1) by the report deadline (default 31 January of T's year).
 */
import { dayFromYmd, daysInMonth, formatMonthDay, ymdFromDay } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import { formatMessage } from '../messages';
import type { Finding, ParsedWorkbook, Report, ReportResult, Status } from '../types';
import { dayLabel, makeFinding } from './context';
import type { ReportDetails, Rule } from './rule';

/**
 * The member units: the settings list 安委成员单位 when set, else the distinct departments of the
 * schedule leaders in schedule order (a department cell is split on 、，,；; here too).
 */
export function memberUnits(parsed: ParsedWorkbook): string[] {
  const source = parsed.settings.memberUnits !== null ? parsed.settings.memberUnits : parsed.leaders.reduce<string[]>((all, l) => all.concat(l.departments), []);
  const units: string[] = [];
  for (const text of source) {
    for (const part of squeeze(text).split(/[、，,；;／/]+/)) {
      if (part !== '' && units.indexOf(part) < 0) units.push(part);
    }
  }
  return units;
}

/**
 * A report row's unit names a member unit when, without white space, they are equal or one
 * contains the other (大栗港镇安监站 ↔ 安监站); the shorter must have at least 2 characters so that
 * a stray 办 matches nothing.
 */
export function unitMatches(rowUnit: string, unit: string): boolean {
  const a = squeeze(rowUnit);
  const b = squeeze(unit);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.indexOf(short) >= 0;
}

function before(a: Report, b: Report): boolean {
  return a.ref.sheet === b.ref.sheet ? a.ref.row < b.ref.row : a.ref.sheet < b.ref.sheet;
}

function squeeze(text: string): string {
  return (text || '').replace(/[\s\u3000\u00a0\u200b-\u200d\ufeff]+/g, '');
}

/**
 * ok: submitted by the deadline · late: after it · missing: T after the deadline and none ·
 * due-soon: none yet and the deadline within W days · pending: none yet. A row is about a unit's
 * report when its unit matches and its 年度 is T's year − 1 (or, with no 年度, it was submitted in T's
 * year or in December before, or has no date ≤ T yet); it counts as a submission when it has a date
 * ≤ T. Every row about the unit's report gets the unit's status (SPEC §3: report rows take their
 * unit's status), so a unit listed without a date is coloured as not submitted; rows about other
 * years or units that are not member units get no finding; units with no row appear only in the
 * details. details null when there is no reports sheet.
 */
export const annualReport: Rule<ReportDetails> = {
  id: 'annual-report',
  description: '年度述职报告：安委成员单位主要负责人每年1月31日前提交上年度安全生产述职报告',
  defaultOptions: { reportDeadline: DEFAULT_SETTINGS.reportDeadline, warnDays: DEFAULT_SETTINGS.warnDays },
  check(ctx) {
    const reports = ctx.parsed.reports;
    if (reports === null) return { findings: [], details: null };
    const asOfYear = ymdFromDay(ctx.asOf).year;
    const reportYear = asOfYear - 1;
    const rd = ctx.settings.reportDeadline;
    const deadline = dayFromYmd(asOfYear, rd.month, Math.min(rd.day, daysInMonth(asOfYear, rd.month)));
    const decemberBefore = dayFromYmd(reportYear, 12, 1);
    // A row is about this year's report when its 年度 says so or, without a 年度, when it is not
    // dated before the December before (an empty or later date is a unit still to submit).
    const aboutThisYear = (r: Report): boolean =>
      r.year !== null ? r.year === reportYear : r.submitted === null || r.submitted > ctx.asOf || r.submitted >= decemberBefore;
    const counts = (r: Report): r is Report & { submitted: number } => r.submitted !== null && r.submitted <= ctx.asOf;
    const rows = reports.filter(aboutThisYear);

    const findings: Finding[] = [];
    const details: ReportResult[] = [];
    for (const unit of memberUnits(ctx.parsed)) {
      const mine = rows.filter((r) => unitMatches(r.unit, unit));
      let first: (Report & { submitted: number }) | null = null;
      // Earliest submission; on a tie the first row of the workbook, so the log order never matters.
      for (const r of mine) {
        if (counts(r) && (first === null || r.submitted < first.submitted || (r.submitted === first.submitted && before(r, first)))) first = r;
      }
      const data = {
        unit,
        year: reportYear,
        deadline: formatMonthDay(deadline),
        submitted: first ? dayLabel(first.submitted, asOfYear) : '',
        days: Math.max(0, deadline - ctx.asOf),
      };
      let status: Status;
      if (first) status = first.submitted <= deadline ? 'ok' : 'late';
      else if (ctx.asOf > deadline) status = 'missing';
      else status = deadline - ctx.asOf <= ctx.settings.warnDays ? 'due-soon' : 'pending';
      const messageId = 'report.' + status;
      const message = formatMessage(messageId, data);
      for (const r of mine) findings.push(makeFinding('annual-report', r.ref, status, messageId, data));
      // The row to link to: the submission, else the unit's first row still waiting for one.
      let row: Report | null = first;
      if (row === null) for (const r of mine) if (row === null || before(r, row)) row = r;
      details.push({ unit, status, submitted: first ? first.submitted : null, ref: row ? row.ref : null, message });
    }
    return { findings, details };
  },
};
