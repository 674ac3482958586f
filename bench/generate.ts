/**
 * Deterministic benchmark workbooks: a township-like schedule of 50 leaders with 4 key sites each
 * (named in “…” quotes inside the scope text, as the seed document does), an inspection log of any
 * length with a realistic mix (serial dates and some text dates, joint inspections, hazards with
 * deadlines, done dates and states, a few bad rows), meetings, annual reports and a settings sheet.
 *
 * One model, two renderings: `toWorkbookInput` gives the grids Excel's `range.values` would give
 * (dates as serial numbers) for the engine and the simulator; `writeXlsx` writes a real .xlsx with
 * ExcelJS (dates as date cells with a date format) for the command-line tool.
 */
import ExcelJS from 'exceljs';
import { dayFromYmd, excelSerialFromDay, ymdFromDay } from '../src/core/day';
import type { CellValue, SheetInput, WorkbookInput } from '../src/core/types';
import { createRng, Rng } from './prng';

/** The check every benchmark run performs: November 2019 as of 2 December 2019. */
export const CHECK = { month: '2019-11', asOf: '2019-12-02' } as const;

/** A calendar date in the model; rendered as a serial (grid) or a date cell (xlsx). */
export interface DateCell {
  day: number;
}
/** A cell of the model: text, a number, or a date. */
export type ModelCell = string | number | DateCell | null;

export interface ModelSheet {
  name: string;
  rows: ModelCell[][];
  /** 1-based Excel row of the header (rows above it are titles). */
  headerRow: number;
  /** 1-based columns holding dates (get a date format in the xlsx). */
  dateColumns: number[];
  columnWidths: number[];
  /** Merge the title across the header's width. */
  mergeTitle: boolean;
}

export interface BenchWorkbook {
  sheets: ModelSheet[];
  logRows: number;
  leaders: number;
  sites: number;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红丹攀成荣峰光卫环球尚峻建国文斌志宏海波辉鹏飞云龙亮松林';
const PLACE_FIRST = '青白黄红清龙凤金桃柳梅杏松竹荷枫大小新高长双三五七九石马牛狮象鹰鹤花沙';
const PLACE_SECOND = '山水田桥坪塘岭溪湾冲';
/** 340 two-character place names (青山, 白水, …), in a fixed shuffled order. */
const PLACES: string[] = (() => {
  const all: string[] = [];
  for (const a of PLACE_FIRST) for (const b of PLACE_SECOND) all.push(a + b);
  const rng = createRng(1949);
  for (let i = all.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
})();
const SITE_KINDS = ['加油站', '矿业', '烟花批发部', '水上乐园', '尾矿库', '竹木加工厂', '砂石场', '液化气站', '农贸市场', '敬老院', '中心小学', '幼儿园', '建材厂', '养殖场', '自来水厂', '客运站', '酒店', '粮站', '石材厂', '水电站'];
const OTHER_PLACES = ['集镇农贸市场', '镇卫生院', '村委会', '镇政府食堂', '中心幼儿园附近路段', '渡口', '河道采砂点', '村级公路', '在建工地', '小作坊', '出租屋', '商铺'];
const UNITS = ['安监站', '党政办', '经济发展办', '扶贫办', '卫健办', '民政所', '人社中心', '政法办', '纪委', '财政所', '国保所', '党建办', '城乡管理执法办', '重点办', '招商引资办', '派出所', '国土所', '农业综合服务中心', '林业站', '水利站', '交管站', '中心学校', '市场监管所', '供电所'];
const MEMBER_TITLES = ['副镇长', '党委委员、副镇长', '党委副书记', '纪委书记', '人大主席', '武装部长', '组织委员', '宣传委员', '政法委员', '统战委员', '人大副主席', '党委委员'];
const MAIN_TITLES = ['党委书记', '党委副书记、镇长', '主要负责人'];
const CONTENTS = ['消防安全', '道路交通安全', '危化品经营', '烟花爆竹', '非煤矿山', '防汛', '校园安全', '食品安全', '用电安全', '特种设备'];
const HAZARDS = ['灭火器过期', '安全通道堵塞', '电线私拉乱接', '警示标志缺失', '应急预案未演练', '台账不全', '消防栓无水', '防护栏损坏', '易燃物堆放', '特种作业人员无证上岗', '监控设备损坏', '库存超量'];

interface LeaderModel {
  name: string;
  /** As written in the schedule: two-character names padded as the seed does (`熊  丹`). */
  raw: string;
  title: string;
  departments: string;
  sites: string[];
  scope: string;
}

/** The 50 leaders and their 200 key sites; the same for every log size. */
export function makeLeaders(count = 50, sitesPerLeader = 4): LeaderModel[] {
  const rng = createRng(20190701);
  const names = new Set<string>();
  const leaders: LeaderModel[] = [];
  const usedPlaces = new Set<string>();
  let siteNo = 0;
  while (leaders.length < count) {
    const surname = rng.pick(SURNAMES.split(''));
    const given = rng.chance(0.35) ? rng.pick(GIVEN.split('')) : rng.pick(GIVEN.split('')) + rng.pick(GIVEN.split(''));
    const name = surname + given;
    if (names.has(name)) continue;
    names.add(name);
    const i = leaders.length;
    const title = i < MAIN_TITLES.length ? MAIN_TITLES[i] : MEMBER_TITLES[(i - MAIN_TITLES.length) % MEMBER_TITLES.length];
    const sites: string[] = [];
    while (sites.length < sitesPerLeader) {
      // Unique place + kind, so no key site's name contains another's.
      const site = PLACES[siteNo % PLACES.length] + SITE_KINDS[(siteNo * 7) % SITE_KINDS.length];
      siteNo++;
      if (usedPlaces.has(site)) continue;
      usedPlaces.add(site);
      sites.push(site);
    }
    const quoted = sites.map((s, k) => '“' + (k === 3 && i % 5 === 0 ? ' ' + s : s) + '”').join('、');
    const scope =
      i < MAIN_TITLES.length
        ? '全镇辖区内各行业、各系统的安全生产工作情况，重点检查' + quoted
        : '负责分管领域、联系村（社区）及' + quoted + '安全生产工作';
    const deptCount = 1 + (i % 3);
    const departments: string[] = [];
    for (let k = 0; k < deptCount; k++) departments.push(UNITS[(i * 3 + k * 5) % UNITS.length]);
    const raw = name.length === 2 ? name[0] + '  ' + name[1] : name;
    leaders.push({ name, raw, title, departments: Array.from(new Set(departments)).join('、'), sites, scope });
  }
  return leaders;
}

const YEAR = 2019;
const FIRST_DAY = dayFromYmd(YEAR, 1, 2);
const LAST_DAY = dayFromYmd(YEAR, 11, 30);
const AS_OF_DAY = dayFromYmd(2019, 12, 2);

function textDate(day: number, rng: Rng): string {
  const { year, month, day: d } = ymdFromDay(day);
  const p2 = (n: number) => (n < 10 ? '0' : '') + n;
  switch (rng.int(0, 5)) {
    case 0: return year + '-' + p2(month) + '-' + p2(d);
    case 1: return year + '/' + month + '/' + d;
    case 2: return year + '.' + month + '.' + d;
    case 3: return year + '年' + month + '月' + d + '日';
    case 4: return '' + year + p2(month) + p2(d);
    default: return year + '-' + p2(month) + '-' + p2(d) + ' 09:30';
  }
}

/** A date cell: mostly a real date, sometimes typed as text (as clerks do). */
function dateOrText(day: number, rng: Rng, textShare: number): ModelCell {
  return rng.chance(textShare) ? textDate(day, rng) : { day };
}

function leaderCell(leader: LeaderModel, rng: Rng): string {
  const r = rng.next();
  if (r < 0.15) return leader.raw;
  if (r < 0.2) return leader.name + '同志';
  return leader.name;
}

/**
 * The inspection log: `rows` data rows under a title and a header, sorted by date as a clerk
 * appends them, spread over January–November 2019.
 */
function makeLog(rows: number, leaders: LeaderModel[], seed: number): ModelCell[][] {
  const rng = createRng(seed);
  const days: number[] = new Array(rows);
  for (let i = 0; i < rows; i++) days[i] = rng.int(FIRST_DAY, LAST_DAY);
  days.sort((a, b) => a - b);
  const out: ModelCell[][] = [];
  out.push(['青石镇安全生产带队检查记录', '', '', '', '', '', '', '', '']);
  out.push(['序号', '检查日期', '带队领导', '检查地点', '检查内容', '发现隐患', '整改期限', '整改完成日期', '整改情况']);
  let previous: ModelCell[] | null = null;
  for (let i = 0; i < rows; i++) {
    const day = days[i];
    // Main leaders inspect less often than members, as in real logs.
    let li = rng.int(0, leaders.length - 1);
    if (li < MAIN_TITLES.length && rng.chance(0.5)) li = rng.int(MAIN_TITLES.length, leaders.length - 1);
    const leader = leaders[li];
    let leaderText = leaderCell(leader, rng);
    const joint = rng.chance(0.06);
    if (joint) {
      const other = leaders[(li + rng.int(1, leaders.length - 1)) % leaders.length];
      leaderText += rng.chance(0.7) ? '、' + leaderCell(other, rng) : ' ' + other.name;
    } else if (li === 0 && rng.chance(0.3)) {
      leaderText = leader.name[0] + '书记'; // the alias from the settings sheet
    }
    const s = rng.next();
    let site: string;
    if (s < 0.65) site = rng.pick(leader.sites) + (rng.chance(0.2) ? '有限公司' : '');
    else if (s < 0.75) site = rng.pick(rng.pick(leaders).sites);
    else site = rng.pick(PLACES) + rng.pick(OTHER_PLACES);
    const content = rng.pick(CONTENTS) + '检查';

    let hazard = '';
    let deadline: ModelCell = '';
    let done: ModelCell = '';
    let state = '';
    if (rng.chance(0.25)) {
      hazard = rng.pick(HAZARDS);
      const due = day + rng.int(3, 30);
      const d = rng.next();
      let deadlineDay: number | null = null;
      if (d < 0.08) {
        deadline = rng.chance(0.5) ? '立即整改' : '当场整改';
        deadlineDay = day;
      } else if (d < 0.97) {
        deadline = dateOrText(due, rng, 0.05);
        deadlineDay = due;
      } // else: no deadline at all (a data problem)
      if (deadlineDay !== null && deadlineDay < AS_OF_DAY + 10 && rng.chance(0.82)) {
        // Most hazards are fixed, some after their deadline.
        const doneDay = rng.chance(0.12) ? deadlineDay + rng.int(1, 10) : Math.max(day, deadlineDay - rng.int(0, 5));
        if (doneDay <= AS_OF_DAY) {
          if (rng.chance(0.6)) done = dateOrText(doneDay, rng, 0.05);
          state = done === '' || rng.chance(0.5) ? rng.pick(['已整改', '已完成', '整改完毕', '已销号']) : '';
        } else {
          state = '整改中';
        }
      } else {
        state = rng.chance(0.5) ? '整改中' : '';
      }
    } else {
      hazard = rng.chance(0.6) ? rng.pick(['无', '无隐患', '未发现隐患', '/']) : '';
    }

    let dateCell: ModelCell = dateOrText(day, rng, 0.08);
    // A few bad rows, as real logs have: unreadable or future dates, unknown or empty leaders,
    // a row pasted twice.
    const bad = rng.next();
    if (bad < 0.001) dateCell = rng.pick(['2019年13月5日', '9月31日', '待补', '2019-02-30']);
    else if (bad < 0.002) leaderText = rng.pick(['王大锤', '外单位', '张三丰']);
    else if (bad < 0.0025) leaderText = '';
    else if (bad < 0.003) dateCell = { day: AS_OF_DAY + rng.int(30, 90) };
    else if (bad < 0.0035 && previous) {
      // Pasted twice, 序号 and all: an exact duplicate.
      const copy: ModelCell[] = previous.slice();
      out.push(copy);
      previous = copy;
      continue;
    }
    const row: ModelCell[] = [i + 1, dateCell, leaderText, site, content, hazard, deadline, done, state];
    out.push(row);
    previous = row;
  }
  return out;
}

function makeSchedule(leaders: LeaderModel[]): ModelCell[][] {
  const rows: ModelCell[][] = [['青石镇党政领导带队检查安排表', '', '', '', '']];
  rows.push(['序号', '带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）']);
  leaders.forEach((l, i) => rows.push([i + 1, l.raw, l.title, l.departments, l.scope]));
  return rows;
}

function makeMeetings(leaders: LeaderModel[], seed: number): ModelCell[][] {
  const rng = createRng(seed);
  const rows: ModelCell[][] = [['青石镇安全生产会议记录', '', '', ''], ['会议日期', '会议名称', '议题', '主持人']];
  for (let m = 1; m <= 11; m++) {
    const kinds: Array<[string, string]> = [
      ['党委会', rng.chance(0.35) ? '研究部署安全生产工作' : '研究人事和项目工作'],
      ['班子会', rng.chance(0.4) ? '安全生产形势分析' : '重点工作调度'],
      ['镇长办公会', rng.chance(0.2) ? '安全生产隐患整改推进' : '财政预算'],
    ];
    for (const [name, topic] of kinds) {
      const day = dayFromYmd(YEAR, m, rng.int(1, 28));
      rows.push([dateOrText(day, rng, 0.1), name, topic, name === '党委会' ? leaders[0].raw : leaders[1].raw]);
    }
  }
  return rows;
}

function makeReports(seed: number): ModelCell[][] {
  const rng = createRng(seed);
  const rows: ModelCell[][] = [['2018年度安全生产述职报告提交情况', '', '', ''], ['单位', '负责人', '年度', '提交日期']];
  for (const unit of UNITS) {
    const r = rng.next();
    if (r < 0.1) continue; // never submitted
    const day = r < 0.25 ? dayFromYmd(2019, 2, rng.int(1, 28)) : dayFromYmd(2019, 1, rng.int(5, 31));
    rows.push([unit, rng.pick(SURNAMES.split('')) + rng.pick(GIVEN.split('')), 2018, dateOrText(day, rng, 0.1)]);
  }
  return rows;
}

function makeSettings(leaders: LeaderModel[]): ModelCell[][] {
  return [
    ['项目', '值'],
    ['每月截止日', 25],
    ['临期提醒天数', 5],
    ['别名', leaders[0].name[0] + '书记=' + leaders[0].name],
  ];
}

/** The whole benchmark workbook for a log of `logRows` rows. Same input, same workbook. */
export function makeBenchWorkbook(logRows: number): BenchWorkbook {
  const leaders = makeLeaders();
  const sheets: ModelSheet[] = [
    { name: '带队检查安排表', rows: makeSchedule(leaders), headerRow: 2, dateColumns: [], columnWidths: [6, 10, 18, 26, 70], mergeTitle: true },
    { name: '检查记录', rows: makeLog(logRows, leaders, 0xbe9c4 + logRows), headerRow: 2, dateColumns: [2, 7, 8], columnWidths: [7, 12, 14, 22, 14, 22, 12, 13, 10], mergeTitle: true },
    { name: '会议记录', rows: makeMeetings(leaders, 7), headerRow: 2, dateColumns: [1], columnWidths: [12, 14, 28, 10], mergeTitle: true },
    { name: '述职报告', rows: makeReports(11), headerRow: 2, dateColumns: [4], columnWidths: [20, 10, 8, 12], mergeTitle: true },
    { name: '规则设置', rows: makeSettings(leaders), headerRow: 1, dateColumns: [], columnWidths: [16, 30], mergeTitle: false },
  ];
  return { sheets, logRows, leaders: leaders.length, sites: leaders.reduce((n, l) => n + l.sites.length, 0) };
}

function gridCell(cell: ModelCell): CellValue {
  if (cell === null) return '';
  if (typeof cell === 'object') return excelSerialFromDay(cell.day);
  return cell;
}

/** The grids Excel's `range.values` would give for this workbook (dates as serial numbers). */
export function toWorkbookInput(book: BenchWorkbook): WorkbookInput {
  const sheets: SheetInput[] = book.sheets.map((s) => ({
    name: s.name,
    values: s.rows.map((row) => row.map(gridCell)),
    firstRow: 1,
    firstColumn: 1,
  }));
  return { sheets, date1904: false };
}

function utcDate(day: number): Date {
  return new Date(day * 86400000);
}

/** Writes the workbook as an .xlsx with ExcelJS, the way an office program would save it. */
export async function writeXlsx(book: BenchWorkbook, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'duty-check bench';
  wb.created = new Date(Date.UTC(2019, 11, 2));
  wb.modified = wb.created;
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columnWidths.map((width) => ({ width }));
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        const target = row.getCell(c + 1);
        if (typeof cell === 'object') {
          target.value = utcDate(cell.day);
          target.numFmt = 'yyyy-mm-dd';
        } else {
          target.value = cell;
        }
      });
      if (r + 1 === sheet.headerRow) row.font = { bold: true };
    });
    if (sheet.mergeTitle && sheet.headerRow > 1) {
      ws.mergeCells(1, 1, 1, sheet.columnWidths.length);
      ws.getCell(1, 1).font = { bold: true, size: 14 };
    }
  }
  await wb.xlsx.writeFile(file);
}

/**
 * The same workbook through ExcelJS's streaming writer: for the 1,000,000-row file, which the
 * in-memory writer takes many minutes and several GiB to write. Same cells, formats and merge.
 */
export async function writeXlsxStreamed(book: BenchWorkbook, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.creator = 'duty-check bench';
  for (const sheet of book.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.columns = sheet.columnWidths.map((width) => ({ width }));
    if (sheet.mergeTitle && sheet.headerRow > 1) ws.mergeCells(1, 1, 1, sheet.columnWidths.length);
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      cells.forEach((cell, c) => {
        if (cell === null || cell === '') return;
        const target = row.getCell(c + 1);
        if (typeof cell === 'object') {
          target.value = utcDate(cell.day);
          target.numFmt = 'yyyy-mm-dd';
        } else {
          target.value = cell;
        }
      });
      if (r + 1 === sheet.headerRow) row.font = { bold: true };
      if (r === 0 && sheet.mergeTitle && sheet.headerRow > 1) row.getCell(1).font = { bold: true, size: 14 };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
}
