#!/usr/bin/env node
/**
 * Fails when a package that npm must install (not optional) has an install script that was not
 * reviewed here. A native build in a required package breaks `npm ci` on a machine without a
 * compiler, libsecret or access to github.com (issue: keytar through office-addin-debugging), so
 * each required install script is listed below with what it does, and anything new fails CI
 * until someone has read it.
 *
 * Reads package-lock.json (`hasInstallScript`, `optional`). With node_modules present it also
 * compares each reviewed script with the installed one, so an upgrade that changes a script is
 * read again. Plain Node.js: it runs before `npm ci`.
 *
 *   node scripts/check-install-scripts.js           exit 0, or 1 with the offending packages
 */
'use strict';

const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..');

/** Required packages whose install scripts were read, and why they never compile anything. */
const REVIEWED = {
  'core-js': {
    scripts: { postinstall: "node -e \"try{require('./postinstall')}catch(e){}\"" },
    why: 'prints a funding message',
  },
  esbuild: {
    scripts: { postinstall: 'node install.js' },
    why: 'checks the platform binary that comes as an optional registry package (@esbuild/<platform>); compiles nothing',
  },
  '@parcel/watcher': {
    scripts: { install: 'node scripts/build-from-source.js' },
    why: 'runs node-gyp only when npm_config_build_from_source=true; the binary comes as an optional registry package (@parcel/watcher-<platform>)',
  },
};

const LIFECYCLE = ['preinstall', 'install', 'postinstall'];

function packageName(lockKey) {
  return lockKey.slice(lockKey.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** Problems with the lock file at `repo` (an empty list when every required install script is reviewed). */
function check(repo) {
  const lock = JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf8'));
  const problems = [];
  for (const [key, entry] of Object.entries(lock.packages || {})) {
    if (!key || !entry.hasInstallScript || entry.optional) continue;
    const name = packageName(key);
    const reviewed = REVIEWED[name];
    if (!reviewed) {
      problems.push(key + '@' + entry.version + ' has an install script and is not optional: it may compile native code. ' +
        'Make it optional (or drop it), or read its script and add it to REVIEWED in scripts/check-install-scripts.js.');
      continue;
    }
    const manifest = path.join(repo, key, 'package.json');
    if (!fs.existsSync(manifest)) continue; // before npm ci: the name is enough
    const scripts = JSON.parse(fs.readFileSync(manifest, 'utf8')).scripts || {};
    for (const hook of LIFECYCLE) {
      if ((scripts[hook] || undefined) !== reviewed.scripts[hook]) {
        problems.push(key + '@' + entry.version + ': its ' + hook + ' script is now ' + JSON.stringify(scripts[hook] || null) +
          ', not the one reviewed (' + JSON.stringify(reviewed.scripts[hook] || null) + '). Read it again.');
      }
    }
  }
  return problems;
}

module.exports = { check, REVIEWED };

if (require.main === module) {
  const problems = check(REPO);
  if (problems.length) {
    process.stderr.write('Required packages with install scripts that were not reviewed:\n' + problems.map((p) => '  - ' + p).join('\n') + '\n');
    process.exitCode = 1;
  } else {
    process.stdout.write('install scripts: every required package with one is reviewed (' + Object.keys(REVIEWED).join(', ') + ')\n');
  }
}
