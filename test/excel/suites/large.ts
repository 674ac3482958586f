/**
 * Large workbooks: many colour runs (RangeAreas addresses chunked at 500 areas / 8,000
 * characters, which the simulator enforces), originals read where the clerk's formats differ,
 * and reads and writes past the request/response size limit (chunked by rows, halving until a
 * chunk fits, or cut to size before sending) — the adapter still gives the core's colours.
 *
 * Five groups, each its own pair of test files (simulator alone; Microsoft's client and the
 * RichApi host) so that jest's workers share them. Each case runs at the levels of the code paths
 * it exercises rather than at all four (see docs/developers.md, "Test time"):
 * - the format paths below ExcelApi 1.9 (one range per block, loads): 1.1 and 1.7;
 * - the paths from 1.9 (RangeAreas, getCellProperties): 1.9 and 1.13;
 * - a lowered limit on both paths: one level below 1.9 and one from 1.9, all four across the cases;
 * - the real 5 MB limit: 1.13, as Excel on the web (whose limit it is) always has the latest sets.
 */
import { checkCompliance, clearMarks, writeMonthlySummary } from '../../../src/excel';
import { checkWorkbook, layoutSummary, PALETTE, summarySheetName } from '../../../src/core';
import { chunkAddresses, mergeIntoRects, rectAddress, type Rect } from '../../../src/excel/blocks';
import type { CheckResult } from '../../../src/core/types';
import type { SimSheetInit } from '../../sim';
import { AS_OF, bigLog, LOG, MONTH } from '../fixture';
import { currentMode, modeTitle, simFormats, simSummary, withSim } from '../helpers';

const opts = { month: MONTH, asOf: AS_OF };
/** Excel on the web's limit on one request and one response. */
const LIMIT = 5 * 1024 * 1024;

/** The core's result for these sheets, once per workbook (a 14,000-row check is seconds under Jest). */
const results = new WeakMap<SimSheetInit[], CheckResult>();

function expected(sheets: SimSheetInit[]): CheckResult {
  const known = results.get(sheets);
  if (known) return known;
  const out = checkWorkbook({ sheets: sheets.map((s) => ({ name: s.name, values: s.values, firstRow: s.firstRow, firstColumn: s.firstColumn })) }, opts);
  if (!out.ok) throw new Error(out.error.message);
  results.set(sheets, out.result);
  return out.result;
}

/** Every coloured row's first and last cell carry the palette fill of the core's colour. */
function expectCoreColours(sim: ReturnType<typeof withSim>, result: CheckResult): void {
  let wrong = 0;
  for (const row of result.rows) {
    for (const col of [row.firstColumn, row.lastColumn]) if (sim.workbook.fillAt(row.sheet, row.row, col) !== PALETTE[row.colour].fill) wrong++;
  }
  expect(wrong).toBe(0);
}


/** From ExcelApi 1.9: colours by RangeAreas, originals by getCellProperties. */
export function largeAreasSuite(): void {
  describe(modeTitle(), () => {
    describe.each(['1.9', '1.13'])('ExcelApi %s: RangeAreas and cell properties', (apiVersion) => {
      test('thousands of colour runs in 3-letter columns: more than 500 areas and 8,000 characters per colour', async () => {
        // 10,000 rows from column WOE: `WOE10001:WOK10001` is 17 characters, so 8,000 characters come before 500 areas.
        const sheets = bigLog(10000);
        sheets[1].firstColumn = 16000;
        const result = expected(sheets);
        const colours = new Set(result.rows.map((r) => r.colour));
        const sim = withSim(sheets, apiVersion);
        try {
          const before = simFormats(sim, sheets);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(out.value.counts.green + out.value.counts.red).toBeGreaterThan(1000);
          // The case is real: some colour has more than 500 runs and more than 8,000 characters of address.
          const runs: Record<string, Rect[]> = {};
          const cells: Record<string, Array<{ row: number; column: number; value: string }>> = {};
          for (const r of result.rows) for (let c = r.firstColumn; c <= r.lastColumn; c++) (cells[r.sheet + '/' + r.colour] = cells[r.sheet + '/' + r.colour] || []).push({ row: r.row, column: c, value: r.colour });
          for (const k in cells) runs[k] = mergeIntoRects(cells[k], (v) => v).map((x) => x.rect);
          const worst = Object.keys(runs).sort((a, b) => runs[b].length - runs[a].length)[0];
          expect(runs[worst].length).toBeGreaterThan(500);
          expect(runs[worst].map(rectAddress).join(',').length).toBeGreaterThan(8000);
          // One getRanges per chunk (the simulator rejects an address over 500 areas or 8,000 characters).
          const chunks = Object.keys(runs).reduce((n, k) => n + chunkAddresses(runs[k]).length, 0);
          expect(chunks).toBeGreaterThan(colours.size + 2);
          expect(sim.stats.members.getRanges).toBe(chunks);
          // Runs, not rows: far fewer commands than coloured rows.
          expect(sim.stats.commandsPerSync[sim.stats.commandsPerSync.length - 1]).toBeLessThan(result.rows.length / 4);
          expectCoreColours(sim, result);
          expect(sim.workbook.fillAt(LOG, 1, 16000)).toBeNull(); // the header row
          expect((await clearMarks()).ok).toBe(true);
          expect(simFormats(sim, sheets)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      test.each([
        // [case, fills of the clerk's own, syncs: list, values, block loads, (64-row slices, cell properties of mixed slices), write]
        ['no fills of its own: read with the values, no sync for the originals', {} as Record<string, string>, 3],
        // A filled note beside the table makes the format of the rows below row 10 mixed: the
        // originals are then read, one load per block (the blocks themselves have one format).
        ['a filled note beside the table: one load per block, tiny answers', { J20: '#FFFF00' }, 4],
        ['white, yellow and blue fills in a few rows: only those slices cell by cell', { A40: '#FFFFFF', B40: '#FFFFFF', C41: '#FFFF00', A5000: '#DDEBF7' }, 6],
      ])('originals of more cells than one response holds: %s', async (_name, fills, syncs) => {
        const sheets = bigLog(8000);
        sheets[1].fills = fills;
        if (fills.J20) sheets[1].values[19] = sheets[1].values[19].concat(['', '', '见附件']);
        const sim = withSim(sheets, apiVersion);
        try {
          const before = simFormats(sim, sheets);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(out.value.markedCells).toBeGreaterThan(55000);
          expect(sim.stats.syncs).toBe(syncs);
          // Cell by cell only where the cells differ: far fewer than the 56,000 cells coloured.
          const responses = sim.stats.responseBytes.slice(2, syncs - 1).reduce((a, b) => a + b, 0);
          expect(responses).toBeLessThan(1000000);
          expect((await clearMarks()).ok).toBe(true);
          // 1.9 tells white from no fill: the white cells come back white.
          expect(simFormats(sim, sheets)).toEqual(before);
          if (fills.A40) expect(sim.workbook.fillAt(LOG, 40, 1)).toBe('#FFFFFF');
        } finally {
          sim.done();
        }
      }, 60000);
    });
  });
}

/** Below ExcelApi 1.9: one range per block, originals read by format loads. */
export function largeBlocksSuite(): void {
  describe(modeTitle(), () => {
    describe.each(['1.1', '1.7'])('ExcelApi %s: block by block', (apiVersion) => {
      test('below 1.9 the original formats of a log without fills of its own cost one load per block, not one per row', async () => {
        // [rows, commands of the sync that reads the originals]
        const seen: number[] = [];
        for (const rows of [200, 2000]) {
          const sheets = bigLog(rows);
          // A filled note beside the table: the rows below row 10 are not all of one format, so the
          // originals are read (without it the values sync reads them, see above).
          sheets[1].values[19] = sheets[1].values[19].concat(['', '', '见附件']);
          sheets[1].fills = { J20: '#FFFF00' };
          const sim = withSim(sheets, apiVersion);
          try {
            const out = await checkCompliance(opts);
            if (!out.ok) throw new Error(out.error.message);
            // list sheets, read values, read originals, write
            expect(sim.stats.syncs).toBe(4);
            seen.push(sim.stats.commandsPerSync[2]);
          } finally {
            sim.done();
          }
        }
        expect(seen[1]).toBe(seen[0]);
        expect(seen[0]).toBeLessThan(20);
      });

      test.each([
        // [case, rows filled, whole row or one cell, syncs: list, values, blocks, 64-row slices, rows, (cells), write]
        ['a few fills of the clerk\'s own in a long log', (r: number) => r === 40 || r === 41 || r === 1500, true, 6],
        ['banded rows (every other row filled)', (r: number) => r % 2 === 0, true, 6],
        ['one cell filled in some rows', (r: number) => r % 97 === 0, false, 7],
      ])('below 1.9, %s: read slice by slice, row by row and cell by cell where cells differ, restored exactly', async (name, filled, wholeRow, syncs) => {
        const sheets = bigLog(2000);
        const fills: Record<string, string> = {};
        for (let r = 2; r <= 2001; r++) {
          if (!filled(r)) continue;
          if (!wholeRow) fills['C' + r] = '#FFFF00';
          else for (const col of 'ABCDEFG') fills[col + r] = '#DDEBF7';
        }
        sheets[1].fills = fills;
        const sim = withSim(sheets, apiVersion);
        try {
          const before = simFormats(sim, sheets);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(sim.stats.syncs).toBe(syncs);
          // A few fills: a few slices read row by row (2 loads each), not all 2,000 rows.
          if (name.startsWith('a few')) expect(sim.stats.members.load).toBeLessThan(2 * 4 * 64 + 200);
          expect((await clearMarks()).ok).toBe(true);
          expect(simFormats(sim, sheets)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      test('below 1.9 the same workbook is coloured block by block, never with getRanges', async () => {
        const sheets = bigLog(600, 20);
        const result = expected(sheets);
        const sim = withSim(sheets, apiVersion);
        try {
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(sim.stats.members.getRanges).toBeUndefined();
          expectCoreColours(sim, result);
        } finally {
          sim.done();
        }
      });
    });
  });
}

/** Reads past a lowered limit (500 KB), on both format paths. */
export function largeLoweredReadSuite(): void {
  describe(modeTitle(), () => {
    test.each(['1.1', '1.13'])('ExcelApi %s: a read past a lowered limit (500 KB) is chunked and gives the same marks as an unlimited host', async (apiVersion) => {
      const sheets = bigLog(3000, 20);
      const result = expected(sheets);
      const free = withSim(sheets, apiVersion, 1e9);
      let unlimited: ReturnType<typeof simFormats>;
      try {
        expect((await checkCompliance(opts)).ok).toBe(true);
        unlimited = simFormats(free, sheets);
        expect(Math.max(...free.stats.responseBytes)).toBeGreaterThan(5e5);
      } finally {
        free.done();
      }
      const sim = withSim(sheets, apiVersion, 5e5);
      try {
        const before = simFormats(sim, sheets);
        const out = await checkCompliance(opts);
        if (!out.ok) throw new Error(out.error.code + ' ' + out.error.message + ' ' + out.error.detail);
        expect(simFormats(sim, sheets)).toEqual(unlimited);
        expectCoreColours(sim, result);
        // One failed attempt, then chunks: more syncs than the 4 of a small workbook, every one within the limit.
        expect(sim.stats.syncs).toBeGreaterThan(5);
        // Every refused attempt was a size refusal; every sync that went through fits.
        const errors = sim.stats.errors;
        expect(errors.filter((e) => e !== null && !/PayloadSizeLimitExceeded/.test(e))).toEqual([]);
        expect(errors.filter((e) => e !== null).length).toBeGreaterThanOrEqual(1);
        const ok = (list: number[]) => list.filter((_b, i) => errors[i] === null);
        expect(Math.max(...ok(sim.stats.responseBytes))).toBeLessThanOrEqual(5e5);
        expect(Math.max(...ok(sim.stats.requestBytes))).toBeLessThanOrEqual(5e5);
        expect((await clearMarks()).ok).toBe(true);
        expect(simFormats(sim, sheets)).toEqual(before);
      } finally {
        sim.done();
      }
    });

    test.each(['1.7', '1.9'])('ExcelApi %s: a log read in chunks has its formats read with its size: no sync for originals without fills of its own', async (apiVersion) => {
      // The same values without and with one filled cell in a coloured row below row 10, on an
      // unlimited host and on one that forces chunks: the chunks cost the same extra syncs in both,
      // so the fill costs the same syncs in both, and without it a first check is 3 syncs unchunked.
      const syncs: Record<string, number> = {};
      for (const limit of [1e9, 5e5]) {
        for (const fill of [false, true]) {
          const sheets = bigLog(3000, 20);
          if (fill) sheets[1].fills = { B20: '#FFFF00' };
          const sim = withSim(sheets, apiVersion, limit);
          try {
            const before = simFormats(sim, sheets);
            const out = await checkCompliance(opts);
            if (!out.ok) throw new Error(out.error.code + ' ' + out.error.message);
            syncs[limit + (fill ? ' fill' : '')] = sim.stats.syncs;
            // The originals read with chunked values, the clerk's fill among them, come back exactly.
            if (fill && limit < 1e9) {
              expect((await clearMarks()).ok).toBe(true);
              expect(simFormats(sim, sheets)).toEqual(before);
            }
          } finally {
            sim.done();
          }
        }
      }
      expect(syncs['1000000000']).toBe(3);
      expect(syncs['500000']).toBeGreaterThan(3);
      expect(syncs['500000 fill'] - syncs['500000']).toBe(syncs['1000000000 fill'] - syncs['1000000000']);
    }, 120000);

  });
}

/** Writes past a lowered limit (300 KB), and a state larger than one response, on both format paths. */
export function largeLoweredWriteSuite(): void {
  describe(modeTitle(), () => {
    test.each(['1.1', '1.9'])('ExcelApi %s: a write too large for one request is sent in chunks; a failure between chunks stays restorable', async (apiVersion) => {
      const sheets = bigLog(3000, 20);
      const dry = withSim(sheets, apiVersion, 3e5);
      let firstRefusal = -1;
      let total = 0;
      try {
        expect((await checkCompliance(opts)).ok).toBe(true);
        // The write sync (after the reads) was refused as too large, then sent in chunks.
        firstRefusal = dry.stats.errors.lastIndexOf('RequestPayloadSizeLimitExceeded');
        total = dry.stats.syncs;
        expect(firstRefusal).toBeGreaterThan(3);
        expect(total - firstRefusal).toBeGreaterThan(2);
      } finally {
        dry.done();
      }
      const last = Math.max(firstRefusal + 2, total);
      for (const n of [firstRefusal + 2, Math.floor((firstRefusal + 2 + last) / 2), last]) {
        const sim = withSim(sheets, apiVersion, 3e5);
        try {
          const before = simFormats(sim, sheets);
          sim.failSync(n, 100);
          const out = await checkCompliance(opts);
          expect(out.ok ? 'ok' : out.error.code).toBe('host');
          expect(sim.stats.errors[n - 1]).toBe('GeneralException');
          expect((await clearMarks()).ok).toBe(true);
          expect(simFormats(sim, sheets)).toEqual(before);
        } finally {
          sim.done();
        }
      }
    }, 120000);

    test.each(['1.7', '1.13'])('ExcelApi %s: 清除标记 with a state larger than one response: read in chunks, restored exactly', async (apiVersion) => {
      const sheets = bigLog(3000, 20);
      const sim = withSim(sheets, apiVersion, 5e5);
      try {
        const before = simFormats(sim, sheets);
        expect((await checkCompliance(opts)).ok).toBe(true);
        sim.host.limitBytes = 1e5;
        const from = sim.stats.syncs;
        const out = await clearMarks();
        if (!out.ok) throw new Error(out.error.code + ' ' + out.error.detail);
        expect(out.value.restoredCells).toBe(3000 * 27 + 5 * 4);
        expect(sim.stats.errors.slice(from)).toContain('ResponsePayloadSizeLimitExceeded');
        expect(simFormats(sim, sheets)).toEqual(before);
        expect(sim.workbook.sheetNames()).toEqual(sheets.map((x) => x.name));
      } finally {
        sim.done();
      }
    }, 120000);
  });
}

/** Excel on the web's real 5 MB limit, at ExcelApi 1.13 (the web has the latest sets). */
export function largeRealLimitSuite(): void {
  describe(modeTitle(), () => {
    const apiVersion = '1.13';
    test('a log whose values pass 5 MB is read in chunks; a re-check asks for sizes with the sheet list, nothing refused', async () => {
      const sheets = bigLog(14000, 20);
      const sim = withSim(sheets, apiVersion);
      try {
        const first = await checkCompliance(opts);
        if (!first.ok) throw new Error(first.error.code + ' ' + first.error.message + ' ' + first.error.detail);
        expect(sim.stats.errors[1]).toBe('ResponsePayloadSizeLimitExceeded'); // the first attempt at the values
        expect(sim.stats.responseBytes[1]).toBeGreaterThan(LIMIT);
        // The first check met the limit once: whole read refused, then chunks.
        expect(sim.stats.errors.filter((e) => e !== null).length).toBe(1);
        const ok = (list: number[]) => list.filter((_b, i) => sim.stats.errors[i] === null);
        expect(Math.max(...ok(sim.stats.responseBytes))).toBeLessThanOrEqual(LIMIT);
        expect(Math.max(...ok(sim.stats.requestBytes))).toBeLessThanOrEqual(LIMIT);
        expectCoreColours(sim, expected(sheets));
        const from = sim.stats.syncs;
        const out = await checkCompliance(opts);
        if (!out.ok) throw new Error(out.error.code + ' ' + out.error.message + ' ' + out.error.detail);
        expect(sim.stats.errors.slice(from).filter((e) => e !== null)).toEqual([]);
        expect(Math.max(...sim.stats.responseBytes.slice(from))).toBeLessThanOrEqual(LIMIT);
        // Chunks sized by the bytes per cell: one sync more than the size limit forces (the sizes).
        const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
        const forced = Math.ceil(sum(sim.stats.responseBytes.slice(from)) / LIMIT) + Math.ceil(sum(sim.stats.requestBytes.slice(from)) / LIMIT);
        expect(sim.stats.syncs - from).toBeLessThanOrEqual(forced + 1);
        expectCoreColours(sim, expected(sheets));
      } finally {
        sim.done();
      }
    }, 120000);

    test('a write estimated past the limit is sent in chunks at once, never refused', async () => {
      const sheets = bigLog(60000);
      const sim = withSim(sheets, apiVersion);
      try {
        const out = await checkCompliance(opts);
        if (!out.ok) throw new Error(out.error.code + ' ' + out.error.message + ' ' + out.error.detail);
        // More than one request's worth was written...
        expect(sim.stats.requestBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(LIMIT);
        // ...yet no request was refused: the write was cut to size before it was sent.
        expect(sim.stats.errors.filter((e) => e === 'RequestPayloadSizeLimitExceeded')).toEqual([]);
        expect(Math.max(...sim.stats.requestBytes)).toBeLessThanOrEqual(LIMIT);
        expectCoreColours(sim, expected(sheets));
      } finally {
        sim.done();
      }
    }, 120000);

    test('月度汇总 of a log whose summary would pass 5 MB: written in several syncs, each under the limit, the same sheet', async () => {
      // 3,000 records whose hazards are long descriptions (about 2,500 characters, 7 kB in UTF-8):
      // the summary lists 500 of them, more than 5 MB of request if written in one sync.
      const sheets = bigLog(3000);
      for (const row of sheets[1].values.slice(1)) if (String(row[3]) !== '无') row[3] = String(row[3]) + '：' + '消防通道被杂物堵塞，灭火器压力不足，应急照明损坏，'.repeat(100);
      const sim = withSim(sheets, apiVersion);
      try {
        const from = sim.stats.syncs;
        const out = await writeMonthlySummary(opts);
        if (!out.ok) throw new Error(out.error.code + ' ' + out.error.message + ' ' + out.error.detail);
        // list, read (the hazards' text makes the read large too), then the write in several syncs
        const writes = sim.stats.requestBytes.slice(from + 2);
        expect(writes.length).toBeGreaterThan(1);
        expect(sim.stats.errors.filter((e) => e !== null)).toEqual([]);
        expect(Math.max(...sim.stats.requestBytes)).toBeLessThanOrEqual(LIMIT);
        // Through Microsoft's client the host measured the real JSON: in one sync it would not have fitted.
        if (currentMode() === 'richapi') expect(writes.reduce((a, b) => a + b, 0)).toBeGreaterThan(LIMIT);
        const layout = layoutSummary(expected(sheets).summary);
        expect(simSummary(sim, summarySheetName(MONTH), layout.values.length, layout.columnWidths.length)).toEqual(layout.values);
        expect(sim.workbook.charts(summarySheetName(MONTH))).toHaveLength(1);
        expect(sim.workbook.activeSheet()).toBe(summarySheetName(MONTH));
      } finally {
        sim.done();
      }
    }, 120000);
  });
}
