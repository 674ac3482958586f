/**
 * Microsoft's office.js package is used as its licence allows: installed to develop and test the
 * add-in, loaded unmodified. So it is an exact-pinned devDependency, no file of it is committed, no
 * code under src/ imports it, the default production build holds none of it, and the pages load
 * office.js from Microsoft's CDN. (Only `OFFICE_JS=local`, which a deployer chooses, copies its
 * files unmodified into dist/office-js/: test/browser/office-js-unreachable.test.ts.)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { listFiles, REPO, sharedProductionBuild } from '../build/webpack-build';
import { EXCEL_CLIENT_FILE, OFFICE_JS_DIST } from './client';

const PACKAGE = '@microsoft/office-js';

test('an exact-pinned devDependency, installed by npm ci, with its licence', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  expect(pkg.devDependencies[PACKAGE]).toMatch(/^\d+\.\d+\.\d+$/);
  expect((pkg.dependencies || {})[PACKAGE]).toBeUndefined();
  const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
  const locked = lock.packages['node_modules/' + PACKAGE];
  expect(locked).toEqual(expect.objectContaining({ version: pkg.devDependencies[PACKAGE], dev: true }));
  expect(fs.existsSync(path.join(OFFICE_JS_DIST, EXCEL_CLIENT_FILE))).toBe(true);
  expect(fs.readFileSync(path.join(OFFICE_JS_DIST, '..', 'LICENSE.md'), 'utf8')).toMatch(/design, develop and test/);
});

test('no file of it is committed, and nothing under src/ refers to it', () => {
  const tracked = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' }).split('\n');
  expect(tracked.filter((f) => /office-js\/dist|excel-(web|win32)-16\.0\d|(^|\/)office\.js$/.test(f))).toEqual([]);
  const src = listFiles(path.join(REPO, 'src')).filter((f) => /\.(ts|js|html)$/.test(f));
  expect(src.filter((f) => fs.readFileSync(path.join(REPO, 'src', f), 'utf8').indexOf(PACKAGE) >= 0)).toEqual([]);
});

test('the production build holds none of its code; the pages load office.js from Microsoft’s CDN', () => {
  const out = sharedProductionBuild();
  const files = listFiles(out);
  // Names only the library's code has (its RichApi client and the bridge it looks for).
  const marks = ['_richApiNativeBridge', 'RichApi.Error', 'OfficeExtension.ClientRequestContext'];
  const holding = files.filter((f) => /\.(js|html)$/.test(f) && marks.some((m) => fs.readFileSync(path.join(out, f), 'utf8').indexOf(m) >= 0));
  expect(holding).toEqual([]);
  // The built pages are minified (attributes unquoted): the script's address is what counts.
  for (const page of ['taskpane.html', 'commands.html', 'notice.html']) {
    expect(fs.readFileSync(path.join(out, page), 'utf8')).toMatch(/<script[^>]+src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
  }
}, 300_000);
