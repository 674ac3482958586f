/**
 * The pane on an intranet that cannot reach Microsoft's CDN: a note within seconds instead of a
 * blank pane, then a message that says what to do. And the OFFICE_JS=local build: an unmodified
 * office.js served from the add-in's own folder, nothing fetched from elsewhere.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page, Route } from 'playwright-core';
import { ARTIFACTS, REPO, listFiles, sharedProductionBuild, webpackBuild } from '../build/webpack-build';
import { OFFICE_JS_URL, launchChromium, serveStatic, type StaticServer } from './harness';

const OFFICE_JS_PACKAGE = path.join(REPO, 'node_modules', '@microsoft', 'office-js');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  if (browser) await browser.close();
});

/** Opens the pane with every request recorded; `cdn` decides what happens to office.js from the CDN. */
async function openPane(server: StaticServer, cdn: (route: Route) => void): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) return cdn(route);
    if (url.indexOf(server.origin + '/') === 0) return route.continue();
    return route.abort('blockedbyclient');
  });
  return { page, requests };
}

const visible = (page: Page, id: string) => page.evaluate((x) => {
  const e = document.getElementById(x);
  return !!e && !/(^|\s)is-hidden(\s|$)/.test(e.className) && e.getBoundingClientRect().height > 0;
}, id);

describe('office.js from the CDN cannot be loaded', () => {
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(sharedProductionBuild());
  }, 300_000);

  afterAll(async () => {
    if (server) await server.close();
  });

  test('the CDN never answers: a note within 5 seconds, then the message once the browser gives up', async () => {
    let hung: Route | null = null;
    const { page, requests } = await openPane(server, (route) => {
      hung = route;
    });
    try {
      const started = Date.now();
      void page.goto(server.origin + '/taskpane.html').catch(() => undefined);
      await page.waitForSelector('#office-js-wait', { timeout: 6000 });
      expect(Date.now() - started).toBeLessThan(6000);
      expect(await page.textContent('#office-js-wait')).toContain('正在加载 office.js（' + OFFICE_JS_URL + '），已超过 4 秒');
      // The browser gives up on the address.
      expect(hung).not.toBeNull();
      await hung!.abort('timedout');
      await page.waitForFunction(() => !document.getElementById('office-js-wait'));
      await page.waitForFunction(() => !/is-hidden/.test(document.getElementById('office-js-missing')!.className));
      expect(await visible(page, 'office-js-missing')).toBe(true);
      expect(await visible(page, 'outside-office')).toBe(false);
      expect(await page.textContent('#office-js-missing')).toContain('无法加载 office.js');
      expect(await page.textContent('#office-js-missing')).toContain('OFFICE_JS=local');
      expect(requests.filter((u) => u !== OFFICE_JS_URL && u.indexOf(server.origin + '/') !== 0)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 30_000);

  test('the CDN is refused at once: the message at once, no waiting note left behind', async () => {
    const { page } = await openPane(server, (route) => void route.abort('namenotresolved'));
    try {
      const started = Date.now();
      await page.goto(server.origin + '/taskpane.html');
      await page.waitForFunction(() => !/is-hidden/.test(document.getElementById('office-js-missing')!.className), undefined, { timeout: 3000 });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await page.$('#office-js-wait')).toBeNull();
      expect(await visible(page, 'office-js-missing')).toBe(true);
      expect(await visible(page, 'loading')).toBe(false);
      // …and offers the 网页版 right there: choose a file, check it in the browser.
      expect(await visible(page, 'web-intro')).toBe(true);
      expect(await visible(page, 'file-field')).toBe(true);
      expect(await visible(page, 'btn-download')).toBe(true);
      expect(await visible(page, 'btn-summary')).toBe(false);
      expect(await page.isDisabled('#file-input')).toBe(false);
      await page.screenshot({ path: path.join(ARTIFACTS, 'office-js-missing.png') });
    } finally {
      await page.close();
    }
  }, 30_000);
});

describe('OFFICE_JS=local: office.js from the add-in\'s own folder', () => {
  const OUT = path.join(ARTIFACTS, 'build-office-js-local');
  let server: StaticServer;
  let files: string[];

  beforeAll(async () => {
    webpackBuild({ outDir: OUT, mode: 'production', vars: { OFFICE_JS: 'local', ADDIN_PROD_URL: 'https://oa.example.gov.cn/anquan-addin/' } });
    files = listFiles(OUT);
    server = await serveStatic(OUT);
  }, 300_000);

  afterAll(async () => {
    if (server) await server.close();
  });

  test('copies the library unmodified, with its licence, and only what Excel loads', () => {
    const office = files.filter((f) => f.indexOf('office-js/') === 0);
    for (const f of ['office-js/office.js', 'office-js/excel-win32-16.01.js', 'office-js/excel-web-16.00.js', 'office-js/excel-mac-16.00.js', 'office-js/zh-cn/office_strings.js', 'office-js/LICENSE.md']) {
      expect(office).toContain(f);
    }
    for (const f of office) {
      const source = f === 'office-js/LICENSE.md' ? path.join(OFFICE_JS_PACKAGE, 'LICENSE.md') : path.join(OFFICE_JS_PACKAGE, 'dist', f.slice('office-js/'.length));
      expect({ f, same: fs.readFileSync(path.join(OUT, f)).equals(fs.readFileSync(source)) }).toEqual({ f, same: true });
    }
    expect(office.filter((f) => /\.debug\.js$|vsdoc|\.d\.ts$|\/(word|outlook|powerpoint|onenote|project|access)[^/]*\.js$/.test(f))).toEqual([]);
  });

  test('every page loads office.js from office-js/, and nothing from the network', () => {
    for (const page of ['taskpane.html', 'commands.html', 'notice.html']) {
      const html = fs.readFileSync(path.join(OUT, page), 'utf8');
      expect({ page, local: /src="?office-js\/office\.js[\s">]/.test(html), cdn: html.indexOf('appsforoffice.microsoft.com') >= 0 }).toEqual({ page, local: true, cdn: false });
    }
  });

  test('in a browser the pane gets office.js from its own server and asks nothing of the internet', async () => {
    const { page, requests } = await openPane(server, (route) => void route.abort('blockedbyclient'));
    try {
      await page.goto(server.origin + '/taskpane.html');
      // office.js outside Office resolves with no host: the pane says to open it in Excel.
      await page.waitForFunction(() => !/is-hidden/.test(document.getElementById('outside-office')!.className), undefined, { timeout: 15_000 });
      expect(await visible(page, 'office-js-missing')).toBe(false);
      expect(requests).toContain(server.origin + '/office-js/office.js');
      expect(requests.filter((u) => u.indexOf(server.origin + '/') !== 0 && u.indexOf('data:') !== 0)).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
