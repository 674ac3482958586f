/**
 * Browser-test plumbing: a static file server on 127.0.0.1, headless Debian Chromium through
 * playwright-core, and a record of every request the page makes.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 on a free port. */
export function serveStatic(root: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url || '/').split('?')[0]);
    const file = path.normalize(path.join(root, urlPath));
    if (file.indexOf(path.normalize(root)) !== 0) {
      res.writeHead(403);
      res.end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404);
        res.end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        origin: 'http://127.0.0.1:' + port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      'The browser test needs Debian Chromium at ' + CHROMIUM + ' and CJK fonts: apt-get install -y chromium fonts-noto-cjk',
    );
  }
  // launch() gives every run a fresh temporary profile (its own --user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageRecord {
  /** Every request URL the page issued, in order. */
  requests: string[];
  /** alert/confirm/prompt dialogs that opened (hostile cell text must never open one). */
  dialogs: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
}

/** Records every request, dialog (dismissed) and error of `page` into `record`. */
function recordPage(page: Page, record: PageRecord): void {
  page.on('request', (req) => record.requests.push(req.url()));
  page.on('dialog', (dialog) => {
    record.dialogs.push(dialog.type() + ': ' + dialog.message());
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (err) => record.errors.push('pageerror: ' + err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') record.errors.push('console: ' + msg.text());
  });
}

/** Clicks a pane button, waits until the run is over, checks and returns the message shown. */
export async function clickAndWait(page: Page, selector: string, doneText: RegExp): Promise<string> {
  await page.click(selector);
  await page.waitForFunction(() => {
    const m = document.getElementById('message');
    const p = document.getElementById('progress');
    return !!m && !!p && /callout--/.test(m.className) && /is-hidden/.test(p.className);
  });
  const text = (await page.textContent('#message')) || '';
  if (!doneText.test(text)) throw new Error('expected the pane to say ' + doneText + ', it says: ' + text);
  return text;
}

/**
 * Routes office.js to `officeJs` (the simulator bundle) and blocks every other request that
 * would leave `origin`, recording all of them.
 */
export async function instrument(page: Page, origin: string, officeJs: string): Promise<PageRecord> {
  const record: PageRecord = { requests: [], dialogs: [], errors: [] };
  recordPage(page, record);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) return route.fulfill({ status: 200, contentType: 'application/javascript', body: officeJs });
    if (url.indexOf(origin + '/') === 0) return route.continue();
    return route.abort('blockedbyclient');
  });
  return record;
}

/** Requests that left 127.0.0.1, other than the routed office.js. */
export function foreignRequests(record: PageRecord, origin: string): string[] {
  return record.requests.filter((url) => url !== OFFICE_JS_URL && url.indexOf(origin + '/') !== 0 && url.indexOf('data:') !== 0);
}

/** Where the add-in loads office.js from, and every file office.js loads beside itself. */
export const OFFICE_JS_FOLDER = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** Microsoft's office.js and its host files, unmodified, from the devDependency @microsoft/office-js. */
export const OFFICE_JS_DIST = path.resolve(__dirname, '..', '..', 'node_modules', '@microsoft', 'office-js', 'dist');

export interface OfficeJsRecord extends PageRecord {
  /** Files of the CDN folder served from the package (office.js, excel-win32-16.01.js, strings…). */
  served: string[];
  /** Requests neither on the test's origin nor a file of the package: blocked. */
  blocked: string[];
}

/**
 * Routes the CDN folder of office.js to the package's files (nothing leaves the machine) and
 * blocks every other request that would leave `origin`, recording all of them.
 */
export async function instrumentOfficeJs(page: Page, origin: string): Promise<OfficeJsRecord> {
  const record: OfficeJsRecord = { requests: [], dialogs: [], errors: [], served: [], blocked: [] };
  recordPage(page, record);
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.indexOf(OFFICE_JS_FOLDER) === 0) {
      const file = path.join(OFFICE_JS_DIST, decodeURIComponent(url.slice(OFFICE_JS_FOLDER.length).split('?')[0]));
      if (file.indexOf(OFFICE_JS_DIST + path.sep) === 0 && fs.existsSync(file) && fs.statSync(file).isFile()) {
        record.served.push(url);
        return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] || 'application/octet-stream', body: fs.readFileSync(file) });
      }
    }
    if (url.indexOf(origin + '/') === 0) return route.continue();
    record.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return record;
}
