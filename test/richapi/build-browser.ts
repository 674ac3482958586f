/**
 * Bundles ./browser-entry.ts (the RichApi host, the simulator, the fake Office for Windows
 * context) into one browser script (IIFE) with the esbuild that comes with tsx, for
 * page.addInitScript. Microsoft's office.js is not in it: the page loads that from the CDN address,
 * which the test routes to node_modules/@microsoft/office-js/dist (the files, unmodified).
 */
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');

export function buildRichApiHostScript(): string {
  const esbuildPath = require.resolve('esbuild', { paths: [path.join(REPO, 'node_modules', 'tsx')] });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require(esbuildPath) as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'browser-entry.ts')],
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
