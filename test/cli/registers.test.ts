/**
 * `duty-check` end to end on workbooks laid out after registers townships publish, not after our
 * fixtures: a schedule of inspection groups (检查督导组 | 责任领导 | 责任单位 | 检查范围, two leaders in
 * one cell, padded), a 带队检查记录簿 whose people column lists leaders and participants and whose
 * place column is headed 受查单位, a 隐患整改台账 with 隐患类别 / 隐患具体描述 / 隐患等级 and
 * 计划完成时间 / 整改完成时间 side by side, a log with no place column, a 规则设置 naming a column.
 * The input is built with ExcelJS in the test; the run goes through the public CLI entry; what is
 * checked is the JSON report, the terminal and the summary sheet read back from the output file.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { readBack } from './helpers/snapshot';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-registers-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AUGUST = ['--month', '2019-08', '--as-of', '2019-09-02'];
const utc = (m: number, d: number) => new Date(Date.UTC(2019, m - 1, d));

async function cli(file: string): Promise<{ code: number; stdout: string; json: any }> {
  let stdout = '';
  let stderr = '';
  const code = await main([file, ...AUGUST, '--json', 'out.json'], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date(2019, 8, 2, 10, 0),
    isTTY: false,
    env: {},
    cwd: dir,
  });
  if (code !== 0) throw new Error('exit ' + code + ': ' + stderr);
  return { code, stdout, json: JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) };
}

/** A sheet: a merged title row, the header, then the rows; dates written as real Excel dates. */
function addSheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], rows: ExcelJS.CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.getCell('A1').value = title;
  ws.mergeCells(1, 1, 1, header.length);
  ws.getRow(2).values = header;
  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    row.values = r.map((v) => (v === null ? undefined : v));
    r.forEach((v, c) => {
      if (v instanceof Date) row.getCell(c + 1).numFmt = 'yyyy"年"m"月"d"日"';
    });
  });
  return ws;
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return name;
}

/** The summary sheet of the output, as rows of cell texts. */
async function summaryRows(name: string): Promise<string[][]> {
  const wb = await readBack(fs.readFileSync(path.join(dir, name.replace(/\.xlsx$/, '-检查结果.xlsx'))));
  const ws = wb.worksheets.find((w) => w.name.indexOf('履职汇总') === 0)!;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= 9; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    rows.push(cells);
  });
  return rows;
}

/** The schedule of inspection groups (after a township's notice for its 两会 safety check). */
function groupSchedule(wb: ExcelJS.Workbook): void {
  addSheet(wb, '督导分组', '某某镇安全生产大检查分组安排（每月25日以前完成）', ['检查督导组', '责任领导', '责任单位', '检查范围'], [
    ['第一检查督导组', '胡小波　杨　剑', '政法（应急）办、派出所', '消防易爆物品、“红星烟花爆竹批发部”'],
    ['第二检查督导组', '艾　进', '工业办、城建办', '加油站、“东方液化气站”'],
    ['第三检查督导组', '曾军林', '扶贫办、财管所', '扶贫项目、“镇福利院”'],
  ]);
}

describe('a schedule of groups and a 带队检查记录簿', () => {
  async function workbook(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    groupSchedule(wb);
    addSheet(wb, '带队检查记录簿', '某某镇领导干部带队检查记录簿', ['序号', '检查时间', '带队领导及参加人员', '受查单位', '检查内容', '发现问题', '整改要求', '整改时限', '整改落实情况'], [
      [1, utc(8, 5), '胡小波、杨剑，安监站刘明', '红星烟花爆竹批发部', '消防安全', '灭火器过期', '立即更换', utc(8, 10), '8月8日已更换'],
      [2, utc(8, 12), '胡小波 杨 剑 及派出所民警', '镇中心小学', '校园安全', '无', '/', '/', '/'],
      [3, utc(8, 6), '艾进、城建办王芳', '东方液化气站', '燃气安全', '气瓶露天存放', '限期整改', utc(8, 20), '3月14日复查，已整改'],
      [4, utc(8, 16), '艾进', '幸福村', '用电安全', '无', '', '', ''],
      [5, utc(8, 9), '曾军林', '镇福利院', '消防安全', '无', '', '', ''],
      [6, utc(8, 19), '梁副书记', '镇福利院', '消防安全', '无', '', '', ''],
    ]);
    return save(wb, '记录簿.xlsx');
  }

  test('every leader is read from the group cells, and every column from its header, as a clerk would', async () => {
    const name = await workbook();
    const { json, stdout } = await cli(name);
    const leaders = json.leaders.map((l: any) => [l.name, l.total, l.status, l.sites.map((s: any) => s.status).join()]);
    expect(leaders).toEqual([
      ['胡小波', 2, 'ok', 'ok'],
      ['杨剑', 2, 'ok', 'ok'],
      ['艾进', 2, 'ok', 'ok'],
      ['曾军林', 1, 'missing', 'ok'],
    ]);
    const columns = Object.fromEntries(json.columns.filter((c: any) => c.sheet === '带队检查记录簿').map((c: any) => [c.field, [c.header, c.column, c.by]]));
    expect(columns).toEqual({
      date: ['检查时间', 'B', 'header'],
      leader: ['带队领导及参加人员', 'C', 'header'],
      site: ['受查单位', 'D', 'header'],
      hazard: ['发现问题', 'F', 'header'],
      deadline: ['整改时限', 'H', 'header'],
      doneDate: [null, null, 'missing'],
      state: ['整改落实情况', 'I', 'header'],
    });
    // Staff beside the leaders are no problem; the title form gets the alias line.
    expect(json.problems.map((p: any) => [p.row, p.message])).toEqual([
      [8, '带队领导及参加人员“梁副书记”不是安排表中的带队领导，本行不计入'],
    ]);
    // The done day inside the state: replaced on the 8th, due the 10th; a re-check day is no done day.
    expect(json.hazards.map((h: any) => [h.row, h.status, h.doneDate])).toEqual([
      [3, 'ok', '2019-08-08'],
      [5, 'ok', null],
    ]);
    expect(stdout).toContain('读取说明');
    expect(stdout).toContain('  带队检查记录簿（检查记录，表头第2行）：检查日期 B列“检查时间”；带队领导 C列“带队领导及参加人员”；检查地点 D列“受查单位”；隐患 F列“发现问题”；整改期限 H列“整改时限”；整改情况 I列“整改落实情况”；未找到：整改完成日期');
    const rows = await summaryRows(name);
    const at = rows.findIndex((r) => r[0].indexOf('七、读取说明') === 0);
    // 列 spans two cells (merged).
    expect(rows[at + 1].slice(0, 5)).toEqual(['工作表', '读作', '字段', '列', '列']);
    expect(rows.slice(at + 2).find((r) => r[2] === '检查地点')!.slice(0, 6)).toEqual(['', '', '检查地点', 'D列“受查单位”', 'D列“受查单位”', '表头']);
  });
});

describe('a 隐患整改台账 as the log', () => {
  test('the description is the hazard, the address is not the place, 计划完成时间 is the deadline', async () => {
    const wb = new ExcelJS.Workbook();
    groupSchedule(wb);
    addSheet(
      wb,
      '隐患整改台账',
      '某某镇安全隐患排查整改台账',
      ['序号', '排查日期', '带队领导', '被检查单位名称', '被检查单位地址', '隐患类别', '隐患具体描述', '隐患等级', '整改措施', '整改责任人', '计划完成时间', '整改完成时间', '验收人'],
      [
        [1, utc(8, 5), '胡小波', '红星烟花爆竹批发部', '和平路12号', '消防安全', '灭火器压力不足', '一般隐患', '更换灭火器', '李老板', utc(8, 10), utc(8, 9), '刘明'],
        [2, utc(8, 6), '杨剑', '红星烟花爆竹批发部', '和平路12号', '用电安全', '私拉乱接电线', '一般隐患', '重新布线', '李老板', utc(8, 20), utc(8, 25), '刘明'],
        [3, utc(8, 7), '艾进', '东方液化气站', '东环路3号', '消防安全', '消防通道堵塞', '较大隐患', '清理通道', '张站长', utc(8, 25), '', ''],
        [4, utc(8, 8), '艾进', '东方液化气站', '东环路3号', '—', '无', '—', '—', '—', '—', '—', '—'],
        [5, utc(8, 9), '曾军林', '镇福利院', '福利路1号', '消防安全', '疏散指示灯损坏', '一般隐患', '更换', '院长', utc(8, 31), '', ''],
      ],
    );
    const name = await save(wb, '台账.xlsx');
    const { json } = await cli(name);
    const columns = Object.fromEntries(json.columns.filter((c: any) => c.sheet === '隐患整改台账' && !c.extra).map((c: any) => [c.field, [c.header, c.by]]));
    expect(columns).toMatchObject({
      site: ['被检查单位名称', 'cells'],
      hazard: ['隐患具体描述', 'cells'],
      deadline: ['计划完成时间', 'header'],
      doneDate: ['整改完成时间', 'header'],
    });
    expect(json.columns.some((c: any) => c.header === '被检查单位地址')).toBe(false);
    expect(json.hazards.map((h: any) => [h.row, h.hazard, h.status])).toEqual([
      [3, '灭火器压力不足', 'ok'],
      [4, '私拉乱接电线', 'late'],
      [5, '消防通道堵塞', 'overdue'],
      [7, '疏散指示灯损坏', 'overdue'],
    ]);
    // Not one hazard named after its category, and the row of dashes is no problem.
    expect(json.problems).toEqual([]);
  });
});

describe('a log with no place column', () => {
  test('key sites are 无法判断 on the summary, said once with the 列 line to add; no leader is red for them', async () => {
    const wb = new ExcelJS.Workbook();
    groupSchedule(wb);
    addSheet(wb, '检查记录', '带队检查记录', ['日期', '带队领导', '检查情况'], [
      [utc(8, 5), '胡小波、杨剑', '检查了烟花爆竹经营户的消防设施'],
      [utc(8, 12), '胡小波、杨剑', '检查学校周边安全'],
      [utc(8, 6), '艾进', '检查加油站'],
      [utc(8, 16), '艾进', '检查燃气站'],
      [utc(8, 9), '曾军林', '检查福利院'],
      [utc(8, 19), '曾军林', '检查扶贫项目'],
    ]);
    const name = await save(wb, '无地点.xlsx');
    const { json, stdout } = await cli(name);
    expect(json.leaders.map((l: any) => [l.name, l.status, l.sites.map((s: any) => s.status).join()])).toEqual([
      ['胡小波', 'ok', 'unknown'],
      ['杨剑', 'ok', 'unknown'],
      ['艾进', 'ok', 'unknown'],
      ['曾军林', 'ok', 'unknown'],
    ]);
    expect(json.rows.filter((r: any) => r.colour === 'red')).toEqual([]);
    const note = '检查记录没有找到“检查地点”列：重点场所无法判断（不算未检）。如有这一列，请在规则设置中写一行“列:检查地点=该列表头”。';
    expect(json.missingColumns.map((m: any) => m.message)).toContain(note);
    expect(stdout).toContain('注意：' + note);
    const rows = await summaryRows(name);
    expect(rows.some((r) => r[0] === '注意：' + note)).toBe(true);
    expect(rows.find((r) => r[0] === '胡小波')!.slice(5, 8)).toEqual(['无法判断', '', '合规']);
  });

  test('with 列:检查地点=检查情况 in 规则设置 the column is read, and the line is shown as the reason', async () => {
    const wb = new ExcelJS.Workbook();
    groupSchedule(wb);
    addSheet(wb, '检查记录', '带队检查记录', ['日期', '带队领导', '检查情况'], [[utc(8, 5), '胡小波、杨剑', '红星烟花爆竹批发部']]);
    const settings = wb.addWorksheet('规则设置');
    settings.getRow(1).values = ['项目', '值'];
    settings.getRow(2).values = ['列', '检查地点=检查情况'];
    const name = await save(wb, '列设置.xlsx');
    const { json } = await cli(name);
    expect(json.columns.find((c: any) => c.sheet === '检查记录' && c.field === 'site')).toMatchObject({
      header: '检查情况',
      column: 'C',
      by: 'settings',
      how: '规则设置：列:检查地点=检查情况',
    });
    expect(json.leaders.map((l: any) => l.sites.map((s: any) => s.status).join())).toEqual(['ok', 'ok', 'missing', 'missing']);
  });
});
