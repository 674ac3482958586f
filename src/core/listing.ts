/**
 * What the clerk must see, as one list: every coloured row with its reason, the meetings, the
 * member units that have no row on the reports sheet, and the problems about a whole sheet. The
 * pane's colour groups and the summary sheet's tables are both made from this list, so they show
 * the same items with the same colours and counts (issue 18).
 */
import { COLOURS, MEETING_STATUS_LABEL, STATUS_COLOUR, STATUS_LABEL } from './palette';
import type { CheckResult, Colour, MeetingResult, ReportResult, RuleId, Status } from './types';

/**
 * row: a row the check coloured · meeting: one kind of meeting for the year (its sheet's rows are
 * not coloured) · unit: a member unit with no row on the reports sheet · sheet: a problem about a
 * whole sheet (a setting that could not be read, a column named in 规则设置 that was not found).
 */
export type ClerkItemKind = 'row' | 'meeting' | 'unit' | 'sheet';

export interface ClerkItem {
  kind: ClerkItemKind;
  status: Status;
  /** null: 进行中 or 无法判断, shown in its block but in no colour group. */
  colour: Colour | null;
  /** The status as the clerk reads it: 未完成, 逾期完成, 进度偏慢 (a meeting behind the pace), … */
  label: string;
  /** The sheet ('' for a finding about the whole workbook). */
  sheet: string;
  /** 1-based Excel row; 0 when the item is not one row. */
  row: number;
  /** The coloured columns of a row (1-based); 0 for other items. */
  firstColumn: number;
  lastColumn: number;
  /** Who the item is about when its message does not say: the leaders of a schedule row. */
  subject: string;
  /** `鲁攀 · 带队检查安排表 · 第5行`, `会议记录 · 2019年`, `述职报告 · 表中没有这个单位`. */
  where: string;
  message: string;
  /** The rule that decided the colour; null for a problem about a whole sheet. */
  rule: RuleId | null;
  meeting?: MeetingResult;
  report?: ReportResult;
}

export interface ClerkListing {
  /** Rows first (in sheet and row order), then meetings, member units without a row, whole-sheet problems. */
  items: ClerkItem[];
  /** Items per colour: the pane's colour groups. */
  counts: Record<Colour, number>;
  /** Coloured rows per colour: what the workbook shows (the terminal's 行标色, the pane's message, the ribbon). */
  rowCounts: Record<Colour, number>;
}

export const MEETING_NAME: Record<MeetingResult['kind'], string> = {
  'party-committee': '党委会研究安全生产',
  leadership: '班子会研究安全生产',
};

export function rowWhere(sheet: string, row: number): string {
  return sheet + ' · 第' + row + '行';
}

function zeroCounts(): Record<Colour, number> {
  return { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 };
}

/** The one list of what the clerk must see (see the module comment). */
export function clerkListing(result: CheckResult): ClerkListing {
  const items: ClerkItem[] = [];

  // A schedule row names its leaders, since a leader's message does not repeat the name. A schedule
  // row may name several leaders (a group), and a leader several rows.
  const leadersAt = new Map<string, string[]>();
  for (const l of result.leaders) {
    for (const ref of l.rows && l.rows.length > 0 ? l.rows : [l.ref]) {
      const key = ref.sheet + '\u0000' + ref.row;
      const names = leadersAt.get(key);
      if (names === undefined) leadersAt.set(key, [l.name]);
      else if (names.indexOf(l.name) < 0) names.push(l.name);
    }
  }
  for (const r of result.rows) {
    const names = leadersAt.get(r.sheet + '\u0000' + r.row);
    const subject = names ? names.join('、') : '';
    items.push({
      kind: 'row',
      status: r.status,
      colour: r.colour,
      label: STATUS_LABEL[r.status],
      sheet: r.sheet,
      row: r.row,
      firstColumn: r.firstColumn,
      lastColumn: r.lastColumn,
      subject,
      where: (subject ? subject + ' · ' : '') + rowWhere(r.sheet, r.row),
      message: r.message,
      rule: r.rule,
    });
  }

  for (const m of result.meetings || []) {
    items.push({
      kind: 'meeting',
      status: m.status,
      colour: STATUS_COLOUR[m.status],
      label: MEETING_STATUS_LABEL[m.status],
      sheet: '',
      row: 0,
      firstColumn: 0,
      lastColumn: 0,
      subject: MEETING_NAME[m.kind],
      where: '会议记录 · ' + m.year + '年累计',
      message: m.message,
      rule: 'safety-meetings',
      meeting: m,
    });
  }

  // A unit with a row is one of the rows above (its row takes the unit's colour).
  for (const r of result.reports || []) {
    if (r.ref) continue;
    items.push({
      kind: 'unit',
      status: r.status,
      colour: STATUS_COLOUR[r.status],
      label: STATUS_LABEL[r.status],
      sheet: '',
      row: 0,
      firstColumn: 0,
      lastColumn: 0,
      subject: r.unit,
      where: '述职报告 · 表中没有这个单位',
      message: r.message,
      rule: 'annual-report',
      report: r,
    });
  }

  for (const p of result.problems) {
    if (p.row >= 1) continue; // a problem on a row is a grey row above (or a worse colour, with the problem in its reason)
    items.push({
      kind: 'sheet',
      status: 'problem',
      colour: 'grey',
      label: STATUS_LABEL.problem,
      sheet: p.sheet,
      row: 0,
      firstColumn: 0,
      lastColumn: 0,
      subject: '',
      where: p.sheet ? p.sheet + ' · 全表' : '工作簿',
      message: p.message,
      rule: null,
    });
  }

  const counts = zeroCounts();
  const rowCounts = zeroCounts();
  for (const item of items) {
    if (item.colour === null) continue;
    counts[item.colour]++;
    if (item.kind === 'row') rowCounts[item.colour]++;
  }
  return { items, counts, rowCounts };
}

/** The coloured items of each colour, in list order: the pane's groups. */
export function itemsByColour(listing: ClerkListing): Record<Colour, ClerkItem[]> {
  const groups = { red: [], orange: [], yellow: [], green: [], grey: [] } as Record<Colour, ClerkItem[]>;
  for (const item of listing.items) if (item.colour !== null) groups[item.colour].push(item);
  return groups;
}

/** A row's reason as the summary prints it: the leaders first when the message does not name them. */
export function itemReason(item: ClerkItem): string {
  if (!item.subject || item.message.indexOf(item.subject) === 0) return item.message;
  return item.subject + '：' + item.message;
}

const SHORT_NAME: Record<Colour, string> = { red: '红色', orange: '橙色', yellow: '黄色', green: '绿色', grey: '灰色' };

/** `红色`, `橙色`, … */
export function colourName(colour: Colour): string {
  return SHORT_NAME[colour];
}

/** `红色 4 · 橙色 7 · 黄色 1 · 绿色 42 · 灰色 5` (with `unit` after each number when given: ` 行`). */
export function countsLine(counts: Partial<Record<Colour, number>>, unit = ''): string {
  return COLOURS.map((c) => SHORT_NAME[c] + ' ' + (counts[c] || 0) + unit).join(' · ');
}

/**
 * The items that are not rows, said in one sentence (the pane's groups count them besides the
 * coloured rows): `另有 3 项不在某一行：会议 1 项、没有报告行的成员单位 2 项`, or '' when there are none.
 */
export function otherItemsLine(listing: ClerkListing): string {
  const n = { meeting: 0, unit: 0, sheet: 0 };
  for (const item of listing.items) if (item.colour !== null && item.kind !== 'row') n[item.kind]++;
  const parts: string[] = [];
  if (n.meeting) parts.push('会议 ' + n.meeting + ' 项');
  if (n.unit) parts.push('述职报告表中没有的成员单位 ' + n.unit + ' 项');
  if (n.sheet) parts.push('整张表的数据问题 ' + n.sheet + ' 项');
  const total = n.meeting + n.unit + n.sheet;
  return total === 0 ? '' : '另有 ' + total + ' 项不在某一行：' + parts.join('、');
}
