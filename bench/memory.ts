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
  const idle = gnu ? runMeasured(['--import', 'tsx', '-e', 'require("exceljs")'], true) : 0;
  const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
  const row: MemoryRow = {
    logRows: rows,
    method: gnu ? 'gnu-time' : 'resourceUsage',
    toolPeakRssMiB: mib(tool),
    floorPeakRssMiB: mib(floor),
    idlePeakRssMiB: mib(idle),
  };
  log(`  memory ${fmtInt(rows)} rows: tool ${row.toolPeakRssMiB} MiB, floor ${row.floorPeakRssMiB} MiB (${row.method})`);
  return row;
}
