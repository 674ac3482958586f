/**
 * The 网页版 (issue 17): the pane as one HTML file, opened from a file:// address in headless
 * Chromium with no server. A clerk chooses (or drops) a workbook, checks it and downloads the
 * result; the result must be the command line's, part for part; nothing may be fetched from
 * anywhere; a 100,000-row log is checked in a Web Worker while the page keeps answering; bad files
 * get the command line's messages and no download.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { run } from '../../src/cli/main';
import { makeBenchWorkbook, writeXlsxStreamed, CHECK as BENCH_CHECK } from '../../bench/generate';
import { ARTIFACTS, REPO, sharedProductionBuild } from '../build/webpack-build';
import { entriesOf } from '../xlsx/helpers/zip';
import { launchChromium, serveStatic } from './harness';

const SAMPLE = path.join(REPO, 'samples', '大栗港镇-2019.xlsx');
const MONTH = '2019-08';
const AS_OF = '2019-09-02';
const WORK = path.join(ARTIFACTS, 'web');
const SCREENSHOT = path.join(REPO, 'docs', 'images', 'web.png');

let browser: Browser;
let pageFile = '';

beforeAll(async () => {
  pageFile = path.join(sharedProductionBuild(), 'web', '安全生产履职检查.html');
  fs.mkdirSync(WORK, { recursive: true });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  if (browser) await browser.close();
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

async function openPage(url = pathToFileURL(pageFile).href): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 380, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForSelector('#file-field:not(.is-hidden)');
  return { page, requests, errors };
}

async function setPeriod(page: Page, month: string, asOf: string): Promise<void> {
  await page.selectOption('#year', month.slice(0, 4));
  await page.selectOption('#month', month.slice(5));
  await page.fill('#as-of', asOf);
}

/** Clicks 检查合规 and waits until the check has ended (a result to download, or a message). */
async function check(page: Page, timeout = 60_000): Promise<string> {
  await page.click('#btn-check');
  await page.waitForFunction(
    () => !!document.getElementById('progress')!.className.match(/is-hidden/) && !document.getElementById('message')!.className.match(/is-hidden/),
    undefined,
    { timeout },
  );
  return (await page.textContent('#message')) || '';
}

/** Every part of a package, inflated: the compressed bytes differ (zlib in the CLI, fflate in the page), the content must not. */
function contents(file: string): Array<[string, string]> {
  return entriesOf(fs.readFileSync(file)).map((e) => [e.name, (e.data || Buffer.alloc(0)).toString('base64')]);
}

async function cliOutput(input: string, month: string, asOf: string, out: string): Promise<void> {
  const outcome = await run([input, '--month', month, '--as-of', asOf, '--out', out, '--force'], { stdout: () => undefined, stderr: () => undefined, isTTY: false, env: {} });
  expect(outcome.exitCode).toBe(0);
}

/** Requests that are not the page itself, its worker (blob:) or its inline logo (data:). */
function foreign(requests: string[]): string[] {
  return requests.filter((u) => !u.startsWith('file://') && !u.startsWith('blob:') && !u.startsWith('data:'));
}

describe('the one-file 网页版 from file://', () => {
  test('is one self-contained file: no script, style or image from anywhere else', () => {
    const html = fs.readFileSync(pageFile, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toMatch(/appsforoffice|office\.js"/i);
    expect(html).toMatch(/<img[^>]+src="?data:image\/png;base64,/);
  });

  test('chooses the sample, checks August, downloads the result: the command line’s workbook, part for part', async () => {
    const { page, requests, errors } = await openPage();
    try {
      await page.setInputFiles('#file-input', SAMPLE);
      expect(await page.textContent('#file-name')).toContain('大栗港镇-2019.xlsx');
      await setPeriod(page, MONTH, AS_OF);
      const message = await check(page);
      expect(message).toContain('检查完成');
      expect(message).toContain('大栗港镇-2019-检查结果.xlsx');
      expect(await page.isVisible('#results')).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-download')]);
      expect(download.suggestedFilename()).toBe('大栗港镇-2019-检查结果.xlsx');
      const fromPage = path.join(WORK, 'page-result.xlsx');
      await download.saveAs(fromPage);
      const fromCli = path.join(WORK, 'cli-result.xlsx');
      await cliOutput(SAMPLE, MONTH, AS_OF, fromCli);
      expect(contents(fromPage)).toEqual(contents(fromCli));

      expect(foreign(requests)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  test('a file dropped on the page is taken like a chosen one', async () => {
    const { page } = await openPage();
    try {
      const base64 = fs.readFileSync(SAMPLE).toString('base64');
      await page.evaluate((b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], '拖进来的台账.xlsx'));
        document.getElementById('drop-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, base64);
      expect(await page.textContent('#file-name')).toContain('拖进来的台账.xlsx');
      await setPeriod(page, MONTH, AS_OF);
      expect(await check(page)).toContain('拖进来的台账-检查结果.xlsx');
    } finally {
      await page.close();
    }
  }, 60_000);

  test.each([
    ['a CSV file', 'registers.csv', Buffer.from('检查日期,带队领导\n2019-08-03,郭环球\n', 'utf8')],
    ['a truncated workbook', '截断.xlsx', fs.readFileSync(SAMPLE).subarray(0, 6000)],
    ['a text file named .xlsx', '假的.xlsx', Buffer.from('not a workbook')],
  ])('%s: the command line’s message, and nothing to download', async (_name, fileName, bytes) => {
    const file = path.join(WORK, fileName);
    fs.writeFileSync(file, bytes);
    let stderr = '';
    const cli = await run([file, '--month', MONTH, '--as-of', AS_OF, '--out', path.join(WORK, 'never.xlsx'), '--force'], {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      isTTY: false,
      env: {},
    });
    expect(cli.exitCode).toBe(2);
    const { page } = await openPage();
    let downloads = 0;
    page.on('download', () => downloads++);
    try {
      await page.setInputFiles('#file-input', file);
      await setPeriod(page, MONTH, AS_OF);
      const message = await check(page);
      expect(await page.getAttribute('#message', 'class')).toContain('callout--error');
      // The command line's line is `错误：<Chinese> Error: <English>`; the page says the Chinese part.
      const chinese = stderr.replace(/^错误：/, '').split(' Error:')[0].trim();
      expect(message).toContain(chinese);
      expect(await page.isDisabled('#btn-download')).toBe(true);
      await page.click('#btn-download', { force: true }).catch(() => undefined);
      expect(downloads).toBe(0);
    } finally {
      await page.close();
    }
  }, 60_000);

  test('a browser without Web Workers is told what the page needs (IE11, an old 360 in its IE mode)', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    try {
      await page.addInitScript(() => {
        delete (window as unknown as { Worker?: unknown }).Worker;
        delete (window as unknown as { TextDecoder?: unknown }).TextDecoder;
      });
      await page.goto(pathToFileURL(pageFile).href);
      await page.waitForSelector('#old-browser:not(.is-hidden)');
      expect(await page.textContent('#old-browser')).toContain('极速模式');
      expect(await page.textContent('#old-browser-detail')).toBe('（缺少：Web Worker、TextDecoder）');
      expect(await page.isVisible('#file-field')).toBe(false);
      expect(await page.isDisabled('#btn-check')).toBe(true);
    } finally {
      await page.close();
    }
  });

  test('the same page works from an intranet web server (http)', async () => {
    const server = await serveStatic(path.dirname(pageFile));
    try {
      const { page, requests } = await openPage(server.origin + '/' + encodeURIComponent(path.basename(pageFile)));
      try {
        await page.setInputFiles('#file-input', SAMPLE);
        await setPeriod(page, MONTH, AS_OF);
        expect(await check(page)).toContain('检查完成');
        expect(requests.filter((u) => !u.startsWith(server.origin + '/') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
      } finally {
        await page.close();
      }
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe('a 100,000-row log in the page', () => {
  const big = path.join(WORK, 'log-100000.xlsx');

  beforeAll(async () => {
    if (!fs.existsSync(big)) await writeXlsxStreamed(makeBenchWorkbook(100_000), big);
  }, 120_000);

  test('is checked in the worker: the page keeps answering and the bar moves', async () => {
    const { page, errors } = await openPage();
    try {
      await page.setInputFiles('#file-input', big);
      await setPeriod(page, BENCH_CHECK.month, BENCH_CHECK.asOf);
      // A heartbeat on the page's own thread: long gaps would mean the page froze.
      await page.evaluate(() => {
        const w = window as unknown as { beats: number[]; doneAt: number };
        w.beats = [];
        w.doneAt = 0;
        setInterval(() => w.beats.push(Date.now()), 50);
        // When the result arrives (the download button is enabled), the worker's part is over.
        new MutationObserver(() => {
          if (!w.doneAt && !document.getElementById('btn-download')!.hasAttribute('disabled')) w.doneAt = Date.now();
        }).observe(document.getElementById('btn-download')!, { attributes: true });
      });
      await page.click('#btn-check');
      const widths = new Set<string>();
      let answered = 0;
      for (;;) {
        const state = await page.evaluate(() => ({
          busy: !document.getElementById('progress')!.className.match(/is-hidden/),
          width: document.getElementById('progress-bar')!.style.width,
        }));
        answered++;
        if (!state.busy) break;
        widths.add(state.width);
        await page.waitForTimeout(100);
      }
      expect(await page.textContent('#message')).toContain('检查完成');
      expect(await page.isDisabled('#btn-download')).toBe(false);
      expect(answered).toBeGreaterThan(3);
      // The bar showed how far the check was, not only the start and the end.
      expect(Array.from(widths).filter((w) => w !== '' && w !== '2%' && w !== '100%').length).toBeGreaterThan(0);
      const gaps = await page.evaluate(() => {
        const w = window as unknown as { beats: number[]; doneAt: number };
        const during = w.beats.filter((t) => t < w.doneAt);
        let worst = 0;
        for (let i = 1; i < during.length; i++) worst = Math.max(worst, during[i] - during[i - 1]);
        return { worst, beats: during.length, run: during.length ? during[during.length - 1] - during[0] : 0 };
      });
      // The page's own thread kept beating through the whole run: work on that thread would show
      // as one gap as long as the run itself. (Relative, not a fixed time: the machine may be busy.)
      expect(gaps.run).toBeGreaterThan(0);
      expect(gaps.beats).toBeGreaterThan(10);
      expect(gaps.worst).toBeLessThan(gaps.run / 3);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});
