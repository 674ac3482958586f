/**
 * Bundles ./browser-entry.ts (the RichApi host, the simulator, the fake Office for Windows
 * context) into one browser script (IIFE) with the esbuild that comes with tsx, for
 * page.addInitScript. Microsoft's office.js is not in it: the page loads that from the CDN address,
 * which the test routes to node_modules/@microsoft/office-js/dist (the files, unmodified).
 */
import * as path from 'path';
import { bundleForBrowser } from '../sim/build-browser';

export function buildRichApiHostScript(): string {
  return bundleForBrowser(path.join(__dirname, 'browser-entry.ts'));
}
