/**
 * Merged cells in data rows: the value of a merged area, which Excel gives in its top-left cell
 * only, belongs to every record the area spans (SheetInput.merges).
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core';
import { fillMergedDown } from '../../src/core/merges';
import type { CellValue, Grid, MergedArea, SheetInput } from '../../src/core/types';
import { AUG_2019, day, log, mergedArea, parseOk, serial, sheet, withSeed } from '../helpers/grids';

const HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患'];
const AUG_6 = serial(2019, 8, 6);

describe('fillMergedDown', () => {
  const grid: CellValue[][] = [
    ['标题', '', '', ''],
    ['a', 'b', 'c', 'd'],
    [AUG_6, '熊丹', '东村', '无'],
    ['', '', '西村', '无'],
    ['', '', '南村'],
  ];
  const origin = { firstRow: 1, firstColumn: 1 };
  const fields = [0, 1, 2, 3];
  const cases: Array<{ name: string; merges: string[]; fromIndex?: number; origin?: typeof origin; expected: CellValue[][] }> = [
    {
      name: 'a date merged down three rows fills the two below',
      merges: ['A3:A5'],
      expected: [grid[0], grid[1], grid[2], [AUG_6, '', '西村', '无'], [AUG_6, '', '南村']],
    },
    {
      name: 'date and leader merged down, the leader over two rows only',
      merges: ['A3:A5', 'B3:B4'],
      expected: [grid[0], grid[1], grid[2], [AUG_6, '熊丹', '西村', '无'], [AUG_6, '', '南村']],
    },
    {
      name: 'a one-row merge across columns changes nothing',
      merges: ['A3:B3'],
      expected: grid,
    },
    {
      name: 'an area across two field columns (a label over the table) is left alone',
      merges: ['A3:B5'],
      expected: grid,
    },
    {
      name: 'an area two columns wide over one field column fills its first column',
      merges: ['B3:C4'],
      origin,
      // Only columns 0 and 1 are read: the area covers one of them.
      expected: [grid[0], grid[1], grid[2], ['', '熊丹', '西村', '无'], grid[4]],
    },
    {
      name: 'a merge starting in the header rows is not copied into the data',
      merges: ['A2:A4'],
      expected: grid,
    },
    {
      name: 'an area whose top-left cell is empty copies nothing',
      merges: ['A4:A5'],
      expected: grid,
    },
    {
      name: 'a merge past the last row of the grid stops at the grid',
      merges: ['A3:A40'],
      expected: [grid[0], grid[1], grid[2], [AUG_6, '', '西村', '无'], [AUG_6, '', '南村']],
    },
    {
      name: 'a grid that starts at row 2 column 2 (merges are Excel coordinates)',
      merges: ['B4:B6'],
      origin: { firstRow: 2, firstColumn: 2 },
      expected: [grid[0], grid[1], grid[2], [AUG_6, '', '西村', '无'], [AUG_6, '', '南村']],
    },
    {
      name: 'no merges',
      merges: [],
      expected: grid,
    },
  ];
  test.each(cases)('$name', ({ name, merges, fromIndex, origin: o, expected }) => {
    const fieldColumns = name.indexOf('two columns wide') >= 0 ? [0, 1] : fields;
    const before = JSON.stringify(grid);
    const out = fillMergedDown(grid, merges.map(mergedArea), o || origin, fromIndex ?? 2, fieldColumns);
    expect(out).toEqual(expected);
    expect(JSON.stringify(grid)).toBe(before);
  });

  test('returns the very grid when nothing changes, and copies only the rows that change', () => {
    expect(fillMergedDown(grid, [], origin, 2, fields)).toBe(grid);
    expect(fillMergedDown(grid, undefined, origin, 2, fields)).toBe(grid);
    const out = fillMergedDown(grid, [mergedArea('A3:A4')], origin, 2, fields);
    expect(out[2]).toBe(grid[2]);
    expect(out[4]).toBe(grid[4]);
    expect(out[3]).not.toBe(grid[3]);
  });

  test.each<[string, MergedArea]>([
    ['zero rows', { row: 3, column: 1, rows: 0, columns: 1 }],
    ['a fractional row', { row: 3.5, column: 1, rows: 2, columns: 1 }],
    ['row 0', { row: 0, column: 1, rows: 5, columns: 1 }],
    ['NaN columns', { row: 3, column: 1, rows: 2, columns: NaN }],
    ['a column left of the grid', { row: 3, column: 0, rows: 2, columns: 1 }],
  ])('a malformed area (%s) is ignored', (_name, area) => {
    expect(fillMergedDown(grid, [area, null as unknown as MergedArea], origin, 2, fields)).toBe(grid);
  });

  test('property: the input is never changed, and only cells under a merged top-left cell change, to its value', () => {
    const cell = fc.oneof(fc.constant(''), fc.constant('x'), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }),
        fc.array(fc.record({ row: fc.integer({ min: 1, max: 9 }), column: fc.integer({ min: 1, max: 6 }), rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (values, merges, fromIndex) => {
          const before = JSON.stringify(values);
          const out = fillMergedDown(values as Grid, merges, { firstRow: 1, firstColumn: 1 }, fromIndex, [0, 2, 4]);
          expect(JSON.stringify(values)).toBe(before);
          expect(out.length).toBe(values.length);
          for (let r = 0; r < out.length; r++) {
            const width = Math.max(out[r].length, (values[r] || []).length);
            for (let c = 0; c < width; c++) {
              const was = values[r] ? values[r][c] : undefined;
              const now = out[r][c];
              if (now === was || (now === '' && was === undefined)) continue;
              // A changed cell lies below the top of an area, in its first column, at or after fromIndex.
              expect(r).toBeGreaterThanOrEqual(fromIndex);
              const source = merges.find((m) => m.column - 1 === c && m.row - 1 < r && r <= m.row - 2 + m.rows && m.row - 1 >= fromIndex);
              expect(source).toBeDefined();
            }
          }
        },
      ),
    );
  });
});

describe('merged cells in the workbook', () => {
  const merged = (s: SheetInput, ...areas: string[]): SheetInput => Object.assign(s, { merges: areas.map(mergedArea) });

  test('a log date and leader merged over one trip: every record of it is read', () => {
    const parsed = parseOk(
      withSeed(
        merged(
          log(HEADER, [
            [AUG_6, '熊  丹', '刘家村', '无'],
            ['', '', '环宇烟花批发', '无'],
            ['', '', '湘域矿业', '无'],
            [serial(2019, 8, 20), '熊丹', '刘家村', '无'],
          ]),
          'A2:A4',
          'B2:B4',
        ),
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.log.map((e) => [e.ref.row, e.date, e.leaders.join(), e.site])).toEqual([
      [2, day('2019-08-06'), '熊丹', '刘家村'],
      [3, day('2019-08-06'), '熊丹', '环宇烟花批发'],
      [4, day('2019-08-06'), '熊丹', '湘域矿业'],
      [5, day('2019-08-20'), '熊丹', '刘家村'],
    ]);
  });

  test('without the merges the same grid reports the empty cells (what a host below ExcelApi 1.13 gives)', () => {
    const parsed = parseOk(
      withSeed(log(HEADER, [[AUG_6, '熊丹', '刘家村', '无'], ['', '', '环宇烟花批发', '无']])),
    );
    expect(parsed.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'empty-date'],
      [3, 'empty-leader'],
    ]);
  });

  test.each<[string, string, Array<[number, string]>]>([
    // A heading between records: neither its row nor the merged row below is a record.
    ['a month heading', '八月份', []],
    // Other text across the table is reported once, where it stands; the merged row below stays empty.
    ['a note that is no label', '以下为补录', [[2, 'bad-date'], [2, 'empty-leader']]],
  ])('%s merged across the table over two rows is not copied into the date column', (_name, text, problems) => {
    const parsed = parseOk(withSeed(merged(log(HEADER, [[text], [], [AUG_6, '熊丹', '刘家村', '无']]), 'A2:D3')));
    expect(parsed.problems.map((p) => [p.row, p.code])).toEqual(problems);
    expect(parsed.log.map((e) => e.ref.row)).toEqual([4]);
  });

  test('the check counts the merged records: the key sites visited on the merged date are done', () => {
    const outcome = checkWorkbook(
      withSeed(
        merged(
          log(HEADER, [
            [AUG_6, '邓光明', '大栗港加油站', '无'],
            ['', '', '环宇烟花批发', '无'],
            [serial(2019, 8, 20), '邓光明', '大栗港加油站', '无'],
          ]),
          'A2:A3',
          'B2:B3',
        ),
      ),
      { month: '2019-08', asOf: '2019-09-02' },
    );
    if (!outcome.ok) throw new Error(outcome.error.message);
    const deng = outcome.result.leaders.find((l) => l.name === '邓光明')!;
    expect(deng.sites.map((s) => [s.name, s.status])).toEqual([
      ['大栗港加油站', 'ok'],
      ['环宇烟花批发', 'ok'],
    ]);
    expect(outcome.result.rows.filter((r) => r.sheet === '检查记录').map((r) => [r.row, r.colour])).toEqual([
      [2, 'green'],
      [3, 'green'],
      [4, 'green'],
    ]);
  });

  test('a schedule scope merged over two leaders gives both its sites', () => {
    const schedule = merged(
      sheet('安排表', [
        ['带队领导', '职务', '检查范围'],
        ['甲乙', '党委书记', '全镇；重点检查“东站加油站”'],
        ['丙丁', '副镇长', ''],
      ]),
      'C2:C3',
    );
    const parsed = parseOk({ sheets: [schedule, log(HEADER, [[AUG_6, '甲乙', '东站加油站', '无']])] }, AUG_2019);
    expect(parsed.leaders.map((l) => [l.name, l.sites.join()])).toEqual([
      ['甲乙', '东站加油站'],
      ['丙丁', '东站加油站'],
    ]);
  });
});
