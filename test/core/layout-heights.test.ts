/**
 * Row heights of the summary sheet (issue 18.7), computed once in the core for every writer: a
 * row takes the lines its text needs in the width of its (merged) cell, CJK characters about two
 * digits wide, and no more: a one-line row is one line, not 32 pt.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook, layoutSummary } from '../../src/core';
import { lineHeight, rowHeights, wrappedLines } from '../../src/core/layout';
import type { BlockStyle, CellBlock } from '../../src/core/types';
import { readWorkbook } from '../../src/xlsx';

const ONE = lineHeight(11);
const CJK30 = '隐患整改期限已过仍未整改请尽快督促相关单位完成整改并复查销号谢谢配合'; // 35 characters

describe('wrappedLines', () => {
  test.each<[string, string, number, number]>([
    ['a date fits a 10-wide column', '2019-01-10', 9.3, 1],
    ['a CJK character is about two digits', '安监站', 6.4, 1],
    ['…so three need more than six', '安监站', 6, 2],
    ['CJK text breaks anywhere', CJK30, 21, 4], // 35 × 2.1 = 73.5 units: 10 characters a line
    ['Latin text breaks between words', 'aaaa bbbb cccc', 9.5, 2],
    ['a word longer than the line breaks inside', 'abcdefghijklmnopqrst', 10, 2],
    ['a line break starts a line', '第一行\n第二行', 40, 2],
    ['empty text is one line', '', 10, 1],
  ])('%s', (_name, text, room, lines) => {
    expect(wrappedLines(text, room)).toBe(lines);
  });
});

describe('rowHeights', () => {
  const widths = [14, 10, 10, 10, 12, 12, 26, 10, 46];
  const merged = (row: number, column: number, columns: number): CellBlock => ({ row, column, rows: 1, columns });
  const wrap = (row: number, rows = 1): BlockStyle => ({ row, column: 0, rows, columns: widths.length, wrap: true });

  test.each<[string, Array<Array<string | number>>, CellBlock[], BlockStyle[], number[]]>([
    ['a one-line row is one line', [['安监站', '2019-01-10', '合规', '', '', '', '', '', '']], [], [wrap(0)], [ONE]],
    [
      'a long reason in a merged cell takes the lines it needs in the merged width',
      [['', '', '', '', '', CJK30 + CJK30 + CJK30, '', '', '']],
      [merged(0, 5, 4)],
      [wrap(0)],
      [Math.ceil((105 * 2.1) / (94 - 0.7)) * ONE],
    ],
    ['the same text not merged: a column of 12', [['', '', '', '', '', CJK30, '', '', '']], [], [wrap(0)], [Math.ceil(35 / Math.floor(11.3 / 2.1)) * ONE]],
    ['text that does not wrap is one line however long', [[CJK30 + CJK30 + CJK30, '', '', '', '', '', '', '', '']], [merged(0, 0, 9)], [], [ONE]],
    ['a 16 pt title', [['大栗港镇党政领导干部安全生产履职情况汇总', '', '', '', '', '', '', '', '']], [merged(0, 0, 9)], [{ row: 0, column: 0, rows: 1, columns: 9, fontSize: 16 }], [lineHeight(16)]],
    ['an empty row', [['', '', '', '', '', '', '', '', '']], [], [], [ONE]],
  ])('%s', (_name, values, merges, styles, heights) => {
    expect(rowHeights(values, widths, merges, styles)).toEqual(heights);
  });

  test('the sample’s summary: one line for every row whose cells fit one line, as the layout says for each writer', () => {
    const file = path.resolve(__dirname, '..', '..', 'samples', '大栗港镇-2019.xlsx');
    const opened = readWorkbook(new Uint8Array(fs.readFileSync(file)), { fileName: 'x.xlsx' });
    const out = checkWorkbook(opened.input, { month: '2019-08', asOf: '2019-09-02' });
    if (!out.ok) throw new Error(out.error.message);
    const layout = layoutSummary(out.result.summary);
    expect(layout.rowHeights).toHaveLength(layout.values.length);
    // The reports (date, status and a short sentence) were 32 pt high on paper: one line each.
    const reports = layout.values.map((r, i) => [String(r[0]), layout.rowHeights[i]] as const).filter(([unit]) => ['安监站', '党政办', '国保所', '重点办'].indexOf(unit) >= 0);
    expect(reports).toEqual([['安监站', ONE], ['党政办', ONE], ['国保所', ONE], ['重点办', ONE]]);
    const oneLine = layout.rowHeights.filter((h) => h === ONE).length;
    expect(oneLine / layout.rowHeights.length).toBeGreaterThan(0.75);
  });
});
