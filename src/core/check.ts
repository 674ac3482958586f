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
import { allReadings, missingColumns } from './reading';
import { leaderRows as scheduleRows } from './rules/site-coverage';
import { buildSummary } from './summary';
import type {
  CheckOptions,
  CheckOutcome,
  CheckResult,
  DetectedSheet,
  Finding,
  LeaderResult,
  RowColour,
  RuleId,
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
  const leaderRows = new Map<string, Map<number, LeaderRow>>();
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
    // A schedule row naming several leaders (a group: 胡小波　杨　剑) shows the worst of them, each named.
    for (const ref of scheduleRows(leader)) {
      let bySheet = leaderRows.get(ref.sheet);
      if (!bySheet) leaderRows.set(ref.sheet, (bySheet = new Map()));
      const other = bySheet.get(ref.row);
      if (other === undefined) bySheet.set(ref.row, { message, status, names: [leader.name], messages: [message] });
      else {
        other.names.push(leader.name);
        other.messages.push(message);
        other.status = worstProgress([other.status, status], status);
        other.message = other.names.map((n, k) => n + '：' + other.messages[k]).join('；');
      }
    }
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
      ...(leader.rows ? { rows: leader.rows } : {}),
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
  const rows = foldRows(findings, parsed.sheets, leaderRows);

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
    columns: allReadings(parsed.sheets),
    missingColumns: missingColumns(parsed.sheets, leaders, hazards.details, meetings.details),
    summary: { sheetName: '', title: '', infoLines: [], tables: [], chart: { categories: [], required: [], done: [] } },
  };
  result.summary = buildSummary(result, { year, month, asOf });
  return { ok: true, result };
}

function fail(code: 'bad-as-of' | 'bad-month' | 'as-of-before-month', messageId: string, data: Record<string, string>): CheckOutcome {
  return { ok: false, error: { code, message: formatMessage('input.' + messageId, data) } };
}

/** What a schedule row shows: its leader's combined message and status (several leaders: the worst, each named). */
interface LeaderRow {
  message: string;
  status: Status;
  names: string[];
  messages: string[];
}

/** The rows of one sheet that have findings: each row's colour-to-be, indexed by row number. */
interface SheetAcc {
  sheet: string;
  byRow: Array<RowColour | undefined>;
  list: RowColour[];
}

// Rows share one frozen `rules` list per combination of rules (there are a handful), instead of a
// list per row: 100,000 rows would otherwise mean 100,000 one-element arrays.
const SINGLE_RULE = new Map<RuleId, RuleId[]>();
const WITH_RULE = new Map<RuleId[], Map<RuleId, RuleId[]>>();

function singleRule(rule: RuleId): RuleId[] {
  let list = SINGLE_RULE.get(rule);
  if (!list) SINGLE_RULE.set(rule, (list = Object.freeze([rule]) as RuleId[]));
  return list;
}

/** `rules` and then `rule`, shared like the others. */
function withRule(rules: RuleId[], rule: RuleId): RuleId[] {
  let next = WITH_RULE.get(rules);
  if (!next) WITH_RULE.set(rules, (next = new Map()));
  let list = next.get(rule);
  if (!list) next.set(rule, (list = Object.freeze(rules.concat(rule)) as RuleId[]));
  return list;
}

/**
 * One colour per row: the worst status among the row's findings. Rows whose worst status has
 * no colour (pending) are left alone. Schedule rows carry the leader's combined message.
 * One pass, keyed by sheet then by row number, with the row's result object as the accumulator
 * (no string key and no extra object per finding: at 100,000 rows that is what the time went on).
 */
function foldRows(
  findings: Finding[],
  sheets: DetectedSheet[],
  leaderRows: Map<string, Map<number, LeaderRow>>,
): RowColour[] {
  const widthBySheet = new Map<string, DetectedSheet>();
  for (const s of sheets) if (!widthBySheet.has(s.sheet)) widthBySheet.set(s.sheet, s);

  const bySheet = new Map<string, SheetAcc>();
  const sheetOrder: SheetAcc[] = [];
  // Several messages of the worst status on one row are rare: kept aside, joined at the end.
  const moreMessages = new Map<RowColour, string[]>();
  // What could not be read on a row coloured for something worse (a late row whose hazard has no
  // deadline): never hidden, added after the row's own message.
  const problemNotes = new Map<RowColour, string[]>();
  const note = (acc: RowColour, message: string) => {
    const notes = problemNotes.get(acc);
    if (notes === undefined) problemNotes.set(acc, [message]);
    else if (notes.indexOf(message) < 0) notes.push(message);
  };
  let pending = false;
  // Findings come in long runs of one sheet: remember the last one instead of a lookup each time.
  let current: SheetAcc | null = null;
  let firstColumn = 1;
  let lastColumn = 1;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.row < 1) continue;
    if (current === null || current.sheet !== f.sheet) {
      current = bySheet.get(f.sheet) || null;
      if (current === null) {
        current = { sheet: f.sheet, byRow: [], list: [] };
        bySheet.set(f.sheet, current);
        sheetOrder.push(current);
      }
      const detected = widthBySheet.get(f.sheet);
      firstColumn = detected ? detected.firstColumn : 1;
      lastColumn = detected ? detected.lastColumn : 1;
    }
    const acc = current.byRow[f.row];
    if (acc === undefined) {
      const colour = STATUS_COLOUR[f.status];
      if (colour === null) pending = true;
      const created: RowColour = {
        sheet: current.sheet,
        row: f.row,
        firstColumn,
        lastColumn,
        status: f.status,
        colour: colour as RowColour['colour'],
        rule: f.rule,
        rules: singleRule(f.rule),
        message: f.message,
      };
      current.byRow[f.row] = created;
      current.list.push(created);
      continue;
    }
    if (acc.rules.indexOf(f.rule) < 0) acc.rules = withRule(acc.rules, f.rule);
    // Messages of every finding that shares the worst status, so a grey row lists all its problems.
    // The worst only changes to a strictly more severe status, so what was kept before is dropped.
    if (STATUS_SEVERITY[f.status] > STATUS_SEVERITY[acc.status]) {
      if (acc.status === 'problem') {
        const kept = moreMessages.get(acc);
        for (const m of kept === undefined ? [acc.message] : kept) note(acc, m);
      }
      acc.status = f.status;
      acc.colour = STATUS_COLOUR[f.status] as RowColour['colour'];
      acc.rule = f.rule;
      acc.message = f.message;
      moreMessages.delete(acc);
    } else if (f.status === acc.status && f.message !== acc.message) {
      const more = moreMessages.get(acc);
      if (more === undefined) moreMessages.set(acc, [acc.message, f.message]);
      else if (more.indexOf(f.message) < 0) more.push(f.message);
    } else if (f.status === 'problem' && acc.status !== 'problem') {
      note(acc, f.message);
    }
  }
  moreMessages.forEach((messages, acc) => {
    acc.message = messages.join('；');
  });
  problemNotes.forEach((notes, acc) => {
    if (acc.status !== 'problem') acc.message = [acc.message].concat(notes).join('；');
  });

  const sheetIndex = new Map<string, number>();
  sheets.forEach((s, i) => { if (!sheetIndex.has(s.sheet)) sheetIndex.set(s.sheet, i); });
  const orderOf = (name: string) => (sheetIndex.has(name) ? sheetIndex.get(name)! : sheets.length);
  // Array.prototype.sort is stable: sheets of equal order keep the order they were first seen in.
  sheetOrder.sort((a, b) => orderOf(a.sheet) - orderOf(b.sheet));

  let rows: RowColour[] = [];
  for (const sa of sheetOrder) {
    const list = sa.list;
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) if (list[i].row < list[i - 1].row) sorted = false;
    if (!sorted) list.sort((a, b) => a.row - b.row);
    const sheetLeaders = leaderRows.get(sa.sheet);
    if (sheetLeaders !== undefined) {
      for (const acc of list) {
        const leader = sheetLeaders.get(acc.row);
        if (leader === undefined || acc.rule === 'data-quality') continue;
        // The row shows the leader's combined status (progress order: quota still pending with a
        // site done is pending, not green), as the summary does.
        acc.message = leader.message;
        acc.status = leader.status;
        acc.colour = STATUS_COLOUR[leader.status] as RowColour['colour'];
        if (acc.colour === null) pending = true;
      }
    }
    rows = rows.length === 0 ? list : rows.concat(list);
  }
  // Pending rows (no colour) are left alone.
  return pending ? rows.filter((r) => r.colour !== null) : rows;
}
