/**
 * `npm run bench` — speed, round trips and memory, each beside a baseline run in the same process.
 *   npm run bench                 full run (engine to 1,000,000 rows; files of 1,000–100,000 rows)
 *   npm run bench -- --quick      smoke run with small sizes (a minute or so)
 *   npm run bench -- --only=engine,cli,addin,memory,million   some parts only
 *   npm run bench -- --keep       keep the generated workbooks (their folder is printed)
 * Prints a table per part and writes bench/results.json (a --quick or --only run writes its
 * results to the temp folder instead, so the committed figures always come from a full run).
 * Not part of `npm test`: timings are reported for people to judge, never asserted.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchAddin } from './addin';
import type { AddinRow } from './addin';
import { benchCli } from './cli';
import type { CliRow } from './cli';
import { benchEngine } from './engine';
import type { EngineRow } from './engine';
import { CHECK, makeBenchWorkbook, writeXlsx, writeXlsxStreamed } from './generate';
import { benchMemory, benchMillion } from './memory';
import type { MemoryRow, MillionRow } from './memory';
import { fmtBytes, fmtInt, fmtMs, log, machine, now, textTable } from './util';

interface Options {
  quick: boolean;
  only: Set<string> | null;
  keep: boolean;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { quick: false, only: null, keep: false };
  for (const arg of argv) {
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--keep') opts.keep = true;
    else if (arg.startsWith('--only=')) opts.only = new Set(arg.slice(7).split(',').map((s) => s.trim()).filter(Boolean));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('npm run bench [-- --quick] [--only=engine,cli,addin,memory,million] [--keep]\n');
      process.exit(0);
    } else {
      process.stderr.write('unknown option ' + arg + '\n');
      process.exit(2);
    }
  }
  return opts;
}

const SIZES = {
  full: { engine: [1000, 10000, 100000, 1000000], files: [1000, 10000, 100000], memory: 100000 },
  quick: { engine: [1000, 10000, 100000], files: [1000, 10000], memory: 10000 },
};

async function mainBench(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const sizes = opts.quick ? SIZES.quick : SIZES.full;
  const wants = (part: string) => !opts.only || opts.only.has(part);
  const m = machine();
  const started = now();
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  log(`duty-check benchmark${opts.quick ? ' (quick)' : ''} — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}`);
  log(`check: month ${CHECK.month} as of ${CHECK.asOf}; workbook: 50 leaders, 200 key sites`);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-check-bench-'));
  const results: Record<string, unknown> = {
    machine: m,
    date: m.date,
    node: m.node,
    quick: opts.quick,
    parts: opts.only ? Array.from(opts.only) : ['engine', 'cli', 'addin', 'memory', 'million'],
    check: CHECK,
    workbook: { leaders: 50, keySites: 200, logSizes: sizes.files, engineSizes: sizes.engine },
  };
  const out: string[] = [];

  try {
    if (wants('engine')) {
      log('\n[1/5] engine: checkWorkbook on in-memory grids');
      const engine = benchEngine(sizes.engine);
      results.engine = engine;
      out.push(engineTable(engine));
    }

    const files: Array<{ rows: number; file: string }> = [];
    if (wants('cli') || wants('memory')) {
      log('\nwriting the .xlsx files with ExcelJS to ' + workDir);
      const needed = wants('cli') ? sizes.files : [sizes.memory];
      for (const rows of needed) {
        const file = path.join(workDir, 'log-' + rows + '.xlsx');
        const t0 = now();
        await writeXlsx(makeBenchWorkbook(rows), file);
        log(`  ${fmtInt(rows)} rows: ${fmtBytes(fs.statSync(file).size)} in ${fmtMs(now() - t0)}`);
        files.push({ rows, file });
      }
    }

    if (wants('cli')) {
      log('\n[2/5] command-line tool vs the old path vs ExcelJS load + save (rotating rounds)');
      const cli = await benchCli(files, workDir);
      results.cli = cli;
      out.push(cliTable(cli));
    }

    if (wants('addin')) {
      log('\n[3/5] add-in on the Excel API simulator: ours vs naive');
      const addin = await benchAddin(sizes.files);
      results.addin = addin;
      out.push(addinTable(addin));
      out.push(wireTable(addin));
    }

    if (wants('memory')) {
      log('\n[4/5] peak resident memory, fresh processes');
      const f = files.find((x) => x.rows === sizes.memory)!;
      const memory = benchMemory(f.rows, f.file, workDir);
      results.memory = memory;
      out.push(memoryTable(memory));
    }

    // A full run, or one that asks for it: a 1,000,000-row log through the real entry point.
    if ((!opts.quick && !opts.only) || (opts.only && opts.only.has('million'))) {
      log('\n[5/5] a 1,000,000-row log, fresh process');
      const file = path.join(workDir, 'log-1000000.xlsx');
      const t0 = now();
      await writeXlsxStreamed(makeBenchWorkbook(1000000), file);
      const written = (now() - t0) / 1000;
      log(`  1,000,000 rows: ${fmtBytes(fs.statSync(file).size)} written by ExcelJS's streaming writer in ${written.toFixed(1)} s`);
      const million = benchMillion(file, workDir, written);
      results.million = million;
      out.push(millionTable(million));
    }
  } finally {
    if (opts.keep) log('\nkept the generated files in ' + workDir);
    else fs.rmSync(workDir, { recursive: true, force: true });
  }

  results.totalSeconds = Math.round((now() - started) / 100) / 10;
  // Other work on the machine skews every timing: say how busy it was (1-minute load averages).
  results.loadAverage = { start: loadAtStart, end: os.loadavg().map((x) => Math.round(x * 100) / 100) };
  const header = `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}\nDate: ${m.date}\nLoad average (1, 5, 15 min) at start ${loadAtStart.join(', ')}, at end ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}\nCheck: month ${CHECK.month} as of ${CHECK.asOf}; 50 leaders, 200 key sites\n`;
  process.stdout.write('\n' + header + '\n' + out.join('\n\n') + '\n');

  const full = !opts.quick && !opts.only;
  const target = full ? path.resolve(__dirname, 'results.json') : path.join(os.tmpdir(), 'duty-check-bench-results' + (opts.quick ? '-quick' : '') + '.json');
  fs.writeFileSync(target, JSON.stringify(results, null, 2) + '\n');
  log(`\nresults written to ${path.relative(process.cwd(), target) || target} (${results.totalSeconds} s in all)`);
}

function engineTable(rows: EngineRow[]): string {
  const body = rows.map((r) => [
    fmtInt(r.logRows),
    fmtMs(r.medianMs),
    fmtInt(r.rowsPerSecond),
    r.growthVsLinear === null ? '—' : r.growthVsLinear.toFixed(2),
    fmtMs(r.steadyMedianMs),
    fmtInt(r.steadyRowsPerSecond),
    fmtInt(r.colouredRows),
    fmtInt(r.problems),
    String(r.runs),
  ]);
  const slowest = Math.min(...rows.map((r) => r.rowsPerSecond));
  return (
    'Engine (checkWorkbook, grid in memory → full result incl. summary model; median after warm-up, each run after a forced GC; then back to back)\n' +
    textTable(['log rows', 'median', 'rows/s', 'growth ÷ linear', 'back to back', 'rows/s', 'coloured rows', 'problems', 'runs'], body) +
    `\nTarget ≥ 1,000,000 rows/s: ${slowest >= 1e6 ? 'met' : 'NOT met'} (lowest ${fmtInt(slowest)} rows/s). growth ÷ linear = (t / t_prev) ÷ (rows / rows_prev); 1.00 is linear.`
  );
}

function cliTable(rows: CliRow[]): string {
  const body = rows.map((r) => [
    fmtInt(r.logRows),
    fmtBytes(r.fileBytes),
    fmtMs(r.toolMedianMs),
    fmtMs(r.legacyMedianMs),
    fmtMs(r.floorMedianMs),
    r.ratio.toFixed(2),
    r.legacyRatio.toFixed(2),
    String(r.pairs),
  ]);
  const at100k = rows.find((r) => r.logRows === 100000);
  return (
    'Command-line tool (read, check, patch, verify, write) vs the old path (ExcelJS round trip) vs ExcelJS bare load + save, rotating rounds\n' +
    textTable(['log rows', 'file', 'duty-check', 'old path', 'ExcelJS floor', 'tool ÷ floor', 'old ÷ floor', 'rounds'], body) +
    (at100k ? `\nTarget ≤ 0.5 × ExcelJS at 100,000 rows: ${at100k.ratio <= 0.5 ? 'met' : 'NOT met'} (${at100k.ratio.toFixed(2)}).` : '')
  );
}

function millionTable(r: MillionRow): string {
  return (
    'A 1,000,000-row log through the real entry point (node --import tsx src/cli/main.ts …, JSON report on)\n' +
    textTable(
      ['log rows', 'file', 'rows coloured', 'wall time', 'peak RSS'],
      [[fmtInt(r.logRows), fmtBytes(r.fileBytes), r.colouredRows === null ? '—' : fmtInt(r.colouredRows), r.toolSeconds + ' s', r.toolPeakRssMiB === null ? '—' : r.toolPeakRssMiB + ' MiB']],
    )
  );
}

function addinTable(rows: AddinRow[]): string {
  const body: string[][] = [];
  const notes: string[] = [];
  const failed = (c: { ok: boolean; error?: string }) => (c.ok ? '' : ' ✗');
  for (const r of rows) {
    for (const c of r.commands) {
      const over = c.naive.overLimit ? '*' : '';
      body.push([
        fmtInt(r.logRows),
        c.command,
        c.api,
        fmtInt(c.colourRuns),
        `${c.ours.syncs}${c.ours.overLimitSyncs ? ' (' + c.ours.overLimitSyncs + ' over 5 MB)' : ''}${failed(c.ours)} / ${fmtInt(c.naive.syncs)}${over}${failed(c.naive)}`,
        String(c.forcedSyncs),
        `${fmtInt(c.ours.commands)} / ${fmtInt(c.naive.commands)}`,
        `${fmtBytes(c.ours.requestBytes)} / ${fmtBytes(c.naive.requestBytes)}`,
        `${fmtBytes(c.ours.largestRequestBytes)} / ${fmtBytes(c.ours.largestResponseBytes)}`,
        c.ratio.syncs === null ? '—' : fmtInt(c.ratio.syncs) + '×',
        c.ratio.commands === null ? '—' : c.ratio.commands.toFixed(1) + '×',
        fmtMs(c.ours.ms) + ' / ' + fmtMs(c.naive.ms),
      ]);
      if (!c.ours.ok) notes.push(`✗ ours, ${fmtInt(r.logRows)} rows, ${c.command}, ExcelApi ${c.api}: ${c.ours.error}`);
      if (!c.naive.ok) notes.push(`✗ naive, ${fmtInt(r.logRows)} rows, ${c.command}: ${c.naive.error}`);
    }
  }
  const anyOver = rows.some((r) => r.commands.some((c) => c.naive.overLimit));
  return (
    'Add-in on the Excel API simulator, per run from a fresh workbook: ours / naive (getRange + fill + sync per row)\n' +
    textTable(
      ['log rows', 'command', 'ExcelApi', 'colour runs', 'syncs', 'forced by 5 MB', 'commands', 'request bytes', 'largest request / response (ours)', 'syncs naive÷ours', 'commands naive÷ours', 'time (sim)'],
      body,
    ) +
    '\nforced by 5 MB = ⌈responses ÷ 5 MB⌉ + ⌈requests ÷ 5 MB⌉ over the syncs of our run that fitted, each at least 1: the fewest syncs a read-then-write command can make.' +
    '\n(n over 5 MB) = syncs the simulator refused for the limit (request or response over 5 MB) before a smaller chunk fitted; counted in syncs and bytes.' +
    '\ncolour runs: 检查合规 — runs of consecutive rows with one colour; 月度汇总 — style blocks of the summary layout.' +
    '\n检查合规（再次） = a second 检查合规 right after the first on the same workbook (counted alone); the naive baseline has no memory, so its figures are its first check\'s.' +
    (anyOver ? '\n* the naive run reads every used range in one response larger than 5 MB: it fails on Excel on the web; counted here with the limit lifted.' : '') +
    (notes.length ? '\n' + notes.join('\n') : '')
  );
}

function wireTable(rows: AddinRow[]): string {
  const body: string[][] = [];
  const notes: string[] = [];
  for (const r of rows) {
    for (const c of r.commands) {
      const w = c.wire;
      if (!w) continue;
      body.push([
        fmtInt(r.logRows),
        c.command,
        c.api,
        `${c.ours.syncs} / ${w.syncs}${w.overLimitSyncs ? ' (' + w.overLimitSyncs + ' over 5 MB)' : ''}${w.ok ? '' : ' ✗'}`,
        `${fmtBytes(c.ours.requestBytes)} / ${fmtBytes(w.requestBytes)}`,
        (c.ours.requestBytes ? (w.requestBytes / c.ours.requestBytes).toFixed(2) : '—') + '×',
        fmtBytes(w.largestRequestBytes) + ' / ' + fmtBytes(w.largestResponseBytes),
        w.writeSyncs ? `${fmtBytes(w.writeEstimateBytes)} / ${fmtBytes(w.writeRealBytes)} (${(w.writeEstimateBytes / w.writeRealBytes).toFixed(2)}, ${w.writeSyncs} sync${w.writeSyncs > 1 ? 's' : ''})` : '—',
        fmtBytes(w.cleanupBytes),
      ]);
      if (!w.ok) notes.push(`✗ real client, ${fmtInt(r.logRows)} rows, ${c.command}, ExcelApi ${c.api}: ${w.error}`);
    }
  }
  if (!body.length) return '';
  return (
    "Add-in requests on the wire: ours through Microsoft's Excel client (@microsoft/office-js) and the RichApi host over the simulator\n" +
    textTable(
      ['log rows', 'command', 'ExcelApi', 'syncs sim / real', 'request bytes: simulator estimate / real JSON', 'real ÷ estimate', 'largest real request / response', 'write: budget estimate / real (÷)', 'cleanup after the run'],
      body,
    ) +
    '\nsimulator estimate = UTF-8 JSON of the commands the simulator queued (the column "request bytes" above); real JSON = the ProcessQuery bodies the client sent.' +
    '\nwrite: the adapter\'s own estimate of its write syncs (src/excel/budget.ts), which decides how a write is cut to stay under 5 MB, beside their real JSON.' +
    '\ncleanup: the request the client sends after each Excel.run to release the references it kept (not a sync).' +
    (notes.length ? '\n' + notes.join('\n') : '')
  );
}

function memoryTable(r: MemoryRow): string {
  return (
    `Peak resident memory at ${fmtInt(r.logRows)} log rows (fresh process, ${r.method === 'gnu-time' ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'})\n` +
    textTable(
      ['process', 'peak RSS'],
      [
        ['duty-check (node --import tsx src/cli/main.ts)', r.toolPeakRssMiB + ' MiB'],
        ['old path (ExcelJS round trip)', r.legacyPeakRssMiB + ' MiB'],
        ['ExcelJS bare load + save', r.floorPeakRssMiB + ' MiB'],
        ...(r.idlePeakRssMiB ? [['node + tsx + require exceljs, idle', r.idlePeakRssMiB + ' MiB']] : []),
      ],
    ) +
    `\nTarget ≤ half of ExcelJS's peak: ${r.toolPeakRssMiB <= r.floorPeakRssMiB / 2 ? 'met' : 'NOT met'} (${(r.toolPeakRssMiB / r.floorPeakRssMiB).toFixed(2)} ×).`
  );
}

mainBench().catch((error) => {
  process.stderr.write('\nbenchmark failed: ' + (error && error.stack ? error.stack : String(error)) + '\n');
  process.exitCode = 1;
});
