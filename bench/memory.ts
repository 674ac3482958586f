/**
 * Part 4 — peak resident memory of the command-line tool on one file, in a fresh process.
 * With GNU time (/usr/bin/time -v) the real entry point is measured as a clerk runs it
 * (`node --import tsx src/cli/main.ts …`, one process, no tsx wrapper); without it, a small child
 * runs the same main and reports `process.resourceUsage().maxRSS`. ExcelJS's bare load and save
 * of the same file is measured the same way, for scale.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { toolArgs } from './cli';
import { fmtInt, log } from './util';

const ROOT = path.resolve(__dirname, '..');
const GNU_TIME = '/usr/bin/time';

export interface MemoryRow {
  logRows: number;
  /** How it was measured. */
  method: 'gnu-time' | 'resourceUsage';
  toolPeakRssMiB: number;
  legacyPeakRssMiB: number;
  floorPeakRssMiB: number;
  /** A node process with tsx loaded doing nothing, for scale. */
  idlePeakRssMiB: number;
}

function hasGnuTime(): boolean {
  if (!fs.existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
}

function runMeasured(args: string[], gnu: boolean): number {
  const node = process.execPath;
  const result = gnu
    ? spawnSync(GNU_TIME, ['-v', node, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(node, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error('child failed (' + result.status + '): ' + (result.stderr || '').slice(-2000));
  }
  if (gnu) {
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(result.stderr);
    if (!m) throw new Error('no peak RSS in GNU time output');
    return +m[1];
  }
  const lines = result.stderr.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]).maxRssKiB;
}

export function benchMemory(rows: number, input: string, workDir: string): MemoryRow {
  const gnu = hasGnuTime();
  const output = path.join(workDir, 'memory-tool-' + rows + '.xlsx');
  const floorOutput = path.join(workDir, 'memory-floor-' + rows + '.xlsx');
  const child = path.join(ROOT, 'bench', 'rss-child.ts');
  const tool = gnu
    ? runMeasured(['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), ...toolArgs(input, output)], true)
    : runMeasured(['--import', 'tsx', child, 'tool', input, output], false);
  const floor = runMeasured(['--import', 'tsx', child, 'floor', input, floorOutput], gnu);
  const legacy = runMeasured(['--import', 'tsx', child, 'legacy', input, path.join(workDir, 'memory-legacy-' + rows + '.xlsx')], gnu);
  const idle = gnu ? runMeasured(['--import', 'tsx', '-e', 'require("exceljs")'], true) : 0;
  const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
  const row: MemoryRow = {
    logRows: rows,
    method: gnu ? 'gnu-time' : 'resourceUsage',
    toolPeakRssMiB: mib(tool),
    legacyPeakRssMiB: mib(legacy),
    floorPeakRssMiB: mib(floor),
    idlePeakRssMiB: mib(idle),
  };
  log(`  memory ${fmtInt(rows)} rows: tool ${row.toolPeakRssMiB} MiB, old path ${row.legacyPeakRssMiB} MiB, floor ${row.floorPeakRssMiB} MiB (${row.method})`);
  return row;
}

export interface MillionRow {
  logRows: number;
  fileBytes: number;
  writeSeconds: number;
  toolSeconds: number;
  toolPeakRssMiB: number | null;
  colouredRows: number | null;
}

/**
 * Part 5 — a 1,000,000-row log (near Excel's row limit of 1,048,576) checked by the real entry
 * point in a fresh process, with its wall time and peak memory. The old path and ExcelJS are
 * not run at this size (ExcelJS alone needs several GiB and minutes for it).
 */
export function benchMillion(input: string, workDir: string, writeSeconds: number): MillionRow {
  const gnu = hasGnuTime();
  const output = path.join(workDir, 'million-out.xlsx');
  const json = path.join(workDir, 'million-out.json');
  const args = ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), ...toolArgs(input, output), '--json', json];
  const t0 = Date.now();
  const result = gnu
    ? spawnSync(GNU_TIME, ['-v', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (Date.now() - t0) / 1000;
  if (result.status !== 0) throw new Error('1,000,000-row run failed (' + result.status + '): ' + (result.stderr || '').slice(-2000));
  const m = gnu ? /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(result.stderr) : null;
  const report = JSON.parse(fs.readFileSync(json, 'utf8'));
  const row: MillionRow = {
    logRows: 1000000,
    fileBytes: fs.statSync(input).size,
    writeSeconds: Math.round(writeSeconds * 10) / 10,
    toolSeconds: Math.round(seconds * 10) / 10,
    toolPeakRssMiB: m ? Math.round((+m[1] / 1024) * 10) / 10 : null,
    colouredRows: Array.isArray(report.rows) ? report.rows.length : null,
  };
  log(`  1,000,000 rows: ${row.toolSeconds} s, peak ${row.toolPeakRssMiB} MiB, ${fmtInt(row.colouredRows || 0)} rows coloured`);
  return row;
}
