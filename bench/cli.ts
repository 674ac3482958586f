/**
 * Part 2 — the command-line tool against the library floor and the old path. A: the tool's whole
 * run in process (`main` of src/cli/main.ts: read the package, check, patch it, check nothing was
 * lost, write the result through a temp file). L: the old path (bench/legacy-cli.ts: ExcelJS's
 * model loaded, coloured and written again). B: ExcelJS's own bare load and save of the same file.
 * Runs rotate A L B A L B … so drift (heat, other load) hits all three; each ratio is the median
 * of the rounds' ratios.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';
import { CHECK } from './generate';
import { runLegacy } from './legacy-cli';
import { collectGarbage, fmtInt, fmtMs, log, median, now } from './util';

export interface CliRow {
  logRows: number;
  fileBytes: number;
  pairs: number;
  toolMedianMs: number;
  legacyMedianMs: number;
  floorMedianMs: number;
  /** Median over the rounds of tool ÷ floor. */
  ratio: number;
  ratios: number[];
  /** Median over the rounds of the old path ÷ floor. */
  legacyRatio: number;
}

export function toolArgs(input: string, output: string): string[] {
  return [input, '--month', CHECK.month, '--as-of', CHECK.asOf, '--out', output, '--force'];
}

/** The tool's full run, in process, quiet. Throws unless it exits 0. */
export async function runTool(input: string, output: string): Promise<void> {
  let errors = '';
  const code = await main(toolArgs(input, output), {
    stdout: () => undefined,
    stderr: (t) => {
      errors += t;
    },
    isTTY: false,
    env: {},
    cwd: path.dirname(input),
    now: () => new Date(Date.UTC(2019, 11, 2, 4)),
  });
  if (code !== 0) throw new Error('duty-check exited with ' + code + ': ' + errors.trim());
}

/** The floor: what ExcelJS alone needs to load and save the same file. */
export async function runFloor(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

function pairsFor(rows: number): number {
  if (rows <= 1000) return 11;
  if (rows <= 10000) return 7;
  return 5;
}

export async function benchCli(files: Array<{ rows: number; file: string }>, workDir: string, minPairs = 5): Promise<CliRow[]> {
  const out: CliRow[] = [];
  let warmed = false;
  for (const { rows, file } of files) {
    const toolOut = path.join(workDir, 'tool-' + rows + '.xlsx');
    const legacyOut = path.join(workDir, 'legacy-' + rows + '.xlsx');
    const floorOut = path.join(workDir, 'floor-' + rows + '.xlsx');
    if (!warmed) {
      await runTool(file, toolOut);
      await runLegacy(file, legacyOut);
      await runFloor(file, floorOut);
      warmed = true;
    }
    const pairs = Math.max(minPairs, pairsFor(rows));
    const a: number[] = [];
    const l: number[] = [];
    const b: number[] = [];
    const timed = async (job: () => Promise<void>) => {
      collectGarbage();
      const t0 = now();
      await job();
      return now() - t0;
    };
    for (let i = 0; i < pairs; i++) {
      a.push(await timed(() => runTool(file, toolOut)));
      l.push(await timed(() => runLegacy(file, legacyOut)));
      b.push(await timed(() => runFloor(file, floorOut)));
      log(`  cli ${fmtInt(rows)} rows round ${i + 1}/${pairs}: tool ${fmtMs(a[i])}, old path ${fmtMs(l[i])}, floor ${fmtMs(b[i])}`);
    }
    const ratios = a.map((x, i) => Math.round((x / b[i]) * 100) / 100);
    const row: CliRow = {
      logRows: rows,
      fileBytes: fs.statSync(file).size,
      pairs,
      toolMedianMs: Math.round(median(a)),
      legacyMedianMs: Math.round(median(l)),
      floorMedianMs: Math.round(median(b)),
      ratio: Math.round(median(a.map((x, i) => x / b[i])) * 100) / 100,
      ratios,
      legacyRatio: Math.round(median(l.map((x, i) => x / b[i])) * 100) / 100,
    };
    out.push(row);
    log(`  cli ${fmtInt(rows)} rows: tool ${fmtMs(row.toolMedianMs)}, old path ${fmtMs(row.legacyMedianMs)}, floor ${fmtMs(row.floorMedianMs)}, ratio ${row.ratio} (old ${row.legacyRatio})`);
  }
  return out;
}
