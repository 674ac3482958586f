/**
 * The engine: parse the workbook once, run every rule on the shared index, and fold the findings
 * into row colours, per-leader results and the summary model. Pure: the edges pass `asOf` in.
 */
import { dayFromYmd, formatIso, formatMonth, parseIsoDay, parseIsoMonth, ymdFromDay } from './day';
import { formatMessage } from './messages';
import { STATUS_COLOUR, STATUS_SEVERITY } from './palette';
import { parseWorkbook } from './parse';
import { makeRuleContext, worstProgress } from './rules/context';
import {
  annualReport,
  dataQuality,
  hazardRectification,
  leaderMessage,
  monthlyQuota,
  safetyMeetings,
  siteCoverage,
} from './rules';
import { buildSummary } from './summary';
import type {
  CheckOptions,
  CheckOutcome,
  CheckResult,
  DetectedSheet,
  Finding,
  LeaderResult,
  RowColour,
  Status,
  WorkbookInput,
} from './types';

/** Name prefix of the summary sheet we write; such sheets are never read back as input. */
export const SUMMARY_SHEET_PREFIX = '履职汇总';
/** Name prefix of the add-in's own hidden sheets (saved formats); never read as input. */
export const STATE_SHEET_PREFIX = '_履职检查';

/** The summary sheet's name for a month: `履职汇总 2019-08`. */
export function summarySheetName(month: string): string {
  return SUMMARY_SHEET_PREFIX + ' ' + month;
}

/** True for sheets this tool writes itself (summary, hidden state), which the check skips. */
export function isOwnSheet(name: string): boolean {
  const trimmed = name.replace(/^\s+/, '');
  return trimmed.indexOf(SUMMARY_SHEET_PREFIX) === 0 || trimmed.indexOf(STATE_SHEET_PREFIX) === 0;
}

/**
 * Checks a workbook for month `options.month` (default: the month of `options.asOf`) as of
 * `options.asOf`. Bad options or a workbook without a schedule or a log give `{ ok: false }`
 * with a message that says what was looked for; everything else is a finding or a problem.
 */
export function checkWorkbook(input: WorkbookInput, options: CheckOptions): CheckOutcome {
  const asOf = parseIsoDay(String(options.asOf));
  if (asOf === null) {
    return fail('bad-as-of', 'bad-as-of', { value: String(options.asOf) });
  }
  const asOfYmd = ymdFromDay(asOf);
  let year = asOfYmd.year;
  let month = asOfYmd.month;
  if (options.month !== undefined && options.month !== '') {
    const parsedMonth = parseIsoMonth(String(options.month));
    if (!parsedMonth) return fail('bad-month', 'bad-month', { value: String(options.month) });
    year = parsedMonth.year;
    month = parsedMonth.month;
  }
  const monthText = formatMonth(year, month);
  if (asOf < dayFromYmd(year, month, 1)) {
    return fail('as-of-before-month', 'as-of-before-month', { asOf: formatIso(asOf), month: monthText });
  }

  const sheets = input.sheets.filter((s) => !isOwnSheet(s.name));
  const outcome = parseWorkbook({ sheets, date1904: input.date1904 }, { year, month, asOf });
  if (!outcome.ok) return outcome;
  const parsed = outcome.parsed;

  const ctx = makeRuleContext(parsed, { year, month, asOf });
  const quota = monthlyQuota.check(ctx);
  const sites = siteCoverage.check(ctx);
  const hazards = hazardRectification.check(ctx);
  const meetings = safetyMeetings.check(ctx);
  const reports = annualReport.check(ctx);
  const quality = dataQuality.check(ctx);

  const quotaByLeader = new Map(quota.details.map((d) => [d.name, d] as const));
  const sitesByLeader = new Map(sites.details.map((d) => [d.name, d] as const));
  const leaderMessages = new Map<string, string>();
  const leaders: LeaderResult[] = [];
  for (let i = 0; i < parsed.leaders.length; i++) {
    const leader = parsed.leaders[i];
    const q = quotaByLeader.get(leader.name);
    if (!q) continue;
    const s = sitesByLeader.get(leader.name) || { name: leader.name, sites: [], status: 'ok' as Status, message: '' };
    // A leader without key sites is judged on the quota alone. Progress order, not colour order:
    // quota done but a site not yet visited is pending, not ok.
    const status = s.sites.length === 0 ? q.status : worstProgress([q.status, s.status], q.status);
    const message = leaderMessage(q, s);
    leaderMessages.set(leader.ref.sheet + '\u0000' + leader.ref.row, message);
    leaders.push({
      name: leader.name,
      raw: leader.raw,
      role: leader.role,
      required: q.required,
      total: q.total,
      onTime: q.onTime,
      dates: q.dates,
      status,
      sites: s.sites,
      ref: leader.ref,
      message,
    });
  }

  const findings: Finding[] = ([] as Finding[]).concat(
    quota.findings,
    sites.findings,
    hazards.findings,
    meetings.findings,
    reports.findings,
    quality.findings,
  );
  const rows = foldRows(findings, parsed.sheets, leaderMessages);

  const result: CheckResult = {
    month: monthText,
    asOf: formatIso(asOf),
    deadlineDay: parsed.settings.deadlineDay,
    settings: parsed.settings,
    roleSource: parsed.roleSource,
    township: parsed.township,
    sheets: parsed.sheets,
    ignoredSheets: parsed.ignoredSheets,
    leaders,
    hazards: hazards.details,
    meetings: meetings.details,
    reports: reports.details,
    findings,
    rows,
    problems: parsed.problems,
    summary: { sheetName: '', title: '', infoLines: [], tables: [], chart: { categories: [], required: [], done: [] } },
  };
  result.summary = buildSummary(result, { year, month, asOf });
  return { ok: true, result };
}

function fail(code: 'bad-as-of' | 'bad-month' | 'as-of-before-month', messageId: string, data: Record<string, string>): CheckOutcome {
  return { ok: false, error: { code, message: formatMessage('input.' + messageId, data) } };
}

/**
 * One colour per row: the worst status among the row's findings. Rows whose worst status has
 * no colour (pending) are left alone. Schedule rows carry the leader's combined message.
 */
function foldRows(findings: Finding[], sheets: DetectedSheet[], leaderMessages: Map<string, string>): RowColour[] {
  const widthBySheet = new Map<string, DetectedSheet>();
  for (const s of sheets) if (!widthBySheet.has(s.sheet)) widthBySheet.set(s.sheet, s);

  interface Acc { sheet: string; row: number; worst: Finding; rules: string[]; messages: string[] }
  const byRow = new Map<string, Acc>();
  const order: Acc[] = [];
  for (const f of findings) {
    if (f.row < 1) continue;
    const key = f.sheet + '\u0000' + f.row;
    let acc = byRow.get(key);
    if (!acc) {
      acc = { sheet: f.sheet, row: f.row, worst: f, rules: [], messages: [] };
      byRow.set(key, acc);
      order.push(acc);
    } else if (STATUS_SEVERITY[f.status] > STATUS_SEVERITY[acc.worst.status]) {
      acc.worst = f;
    }
    if (acc.rules.indexOf(f.rule) < 0) acc.rules.push(f.rule);
  }
  // Messages of every finding that shares the worst status, so a grey row lists all its problems.
  for (const f of findings) {
    if (f.row < 1) continue;
    const acc = byRow.get(f.sheet + '\u0000' + f.row)!;
    if (f.status === acc.worst.status && acc.messages.indexOf(f.message) < 0) acc.messages.push(f.message);
  }

  const rows: RowColour[] = [];
  for (const acc of order) {
    const colour = STATUS_COLOUR[acc.worst.status];
    if (!colour) continue;
    const sheet = widthBySheet.get(acc.sheet);
    const key = acc.sheet + '\u0000' + acc.row;
    const leaderMsg = leaderMessages.get(key);
    rows.push({
      sheet: acc.sheet,
      row: acc.row,
      firstColumn: sheet ? sheet.firstColumn : 1,
      lastColumn: sheet ? sheet.lastColumn : 1,
      status: acc.worst.status,
      colour,
      rule: acc.worst.rule,
      rules: acc.rules as RowColour['rules'],
      message: leaderMsg !== undefined && acc.worst.rule !== 'data-quality' ? leaderMsg : acc.messages.join('；'),
    });
  }
  const sheetIndex = new Map<string, number>();
  sheets.forEach((s, i) => { if (!sheetIndex.has(s.sheet)) sheetIndex.set(s.sheet, i); });
  const orderOf = (name: string) => (sheetIndex.has(name) ? sheetIndex.get(name)! : sheets.length);
  rows.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : orderOf(a.sheet) - orderOf(b.sheet)));
  return rows;
}
