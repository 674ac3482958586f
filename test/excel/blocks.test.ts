/** The pure helpers of the Excel edge: rectangles, address chunks, the state encoding. */
import fc from 'fast-check';
import { CellMap, chunkAddresses, decodeState, encodeState, mergeIntoRects, quoteSheetName, rectAddress, STATE_HEADER, type Rect, type SavedFormat } from '../../src/excel/blocks';

describe('mergeIntoRects', () => {
  const cases: Array<[string, Array<[number, number, string]>, string[]]> = [
    ['one row run', [[3, 1, 'r'], [3, 2, 'r'], [3, 3, 'r']], ['A3:C3=r']],
    ['contiguous rows of the same colour and span merge', [[3, 1, 'r'], [3, 2, 'r'], [4, 1, 'r'], [4, 2, 'r']], ['A3:B4=r']],
    ['a colour change splits', [[3, 1, 'r'], [4, 1, 'g'], [5, 1, 'r']], ['A3=r', 'A4=g', 'A5=r']],
    ['a gap splits', [[3, 1, 'r'], [5, 1, 'r']], ['A3=r', 'A5=r']],
    ['another span splits', [[3, 1, 'r'], [3, 2, 'r'], [4, 1, 'r']], ['A3:B3=r', 'A4=r']],
    ['unsorted input', [[4, 1, 'r'], [3, 1, 'r']], ['A3:A4=r']],
  ];
  test.each(cases)('%s', (_n, cells, expected) => {
    const out = mergeIntoRects(cells.map(([row, column, value]) => ({ row, column, value })), (v) => v);
    expect(out.map((o) => rectAddress(o.rect) + '=' + o.value)).toEqual(expected);
  });

  test('property: every cell is covered exactly once with its own value', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('r', 'g', 'y')), { maxLength: 120 }), (raw) => {
        const seen = new Map<string, string>();
        for (const [r, c, v] of raw) if (!seen.has(r + ',' + c)) seen.set(r + ',' + c, v);
        const cells = Array.from(seen, ([k, value]) => ({ row: +k.split(',')[0], column: +k.split(',')[1], value }));
        const covered = new Map<string, string>();
        for (const { rect, value } of mergeIntoRects(cells, (v) => v)) {
          for (let r = rect.row; r <= rect.lastRow; r++)
            for (let c = rect.column; c <= rect.lastColumn; c++) {
              expect(covered.has(r + ',' + c)).toBe(false);
              covered.set(r + ',' + c, value);
            }
        }
        expect(covered).toEqual(seen);
      }),
    );
  });
});

describe('chunkAddresses', () => {
  const rows = (n: number, firstRow = 1, lastColumn = 7): Rect[] =>
    Array.from({ length: n }, (_, i) => ({ row: firstRow + 2 * i, lastRow: firstRow + 2 * i, column: 1, lastColumn }));
  const cases: Array<[string, Rect[], number]> = [
    ['none', [], 0],
    ['one', rows(1), 1],
    ['500 areas fit one address', rows(500), 1],
    ['501 areas need two', rows(501), 2],
    ['1,234 areas need three', rows(1234), 3],
    ['long addresses split by characters before 500 areas', rows(600, 100000, 27), 2],
  ];
  test.each(cases)('%s', (_n, rects, chunks) => {
    const out = chunkAddresses(rects);
    expect(out).toHaveLength(chunks);
    for (const a of out) {
      expect(a.length).toBeLessThanOrEqual(8000);
      expect(a.split(',').length).toBeLessThanOrEqual(500);
    }
    expect(out.join(',').split(',').filter(Boolean)).toEqual(rects.map(rectAddress));
  });
  test('the character limit is what splits 6-digit rows of wide tables', () => {
    const out = chunkAddresses(rows(500, 100000, 27));
    expect(out.length).toBe(2);
    expect(out[0].split(',').length).toBeLessThan(500);
  });
});

describe('state encoding', () => {
  const f = (fill: string | null, font = '#000000'): SavedFormat => ({ fill, font });
  type Cell = [string, number, number, SavedFormat];
  const map = (cells: Cell[]) => {
    const out = new CellMap<SavedFormat>();
    for (const [sheet, row, column, v] of cells) out.set(sheet, row, column, v);
    return out;
  };
  const sorted = (m: CellMap<SavedFormat>) => m.entries().sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
  const cases: Array<[string, Cell[]]> = [
    ['empty', []],
    ['one row of no fill', [['表', 3, 1, f(null)], ['表', 3, 2, f(null)]]],
    ['own fills and fonts', [['表', 5, 1, f('#FFFF00', '#0000FF')], ['表', 5, 2, f(null)], ['表', 5, 3, f('#FFFFFF')]]],
    ['sheet names that look like formulas', [["=cmd|' /C calc'!A0", 2, 4, f(null)]]],
    ['gaps make separate rows', [['a', 1, 1, f(null)], ['a', 1, 3, f(null)], ['b', 9, 2, f('#123456')]]],
    ['far rows and columns (the last of the grid)', [['a', 1048576, 16384, f('#123456')], ['a', 1048576, 16383, f(null)], ['a', 1, 16384, f(null)]]],
  ];
  test.each(cases)('%s round-trips', (_n, cells) => {
    const rows = encodeState(map(cells));
    const back = decodeState([STATE_HEADER, ...rows.map((r) => r.map(String))]);
    expect({ ...back, saved: sorted(back.saved) }).toEqual({ saved: sorted(map(cells)), sheetIds: {}, unreadable: 0 });
    expect(back.saved.size).toBe(cells.length);
  });
  test('sheet ids are kept once per sheet (column G) and read back', () => {
    const saved = map([['a', 1, 1, f(null)], ['a', 2, 1, f(null)], ['b', 9, 2, f('#123456')]]);
    const rows = encodeState(saved, { a: '{1}', b: '{7}', c: '{9}' });
    expect(rows.map((r) => r[6])).toEqual(['{1}', '', '{7}']);
    const back = decodeState([STATE_HEADER, ...rows.map((r) => r.map(String))]);
    expect({ ...back, saved: sorted(back.saved) }).toEqual({ saved: sorted(saved), sheetIds: { a: '{1}', b: '{7}' }, unreadable: 0 });
  });
  test('damaged rows are skipped and counted, never guessed', () => {
    const out = decodeState([STATE_HEADER, ['表', '3', '1', '2', '-|#000000*2'], ['表', 'x', '1', '2', '-|#000000*2'], ['表', '4', '1', '3', '-|#000000*2'], ['表', '5', '1', '1', 'red|#000000']]);
    expect({ ...out, saved: sorted(out.saved) }).toEqual({ saved: [['表', 3, 1, f(null)], ['表', 3, 2, f(null)]], sheetIds: {}, unreadable: 3 });
  });
  test('a sheet without the header is not ours', () => {
    expect(decodeState([['别的东西', 1, 2]]).saved.size).toBe(0);
  });
});

describe('CellMap', () => {
  test('cells are told apart per sheet, row and column, and counted once', () => {
    const m = new CellMap<number>();
    m.set('a', 1, 16384, 1);
    m.set('a', 2, 1, 2);
    m.set('b', 1, 16384, 3);
    m.set('a', 1, 16384, 4);
    expect(m.size).toBe(3);
    expect([m.get('a', 1, 16384), m.get('a', 2, 1), m.get('b', 1, 16384), m.get('b', 2, 1)]).toEqual([4, 2, 3, undefined]);
    expect(m.sheets()).toEqual(['a', 'b']);
    expect(m.entries()).toEqual([['a', 1, 16384, 4], ['a', 2, 1, 2], ['b', 1, 16384, 3]]);
    expect(m.cellsOf('a')).toEqual([{ row: 1, column: 16384, value: 4 }, { row: 2, column: 1, value: 2 }]);
  });
});

test.each([
  ['检查记录', '检查记录'],
  ['My sheet', "'My sheet'"],
  ["O'Brien", "'O''Brien'"],
  ['A1', "'A1'"],
  ['2019', "'2019'"],
])('quoteSheetName(%s)', (name, quoted) => {
  expect(quoteSheetName(name)).toBe(quoted);
});
