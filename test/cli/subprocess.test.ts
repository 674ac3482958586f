/**
 * `duty-check` as the clerk runs it: a real process through tsx, real exit codes, real stdout and
 * stderr; and killed while writing, it never leaves half a file.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import { readBack } from './helpers/snapshot';
import { townshipWorkbook, utc } from './helpers/township';
import type { LogLine } from './helpers/township';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = path.join(ROOT, 'src', 'cli', 'main.ts');
// For kill tests: one node process with tsx's loader. The tsx command runs the script in a child
// process, so killing it would leave the real worker running.
const NODE_TSX = [process.execPath, '--import', pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href] as const;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-proc-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The parent's environment without colour switches (an empty FORCE_COLOR makes node warn on stderr). */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of ['NO_COLOR', 'FORCE_COLOR']) if (!(key in extra)) delete env[key];
  return env;
}

function duty(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, [MAIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: plainEnv(env),
    timeout: 60000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const AUGUST = ['--month', '2019-08', '--as-of', '2019-09-02'];

test('a successful run exits 0 and prints the summary', async () => {
  fs.writeFileSync(path.join(dir, '镇.xlsx'), await townshipWorkbook());
  const r = duty(['镇.xlsx', ...AUGUST, '--json', 'r.json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^  赵刚.*未完成/m);
  expect(fs.existsSync(path.join(dir, '镇-检查结果.xlsx'))).toBe(true);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')).month).toBe('2019-08');
});

test('--fail-on red exits 1 when a row is red', async () => {
  fs.writeFileSync(path.join(dir, '镇.xlsx'), await townshipWorkbook());
  expect(duty(['镇.xlsx', ...AUGUST, '--fail-on', 'red']).code).toBe(1);
});

test('an input error exits 2 with one line on stderr and writes nothing', () => {
  fs.writeFileSync(path.join(dir, 'x.xlsx'), 'not a workbook');
  const r = duty(['x.xlsx', ...AUGUST]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^错误：.*是文本文件，不是 Excel 工作簿.*Error: [^\n]+\n$/);
  expect(fs.readdirSync(dir)).toEqual(['x.xlsx']);
});

test('--help exits 0', () => {
  const r = duty(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('用法 Usage:');
});

test('FORCE_COLOR colours a piped stdout', async () => {
  fs.writeFileSync(path.join(dir, '镇.xlsx'), await townshipWorkbook());
  expect(duty(['镇.xlsx', ...AUGUST], { FORCE_COLOR: '1' }).stdout).toContain('\x1b[');
});

/** A log big enough that writing takes a while, so a kill can land mid-write. */
async function bigWorkbook(): Promise<Buffer> {
  const log: LogLine[] = [];
  for (let i = 0; i < 6000; i++) {
    log.push([utc(2019, 8, 1 + (i % 28)), ['王海', '李明', '赵刚'][i % 3], '东村第' + i + '组', i % 7 ? '无' : '隐患' + i, i % 7 ? null : utc(2019, 9, 30), null]);
  }
  return townshipWorkbook({ log });
}

test('killed at any moment, it leaves the old output or a complete new one, never half a file', async () => {
  fs.writeFileSync(path.join(dir, 'big.xlsx'), await bigWorkbook());
  const out = path.join(dir, 'out', 'big-result.xlsx');
  // First a complete run to learn how long it takes.
  const started = Date.now();
  expect(duty(['big.xlsx', ...AUGUST, '--out', 'out/big-result.xlsx']).code).toBe(0);
  const full = Date.now() - started;
  const good = fs.readFileSync(out);

  const outcomes: string[] = [];
  for (const fraction of [0.6, 0.85, 0.95, 1.05]) {
    fs.writeFileSync(out, 'OLD');
    const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), MAIN, 'big.xlsx', ...AUGUST, '--out', 'out/big-result.xlsx', '--force'], { cwd: dir, stdio: 'ignore' });
    // Listen before killing: at the later fractions the run may already have finished.
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, Math.round(full * fraction)));
    child.kill('SIGKILL');
    await exited;
    const now = fs.readFileSync(out);
    if (now.toString() === 'OLD') {
      outcomes.push('old');
    } else {
      // Anything else must be a whole workbook.
      const wb = await readBack(now);
      expect(wb.getWorksheet('检查记录')!.rowCount).toBe(6001);
      outcomes.push('new');
    }
  }
  expect(outcomes.length).toBe(4);
  expect(good.length).toBeGreaterThan(50000);
}, 240000);

/**
 * A process that has staged a file and is about to rename it: the moment a crash would hurt most.
 * It prints "staged" and waits to be killed.
 */
function stagedProcess(target: string): Promise<ReturnType<typeof spawn>> {
  const script = path.join(dir, 'stage-and-wait.ts');
  fs.writeFileSync(
    script,
    `import { stage } from ${JSON.stringify(path.join(ROOT, 'src', 'cli', 'files'))};\n` +
      `stage(${JSON.stringify(target)}, Buffer.alloc(1 << 20, 65));\n` +
      `process.stdout.write('staged\\n');\n` +
      `setInterval(() => undefined, 1000);\n`,
  );
  const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), script], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('staged')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error('exited early: ' + code)));
  });
}

test('killed between writing and renaming (SIGKILL), the old output is still there, whole', async () => {
  const target = path.join(dir, 'result.xlsx');
  fs.writeFileSync(target, 'OLD');
  const child = await stagedProcess(target);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.on('exit', resolve));
  expect(fs.readFileSync(target, 'utf8')).toBe('OLD');
});

test('stopped with SIGTERM or Ctrl+C while writing, it removes its temporary file', async () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    const target = path.join(dir, 'result-' + signal + '.xlsx');
    const child = await stagedProcess(target);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    child.kill(signal);
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, sig) => resolve({ code, signal: sig })),
    );
    expect(exit.signal).toBe(signal);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(fs.existsSync(target)).toBe(false);
  }
}, 60000);
