/**
 * Every workbook of the bad-input corpus through the core (the grid Excel hands the add-in) and
 * through `duty-check` in process (the .xlsx file). Each gives the listed problems (sheet, row,
 * column, code) or a clear one-line error with nothing written, never a crash; a run that
 * succeeds changes no value, formula, merge, width or visibility of the input and writes no
 * formula of its own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../../src/core';
import type { CheckResult, Problem } from '../../src/core/types';
import { run } from '../../src/cli/main';
import { parts, sheetXmls } from '../xlsx/helpers/package';
import { readBack, snapshotWorkbook } from '../cli/helpers/snapshot';
import { AS_OF, CORPUS, HOSTILE, MONTH, buildCase, gridOf } from './corpus';
import type { CorpusCase, ExpectedProblem } from './corpus';

const SUMMARY = '履职汇总 ' + MONTH;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-corpus-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const key = (p: ExpectedProblem) => p.join('|');
const sortedKeys = (ps: ExpectedProblem[]) => ps.map(key).sort();
const fromCore = (p: Problem): ExpectedProblem => [p.sheet, p.row, p.column, p.code];

/** Every problem names its cell: a sheet of the workbook, a row ≥ 1, a column ≥ 1 (0 only for a whole row), a reason. */
function expectNamedCells(c: CorpusCase, problems: Array<{ sheet: string; row: number; column: number; code: string; message: string }>) {
  const names = c.sheets.map((s) => s.name);
  for (const p of problems) {
    expect(names).toContain(p.sheet);
    expect(p.row).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(p.code === 'duplicate-row' ? 0 : 1);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** `<f>` elements per sheet name of a package. */
async function formulasPerSheet(buffer: Buffer): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const [name, xml] of sheetXmls(await parts(buffer))) {
    out.set(name, (xml.match(/<(?:\w+:)?f[\s>/]/g) || []).length);
    // A cached value Excel would have to repair (ExcelJS writes NaN for an invalid date), or a
    // character XML cannot hold (Excel refuses the file).
    expect([name, /<v>\s*NaN\s*<\/v>/.test(xml), /[\x00-\x08\x0B\x0C\x0E-\x1F]/.test(xml)]).toEqual([name, false, false]);
  }
  return out;
}

test('the corpus covers what issue 5 lists', () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
});

describe.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('core: the grid gives the expected problems or error', () => {
    const outcome = checkWorkbook(gridOf(c), { asOf: AS_OF, month: MONTH });
    if (c.expect.kind === 'error') {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error.message).toMatch(c.expect.message);
      return;
    }
    if (!outcome.ok) throw new Error('expected a result, got: ' + outcome.error.message);
    const result: CheckResult = outcome.result;
    expect(sortedKeys(result.problems.map(fromCore))).toEqual(sortedKeys(c.expect.problems));
    expectNamedCells(c, result.problems);
    if (c.expect.check) c.expect.check(result);
    // Every problem row is coloured grey (data quality never stops the rest).
    for (const p of result.problems) {
      if (p.code === 'bad-setting' || p.code === 'other' || p.code === 'error-value' && p.column > 2) continue;
      const row = result.rows.find((r) => r.sheet === p.sheet && r.row === p.row);
      expect([p.sheet, p.row, row && row.colour]).toEqual([p.sheet, p.row, 'grey']);
    }
  });

  test('duty-check: same problems in the JSON, input untouched, or one error line and nothing written', async () => {
    const input = path.join(dir, 'in.xlsx');
    const buffer = await buildCase(c);
    fs.writeFileSync(input, buffer);
    let stdout = '';
    let stderr = '';
    const outcome = await run(['in.xlsx', '--month', MONTH, '--as-of', AS_OF, '--out', 'out.xlsx', '--json', 'out.json'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      isTTY: false,
      env: {},
      cwd: dir,
    });
    const expected = c.cli || c.expect;
    if (expected.kind === 'error') {
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^错误：[^\n]*\n$/);
      expect(stderr).not.toContain('内部出错');
      expect(stderr).toMatch(expected.message);
      expect(outcome.exitCode).toBe(2);
      expect(fs.readdirSync(dir)).toEqual(['in.xlsx']);
      expect(fs.readFileSync(input).equals(buffer)).toBe(true);
      return;
    }
    expect(stderr).toBe('');
    expect(outcome.exitCode).toBe(0);
    expect(fs.readFileSync(input).equals(buffer)).toBe(true);

    const report = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'));
    const problems = report.problems.map((p: { sheet: string; row: number; columnIndex: number; code: string; message: string }) => ({
      ...p,
      column: p.columnIndex,
    }));
    expect(sortedKeys(problems.map((p: Problem) => [p.sheet, p.row, p.column, p.code] as ExpectedProblem))).toEqual(sortedKeys(expected.problems));
    expectNamedCells(c, problems);
    if (expected.check) expected.check(outcome.result!);

    // Nothing of the input changes: values, formulas, types, number formats, widths, heights,
    // merges, visibility of every sheet but the replaced summary of this month.
    const output = fs.readFileSync(path.join(dir, 'out.xlsx'));
    const before = await readBack(buffer);
    const after = await readBack(output);
    const keep = (n: string) => n !== SUMMARY;
    expect(snapshotWorkbook(after, keep)).toEqual(snapshotWorkbook(before, keep));
    const expectedSheets = expected.outputSheets || [...c.sheets.map((s) => s.name).filter(keep), SUMMARY];
    expect(after.worksheets.map((w) => w.name)).toEqual(expectedSheets);

    // The only formulas in the output are the input's own; the summary sheet has none.
    const fIn = await formulasPerSheet(buffer);
    const fOut = await formulasPerSheet(output);
    for (const [name, n] of fOut) {
      if (name === SUMMARY) expect([name, n]).toEqual([name, 0]);
      else expect([name, n]).toEqual([name, fIn.get(name)]);
    }

    // The JSON keeps hostile text as plain strings.
    const text = fs.readFileSync(path.join(dir, 'out.json'), 'utf8');
    for (const leader of outcome.result!.leaders) {
      expect(report.leaders.find((l: { name: string }) => l.name === leader.name)).toBeDefined();
    }
    if (c.sheets.some((s) => s.rows.some((r) => r.some((v) => typeof v === 'string' && HOSTILE.indexOf(v) >= 0)))) {
      // @SUM(A1) is a name written as text; =1+1 and +1 hold no letter and are no one's name.
      expect(report.leaders.map((l: { name: string }) => l.name)).toContain('@SUM');
      expect(text).toContain(JSON.stringify("=cmd|' /C calc'!A0").slice(1, -1));
      // The hostile text did reach the summary sheet, and there it is text (shared or inline string).
      const summary = after.getWorksheet(SUMMARY)!;
      const risky: string[] = [];
      summary.eachRow((row) => row.eachCell((cell) => {
        if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) risky.push(cell.value);
      }));
      expect(risky.length).toBeGreaterThan(0);
    }
  });
});
