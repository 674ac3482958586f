/**
 * Part 3 — the add-in on the Excel API simulator (test/sim): round trips, commands queued and
 * request/response bytes per run, for our adapter (src/excel) and for the naive baseline
 * (bench/naive-addin.ts: a getRange, a fill and a sync per row). Each run starts from a fresh
 * simulated workbook, as a clerk's first click does. Ours runs at two API levels: ExcelApi 1.9
 * (Excel on the web and Microsoft 365: RangeAreas, getCellProperties) and 1.1 (Excel 2016
 * volume-licensed); the naive baseline uses only 1.1 calls, so it is run once per size.
 *
 * The simulator enforces Excel on the web's 5 MB limit per request and per response. When the
 * naive baseline's single read of every used range is larger than that, it would fail on the web;
 * it is then counted again with the limit lifted, and marked so.
 *
 * Ours runs a second time through Microsoft's real Excel client (@microsoft/office-js) and the
 * RichApi host over the simulator (test/richapi): the real request JSON beside the simulator's
 * estimate, and for every write sync the adapter's own budget estimate beside what was sent.
 */
import { checkCompliance, forgetSheetNames, writeMonthlySummary } from '../src/excel';
import { layoutSummary } from '../src/core';
import type { CheckResult, RowColour } from '../src/core';
import { sentEstimates } from '../src/excel/budget';
import { createSim, installGlobals } from '../test/sim';
import type { Sim, SimSheetInit } from '../test/sim';
import { realClient, type RealClient } from '../test/richapi/client';
import { RichApiHost } from '../test/richapi/host';
import { CHECK, makeBenchWorkbook, toWorkbookInput } from './generate';
import { naiveCheckCompliance, naiveWriteMonthlySummary } from './naive-addin';
import { fmtBytes, fmtInt, fmtMs, log, now } from './util';

/** Excel on the web's limit on one request and one response. */
export const LIMIT_BYTES = 5 * 1024 * 1024;

export interface AddinCounts {
  syncs: number;
  commands: number;
  /** Sum over the syncs. */
  requestBytes: number;
  largestRequestBytes: number;
  responseBytes: number;
  largestResponseBytes: number;
  /**
   * Syncs refused for the 5 MB limit (request or response over it): round trips spent finding a
   * size that fits. Their bytes are in the sums above but not in the forced minimum.
   */
  overLimitSyncs: number;
  /** Wall time in the simulator (Node), not a prediction of Excel's. */
  ms: number;
  ok: boolean;
  error?: string;
  /** Set when the run only completed with the 5 MB limit lifted (it would fail on the web). */
  overLimit?: boolean;
}

/** 检查合规（再次）: a second 检查合规 on the workbook the first one marked (the clerk's usual re-check). */
export type AddinCommandName = '检查合规' | '检查合规（再次）' | '月度汇总';

/** Ours through Microsoft's client and the RichApi host: the requests as they went on the wire. */
export interface WireCounts {
  syncs: number;
  /** Real request JSON, summed over the syncs, and the largest. */
  requestBytes: number;
  largestRequestBytes: number;
  responseBytes: number;
  largestResponseBytes: number;
  /** Syncs refused for the 5 MB limit on the real JSON. */
  overLimitSyncs: number;
  /** The adapter's estimates of its write syncs (src/excel/budget.ts), summed, and the real JSON of those syncs. */
  writeEstimateBytes: number;
  writeRealBytes: number;
  writeSyncs: number;
  /** The client's requests after the run that release references (not syncs). */
  cleanupBytes: number;
  ok: boolean;
  error?: string;
}

export interface AddinCommandRow {
  command: AddinCommandName;
  /** ExcelApi level of the simulated host for our adapter. */
  api: string;
  /**
   * 检查合规: runs of consecutive rows with the same colour and width (what a fill command can
   * cover at once). 月度汇总: style blocks of the summary layout.
   */
  colourRuns: number;
  colouredRows: number;
  /**
   * Syncs the 5 MB limit forces at the least, from our run's syncs that fitted: ⌈responses ÷ 5 MB⌉
   * + ⌈requests ÷ 5 MB⌉, each at least 1 (a read, then a write).
   */
  forcedSyncs: number;
  ours: AddinCounts;
  /** Ours through the real client; absent when that part was not run. */
  wire?: WireCounts;
  naive: AddinCounts;
  ratio: { syncs: number | null; commands: number | null; requestBytes: number | null };
}

export interface AddinRow {
  logRows: number;
  commands: AddinCommandRow[];
}

/** The simulated workbook: the same grids the engine part checks, padded to rectangles. */
function simSheets(rows: number): SimSheetInit[] {
  const input = toWorkbookInput(makeBenchWorkbook(rows));
  return input.sheets.map((s) => {
    const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
    const values = s.values.map((r) => {
      const out: Array<string | number | boolean> = [];
      for (let c = 0; c < width; c++) {
        const v = r[c];
        out.push(v === null || v === undefined ? '' : v instanceof Date ? v.getTime() : v);
      }
      return out;
    });
    return { name: s.name, values };
  });
}

/** Rows with the same colour on consecutive rows of a sheet, over the same columns, are one run. */
export function colourRuns(rows: ReadonlyArray<RowColour>): number {
  let runs = 0;
  let prev: RowColour | null = null;
  for (const r of rows) {
    const continues =
      prev !== null &&
      prev.sheet === r.sheet &&
      prev.row + 1 === r.row &&
      prev.colour === r.colour &&
      prev.firstColumn === r.firstColumn &&
      prev.lastColumn === r.lastColumn;
    if (!continues) runs++;
    prev = r;
  }
  return runs;
}

function counts(sim: Sim, ms: number, ok: boolean, error?: string, from = { syncs: 0, commands: 0 }): AddinCounts {
  const all = sim.stats;
  // Only the syncs from `from` on (a re-run after an untimed first run).
  const s = {
    syncs: all.syncs - from.syncs,
    commands: all.commands - from.commands,
    requestBytes: all.requestBytes.slice(from.syncs),
    responseBytes: all.responseBytes.slice(from.syncs),
  };
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  let overLimitSyncs = 0;
  let fitRequest = 0;
  let fitResponse = 0;
  for (let i = 0; i < s.requestBytes.length; i++) {
    if (s.requestBytes[i] > sim.host.limitBytes || (s.responseBytes[i] || 0) > sim.host.limitBytes) overLimitSyncs++;
    else {
      fitRequest += s.requestBytes[i];
      fitResponse += s.responseBytes[i] || 0;
    }
  }
  fitted.set(sim, { request: fitRequest, response: fitResponse });
  const out: AddinCounts = {
    syncs: s.syncs,
    commands: s.commands,
    requestBytes: sum(s.requestBytes),
    largestRequestBytes: max(s.requestBytes),
    responseBytes: sum(s.responseBytes),
    largestResponseBytes: max(s.responseBytes),
    overLimitSyncs,
    ms: Math.round(ms * 10) / 10,
    ok,
  };
  if (error) out.error = error;
  return out;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

type Outcome = { ok: true; value: { result: CheckResult } } | { ok: false; error: { code: string; message: string; detail?: string } };

/** Our adapter, with the simulator as the global Excel/Office. */
async function runOurs(sheets: SimSheetInit[], api: string, command: AddinCommandName): Promise<{ counts: AddinCounts; result: CheckResult | null; forced: number }> {
  const sim = createSim({ sheets, apiVersion: api });
  // A workbook just opened: nothing remembered from the previous run.
  forgetSheetNames();
  const uninstall = installGlobals(sim);
  try {
    const from = { syncs: 0, commands: 0 };
    if (command === '检查合规（再次）') {
      const first = (await checkCompliance(CHECK)) as Outcome;
      if (!first.ok) throw new Error('first 检查合规 failed: ' + first.error.message);
      from.syncs = sim.stats.syncs;
      from.commands = sim.stats.commands;
    }
    const t0 = now();
    const outcome = (command === '月度汇总' ? await writeMonthlySummary(CHECK) : await checkCompliance(CHECK)) as Outcome;
    const ms = now() - t0;
    if (!outcome.ok) {
      const e = outcome.error;
      const failed = counts(sim, ms, false, e.code + ': ' + e.message + (e.detail ? ' (' + e.detail + ')' : ''), from);
      return { counts: failed, result: null, forced: forcedSyncs(sim) };
    }
    return { counts: counts(sim, ms, true, undefined, from), result: outcome.value.result, forced: forcedSyncs(sim) };
  } finally {
    uninstall();
  }
}

let client: RealClient | null = null;

/** Ours through Microsoft's Excel client and the RichApi host: the real requests. */
async function runOursOnTheWire(sheets: SimSheetInit[], api: string, command: AddinCommandName): Promise<WireCounts> {
  const sim = createSim({ sheets, apiVersion: api });
  const host = new RichApiHost(sim.host);
  client = client || realClient();
  client.connect(host, api, sim.Office.context.document.settings);
  forgetSheetNames();
  const uninstall = installGlobals({ ...sim, Excel: client.Excel as unknown as Sim['Excel'], Office: client.Office as unknown as Sim['Office'] });
  try {
    let from = 0;
    let fromRequests = 0;
    if (command === '检查合规（再次）') {
      const first = (await checkCompliance(CHECK)) as Outcome;
      if (!first.ok) throw new Error('first 检查合规 failed: ' + first.error.message);
      from = sim.stats.syncs;
      fromRequests = host.requests.length;
    }
    sentEstimates.length = 0;
    const outcome = (command === '月度汇总' ? await writeMonthlySummary(CHECK) : await checkCompliance(CHECK)) as Outcome;
    // The client releases its references after the run, without waiting: let that request arrive.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const requests = sim.stats.requestBytes.slice(from);
    const responses = sim.stats.responseBytes.slice(from);
    const writes = requests.slice(requests.length - sentEstimates.length);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
    const out: WireCounts = {
      syncs: sim.stats.syncs - from,
      requestBytes: sum(requests),
      largestRequestBytes: max(requests),
      responseBytes: sum(responses),
      largestResponseBytes: max(responses),
      overLimitSyncs: sim.stats.errors.slice(from).filter((e) => e !== null && /PayloadSizeLimitExceeded/.test(e)).length,
      writeEstimateBytes: sum(sentEstimates),
      writeRealBytes: sum(writes),
      writeSyncs: sentEstimates.length,
      cleanupBytes: sum(host.requests.slice(fromRequests).filter((r) => r.kind === 'cleanup').map((r) => r.requestBytes)),
      ok: outcome.ok,
    };
    if (!outcome.ok) out.error = outcome.error.code + ': ' + outcome.error.message;
    return out;
  } finally {
    uninstall();
  }
}

/** The naive baseline; retried with the limit lifted when the web's 5 MB limit stops it. */
async function runNaive(sheets: SimSheetInit[], command: AddinCommandName): Promise<AddinCounts> {
  for (const limitBytes of [LIMIT_BYTES, Number.MAX_SAFE_INTEGER]) {
    const sim = createSim({ sheets, apiVersion: '1.1', limitBytes });
    const t0 = now();
    try {
      if (command !== '月度汇总') await naiveCheckCompliance(sim.Excel as unknown as typeof Excel, CHECK);
      else await naiveWriteMonthlySummary(sim.Excel as unknown as typeof Excel, CHECK);
      const c = counts(sim, now() - t0, true);
      if (limitBytes !== LIMIT_BYTES) c.overLimit = true;
      return c;
    } catch (e) {
      const text = message(e);
      if (limitBytes === LIMIT_BYTES && /PayloadSizeLimitExceeded|payload size/i.test(text)) continue;
      return counts(sim, now() - t0, false, text);
    }
  }
  throw new Error('unreachable');
}

/** Bytes of the syncs that fitted the limit, per simulator (for the forced minimum). */
const fitted = new WeakMap<Sim, { request: number; response: number }>();

/** ⌈responses ÷ 5 MB⌉ + ⌈requests ÷ 5 MB⌉ over the syncs that fitted, each at least 1. */
function forcedSyncs(sim: Sim): number {
  const f = fitted.get(sim) || { request: 0, response: 0 };
  return Math.max(1, Math.ceil(f.response / LIMIT_BYTES)) + Math.max(1, Math.ceil(f.request / LIMIT_BYTES));
}

function ratio(naive: number, ours: number, okBoth: boolean): number | null {
  if (!okBoth || ours <= 0) return null;
  return Math.round((naive / ours) * 10) / 10;
}

export async function benchAddin(sizes: number[], apis: string[] = ['1.9', '1.1'], wire = true): Promise<AddinRow[]> {
  const out: AddinRow[] = [];
  for (const size of sizes) {
    const sheets = simSheets(size);
    const row: AddinRow = { logRows: size, commands: [] };
    let naiveCheck: AddinCounts | null = null;
    for (const command of ['检查合规', '检查合规（再次）', '月度汇总'] as AddinCommandName[]) {
      // The naive baseline remembers nothing: its re-check is its first check again.
      const naive: AddinCounts = command === '检查合规（再次）' && naiveCheck ? naiveCheck : await runNaive(sheets, command);
      if (command === '检查合规') naiveCheck = naive;
      for (const api of apis) {
        const ours = await runOurs(sheets, api, command);
        const onTheWire = wire ? await runOursOnTheWire(sheets, api, command) : undefined;
        const result = ours.result;
        const runs = result ? (command === '月度汇总' ? layoutSummary(result.summary).styles.length : colourRuns(result.rows)) : 0;
        const okBoth = ours.counts.ok && naive.ok;
        const entry: AddinCommandRow = {
          command,
          api,
          colourRuns: runs,
          colouredRows: result ? result.rows.length : 0,
          forcedSyncs: ours.forced,
          ours: ours.counts,
          wire: onTheWire,
          naive,
          ratio: {
            syncs: ratio(naive.syncs, ours.counts.syncs, okBoth),
            commands: ratio(naive.commands, ours.counts.commands, okBoth),
            requestBytes: ratio(naive.requestBytes, ours.counts.requestBytes, okBoth),
          },
        };
        row.commands.push(entry);
        log(
          `  add-in ${fmtInt(size)} rows ${command} (ExcelApi ${api}): ours ${ours.counts.ok ? '' : 'FAILED (' + ours.counts.error + ') '}` +
            `${ours.counts.syncs} syncs, ${fmtInt(ours.counts.commands)} commands, ${fmtBytes(ours.counts.requestBytes)} in ${fmtMs(ours.counts.ms)}; ` +
            `naive ${naive.ok ? '' : 'FAILED (' + naive.error + ') '}${fmtInt(naive.syncs)} syncs, ${fmtInt(naive.commands)} commands` +
            (naive.overLimit ? ' (over the 5 MB limit)' : '') +
            (onTheWire ? `; real client ${onTheWire.ok ? '' : 'FAILED (' + onTheWire.error + ') '}${onTheWire.syncs} syncs, ${fmtBytes(onTheWire.requestBytes)} on the wire` : ''),
        );
      }
    }
    out.push(row);
  }
  return out;
}
