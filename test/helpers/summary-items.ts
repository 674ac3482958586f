/**
 * What the summary sheet shows the clerk, read back from its cells (the layout every writer
 * writes), as items to compare with the pane's: each coloured row of table 五 (colour, sheet, row,
 * reason), the green rows it only counts, the meetings of table 三, the units of table 四 that
 * link to no row, and the data problems of table 六 about a whole sheet. Read from the cells and
 * fills, not from the core's list, so a test comparing the two catches either side leaving
 * something out.
 */
import { PALETTE } from '../../src/core/palette';
import type { Colour, SummaryLayout } from '../../src/core/types';

export interface ShownItem {
  colour: Colour;
  /** `sheet!row` for a row; `meeting:`, `unit:` or `sheet:` and the message otherwise. */
  key: string;
  /** The reason (a row) or the message (anything else), as shown. */
  text: string;
}

export interface SummaryItems {
  /** Every item in a colour, green rows excepted (they are only counted). */
  items: ShownItem[];
  /** Green rows, from the line under table 五. */
  greenRows: number;
  /** Row counts from table 五's title: 共 N 行：红色 a 行 · … */
  rowCounts: Record<Colour, number>;
  /** Every meeting row of table 三, coloured or not: [会议, 已开次数, 应开次数, 状态]. */
  meetings: Array<[string, number, number, string]>;
}

const NAMES: Record<string, Colour> = { 红色: 'red', 橙色: 'orange', 黄色: 'yellow', 绿色: 'green', 灰色: 'grey' };

function fillAt(layout: SummaryLayout, row: number, column: number): string | null {
  let fill: string | null = null;
  for (const s of layout.styles) {
    if (s.fill !== undefined && row >= s.row && row < s.row + s.rows && column >= s.column && column < s.column + s.columns) fill = s.fill;
  }
  return fill;
}

function colourOfFill(fill: string | null): Colour | null {
  if (fill === null) return null;
  for (const c of Object.keys(PALETTE) as Colour[]) if (PALETTE[c].fill.toUpperCase() === fill.toUpperCase()) return c;
  return null;
}

/** The rows of the table whose title starts with `prefix`: its header's columns by name, and its data rows. */
function table(layout: SummaryLayout, prefix: string): { title: string; columns: Record<string, number>; rows: number[]; after: number } {
  const v = layout.values;
  const at = v.findIndex((r) => String(r[0]).indexOf(prefix) === 0);
  if (at < 0) throw new Error('no table ' + prefix + ' on the summary');
  const columns: Record<string, number> = {};
  v[at + 1].forEach((cell, c) => {
    if (cell !== '' && columns[String(cell)] === undefined) columns[String(cell)] = c;
  });
  const rows: number[] = [];
  let r = at + 2;
  // Data rows end at the blank row before the next table, or at a full-width line (empty text, a note).
  const fullWidth = (row: number) => layout.merges.some((m) => m.row === row && m.column === 0 && m.columns === layout.columnWidths.length);
  for (; r < v.length && v[r].some((x) => x !== '') && !fullWidth(r); r++) rows.push(r);
  return { title: String(v[at][0]), columns, rows, after: r };
}

export function summaryItems(layout: SummaryLayout): SummaryItems {
  const v = layout.values;
  const items: ShownItem[] = [];

  const coloured = table(layout, '五、标色的行及原因');
  for (const r of coloured.rows) {
    const label = String(v[r][coloured.columns['颜色']]);
    const colour = NAMES[label.slice(0, 2)];
    if (!colour) throw new Error('table 五 row ' + r + ' has no colour: ' + label);
    // The cell's fill is the colour it names.
    if (colourOfFill(fillAt(layout, r, coloured.columns['颜色'])) !== colour) throw new Error('table 五 row ' + r + ': fill is not ' + colour);
    const sheet = String(v[r][coloured.columns['工作表']]);
    const row = Number(/^第(\d+)行$/.exec(String(v[r][coloured.columns['行']]))![1]);
    // The 行 cell links to the row.
    const link = layout.links.find((l) => l.row === r);
    if (!link || link.column !== coloured.columns['行'] || link.target.sheet !== sheet || link.target.row !== row) {
      throw new Error('table 五 row ' + r + ' does not link to ' + sheet + '!' + row);
    }
    items.push({ colour, key: sheet + '!' + row, text: String(v[r][coloured.columns['原因']]) });
  }
  const note = String(v[coloured.after][0]);
  const green = /^绿色（合规）(\d+) 行/.exec(note);
  const rowCounts = { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 } as Record<Colour, number>;
  const title = /（共 (\d+) 行：(.*)）$/.exec(coloured.title);
  if (!title) throw new Error('table 五 title without counts: ' + coloured.title);
  for (const part of title[2].split(' · ')) {
    const m = /^(..) (\d+) 行$/.exec(part)!;
    rowCounts[NAMES[m[1]]] = Number(m[2]);
  }

  const meetings: SummaryItems['meetings'] = [];
  const m = table(layout, '三、党委会、班子会研究安全生产');
  for (const r of m.rows) {
    const status = m.columns['状态'];
    meetings.push([String(v[r][m.columns['会议']]), Number(v[r][m.columns['已开次数']]), Number(v[r][m.columns['应开次数']]), String(v[r][status])]);
    const colour = colourOfFill(fillAt(layout, r, status));
    if (colour) items.push({ colour, key: 'meeting:' + String(v[r][m.columns['说明']]), text: String(v[r][m.columns['说明']]) });
  }

  const reports = table(layout, '四、安委成员单位');
  for (const r of reports.rows) {
    if (layout.links.some((l) => l.row === r)) continue; // a unit with a row: that row is in table 五
    const colour = colourOfFill(fillAt(layout, r, reports.columns['状态']));
    if (colour) items.push({ colour, key: 'unit:' + String(v[r][reports.columns['说明']]), text: String(v[r][reports.columns['说明']]) });
  }

  const problems = table(layout, '六、数据问题');
  for (const r of problems.rows) {
    if (v[r][problems.columns['行']] !== '') continue; // a problem on a row: a grey row of table 五 (or a worse colour)
    items.push({ colour: 'grey', key: 'sheet:' + String(v[r][problems.columns['问题']]), text: String(v[r][problems.columns['问题']]) });
  }

  return { items, greenRows: green ? Number(green[1]) : 0, rowCounts, meetings };
}
