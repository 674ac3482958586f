/**
 * The ribbon's 检查合规 has no pane: it selects the most urgent row and says the counts at once.
 */
import { checkDoneMessage, firstRowToShow } from '../../src/commands/commands';
import type { CheckResult, Colour, RowColour } from '../../src/core/types';

function row(sheet: string, n: number, colour: Colour): RowColour {
  return { sheet, row: n, firstColumn: 1, lastColumn: 4, status: 'ok', colour, rule: 'monthly-quota', rules: ['monthly-quota'], message: '' };
}

function result(rows: RowColour[]): CheckResult {
  return { month: '2019-08', asOf: '2019-09-02', rows } as unknown as CheckResult;
}

const COUNTS: Record<Colour, number> = { red: 1, orange: 0, yellow: 2, green: 3, grey: 0 };

test.each([
  ['red before everything', [row('安排表', 3, 'green'), row('记录', 9, 'yellow'), row('记录', 7, 'red')], '记录', 7],
  ['orange before yellow', [row('记录', 9, 'yellow'), row('安排表', 4, 'orange')], '安排表', 4],
  ['grey only after yellow', [row('记录', 12, 'grey'), row('记录', 9, 'yellow')], '记录', 9],
  ['all green: nothing to show', [row('安排表', 3, 'green')], null, null],
] as Array<[string, RowColour[], string | null, number | null]>)('firstRowToShow: %s', (_name, rows, sheet, n) => {
  const first = firstRowToShow(result(rows));
  expect(first ? [first.sheet, first.row] : [null, null]).toEqual([sheet, n]);
});

test('the done message gives the month, the as-of date, every colour count and the selected row', () => {
  const rows = [row('检查记录', 7, 'red'), row('检查记录', 8, 'yellow'), row('检查记录', 9, 'yellow'), row('安排表', 3, 'green'), row('安排表', 4, 'green'), row('安排表', 5, 'green')];
  const text = checkDoneMessage(result(rows), COUNTS, rows[0]);
  expect(text).toBe(
    '2019年8月（截至 2019-09-02）：已为 6 行标上颜色：红色 1 · 橙色 0 · 黄色 2 · 绿色 3 · 灰色 0。' +
      '已选中“检查记录”第 7 行（最需要处理的一条）。逐条查看请点“打开面板”，生成汇总表请点“月度汇总”。',
  );
});

test('nothing selected when no row needs attention', () => {
  expect(checkDoneMessage(result([]), { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 }, null)).not.toContain('已选中');
});
