/**
 * Part 1 — the engine alone: `checkWorkbook` on in-memory grids (what the add-in hands it), from
 * the grid to the full result including the summary model. Warm-up runs first, then the median
 * of several runs, each after a garbage collection, and the median of as many runs back to back.
 */
import { checkWorkbook } from '../src/core';
import type { WorkbookInput } from '../src/core';
import { CHECK, makeBenchWorkbook, toWorkbookInput } from './generate';
import { collectGarbage, fmtInt, fmtMs, log, median, now } from './util';

export interface EngineRow {
  logRows: number;
  runs: number;
  medianMs: number;
  minMs: number;
  rowsPerSecond: number;
  /** time(this size) / time(previous size) ÷ (this size / previous size): 1.0 is linear. */
  growthVsLinear: number | null;
  /**
   * Median of the same number of runs back to back, without a forced collection before each: a
   * process checking many workbooks in a row (a county's townships). After a forced full
   * collection V8 starts the next run with a small young generation, which costs small sizes most.
   */
  steadyMedianMs: number;
  steadyRowsPerSecond: number;
  findings: number;
  colouredRows: number;
  problems: number;
}

function runsFor(rows: number): number {
  if (rows <= 10000) return 15;
  if (rows <= 100000) return 9;
  return 5;
}

export function benchEngine(sizes: number[]): EngineRow[] {
  const out: EngineRow[] = [];
  for (const size of sizes) {
    const input: WorkbookInput = toWorkbookInput(makeBenchWorkbook(size));
    const once = () => {
      const outcome = checkWorkbook(input, { month: CHECK.month, asOf: CHECK.asOf });
      if (!outcome.ok) throw new Error('engine refused the benchmark workbook: ' + outcome.error.message);
      return outcome.result;
    };
    // Warm-up: let V8 optimise the hot functions at this size. By time, not by count: at 1,000
    // rows two runs leave most of the engine unoptimised and the median measures the JIT.
    const result = once();
    const warmStart = now();
    for (let i = 0; i < (size >= 1000000 ? 1 : 3) || now() - warmStart < 500; i++) once();
    const times: number[] = [];
    const runs = runsFor(size);
    for (let i = 0; i < runs; i++) {
      collectGarbage();
      const t0 = now();
      once();
      times.push(now() - t0);
    }
    const steady: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = now();
      once();
      steady.push(now() - t0);
    }
    const steadyMed = median(steady);
    const med = median(times);
    const prev = out[out.length - 1];
    const row: EngineRow = {
      logRows: size,
      runs,
      medianMs: round(med),
      minMs: round(Math.min(...times)),
      rowsPerSecond: Math.round(size / (med / 1000)),
      growthVsLinear: prev ? round(med / prev.medianMs / (size / prev.logRows), 2) : null,
      steadyMedianMs: round(steadyMed),
      steadyRowsPerSecond: Math.round(size / (steadyMed / 1000)),
      findings: result.findings.length,
      colouredRows: result.rows.length,
      problems: result.problems.length,
    };
    out.push(row);
    log(`  engine ${fmtInt(size)} rows: median ${fmtMs(med)} of ${runs} → ${fmtInt(row.rowsPerSecond)} rows/s; back to back ${fmtMs(steadyMed)} → ${fmtInt(row.steadyRowsPerSecond)} rows/s`);
  }
  return out;
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
