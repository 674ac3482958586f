/**
 * The adapter's commands on the simulator: syncs per command, restore of the exact original
 * formats, idempotent re-runs, failures midway, protected sheets, Excel busy, the summary sheet.
 * Every case runs at the four ExcelApi levels (helpers.API_VERSIONS), in both modes (the
 * simulator alone: commands.test.ts; Microsoft's client and the RichApi host: commands.richapi.test.ts).
 */
import { checkCompliance, clearMarks, describeRequirements, forgetSheetNames, selectRow, STATE_SHEET, writeMonthlySummary } from '../../../src/excel';

/** The document setting the add-in keeps its remembered sheets in. */
const SHEETS_SETTING = 'dutyCheck.sheets';
import { checkWorkbook, isOwnSheet, layoutSummary, PALETTE, summarySheetName } from '../../../src/core';
import { AS_OF, aug, FORMULA_TEXT, HTML_TEXT, LOG, LOG_HEADER, LOG_VALUES, MONTH, SCHEDULE, township } from '../fixture';
import { API_VERSIONS, asSeenBy as seen, has, modeTitle, simFormats, withSim, type Formats } from '../helpers';

const opts = { month: MONTH, asOf: AS_OF };

/** The core's summary of the fixture, which the adapter writes. */
function expectedSummary() {
  const out = checkWorkbook({ sheets: township().map((s) => ({ name: s.name, values: s.values })) }, opts);
  if (!out.ok) throw new Error(out.error.message);
  return out.result.summary;
}

export function commandsSuite(): void {
  describe(modeTitle(), () => {
    describe.each(API_VERSIONS)('ExcelApi %s', (apiVersion) => {
      const v19 = has(apiVersion, '1.9');

      describe('syncs per command', () => {
        // [command, syncs on 1.1, syncs on 1.9]. The values sync also reads the format of each of the
        // first 10 rows and of the rows below; the fixture has fills of the clerk's own below row 10,
        // so the originals there are read per block, then (1.1) per row and per cell where they
        // differ: one sync more on 1.9, two on 1.1. Later commands read the sheets they read last
        // time in the same sync as the sheet list, and a re-run needs no read of originals: read, write.
        const table: Array<[string, () => Promise<unknown>, number, number]> = [
          ['检查合规 (first run)', () => checkCompliance(opts), 5, 4],
          ['检查合规 (re-run, same marks)', () => checkCompliance(opts), 2, 2],
          ['月度汇总', () => writeMonthlySummary(opts), 2, 2],
          ['selectRow', () => selectRow(LOG, 5, 1, 7), 1, 1],
          ['清除标记', () => clearMarks(), 3, 3],
          ['清除标记 (nothing marked)', () => clearMarks(), 1, 1],
        ];
        let sim: ReturnType<typeof withSim>;
        beforeAll(() => {
          sim = withSim(township(), apiVersion);
        });
        afterAll(() => sim.done());
        test.each(table)('%s', async (_name, run, syncs11, syncs19) => {
          const before = { syncs: sim.stats.syncs, runs: sim.stats.runs };
          const out = (await run()) as { ok: boolean };
          expect(out.ok).toBe(true);
          expect(sim.stats.runs - before.runs).toBe(1);
          expect(sim.stats.syncs - before.syncs).toBe(v19 ? syncs19 : syncs11);
        });
      });

      test('fills follow SPEC §3 and only cells of coloured rows change', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          const before = seen(simFormats(sim, township()), apiVersion);
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(out.value.counts).toEqual({ red: 3, orange: 2, yellow: 1, green: 4, grey: 1 });
          expect(out.value.markedCells).toBe(5 * 4 + 6 * 7);
          const expected: Array<[string, number, keyof typeof PALETTE]> = [
            [SCHEDULE, 3, 'green'], [SCHEDULE, 5, 'red'], [LOG, 4, 'orange'], [LOG, 6, 'red'], [LOG, 7, 'yellow'], [LOG, 8, 'grey'],
          ];
          for (const [sheet, row, colour] of expected) {
            expect(sim.workbook.fillAt(sheet, row, 1)).toBe(PALETTE[colour].fill);
            if (PALETTE[colour].font) expect(sim.workbook.fontColourAt(sheet, row, 2)).toBe(PALETTE[colour].font);
          }
          // Orange has no font colour of its own: the clerk's purple text in B6... row 6 is red; row 4's fonts stay.
          expect(sim.workbook.fontColourAt(LOG, 4, 1)).toBeNull();
          // Untouched: header rows, the title's font.
          expect(sim.workbook.fillAt(LOG, 2, 1)).toBe(before[LOG + '!A2'][0]);
          expect(sim.workbook.fontColourAt(LOG, 1, 1)).toBe('#C00000');
          // Values did not change.
          expect(sim.workbook.valuesOf(LOG)).toEqual(LOG_VALUES);
          // The state sheet is very hidden.
          expect(sim.workbook.visibilityOf(STATE_SHEET)).toBe('VeryHidden');
        } finally {
          sim.done();
        }
      });

      test('清除标记 gives back the exact original fills and fonts (own fills, own fonts, no fill)', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          const before = seen(simFormats(sim, township()), apiVersion);
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(simFormats(sim, township())).not.toEqual(before);
          const cleared = await clearMarks();
          expect(cleared).toEqual({ ok: true, value: { restoredCells: 62 } });
          expect(seen(simFormats(sim, township()), apiVersion)).toEqual(before);
          expect(sim.workbook.sheetNames()).toEqual([SCHEDULE, LOG]);
        } finally {
          sim.done();
        }
      });

      test('a re-run gives the same workbook as one run, and the originals stay the first ones', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          const before = seen(simFormats(sim, township()), apiVersion);
          await checkCompliance(opts);
          const once = { formats: simFormats(sim, township()), state: sim.workbook.valuesOf(STATE_SHEET), names: sim.workbook.sheetNames() };
          await checkCompliance(opts);
          expect({ formats: simFormats(sim, township()), state: sim.workbook.valuesOf(STATE_SHEET), names: sim.workbook.sheetNames() }).toEqual(once);
          await clearMarks();
          expect(seen(simFormats(sim, township()), apiVersion)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      test('a re-run after the data changed restores rows that are no longer coloured', async () => {
        const sheets = township();
        const sim = withSim(sheets, apiVersion);
        try {
          const before = seen(simFormats(sim, township()), apiVersion);
          await checkCompliance(opts);
          // The log loses its last two rows (the clerk deleted them); the schedule stays.
          const state = sim.workbook;
          await (sim.Excel.run(async (ctx) => {
            ctx.workbook.worksheets.getItem(LOG).getRange('A7:G8').values = [['', '', '', '', '', '', ''], ['', '', '', '', '', '', '']];
            await ctx.sync();
          }));
          const second = await checkCompliance(opts);
          if (!second.ok) throw new Error(second.error.message);
          expect(state.fillAt(LOG, 8, 1)).toBeNull();
          expect(state.fillAt(LOG, 7, 4)).toBeNull();
          await clearMarks();
          expect(seen(simFormats(sim, township()), apiVersion)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      describe('a failure midway leaves the workbook restorable', () => {
        // The write sync's commands, from a dry run: failures at its start, inside and at its end.
        let writeSync = 0;
        let writeCommands = 0;
        beforeAll(async () => {
          const dry = withSim(township(), apiVersion);
          await checkCompliance(opts);
          writeSync = dry.stats.syncs;
          writeCommands = dry.stats.commandsPerSync[writeSync - 1];
          dry.done();
          expect(writeCommands).toBeGreaterThan(10);
        });
        // [sync to fail: 2 = read, 3 = originals, 0 = the write sync; fraction of its commands applied]
        const points: Array<[number, number]> = [[2, 0], [3, 0], [0, 0], [0, 0.05], [0, 0.2], [0, 0.4], [0, 0.6], [0, 0.8], [0, 0.99]];
        test.each(points)('sync %i (0 = write) fails after %f of its commands; 清除标记 restores', async (n, f) => {
          const sim = withSim(township(), apiVersion);
          try {
            const before = seen(simFormats(sim, township()), apiVersion);
            sim.failSync(n || writeSync, Math.floor(f * writeCommands));
            const out = await checkCompliance(opts);
            // From 1.13 the read asks for merged areas, and a GeneralException there is taken for
            // Excel failing them (see read-merges.ts): the read is made again without, and succeeds.
            expect(out.ok).toBe(n === 2 && has(apiVersion, '1.13'));
            if (!out.ok) {
              expect(out.error.code).toBe('host');
              expect(out.error.message).not.toMatch(/at |Error|\n/);
            }
            expect((await clearMarks()).ok).toBe(true);
            expect(seen(simFormats(sim, township()), apiVersion)).toEqual(before);
          } finally {
            sim.done();
          }
        });
        test.each(points)('sync %i (0 = write) of a re-run fails after %f of its commands; 清除标记 restores', async (n, f) => {
          const sim = withSim(township(), apiVersion);
          try {
            const before = seen(simFormats(sim, township()), apiVersion);
            await checkCompliance(opts);
            // A re-run has no originals to read and lists and reads in one sync: read, write.
            sim.failSync(n === 2 ? 1 : 2, Math.floor(f * writeCommands));
            await checkCompliance(opts);
            expect((await clearMarks()).ok).toBe(true);
            expect(seen(simFormats(sim, township()), apiVersion)).toEqual(before);
          } finally {
            sim.done();
          }
        });
      });

      test('a protected sheet: a clear message naming it, nothing changed', async () => {
        const sheets = township();
        sheets[1].protected = true;
        const sim = withSim(sheets, apiVersion);
        try {
          const before = seen(simFormats(sim, sheets), apiVersion);
          const out = await checkCompliance(opts);
          expect(out.ok).toBe(false);
          if (out.ok) return;
          expect(out.error.code).toBe('protected');
          expect(out.error.message).toContain('“' + LOG + '”受保护');
          expect(out.error.message).toMatch(/撤销.*保护/);
          expect(seen(simFormats(sim, sheets), apiVersion)).toEqual(before);
          // Below 1.2 protection cannot be read first: the write meets it and the adapter puts back what it coloured.
          expect(sim.workbook.sheetNames()).toEqual([SCHEDULE, LOG]);
          expect((await clearMarks()).ok).toBe(true);
          expect(seen(simFormats(sim, sheets), apiVersion)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      test('a sheet whose name looks like a formula: its originals are saved as text and restored', async () => {
        const sheets = township();
        sheets[0].name = "=cmd|' /C calc'!A0";
        const sim = withSim(sheets, apiVersion);
        try {
          const before = seen(simFormats(sim, sheets), apiVersion);
          expect((await checkCompliance(opts)).ok).toBe(true);
          const state = sim.workbook.valuesOf(STATE_SHEET);
          expect(state.some((row) => row[0] === sheets[0].name)).toBe(true);
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect((await clearMarks()).ok).toBe(true);
          expect(seen(simFormats(sim, sheets), apiVersion)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      test('a sheet protected after an earlier run: the error names it and the earlier marks stay restorable', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          const before = seen(simFormats(sim, township()), apiVersion);
          expect((await checkCompliance(opts)).ok).toBe(true);
          const marked = simFormats(sim, township());
          sim.workbook.sheets.filter((x) => x.name === SCHEDULE)[0].protected = true;
          const out = await checkCompliance(opts);
          expect(out.ok ? 'ok' : out.error.code).toBe('protected');
          expect(out.ok ? '' : out.error.message).toContain('“' + SCHEDULE + '”受保护');
          if (v19) expect(simFormats(sim, township())).toEqual(marked);
          sim.workbook.sheets.filter((x) => x.name === SCHEDULE)[0].protected = false;
          expect((await clearMarks()).ok).toBe(true);
          expect(seen(simFormats(sim, township()), apiVersion)).toEqual(before);
        } finally {
          sim.done();
        }
      });

      test('Excel busy editing a cell: code busy, a Chinese message saying what to do', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          sim.setBusy(true);
          for (const run of [() => checkCompliance(opts), () => writeMonthlySummary(opts), () => clearMarks(), () => selectRow(LOG, 3, 1, 7)]) {
            const out = await run();
            expect(out).toEqual({ ok: false, error: expect.objectContaining({ code: 'busy', message: expect.stringMatching(/^Excel 正在编辑单元格.*Enter/) }) });
          }
        } finally {
          sim.done();
        }
      });

      test('selectRow selects the row on its sheet; a missing sheet is not-found', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          expect(await selectRow(LOG, 6, 1, 7)).toEqual({ ok: true, value: undefined });
          expect(sim.workbook.selection()).toEqual({ sheet: LOG, address: 'A6:G6' });
          expect(sim.workbook.activeSheet()).toBe(LOG);
          const missing = await selectRow('没有这个表', 6, 1, 7);
          expect(missing.ok ? null : missing.error.code).toBe('not-found');
        } finally {
          sim.done();
        }
      });

      test('the core refusing the input is code input with its message', async () => {
        const sim = withSim([{ name: '其他', values: [['无关']] }], apiVersion);
        try {
          const out = await checkCompliance(opts);
          expect(out.ok ? null : out.error.code).toBe('input');
          expect(sim.workbook.sheetNames()).toEqual(['其他']);
        } finally {
          sim.done();
        }
      });

      test('月度汇总: replaced, never duplicated; hostile text stays text; chart of required vs done', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          const name = summarySheetName(MONTH);
          const first = await writeMonthlySummary(opts);
          expect(first.ok && first.value.replaced).toBe(false);
          const second = await writeMonthlySummary(opts);
          if (!second.ok) throw new Error(second.error.message);
          expect(second.value).toMatchObject({ sheetName: name, replaced: true, chart: true });
          expect(sim.workbook.sheetNames().filter((n) => n === name)).toHaveLength(1);
          expect(sim.workbook.sheetNames().indexOf(name)).toBe(2);
          expect(sim.workbook.activeSheet()).toBe(name);
          // Hostile text: the cell holds the text, not a formula.
          const values = sim.workbook.valuesOf(name);
          let found = 0;
          values.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v === FORMULA_TEXT || v === HTML_TEXT) {
                found++;
                expect(sim.workbook.cellAt(name, r + 1, c + 1)!.formula).toBeUndefined();
              }
            }),
          );
          expect(found).toBeGreaterThanOrEqual(1);
          expect(values.some((row) => row.some((v) => v === '#NAME?'))).toBe(false);
          const charts = sim.workbook.charts(name);
          expect(charts).toHaveLength(1);
          expect(charts[0].type).toBe('ColumnClustered');
          expect(charts[0].source).toMatch(/!\$C\$\d+:\$D\$\d+$/);
          expect(charts[0].xAxisValues.length).toBe(has(apiVersion, '1.7') ? 2 : 0);
          expect(sim.workbook.merges(name).length > 0).toBe(has(apiVersion, '1.2'));
          // Printed as its own pages, numbered from 1, as the command line's (1.9).
          expect(sim.workbook.pageSetup(name)).toEqual(
            v19
              ? {
                  showGridlines: false,
                  orientation: 'Landscape',
                  paperSize: 'A4',
                  zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
                  firstPageNumber: 1,
                  centerFooter: '第 &P 页，共 &N 页',
                }
              : { showGridlines: !has(apiVersion, '1.8') },
          );
          // Every row at the layout's height, as the command line writes it (1.2): a one-line row is one line.
          const layout = layoutSummary(expectedSummary());
          const heights = sim.workbook.rowHeights(name);
          expect(layout.values.map((_row, r) => heights[r + 1])).toEqual(has(apiVersion, '1.2') ? layout.rowHeights : layout.values.map(() => undefined));
          // Links to the hazards' rows where the host has hyperlinks (1.7); the text either way.
          let links = 0;
          values.forEach((row, r) =>
            row.forEach((_v, c) => {
              const link = sim.workbook.cellAt(name, r + 1, c + 1)!.hyperlink;
              if (link) {
                links++;
                expect(link.documentReference).toMatch(/^(检查记录|带队检查安排表)!A\d+$/);
              }
            }),
          );
          expect(links > 0).toBe(has(apiVersion, '1.7'));
          // The summary did not colour or touch the input rows.
          expect(sim.workbook.sheetNames()).not.toContain(STATE_SHEET);
        } finally {
          sim.done();
        }
      });

      test('describeRequirements reports the host’s set', () => {
        const sim = withSim(township(), apiVersion);
        try {
          expect(describeRequirements()).toEqual({ api: 'ExcelApi ' + apiVersion, rangeAreas: v19, hyperlinks: has(apiVersion, '1.7'), suspendCalculation: has(apiVersion, '1.6') });
          expect(sim.stats.syncs).toBe(0);
        } finally {
          sim.done();
        }
      });
    });

    test('without Excel: a clear message, no exception', async () => {
      const out = await checkCompliance(opts);
      expect(out).toEqual({ ok: false, error: expect.objectContaining({ code: 'host', message: expect.stringContaining('Excel') }) });
    });

    describe.each(API_VERSIONS)('ExcelApi %s: sheets remembered from the last command', (apiVersion) => {
      // [case, what happens to the workbook between two checks, syncs of the second check, check of its result]
      const cases: Array<[string, (sim: ReturnType<typeof withSim>) => void, number]> = [
        // list + values in one sync, write (no originals: the same rows are marked)
        ['nothing changed: one sync lists and reads, one writes', () => undefined, 2],
        // one sync for the remembered sheets and the list, one for the new sheet (its formats read with
        // its values: no fills of its own, so no sync for its originals), write
        [
          'a log sheet added since: read in one more sync and checked',
          (sim) => sim.workbook.addSheetFromInit({ name: '检查记录二', values: [LOG_HEADER, [aug(12), '郭环球', '刘家村', '', '', '', ''], [aug(28), '熊丹', '童子山村', '', '', '', '']] }),
          3,
        ],
        // the combined sync is refused (ItemNotFound), then list, read, write as on a first run
        ['a sheet deleted since: the plain way, one refused sync more', (sim) => sim.workbook.sheets.splice(sim.workbook.sheets.map((s) => s.name).indexOf('备注'), 1), 4],
        // the names kept in the workbook's settings stand in for the pane's memory
        ['the workbook opened again: the names saved with it are read with the list', () => forgetSheetNames(), 2],
        [
          'opened again after a sheet was deleted elsewhere: the plain way, one refused sync more',
          (sim) => {
            forgetSheetNames();
            sim.workbook.sheets.splice(sim.workbook.sheets.map((s) => s.name).indexOf('备注'), 1);
          },
          4,
        ],
        // list, read (the same rows: no originals to read), write
        [
          'opened again without saved names: list, read, write',
          (sim) => {
            forgetSheetNames();
            sim.Office.context.document.settings.remove(SHEETS_SETTING);
          },
          3,
        ],
      ];
      test.each(cases)('%s', async (name, change, syncs) => {
        const sheets = township().concat([{ name: '备注', values: [['本表只是备注']] }]);
        const sim = withSim(sheets, apiVersion);
        try {
          const before = seen(simFormats(sim, sheets), apiVersion);
          expect((await checkCompliance(opts)).ok).toBe(true);
          change(sim);
          const from = sim.stats.syncs;
          const out = await checkCompliance(opts);
          if (!out.ok) throw new Error(out.error.message);
          expect(sim.stats.syncs - from).toBe(syncs);
          // The core's result on the workbook as it is now.
          const now = sim.workbook.sheetNames().filter((n) => !isOwnSheet(n));
          const core = checkWorkbook({ sheets: now.map((n) => ({ name: n, values: sim.workbook.valuesOf(n) as (string | number)[][] })) }, opts);
          if (!core.ok) throw new Error(core.error.message);
          expect(out.value.result.rows).toEqual(core.result.rows);
          if (name.startsWith('a log sheet added')) expect(out.value.result.sheets.map((s) => s.sheet)).toContain('检查记录二');
          expect((await clearMarks()).ok).toBe(true);
          // Every format as it was before the first check (on the sheets still there).
          const kept: Formats = {};
          for (const k of Object.keys(before)) if (now.indexOf(k.split('!')[0]) >= 0) kept[k] = before[k];
          expect(seen(simFormats(sim, sheets.filter((s) => now.indexOf(s.name) >= 0)), apiVersion)).toEqual(kept);
        } finally {
          sim.done();
        }
      });

      test.each([
        ['清除标记', false],
        ['检查合规 again, then 清除标记', true],
      ])('a marked sheet renamed since: %s restores its own formats exactly (marks follow the sheet id)', async (_name, recheck) => {
        const sim = withSim(township(), apiVersion);
        try {
          const before = seen(simFormats(sim, township()), apiVersion);
          expect((await checkCompliance(opts)).ok).toBe(true);
          sim.workbook.sheets.filter((s) => s.name === LOG)[0].name = '检查记录2019';
          if (recheck) {
            const again = await checkCompliance(opts);
            if (!again.ok) throw new Error(again.error.message);
            expect(again.value.result.sheets.map((s) => s.sheet)).toContain('检查记录2019');
          }
          const cleared = await clearMarks();
          if (!cleared.ok) throw new Error(cleared.error.message);
          // Formats as before, with the log under its new name.
          const expected: Formats = {};
          for (const k of Object.keys(before)) expected[k.indexOf(LOG + '!') === 0 ? '检查记录2019' + k.slice(LOG.length) : k] = before[k];
          const renamed = township().map((s) => (s.name === LOG ? { ...s, name: '检查记录2019' } : s));
          expect(seen(simFormats(sim, renamed), apiVersion)).toEqual(expected);
        } finally {
          sim.done();
        }
      });

      test('the names are kept in the workbook’s settings, and saved again only when they change', async () => {
        const sim = withSim(township(), apiVersion);
        const settings = sim.Office.context.document.settings;
        const saves = jest.spyOn(settings, 'saveAsync');
        try {
          expect(settings.get(SHEETS_SETTING)).toBeNull();
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(settings.get(SHEETS_SETTING)).toEqual({ names: [SCHEDULE, LOG, STATE_SHEET], chunked: false });
          const afterCheck = saves.mock.calls.length;
          expect(afterCheck).toBeGreaterThan(0);
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect((await writeMonthlySummary(opts)).ok).toBe(true);
          expect(saves.mock.calls.length).toBe(afterCheck);
          expect((await clearMarks()).ok).toBe(true);
          expect(settings.get(SHEETS_SETTING)).toEqual({ names: [SCHEDULE, LOG], chunked: false });
        } finally {
          saves.mockRestore();
          sim.done();
        }
      });

      // [case, spoil the settings, syncs of a check after the workbook is opened again]
      test.each([
        ['no document settings', (sim: ReturnType<typeof withSim>) => ((sim.Office.context as { document?: unknown }).document = undefined), 3],
        ['settings that throw', (sim: ReturnType<typeof withSim>) => jest.spyOn(sim.Office.context.document.settings, 'get').mockImplementation(() => { throw new Error('settings unavailable'); }), 3],
        // ignored by the first check, which saves good ones: the next starts from them
        ['saved names that are not a list of names', (sim: ReturnType<typeof withSim>) => sim.Office.context.document.settings.set(SHEETS_SETTING, { names: [42, ''], chunked: 'yes' }), 2],
      ])('%s: the commands work as without them', async (_name, spoil, syncs) => {
        const sim = withSim(township(), apiVersion);
        try {
          spoil(sim);
          forgetSheetNames();
          expect((await checkCompliance(opts)).ok).toBe(true);
          forgetSheetNames();
          const from = sim.stats.syncs;
          const again = await checkCompliance(opts);
          expect(again.ok).toBe(true);
          // nothing refused, nothing guessed wrong
          expect(sim.stats.syncs - from).toBe(syncs);
          expect(sim.stats.errors.filter((e) => e !== null)).toEqual([]);
        } finally {
          jest.restoreAllMocks();
          sim.done();
        }
      });

      test('清除标记 then 检查合规: the deleted state sheet is not guessed (no refused sync)', async () => {
        const sim = withSim(township(), apiVersion);
        try {
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect((await clearMarks()).ok).toBe(true);
          const from = sim.stats.syncs;
          expect((await checkCompliance(opts)).ok).toBe(true);
          expect(sim.stats.errors.slice(from).filter((e) => e !== null)).toEqual([]);
        } finally {
          sim.done();
        }
      });
    });
  });
}
