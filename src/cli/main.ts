/**
 * `duty-check`: runs the whole check on an .xlsx workbook without Excel.
 * Reads the workbook (src/xlsx: the package checked, the cells streamed into grids), runs the pure
 * core, patches a copy of the package (row colours, the summary sheet with its chart; every other
 * part copied as it is), checks that nothing of the input was lost, writes it (and the JSON report
 * when asked), and prints a summary. The core never sees a file or the clock: this edge reads both
 * and passes plain data in.
 */
import * as path from 'path';
import { toJsonReport } from '../core';
import { defaultAsOf, defaultMonth } from '../core/period';
import type { CheckResult, JsonReport } from '../core';
import { HELP_TEXT, parseArgs } from './args';
import { CliError, EXIT_OK, EXIT_RED, EXIT_USAGE, errorLine } from './errors';
import { checkOutputPath, commit, defaultOutputPath, discard, readInput, sameFile, stage } from './files';
import type { StagedFile } from './files';
import { formatTerminalReport, useColour } from './terminal';
import { checkOpenedWorkbook, lostPartsMessage, readWorkbook, XlsxRefusal } from '../xlsx';
import type { LostPart, OpenedWorkbook } from '../xlsx';
import { zlibCodec } from './zlib-codec';

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
  const jsonPath = args.json ? resolve(args.json) : null;

  // Every refusal comes before anything is written.
  const bytes = readInput(inputPath);
  const opened = open(bytes, path.basename(inputPath));
  const outputPath = args.out ? resolve(args.out) : defaultOutputPath(inputPath, opened.extension);
  checkOutputPath(outputPath, inputPath, args.force, { zh: '结果文件', en: 'output' });
  checkExtension(outputPath, opened.extension);
  if (jsonPath) {
    checkOutputPath(jsonPath, inputPath, args.force, { zh: 'JSON 文件', en: 'JSON report' });
    if (sameFile(jsonPath, outputPath)) {
      throw new CliError('JSON 文件和结果工作簿不能是同一个文件。', 'The JSON report and the output workbook must be different files.');
    }
  }

  const period = choosePeriod(args.month, args.asOf, localIsoDay(io.now()));
  const { asOf } = period;
  const outcome = checkOpenedWorkbook(opened, { asOf, month: period.month });
  if (!outcome.ok) throw new CliError(outcome.error.message, '');
  const { result, layout, patched, lostParts } = outcome.value;
  if (lostParts.length > 0) {
    // A bug, never the clerk's doing: nothing is written rather than a result that lacks something.
    const message = lostPartsMessage(lostParts);
    throw new CliError(message.zh, message.en);
  }
  const output = Buffer.from(patched.bytes.buffer, patched.bytes.byteOffset, patched.bytes.byteLength);

  const staged: StagedFile[] = [];
  try {
    staged.push(stage(outputPath, output));
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
      summaryReplaced: patched.summaryReplaced,
      memoryIgnored: patched.memoryIgnored,
      lostParts,
      colour: useColour({ isTTY: io.isTTY, env: io.env }),
    }),
  );

  const red = result.rows.some((r) => r.colour === 'red');
  return { exitCode: args.failOnRed && red ? EXIT_RED : EXIT_OK, result, lostParts, output: outputPath, json: jsonPath || undefined };
}

/** Reads the package; its refusals become the command line's one-line errors. */
function open(bytes: Buffer, name: string): OpenedWorkbook {
  try {
    return readWorkbook(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: name, codec: zlibCodec });
  } catch (error) {
    if (error instanceof XlsxRefusal) throw new CliError(error.zh, error.en);
    throw error;
  }
}

/** Excel opens a package only under the extension of its type (a macro workbook as .xlsm). */
function checkExtension(output: string, extension: string): void {
  const given = path.extname(output).toLowerCase();
  if (given === extension) return;
  const kinds: Record<string, string> = { '.xlsx': '普通工作簿', '.xlsm': '启用宏的工作簿', '.xltx': '模板', '.xltm': '启用宏的模板' };
  throw new CliError(
    '原文件是' + (kinds[extension] || '工作簿') + '，结果文件也必须以 ' + extension + ' 结尾（Excel 不会打开扩展名与内容不符的文件），请改用“' + path.basename(output, path.extname(output)) + extension + '”。',
    'The output must end in ' + extension + ' like the input (Excel refuses a file whose extension does not match its content).',
  );
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
