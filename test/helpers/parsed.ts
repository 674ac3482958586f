/**
 * Builders for ParsedWorkbook objects, so rule tests read like the workbook they stand for:
 *   workbook({ leaders: [leader('邓光明', { sites: ['大栗港加油站'] })],
 *              log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站', { row: 7 })] })
 * Rows left out are numbered in order (schedule from row 3, log/meetings/reports from row 2).
 */
import { DEFAULT_SETTINGS } from '../../src/core/defaults';
import { parseIsoDay } from '../../src/core/day';
import { makeRuleContext } from '../../src/core/rules/context';
import type { Rule, RuleContext } from '../../src/core/rules/rule';
import type {
  Day,
  Field,
  Finding,
  Leader,
  LogEntry,
  Meeting,
  ParsedWorkbook,
  Problem,
  ProblemCode,
  Report,
  Settings,
  Status,
} from '../../src/core/types';

export const SCHEDULE = '安排表';
export const LOG = '检查记录';
export const MEETINGS = '会议记录';
export const REPORTS = '述职报告';

/** `2019-08-12` → Day; throws on a typo so a test cannot silently use a wrong date. */
export function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === null) throw new Error('bad test date ' + iso);
  return d;
}

export function leader(
  name: string,
  opts: { sites?: string[]; role?: 'main' | 'member'; departments?: string[]; row?: number; raw?: string } = {},
): Leader {
  return {
    name,
    raw: opts.raw !== undefined ? opts.raw : name,
    role: opts.role || 'member',
    titles: [],
    departments: opts.departments || [],
    sites: opts.sites || [],
    scope: '',
    ref: { sheet: SCHEDULE, row: opts.row || 0 },
  };
}

export interface InspectionOptions {
  row?: number;
  sheet?: string;
  hazard?: string;
  /** ISO date; null or '' = a hazard without a deadline. */
  deadline?: string | null;
  done?: boolean;
  doneDate?: string;
}

export function inspection(date: string, leaders: string[], site = '', opts: InspectionOptions = {}): LogEntry {
  const hazard = opts.hazard !== undefined && opts.hazard !== '' ? opts.hazard : null;
  const deadline = hazard !== null && opts.deadline ? day(opts.deadline) : null;
  return {
    ref: { sheet: opts.sheet || LOG, row: opts.row || 0 },
    date: day(date),
    leaders,
    site,
    siteRaw: site,
    hazard,
    deadline,
    deadlineMissing: hazard !== null && deadline === null,
    done: opts.done === true || opts.doneDate !== undefined,
    doneDate: opts.doneDate !== undefined ? day(opts.doneDate) : null,
  };
}

export function meeting(date: string, name: string, topic = '', opts: { row?: number } = {}): Meeting {
  return { ref: { sheet: MEETINGS, row: opts.row || 0 }, date: day(date), name, topic };
}

export function report(unit: string, submitted: string | null, opts: { year?: number; row?: number } = {}): Report {
  return {
    ref: { sheet: REPORTS, row: opts.row || 0 },
    unit,
    unitRaw: unit,
    submitted: submitted === null ? null : day(submitted),
    year: opts.year !== undefined ? opts.year : null,
    person: '',
  };
}

export function problem(code: ProblemCode, row: number, message: string, opts: { sheet?: string; column?: number; columnName?: string } = {}): Problem {
  return { code, sheet: opts.sheet || LOG, row, column: opts.column || 0, columnName: opts.columnName || '', message };
}

function numbered<T extends { ref: { sheet: string; row: number } }>(items: T[], firstRow: number): T[] {
  let next = firstRow;
  return items.map((item) => {
    const row = item.ref.row || next;
    next = row + 1;
    return { ...item, ref: { ...item.ref, row } };
  });
}

const ALL_LOG_FIELDS: Field[] = ['date', 'leader', 'site', 'hazard', 'deadline', 'doneDate', 'state'];

export function workbook(parts: {
  leaders: Leader[];
  log?: LogEntry[];
  meetings?: Meeting[] | null;
  reports?: Report[] | null;
  settings?: Partial<Settings>;
  problems?: Problem[];
  /** The log's columns (default: all seven, as LOG_HEADER); leave some out for a log that lacks them. */
  logFields?: Field[];
}): ParsedWorkbook {
  const logColumns: Partial<Record<Field, number>> = {};
  (parts.logFields || ALL_LOG_FIELDS).forEach((f) => (logColumns[f] = ALL_LOG_FIELDS.indexOf(f) + 1));
  return {
    sheets: [
      { sheet: SCHEDULE, kind: 'schedule', headerRow: 2, columns: { leader: 1, scope: 3 }, headers: {}, firstColumn: 1, lastColumn: 3, dataRows: [], readings: [] },
      { sheet: LOG, kind: 'log', headerRow: 1, columns: logColumns, headers: {}, firstColumn: 1, lastColumn: 7, dataRows: [], readings: [] },
    ],
    leaders: numbered(parts.leaders, 3),
    log: numbered(parts.log || [], 2),
    meetings: parts.meetings === undefined || parts.meetings === null ? null : numbered(parts.meetings, 2),
    reports: parts.reports === undefined || parts.reports === null ? null : numbered(parts.reports, 2),
    settings: { ...DEFAULT_SETTINGS, ...(parts.settings || {}) } as Settings,
    roleSource: 'column',
    township: null,
    problems: parts.problems || [],
    ignoredSheets: [],
  };
}

/** The context for month `YYYY-MM` as of `YYYY-MM-DD`. */
export function context(parsed: ParsedWorkbook, month: string, asOf: string): RuleContext {
  const [year, m] = month.split('-').map(Number);
  return makeRuleContext(parsed, { year, month: m, asOf: day(asOf) });
}

export function run<D>(rule: Rule<D>, parsed: ParsedWorkbook, month: string, asOf: string): { findings: Finding[]; details: D } {
  return rule.check(context(parsed, month, asOf));
}

/** What a rule table compares: the visible part of a finding. */
export interface Expected {
  sheet?: string;
  row: number;
  status: Status;
  message: string;
}

/** Findings reduced to what a table states, in a stable order (sheet, row, message). */
export function visible(findings: Finding[], sheet?: string): Array<Required<Expected> & { colour: string | null }> {
  return findings
    .filter((f) => sheet === undefined || f.sheet === sheet)
    .map((f) => ({ sheet: f.sheet, row: f.row, status: f.status, colour: f.colour, message: f.message }))
    .sort(byPlace);
}

export function byPlace(a: { sheet: string; row: number; message: string }, b: { sheet: string; row: number; message: string }): number {
  if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** The seed's schedule rows that the tests use (SPEC seed: 大发〔2019〕45号 附件). */
export const SEED = {
  guo: () => leader('郭环球', { role: 'main', sites: ['刘家村'], departments: ['安监站', '党政办'] }),
  xiong: () => leader('熊丹', { raw: '熊  丹', role: 'main', sites: ['童子山村'], departments: ['安监站', '党政办'] }),
  lu: () => leader('鲁攀', { raw: '鲁  攀', sites: ['和平加油站'], departments: ['扶贫办'] }),
  deng: () => leader('邓光明', { sites: ['大栗港加油站', '环宇烟花批发'], departments: ['安监站', '经济发展办'] }),
  qin: () => leader('秦尚', { raw: '秦  尚', sites: ['湘域矿业', '首溪金矿尾矿库'], departments: ['政法办', '纪委', '财政所'] }),
};

/** SPEC §2's colours, written out here (not taken from palette.ts) so a wrong palette fails tests. */
export function colourOf(status: Status): string | null {
  const colours: Record<Status, string | null> = {
    missing: 'red',
    overdue: 'red',
    late: 'orange',
    'due-soon': 'yellow',
    ok: 'green',
    pending: null,
    problem: 'grey',
    unknown: null,
  };
  return colours[status];
}

/** A table row's expected finding, with its colour filled in from the status. */
export function expectFinding(sheet: string, row: number, status: Status, message: string) {
  return { sheet, row, status, colour: colourOf(status), message };
}
