/**
 * scripts/check-install-scripts.js, which CI runs before `npm ci`: a required package with an
 * install script nobody reviewed (a native build such as keytar's) fails; optional ones pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, REPO } from './webpack-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { check } = require('../../scripts/check-install-scripts.js') as { check(repo: string): string[] };

type Entry = { version: string; hasInstallScript?: boolean; optional?: boolean; dev?: boolean };

/** A folder holding only a package-lock.json with these packages (and installed manifests, when given). */
function lockFolder(name: string, packages: Record<string, Entry>, installed: Record<string, object> = {}): string {
  const dir = path.join(ARTIFACTS, 'install-scripts', name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...packages } }));
  for (const [key, manifest] of Object.entries(installed)) {
    fs.mkdirSync(path.join(dir, key), { recursive: true });
    fs.writeFileSync(path.join(dir, key, 'package.json'), JSON.stringify(manifest));
  }
  return dir;
}

describe('required install scripts are reviewed', () => {
  test.each([
    ['no install scripts', { 'node_modules/a': { version: '1.0.0', dev: true } }],
    ['a native module under an optional dependency', { 'node_modules/keytar': { version: '7.9.0', hasInstallScript: true, optional: true } }],
    ['a reviewed script, before npm ci', { 'node_modules/core-js': { version: '3.51.0', hasInstallScript: true, dev: true } }],
  ])('passes: %s', (_name, packages) => {
    expect(check(lockFolder('ok', packages as Record<string, Entry>))).toEqual([]);
  });

  test('fails: a required native module (keytar as office-addin-debugging@7 brought it in)', () => {
    const problems = check(lockFolder('keytar', { 'node_modules/keytar': { version: '7.9.0', hasInstallScript: true, dev: true } }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^node_modules\/keytar@7\.9\.0 has an install script and is not optional/);
  });

  test('fails: a nested copy of an unreviewed package', () => {
    const problems = check(lockFolder('nested', { 'node_modules/a/node_modules/sqlite3': { version: '5.1.7', hasInstallScript: true } }));
    expect(problems[0]).toContain('node_modules/a/node_modules/sqlite3@5.1.7');
  });

  test('fails: a reviewed package whose installed script changed', () => {
    const dir = lockFolder(
      'changed',
      { 'node_modules/esbuild': { version: '0.99.0', hasInstallScript: true, dev: true } },
      { 'node_modules/esbuild': { name: 'esbuild', scripts: { postinstall: 'node-gyp rebuild' } } },
    );
    expect(check(dir)).toEqual([expect.stringContaining('its postinstall script is now "node-gyp rebuild"')]);
  });

  test("this project's lock file passes", () => {
    expect(check(REPO)).toEqual([]);
  });
});
