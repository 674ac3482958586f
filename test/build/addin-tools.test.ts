/**
 * `npm start` / `npm run stop` (scripts/addin-tools.js): office-addin-debugging is optional, so on
 * a machine where npm skipped it, or one without Excel desktop, the command says why and what to
 * do, and exits non-zero.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO } from './webpack-build';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tools = require('../../scripts/addin-tools.js') as {
  plan(command: string, platform: string, resolve: (id: string) => string): { run?: string[]; error?: string };
};

const FAKE_TOOL = path.join(REPO, 'test', '.artifacts', 'fake-office-addin-debugging');

/** A resolver that finds a fake office-addin-debugging, or nothing. */
function resolver(installed: boolean): (id: string) => string {
  return (id) => {
    if (!installed) throw Object.assign(new Error('Cannot find module ' + id), { code: 'MODULE_NOT_FOUND' });
    return path.join(FAKE_TOOL, 'package.json');
  };
}

beforeAll(() => {
  fs.mkdirSync(FAKE_TOOL, { recursive: true });
  fs.writeFileSync(path.join(FAKE_TOOL, 'package.json'), JSON.stringify({ name: 'office-addin-debugging', bin: { 'office-addin-debugging': './cli.js' } }));
});

describe('what npm start, start:web and stop do', () => {
  test.each([
    ['start', 'win32', ['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', '3000']],
    ['start', 'darwin', ['start', 'manifest.xml', 'desktop', '--app', 'excel', '--dev-server-port', '3000']],
    ['start:web', 'linux', ['start', 'manifest.xml', 'web', '--app', 'excel', '--dev-server-port', '3000']],
    ['stop', 'linux', ['stop', 'manifest.xml']],
  ])('%s on %s runs office-addin-debugging %#', (command, platform, args) => {
    expect(tools.plan(command, platform, resolver(true))).toEqual({ run: [path.join(FAKE_TOOL, 'cli.js'), ...args] });
  });

  test('start on Linux says there is no Excel desktop and names what works instead', () => {
    const { error, run } = tools.plan('start', 'linux', resolver(true));
    expect(run).toBeUndefined();
    expect(error).toContain('没有 Excel 桌面版');
    expect(error).toContain('npm run start:web');
    expect(error).toContain('npm run duty-check');
  });

  test.each(['start', 'start:web', 'stop'])('%s without the optional tool says why npm skipped it and how to install it', (command) => {
    const { error, run } = tools.plan(command, command === 'start' ? 'win32' : 'linux', resolver(false));
    expect(run).toBeUndefined();
    expect(error).toContain('没有安装旁加载工具 office-addin-debugging');
    expect(error).toContain('github.com');
    expect(error).toMatch(/npm install --no-save office-addin-debugging@\^?\d/);
    expect(error).toContain('docs/addin.md');
  });

  test('npm start on this Linux machine exits non-zero with the message', () => {
    const run = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'addin-tools.js'), 'start'], { cwd: REPO, encoding: 'utf8' });
    if (process.platform === 'linux') {
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('没有 Excel 桌面版');
    } else {
      expect(run.status).not.toBeNull();
    }
  });

  test('package.json runs the wrapper, and office-addin-debugging is optional', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node scripts/addin-tools.js start');
    expect(pkg.scripts.stop).toBe('node scripts/addin-tools.js stop');
    expect(Object.keys(pkg.optionalDependencies)).toEqual(['office-addin-debugging']);
    expect(pkg.devDependencies['office-addin-debugging']).toBeUndefined();
  });
});
