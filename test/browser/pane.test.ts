/**
 * The task pane as the clerk uses it: the production webpack build served on 127.0.0.1, opened in
 * headless Debian Chromium, with the Excel simulator (test/sim/browser-entry.ts) served in place
 * of office.js. One build for the whole file and one page per requirement set (ExcelApi 1.9, and
 * 1.1 for Excel 2016); within a page the cases run in order, as a clerk would click: 检查合规, a
 * finding, 月度汇总, 清除标记. Writes docs/images/taskpane.png.
 *
 * The clock is fixed at 2 September 2019 (Beijing time), so "this month" and "today" are fixed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { checkWorkbook, layoutSummary, PALETTE, summarySheetName } from '../../src/core';
import type { CheckResult, Colour } from '../../src/core/types';
import { ARTIFACTS, REPO, listFiles, sharedProductionBuild } from '../build/webpack-build';
import { clickAndWait, foreignRequests, instrument, launchChromium, OFFICE_JS_URL, serveStatic, type PageRecord, type StaticServer } from './harness';
import { buildSimScript } from '../sim/build-browser';
import {
  AS_OF,
  EXPECTED_ROWS,
  FORMULA_TEXT,
  HTML_TEXT,
  LOG,
  LOG_VALUES,
  MEETINGS,
  MEETINGS_VALUES,
  MONTH,
  ORIGINAL_FILLS,
  ORIGINAL_FONTS,
  REPORTS,
  REPORTS_VALUES,
  SCHEDULE,
  SCHEDULE_VALUES,
} from './township';
import { summaryItems } from '../helpers/summary-items';
import type { ShownItem } from '../helpers/summary-items';
import { countsLine } from '../../src/core/listing';

let OUT = '';
const SCREENSHOT = path.join(REPO, 'docs', 'images', 'taskpane.png');
const VIEWPORT = { width: 360, height: 900 };
const SHEETS = [
  { name: SCHEDULE, values: SCHEDULE_VALUES, fills: ORIGINAL_FILLS[SCHEDULE], fonts: ORIGINAL_FONTS[SCHEDULE] },
  { name: LOG, values: LOG_VALUES, fills: ORIGINAL_FILLS[LOG], fonts: ORIGINAL_FONTS[LOG] },
];

/** What the simulator exposes on window (test/sim/browser-entry.ts). */
interface SimWindow {
  __sim: {
    load(init: unknown): void;
    fillAt(sheet: string, row: number, col: number): string | null;
    fontColourAt(sheet: string, row: number, col: number): string | null;
    valuesOf(sheet: string): unknown[][];
    rowHeights(sheet: string): Record<number, number>;
    pageSetup(sheet: string): Record<string, unknown>;
    sheetNames(): string[];
    selection(): { sheet: string; address: string } | null;
    stats(): unknown;
  };
  __simInit?: unknown;
}

type Formats = Record<string, { fill: string | null; font: string | null }>;

/** The core's own answer for the same workbook: what the pane must show and the sim must hold. */
function coreResult(): CheckResult {
  const out = checkWorkbook({ sheets: SHEETS.map((s) => ({ name: s.name, values: s.values })) }, { month: MONTH, asOf: AS_OF });
  if (!out.ok) throw new Error('fixture refused by the core: ' + out.error.message);
  return out.result;
}

function norm(colour: string | null | undefined): string | null {
  if (colour === null || colour === undefined || colour === '') return null;
  const c = String(colour).toUpperCase();
  return c === 'NONE' || c === 'AUTOMATIC' ? null : c.charAt(0) === '#' ? c : '#' + c;
}

/** `'检查记录'!$A$5:$D$5` or `A5:D5` → `A5:D5`. */
function bareAddress(address: string): string {
  const cut = address.lastIndexOf('!');
  return (cut >= 0 ? address.slice(cut + 1) : address).replace(/\$/g, '').toUpperCase();
}

function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Fill and font colour of every cell of both sheets, from the simulator. */
function formats(page: Page): Promise<Formats> {
  return page.evaluate((sheets) => {
    const s = (window as unknown as SimWindow).__sim;
    const out: Record<string, { fill: string | null; font: string | null }> = {};
    for (const sh of sheets) {
      for (let r = 1; r <= sh.rows; r++) {
        for (let c = 1; c <= sh.cols; c++) out[sh.name + '!' + r + ',' + c] = { fill: s.fillAt(sh.name, r, c), font: s.fontColourAt(sh.name, r, c) };
      }
    }
    return out;
  }, SHEETS.map((s) => ({ name: s.name, rows: s.values.length, cols: s.values[0].length })));
}

/** The pane's buttons, waited for until the run is over (harness.ts). */
const click = clickAndWait;

/** The expected colour of each cell of the coloured rows, keyed like `formats`. */
function expectedFills(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of EXPECTED_ROWS) {
    const cols = e.sheet === SCHEDULE ? SCHEDULE_VALUES[0].length : LOG_VALUES[0].length;
    for (let c = 1; c <= cols; c++) out[e.sheet + '!' + e.row + ',' + c] = PALETTE[e.colour].fill.toUpperCase();
  }
  return out;
}

let server: StaticServer;
let browser: Browser;
let officeJs: string;
let expected: CheckResult;

/** A fresh page (own storage) on the pane, with the township workbook (or `sheets`) in a simulator at `apiVersion`. */
async function openPane(apiVersion: string, sheets = SHEETS): Promise<{ page: Page; record: PageRecord }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2019-09-02T09:30:00+08:00'));
  await page.addInitScript((init) => {
    (window as unknown as SimWindow).__simInit = init;
  }, { sheets, apiVersion });
  const record = await instrument(page, server.origin, officeJs);
  await page.goto(server.origin + '/taskpane.html');
  await page.waitForFunction(() => {
    const b = document.getElementById('btn-check') as HTMLButtonElement | null;
    return !!b && !b.disabled;
  });
  return { page, record };
}

beforeAll(async () => {
  expected = coreResult();
  officeJs = buildSimScript(path.join(ARTIFACTS, 'browser-pane-sim', 'office.js'));
  OUT = sharedProductionBuild();
  server = await serveStatic(OUT);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  if (browser) await browser.close();
  if (server) await server.close();
});

describe('task pane in Chromium with the Excel simulator (ExcelApi 1.9)', () => {
  let page: Page;
  let record: PageRecord;
  let before: Formats;

  beforeAll(async () => {
    ({ page, record } = await openPane('1.9'));
  }, 60_000);

  it('opens in the simulated Excel: form enabled, no "open in Excel" note, API level shown', async () => {
    expect(await page.isVisible('#outside-office')).toBe(false);
    expect(await page.isVisible('#loading')).toBe(false);
    expect(await page.textContent('#api-level')).toBe('Excel 接口：ExcelApi 1.9');
    // Fixed clock: this month, as of today.
    expect(await page.inputValue('#year')).toBe('2019');
    expect(await page.inputValue('#month')).toBe('08'); // 2 September: last month, see core/period.ts
    expect(await page.inputValue('#as-of')).toBe(AS_OF);
    expect(await page.evaluate(() => (window as unknown as SimWindow).__sim.sheetNames())).toEqual([SCHEDULE, LOG]);
  });

  it('the fixture holds the original formats the test will expect back', async () => {
    before = await formats(page);
    expect(before[SCHEDULE + '!2,1'].fill).not.toBeNull();
    expect(norm(before[SCHEDULE + '!5,1'].fill)).toBe('#FFFF00');
    expect(norm(before[SCHEDULE + '!5,1'].font)).toBe('#0000FF');
    expect(norm(before[LOG + '!6,2'].font)).toBe('#7030A0');
  });

  it('检查合规 for August colours every row as the rules say', async () => {
    await page.selectOption('#month', MONTH.slice(5));
    const message = await click(page, '#btn-check', /^检查完成，已为 \d+ 行标上颜色/);
    expect(message).toContain('已为 ' + expected.rows.length + ' 行');

    const got: Array<{ sheet: string; row: number; colour: Colour | null }> = [];
    const byFill: Record<string, Colour> = {};
    for (const c of Object.keys(PALETTE) as Colour[]) byFill[PALETTE[c].fill.toUpperCase()] = c;
    const now = await formats(page);
    for (const e of EXPECTED_ROWS) {
      const cols = e.sheet === SCHEDULE ? SCHEDULE_VALUES[0].length : LOG_VALUES[0].length;
      for (let c = 1; c <= cols; c++) {
        const f = now[e.sheet + '!' + e.row + ',' + c];
        got.push({ sheet: e.sheet, row: e.row, colour: byFill[norm(f.fill) || ''] || null });
        const font = PALETTE[e.colour].font;
        // Only the colours with a font colour change the font; the others keep the clerk's.
        expect({ cell: e.sheet + '!' + columnLetter(c) + e.row, font: norm(f.font) }).toEqual({
          cell: e.sheet + '!' + columnLetter(c) + e.row,
          font: font ? font.toUpperCase() : norm(before[e.sheet + '!' + e.row + ',' + c].font),
        });
      }
    }
    const want = EXPECTED_ROWS.flatMap((e) =>
      Array.from({ length: e.sheet === SCHEDULE ? SCHEDULE_VALUES[0].length : LOG_VALUES[0].length }, () => ({ sheet: e.sheet, row: e.row, colour: e.colour })),
    );
    expect(got).toEqual(want);

    // Title and header rows are not the clerk's data: untouched.
    for (const key of Object.keys(before)) {
      const row = Number(key.split('!')[1].split(',')[0]);
      if (row <= 2) expect({ key, ...now[key] }).toEqual({ key, ...before[key] });
    }
    // The hand-written table and the core agree on which rows are coloured.
    expect(expected.rows.map((r) => r.sheet + ':' + r.row + ':' + r.colour).sort()).toEqual(
      EXPECTED_ROWS.map((r) => r.sheet + ':' + r.row + ':' + r.colour).sort(),
    );
  });

  it('lists the findings grouped by colour, with counts and the rules’ messages', async () => {
    const groups = await page.$$eval('#results .group', (els) =>
      els.map((g) => ({
        colour: g.getAttribute('data-colour'),
        count: Number((g.querySelector('.group__count') || { textContent: '' }).textContent),
        messages: Array.prototype.map.call(g.querySelectorAll('.finding__message'), (m: Element) => m.textContent) as string[],
      })),
    );
    const count = (c: Colour) => EXPECTED_ROWS.filter((r) => r.colour === c).length;
    expect(groups.map((g) => [g.colour, g.count])).toEqual([
      ['red', count('red')],
      ['orange', count('orange')],
      ['yellow', count('yellow')],
      ['green', count('green')],
      ['grey', count('grey')],
    ]);
    const red = groups[0].messages;
    expect(red).toEqual(expect.arrayContaining(['应检2次，实检0次；未检：和平加油站', '应检2次，实检1次（8月22日）']));
    expect(red.some((m) => m.indexOf(FORMULA_TEXT) >= 0)).toBe(true);
    expect(groups[4].messages).toEqual(['检查日期“八月某日”无法识别为日期，本行不计入']);
    expect(await page.textContent('#results .results__head')).toContain('2019年8月检查结果');
  });

  it('shows cell text as text: the HTML in a cell is visible literally and created no element', async () => {
    const yellow = await page.$$eval('#results .group[data-colour="yellow"] .finding__message', (els) => els.map((e) => e.textContent));
    expect(yellow).toEqual(['隐患“' + HTML_TEXT + '”整改期限9月5日，未整改，还剩3天']);
    const planted = await page.evaluate(() => ({
      imgs: Array.prototype.map.call(document.querySelectorAll('img'), (i: HTMLImageElement) => i.getAttribute('src')) as string[],
      onerror: document.querySelectorAll('[onerror]').length,
    }));
    expect(planted).toEqual({ imgs: ['assets/icon-32.png'], onerror: 0 });
  });

  it('saves a screenshot of the pane for the README', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT });
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('shows the 读取说明 folded under the results, and opens it: each field’s column', async () => {
    expect(await page.isVisible('#results .reading')).toBe(true);
    expect(await page.isVisible('#results .reading__body')).toBe(false);
    expect(await page.textContent('#results .reading .link-button')).toBe('展开读取说明');
    await page.click('#results .reading .link-button');
    expect(await page.isVisible('#results .reading__body')).toBe(true);
    const rows = await page.$$eval('#results .reading-table tr', (trs) => trs.map((tr) => Array.prototype.map.call(tr.children, (c: Element) => c.textContent) as string[]));
    expect(rows).toEqual(expect.arrayContaining([['检查地点', 'C列“检查地点”', ''], ['带队领导', 'A列“带队领导”', '']]));
    const legend = await page.$$eval('#legend .legend__item', (items) => items.map((i) => i.textContent));
    expect(legend).toEqual(expect.arrayContaining(['无法判断不标色：无法判断（缺少所需的列，见“读取说明”）']));
    await page.click('#results .reading .link-button');
    expect(await page.isVisible('#results .reading__body')).toBe(false);
  });

  it('clicking a finding selects its row in Excel', async () => {
    const target = expected.rows.find((r) => r.sheet === SCHEDULE && r.row === 5)!;
    await page.click('#results .group[data-colour="red"] .finding__button:has-text("未检：和平加油站")');
    await page.waitForFunction(
      (sheet) => {
        const sel = (window as unknown as SimWindow).__sim.selection();
        return !!sel && sel.sheet === sheet;
      },
      SCHEDULE,
    );
    const sel = await page.evaluate(() => (window as unknown as SimWindow).__sim.selection());
    expect({ sheet: sel!.sheet, address: bareAddress(sel!.address) }).toEqual({
      sheet: SCHEDULE,
      address: columnLetter(target.firstColumn) + '5:' + columnLetter(target.lastColumn) + '5',
    });
    // A click that selects is not an error.
    expect(await page.getAttribute('#message', 'class')).toContain('callout--success');
  });

  it('results checked for another month or as-of date are marked out of date', async () => {
    expect(await page.isVisible('#stale')).toBe(false);
    await page.selectOption('#month', '09');
    expect(await page.textContent('#stale')).toBe('下面的结果是按 ' + MONTH + '（截至 ' + AS_OF + '）检查的；月份或截至日期已改动，请重新点“检查合规”。');
    expect(await page.isVisible('#stale')).toBe(true);
    expect(await page.getAttribute('#results', 'class')).toContain('results--stale');
    await page.selectOption('#month', MONTH.slice(5));
    expect(await page.isVisible('#stale')).toBe(false);
    await page.fill('#as-of', '2019-09-03');
    await page.press('#as-of', 'Tab');
    expect(await page.isVisible('#stale')).toBe(true);
    await page.fill('#as-of', AS_OF);
    await page.press('#as-of', 'Tab');
    expect(await page.isVisible('#stale')).toBe(false);
    expect(await page.getAttribute('#results', 'class')).not.toContain('results--stale');
  });

  it('月度汇总 writes the summary sheet with the same values as the command-line tool', async () => {
    const message = await click(page, '#btn-summary', /^已生成“履职汇总 2019-08”工作表/);
    expect(message).toContain(summarySheetName(MONTH));
    const names = await page.evaluate(() => (window as unknown as SimWindow).__sim.sheetNames());
    expect(names.filter((n) => n === summarySheetName(MONTH))).toHaveLength(1);
    const values = await page.evaluate((name) => (window as unknown as SimWindow).__sim.valuesOf(name), summarySheetName(MONTH));
    const layout = layoutSummary(expected.summary);
    // valuesOf is what Excel shows: text written as a value that Excel would take for a formula,
    // a number or a date (=cmd…, 1/1) would show up here as #NAME? or a serial.
    const cells = values;
    expect(cells.slice(0, layout.values.length).map((r) => r.slice(0, layout.values[0].length))).toEqual(layout.values);
    // Row heights and page numbers as the command line writes them (core/layout.ts), not Excel's autofit.
    const heights = await page.evaluate((name) => (window as unknown as SimWindow).__sim.rowHeights(name), summarySheetName(MONTH));
    expect(layout.values.map((_r, i) => heights[i + 1])).toEqual(layout.rowHeights);
    expect(await page.evaluate((name) => (window as unknown as SimWindow).__sim.pageSetup(name), summarySheetName(MONTH))).toMatchObject({
      firstPageNumber: 1,
      centerFooter: '第 &P 页，共 &N 页',
    });
    const leaderRow = cells.find((r) => r[0] === '鲁攀');
    expect(leaderRow && leaderRow.slice(0, 8)).toEqual(['鲁攀', '班子成员', 2, 0, 0, '0/1', '和平加油站', '未完成']);
    expect(cells.some((r) => r.indexOf(FORMULA_TEXT) >= 0)).toBe(true);
    // The summary did not change the rows' colours.
    const now = await formats(page);
    expect(norm(now[SCHEDULE + '!5,1'].fill)).toBe(PALETTE.red.fill.toUpperCase());
  });

  it('清除标记 puts back exactly the formats the cells had before the check', async () => {
    const message = await click(page, '#btn-clear', /^已恢复 \d+ 个单元格检查前的格式。$/);
    expect(message).toMatch(/已恢复 [1-9]\d* 个/);
    const after = await formats(page);
    expect(after).toEqual(before);
    expect(await page.isVisible('#results')).toBe(false);
  });

  it('nothing executed and nothing left 127.0.0.1 but the office.js request', async () => {
    expect(record.dialogs).toEqual([]);
    expect(record.errors).toEqual([]);
    expect(foreignRequests(record, server.origin)).toEqual([]);
    const built = listFiles(OUT);
    const unexpected = record.requests.filter((url) => {
      if (url === OFFICE_JS_URL) return false;
      if (url.indexOf(server.origin + '/') !== 0) return true;
      const file = decodeURIComponent(url.slice(server.origin.length + 1).split('?')[0]);
      return built.indexOf(file) < 0;
    });
    expect(unexpected).toEqual([]);
    expect(record.requests.filter((u) => u === OFFICE_JS_URL)).toHaveLength(1);
  });
});

/**
 * Excel 2016 (ExcelApi 1.1): no RangeAreas, no hyperlinks, no suspended calculation. The pane
 * must give the same colours, summary and restore through the adapter's fallbacks.
 */
describe('task pane on ExcelApi 1.1 (Excel 2016)', () => {
  let page: Page;
  let record: PageRecord;
  let before: Formats;

  beforeAll(async () => {
    ({ page, record } = await openPane('1.1'));
    before = await formats(page);
  }, 60_000);

  it('reports ExcelApi 1.1 and colours the same rows with the same colours', async () => {
    expect(await page.textContent('#api-level')).toBe('Excel 接口：ExcelApi 1.1');
    await page.selectOption('#month', MONTH.slice(5));
    await click(page, '#btn-check', /^检查完成，已为 \d+ 行标上颜色/);
    const now = await formats(page);
    const want = expectedFills();
    const got: Record<string, string | null> = {};
    for (const key of Object.keys(now)) got[key] = want[key] ? norm(now[key].fill) : norm(now[key].fill) === norm(before[key].fill) ? 'unchanged' : norm(now[key].fill);
    const wantAll: Record<string, string> = {};
    for (const key of Object.keys(now)) wantAll[key] = want[key] || 'unchanged';
    expect(got).toEqual(wantAll);
  });

  it('writes the same summary sheet', async () => {
    await click(page, '#btn-summary', /^已生成“履职汇总 2019-08”工作表/);
    const values = await page.evaluate((name) => (window as unknown as SimWindow).__sim.valuesOf(name), summarySheetName(MONTH));
    const layout = layoutSummary(expected.summary);
    expect(values.slice(0, layout.values.length).map((r) => r.slice(0, layout.values[0].length))).toEqual(layout.values);
  });

  it('清除标记 restores the original formats, and nothing ran or left the machine', async () => {
    await click(page, '#btn-clear', /^已恢复 [1-9]\d* 个单元格检查前的格式。$/);
    expect(await formats(page)).toEqual(before);
    expect({ dialogs: record.dialogs, errors: record.errors, foreign: foreignRequests(record, server.origin) }).toEqual({ dialogs: [], errors: [], foreign: [] });
  });
});


/**
 * A log without a place column (检查地点 left out): key sites cannot be judged. The pane says so
 * once, shows 无法判断 for the key sites, colours no schedule row red for them, and its 读取说明
 * says 检查地点 was not found. Writes the pane as a picture to the test artifacts.
 */
describe('task pane on a log without a place column', () => {
  const PLACE = LOG_HEADER_INDEX('检查地点');
  const noPlace = SHEETS.map((s) => (s.name === LOG ? { ...s, values: s.values.map((r) => r.filter((_v, c) => c !== PLACE)) } : s));
  let page: Page;
  let record: PageRecord;

  beforeAll(async () => {
    ({ page, record } = await openPane('1.9', noPlace));
  }, 60_000);

  it('says once which column is missing, shows the key sites as 无法判断, and no red for them', async () => {
    await page.selectOption('#month', MONTH.slice(5));
    await click(page, '#btn-check', /^检查完成/);
    const notes = await page.$$eval('#results .missing-column', (els) => els.map((e) => e.textContent));
    expect(notes).toEqual(['注意：检查记录没有找到“检查地点”列：重点场所无法判断（不算未检）。如有这一列，请在规则设置中写一行“列:检查地点=该列表头”。']);
    const sites = await page.$$eval('#results .leader-table tbody tr:not(.leader-note)', (trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[4].textContent]));
    // 鲁攀 did no inspection at all: his key site was certainly not visited (0/1), with or without the column.
    expect(sites).toEqual([['郭环球主要领导', '无法判断'], ['熊  丹主要领导', '无法判断'], ['鲁  攀', '0/1'], ['李卫萍', '无法判断'], ['邓光明', '无法判断']]);
    // 郭环球 did his one inspection: green, though his key site cannot be judged.
    const now = await page.evaluate((name) => (window as unknown as SimWindow).__sim.fillAt(name, 3, 1), SCHEDULE);
    expect(norm(now)).toBe(PALETTE.green.fill.toUpperCase());
    await page.click('#results .reading .link-button');
    const rows = await page.$$eval('#results .reading-table tr', (trs) => trs.map((tr) => Array.prototype.map.call(tr.children, (c: Element) => c.textContent) as string[]));
    expect(rows).toContainEqual(['检查地点', '未找到', '重点场所是否检查无法判断']);
    await page.evaluate(() => {
      const r = document.querySelector('#results .reading');
      if (r) r.scrollIntoView();
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const png = await page.locator('#results .reading').screenshot({ path: path.join(ARTIFACTS, 'pane-reading.png') });
    expect(png.length).toBeGreaterThan(20_000);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-no-place-column.png') });
    expect({ dialogs: record.dialogs, errors: record.errors }).toEqual({ dialogs: [], errors: [] });
  });
});

function LOG_HEADER_INDEX(header: string): number {
  const i = LOG_VALUES[1].indexOf(header);
  if (i < 0) throw new Error('no ' + header + ' in the log header');
  return i;
}

/**
 * The pane and the summary sheet tell one story (issue 18.2), on a workbook with meetings and
 * reports: every item the summary sheet (written by 月度汇总 into the simulator) shows in a colour
 * is in the pane's group of that colour and nothing else is, the green rows it counts are the
 * pane's, the meetings block shows table 三, and the message's row counts are table 五's. Writes the
 * pane as a picture to the test artifacts.
 */
describe('task pane and summary sheet agree item by item (meetings and reports)', () => {
  const full = SHEETS.concat([
    { name: MEETINGS, values: MEETINGS_VALUES, fills: {}, fonts: {} },
    { name: REPORTS, values: REPORTS_VALUES, fills: {}, fonts: {} },
  ]);
  let page: Page;
  let record: PageRecord;
  let core: CheckResult;

  beforeAll(async () => {
    const out = checkWorkbook({ sheets: full.map((s) => ({ name: s.name, values: s.values })) }, { month: MONTH, asOf: AS_OF });
    if (!out.ok) throw new Error(out.error.message);
    core = out.result;
    ({ page, record } = await openPane('1.9', full));
  }, 60_000);

  it('shows in each colour group exactly what the summary sheet shows in that colour, with the same counts', async () => {
    await page.selectOption('#month', MONTH.slice(5));
    const message = await click(page, '#btn-check', /^检查完成/);
    await click(page, '#btn-summary', /^已生成/);
    const layout = layoutSummary(core.summary);
    const values = await page.evaluate((name) => (window as unknown as SimWindow).__sim.valuesOf(name), summarySheetName(MONTH));
    // What the simulator's sheet holds is the layout the items are read from.
    expect(values.slice(0, layout.values.length).map((r) => r.slice(0, layout.values[0].length))).toEqual(layout.values);
    const shown = summaryItems(layout);

    const groups = await page.$$eval('#results .group', (els) =>
      els.map((g) => ({
        colour: g.getAttribute('data-colour') as string,
        count: Number((g.querySelector('.group__count') || { textContent: '' }).textContent),
        items: Array.prototype.map.call(g.querySelectorAll('.finding'), (f: Element) => ({
          message: (f.querySelector('.finding__message') || { textContent: '' }).textContent as string,
          where: (f.querySelector('.finding__where') || { textContent: '' }).textContent as string,
          row: !!f.querySelector('.finding__button'),
        })) as Array<{ message: string; where: string; row: boolean }>,
      })),
    );
    const pane: ShownItem[] = [];
    for (const g of groups) {
      expect([g.colour, g.count]).toEqual([g.colour, g.items.length]);
      for (const item of g.items) {
        if (item.row) {
          const m = /(?:^| · )([^·]+) · 第(\d+)行$/.exec(item.where)!;
          pane.push({ colour: g.colour as Colour, key: m[1] + '!' + m[2], text: item.message });
        } else {
          const kind = item.where.indexOf('会议记录') === 0 ? 'meeting' : item.where.indexOf('述职报告') === 0 ? 'unit' : 'sheet';
          pane.push({ colour: g.colour as Colour, key: kind + ':' + item.message, text: item.message });
        }
      }
    }
    const paneShown = pane.filter((p) => !(p.colour === 'green' && p.key.indexOf('!') > 0));
    expect(paneShown.map((p) => p.colour + ' ' + p.key).sort()).toEqual(shown.items.map((x) => x.colour + ' ' + x.key).sort());
    for (const p of paneShown) {
      const s = shown.items.find((x) => x.colour === p.colour && x.key === p.key)!;
      expect(s.text.endsWith(p.text)).toBe(true);
    }
    expect(pane.filter((p) => p.colour === 'green' && p.key.indexOf('!') > 0)).toHaveLength(shown.greenRows);
    // Before issue 18 the pane had neither of these.
    expect(pane.filter((p) => p.key.indexOf('unit:') === 0).map((p) => p.colour)).toEqual(['red', 'red']);
    expect(pane.filter((p) => p.key.indexOf('meeting:') === 0).map((p) => p.colour)).toEqual(['yellow']);

    // The chips count the groups; the message counts the rows as table 五's title (and the terminal) do.
    const chips = await page.$$eval('#results .count-chip__n', (els) => els.map((e) => Number(e.textContent)));
    expect(chips).toEqual(groups.map((g) => g.count));
    expect(message).toContain('已为 ' + core.rows.length + ' 行标上颜色：' + countsLine(shown.rowCounts) + '。');
    expect(await page.textContent('#results .count-note')).toBe(
      '其中工作表中标色 ' + core.rows.length + ' 行；另有 3 项不在某一行：会议 1 项、述职报告表中没有的成员单位 2 项（会议和述职报告见下文）。',
    );
  });

  it('shows the meetings as the summary’s table 三 and the reports by status', async () => {
    const shown = summaryItems(layoutSummary(core.summary));
    const meetings = await page.$$eval('#results .meeting-row', (trs) => trs.map((tr) => Array.prototype.map.call(tr.children, (c: Element) => c.textContent) as string[]));
    expect(meetings).toEqual(shown.meetings.map((m) => [m[0], String(m[1]), String(m[2]), m[3]]));
    const reports = await page.$$eval('#results .report-line', (lis) => lis.map((li) => li.textContent));
    expect(reports).toEqual(['未完成 3扶贫办民政所经济发展办', '逾期完成 1党政办', '合规 2']);
    // A unit with a row selects it.
    await page.click('#results .report-unit:has-text("党政办")');
    await page.waitForFunction(() => {
      const sel = (window as unknown as SimWindow).__sim.selection();
      return !!sel && sel.sheet === '述职报告';
    });
    expect(bareAddress((await page.evaluate(() => (window as unknown as SimWindow).__sim.selection()))!.address)).toBe('A4:C4');
    await page.evaluate(() => {
      const r = document.querySelector('#results .meetings');
      if (r) r.scrollIntoView();
    });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-meetings-reports.png') });
    await page.evaluate(() => {
      const r = document.querySelector('#results');
      if (r) r.scrollIntoView();
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-groups.png') });
    expect({ dialogs: record.dialogs, errors: record.errors, foreign: foreignRequests(record, server.origin) }).toEqual({ dialogs: [], errors: [], foreign: [] });
  });
});
