/**
 * The Excel simulator as a stand-in for office.js in the browser test. Bundle it (one IIFE
 * script, see test/sim/build-browser.ts or test/browser/sim-bundle.ts) and serve it at the URL the
 * task pane loads office.js from. On load it defines:
 *
 * - `window.Office`: `onReady(cb?)` → Promise<{ host: 'Excel', platform: 'OfficeOnline' }> (also
 *   calls `cb`); `context.requirements.isSetSupported('ExcelApi', v)` (true up to the loaded
 *   apiVersion); `context.document.settings` (get/set/remove/saveAsync, in memory);
 *   `actions.associate(name, fn)`; `HostType.Excel`.
 * - `window.Excel`: `run(batch)`, backed by the simulated workbook (same proxy semantics as in
 *   Node: unloaded properties throw, 5 MB limit, requirement-set gating).
 * - `window.__sim`, for the test:
 *     load(init: { sheets: SimSheetInit[]; apiVersion?: string; limitBytes?: number }): void
 *         replaces the workbook (and the requirement set, default '1.9'); resets stats.
 *         SimSheetInit = { name, values: (string|number|boolean)[][], fills?: { 'A1' | 'A1:D4': '#RRGGBB' },
 *                          fonts?: { same }, protected?: boolean, visibility?: 'Visible'|'Hidden'|'VeryHidden',
 *                          firstRow?: number, firstColumn?: number,
 *                          merges?: string[] ('B3:B5': merged areas, value in the top-left cell only) }
 *         apiVersion '1.13' or above gives Range.getMergedAreasOrNullObject (versions compare as numbers).
 *     fillAt(sheet, row, col): string | null          '#RRGGBB' or null (no fill); 1-based row/col
 *     fontColourAt(sheet, row, col): string | null    '#RRGGBB' or null (automatic or black)
 *     valuesOf(sheet): (string|number|boolean)[][]    values from A1 to the last used cell
 *     rowHeights(sheet): { [row]: points }             heights set through format.rowHeight (1-based rows)
 *     pageSetup(sheet): { showGridlines, orientation?, paperSize?, zoom?, firstPageNumber?, centerFooter? }
 *     sheetNames(): string[]                           every sheet in tab order, hidden ones included
 *     selection(): { sheet: string; address: string } | null   address like 'A5:G5'
 *     stats(): { syncs, commands, requestBytes: number[], responseBytes: number[], commandsPerSync: number[], errors: (string|null)[], runs, members }
 *     setBusy(busy: boolean): void                     cell-edit mode: every sync fails
 *     failSync(n: number, afterCommands: number): void the n-th sync from now fails after k commands
 * - The workbook at load is empty (no sheets) unless `window.__simInit` (same shape as `load`'s
 *   argument) was set before the script ran (e.g. with page.addInitScript).
 */
import { makeGlobals, SimHost, SimWorkbook, type SimSheetInit } from './sim';

interface SimInit {
  sheets: SimSheetInit[];
  apiVersion?: string;
  limitBytes?: number;
}

const w = window as unknown as Record<string, unknown> & { __simInit?: SimInit };
const initial: SimInit = w.__simInit && Array.isArray(w.__simInit.sheets) ? w.__simInit : { sheets: [] };
const host = new SimHost({ sheets: initial.sheets, apiVersion: initial.apiVersion, limitBytes: initial.limitBytes });
const globals = makeGlobals(host);

function resetStats(): void {
  const s = host.stats;
  s.syncs = 0;
  s.commands = 0;
  s.runs = 0;
  s.requestBytes.length = 0;
  s.responseBytes.length = 0;
  s.commandsPerSync.length = 0;
  s.errors.length = 0;
  for (const k of Object.keys(s.members)) delete s.members[k];
}

w.Office = globals.Office;
w.Excel = globals.Excel;
w.__sim = {
  load(init: SimInit): void {
    host.workbook = new SimWorkbook(init.sheets || []);
    host.apiVersion = init.apiVersion || '1.9';
    if (init.limitBytes) host.limitBytes = init.limitBytes;
    resetStats();
  },
  fillAt: (sheet: string, row: number, col: number) => host.workbook.fillAt(sheet, row, col),
  fontColourAt: (sheet: string, row: number, col: number) => host.workbook.fontColourAt(sheet, row, col),
  valuesOf: (sheet: string) => host.workbook.valuesOf(sheet),
  rowHeights: (sheet: string) => host.workbook.rowHeights(sheet),
  pageSetup: (sheet: string) => host.workbook.pageSetup(sheet),
  sheetNames: () => host.workbook.sheetNames(),
  selection: () => host.workbook.selection(),
  stats: () => JSON.parse(JSON.stringify(host.stats)),
  setBusy: (busy: boolean) => {
    host.busy = busy;
  },
  failSync: (n: number, afterCommands: number) => host.failSync(n, afterCommands),
};
