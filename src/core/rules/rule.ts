/**
 * What a rule is: data (id, description, default options) plus a pure `check` function,
 * in the manner of typescript-eslint's createRule. One file per rule id in this folder.
 */
import type {
  Day,
  Field,
  Finding,
  HazardResult,
  LogEntry,
  MeetingResult,
  ParsedWorkbook,
  ReportResult,
  RuleId,
  Settings,
  SiteResult,
  Status,
} from '../types';

/**
 * Log entries indexed once (one pass over the log in `makeRuleContext`), so no rule rescans the
 * log per leader or per site. Entries dated after T are in none of these lists.
 */
export interface LogIndex {
  /** Entries dated in M and ≤ T, by cleaned leader name (a joint inspection is under each leader). */
  monthByLeader: Map<string, LogEntry[]>;
  /** Entries dated in M and ≤ T, in log order. */
  monthEntries: LogEntry[];
  /**
   * Entries dated in M and ≤ T that cover a key site, by the key site's cleaned name (every key
   * site of every schedule leader is a key here, with an empty list when nobody inspected it).
   * An entry whose site text names two key sites is under both.
   */
  monthBySite: Map<string, LogEntry[]>;
  /** Entries with a hazard dated ≤ T, whatever their month, in log order. */
  hazards: LogEntry[];
}

/** Everything a rule may look at. All dates are passed in; a rule never reads the clock. */
export interface RuleContext {
  parsed: ParsedWorkbook;
  settings: Settings;
  /** The month being checked, M. */
  year: number;
  month: number;
  monthStart: Day;
  monthEnd: Day;
  /** The as-of date, T. */
  asOf: Day;
  /** The D-th of M (clamped to the month's last day). */
  deadline: Day;
  index: LogIndex;
  /**
   * The fields each sheet read has a column for. A check whose column a row's sheet lacks cannot
   * judge that row (`unknown`); a sheet not listed (a hand-made ParsedWorkbook) has every column.
   */
  sheetFields: Map<string, ReadonlySet<Field>>;
}

export interface RuleOutput<D> {
  findings: Finding[];
  details: D;
}

export interface Rule<D> {
  id: RuleId;
  /** Chinese, one line: what the rule checks (shown in the task pane and README). */
  description: string;
  /** The settings this rule reads, with their defaults. */
  defaultOptions: Partial<Settings>;
  check(ctx: RuleContext): RuleOutput<D>;
}

/** monthly-quota details: one per schedule leader, in schedule order. */
export interface QuotaDetail {
  name: string;
  required: number;
  total: number;
  onTime: number;
  dates: Day[];
  status: Status;
  message: string;
}

/** A key site's result, with who else inspected it when this leader did not. */
export interface SiteCheck extends SiteResult {
  /** Other leaders' inspections of the site in M (≤ T), by date then name; they do not count. */
  byOthers?: Array<{ leader: string; date: Day }>;
}

/** site-coverage details: one per schedule leader, in schedule order. */
export interface SiteCoverageDetail {
  name: string;
  sites: SiteCheck[];
  /** Worst site status (ok when the leader has no key sites). */
  status: Status;
  /** The finding's message ('' when the leader has no key sites). */
  message: string;
}

export type QuotaDetails = QuotaDetail[];
export type SiteCoverageDetails = SiteCoverageDetail[];
export type HazardDetails = HazardResult[];
/** null when the workbook has no meetings sheet. */
export type MeetingDetails = MeetingResult[] | null;
/** null when the workbook has no reports sheet. */
export type ReportDetails = ReportResult[] | null;
export type DataQualityDetails = { count: number };
