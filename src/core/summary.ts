/**
 * The summary sheet's content (SPEC §3) as plain tables. `layout.ts` turns it into cells.
 */
import { formatChinese, formatIso, ymdFromDay } from './day';
import { fieldWords, HEADER_SEARCH_ROWS } from './parse/words';
import { missingConsequence, plainHeader, readingGroups } from './reading';
import { INFO_LINE_WIDTH, lineWidth } from './layout';
import { formatMessage } from './messages';
import { clerkListing, colourName, countsLine, itemReason } from './listing';
import type { ClerkListing } from './listing';
import { STATUS_COLOUR, STATUS_LABEL } from './palette';
import type { CheckResult, Colour, Day, Field, Problem, SummaryModel, SummaryTable } from './types';

/** Long tables are cut here on the printable sheet; the JSON report and the row colours keep everything. */
export const SUMMARY_TABLE_LIMIT = 500;

const ROLE_LABEL = { main: '主要领导', member: '班子成员' } as const;
const ROLE_SOURCE_NOTE = {
  column: '',
  settings: '主要领导按“规则设置”中的名单认定。',
  inferred: '安排表没有职务列，规则设置也未列主要领导：已按检查范围以“全镇”开头推定主要领导（请核对）。',
} as const;

/**
 * Every data problem as the summary lists it: the cells that could not be read, then the hazards
 * without a deadline (SPEC §2.3: grey). The terminal, the pane and the JSON report use this same
 * list, so their counts agree.
 */
export function dataProblems(result: CheckResult): Problem[] {
  const deadlineColumn = (sheet: string) => {
    for (const c of result.columns) if (c.sheet === sheet && c.field === 'deadline' && c.column > 0) return c;
    return null;
  };
  return result.problems.concat(
    result.hazards
      .filter((h) => h.status === 'problem')
      .map((h) => {
        const c = deadlineColumn(h.ref.sheet);
        return { code: 'missing-deadline' as const, sheet: h.ref.sheet, row: h.ref.row, column: c ? c.column : 0, columnName: c ? c.header : '整改期限', message: h.message };
      }),
  );
}

/** Builds the summary model of a finished check. */
export function buildSummary(result: CheckResult, when: { year: number; month: number; asOf: Day }): SummaryModel {
  const s = result.settings;
  const d = result.deadlineDay;
  const township = result.township || '';
  const deadlineSource = s.deadlineDaySource === 'header' ? '（取自安排表表头）' : s.deadlineDaySource === 'settings' ? '（取自规则设置）' : '';
  const infoLines = [
    '检查月份：' + when.year + '年' + when.month + '月　　截至日期：' + formatChinese(when.asOf),
    '检查规则：主要领导每月带队检查不少于' + s.mainQuota + '次，其他班子成员不少于' + s.memberQuota + '次，重点场所每月检查，均在每月' + d +
      '日前（含' + d + '日）完成' + deadlineSource + '；临期提醒' + s.warnDays + '天。',
    '　　　　　党委会、班子会每年研究安全生产分别不少于' + s.partyMeetings + '次、' + s.leadershipMeetings + '次；安委成员单位' +
      s.reportDeadline.month + '月' + s.reportDeadline.day + '日前提交上年度述职报告。',
    ...legendLines(s.warnDays, hasUnknown(result)),
  ];
  // A check that lacks its column says so once, at the top: which column, what cannot be judged, how to name it.
  for (const m of result.missingColumns) infoLines.push(noteLine(m.message));
  if (ROLE_SOURCE_NOTE[result.roleSource]) infoLines.push(ROLE_SOURCE_NOTE[result.roleSource]);
  // A log kept on a sheet the check did not read shows as 实检0次: say which sheets were skipped.
  const ignored = ignoredSheetsLine(result.ignoredSheets);
  if (ignored !== null) infoLines.push(ignored);

  const tables: SummaryTable[] = [];

  tables.push({
    title: '一、领导带队检查情况（' + when.month + '月）',
    header: ['带队领导', '角色', '应检次数', '实检次数', d + '日前完成', '重点场所', '未检场所', '状态', '说明'],
    rows: result.leaders.map((l) => {
      const notDone = l.sites.filter((x) => x.status !== 'ok' && x.status !== 'late' && x.status !== 'unknown').map((x) => x.name);
      return {
        cells: [
          l.name,
          ROLE_LABEL[l.role],
          l.required,
          l.total,
          l.onTime,
          sitesCell(l.sites),
          notDone.join('、'),
          STATUS_LABEL[l.status],
          l.message,
        ],
        colour: STATUS_COLOUR[l.status],
        link: l.ref,
      };
    }),
    emptyText: '安排表中没有带队领导',
  });

  const hazards = result.hazards.filter((h) => h.status === 'overdue' || h.status === 'due-soon');
  hazards.sort((a, b) => (a.status === b.status ? (a.deadline || 0) - (b.deadline || 0) : a.status === 'overdue' ? -1 : 1));
  tables.push(
    limit({
      title: '二、逾期和临期的隐患整改',
      header: ['来源', '检查日期', '带队领导', '整改期限', '状态', '检查地点', '隐患', '说明'],
      spans: [1, 1, 1, 1, 1, 1, 1, 2],
      rows: hazards.map((h) => ({
        cells: [
          h.ref.sheet + '!第' + h.ref.row + '行',
          formatIso(h.date),
          h.leaders.join('、'),
          h.deadline === null ? '' : formatIso(h.deadline),
          STATUS_LABEL[h.status],
          h.site,
          h.hazard,
          h.message,
        ],
        colour: STATUS_COLOUR[h.status],
        link: h.ref,
      })),
      emptyText: '无逾期或临期的隐患',
    }),
  );

  const listing = clerkListing(result);
  tables.push({
    title: '三、党委会、班子会研究安全生产（' + when.year + '年累计）',
    header: ['会议', '年度', '已开次数', '应开次数', '状态', '说明'],
    spans: [2, 1, 1, 1, 1, 3],
    rows: listing.items
      .filter((item) => item.meeting !== undefined)
      .map((item) => {
        const m = item.meeting!;
        return { cells: [item.subject, m.year, m.count, m.required, item.label, item.message], colour: item.colour };
      }),
    emptyText: result.meetings === null ? '未找到会议记录表，本项未检查' : '无',
  });

  const reportYear = ymdFromDay(when.asOf).year;
  tables.push({
    title: '四、安委成员单位' + (reportYear - 1) + '年度述职报告',
    header: ['成员单位', '提交日期', '状态', '说明'],
    spans: [1, 1, 1, 6],
    rows: (result.reports || []).map((r) => ({
      cells: [r.unit, r.submitted === null ? '' : formatIso(r.submitted), STATUS_LABEL[r.status], r.message],
      colour: STATUS_COLOUR[r.status],
      link: r.ref || undefined,
    })),
    emptyText: result.reports === null ? '未找到述职报告表，本项未检查' : '无成员单位',
  });

  tables.push(colouredRowsTable(listing));

  const problemRows = dataProblems(result).map((p) => ({
    cells: [p.sheet, p.row > 0 ? p.row : '', p.columnName, p.message] as Array<string | number>,
    colour: 'grey' as const,
    link: p.row > 0 ? { sheet: p.sheet, row: p.row } : undefined,
  }));
  tables.push(
    limit({
      title: '六、数据问题（所在行标灰色，除非该行另有更严重的问题）',
      header: ['工作表', '行', '列', '问题'],
      spans: [1, 1, 1, 6],
      rows: problemRows,
      emptyText: '无',
    }),
  );

  tables.push(readingTable(result));

  const title = township + '党政领导干部安全生产履职情况汇总（' + when.year + '年' + when.month + '月）';
  return {
    sheetName: '履职汇总 ' + result.month,
    title,
    infoLines,
    tables,
    chart: {
      categories: result.leaders.map((l) => l.name),
      required: result.leaders.map((l) => l.required),
      done: result.leaders.map((l) => l.total),
    },
  };
}

/**
 * 五、标色的行及原因: every row coloured red, orange, yellow or grey, worst first, with a link to the
 * row and the reason the pane shows for it; green rows are only counted (they are on time). The
 * reason is here rather than in a cell comment on the row: a comment would add parts to the clerk's
 * sheets, where the tool changes nothing but colours.
 */
function colouredRowsTable(listing: ClerkListing): SummaryTable {
  const order: Colour[] = ['red', 'orange', 'yellow', 'grey'];
  const rows: SummaryTable['rows'] = [];
  for (const colour of order) {
    for (const item of listing.items) {
      if (item.kind !== 'row' || item.colour !== colour) continue;
      rows.push({
        cells: [colourName(colour) + '（' + item.label + '）', item.sheet, '第' + item.row + '行', itemReason(item)],
        colour,
        link: { sheet: item.sheet, row: item.row },
      });
    }
  }
  const n = listing.rowCounts;
  const total = n.red + n.orange + n.yellow + n.green + n.grey;
  const table = limit({
    title: '五、标色的行及原因（共 ' + total + ' 行：' + countsLine(n, ' 行') + '）',
    header: ['颜色', '工作表', '行', '原因'],
    spans: [2, 2, 1, 4],
    colourColumn: 0,
    linkColumn: 2,
    rows,
    emptyText: '没有标红色、橙色、黄色或灰色的行',
  });
  if (n.green > 0) table.note = '绿色（合规）' + n.green + ' 行：按期完成，不逐行列出（在各表中按颜色筛选即可查看）。';
  return table;
}

/**
 * The colour legend under the title: each colour with the checks that give it (SPEC §2), on info
 * lines that fit {@link INFO_LINE_WIDTH}.
 */
export function legendLines(warnDays: number, withUnknown: boolean): string[] {
  return [
    '标色规则：红色＝未完成（带队检查次数不够、重点场所未检查、述职报告未交、会议到年底仍不够）或已逾期（隐患过了整改期限仍未整改）；',
    '　　　　　橙色＝逾期完成（截止日以后才检查、超过整改期限才整改、晚交述职报告）；黄色＝临期（离截止不超过' + warnDays + '天）或进度偏慢（会议）；',
    '　　　　　绿色＝合规；灰色＝数据问题（读不出的行、隐患没写整改期限）；不标色＝进行中' + (withUnknown ? '或无法判断（缺少所需的列）' : '') + '。各行的原因见表五。',
  ];
}

/**
 * The line naming the sheets the check did not read (no header row of a known kind in the rows it
 * searches), with the header words an inspection log needs; null when there are none. It names as
 * many sheets as fit on one info line ({@link INFO_LINE_WIDTH}), then `…等N张`; a single name too
 * long for the line is cut. The summary sheet shows it under the title, the CLI prints it.
 */
export function ignoredSheetsLine(sheets: ReadonlyArray<string>): string | null {
  const total = sheets.length;
  if (total === 0) return null;
  const line = (names: string, shown: number, shortened: boolean): string =>
    formatMessage('summary.ignored-sheets', {
      names,
      shown,
      total,
      shortened: shortened ? 1 : 0,
      rows: HEADER_SEARCH_ROWS,
      dateWord: headerWord('date'),
      leaderWord: headerWord('leader'),
    });
  const listed = (k: number) => line(sheets.slice(0, k).join('、'), k, false);
  const fits = (text: string) => lineWidth(text) <= INFO_LINE_WIDTH;

  const all = listed(total);
  if (fits(all)) return all;
  // Fewer names: the line grows with each name shown, so the longest that fits is found by halving.
  let low = 0;
  let high = total - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(listed(mid))) low = mid;
    else high = mid - 1;
  }
  if (low > 0) return listed(low);

  // Not even the first name fits: as much of it as does (whole characters, at least one).
  const first = String(sheets[0]);
  const room = INFO_LINE_WIDTH - lineWidth(line('', 1, true));
  let end = 0;
  let used = 0;
  while (end < first.length) {
    const code = first.charCodeAt(end);
    const next = end + 1 < first.length ? first.charCodeAt(end + 1) : 0;
    const size = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const w = lineWidth(first.substr(end, size));
    if (end > 0 && used + w > room) break;
    used += w;
    end += size;
  }
  return line(first.slice(0, end), 1, true);
}

/**
 * `注意：…` for a check that lacks its column, on one info line: when the sheet names make it too
 * wide for its merged row, the how-to part gives way to a pointer to the 读取说明 block (whose title
 * says how to name a column).
 */
function noteLine(message: string): string {
  const line = '注意：' + message;
  if (lineWidth(line) <= INFO_LINE_WIDTH) return line;
  const cut = message.indexOf('。如有这一列');
  const short = '注意：' + (cut > 0 ? message.slice(0, cut) : message) + '（如何指定这一列见“读取说明”）。';
  // Still too wide: the sheets are named in the 读取说明, not here.
  return lineWidth(short) <= INFO_LINE_WIDTH ? short : short.replace(/^注意：(检查记录|会议记录)“[^”]*”/, '注意：$1中有的工作表');
}

/**
 * A leader's key sites in the summary: `1/2` done of all, `1/1，1处无法判断` when some cannot be
 * judged, `无法判断` when none can, `—` when there are none.
 */
export function sitesCell(sites: ReadonlyArray<{ status: string }>): string {
  if (sites.length === 0) return '—';
  const unknown = sites.filter((x) => x.status === 'unknown').length;
  if (unknown === sites.length) return '无法判断';
  const done = sites.filter((x) => x.status === 'ok' || x.status === 'late').length;
  return done + '/' + (sites.length - unknown) + (unknown > 0 ? '，' + unknown + '处无法判断' : '');
}

function hasUnknown(result: CheckResult): boolean {
  return (
    result.leaders.some((l) => l.sites.some((x) => x.status === 'unknown')) ||
    result.hazards.some((h) => h.status === 'unknown') ||
    (result.meetings || []).some((m) => m.status === 'unknown')
  );
}

/**
 * 六、读取说明: which sheet was read as what, each field's column and how it was decided, and (for
 * the inspection log) the fields not found and what that leaves unjudged. The sheets not read are
 * named under the title (ignoredSheetsLine).
 */
function readingTable(result: CheckResult): SummaryTable {
  const rows: SummaryTable['rows'] = [];
  for (const group of readingGroups(result.sheets)) {
    const names = group.sheets.join('、');
    const kind = group.kindLabel;
    const shown = group.fields.filter((f) => f.by !== 'missing' || group.kind === 'log');
    if (shown.length === 0) rows.push({ cells: [names, kind, '', '', ''], colour: null });
    shown.forEach((f, i) => {
      // A column found by its header words says only 表头 (the column cell shows the header); the
      // cells, a 规则设置 line or a tie say how.
      const how = f.by === 'missing' ? ['未找到', missingConsequence(group, f.field)].filter((x) => x !== '').join('：') : plainHeader(f) ? '表头' : f.how;
      rows.push({ cells: [i === 0 ? names : '', i === 0 ? kind : '', f.label, f.by === 'missing' ? '—' : f.column, how], colour: null });
    });
  }
  return {
    title: '七、读取说明（各表按什么读取；认错的列可在“规则设置”中写一行“列:字段=表头”指定）',
    header: ['工作表', '读作', '字段', '列', '依据'],
    spans: [1, 1, 1, 2, 4],
    rows,
    emptyText: '无',
  };
}

/** The first (the usual) header word of a field of the inspection log, as SPEC §1 lists them. */
function headerWord(field: Field): string {
  return fieldWords('log', field)[0] || '';
}

function limit(table: SummaryTable): SummaryTable {
  if (table.rows.length <= SUMMARY_TABLE_LIMIT) return table;
  const rest = table.rows.length - SUMMARY_TABLE_LIMIT;
  const rows = table.rows.slice(0, SUMMARY_TABLE_LIMIT);
  const filler: Array<string | number> = table.header.map(() => '');
  filler[0] = '另有' + rest + '条未列出，见各表中的颜色标记或 JSON 报告';
  rows.push({ cells: filler, colour: null });
  return { ...table, rows };
}
