/**
 * Merged cells in the records (a 检查日期 or a 带队领导 merged down over a trip's rows): from
 * ExcelApi 1.13 the adapter reads each input sheet's merged areas in the sync that reads its values
 * (or its size, when the values come in chunks), and the core gives every row of an area its value;
 * below 1.13 the other rows of an area read as empty (grey), as before. Either way the syncs are
 * those of the same workbook without merges; when Excel fails the merged areas (over 512 in a
 * range), the check is made without them.
 */
import { checkCompliance, clearMarks, forgetSheetNames, mergedCellsHint, writeMonthlySummary } from '../../../src/excel';
import { checkWorkbook, PALETTE } from '../../../src/core';
import type { CheckResult } from '../../../src/core/types';
import { parseArea, SimError, versionAtLeast, type SimSheetInit } from '../../sim';
import { AS_OF, aug, LEADERS, LOG, MERGED_SLAVE_ROWS, mergedLog, mergedTrips, MONTH, withoutMerges } from '../fixture';
import { API_VERSIONS, modeTitle, withSim } from '../helpers';

const opts = { month: MONTH, asOf: AS_OF };

/** The core's result with the merged areas known (as the CLI reads them), or without. */
function coreResult(sheets: SimSheetInit[], merges: boolean): CheckResult {
  const out = checkWorkbook(
    {
      sheets: sheets.map((s) => ({
        name: s.name,
        values: s.values,
        merges: merges
          ? (s.merges || []).map((a) => {
              const r = parseArea(a)!;
              return { row: r.row, column: r.column, rows: r.lastRow - r.row + 1, columns: r.lastColumn - r.column + 1 };
            })
          : undefined,
      })),
    },
    opts,
  );
  if (!out.ok) throw new Error(out.error.message);
  return out.result;
}

/** Log rows coloured grey in the workbook (column A's fill). */
function greyRows(sim: ReturnType<typeof withSim>, rows: number): number[] {
  const out: number[] = [];
  for (let r = 1; r <= rows; r++) if (sim.workbook.fillAt(LOG, r, 1) === PALETTE.grey.fill) out.push(r);
  return out;
}

export function mergesSuite(): void {
  describe(modeTitle(), () => {
    describe('mergedCellsHint', () => {
      const problem = (row: number, code: 'empty-date' | 'empty-leader' | 'bad-date') => ({ code, sheet: LOG, row, column: 1, columnName: '检查日期', message: '' });
      const withProblems = (problems: ReturnType<typeof problem>[]) => ({ ...coreResult(withoutMerges(mergedLog()), false), problems }) as CheckResult;
      test.each<[string, boolean, ReturnType<typeof problem>[], string | null]>([
        ['merged areas read: nothing to say', true, [problem(4, 'empty-date')], null],
        ['not read, no empty date or leader: nothing to say', false, [problem(4, 'bad-date')], null],
        ['not read, rows without a date or a leader: counted once per row', false, [problem(4, 'empty-date'), problem(4, 'empty-leader'), problem(6, 'empty-leader')], '有 2 行'],
      ])('%s', (_name, read, problems, expected) => {
        const hint = mergedCellsHint(withProblems(problems), read);
        if (expected === null) expect(hint).toBe('');
        else {
          expect(hint).toContain(expected);
          expect(hint).toContain('取消合并');
        }
      });
    });

    describe.each(API_VERSIONS)('ExcelApi %s: a log with dates and leaders merged over a trip’s records', (apiVersion) => {
      const v113 = versionAtLeast(apiVersion, '1.13');

      test(v113 ? 'every record is coloured as a record, with its trip’s date and leader' : 'the other rows of a merged area stay grey (日期为空), as before', async () => {
        const sheets = mergedLog();
        const sim = withSim(sheets, apiVersion);
        try {
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(out.value.result.rows).toEqual(coreResult(sheets, v113).rows);
          expect(greyRows(sim, 13)).toEqual(v113 ? [] : MERGED_SLAVE_ROWS);
          // A date merged over three records: each is a record of that trip (SPEC §3 green, not grey).
          expect(sim.workbook.fillAt(LOG, 5, 7)).toBe(v113 ? PALETTE.green.fill : PALETTE.grey.fill);
          // The row with the overdue hazard under a merged date and leader is red only when the merge is known.
          expect(sim.workbook.fillAt(LOG, 9, 1)).toBe(v113 ? PALETTE.red.fill : PALETTE.grey.fill);
          // The merged areas' values stay where Excel holds them: nothing is written into the other cells.
          expect(sim.workbook.valuesOf(LOG)).toEqual(sheets[1].values);
          // The pane and the ribbon say why those rows are grey, and what to do, only when Excel could not tell.
          expect(out.value.mergedCellsRead).toBe(v113);
          const hint = mergedCellsHint(out.value.result, out.value.mergedCellsRead);
          if (v113) expect(hint).toBe('');
          else expect(hint).toContain('有 ' + MERGED_SLAVE_ROWS.length + ' 行的日期或带队领导为空');
        } finally {
          sim.done();
        }
      });

      test('syncs per command are those of the same workbook without merges, and nothing is refused', async () => {
        const sequence: Array<[string, () => Promise<{ ok: boolean }>]> = [
          ['检查合规', () => checkCompliance(opts)],
          ['检查合规 again', () => checkCompliance(opts)],
          ['月度汇总', () => writeMonthlySummary(opts)],
          ['清除标记', () => clearMarks()],
        ];
        const syncsOf = async (sheets: SimSheetInit[]) => {
          const sim = withSim(sheets, apiVersion);
          try {
            const out: number[] = [];
            for (const [, run] of sequence) {
              const from = sim.stats.syncs;
              expect((await run()).ok).toBe(true);
              out.push(sim.stats.syncs - from);
            }
            expect(sim.stats.errors.filter((e) => e !== null)).toEqual([]);
            return out;
          } finally {
            sim.done();
          }
        };
        const merged = await syncsOf(mergedLog());
        // list, read, write · list and read, write · the same, write · list, read, write
        expect(merged).toEqual([3, 2, 2, 3]);
        expect(merged).toEqual(await syncsOf(withoutMerges(mergedLog())));
      });

      test('the merged areas cost one load per input sheet in the read sync, none for the add-in’s own sheets', async () => {
        const reads = async (version: string) => {
          const sim = withSim(mergedLog(), version);
          try {
            expect((await checkCompliance(opts)).ok).toBe(true);
            const asked = [sim.stats.members.getMergedAreasOrNullObject || 0];
            // first run: list, read, write; then the combined list-and-read, which also reads the state sheet
            const first = sim.stats.commandsPerSync[1];
            expect((await checkCompliance(opts)).ok).toBe(true);
            asked.push(sim.stats.members.getMergedAreasOrNullObject || 0);
            return { commands: [first, sim.stats.commandsPerSync[3]], asked };
          } finally {
            sim.done();
          }
        };
        const here = await reads(apiVersion);
        // Two input sheets (schedule, log) per read; the state sheet, read by the second check, is not asked.
        expect(here.asked).toEqual(v113 ? [2, 4] : [0, 0]);
        if (v113) {
          // The same commands as on 1.9 but for the loads: one more per input sheet, in the same syncs.
          const base = await reads('1.9');
          expect(here.commands.map((n, i) => n - base.commands[i])).toEqual([2, 2]);
        }
      });

      test('a trip added since the last check is read in the sync that lists the sheets and reads them', async () => {
        const sheets = mergedLog();
        const sim = withSim(sheets, apiVersion);
        try {
          expect((await checkCompliance(opts)).ok).toBe(true);
          // The clerk adds a trip of two records on rows 14–15, the date and leader merged over both.
          const log = sim.workbook.sheets.filter((s) => s.name === LOG)[0];
          const trip: Array<Array<string | number>> = [
            [aug(15), LEADERS[3], '九龙洞村', '无', '', '', ''],
            ['', '', '九龙洞村卫生室', '无', '', '', ''],
          ];
          trip.forEach((row, r) => row.forEach((v, c) => v !== '' && (sim.workbook.cell(log, 14 + r, 1 + c).value = v)));
          log.merges.push(parseArea('A14:A15')!, parseArea('B14:B15')!);
          const now = sheets.map((s) => (s.name === LOG ? { ...s, values: s.values.concat(trip), merges: (s.merges || []).concat(['A14:A15', 'B14:B15']) } : s));
          const from = sim.stats.syncs;
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          // list and read, the originals of the new rows (the rows below row 10 are no longer of one format), write
          expect(sim.stats.syncs - from).toBe(3);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual([]);
          expect(out.value.result.rows).toEqual(coreResult(now, v113).rows);
          expect(sim.workbook.fillAt(LOG, 15, 1)).toBe(v113 ? PALETTE.green.fill : PALETTE.grey.fill);
        } finally {
          sim.done();
        }
      });

      test('values read in row chunks (5 MB limit): the merged areas come with the sizes, no sync more', async () => {
        // 300 trips of two records, the date merged over both, with long places: about 250 kB of
        // values against a 100 kB limit (the write's largest command, the state rows, fits).
        const limit = 1e5;
        const heavy = (sheets: SimSheetInit[]) =>
          sheets.map((s) => (s.name === LOG ? { ...s, values: s.values.map((r, i) => (i ? [r[0], r[1], r[2] + '（' + '检查消防设施和安全通道'.repeat(6) + '）'].concat(r.slice(3)) : r)) } : s));
        const run = async (sheets: SimSheetInit[]) => {
          const sim = withSim(sheets, apiVersion, limit);
          try {
            const first = await checkCompliance(opts);
            if (!first.ok) throw new Error(first.error.message);
            const firstSyncs = sim.stats.syncs;
            // The next check remembers the chunks: it lists the sheets and reads their sizes in one sync.
            const second = await checkCompliance(opts);
            if (!second.ok) throw new Error(second.error.message);
            return { syncs: [firstSyncs, sim.stats.syncs - firstSyncs], rows: [first.value.result.rows, second.value.result.rows], grey: greyRows(sim, 601).length, sim };
          } finally {
            sim.done();
          }
        };
        const sheets = heavy(mergedTrips(300));
        const merged = await run(sheets);
        // The same log without merges and with the rows this host will colour the same: the dates
        // written in every record where the merged areas are read, else left out of the second ones.
        const plain = await run(v113 ? heavy(mergedTrips(300, false)) : withoutMerges(sheets));
        // The case is real: the values were read in several chunks.
        expect(merged.sim.stats.errors.filter((e) => e && /PayloadSizeLimitExceeded/.test(e)).length).toBeGreaterThan(0);
        expect(merged.syncs[0]).toBeGreaterThan(4);
        expect(merged.syncs).toEqual(plain.syncs);
        expect(merged.rows[0]).toEqual(coreResult(sheets, v113).rows);
        expect(merged.rows[1]).toEqual(merged.rows[0]);
        expect(merged.grey).toBe(v113 ? 0 : 300);
      });
    });

    describe('ExcelApi 1.13: when Excel fails the merged areas, the check is made without them', () => {
      test('more than 512 merged areas in a log: one failed read, then the check as below 1.13; this session asks no more', async () => {
        const sheets = mergedTrips(600);
        const sim = withSim(sheets, '1.13');
        try {
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          // list, read (failed: the merged areas), read again without them, write
          expect(sim.stats.errors).toEqual([null, 'GeneralException', null, null]);
          expect(out.value.result.rows).toEqual(coreResult(sheets, false).rows);
          expect(greyRows(sim, 1201).length).toBe(600);
          const from = sim.stats.syncs;
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(sim.stats.syncs - from).toBe(2);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual(['GeneralException']);
          // The workbook opened again (a new pane): the merged areas are asked for again, and fail again.
          forgetSheetNames();
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual(['GeneralException', 'GeneralException']);
          expect((await clearMarks()).ok).toBe(true);
          expect(greyRows(sim, 1201)).toEqual([]);
        } finally {
          sim.done();
        }
      });

      test('met in the sync that lists the sheets and reads the remembered ones: the plain way, without them', async () => {
        const sheets = mergedTrips(500);
        const sim = withSim(sheets, '1.13');
        try {
          const first = await checkCompliance(opts);
          if (!first.ok) throw new Error(first.error.message);
          expect(greyRows(sim, 1001)).toEqual([]);
          // 20 more trips: 520 merged areas.
          const log = sim.workbook.sheets.filter((s) => s.name === LOG)[0];
          for (let i = 0; i < 20; i++) {
            const row = 1002 + 2 * i;
            sim.workbook.cell(log, row, 1).value = aug(10);
            sim.workbook.cell(log, row, 2).value = LEADERS[i % 5];
            sim.workbook.cell(log, row + 1, 2).value = LEADERS[i % 5];
            sim.workbook.cell(log, row, 3).value = '新增' + i + '号点';
            sim.workbook.cell(log, row + 1, 3).value = '新增' + i + '号点附近';
            log.merges.push(parseArea('A' + row + ':A' + (row + 1))!);
          }
          const from = sim.stats.syncs;
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          // refused (list and read), list, read, the originals of the new rows, write
          expect(sim.stats.errors.slice(from)).toEqual(['GeneralException', null, null, null, null]);
          expect(greyRows(sim, 1041).length).toBe(520);
        } finally {
          sim.done();
        }
      });

      test('a host failure in a read that asked for them: read again once without them; failing again, it is reported', async () => {
        // The trade-off: Excel does not say how it fails the merged areas, so a GeneralException there
        // costs this session the merged cells (the rows read as below 1.13), not the check.
        const once = withSim(mergedLog(), '1.13');
        try {
          once.failSync(2, 0);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(once.stats.errors).toEqual([null, 'GeneralException', null, null]);
          expect(greyRows(once, 13)).toEqual(MERGED_SLAVE_ROWS);
        } finally {
          once.done();
        }
        const twice = withSim(mergedLog(), '1.13');
        try {
          // The read and the read without merged areas both fail.
          const runSync = twice.host.runSync.bind(twice.host);
          let again = 1;
          twice.host.runSync = (queue, pending, response, wire) => {
            try {
              runSync(queue, pending, response, wire);
            } catch (e) {
              if (again-- > 0) twice.failSync(1, 0);
              throw e;
            }
          };
          twice.failSync(2, 0);
          const out = await checkCompliance(opts);
          expect(out.ok ? null : out.error.code).toBe('host');
          expect(twice.stats.errors).toEqual([null, 'GeneralException', 'GeneralException']);
          expect(greyRows(twice, 13)).toEqual([]);
        } finally {
          twice.done();
        }
      });

      test('a host whose answer cannot be read as expected (isNullObject throwing after the sync): the check without them', async () => {
        const sim = withSim(mergedLog(), '1.13');
        try {
          const proto = await sim.Excel.run(async (ctx) => Object.getPrototypeOf(ctx.workbook.worksheets.getItem(LOG).getRange('A1').getMergedAreasOrNullObject()));
          const spy = jest.spyOn(proto, 'isNullObject', 'get').mockImplementation(() => {
            throw new SimError('PropertyNotLoaded', "The property 'isNullObject' is not available.");
          });
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(spy).toHaveBeenCalled();
          expect(greyRows(sim, 13)).toEqual(MERGED_SLAVE_ROWS);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual([]);
          // Not asked again in this session.
          const asked = sim.stats.members.getMergedAreasOrNullObject;
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(sim.stats.members.getMergedAreasOrNullObject).toBe(asked);
          spy.mockRestore();
        } finally {
          sim.done();
        }
      });

      test('a host failure in a sync that asked for no merged areas (the write) is reported as before', async () => {
        const sim = withSim(mergedLog(), '1.13');
        try {
          sim.failSync(3, 0);
          const out = await checkCompliance(opts);
          expect(out.ok ? null : out.error.code).toBe('host');
          expect(sim.stats.errors).toEqual([null, null, 'GeneralException']);
        } finally {
          sim.done();
        }
      });
    });
  });
}
