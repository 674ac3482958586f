/**
 * `duty-check` end to end, in process: real files in a temporary folder, workbooks built in the
 * test, the output read back. The clock and the terminal are injected.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PALETTE } from '../../src/core/palette';
import type { Colour } from '../../src/core/types';
import { main, run } from '../../src/cli/main';
import { addExtras, buildRawXlsx } from './helpers/raw-xlsx';
import { fillOf, readBack, snapshotWorkbook } from './helpers/snapshot';
import { LEADERS, LOG, townshipWorkbook, utc } from './helpers/township';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-main-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], extra: { now?: Date; isTTY?: boolean; env?: Record<string, string> } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => extra.now || new Date(2019, 8, 2, 10, 0),
    isTTY: extra.isTTY || false,
    env: extra.env || {},
    cwd: dir,
  });
  return { code, stdout, stderr };
}

const AUGUST = ['--month', '2019-08', '--as-of', '2019-09-02'];
const own = (name: string) => !name.startsWith('履职汇总');

function write(name: string, buffer: Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buffer);
  return file;
}

function listing(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      out.push(path.relative(dir, p) + (e.isDirectory() ? '/' : ':' + fs.statSync(p).size));
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

function json(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

describe('a normal run', () => {
  test('exit 0, writes the workbook and the JSON, prints the summary', async () => {
    write('镇.xlsx', await townshipWorkbook());
    const r = await cli(['镇.xlsx', ...AUGUST, '--json', 'out/镇.json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '镇-检查结果.xlsx'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'out', '镇.json'))).toBe(true);
    for (const name of ['王海', '李明', '赵刚']) expect(r.stdout).toMatch(new RegExp('^  ' + name, 'm'));
    expect(r.stdout).toMatch(/^  赵刚.*未完成.*逾期检查：南山矿业/m);
    expect(r.stdout).toContain('行标色：');
    expect(r.stdout).toContain('已写入结果工作簿：镇-检查结果.xlsx');
    expect(r.stdout).toContain('已写入 JSON 报告：' + path.join('out', '镇.json'));
    expect(r.stdout).not.toContain('\x1b[');
    // No temporary files are left behind.
    expect(listing().filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('fills exactly the rows the check coloured, across the table, in the palette colours', async () => {
    const input = write('镇.xlsx', await townshipWorkbook());
    const outcome = await run(['镇.xlsx', ...AUGUST], { stdout: () => undefined, cwd: dir });
    expect(outcome.exitCode).toBe(0);
    const rows = outcome.result!.rows;
    // The cases of the fixture: 赵刚's schedule row is red, the overdue hazard row is red, the bad date grey.
    const colourAt = (sheet: string, r: number) => rows.find((x) => x.sheet === sheet && x.row === r)?.colour;
    expect(colourAt('安排表', 5)).toBe('red');
    expect(colourAt('检查记录', 4)).toBe('red');
    expect(colourAt('检查记录', 6)).toBe('grey');

    const before = await readBack(fs.readFileSync(input));
    const after = await readBack(fs.readFileSync(path.join(dir, '镇-检查结果.xlsx')));
    const expected = new Map<string, Colour>();
    for (const r of rows) for (let c = r.firstColumn; c <= r.lastColumn; c++) expected.set(r.sheet + '!' + r.row + ':' + c, r.colour);
    for (const ws of before.worksheets) {
      const out = after.getWorksheet(ws.name)!;
      const maxRow = Math.max(ws.rowCount, out.rowCount) + 1;
      const maxCol = Math.max(ws.columnCount, out.columnCount) + 1;
      for (let r = 1; r <= maxRow; r++) {
        for (let c = 1; c <= maxCol; c++) {
          const colour = expected.get(ws.name + '!' + r + ':' + c);
          const cell = out.getCell(r, c);
          if (colour) {
            expect([ws.name, r, c, fillOf(cell)]).toEqual([ws.name, r, c, 'FF' + PALETTE[colour].fill.slice(1)]);
            const font = PALETTE[colour].font;
            if (font) expect(cell.font.color).toEqual({ argb: 'FF' + font.slice(1) });
          } else {
            expect([ws.name, r, c, fillOf(cell)]).toEqual([ws.name, r, c, fillOf(ws.getCell(r, c))]);
          }
        }
      }
    }
    // The bold name in the first schedule row keeps bold, size and font name.
    const firstLeader = rows.find((x) => x.sheet === '安排表' && x.row === 3);
    expect(firstLeader).toBeDefined();
    expect(after.getWorksheet('安排表')!.getCell('A3').font).toMatchObject({ name: '宋体', size: 12, bold: true });
  });

  test('no value, formula, number format, width, height or merge of the input changes', async () => {
    const input = write('镇.xlsx', await townshipWorkbook());
    expect((await cli(['镇.xlsx', ...AUGUST])).code).toBe(0);
    const before = snapshotWorkbook(await readBack(fs.readFileSync(input)));
    const after = snapshotWorkbook(await readBack(fs.readFileSync(path.join(dir, '镇-检查结果.xlsx'))), own);
    expect(after).toEqual(before);
    expect(after.find((s) => s.name === '检查记录')!.cells.H2.formula).toBe('COUNTA(A2:A100)');
    expect(after.find((s) => s.name === '备注')!.cells.B2.value).toBe('=1+1');
  });

  test('the summary sheet: its name, after the input sheets, text never a formula', async () => {
    const leaders = LEADERS.slice();
    leaders.push(['=1+1', '副镇长', "=cmd|' /C calc'!A0", '负责分管领域及“@SUM(A1)”安全生产工作']);
    write('镇.xlsx', await townshipWorkbook({ leaders }));
    expect((await cli(['镇.xlsx', ...AUGUST])).code).toBe(0);
    const buffer = fs.readFileSync(path.join(dir, '镇-检查结果.xlsx'));
    const wb = await readBack(buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['安排表', '检查记录', '备注', '履职汇总 2019-08']);
    const summary = wb.getWorksheet('履职汇总 2019-08')!;
    const texts: string[] = [];
    summary.eachRow((row) => row.eachCell((cell) => {
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof cell.value === 'string') texts.push(cell.value);
    }));
    expect(texts.some((t) => t.includes('=1+1'))).toBe(true);
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // And in the file itself: not one <f> element in the summary part.
    const zip = await JSZip.loadAsync(buffer);
    const parts = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    const xmls = await Promise.all(parts.map((p) => zip.file(p)!.async('string')));
    const summaryXml = xmls.filter((x) => x.includes('fitToHeight="0"') && x.includes('paperSize="9"'));
    expect(summaryXml).toHaveLength(1);
    expect(summaryXml[0]).not.toMatch(/<f[\s>]/);
  });

  test('the JSON report has the shape of SPEC §4 plus lostParts, input and output', async () => {
    write('镇.xlsx', await townshipWorkbook());
    expect((await cli(['镇.xlsx', ...AUGUST, '--json', 'r.json'])).code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'r.json'), 'utf8');
    expect(text).toMatch(/^{\n  "month": "2019-08",\n/);
    const report = json('r.json');
    expect(report).toMatchObject({ month: '2019-08', asOf: '2019-09-02', deadlineDay: 25, input: '镇.xlsx', output: '镇-检查结果.xlsx', lostParts: [] });
    expect(report.leaders.map((l: any) => [l.name, l.role, l.required, l.status])).toEqual([
      ['王海', 'main', 1, 'ok'],
      ['李明', 'member', 2, 'ok'],
      ['赵刚', 'member', 2, 'missing'],
    ]);
    for (const l of report.leaders) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['name', 'role', 'required', 'total', 'onTime', 'status', 'sites']));
      for (const s of l.sites) expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'status']));
    }
    // Inspected on the 27th, after the 25th: the site is late, the quota (1 of 2) missing.
    expect(report.leaders[2].sites).toEqual([expect.objectContaining({ name: '南山矿业', status: 'late' })]);
    for (const r of report.rows) {
      expect(typeof r.sheet).toBe('string');
      expect(Number.isInteger(r.row)).toBe(true);
      expect(['red', 'orange', 'yellow', 'green', 'grey']).toContain(r.colour);
      expect(typeof r.rule).toBe('string');
      expect(typeof r.message).toBe('string');
    }
    expect(report.rows).toContainEqual(expect.objectContaining({ sheet: '检查记录', row: 4, colour: 'red', rule: 'hazard-rectification' }));
    expect(report.problems).toContainEqual(expect.objectContaining({ sheet: '检查记录', row: 6, column: '检查日期' }));
    expect(Array.isArray(report.meetings)).toBe(true);
    expect(Array.isArray(report.reports)).toBe(true);
  });

  test('running on its own output gives the same findings and the same sheets; the summary is replaced', async () => {
    write('镇.xlsx', await townshipWorkbook());
    expect((await cli(['镇.xlsx', ...AUGUST, '--json', 'a.json'])).code).toBe(0);
    const second = await cli(['镇-检查结果.xlsx', ...AUGUST, '--out', 'again.xlsx', '--json', 'b.json']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('已替换原有同名汇总表');
    const a = json('a.json');
    const b = json('b.json');
    for (const key of ['leaders', 'rows', 'hazards', 'meetings', 'reports', 'problems', 'lostParts']) expect([key, b[key]]).toEqual([key, a[key]]);
    const first = await readBack(fs.readFileSync(path.join(dir, '镇-检查结果.xlsx')));
    const again = await readBack(fs.readFileSync(path.join(dir, 'again.xlsx')));
    expect(again.worksheets.map((w) => w.name)).toEqual(first.worksheets.map((w) => w.name));
    expect(snapshotWorkbook(again)).toEqual(snapshotWorkbook(first));
  });

  test('defaults: as-of is today from the clock, the month the last one until the 25th + 5 days, the output sits beside the input', async () => {
    write('sub/镇.xlsx', await townshipWorkbook());
    const r = await cli(['sub/镇.xlsx', '--json', 'r.json'], { now: new Date(2019, 8, 2, 23, 30) });
    expect(r.code).toBe(0);
    expect(json('r.json')).toMatchObject({ month: '2019-08', asOf: '2019-09-02' });
    expect(r.stdout).toContain('未指定 --month：检查 2019 年 8 月，截至今天 2019-09-02');
    expect(fs.existsSync(path.join(dir, 'sub', '镇-检查结果.xlsx'))).toBe(true);
  });

  test('colours in the terminal only when it is one and NO_COLOR is unset; FORCE_COLOR forces them', async () => {
    write('镇.xlsx', await townshipWorkbook());
    expect((await cli(['镇.xlsx', ...AUGUST, '--out', 'a.xlsx'], { isTTY: true })).stdout).toContain('\x1b[');
    expect((await cli(['镇.xlsx', ...AUGUST, '--out', 'b.xlsx'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await cli(['镇.xlsx', ...AUGUST, '--out', 'c.xlsx'], { isTTY: false, env: { FORCE_COLOR: '1' } })).stdout).toContain('\x1b[');
  });
});

describe('exit codes', () => {
  test('--fail-on red: 1 when a row is red, and the output is still written', async () => {
    write('镇.xlsx', await townshipWorkbook());
    const r = await cli(['镇.xlsx', ...AUGUST, '--fail-on', 'red']);
    expect(r.code).toBe(1);
    expect(fs.existsSync(path.join(dir, '镇-检查结果.xlsx'))).toBe(true);
  });

  test('--fail-on red: 0 when nothing is red; without the option red rows give 0', async () => {
    const clean = [
      [utc(2019, 8, 5), '王海', '东村', '无', null, null],
      [utc(2019, 8, 6), '李明', '西站加油站', '无', null, null],
      [utc(2019, 8, 12), '李明', '西站加油站', '无', null, null],
      [utc(2019, 8, 7), '赵刚', '南山矿业', '无', null, null],
      [utc(2019, 8, 20), '赵刚', '南山矿业', '无', null, null],
    ] as const;
    write('ok.xlsx', await townshipWorkbook({ log: clean.map((l) => l.slice()) as never }));
    const r = await cli(['ok.xlsx', ...AUGUST, '--fail-on', 'red', '--json', 'ok.json']);
    expect(json('ok.json').rows.filter((x: any) => x.colour === 'red')).toEqual([]);
    expect(r.code).toBe(0);
    write('red.xlsx', await townshipWorkbook());
    expect((await cli(['red.xlsx', ...AUGUST])).code).toBe(0);
  });

  test('--help: exit 0, Chinese and English usage, nothing written', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法 Usage:');
    expect(r.stdout).toContain('--fail-on red');
    expect(listing()).toEqual([]);
  });
});

describe('usage and input errors: exit 2, one line on stderr, nothing written', () => {
  const cases: Array<[string, () => Promise<string[]>, RegExp]> = [
    ['no arguments', async () => [], /请指定要检查的工作簿/],
    ['a bad option', async () => ['镇.xlsx', '--colour'], /不认识的选项/],
    ['a bad month', async () => ['镇.xlsx', '--month', '2019-8-1'], /检查月份/],
    ['a missing file', async () => ['没有这个文件.xlsx'], /找不到输入文件/],
    ['not a workbook', async () => { write('假的.xlsx', Buffer.from('这不是工作簿')); return ['假的.xlsx']; }, /是文本文件，不是 Excel 工作簿/],
    ['an old .xls', async () => { write('旧.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])); return ['旧.xls']; }, /旧版 \.xls/],
    ['no schedule sheet', async () => { write('n.xlsx', await townshipWorkbook({ noSchedule: true })); return ['n.xlsx', ...AUGUST]; }, /带队领导/],
    ['no inspection log', async () => { write('n.xlsx', await townshipWorkbook({ noLog: true })); return ['n.xlsx', ...AUGUST]; }, /检查日期|检查记录/],
    ['as-of before the month', async () => { write('n.xlsx', await townshipWorkbook()); return ['n.xlsx', '--month', '2019-09', '--as-of', '2019-08-31']; }, /早于检查月份/],
    ['an empty workbook', async () => { write('e.xlsx', await buildRawXlsx([{ name: 'Sheet1', rows: [] }])); return ['e.xlsx', ...AUGUST]; }, /./],
  ];
  test.each(cases)('%s', async (_name, setup, message) => {
    const argv = await setup();
    const before = listing();
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^错误：[^\n]+\n$/);
    expect(r.stderr).toMatch(/[A-Za-z]{3,}/); // an English part
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(listing()).toEqual(before);
  });

  test('an existing output is refused without --force and left as it was; --force replaces it', async () => {
    write('镇.xlsx', await townshipWorkbook());
    write('镇-检查结果.xlsx', Buffer.from('old result'));
    const r = await cli(['镇.xlsx', ...AUGUST]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已存在；如需覆盖请加 --force/);
    expect(fs.readFileSync(path.join(dir, '镇-检查结果.xlsx'), 'utf8')).toBe('old result');
    expect((await cli(['镇.xlsx', ...AUGUST, '--force'])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, '镇-检查结果.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('an existing JSON file is refused without --force too, and then nothing is written', async () => {
    write('镇.xlsx', await townshipWorkbook());
    write('r.json', Buffer.from('{}'));
    const before = listing();
    expect((await cli(['镇.xlsx', ...AUGUST, '--json', 'r.json'])).code).toBe(2);
    expect(listing()).toEqual(before);
  });

  test('never overwrites the input, even with --force, by name, by another spelling or through a link', async () => {
    const input = write('镇.xlsx', await townshipWorkbook());
    fs.symlinkSync(input, path.join(dir, 'link.xlsx'));
    const original = fs.readFileSync(input);
    for (const out of ['镇.xlsx', './sub/../镇.xlsx', 'link.xlsx']) {
      const r = await cli(['镇.xlsx', ...AUGUST, '--out', out, '--force']);
      expect([out, r.code]).toEqual([out, 2]);
      expect(r.stderr).toMatch(/从不覆盖输入文件/);
    }
    expect(fs.readFileSync(input).equals(original)).toBe(true);
  });

  test('JSON and workbook output must differ', async () => {
    write('镇.xlsx', await townshipWorkbook());
    const r = await cli(['镇.xlsx', ...AUGUST, '--out', 'same.xlsx', '--json', 'same.xlsx']);
    expect(r.code).toBe(2);
  });
});

describe('workbooks from other programs and with parts ExcelJS cannot carry', () => {
  test('a 1904 workbook with inline strings gives the same findings as the 1900 one', async () => {
    // 2019-08-05 is serial 43682 in the 1900 system and 42220 in the 1904 system.
    const serial1900 = (d: Date) => Math.round(d.getTime() / 86400000) + 25569;
    const sheets = (offset: number) => [
      { name: '安排表', rows: [['带队领导', '职务', '检查范围'], ...LEADERS.map((l) => [l[0], l[1], l[3]])] },
      {
        name: '检查记录',
        rows: [
          ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期'],
          ...LOG.map((l) => l.map((v) => (v instanceof Date ? { t: 'n' as const, v: serial1900(v) - offset, date: true } : v === null ? null : String(v)))),
        ],
      },
    ];
    write('a1900.xlsx', await buildRawXlsx(sheets(0), { strings: 'shared' }));
    write('a1904.xlsx', await buildRawXlsx(sheets(1462), { date1904: true, strings: 'inline' }));
    expect((await cli(['a1900.xlsx', ...AUGUST, '--json', 'a.json'])).code).toBe(0);
    expect((await cli(['a1904.xlsx', ...AUGUST, '--json', 'b.json'])).code).toBe(0);
    const a = json('a.json');
    const b = json('b.json');
    expect(a.leaders.map((l: any) => [l.name, l.total, l.status])).toEqual([['王海', 1, 'ok'], ['李明', 2, 'ok'], ['赵刚', 1, 'missing']]);
    for (const key of ['leaders', 'rows', 'hazards', 'problems']) expect([key, b[key]]).toEqual([key, a[key]]);
    // The output keeps the 1904 system and the same days.
    const out = await readBack(fs.readFileSync(path.join(dir, 'a1904-检查结果.xlsx')));
    expect((out.properties as { date1904?: boolean }).date1904).toBe(true);
    expect(out.getWorksheet('检查记录')!.getCell('A2').value).toEqual(utc(2019, 8, 5));
  });

  test('an image, a chart and macros are carried into the result, part for part', async () => {
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const withImage = await townshipWorkbook({
      decorate: (wb) => {
        const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
        wb.getWorksheet('备注')!.addImage(id, 'C3:D5');
      },
    });
    write('img.xlsx', withImage);
    const r1 = await cli(['img.xlsx', ...AUGUST, '--json', 'img.json']);
    expect(r1.code).toBe(0);
    expect(json('img.json').lostParts).toEqual([]);
    expect((await readBack(fs.readFileSync(path.join(dir, 'img-检查结果.xlsx')))).getWorksheet('备注')!.getImages()).toHaveLength(1);

    // Before issue 14 the chart and the macros were reported lost; now they come out as they went in.
    const input = await addExtras(withImage, { chartOnSheet: 1, vba: true });
    write('chart.xlsx', input);
    const r2 = await cli(['chart.xlsx', ...AUGUST, '--json', 'chart.json']);
    expect(r2.code).toBe(0);
    expect(json('chart.json').lostParts).toEqual([]);
    expect(r2.stdout).not.toContain('无法带入结果文件');
    const before = await JSZip.loadAsync(input);
    const after = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'chart-检查结果.xlsx')));
    for (const part of ['xl/charts/chart1.xml', 'xl/vbaProject.bin', 'xl/media/image1.png']) {
      expect([part, await after.file(part)!.async('nodebuffer')]).toEqual([part, await before.file(part)!.async('nodebuffer')]);
    }
  });

  test('hostile text in the input stays text in the output', async () => {
    const log = LOG.slice();
    log.push([utc(2019, 8, 8), '王海', "=cmd|' /C calc'!A0", '+1', null, null]);
    write('h.xlsx', await townshipWorkbook({ log }));
    expect((await cli(['h.xlsx', ...AUGUST])).code).toBe(0);
    const out = await readBack(fs.readFileSync(path.join(dir, 'h-检查结果.xlsx')));
    const cell = out.getWorksheet('检查记录')!.getCell('C7');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=cmd|' /C calc'!A0");
  });
});

describe('sheets the check does not read', () => {
  const TAIL = '（前10行中没有可识别的表头行；如其中有检查记录，请在表头行写明“检查日期”和“带队领导”）';
  // 赵刚's second inspection kept on a monthly sheet whose header the check does not know (人员 is no leader word).
  const monthly = (wb: ExcelJS.Workbook) => {
    const ws = wb.addWorksheet('8月补录');
    ws.getRow(1).values = ['日期', '人员', '地点', '内容'];
    ws.getRow(2).values = [utc(2019, 8, 20), '赵刚', '南山矿业', '安全检查'];
  };
  const noNotes = (wb: ExcelJS.Workbook) => wb.removeWorksheet(wb.getWorksheet('备注')!.id);

  /** Column A of the summary's rows above its first section (title and info lines). */
  async function infoRows(file: string): Promise<Array<{ text: string; merged: string | null; wrap: boolean }>> {
    const summary = (await readBack(fs.readFileSync(path.join(dir, file)))).getWorksheet('履职汇总 2019-08')!;
    const rows: Array<{ text: string; merged: string | null; wrap: boolean }> = [];
    for (let r = 2; r <= summary.rowCount; r++) {
      const cell = summary.getCell(r, 1);
      if (cell.value === null || cell.value === undefined || cell.value === '') break;
      const far = summary.getCell(r, 9);
      rows.push({ text: String(cell.value), merged: far.isMerged ? (far.master.address + ':' + far.address) : null, wrap: !!(cell.alignment && cell.alignment.wrapText) });
    }
    return rows;
  }

  const cases: Array<[string, (wb: ExcelJS.Workbook) => void, string[]]> = [
    ['every sheet read: no line', noNotes, []],
    ['a note sheet', () => undefined, ['备注']],
    ['a note sheet and a monthly log, in tab order', monthly, ['备注', '8月补录']],
  ];
  test.each(cases)('%s: in the terminal, on the summary sheet and in the JSON', async (_name, decorate, ignored) => {
    write('镇.xlsx', await townshipWorkbook({ decorate }));
    const r = await cli(['镇.xlsx', ...AUGUST, '--json', 'r.json']);
    expect(r.code).toBe(0);
    expect(json('r.json').ignoredSheets).toEqual(ignored);
    const lines = r.stdout.split('\n');
    const info = await infoRows('镇-检查结果.xlsx');
    if (ignored.length === 0) {
      expect(lines.filter((l) => l.includes('未读取'))).toEqual([]);
      expect(info.filter((l) => l.text.includes('未读取'))).toEqual([]);
      return;
    }
    const line = '未读取的工作表：' + ignored.join('、') + TAIL;
    // Printed after the data problems; the last info line, one merged row across A:I, not wrapped.
    expect(lines[lines.findIndex((l) => l.startsWith('数据问题：')) + 1]).toBe(line);
    expect(info[info.length - 1]).toEqual({ text: line, merged: 'A' + (info.length + 1) + ':I' + (info.length + 1), wrap: false });
  });

  test('the summary sheet the tool wrote is not named when it runs on its own output', async () => {
    write('镇.xlsx', await townshipWorkbook({ decorate: monthly }));
    expect((await cli(['镇.xlsx', ...AUGUST])).code).toBe(0);
    const again = await cli(['镇-检查结果.xlsx', ...AUGUST, '--out', 'again.xlsx', '--json', 'b.json']);
    expect(again.code).toBe(0);
    expect(json('b.json').ignoredSheets).toEqual(['备注', '8月补录']);
    expect(again.stdout).toContain('未读取的工作表：备注、8月补录' + TAIL);
    expect((await infoRows('again.xlsx')).map((l) => l.text)).toEqual((await infoRows('镇-检查结果.xlsx')).map((l) => l.text));
  });
});
