/**
 * Runs webpack the way `npm run build` does, in a child process, into a folder of the test's
 * own (tests run in parallel: each build gets its own output folder, never dist/).
 */
import { spawnSync } from 'child_process';
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
    timeout: 240_000,
  });
  if (run.status !== 0) {
    throw new Error('webpack failed (exit ' + run.status + '):\n' + (run.stdout || '') + '\n' + (run.stderr || '') + (run.error ? String(run.error) : ''));
  }
  return options.outDir;
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
