/**
 * The task pane on Microsoft's real office.js: the production build served on 127.0.0.1 in
 * headless Chromium, with the add-in's office.js address (Microsoft's CDN) routed to the files of
 * the devDependency @microsoft/office-js, unmodified. The page is opened as Office for Windows
 * opens a task pane (`?_host_Info=Excel$Win32$16.01$zh-CN$…` and `window.external.GetContext()`),
 * so `Office.onReady` resolves with host Excel and office.js loads its Excel client
 * (`excel-win32-16.01.js`); that client's batches go through `window._richApiNativeBridge` to the
 * RichApi host over the simulator (test/richapi/browser-entry.ts). The clerk's clicks as in
 * pane.test.ts: 检查合规, 月度汇总, 清除标记; nothing may leave 127.0.0.1.
 *
 * The clock is fixed at 2 September 2019 (Beijing time), so "this month" and "today" are fixed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { checkWorkbook, layoutSummary, PALETTE, summarySheetName } from '../../src/core';
import type { CheckResult, Colour } from '../../src/core/types';
import { ARTIFACTS, listFiles, sharedProductionBuild } from '../build/webpack-build';
import { buildRichApiHostScript } from '../richapi/build-browser';
import { clickAndWait, instrumentOfficeJs, launchChromium, OFFICE_JS_FOLDER, OFFICE_JS_URL, serveStatic, type OfficeJsRecord, type StaticServer } from './harness';
import { AS_OF, EXPECTED_ROWS, LOG, LOG_VALUES, MONTH, ORIGINAL_FILLS, ORIGINAL_FONTS, SCHEDULE, SCHEDULE_VALUES } from './township';

const SCREENSHOT = path.join(ARTIFACTS, 'browser-pane-office-js', 'taskpane.png');
const VIEWPORT = { width: 360, height: 900 };
/** How Office for Windows opens a task pane: host, platform, version, locale. */
const HOST_INFO = '?_host_Info=Excel$Win32$16.01$zh-CN$$$disableLogging$0';
const SHEETS = [
  { name: SCHEDULE, values: SCHEDULE_VALUES, fills: ORIGINAL_FILLS[SCHEDULE], fonts: ORIGINAL_FONTS[SCHEDULE] },
  { name: LOG, values: LOG_VALUES, fills: ORIGINAL_FILLS[LOG], fonts: ORIGINAL_FONTS[LOG] },
];
const LIMIT = 5 * 1024 * 1024;

/** What test/richapi/browser-entry.ts exposes on window. */
interface HostWindow {
  __sim: {
    fillAt(sheet: string, row: number, col: number): string | null;
    fontColourAt(sheet: string, row: number, col: number): string | null;
    valuesOf(sheet: string): unknown[][];
    sheetNames(): string[];
    stats(): { syncs: number; errors: Array<string | null>; requestBytes: number[]; responseBytes: number[] };
    requests(): Array<{ kind: string; requestBytes: number; responseBytes: number; error: string | null }>;
    settings(): Record<string, string>;
  };
  Office: {
    context: { requirements: { isSetSupported(name: string, version: string): boolean } };
    onReady(): Promise<{ host: string; platform: string }>;
  };
}

type Formats = Record<string, string | null>;

/** Fill of every cell of both sheets, and the font colours of the coloured rows. */
function fills(page: Page): Promise<Formats> {
  return page.evaluate((sheets) => {
    const s = (window as unknown as HostWindow).__sim;
    const out: Record<string, string | null> = {};
    for (const sh of sheets) {
      for (let r = 1; r <= sh.rows; r++) {
        for (let c = 1; c <= sh.cols; c++) {
          out[sh.name + '!' + r + ',' + c] = s.fillAt(sh.name, r, c);
          out[sh.name + '!' + r + ',' + c + ' font'] = s.fontColourAt(sh.name, r, c);
        }
      }
    }
    return out;
  }, SHEETS.map((s) => ({ name: s.name, rows: s.values.length, cols: s.values[0].length })));
}

/** The pane's buttons, waited for until the run is over (harness.ts). */
const click = clickAndWait;

let server: StaticServer;
let browser: Browser;
let hostScript: string;
let expected: CheckResult;
let OUT = '';

beforeAll(async () => {
  const out = checkWorkbook({ sheets: SHEETS.map((s) => ({ name: s.name, values: s.values })) }, { month: MONTH, asOf: AS_OF });
  if (!out.ok) throw new Error('fixture refused by the core: ' + out.error.message);
  expected = out.result;
  hostScript = buildRichApiHostScript();
  OUT = sharedProductionBuild();
  server = await serveStatic(OUT);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

/** A fresh page on the pane as Office for Windows opens it, the township workbook behind the bridge at `apiVersion`. */
async function openPane(apiVersion: string): Promise<{ page: Page; record: OfficeJsRecord }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2019-09-02T09:30:00+08:00'));
  // Before the page's scripts: the workbook, then the bridge and the Office for Windows context.
  await page.addInitScript({ content: 'window.__simInit = ' + JSON.stringify({ sheets: SHEETS, apiVersion }) + ';\n' + hostScript });
  const record = await instrumentOfficeJs(page, server.origin);
  await page.goto(server.origin + '/taskpane.html' + HOST_INFO);
  await page.waitForFunction(() => {
    const b = document.getElementById('btn-check') as HTMLButtonElement | null;
    return !!b && !b.disabled;
  });
  return { page, record };
}

describe.each([
  ['1.13', 'Microsoft 365'],
  ['1.1', 'Excel 2016'],
])('task pane on Microsoft’s office.js, Excel for Windows at ExcelApi %s (%s)', (apiVersion) => {
  let page: Page;
  let record: OfficeJsRecord;
  let before: Formats;

  beforeAll(async () => {
    ({ page, record } = await openPane(apiVersion));
    before = await fills(page);
  }, 60_000);

  it('Office.onReady resolved with host Excel on Windows; the requirement sets are the library’s own', async () => {
    const info = await page.evaluate(() => (window as unknown as HostWindow).Office.onReady());
    expect(info).toEqual(expect.objectContaining({ host: 'Excel', platform: 'PC' }));
    expect(await page.isVisible('#outside-office')).toBe(false);
    expect(await page.textContent('#api-level')).toBe('Excel 接口：ExcelApi ' + apiVersion);
    const sets = await page.evaluate((v) => {
      const r = (window as unknown as HostWindow).Office.context.requirements;
      return [r.isSetSupported('ExcelApi', v), r.isSetSupported('ExcelApi', v === '1.1' ? '1.2' : '1.14')];
    }, apiVersion);
    expect(sets).toEqual([true, false]);
    // office.js loaded its Excel client for Windows beside itself, from the package.
    expect(record.served).toEqual(expect.arrayContaining([OFFICE_JS_URL, OFFICE_JS_FOLDER + 'excel-win32-16.01.js']));
  });

  it('检查合规 for August colours every row as the rules say, through the bridge', async () => {
    await page.selectOption('#month', MONTH.slice(5));
    const message = await click(page, '#btn-check', /^检查完成，已为 \d+ 行标上颜色/);
    expect(message).toContain('已为 ' + expected.rows.length + ' 行');
    const now = await fills(page);
    const byFill: Record<string, Colour> = {};
    for (const c of Object.keys(PALETTE) as Colour[]) byFill[PALETTE[c].fill.toUpperCase()] = c;
    const got: string[] = [];
    const want: string[] = [];
    for (const e of EXPECTED_ROWS) {
      const cols = e.sheet === SCHEDULE ? SCHEDULE_VALUES[0].length : LOG_VALUES[0].length;
      for (let c = 1; c <= cols; c++) {
        got.push(e.sheet + '!' + e.row + ',' + c + ' ' + (byFill[String(now[e.sheet + '!' + e.row + ',' + c] || '').toUpperCase()] || 'none'));
        want.push(e.sheet + '!' + e.row + ',' + c + ' ' + e.colour);
      }
    }
    expect(got).toEqual(want);
    // Title and header rows untouched.
    for (const key of Object.keys(before)) if (Number(key.split('!')[1].split(',')[0]) <= 2) expect({ key, v: now[key] }).toEqual({ key, v: before[key] });
    // The batches were the real client's, answered by the host: syncs, none refused, all under 5 MB.
    const requests = await page.evaluate(() => (window as unknown as HostWindow).__sim.requests());
    expect(requests.filter((r) => r.kind === 'sync').length).toBeGreaterThanOrEqual(3);
    expect(requests.filter((r) => r.error !== null)).toEqual([]);
    expect(Math.max(...requests.map((r) => r.requestBytes))).toBeLessThanOrEqual(LIMIT);
    if (apiVersion === '1.13') {
      // The pane with its findings, for a look (not committed: docs/images/taskpane.png is pane.test.ts's).
      await page.evaluate(() => window.scrollTo(0, 0));
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      expect((await page.screenshot({ path: SCREENSHOT })).length).toBeGreaterThan(20_000);
    }
    // The sheets read are remembered in the document's settings, through Office for Windows'.
    expect(Object.keys(await page.evaluate(() => (window as unknown as HostWindow).__sim.settings()))).toContain('dutyCheck.sheets');
  });

  it('月度汇总 writes the summary sheet with the core’s layout', async () => {
    await click(page, '#btn-summary', /^已生成“履职汇总 2019-08”工作表/);
    const values = await page.evaluate((name) => (window as unknown as HostWindow).__sim.valuesOf(name), summarySheetName(MONTH));
    const layout = layoutSummary(expected.summary);
    expect(values.slice(0, layout.values.length).map((r) => r.slice(0, layout.values[0].length))).toEqual(layout.values);
  });

  it('清除标记 puts back exactly the formats the cells had before the check', async () => {
    await click(page, '#btn-clear', /^已恢复 [1-9]\d* 个单元格检查前的格式。$/);
    const after = await fills(page);
    // Below 1.9 Excel reads a white fill as none (they look the same): the one white cell comes back without.
    const seen = (f: Formats) => {
      const out: Formats = {};
      for (const k of Object.keys(f)) out[k] = apiVersion === '1.1' && f[k] === '#FFFFFF' ? null : f[k];
      return out;
    };
    expect(seen(after)).toEqual(seen(before));
    const stats = await page.evaluate(() => (window as unknown as HostWindow).__sim.stats());
    expect(stats.errors.filter((e) => e !== null)).toEqual([]);
  });

  it('nothing ran, and nothing left 127.0.0.1: office.js and its files came from the package', async () => {
    expect({ dialogs: record.dialogs, errors: record.errors, blocked: record.blocked }).toEqual({ dialogs: [], errors: [], blocked: [] });
    const built = listFiles(OUT);
    const elsewhere = record.requests.filter((url) => {
      if (record.served.indexOf(url) >= 0) return false;
      if (url.indexOf(server.origin + '/') !== 0) return url.indexOf('data:') !== 0;
      return built.indexOf(decodeURIComponent(url.slice(server.origin.length + 1).split('?')[0])) < 0;
    });
    expect(elsewhere).toEqual([]);
  });
});
