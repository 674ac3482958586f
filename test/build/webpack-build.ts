/**
 * Runs webpack the way `npm run build` does, in a child process, into a folder of the test's
 * own (tests run in parallel: each build gets its own output folder, never dist/).
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(REPO, 'test', '.artifacts');

const WEBPACK_CLI = path.join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js');

export interface BuildOptions {
  /** Output folder (emptied first). */
  outDir: string;
  mode?: 'production' | 'development';
  /** Another webpack config than the project's (e.g. the simulator bundle). */
  config?: string;
  /** Extra `--env` values. */
  env?: Record<string, string>;
  /** Extra environment variables (ADDIN_PROD_URL). */
  vars?: Record<string, string>;
}

/** Builds and returns the output folder; throws with webpack's output when the build fails. */
export function webpackBuild(options: BuildOptions): string {
  fs.rmSync(options.outDir, { recursive: true, force: true });
  fs.mkdirSync(options.outDir, { recursive: true });
  const args = [WEBPACK_CLI, '--mode', options.mode || 'production', '--output-path', options.outDir];
  if (options.config) args.push('--config', options.config);
  const env = options.env || {};
  for (const key of Object.keys(env)) args.push('--env', key + '=' + env[key]);
  const run = spawnSync(process.execPath, args, {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...(options.vars || {}) },
    timeout: BUILD_TIMEOUT_MS,
  });
  if (run.status !== 0) {
    throw new Error('webpack failed (exit ' + run.status + '):\n' + (run.stdout || '') + '\n' + (run.stderr || '') + (run.error ? String(run.error) : ''));
  }
  return options.outDir;
}

/** The production URL the shared build's manifest points at. */
export const PROD_URL = 'https://oa.example.gov.cn/anquan-addin/';

const BUILD_TIMEOUT_MS = 240_000;

/** What a production build depends on: the sources, assets, build configs and the lock file. */
const BUILD_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'babel.config.js', 'package-lock.json', 'tsconfig.json'];

function inputsHash(): string {
  const hash = crypto.createHash('sha256');
  for (const top of BUILD_INPUTS) {
    const full = path.join(REPO, top);
    const files = fs.statSync(full).isDirectory() ? listFiles(full).map((f) => top + '/' + f) : [top];
    for (const f of files) hash.update(f + '\0').update(fs.readFileSync(path.join(REPO, f))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The production build (ADDIN_PROD_URL = PROD_URL) that several suites read, built once per
 * change of its inputs: suites running at the same time share it instead of building it each.
 * A build goes to a folder of its own and is renamed into place, so a reader never sees half of one.
 */
export function sharedProductionBuild(): string {
  const dir = path.join(ARTIFACTS, 'build-shared-' + inputsHash());
  const done = () => fs.existsSync(path.join(dir, 'manifest.xml'));
  if (done()) return dir;
  // One builder at a time: the others wait for its folder (a lock older than a build is stale).
  const lock = dir + '.lock';
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (done()) return dir;
      const stat = fs.statSync(lock, { throwIfNoEntry: false });
      const age = stat ? Date.now() - stat.mtimeMs : 0;
      if (age > BUILD_TIMEOUT_MS || Date.now() - started > BUILD_TIMEOUT_MS) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!done()) buildInto(dir);
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

function buildInto(dir: string): void {
  const tmp = dir + '.tmp-' + process.pid;
  webpackBuild({ outDir: tmp, mode: 'production', vars: { ADDIN_PROD_URL: PROD_URL } });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  // Builds of earlier sources are never read again.
  for (const old of fs.readdirSync(ARTIFACTS)) {
    if (/^build-shared-[0-9a-f]{16}$/.test(old) && path.join(ARTIFACTS, old) !== dir) fs.rmSync(path.join(ARTIFACTS, old), { recursive: true, force: true });
  }
}

/** Every file under `dir` (relative paths, forward slashes). */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? prefix + '/' + entry.name : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}
