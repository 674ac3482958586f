#!/usr/bin/env node
/**
 * `npm start`, `npm run start:web` and `npm run stop`: runs office-addin-debugging (Microsoft's
 * sideloading tool, as the Office add-in template does) when it can work here, and otherwise says
 * why and what to do instead, with a non-zero exit code.
 *
 * office-addin-debugging is an optional dependency: through office-addin-dev-settings it pulls in
 * the Microsoft 365 Agents Toolkit CLI and keytar, a native module whose binary is downloaded from
 * github.com or compiled (a compiler and, on Linux, libsecret-1-dev). Where neither works, npm
 * skips the whole tool and `npm ci` still succeeds; the check, the tests and the build never need it.
 *
 * Plain Node.js (no TypeScript): it must run before anything is built.
 */
'use strict';

const path = require('path');
const { spawnSync } = require('child_process');

const REPO = path.resolve(__dirname, '..');
const MANIFEST = 'manifest.xml';
const DEV_SERVER_PORT = '3000';

/** The arguments office-addin-debugging gets for each of our commands. */
const COMMANDS = {
  start: ['start', MANIFEST, 'desktop', '--app', 'excel', '--dev-server-port', DEV_SERVER_PORT],
  'start:web': ['start', MANIFEST, 'web', '--app', 'excel', '--dev-server-port', DEV_SERVER_PORT],
  stop: ['stop', MANIFEST],
};

/** Platforms with an Excel desktop app that add-ins can be sideloaded into. */
const DESKTOP_PLATFORMS = ['win32', 'darwin'];

function pinnedVersion() {
  const pkg = require(path.join(REPO, 'package.json'));
  return (pkg.optionalDependencies || {})['office-addin-debugging'] || (pkg.devDependencies || {})['office-addin-debugging'] || 'latest';
}

/**
 * What to do for `command` on `platform`: `{ run: [script, ...args] }`, or `{ error: text }`.
 * `resolve` finds a module's file (require.resolve); injected so tests can play other machines.
 */
function plan(command, platform, resolve) {
  const args = COMMANDS[command];
  if (!args) return { error: 'unknown command "' + command + '" (start, start:web or stop)' };
  if (command === 'start' && DESKTOP_PLATFORMS.indexOf(platform) < 0) {
    return {
      error: [
        'npm start 把加载项旁加载到 Windows 或 Mac 上的 Excel 桌面版，这台电脑（' + platform + '）上没有 Excel 桌面版。',
        '可以：',
        '  - 在装有 Excel 的 Windows 或 Mac 电脑上运行 npm start；',
        '  - 用 Excel 网页版试用：npm run start:web -- --document "<网页版 Excel 中工作簿的地址>"（见 docs/addin.md）；',
        '  - 不用 Excel：npm run duty-check -- 工作簿.xlsx --month 2019-08（见 docs/cli.md）。',
        '',
        'npm start sideloads the add-in into Excel desktop on Windows or Mac; there is no Excel desktop on ' + platform + '.',
        'Use Windows or Mac, Excel on the web (npm run start:web -- --document <url>), or the command line (npm run duty-check).',
      ].join('\n'),
    };
  }
  let script;
  try {
    const pkgFile = resolve('office-addin-debugging/package.json');
    const bin = require(pkgFile).bin;
    script = path.join(path.dirname(pkgFile), typeof bin === 'string' ? bin : bin['office-addin-debugging']);
  } catch (e) {
    const version = pinnedVersion();
    return {
      error: [
        '没有安装旁加载工具 office-addin-debugging。',
        '它是可选依赖：它用到的 keytar 需要从 github.com 下载预编译文件，或在本机编译（需要 C++ 编译器，Linux 上还要 libsecret-1-dev），',
        '两样都做不到时 npm ci 会跳过它，其余功能（检查、测试、打包）不受影响。',
        '要使用 npm start，请在能访问 github.com 的网络中（或装好编译工具后）执行：',
        '  npm install --no-save office-addin-debugging@' + version,
        '不装它也可以手动旁加载：先 npm run dev-server 并保持运行，再按 docs/addin.md“一、试用：旁加载”中“不用命令行时”的步骤操作。',
        '',
        'office-addin-debugging (optional) is not installed: its keytar module could not be downloaded from github.com',
        'or compiled here. Install it with: npm install --no-save office-addin-debugging@' + version,
        'or sideload by hand (docs/addin.md).',
      ].join('\n'),
    };
  }
  return { run: [script].concat(args) };
}

function main(argv) {
  const command = argv[0];
  const decided = plan(command, process.platform, (id) => require.resolve(id, { paths: [REPO] }));
  if (decided.error) {
    process.stderr.write(decided.error + '\n');
    return 1;
  }
  const run = spawnSync(process.execPath, decided.run.concat(argv.slice(1)), { cwd: REPO, stdio: 'inherit' });
  if (run.error) {
    // office-addin-cli is the template's helper for reporting a tool's failure the same way everywhere.
    require('office-addin-cli').logErrorMessage(run.error);
    return 1;
  }
  return run.status === null ? 1 : run.status;
}

module.exports = { plan, COMMANDS, DESKTOP_PLATFORMS };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
