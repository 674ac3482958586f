#!/usr/bin/env node
/**
 * `npx duty-check <工作簿.xlsx> …` from the project folder (or anywhere after `npm link`): runs the
 * TypeScript command-line tool through tsx, which `npm ci` installs. Relative paths are taken from
 * the folder the command was typed in.
 */
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const main = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
let tsx;
try {
  tsx = require.resolve('tsx/cli', { paths: [path.join(__dirname, '..')] });
} catch (e) {
  process.stderr.write('duty-check 需要先在项目文件夹中执行 npm ci (run npm ci in the project folder first)\n');
  process.exit(2);
}
const run = spawnSync(process.execPath, [tsx, main].concat(process.argv.slice(2)), { stdio: 'inherit' });
process.exit(run.status === null ? 2 : run.status);
