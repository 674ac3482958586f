/**
 * Bundles test/sim/browser-entry.ts into one browser script (IIFE) with the esbuild that comes
 * with tsx. `npx tsx test/sim/build-browser.ts [out.js]` (default test/.artifacts/sim/office.js),
 * or `buildSimScript()` from a test.
 */
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');

/** One browser script (IIFE, ES2019) bundled from `entry` with the esbuild that comes with tsx. */
export function bundleForBrowser(entry: string): string {
  const esbuildPath = require.resolve('esbuild', { paths: [path.join(REPO, 'node_modules', 'tsx')] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require(esbuildPath) as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    write: false,
    logLevel: 'silent',
    tsconfig: path.join(REPO, 'tsconfig.json'),
  });
  return result.outputFiles[0].text;
}

export function buildSimScript(outFile?: string): string {
  const code = bundleForBrowser(path.join(__dirname, 'browser-entry.ts'));
  if (outFile) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, code);
  }
  return code;
}

if (require.main === module) {
  const out = process.argv[2] || path.join(REPO, 'test', '.artifacts', 'sim', 'office.js');
  const code = buildSimScript(out);
  process.stdout.write(out + ' (' + code.length + ' bytes)\n');
}
