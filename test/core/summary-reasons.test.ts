/**
 * A coloured row says why, in the workbook (issue 18.5): the legend under the summary's title
 * links each colour to the checks that give it, and table 五 lists every row coloured red,
 * orange, yellow or grey with a link to the row and its reason (the same the pane shows), worst
 * first, and counts the green ones. The clerk's own sheets get nothing but colours: no comment.
 */
import {
  checkWorkbook,
  INFO_LINE_WIDTH,
  layoutSummary,
  lineWidth,
  SUMMARY_TABLE_LIMIT,
} from '../../src/core';
import { legendLines } from '../../src/core/summary';
import type { CheckResult, SheetInput } from '../../src/core/types';
import { serial } from '../helpers/grids';
import { logSheet, seedSchedule } from '../helpers/seed';

function check(sheets: SheetInput[]): CheckResult {
  const out = checkWorkbook({ sheets }, { month: '2019-08', asOf: '2019-09-02' });
  if (!out.ok) throw new Error(out.error.message);
  return out.result;
}

/** The rows of the table whose title starts with `prefix`, up to the blank row after it. */
function tableRows(values: Array<Array<string | number>>, prefix: string): Array<Array<string | number>> {
  const at = values.findIndex((r) => String(r[0]).indexOf(prefix) === 0);
  expect(at).toBeGreaterThan(0);
  const rows: Array<Array<string | number>> = [];
  for (let r = at; r < values.length && values[r].some((v) => v !== ''); r++) rows.push(values[r]);
  return rows;
}

describe('the legend under the title', () => {
  test.each([
    [5, false],
    [5, true],
    [999, true],
  ])('warn days %s, 无法判断 %s: three info lines, each within the width a merged row shows', (warnDays, unknown) => {
    const lines = legendLines(warnDays, unknown);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(INFO_LINE_WIDTH);
    const text = lines.join('');
    // Each colour, and what leaves a row uncoloured, with the checks that give it.
    for (const words of [
      ['红色＝未完成', '带队检查次数', '重点场所', '述职报告', '已逾期', '隐患'],
      ['橙色＝逾期完成', '截止日以后才检查', '超过整改期限才整改', '晚交述职报告'],
      ['黄色＝临期', '不超过' + warnDays + '天', '进度偏慢（会议）'],
      ['绿色＝合规'],
      ['灰色＝数据问题', '隐患没写整改期限'],
      ['不标色＝进行中'],
    ]) {
      for (const w of words) expect([w, text.indexOf(w) >= 0]).toEqual([w, true]);
    }
    expect(text.indexOf('无法判断') >= 0).toBe(unknown);
  });

  test('the summary carries it under the rules', () => {
    const r = check([seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村' }])]);
    const info = r.summary.infoLines;
    const at = info.findIndex((l) => l.indexOf('标色规则：') === 0);
    expect(info.slice(at, at + 3)).toEqual(legendLines(r.settings.warnDays, false));
    expect(info.some((l) => l.indexOf('颜色：') === 0)).toBe(false);
  });
});

describe('五、标色的行及原因', () => {
  test('every non-green coloured row, worst first, linked from its 行 cell, with the reason; green rows counted', () => {
    const r = check([
      seedSchedule(),
      logSheet([
        { date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村' },
        { date: serial(2019, 8, 28), leader: '熊丹', site: '童子山村' },
        { date: serial(2019, 8, 20), leader: '邓光明', site: '大栗港加油站', hazard: '灭火器过期', deadline: serial(2019, 8, 25) },
        { date: '八月某日', leader: '郭环球', site: '刘家村' },
      ]),
    ]);
    const layout = layoutSummary(r.summary);
    const rows = tableRows(layout.values, '五、标色的行及原因');
    const counts = { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 };
    for (const row of r.rows) counts[row.colour]++;
    expect(rows[0][0]).toBe(
      '五、标色的行及原因（共 ' + r.rows.length + ' 行：红色 ' + counts.red + ' 行 · 橙色 ' + counts.orange + ' 行 · 黄色 ' + counts.yellow +
        ' 行 · 绿色 ' + counts.green + ' 行 · 灰色 ' + counts.grey + ' 行）',
    );
    expect(rows[1].filter((v) => v !== '')).toEqual(['颜色', '工作表', '行', '原因']);
    const body = rows.slice(2, -1).map((row) => row.filter((v) => v !== ''));
    const nonGreen = r.rows.filter((x) => x.colour !== 'green');
    expect(body).toHaveLength(nonGreen.length);
    // Worst first: red, orange, yellow, grey.
    const order = ['红色', '橙色', '黄色', '灰色'];
    const colours = body.map((row) => order.indexOf(String(row[0]).slice(0, 2)));
    expect(colours).toEqual(colours.slice().sort((a, b) => a - b));
    expect(colours.every((c) => c >= 0)).toBe(true);
    // 鲁攀 did nothing: his schedule row, named, with the pane's message.
    const lupan = r.leaders.find((l) => l.name === '鲁攀')!;
    expect(body).toContainEqual(['红色（未完成）', lupan.ref.sheet, '第' + lupan.ref.row + '行', '鲁攀：' + lupan.message]);
    // The log row with the overdue hazard, and the unreadable date.
    expect(body).toContainEqual(['红色（已逾期）', '检查记录', '第5行', r.rows.find((x) => x.sheet === '检查记录' && x.row === 5)!.message]);
    expect(body).toContainEqual(['灰色（数据问题）', '检查记录', '第6行', '检查日期“八月某日”无法识别为日期，本行不计入']);
    // The 行 cell links to the row.
    const start = layout.values.findIndex((v) => v === rows[2]);
    const links = layout.links.filter((l) => l.row >= start && l.row < start + body.length);
    expect(links).toHaveLength(body.length);
    expect(links.every((l) => layout.values[l.row][l.column] === '第' + l.target.row + '行')).toBe(true);
    // The line under the table counts the green rows.
    expect(rows[rows.length - 1][0]).toBe('绿色（合规）' + counts.green + ' 行：按期完成，不逐行列出（在各表中按颜色筛选即可查看）。');
  });

  test('a long list is cut at the summary’s limit, like the other tables', () => {
    const late = Array.from({ length: SUMMARY_TABLE_LIMIT + 7 }, (_, i) => ({ date: serial(2019, 8, 26 + (i % 5)), leader: '郭环球', site: '刘家村' }));
    const r = check([seedSchedule(), logSheet(late)]);
    const rows = tableRows(layoutSummary(r.summary).values, '五、标色的行及原因');
    const body = rows.slice(2);
    expect(body).toHaveLength(SUMMARY_TABLE_LIMIT + 1);
    expect(String(body[SUMMARY_TABLE_LIMIT][0])).toMatch(/^另有\d+条未列出/);
  });
});
