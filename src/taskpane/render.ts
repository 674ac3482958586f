/**
 * Renders check results, errors and the legend into the pane. Every piece of workbook text
 * (messages, sheet names, leader names) goes in through text nodes only (see dom.ts).
 */
import { clerkListing, colourName as shortColourName, countsLine, itemsByColour, otherItemsLine } from '../core/listing';
import type { ClerkItem, ClerkItemKind, ClerkListing } from '../core/listing';
import { COLOUR_LABEL, COLOURS, MEETING_STATUS_LABEL, PALETTE, STATUS_COLOUR, STATUS_LABEL, UNCOLOURED_LABEL } from '../core/palette';
import { missingConsequence, plainHeader, readingGroups } from '../core/reading';
import { sitesCell } from '../core/summary';
import type { CheckResult, Colour, DetectedSheet, Status } from '../core/types';
import type { AddinError } from '../excel';
import { add, clear, el, setText, show, toggleButton } from './dom';

/** A row the pane can select in Excel. */
export interface RowTarget {
  sheet: string;
  row: number;
  firstColumn: number;
  lastColumn: number;
}

/**
 * One line of a colour group: an item of the core's list of what the clerk must see
 * (core/listing.ts), which the summary sheet's tables are made from too. `target` is null for an
 * item that is not one row (a meeting, a member unit without a report row, a whole sheet).
 */
export interface ResultItem {
  colour: Colour;
  kind: ClerkItemKind;
  label: string;
  message: string;
  where: string;
  target: RowTarget | null;
}

/** At most this many lines per colour group: a huge log must not freeze IE11. */
export const GROUP_LIMIT = 200;

/** `红色` from `红色（未完成/逾期）`. */
export function colourName(colour: Colour): string {
  return shortColourName(colour);
}

function toResultItem(item: ClerkItem): ResultItem {
  return {
    colour: item.colour as Colour,
    kind: item.kind,
    label: item.label,
    message: item.message,
    where: item.where,
    target: item.kind === 'row' ? { sheet: item.sheet, row: item.row, firstColumn: item.firstColumn, lastColumn: item.lastColumn } : null,
  };
}

/**
 * The lines of each colour group: every coloured row (one per row, worst status wins, as coloured
 * in the workbook), then the meetings, the member units without a report row and the problems
 * about a whole sheet, in that colour. The same items, in the same colours, as the summary sheet.
 */
export function groupItems(result: CheckResult): Record<Colour, ResultItem[]> {
  const byColour = itemsByColour(clerkListing(result));
  const groups = { red: [], orange: [], yellow: [], green: [], grey: [] } as Record<Colour, ResultItem[]>;
  for (let i = 0; i < COLOURS.length; i++) {
    const items = byColour[COLOURS[i]];
    for (let k = 0; k < items.length; k++) groups[COLOURS[i]].push(toResultItem(items[k]));
  }
  return groups;
}

/**
 * Coloured rows per colour (the items that are rows): what “已为 N 行标上颜色” counts, as the
 * terminal's 行标色 line, the ribbon's notice and the summary's table 五 do. The groups hold more:
 * see {@link otherItemsLine}.
 */
export function countsOf(groups: Record<Colour, ResultItem[]>): Record<Colour, number> {
  const counts = {} as Record<Colour, number>;
  for (let i = 0; i < COLOURS.length; i++) {
    const items = groups[COLOURS[i]];
    let n = 0;
    for (let k = 0; k < items.length; k++) if (items[k].kind === 'row') n++;
    counts[COLOURS[i]] = n;
  }
  return counts;
}

/** `红色 3 · 橙色 1 · …` */
export function countsText(counts: Partial<Record<Colour, number>>): string {
  return countsLine(counts);
}

export function swatch(colour: Colour | null, extraClass?: string): HTMLSpanElement {
  const s = el('span', 'swatch' + (extraClass ? ' ' + extraClass : ''));
  s.setAttribute('aria-hidden', 'true');
  if (colour) s.style.backgroundColor = PALETTE[colour].fill;
  else s.className += ' swatch--none';
  return s;
}

function monthHeading(result: CheckResult): string {
  const parts = result.month.split('-');
  const text = Number(parts[0]) + '年' + Number(parts[1]) + '月';
  return (result.township ? result.township + ' ' : '') + text + '检查结果';
}

/** Where a schedule row is coloured: the sheet's header width, as the adapter colours it. */
function sheetOf(result: CheckResult, name: string): DetectedSheet | null {
  for (let i = 0; i < result.sheets.length; i++) if (result.sheets[i].sheet === name) return result.sheets[i];
  return null;
}

export function renderResults(container: HTMLElement, result: CheckResult, onSelect: (target: RowTarget) => void): void {
  clear(container);
  const listing = clerkListing(result);
  const groups = groupItems(result);

  const head = el('div', 'results__head');
  add(head, el('h2', 'section__title ms-font-l ms-fontWeight-semibold', monthHeading(result)));
  add(head, el('div', 'ms-font-s muted', '截至 ' + result.asOf + '　每月截止日：' + result.deadlineDay + '日'));
  add(container, head);

  const summary = el('div', 'count-strip');
  for (let i = 0; i < COLOURS.length; i++) {
    const c = COLOURS[i];
    const chip = el('span', 'count-chip ms-font-s');
    add(chip, swatch(c), el('span', 'count-chip__name', colourName(c)), el('span', 'count-chip__n ms-fontWeight-semibold', groups[c].length));
    add(summary, chip);
  }
  add(container, summary);
  // The groups hold the coloured rows and what is not one row (a meeting, a unit without a report
  // row): say so, so that these counts and the message's row counts read as one story.
  const others = otherItemsLine(listing);
  if (others) add(container, el('p', 'count-note ms-font-xs muted', '其中工作表中标色 ' + result.rows.length + ' 行；' + others + '（会议和述职报告见下文）。'));

  // A check that lacks its column says so once, above the findings (无法判断, not a red).
  for (let i = 0; i < result.missingColumns.length; i++) {
    const note = el('div', 'callout callout--warning missing-column');
    add(note, el('p', 'callout__text ms-font-s', '注意：' + result.missingColumns[i].message));
    add(container, note);
  }

  for (let i = 0; i < COLOURS.length; i++) add(container, renderGroup(COLOURS[i], groups[COLOURS[i]], onSelect));

  add(container, renderLeaders(result, onSelect));
  add(container, renderMeetings(result, listing));
  add(container, renderReports(result, onSelect));
  add(container, renderSheets(result));
  add(container, renderSettings(result));
}

function renderGroup(colour: Colour, items: ResultItem[], onSelect: (target: RowTarget) => void): HTMLElement {
  const section = el('div', 'group group--' + colour);
  section.setAttribute('data-colour', colour);
  const header = el('button', 'group__header');
  header.type = 'button';
  const count = el('span', 'group__count ms-font-s ms-fontWeight-semibold', items.length);
  const caret = el('span', 'group__caret');
  add(header, swatch(colour, 'swatch--large'), el('span', 'group__label ms-font-m ms-fontWeight-semibold', COLOUR_LABEL[colour]), count, caret);
  add(section, header);

  const list = el('ul', 'group__list');
  const shown = Math.min(items.length, GROUP_LIMIT);
  for (let i = 0; i < shown; i++) add(list, renderItem(items[i], onSelect));
  if (items.length > shown) {
    add(list, el('li', 'group__more ms-font-xs', '另有 ' + (items.length - shown) + ' 条未列出，请在“月度汇总”表中查看，或在工作表中按颜色筛选。'));
  }
  add(section, list);

  // Green rows are the good news and can be many: folded by default. Empty groups do not open.
  let open = items.length > 0 && colour !== 'green';
  const sync = () => {
    show(list, open);
    setText(caret, items.length === 0 ? '' : open ? '收起' : '展开');
    header.setAttribute('aria-expanded', open ? 'true' : 'false');
  };
  if (items.length === 0) {
    header.disabled = true;
    section.className += ' group--empty';
  }
  header.onclick = () => {
    open = !open;
    sync();
  };
  sync();
  return section;
}

function renderItem(item: ResultItem, onSelect: (target: RowTarget) => void): HTMLElement {
  const li = el('li', 'finding');
  const body = item.target ? el('button', 'finding__button') : el('div', 'finding__static');
  if (item.target) {
    const target = item.target;
    (body as HTMLButtonElement).type = 'button';
    body.title = '在工作表中选中这一行';
    body.onclick = () => onSelect(target);
  }
  add(body, el('span', 'finding__message ms-font-s', item.message), el('span', 'finding__where ms-font-xs', item.where));
  add(li, body);
  return li;
}

function statusCell(status: Status, label?: string): HTMLElement {
  const td = el('td', 'status-cell');
  const colour = STATUS_COLOUR[status];
  const tag = el('span', 'status-tag ms-font-xs', label || STATUS_LABEL[status]);
  if (colour) {
    tag.style.backgroundColor = PALETTE[colour].fill;
    const font = PALETTE[colour].font;
    if (font) tag.style.color = font;
  }
  add(td, tag);
  return td;
}

function renderLeaders(result: CheckResult, onSelect: (target: RowTarget) => void): HTMLElement {
  const section = el('div', 'section');
  add(section, el('h2', 'section__title ms-font-m ms-fontWeight-semibold', '领导带队检查情况'));
  if (result.leaders.length === 0) {
    add(section, el('p', 'ms-font-s muted', '安排表中没有读到带队领导。'));
    return section;
  }
  const table = el('table', 'leader-table ms-font-s');
  const thead = el('thead');
  const hr = el('tr');
  const heads = ['带队领导', '应检', '实检', result.deadlineDay + '日前', '重点场所', '状态'];
  for (let i = 0; i < heads.length; i++) add(hr, el('th', i === 0 ? 'cell--text' : i === heads.length - 1 ? 'cell--text' : 'cell--num', heads[i]));
  add(table, add(thead, hr));
  const tbody = el('tbody');
  for (let i = 0; i < result.leaders.length; i++) {
    const leader = result.leaders[i];
    const tr = el('tr');
    const nameCell = el('td', 'cell--text');
    const sheet = sheetOf(result, leader.ref.sheet);
    const name = el('button', 'link-button leader-name', leader.raw || leader.name);
    name.type = 'button';
    name.title = '在安排表中选中这一行';
    name.onclick = () =>
      onSelect({ sheet: leader.ref.sheet, row: leader.ref.row, firstColumn: sheet ? sheet.firstColumn : 1, lastColumn: sheet ? sheet.lastColumn : 1 });
    add(nameCell, name);
    if (leader.role === 'main') add(nameCell, el('span', 'role-tag ms-font-xs', '主要领导'));
    add(
      tr,
      nameCell,
      el('td', 'cell--num', leader.required),
      el('td', 'cell--num', leader.total),
      el('td', 'cell--num', leader.onTime),
      el('td', 'cell--num', sitesCell(leader.sites)),
      statusCell(leader.status),
    );
    add(tbody, tr);
    if (leader.message) {
      const note = el('tr', 'leader-note');
      const td = el('td', 'ms-font-xs muted', leader.message);
      td.colSpan = heads.length;
      add(tbody, add(note, td));
    }
  }
  add(table, tbody);
  add(section, el('div', 'table-scroll'));
  (section.lastChild as HTMLElement).appendChild(table);
  return section;
}

/**
 * 党委会、班子会研究安全生产, as the summary's table 三: each kind of meeting with the count so far,
 * the required number and the status (进度偏慢 when behind the quarterly pace), from the same list.
 */
function renderMeetings(result: CheckResult, listing: ClerkListing): HTMLElement {
  const section = el('div', 'section meetings');
  const year = Number(result.month.slice(0, 4));
  add(section, el('h2', 'section__title ms-font-m ms-fontWeight-semibold', '党委会、班子会研究安全生产（' + year + '年累计）'));
  if (result.meetings === null) {
    add(section, el('p', 'ms-font-s muted', '未找到会议记录表，本项未检查。'));
    return section;
  }
  const items: ClerkItem[] = [];
  for (let i = 0; i < listing.items.length; i++) if (listing.items[i].kind === 'meeting') items.push(listing.items[i]);
  if (items.length === 0) {
    add(section, el('p', 'ms-font-s muted', '无'));
    return section;
  }
  const table = el('table', 'leader-table meeting-table ms-font-s');
  const hr = el('tr');
  add(hr, el('th', 'cell--text', '会议'), el('th', 'cell--num', '已开'), el('th', 'cell--num', '应开'), el('th', 'cell--text', '状态'));
  add(table, add(el('thead'), hr));
  const tbody = el('tbody');
  for (let i = 0; i < items.length; i++) {
    const m = items[i].meeting!;
    const tr = el('tr', 'meeting-row');
    tr.setAttribute('data-kind', m.kind);
    add(tr, el('td', 'cell--text', items[i].subject), el('td', 'cell--num', m.count), el('td', 'cell--num', m.required), statusCell(m.status, MEETING_STATUS_LABEL[m.status]));
    add(tbody, tr);
    const note = el('tr', 'leader-note');
    const td = el('td', 'ms-font-xs muted', items[i].message);
    td.colSpan = 4;
    add(tbody, add(note, td));
  }
  add(table, tbody);
  add(section, table);
  return section;
}

/**
 * 安委成员单位述职报告, as the summary's table 四, in short: the units of each status, those not on
 * time named (a unit with a row selects it; one without is named in the red group as well).
 */
function renderReports(result: CheckResult, onSelect: (target: RowTarget) => void): HTMLElement {
  const section = el('div', 'section reports');
  const year = Number(result.asOf.slice(0, 4)) - 1;
  add(section, el('h2', 'section__title ms-font-m ms-fontWeight-semibold', '安委成员单位' + year + '年度述职报告'));
  const reports = result.reports;
  if (reports === null) {
    add(section, el('p', 'ms-font-s muted', '未找到述职报告表，本项未检查。'));
    return section;
  }
  if (reports.length === 0) {
    add(section, el('p', 'ms-font-s muted', '无成员单位'));
    return section;
  }
  const order: Status[] = ['missing', 'late', 'due-soon', 'pending', 'unknown', 'problem', 'ok'];
  const list = el('ul', 'report-list ms-font-s');
  for (let i = 0; i < order.length; i++) {
    const units = reports.filter((r) => r.status === order[i]);
    if (units.length === 0) continue;
    const li = el('li', 'report-line');
    li.setAttribute('data-status', order[i]);
    const tag = el('span', 'status-tag ms-font-xs', STATUS_LABEL[order[i]] + ' ' + units.length);
    const colour = STATUS_COLOUR[order[i]];
    if (colour) {
      tag.style.backgroundColor = PALETTE[colour].fill;
      if (PALETTE[colour].font) tag.style.color = PALETTE[colour].font as string;
    }
    add(li, tag);
    // The units on time are many and need nothing: counted, not named.
    if (order[i] !== 'ok') {
      for (let k = 0; k < units.length; k++) {
        const r = units[k];
        const ref = r.ref;
        if (ref) {
          const sheet = sheetOf(result, ref.sheet);
          const b = el('button', 'link-button report-unit', r.unit);
          b.type = 'button';
          b.title = '在述职报告表中选中这一行';
          b.onclick = () => onSelect({ sheet: ref.sheet, row: ref.row, firstColumn: sheet ? sheet.firstColumn : 1, lastColumn: sheet ? sheet.lastColumn : 1 });
          add(li, b);
        } else add(li, el('span', 'report-unit report-unit--norow', r.unit));
      }
    }
    add(list, li);
  }
  add(section, list);
  return section;
}

/**
 * 读取说明, folded by default under the results: which sheet was read as what, each field's column
 * and how it was decided, the inspection log's fields not found and what that leaves unjudged, and
 * the sheets not read. The same groups as the summary sheet's block and the terminal's lines.
 */
function renderSheets(result: CheckResult): HTMLElement {
  const section = el('div', 'section reading');
  add(section, el('h2', 'section__title ms-font-m ms-fontWeight-semibold', '读取说明'));
  const groups = readingGroups(result.sheets);
  let missing = 0;
  let decided = 0;
  for (let i = 0; i < groups.length; i++) {
    for (let k = 0; k < groups[i].fields.length; k++) {
      const f = groups[i].fields[k];
      if (f.by === 'missing' && groups[i].kind === 'log') missing++;
      if (f.by === 'cells' || f.by === 'settings') decided++;
    }
  }
  add(
    section,
    el(
      'p',
      'ms-font-xs muted',
      '读取了 ' + result.sheets.length + ' 张表' + (decided > 0 ? '，其中 ' + decided + ' 列按单元格内容或规则设置认定' : '') +
        (missing > 0 ? '，检查记录有 ' + missing + ' 项没有找到对应的列' : '') + '。认错的列可在“规则设置”中写一行“列:字段=表头”指定。',
    ),
  );
  const body = el('div', 'reading__body');
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const head = el('p', 'reading__sheet ms-font-s');
    let rows = 0;
    for (let k = 0; k < result.sheets.length; k++) if (g.sheets.indexOf(result.sheets[k].sheet) >= 0) rows += result.sheets[k].dataRows.length;
    add(head, el('span', 'kind-tag ms-font-xs', g.kindLabel), g.sheets.join('、'));
    if (g.headerText) add(head, el('span', 'muted', '（' + g.headerText + '，数据 ' + rows + ' 行）'));
    add(body, head);
    const shown = g.fields.filter((f) => f.by !== 'missing' || g.kind === 'log');
    if (shown.length === 0) continue;
    const table = el('table', 'reading-table ms-font-xs');
    const tbody = el('tbody');
    for (let k = 0; k < shown.length; k++) {
      const f = shown[k];
      const tr = el('tr', f.by === 'missing' ? 'reading--missing' : '');
      const how = f.by === 'missing' ? missingConsequence(g, f.field) : plainHeader(f) ? '' : f.how;
      add(tr, el('th', 'cell--text', f.label), el('td', 'cell--text', f.by === 'missing' ? '未找到' : f.column), el('td', 'cell--text muted', how));
      add(tbody, tr);
    }
    add(body, add(table, tbody));
  }
  // Sheets not read stay in sight: inspections on them count for nothing.
  if (result.ignoredSheets.length) {
    add(section, el('p', 'ms-font-xs muted', '未读取的工作表（前10行中没有认得出的表头，其中的检查不计入）：' + result.ignoredSheets.join('、')));
  }
  add(section, toggleButton(body, '展开读取说明', '收起读取说明', false), body);
  return section;
}

const DEADLINE_SOURCE: Record<string, string> = {
  default: '默认值',
  header: '安排表表头',
  settings: '“规则设置”表',
};

function renderSettings(result: CheckResult): HTMLElement {
  const s = result.settings;
  const section = el('div', 'section');
  add(section, el('h2', 'section__title ms-font-m ms-fontWeight-semibold', '本次使用的设置'));
  const dl = el('table', 'settings-table ms-font-s');
  const row = (label: string, value: string) => {
    const tr = el('tr');
    add(tr, el('th', 'cell--text', label), el('td', 'cell--text', value));
    add(dl, tr);
  };
  row('主要领导每月次数', s.mainQuota + ' 次');
  row('其他成员每月次数', s.memberQuota + ' 次');
  row('每月截止日', s.deadlineDay + ' 日（来源：' + (DEADLINE_SOURCE[s.deadlineDaySource] || s.deadlineDaySource) + '）');
  row('临期提醒天数', s.warnDays + ' 天');
  row('党委会每年次数', s.partyMeetings + ' 次');
  row('班子会每年次数', s.leadershipMeetings + ' 次');
  row('述职截止', s.reportDeadline.month + '月' + s.reportDeadline.day + '日');
  if (s.mainLeaders && s.mainLeaders.length) row('主要领导', s.mainLeaders.join('、'));
  if (s.memberUnits && s.memberUnits.length) row('安委成员单位', s.memberUnits.join('、'));
  const aliasCount = Object.keys(s.aliases || {}).length;
  if (aliasCount) row('别名', aliasCount + ' 条');
  add(section, dl);
  add(section, el('p', 'ms-font-xs muted', roleSourceNote(result)));
  add(section, el('p', 'ms-font-xs muted', '以上数字可在名为“规则设置”的工作表中修改（两列：项目 / 值）。'));
  return section;
}

export function roleSourceNote(result: CheckResult): string {
  if (result.roleSource === 'column') return '主要领导按安排表的“职务”列判断。';
  if (result.roleSource === 'settings') return '主要领导按“规则设置”表中的“主要领导”一项确定。';
  const mains: string[] = [];
  for (let i = 0; i < result.leaders.length; i++) if (result.leaders[i].role === 'main') mains.push(result.leaders[i].raw || result.leaders[i].name);
  return (
    '注意：安排表没有职务列，“规则设置”表也没有列出主要领导，已把检查范围以“全镇”开头的领导' +
    (mains.length ? '（' + mains.join('、') + '）' : '') +
    '推定为主要领导，请核对。'
  );
}

export type MessageKind = 'success' | 'info' | 'warning' | 'error';

/** The message box under the buttons: a Chinese sentence, and for errors the technical detail folded. */
export function renderMessage(box: HTMLElement, kind: MessageKind, text: string, error?: AddinError): void {
  clear(box);
  box.className = 'callout callout--' + kind;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  add(box, el('p', 'callout__text ms-font-s' + (kind === 'error' ? ' ms-fontWeight-semibold' : ''), text));
  if (error) {
    const detail = el('pre', 'detail ms-font-xs', '错误代码：' + error.code + (error.detail ? '\n' + error.detail : ''));
    add(box, toggleButton(detail, '显示技术详情', '隐藏技术详情', false), detail);
  }
}

export function hideMessage(box: HTMLElement): void {
  clear(box);
  box.className = 'is-hidden';
}

export function renderLegend(list: HTMLElement): void {
  clear(list);
  for (let i = 0; i < COLOURS.length; i++) {
    const c = COLOURS[i];
    const li = el('li', 'legend__item ms-font-s');
    const sample = el('span', 'legend__sample', '示例');
    sample.style.backgroundColor = PALETTE[c].fill;
    if (PALETTE[c].font) sample.style.color = PALETTE[c].font as string;
    add(li, sample, el('span', 'legend__label', COLOUR_LABEL[c]));
    add(list, li);
  }
  // The statuses that leave a row as it is: 进行中, and 无法判断 (a check without its column).
  for (let i = 0; i < UNCOLOURED_LABEL.length; i++) {
    const li = el('li', 'legend__item ms-font-s');
    const label = UNCOLOURED_LABEL[i];
    add(li, el('span', 'legend__sample legend__sample--none', STATUS_LABEL[label.status]), el('span', 'legend__label', label.label));
    add(list, li);
  }
}
