/**
 * What the command-line tool makes of a workbook, for comparison with the add-in: the same grids
 * written to an .xlsx with ExcelJS (dates as dates, the clerk's fills and fonts as styles), checked
 * and patched by the command line's own pipeline (src/xlsx: read, check, patch), and the result read
 * back with ExcelJS as an independent reader.
 */
import ExcelJS from 'exceljs';
import { forgetSheetNames } from '../../src/excel';
import { checkOpenedWorkbook, readWorkbook } from '../../src/xlsx';
import { dayFromExcelSerial } from '../../src/core/day';
import type { CheckResult } from '../../src/core/types';
import { columnLetters, createSim, installGlobals, parseArea, versionAtLeast, type Sim, type SimSheetInit } from '../sim';
import { realClient, type RealClient } from '../richapi/client';
import { RichApiHost } from '../richapi/host';

export type Formats = Record<string, [string | null, string | null]>;

function colourOf(argb: string | undefined): string | null {
  if (!argb) return null;
  const c = '#' + argb.slice(-6).toUpperCase();
  return c;
}

/**
 * The CLI's result for these sheets: formats of every cell of the input sheets and the summary
 * values. Merged areas are written with `mergeCells`, so the CLI's reader sees them as the add-in's
 * host does (ExcelJS shares the top-left cell's style with the others: keep fills off them).
 */
export async function cliRun(sheets: SimSheetInit[], month: string, asOf: string, dateColumns: Record<string, number[]> = {}): Promise<{ formats: Formats; summary: unknown[][]; result: CheckResult }> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const dates = dateColumns[s.name] || [];
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'number' && dates.indexOf(c + 1) >= 0) {
          const day = dayFromExcelSerial(v, false)!;
          cell.value = new Date(day * 86400000);
          cell.numFmt = 'yyyy-mm-dd';
        } else cell.value = v;
      }),
    );
    const paint = (map: Record<string, string> | undefined, fn: (cell: ExcelJS.Cell, argb: string) => void) => {
      for (const addr in map || {}) {
        const rect = parseArea(addr)!;
        for (let r = rect.row; r <= rect.lastRow; r++) for (let c = rect.column; c <= rect.lastColumn; c++) fn(ws.getCell(r, c), 'FF' + map![addr].slice(1));
      }
    };
    paint(s.fills, (cell, argb) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } }));
    paint(s.fonts, (cell, argb) => (cell.font = { color: { argb } }));
    // The same merged areas as the simulator's sheet (values in their top-left cells only there too).
    for (const m of s.merges || []) ws.mergeCells(m);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const opened = readWorkbook(new Uint8Array(buffer), { fileName: 'test.xlsx' });
  const outcome = checkOpenedWorkbook(opened, { month, asOf });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const { layout, patched, lostParts } = outcome.value;
  if (lostParts.length) throw new Error('the patcher lost parts: ' + lostParts.map((p) => p.en).join(', '));
  const output = new ExcelJS.Workbook();
  await output.xlsx.load(Buffer.from(patched.bytes) as unknown as ArrayBuffer);
  const worksheet = output.getWorksheet(layout.sheetName)!;
  const formats: Formats = {};
  for (const s of sheets) {
    const ws = output.getWorksheet(s.name)!;
    const rows = s.values.length + 1;
    const cols = Math.max(...s.values.map((r) => r.length)) + 1;
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const cell = ws.getCell(r, c);
        const fill = cell.fill && cell.fill.type === 'pattern' && cell.fill.pattern === 'solid' ? colourOf(cell.fill.fgColor && cell.fill.fgColor.argb) : null;
        let font = cell.font && cell.font.color ? colourOf(cell.font.color.argb) : null;
        if (font === '#000000') font = null;
        if (fill || font) formats[s.name + '!' + columnLetters(c) + r] = [fill, font];
      }
    }
  }
  const summary: unknown[][] = [];
  for (let r = 1; r <= layout.values.length; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= layout.columnWidths.length; c++) {
      const cell = worksheet.getCell(r, c);
      // ExcelJS repeats a merged area's value in every cell; Excel holds it in the first only.
      const v = cell.type === ExcelJS.ValueType.Merge ? '' : cell.value;
      row.push(v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? (v as { text: string }).text : v);
    }
    summary.push(row);
  }
  return { formats, summary, result: outcome.value.result };
}

/**
 * Formats as the host path can see them: below 1.9 Office.js reads a white fill as no fill (the
 * two look the same), so on that path white counts as none on both sides of a comparison.
 */
export function asSeenBy(f: Formats, apiVersion: string): Formats {
  if (versionAtLeast(apiVersion, '1.9')) return f;
  const out: Formats = {};
  for (const k of Object.keys(f)) {
    const fill = f[k][0] === '#FFFFFF' ? null : f[k][0];
    if (fill || f[k][1]) out[k] = [fill, f[k][1]];
  }
  return out;
}

/** The formats of the input sheets in the simulator (the add-in's own sheets left out). */
export function simFormats(sim: Sim, sheets: SimSheetInit[]): Formats {
  const names = sheets.map((s) => s.name);
  return sim.workbook.formatsSnapshot((n) => names.indexOf(n) >= 0);
}

/** The summary as the add-in wrote it, cut to the layout's size. */
export function simSummary(sim: Sim, name: string, rows: number, cols: number): unknown[][] {
  const v = sim.workbook.valuesOf(name);
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < cols; c++) row.push(v[r] && v[r][c] !== undefined ? v[r][c] : '');
    out.push(row);
  }
  return out;
}

/**
 * How the adapter reaches the simulator: `sim`, the simulator's own Office.js facade; `richapi`,
 * Microsoft's real Excel client (@microsoft/office-js) talking RichApi JSON to a host over the
 * simulator (test/richapi). Every adapter suite runs in both (`X.test.ts`, `X.richapi.test.ts`).
 */
export type AdapterMode = 'sim' | 'richapi';

let mode: AdapterMode = 'sim';
let client: RealClient | null = null;

/** Sets the mode of this test file's suites (each test file is its own module registry). */
export function useMode(m: AdapterMode): void {
  mode = m;
}

export function currentMode(): AdapterMode {
  return mode;
}

/** The title a suite runs under, so a failure says which mode it was in. */
export function modeTitle(): string {
  return mode === 'sim' ? 'on the simulator' : 'through Microsoft’s Office.js client and the RichApi host';
}

/** What `withSim` gives: the simulator, with `Excel`/`Office` the ones the adapter uses. */
export type TestSim = Sim & {
  done: () => void;
  /** The RichApi host in `richapi` mode (its requests, kinds and sizes), else null. */
  richapi: RichApiHost | null;
};

/**
 * A simulator with its globals installed, as if the workbook was just opened; `done()` removes
 * them. In `richapi` mode `Excel` and `Office` (globals, and `sim.Excel` / `sim.Office` for the
 * test's own runs and settings) are Microsoft's client's, its requirement matrix at `apiVersion`,
 * answered by a RichApi host over the same simulator: the simulator's stats count the same syncs.
 */
export function withSim(sheets: SimSheetInit[], apiVersion: string, limitBytes?: number): TestSim {
  const sim = createSim({ sheets, apiVersion, limitBytes });
  // A new workbook, as if just opened: nothing remembered from the previous one.
  forgetSheetNames();
  if (mode === 'sim') return Object.assign(sim, { done: installGlobals(sim), richapi: null });
  client = client || realClient();
  const host = new RichApiHost(sim.host);
  client.connect(host, apiVersion, sim.Office.context.document.settings);
  const real = { Excel: client.Excel as unknown as Sim['Excel'], Office: client.Office as unknown as Sim['Office'] };
  const done = installGlobals({ ...sim, ...real });
  return Object.assign(sim, real, { done, richapi: host });
}

/** ExcelApi levels every adapter suite runs at: Excel 2016, Office 2019 volume licence, 1.9 (RangeAreas, getCellProperties), 1.13 (merged areas). */
export const API_VERSIONS = ['1.1', '1.7', '1.9', '1.13'];

/** Whether ExcelApi `apiVersion` has `version`. */
export function has(apiVersion: string, version: string): boolean {
  return versionAtLeast(apiVersion, version);
}
