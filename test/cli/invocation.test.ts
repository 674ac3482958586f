/**
 * How a clerk starts the command line: `npx duty-check` (package.json "bin") and
 * `npm run duty-check -- 台账.xlsx` typed in the folder that holds the workbook, where npm itself
 * runs in the project folder and keeps the clerk's folder in INIT_CWD.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { choosePeriod, invocationDir } from '../../src/cli/main';

const REPO = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(REPO, 'samples', '大栗港镇-2019.xlsx');

describe('relative paths are the clerk’s', () => {
  const npmRun = { npm_lifecycle_event: 'duty-check', npm_package_json: '/work/project/package.json' };
  test.each([
    ['npm run from the clerk’s folder', { ...npmRun, INIT_CWD: '/home/clerk/台账' }, '/work/project', '/home/clerk/台账'],
    ['run directly (no npm)', {}, '/home/clerk/台账', '/home/clerk/台账'],
    ['a relative INIT_CWD is not trusted', { ...npmRun, INIT_CWD: 'x' }, '/work/project', '/work/project'],
    ['started by an npm script in another folder (a stale INIT_CWD)', { ...npmRun, INIT_CWD: '/work/project' }, '/tmp/job', '/tmp/job'],
    ['INIT_CWD without npm running a script', { INIT_CWD: '/home/clerk' }, '/work/project', '/work/project'],
  ])('%s', (_name, env, cwd, expected) => {
    expect(invocationDir(env as Record<string, string>, cwd)).toBe(expected);
  });

  test('bin/duty-check.js, run in another folder, reads and writes there', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-check-bin-'));
    try {
      fs.copyFileSync(SAMPLE, path.join(dir, '台账.xlsx'));
      const env = { ...process.env };
      delete env.INIT_CWD;
      const run = spawnSync(process.execPath, [path.join(REPO, 'bin', 'duty-check.js'), '台账.xlsx', '--month', '2019-08', '--as-of', '2019-09-02'], {
        cwd: dir,
        env,
        encoding: 'utf8',
      });
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(fs.readdirSync(dir).sort()).toEqual(['台账-检查结果.xlsx', '台账.xlsx']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('package.json offers duty-check as a command', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'duty-check': 'bin/duty-check.js' });
    expect(fs.statSync(path.join(REPO, 'bin', 'duty-check.js')).mode & 0o111).not.toBe(0);
  });
});

describe('the month and as-of date when one is left out', () => {
  test.each([
    ['both given', '2019-08', '2019-09-02', '2026-12-04', { month: '2019-08', asOf: '2019-09-02', note: '' }],
    ['a month of an earlier year: as of its year end', '2019-08', undefined, '2026-12-04', { month: '2019-08', asOf: '2019-12-31', note: expect.stringContaining('截至日期按 2019-12-31（2019 年年底），会议和述职报告按 2019 年检查') }],
    ['a month of this year: as of today', '2026-08', undefined, '2026-12-04', { month: '2026-08', asOf: '2026-12-04', note: expect.stringContaining('截至日期按今天 2026-12-04') }],
    ['no month on 2 September: August', undefined, '2019-09-02', '2026-12-04', { month: '2019-08', asOf: '2019-09-02', note: expect.stringContaining('未指定 --month：检查 2019 年 8 月') }],
    ['nothing given: last month as of today', undefined, undefined, '2026-12-04', { month: '2026-11', asOf: '2026-12-04', note: expect.stringContaining('截至今天 2026-12-04') }],
  ])('%s', (_name, month, asOf, today, expected) => {
    expect(choosePeriod(month, asOf, today)).toEqual(expected);
  });
});
