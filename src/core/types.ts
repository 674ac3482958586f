/**
 * The data shapes shared by the core and every edge (CLI, Excel add-in, benchmark).
 * Everything here is plain data: no classes, no functions, no host objects.
 */

/**
 * One cell as Excel's `range.values` gives it (number, string, boolean, "" for empty).
 * Readers of .xlsx files may also hand over `Date` objects or `null`; the core accepts both.
 */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A rectangular (or ragged) block of cells, row-major, like `range.values`. */
export type Grid = ReadonlyArray<ReadonlyArray<CellValue>>;

/** One worksheet as the edges hand it to the core. */
export interface SheetInput {
  /** The worksheet's name, as shown on its tab. */
  name: string;
  /** The used range's values. `values[0][0]` is the cell at (`firstRow`, `firstColumn`). */
  values: Grid;
  /** 1-based Excel row number of `values[0]`; default 1. */
  firstRow?: number;
  /** 1-based Excel column number of `values[r][0]`; default 1. */
  firstColumn?: number;
  /** Tab visibility; hidden sheets are still read. Default visible. */
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /**
   * The sheet's merged areas, when the edge can tell (the CLI always; the add-in from ExcelApi
   * 1.13). `values` holds a merged area's value in its top-left cell only, as Excel gives it; the
   * core copies it down the area's first column below the header, so that a date or a leader merged
   * over several records belongs to each of them. Absent: no merge is known.
   */
  merges?: ReadonlyArray<MergedArea>;
}

/** A merged area of a sheet: its top-left cell (1-based Excel row and column) and its size. */
export interface MergedArea {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A workbook as the edges hand it to the core. */
export interface WorkbookInput {
  sheets: SheetInput[];
  /** True when the workbook uses the 1904 date system (old Mac workbooks). */
  date1904?: boolean;
}

/**
 * A calendar day as a whole number of days since 1970-01-01 (UTC, no time zone).
 * See `dates.ts` for conversions; the core never uses `Date` for arithmetic.
 */
export type Day = number;

/**
 * Statuses, most severe first (SPEC §2). `unknown` (无法判断, no colour): the check lacks the column
 * it needs (no place column: key sites), so it cannot say; it is never read as missing.
 */
export type Status = 'missing' | 'overdue' | 'late' | 'due-soon' | 'ok' | 'pending' | 'problem' | 'unknown';

/** Row colours of SPEC §3. `null` means the row is left as it is. */
export type Colour = 'red' | 'orange' | 'yellow' | 'green' | 'grey';

export type RuleId =
  | 'monthly-quota'
  | 'site-coverage'
  | 'hazard-rectification'
  | 'safety-meetings'
  | 'annual-report'
  | 'data-quality';

export type SheetKind = 'schedule' | 'log' | 'meetings' | 'reports' | 'settings';

/** A column's meaning, found from its header cell (SPEC §1 table). */
export type Field =
  // schedule
  | 'leader'
  | 'scope'
  | 'department'
  | 'role'
  | 'keySites'
  // log (shares 'leader')
  | 'date'
  | 'site'
  | 'hazard'
  | 'deadline'
  | 'doneDate'
  | 'state'
  // meetings (shares 'date')
  | 'name'
  | 'topic'
  | 'chair'
  // reports
  | 'unit'
  | 'submitted'
  | 'person'
  | 'year';

/** Where a row lives in the workbook. `row` is the 1-based Excel row number. */
export interface RowRef {
  sheet: string;
  row: number;
}

/** A sheet the core recognised, and how it reads it. */
export interface DetectedSheet {
  sheet: string;
  kind: SheetKind;
  /** 1-based Excel row of the header row (0 for the settings sheet, which has none required). */
  headerRow: number;
  /** 1-based Excel column of each field found. */
  columns: Partial<Record<Field, number>>;
  /** The header text of each field's column, as written (for messages: 列“检查日期”). */
  headers: Partial<Record<Field, string>>;
  /** 1-based Excel columns spanned by the header row (first and last non-empty header cell): colouring uses this width. */
  firstColumn: number;
  lastColumn: number;
  /** 1-based Excel rows holding data (non-empty rows below the header). */
  dataRows: number[];
  /** Deadline day from a header such as `检查范围（每月20日以前完成）`, when the sheet has one. */
  deadlineDayFromHeader?: number;
  /** How each field of the sheet's kind was read: its column and the evidence, or not found (SPEC §1). */
  readings: ColumnReading[];
}

/**
 * One field of a recognised sheet as read (SPEC §1 *Recognising columns*, §4 `columns`): the column
 * that serves it and how that was decided, or that no column does.
 */
export interface ColumnReading {
  sheet: string;
  kind: SheetKind;
  field: Field;
  /** What the clerk calls the field (检查地点). */
  label: string;
  /** Header text as written; '' when not found. */
  header: string;
  /** 1-based Excel column; 0 when not found. */
  column: number;
  /** settings: named in 规则设置 · header: by its header words · cells: by what its cells hold · missing: not found. */
  by: 'settings' | 'header' | 'cells' | 'missing';
  /** The evidence, in Chinese: 表头“受检单位”, 单元格：30行中28行是安排表中的领导, 未找到. */
  how: string;
  /** A second place column, read together with the first (检查地点 beside 被检查单位). */
  extra?: boolean;
}

/** A check that could not be made, or not for every row, because a column is missing (SPEC §1). */
export interface MissingColumn {
  rule: RuleId;
  /** The log fields none of whose columns was found. */
  fields: Field[];
  /** The log sheets that lack them. */
  sheets: string[];
  /** Chinese: which column is missing, what cannot be judged, how to name the column in 规则设置. */
  message: string;
}

/** Why a cell or a row could not be used. Codes are stable; messages are Chinese. */
export type ProblemCode =
  | 'bad-date'
  | 'empty-date'
  | 'future-date'
  | 'unknown-leader'
  | 'empty-leader'
  | 'duplicate-row'
  | 'bad-deadline'
  | 'missing-deadline'
  | 'bad-done-date'
  | 'bad-setting'
  | 'empty-unit'
  | 'error-value'
  | 'other';

/** A data problem: something in the workbook that could not be read. Never an exception. */
export interface Problem {
  code: ProblemCode;
  sheet: string;
  /** 1-based Excel row (0 when the problem is about the whole sheet). */
  row: number;
  /** 1-based Excel column (0 when the problem is about the whole row). */
  column: number;
  /** The header text of that column (e.g. 检查日期), or '' for whole-row problems. */
  columnName: string;
  /** Chinese, says what is wrong and, where useful, what the cell held. */
  message: string;
}

/** One leader from the schedule. */
export interface Leader {
  /** Cleaned name: NFKC, no white space, no trailing 同志. The key used everywhere. */
  name: string;
  /** The name as written in the schedule (e.g. `熊  丹`). */
  raw: string;
  role: 'main' | 'member';
  /** Role titles as written (may be empty when there is no role column). */
  titles: string[];
  departments: string[];
  /** Key sites from the scope text, cleaned like names, in the order written. */
  sites: string[];
  scope: string;
  /** The first schedule row naming the leader. */
  ref: RowRef;
  /**
   * Every schedule row naming the leader, first first, when there are several (a schedule of groups
   * lists a leader in two groups); each row shows the leader's status. Absent: only `ref`.
   */
  rows?: RowRef[];
}

/** One usable row of an inspection log. Rows that cannot be used become Problems instead. */
export interface LogEntry {
  ref: RowRef;
  date: Day;
  /** Cleaned leader names (known schedule leaders only; a joint inspection lists several). */
  leaders: string[];
  /** Site cell cleaned like a name ('' when absent). */
  site: string;
  /** Site cell as written. */
  siteRaw: string;
  /** The hazard text, or null when the row reports none (空, 无, 无隐患, …). */
  hazard: string | null;
  /** Rectification deadline; null when there is no hazard or the deadline could not be read. */
  deadline: Day | null;
  /** True when the deadline cell was empty or unreadable while a hazard exists. */
  deadlineMissing: boolean;
  /** Rectification done (a done date, or a state such as 已整改). */
  done: boolean;
  /** The done date when one was given. */
  doneDate: Day | null;
}

export interface Meeting {
  ref: RowRef;
  date: Day;
  name: string;
  topic: string;
}

export interface Report {
  ref: RowRef;
  /** Unit name cleaned like a name. */
  unit: string;
  unitRaw: string;
  /** null when the row has no readable submission date (it is then a problem too). */
  submitted: Day | null;
  /** The year the report is about, when a 年度 column says so. */
  year: number | null;
  person: string;
}

/** The numbers and lists of SPEC §3 *Settings*; every field has a default. */
export interface Settings {
  /** 主要领导每月次数 */
  mainQuota: number;
  /** 其他成员每月次数 */
  memberQuota: number;
  /** 每月截止日 */
  deadlineDay: number;
  /** 临期提醒天数 */
  warnDays: number;
  /** 党委会每年次数 */
  partyMeetings: number;
  /** 班子会每年次数 */
  leadershipMeetings: number;
  /** 述职截止 (month, day) of T's year */
  reportDeadline: { month: number; day: number };
  /** 主要领导 (cleaned names), or null when not set */
  mainLeaders: string[] | null;
  /** 安委成员单位 (cleaned), or null when not set */
  memberUnits: string[] | null;
  /** 别名: cleaned alias → cleaned leader name */
  aliases: Record<string, string>;
  /** Where the deadline day came from, for the summary. */
  deadlineDaySource: 'default' | 'header' | 'settings';
}

/** The workbook as the core understands it, before any rule runs. */
export interface ParsedWorkbook {
  sheets: DetectedSheet[];
  leaders: Leader[];
  log: LogEntry[];
  /** null when the workbook has no meetings sheet (the rule is then skipped). */
  meetings: Meeting[] | null;
  /** null when the workbook has no reports sheet. */
  reports: Report[] | null;
  settings: Settings;
  /** How main leaders were decided (SPEC §1 Roles). */
  roleSource: 'column' | 'settings' | 'inferred';
  /** Township name from a title cell such as `大栗港镇党政领导带队检查安排表`, when found. */
  township: string | null;
  problems: Problem[];
  /** Sheets that were not recognised (left alone). */
  ignoredSheets: string[];
}

/** Why a workbook cannot be checked at all (SPEC: a missing required sheet). */
export interface InputError {
  code: 'no-schedule' | 'no-log' | 'bad-month' | 'bad-as-of' | 'as-of-before-month' | 'no-sheets';
  /** Chinese, then an English part; says what was looked for. */
  message: string;
}

/** A rule's verdict on one row of the workbook. */
export interface Finding {
  rule: RuleId;
  sheet: string;
  row: number;
  status: Status;
  colour: Colour | null;
  /** Stable id of the message template (see messages.ts). */
  messageId: string;
  /** The figures the message was built from. */
  data: Record<string, string | number>;
  /** The Chinese message with the figures. */
  message: string;
}

/** The colour a row gets: the worst status of the findings on it. */
export interface RowColour {
  sheet: string;
  row: number;
  /** 1-based Excel columns to colour (the header row's width). */
  firstColumn: number;
  lastColumn: number;
  status: Status;
  colour: Colour;
  /** The rule of the worst finding (the one that gave the row its colour). */
  rule: RuleId;
  rules: RuleId[];
  /** The message of the worst finding (for the task pane and JSON). */
  message: string;
}

export interface SiteResult {
  name: string;
  status: Status;
  /** Days this leader inspected it in the month (≤ T). */
  dates: Day[];
  /** Other leaders who inspected it in the month instead. */
  inspectedByOthers: string[];
}

export interface LeaderResult {
  name: string;
  raw: string;
  role: 'main' | 'member';
  required: number;
  /** Distinct inspection days in M up to T. */
  total: number;
  /** Of those, days ≤ the D-th. */
  onTime: number;
  dates: Day[];
  status: Status;
  sites: SiteResult[];
  ref: RowRef;
  /** Every schedule row naming the leader, when there are several (see Leader.rows). */
  rows?: RowRef[];
  message: string;
}

export interface HazardResult {
  ref: RowRef;
  date: Day;
  leaders: string[];
  site: string;
  hazard: string;
  deadline: Day | null;
  doneDate: Day | null;
  done: boolean;
  status: Status;
  message: string;
}

export interface MeetingResult {
  kind: 'party-committee' | 'leadership';
  year: number;
  count: number;
  required: number;
  status: Status;
  dates: Day[];
  message: string;
}

export interface ReportResult {
  unit: string;
  status: Status;
  submitted: Day | null;
  ref: RowRef | null;
  message: string;
}

/** One table of the summary sheet. Cells are plain text or numbers; edges write text as text. */
export interface SummaryTable {
  title: string;
  header: string[];
  rows: Array<{ cells: Array<string | number>; colour: Colour | null; link?: RowRef }>;
  /** Shown in place of rows when there are none (e.g. 无). */
  emptyText: string;
  /** How many sheet columns each table column spans (default 1 each; the last one takes the rest). */
  spans?: number[];
  /** The table column whose cells take the row's colour; default the one headed 状态, if any. */
  colourColumn?: number;
  /** The table column that holds a row's link; default 0. */
  linkColumn?: number;
  /** A line under the table (after its rows or its empty text), or absent. */
  note?: string;
}

/** The summary sheet as plain data (SPEC §3). `layoutSummary` turns it into cells. */
export interface SummaryModel {
  /** `履职汇总 YYYY-MM` */
  sheetName: string;
  title: string;
  /** Lines under the title: month, as-of date, settings used, role inference note. */
  infoLines: string[];
  tables: SummaryTable[];
  /** Data for the bar chart of required against done inspections per leader. */
  chart: { categories: string[]; required: number[]; done: number[] };
}

/** Everything one check produces. Plain data; JSON-serialisable. */
export interface CheckResult {
  /** `YYYY-MM` */
  month: string;
  /** `YYYY-MM-DD` */
  asOf: string;
  deadlineDay: number;
  settings: Settings;
  roleSource: ParsedWorkbook['roleSource'];
  township: string | null;
  sheets: DetectedSheet[];
  ignoredSheets: string[];
  leaders: LeaderResult[];
  hazards: HazardResult[];
  /** null when the workbook has no meetings sheet. */
  meetings: MeetingResult[] | null;
  /** null when the workbook has no reports sheet. */
  reports: ReportResult[] | null;
  findings: Finding[];
  /** Every row to colour, one entry per row, worst status wins. */
  rows: RowColour[];
  problems: Problem[];
  /** Every field of every sheet read, with its column and how it was decided (SPEC §4 `columns`). */
  columns: ColumnReading[];
  /** Checks that lack a column, said once each (无法判断). */
  missingColumns: MissingColumn[];
  summary: SummaryModel;
}

/** What the edges ask for. */
export interface CheckOptions {
  /** `YYYY-MM`; default: the month of asOf. */
  month?: string;
  /** `YYYY-MM-DD`: always passed in, the core never reads the clock. */
  asOf: string;
}

export type CheckOutcome = { ok: true; result: CheckResult } | { ok: false; error: InputError };

/** A rectangle of the summary sheet, 0-based within `SummaryLayout.values`. */
export interface CellBlock {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** A style applied to a block of the summary sheet. Colours are `#RRGGBB`. */
export interface BlockStyle extends CellBlock {
  bold?: boolean;
  fontSize?: number;
  fill?: string;
  font?: string;
  /** Thin borders on every cell of the block. */
  border?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
}

/**
 * The summary sheet as cells, ready for any writer (ExcelJS in the CLI, Office.js in the add-in),
 * so both front ends write the same sheet. Strings must be written as text, never as formulas.
 */
export interface SummaryLayout {
  sheetName: string;
  /** Rectangular: every row has `columnWidths.length` cells; '' for empty. */
  values: Array<Array<string | number>>;
  /** Excel column widths in characters. */
  columnWidths: number[];
  merges: CellBlock[];
  /** Applied in order; later entries win where they overlap. */
  styles: BlockStyle[];
  /** Cells that link to a row of the workbook (a hazard's source row). */
  links: Array<{ row: number; column: number; target: RowRef }>;
  /** Rows to repeat on every printed page (the title block), 0-based inclusive, or null. */
  printTitleRows: { first: number; last: number } | null;
  /** Where the per-leader table sits, for a chart of 应检次数 against 实检次数 (0-based). */
  leaderTable: { headerRow: number; firstRow: number; lastRow: number; nameColumn: number; requiredColumn: number; doneColumn: number } | null;
  /** Top-left cell where a front end that can draw charts places the chart (0-based). */
  chartAnchor: { row: number; column: number };
  /**
   * The height of every row in points, from its text, font size, wrapping and merged width
   * (`rowHeights.length === values.length`). Writers set every row to it: Excel grows no row for
   * wrapped text in merged cells, and a program that guesses from the first column alone makes a
   * one-line row several lines tall.
   */
  rowHeights: number[];
  /**
   * Printed as its own pages: numbered from `firstPageNumber` on this sheet, with `centerFooter`
   * (Excel's header/footer codes: &P the page, &N the pages) in the middle of every footer.
   */
  print: { firstPageNumber: number; centerFooter: string };
}

/** SPEC §4: the stable core of the JSON report (more fields may be added). */
export interface JsonReport {
  month: string;
  asOf: string;
  deadlineDay: number;
  leaders: Array<{
    name: string;
    role: 'main' | 'member';
    required: number;
    total: number;
    onTime: number;
    status: Status;
    sites: Array<{ name: string; status: Status }>;
    [extra: string]: unknown;
  }>;
  rows: Array<{ sheet: string; row: number; colour: Colour; rule: RuleId; message: string; [extra: string]: unknown }>;
  meetings: Array<{ kind: 'party-committee' | 'leadership'; year: number; count: number; required: number; status: Status; [extra: string]: unknown }>;
  reports: Array<{ unit: string; status: Status; [extra: string]: unknown }>;
  problems: Array<{ sheet: string; row: number; column: string; message: string; [extra: string]: unknown }>;
  /** Every column used and every field not found (header and column null), and how it was decided. */
  columns: Array<{ sheet: string; field: Field; header: string | null; column: string | null; how: string; [extra: string]: unknown }>;
  [extra: string]: unknown;
}
