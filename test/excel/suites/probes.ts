/**
 * The clerk's own formats read with the values: a first 检查合规 needs no sync for the originals
 * when the rows it colours are each of one format (the first 10 rows one by one, the rows below
 * together), and whatever the formats, 清除标记 puts back exactly what was there.
 */
import { checkCompliance, clearMarks, forgetSheetNames } from '../../../src/excel';
import { AS_OF, aug, LEADERS, LOG, LOG_HEADER, MONTH, SCHEDULE, SCHEDULE_VALUES } from '../fixture';
import { API_VERSIONS, asSeenBy, has, modeTitle, simFormats, withSim } from '../helpers';
import type { SimSheetInit } from '../../sim';

const opts = { month: MONTH, asOf: AS_OF };
const SITES = ['刘家村', '童子山村', '和平加油站', '九龙洞水上乐园', '大栗港加油站'];

/** Title, header, then 30 inspections (rows 3–32), every one of them coloured by the check. */
function workbook(fills: Record<string, string>, fonts: Record<string, string>): SimSheetInit[] {
  const log: (string | number)[][] = [['大栗港镇安全生产检查记录', '', '', '', '', '', ''], LOG_HEADER];
  for (let i = 0; i < 30; i++) log.push([aug(1 + (i % 27)), LEADERS[i % 5], SITES[i % 5], '无', '', '', '']);
  return [
    { name: SCHEDULE, values: SCHEDULE_VALUES },
    { name: LOG, values: log, fills, fonts },
  ];
}

// [case, fills, font colours, syncs of a first run on 1.1, on 1.2–1.8 and from 1.9: list, values (+ formats),
// (originals: by block, then on 1.9 cell properties of mixed slices, below 1.9 by row and cell), write]
const cases: Array<[string, Record<string, string>, Record<string, string>, number, number, number]> = [
  ['no formats of the clerk’s own', {}, {}, 3, 3, 3],
  ['title and header filled, title in red: rows the check does not colour', { 'A1:G1': '#FFFF00', 'A2:G2': '#DDEBF7' }, { A1: '#C00000' }, 3, 3, 3],
  ['one whole row among the first 10 filled yellow', { 'A5:G5': '#FFFF00' }, {}, 3, 3, 3],
  ['one whole row among the first 10 in blue', {}, { 'A7:G7': '#0000FF' }, 3, 3, 3],
  ['every row below the first 10 filled light blue, to the end of the table', { 'A11:G32': '#DDEBF7' }, {}, 3, 3, 3],
  ['every data row filled white (1.9 keeps white apart from no fill)', { 'A3:G32': '#FFFFFF' }, {}, 3, 3, 3],
  ['one cell of a row among the first 10 filled: that row is read', { D6: '#FCE4D6' }, {}, 5, 5, 4],
  ['one cell below row 10 in purple: the rows below are read', {}, { B20: '#7030A0' }, 6, 6, 4],
  // The used range of 1.2 and later holds values only; below 1.2 it takes in the formatted rows.
  ['rows below the table filled: read on 1.1 only', { 'A33:G40': '#FFFF00' }, {}, 4, 3, 3],
];

export function probesSuite(): void {
  describe(modeTitle(), () => {
    describe.each(API_VERSIONS)('ExcelApi %s: formats read with the values', (apiVersion) => {
      test.each(cases)('%s', async (_name, fills, fonts, syncs11, syncs12, syncs19) => {
        const sheets = workbook(fills, fonts);
        const sim = withSim(sheets, apiVersion);
        try {
          forgetSheetNames();
          const before = simFormats(sim, sheets);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          // 30 log rows × 7 columns, 5 schedule rows × 4 columns.
          expect(out.value.markedCells).toBe(30 * 7 + 5 * 4);
          // Below 1.2 the used range takes in format-only rows; below 1.9 Excel cannot tell white from no fill.
          expect(sim.stats.syncs).toBe(has(apiVersion, '1.9') ? syncs19 : has(apiVersion, '1.2') ? syncs12 : syncs11);
          expect((await clearMarks()).ok).toBe(true);
          // Below 1.9 Excel reads white as no fill: white cells come back without a fill (they look the same).
          expect(asSeenBy(simFormats(sim, sheets), apiVersion)).toEqual(asSeenBy(before, apiVersion));
          if (fills['A3:G32'] && has(apiVersion, '1.9')) expect(sim.workbook.fillAt(LOG, 20, 3)).toBe('#FFFFFF');
        } finally {
          sim.done();
        }
      });
    });

    describe.each(API_VERSIONS)('ExcelApi %s: when Excel refuses the probes', (apiVersion) => {
      test('a sheet whose only value is in the last rows of the grid: the read is made again without probes, and the check is right', async () => {
        // Its used range starts 5 rows above the grid's end: offsets of up to 10 rows leave the grid.
        const sheets = workbook({ D6: '#FCE4D6' }, {}).concat([{ name: '备注', values: [['本表只是备注']], firstRow: 1048572 }]);
        const sim = withSim(sheets, apiVersion);
        try {
          const before = simFormats(sim, sheets);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual(['InvalidArgument']);
          expect(out.value.markedCells).toBe(30 * 7 + 5 * 4);
          // This pane reads without probes from now on: nothing refused again.
          const from = sim.stats.syncs;
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(sim.stats.syncs - from).toBe(2);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual(['InvalidArgument']);
          expect((await clearMarks()).ok).toBe(true);
          expect(asSeenBy(simFormats(sim, sheets), apiVersion)).toEqual(asSeenBy(before, apiVersion));
        } finally {
          sim.done();
        }
      });

      test('the same, met in the sync that lists the sheets and reads the remembered ones: the plain way, without probes', async () => {
        const sheets = workbook({}, {}).concat([{ name: '备注', values: [['本表只是备注']] }]);
        const sim = withSim(sheets, apiVersion);
        try {
          expect((await checkCompliance(opts)).ok).toBe(true);
          // The note moves to the last rows of the grid.
          const memo = sim.workbook.sheets.filter((x) => x.name === '备注')[0];
          memo.cells.clear();
          sim.workbook.cell(memo, 1048572, 1).value = '挪到最后';
          const from = sim.stats.syncs;
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          // refused (probes), list, read, write
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual(['InvalidArgument']);
          expect(sim.stats.syncs - from).toBe(4);
          expect(out.value.markedCells).toBe(30 * 7 + 5 * 4);
        } finally {
          sim.done();
        }
      });
    });
  });
}
