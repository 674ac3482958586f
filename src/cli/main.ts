/**
 * `duty-check`: runs the whole check on an .xlsx workbook without Excel.
 * Reads the workbook, runs the pure core, writes a coloured copy with the summary sheet (and the
 * JSON report when asked), and prints a summary. The core never sees a file or the clock: this
 * edge reads both and passes plain data in.
 */
import * as path from 'path';
import { checkWorkbook, layoutSummary, toJsonReport } from '../core';
import { defaultAsOf, defaultMonth } from '../core/period';
import type { CheckResult, JsonReport } from '../core';
import { HELP_TEXT, parseArgs } from './args';
import { CliError, EXIT_OK, EXIT_RED, EXIT_USAGE, errorLine } from './errors';
import { checkOutputPath, commit, defaultOutputPath, discard, readInput, sameFile, stage } from './files';
import type { StagedFile } from './files';
import { censusOf, compareCensus } from './lost-parts';
import type { LostPart } from './lost-parts';
import { loadWorkbook } from './read-xlsx';
import { formatTerminalReport, useColour } from './terminal';
import { applyRowColours, defaultFontOf, renderWorkbook, restoreInternalHyperlinks, writeSummarySheet } from './write-xlsx';
import { escapeUnencodableText } from './xml-text';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The clock, read only for the default as-of date. */
  now(): Date;
  /** Whether stdout is a terminal (for colours). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** Relative paths are taken from here. */
  cwd: string;
}

/** What one run produced; handy for tests and other callers. */
export interface RunOutcome {
  exitCode: number;
  result?: CheckResult;
  lostParts?: LostPart[];
  output?: string;
  json?: string;
}

function defaultIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    now: () => new Date(),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: invocationDir(process.env, process.cwd()),
  };
}

/**
 * The folder the clerk typed the command in. `npm run duty-check -- 台账.xlsx` runs in the project
 * folder, so a relative path would be looked up there; npm keeps the clerk's folder in INIT_CWD.
 * Only trusted while we run where npm started the script (the package's folder): a program that
 * an npm script started elsewhere inherits a stale INIT_CWD.
 */
export function invocationDir(env: Record<string, string | undefined>, cwd: string): string {
  const init = env.INIT_CWD;
  const started = env.npm_lifecycle_event && env.npm_package_json ? path.dirname(env.npm_package_json) : null;
  return init && path.isAbsolute(init) && started !== null && path.resolve(started) === path.resolve(cwd) ? init : cwd;
}

/**
 * The month and as-of date to check, with a line that says which default was taken when the
 * clerk left one out: the month defaults as in the pane (core/period.ts), and a month of an
 * earlier year given without --as-of is checked as of that year's 31 December, so that meetings
 * and annual reports are those of the month's year.
 */
export function choosePeriod(month: string | undefined, asOf: string | undefined, today: string): { month: string; asOf: string; note: string } {
  if (month && asOf) return { month, asOf, note: '' };
  if (month) {
    const chosen = defaultAsOf(month, today);
    const note =
      chosen.reason === 'year-end'
        ? '未指定 --as-of：截至日期按 ' + chosen.asOf + '（' + month.slice(0, 4) + ' 年年底），会议和述职报告按 ' + month.slice(0, 4) + ' 年检查。' +
          ' (no --as-of: as of ' + chosen.asOf + ', the end of the month\'s year)'
        : '未指定 --as-of：截至日期按今天 ' + chosen.asOf + '。 (no --as-of: as of today)';
    return { month, asOf: chosen.asOf, note };
  }
  const day = asOf || today;
  const chosen = defaultMonth(day);
  const [y, m] = chosen.split('-');
  return {
    month: chosen,
    asOf: day,
    note:
      '未指定 --month：检查 ' + y + ' 年 ' + Number(m) + ' 月' + (asOf ? '' : '，截至今天 ' + day) +
      '（月初先查上个月，本月 25 日截止再过 5 天后才默认本月）。 (no --month: ' + chosen + ')',
  };
}

/** The local calendar day of an instant, as `YYYY-MM-DD` (the clerk's "today"). */
export function localIsoDay(now: Date): string {
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  return now.getFullYear() + '-' + p(now.getMonth() + 1) + '-' + p(now.getDate());
}

/** Runs the command and returns its exit code. Never throws. */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  return (await run(argv, io)).exitCode;
}

export async function run(argv: string[], ioOverrides: Partial<CliIo> = {}): Promise<RunOutcome> {
  const io: CliIo = { ...defaultIo(), ...ioOverrides };
  try {
    return await runChecked(argv, io);
  } catch (error) {
    io.stderr(errorLine(error) + '\n');
    return { exitCode: EXIT_USAGE };
  }
}

async function runChecked(argv: string[], io: CliIo): Promise<RunOutcome> {
  const args = parseArgs(argv);
  if (args.help) {
    io.stdout(HELP_TEXT + '\n');
    return { exitCode: EXIT_OK };
  }
  const resolve = (p: string) => path.resolve(io.cwd, p);
  const shown = (p: string) => {
    const rel = path.relative(io.cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
  };

  const inputPath = resolve(args.input);
  const outputPath = args.out ? resolve(args.out) : defaultOutputPath(inputPath);
  const jsonPath = args.json ? resolve(args.json) : null;

  // Every refusal comes before anything is written.
  const bytes = readInput(inputPath);
  checkOutputPath(outputPath, inputPath, args.force, { zh: '结果文件', en: 'output' });
  if (jsonPath) {
    checkOutputPath(jsonPath, inputPath, args.force, { zh: 'JSON 文件', en: 'JSON report' });
    if (sameFile(jsonPath, outputPath)) {
      throw new CliError('JSON 文件和结果工作簿不能是同一个文件。', 'The JSON report and the output workbook must be different files.');
    }
  }

  const period = choosePeriod(args.month, args.asOf, localIsoDay(io.now()));
  const { asOf } = period;
  const loaded = await loadWorkbook(bytes, path.basename(inputPath));

  const outcome = checkWorkbook(loaded.input, { asOf, month: period.month });
  if (!outcome.ok) throw new CliError(outcome.error.message, '');
  const result = outcome.result;

  // The result workbook: the input as loaded, row colours, the summary sheet.
  const workbook = loaded.workbook;
  await restoreInternalHyperlinks(workbook, loaded.zip);
  const font = await defaultFontOf(loaded.zip);
  applyRowColours(workbook, result.rows, font);
  const layout = layoutSummary(result.summary);
  const { replaced } = writeSummarySheet(workbook, layout, font);
  escapeUnencodableText(workbook, loaded.input, layout.sheetName);
  const rendered = await renderWorkbook(workbook, { zip: loaded.zip, ownSheets: [layout.sheetName] });

  const replacedSheets = loaded.input.sheets.map((s) => s.name).filter((n) => n.toLocaleUpperCase() === layout.sheetName.toLocaleUpperCase());
  const lostParts = compareCensus(await censusOf(loaded.zip), await censusOf(rendered.zip), replacedSheets);

  const staged: StagedFile[] = [];
  try {
    staged.push(stage(outputPath, rendered.buffer));
    if (jsonPath) {
      const report: JsonReport = {
        ...toJsonReport(result),
        input: shown(inputPath),
        output: shown(outputPath),
        summarySheet: layout.sheetName,
        lostParts: lostParts.map((p) => ({ ...p })),
      };
      staged.push(stage(jsonPath, JSON.stringify(report, null, 2) + '\n'));
    }
    commit(staged);
  } catch (error) {
    staged.forEach(discard);
    throw error;
  }

  if (period.note) io.stdout(period.note + '\n');
  io.stdout(
    formatTerminalReport({
      result,
      input: shown(inputPath),
      output: shown(outputPath),
      json: jsonPath ? shown(jsonPath) : null,
      summaryReplaced: replaced,
      lostParts,
      colour: useColour({ isTTY: io.isTTY, env: io.env }),
    }),
  );

  const red = result.rows.some((r) => r.colour === 'red');
  return { exitCode: args.failOnRed && red ? EXIT_RED : EXIT_OK, result, lostParts, output: outputPath, json: jsonPath || undefined };
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(errorLine(error) + '\n');
      process.exitCode = EXIT_USAGE;
    },
  );
}
