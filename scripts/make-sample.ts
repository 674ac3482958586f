/**
 * Builds samples/大栗港镇-2019.xlsx, the demo workbook: the schedule of the seed document
 * (大发〔2019〕45号 attachment) verbatim, and the inspection log, meetings, annual reports and
 * settings a township clerk would keep, as they stand on 2 September 2019 (the demo's as-of date).
 *
 * Deterministic: no clock, no randomness; zip entry dates are fixed, so the same ExcelJS version
 * gives the same bytes. Run with `npm run sample`.
 *
 * The August 2019 check (as of 2019-09-02) shows every colour:
 *   red     李卫萍 inspected once (needs 2); 邓光明 never went to 环宇烟花批发 (郭环球 did);
 *           hazards past their deadline (湘域矿业 8月30日, 集镇占道 8月10日)
 *   orange  熊丹 and 龚成 inspected after the 25th; a hazard done after its deadline; late rows
 *   yellow  a hazard due 9月5日; too few 班子会 on safety so far this year
 *   green   everything on time
 *   grey    a bad date, an unknown leader, an exact duplicate row, a future date, a hazard with
 *           no deadline
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'fs';
import * as path from 'path';

/** A calendar day as a UTC Date, which ExcelJS writes as that day's serial. */
function day(y: number, m: number, d: number, hh = 0, mm = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, hh, mm));
}

const FIXED_TIME = day(2019, 9, 2, 8, 0);
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '宋体';

/** The seed's schedule, verbatim: names padded to three characters, the line break in 秦尚's row. */
export const SCHEDULE: Array<[string, string, string]> = [
  ['郭环球', '安监站、党政办', '全镇辖区内（重点检查负责刘家村）各行业、各系统的安全生产工作情况'],
  ['熊  丹', '安监站、党政办', '全镇辖区内（重点检查负责童子山村）各行业、各系统的安全生产工作情况'],
  ['鲁  攀', '扶贫办', '负责分管领域、联系村（社区）及“和平加油站”安全生产工作'],
  ['李卫萍', '卫健办、民政所、人社中心', '负责分管领域、联系村（社区）及“九龙洞水上乐园”安全生产工作'],
  ['邓光明', '安监站、经济发展办', '负责分管领域、联系村（社区）及“大栗港加油站”、“ 环宇烟花批发”安全生产工作'],
  ['秦  尚', '政法办、纪委、\n\n财政所', '负责分管领域、联系村（社区）及“湘域矿业”、“ 首溪金矿尾矿库”安全生产工作'],
  ['高峻峰', '国保所', '负责分管领域、联系村（社区）及“青山府”安全生产工作'],
  ['龚  成', '党建办', '负责分管领域、联系村（社区）及“中化加油站”安全生产工作'],
  ['蔡  荣', '城乡管理执法办、重点办、招商引资办', '负责分管领域、联系村（社区）及“安宁竹谷”安全生产工作'],
];

type DateCell = Date | string | null;
/** 序号, 检查日期, 带队领导, 检查地点, 检查内容, 发现隐患, 整改期限, 整改完成日期, 整改情况 */
type LogRow = [number, DateCell, string, string, string, string, DateCell, DateCell, string];

/**
 * The log as the clerk kept it from July to 2 September 2019: mostly real dates, some typed as
 * text the way people do (2019年8月3日, 2019.8.5, 8月12日), joint inspections, an alias, and a few
 * mistakes the check must report.
 */
export const LOG: LogRow[] = [
  [1, day(2019, 7, 2), '郭环球', '刘家村', '村级安全生产工作、防汛准备', '无', null, null, ''],
  [2, day(2019, 7, 4), '熊  丹', '童子山村', '防汛安全、地质灾害隐患点', '无', null, null, ''],
  [3, day(2019, 7, 5), '鲁攀', '和平加油站', '加油站消防安全', '灭火器压力不足2具', day(2019, 7, 12), day(2019, 7, 10), '已整改'],
  [4, day(2019, 7, 8), '李卫萍', '九龙洞水上乐园', '游乐设施、救生设备', '无', null, null, ''],
  [5, '2019.7.9', '邓光明', '大栗港加油站', '油罐区、配电房', '无', null, null, ''],
  [6, day(2019, 7, 10), '秦尚', '湘域矿业有限公司', '井下作业、火工品管理', '无', null, null, ''],
  [7, day(2019, 7, 11), '高峻峰', '青山府', '小区消防设施', '消防通道被车辆堵塞', day(2019, 7, 31), '2019-08-05', '已整改'],
  [8, day(2019, 7, 12), '龚成', '中化加油站', '加油站安全管理', '无', null, null, ''],
  [9, day(2019, 7, 15), '蔡荣', '安宁竹谷', '竹木加工安全', '无', null, null, ''],
  [10, day(2019, 7, 16), '邓光明', '环宇烟花批发', '烟花爆竹仓储', '仓库储存超量', day(2019, 7, 20), day(2019, 7, 19), '已整改'],
  [11, day(2019, 7, 17), '鲁攀', '大栗港村', '农村自建房安全', '无', null, null, ''],
  [12, '7月18日', '李卫萍', '镇敬老院', '消防安全、食品安全', '无', null, null, ''],
  [13, day(2019, 7, 19), '秦尚', '首溪金矿尾矿库', '汛期尾矿库巡查', '无', null, null, ''],
  [14, day(2019, 7, 22), '高峻峰', '大栗港中学', '校园安全', '无', null, null, ''],
  [15, day(2019, 7, 23), '龚成', '沿河村', '农村道路交通安全', '无', null, null, ''],
  [16, day(2019, 7, 24), '蔡荣', '集镇', '占道经营、液化气使用', '集镇门店占道堆放液化气瓶', day(2019, 8, 10), null, '整改中'],
  [17, day(2019, 7, 26), '郭环球 熊丹', '集镇', '集镇人员密集场所', '无', null, null, ''],
  [18, day(2019, 8, 1), '鲁  攀', '和平加油站', '加油站复查', '无', null, null, ''],
  [19, '2019年8月3日', '郭书记', '刘家村', '村级安全生产工作', '无', null, null, ''],
  [20, '2019.8.5', '蔡荣', '安宁竹谷', '竹材堆放', '竹材堆放占用消防通道', '立即整改', null, '已整改'],
  [21, day(2019, 8, 7, 9, 30), '邓光明', '大栗港加油站', '防雷防静电', '静电接地线松动', day(2019, 8, 15), day(2019, 8, 14), '已整改'],
  [22, day(2019, 8, 9), '秦尚', '湘域矿业有限公司', '尾矿库排洪设施', '排洪设施淤堵', day(2019, 8, 30), null, '未整改'],
  [23, '8月12日', '李卫萍', '九龙洞水上乐园', '游泳区安全', '救生员配备不足', null, null, '整改中'],
  [24, day(2019, 8, 14), '龚成', '中化加油站', '加油站安全管理', '无', null, null, ''],
  [25, day(2019, 8, 15), '郭环球', '环宇烟花批发', '烟花爆竹仓储', '无', null, null, ''],
  [26, day(2019, 8, 16), '高峻峰', '青山府', '电动车充电', '楼道内电动车违规充电', day(2019, 9, 5), null, '整改中'],
  [27, day(2019, 8, 19), '鲁攀', '大栗港村', '农村自建房安全', '无', null, null, ''],
  [28, day(2019, 8, 20), '蔡荣', '安宁竹谷', '竹木加工安全复查', '无', null, null, ''],
  [28, day(2019, 8, 20), '蔡荣', '安宁竹谷', '竹木加工安全复查', '无', null, null, ''],
  [29, day(2019, 8, 21), '邓光明', '大栗港加油站', '加油站复查', '无', null, null, ''],
  [30, day(2019, 8, 22), '秦尚、高峻峰', '首溪金矿尾矿库', '坝体安全', '坝体局部渗水', day(2019, 9, 30), null, '整改中'],
  [31, day(2019, 8, 23), '王建国', '大栗港村', '农村用电安全', '无', null, null, ''],
  [32, '2019年8月32日', '龚成', '沿河村', '农村道路交通安全', '无', null, null, ''],
  [33, day(2019, 8, 27), '龚成', '沿河村', '农村道路交通安全', '无', null, null, ''],
  [34, day(2019, 8, 28), '熊  丹', '童子山村', '地质灾害隐患点', '无', null, null, ''],
  [35, day(2019, 9, 20), '鲁攀', '和平加油站', '加油站安全检查', '无', null, null, ''],
  [36, day(2019, 9, 2), '郭环球', '刘家村', '秋季防火', '无', null, null, ''],
];

/** 日期, 会议名称, 议题, 主持人 */
export const MEETINGS: Array<[Date, string, string, string]> = [
  [day(2019, 1, 15), '党委会', '研究部署2019年安全生产工作', '郭环球'],
  [day(2019, 2, 20), '镇班子会', '春节后复工复产安全生产工作', '熊丹'],
  [day(2019, 3, 12), '党委会', '脱贫攻坚工作推进', '郭环球'],
  [day(2019, 4, 10), '党委会', '安全生产专题研究（防汛备汛）', '郭环球'],
  [day(2019, 5, 14), '班子会', '秋季征兵及财政预算执行', '熊丹'],
  [day(2019, 6, 18), '班子会', '秸秆禁烧工作', '熊丹'],
  [day(2019, 7, 8), '党委会', '汛期安全生产和地质灾害防治', '郭环球'],
  [day(2019, 8, 13), '党政联席会', '人居环境整治', '郭环球'],
];

/** 单位, 负责人, 述职年度, 提交日期 — reports on 2018, due 31 January 2019; 重点办 and 招商引资办 never sent one. */
export const REPORTS: Array<[string, string, string, DateCell]> = [
  ['安监站', '周志刚', '2018年度', day(2019, 1, 10)],
  ['党政办', '吴晓燕', '2018年度', day(2019, 1, 12)],
  ['党建办', '郑丽', '2018年度', day(2019, 1, 16)],
  ['政法办', '王磊', '2018年度', day(2019, 1, 18)],
  ['扶贫办', '陈建华', '2018年度', day(2019, 1, 20)],
  ['纪委', '刘敏', '2018年度', day(2019, 1, 22)],
  ['城乡管理执法办', '杨帆', '2018年度', day(2019, 1, 24)],
  ['卫健办', '黄丽华', '2018年度', day(2019, 1, 25)],
  ['民政所', '赵勇', '2018年度', day(2019, 1, 28)],
  ['财政所', '孙涛', '2018年度', '2019年1月29日'],
  ['人社中心', '李娜', '2018年度', day(2019, 1, 30)],
  ['经济发展办', '何平', '2018年度', day(2019, 1, 31)],
  ['国保所', '罗军', '2018年度', day(2019, 2, 15)],
];

/** 项目, 值 — the township's own numbers (the defaults), and the alias the log uses. */
export const SETTINGS: Array<[string, string | number]> = [
  ['主要领导每月次数', 1],
  ['其他成员每月次数', 2],
  ['每月截止日', 25],
  ['临期提醒天数', 5],
  ['党委会每年次数', 4],
  ['班子会每年次数', 4],
  ['述职截止', '01-31'],
  ['别名', '郭书记=郭环球'],
];

function styleHeader(row: ExcelJS.Row, columns: number): void {
  row.height = 24;
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  }
}

function styleBody(row: ExcelJS.Row, columns: number, wrapColumns: number[] = []): void {
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 11 };
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: wrapColumns.indexOf(c) >= 0, horizontal: c === 1 ? 'center' : undefined };
  }
}

function title(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  const cell = ws.getCell(1, 1);
  cell.value = text;
  cell.font = { name: FONT, size: 16, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(1, 1, 1, columns);
  ws.getRow(1).height = 32;
}

function print(ws: ExcelJS.Worksheet, landscape: boolean): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:2',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** The workbook as ExcelJS objects. */
export function buildSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '大栗港镇安监站';
  wb.lastModifiedBy = '大栗港镇安监站';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;

  // 带队检查安排表: the seed's attachment, verbatim.
  const schedule = wb.addWorksheet('带队检查安排表');
  schedule.columns = [{ width: 12 }, { width: 24 }, { width: 62 }];
  title(schedule, '大栗港镇党政领导带队检查安排表', 3);
  const sh = schedule.getRow(2);
  sh.values = ['带队领导', '牵头部门', '检查范围（每月25日以前完成）'];
  styleHeader(sh, 3);
  SCHEDULE.forEach((entry, i) => {
    const row = schedule.getRow(3 + i);
    row.values = entry;
    styleBody(row, 3, [2, 3]);
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = entry[1].indexOf('\n') >= 0 ? 48 : 32;
  });
  schedule.views = [{ state: 'frozen', ySplit: 2 }];
  print(schedule, false);

  // 检查记录: the log.
  const log = wb.addWorksheet('检查记录');
  log.columns = [
    { width: 6 }, { width: 17 }, { width: 13 }, { width: 18 }, { width: 26 },
    { width: 26 }, { width: 12 }, { width: 14 }, { width: 10 },
  ];
  title(log, '大栗港镇安全生产检查记录（2019年7月—12月）', 9);
  const lh = log.getRow(2);
  lh.values = ['序号', '检查日期', '带队领导', '检查地点', '检查内容', '发现隐患', '整改期限', '整改完成日期', '整改情况'];
  styleHeader(lh, 9);
  LOG.forEach((entry, i) => {
    const row = log.getRow(3 + i);
    row.values = entry.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
    styleBody(row, 9, [4, 5, 6]);
    for (const c of [2, 7, 8]) {
      const value = row.getCell(c).value;
      if (value instanceof Date) {
        row.getCell(c).numFmt = value.getUTCHours() || value.getUTCMinutes() ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
        row.getCell(c).alignment = { horizontal: 'center', vertical: 'middle' };
      }
    }
  });
  log.views = [{ state: 'frozen', ySplit: 2 }];
  log.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + LOG.length, column: 9 } };
  print(log, true);

  // 会议记录: meetings of the party committee and the leadership.
  const meetings = wb.addWorksheet('会议记录');
  meetings.columns = [{ width: 14 }, { width: 14 }, { width: 36 }, { width: 10 }];
  title(meetings, '2019年党委会、班子会会议记录', 4);
  const mh = meetings.getRow(2);
  mh.values = ['日期', '会议名称', '议题', '主持人'];
  styleHeader(mh, 4);
  MEETINGS.forEach((entry, i) => {
    const row = meetings.getRow(3 + i);
    row.values = entry;
    styleBody(row, 4, [3]);
    row.getCell(1).numFmt = 'yyyy-mm-dd';
  });
  print(meetings, false);

  // 述职报告: annual reports of the member units.
  const reports = wb.addWorksheet('述职报告');
  reports.columns = [{ width: 18 }, { width: 10 }, { width: 12 }, { width: 16 }];
  title(reports, '安委成员单位2018年度安全生产述职报告提交情况', 4);
  const rh = reports.getRow(2);
  rh.values = ['单位', '负责人', '述职年度', '提交日期'];
  styleHeader(rh, 4);
  REPORTS.forEach((entry, i) => {
    const row = reports.getRow(3 + i);
    row.values = entry.map((v) => (v === null ? undefined : v)) as ExcelJS.CellValue[];
    styleBody(row, 4);
    if (entry[3] instanceof Date) row.getCell(4).numFmt = 'yyyy-mm-dd';
  });
  print(reports, false);

  // 规则设置: the settings (the document's numbers) and the alias used in the log.
  const settings = wb.addWorksheet('规则设置');
  settings.columns = [{ width: 20 }, { width: 24 }];
  const th = settings.getRow(1);
  th.values = ['项目', '值'];
  styleHeader(th, 2);
  SETTINGS.forEach((entry, i) => {
    const row = settings.getRow(2 + i);
    row.values = entry;
    styleBody(row, 2);
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'middle' };
  });

  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return wb;
}

/** The bytes of the sample, with every zip entry dated FIXED_TIME so the output is reproducible. */
export async function buildSampleBuffer(): Promise<Buffer> {
  const raw = await buildSample().xlsx.writeBuffer();
  const source = await JSZip.loadAsync(raw as ArrayBuffer);
  const fixed = new JSZip();
  for (const name of Object.keys(source.files)) {
    const entry = source.files[name];
    if (entry.dir) continue;
    fixed.file(name, await entry.async('uint8array'), { date: FIXED_TIME, createFolders: false });
  }
  return fixed.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export const SAMPLE_PATH = path.join(__dirname, '..', 'samples', '大栗港镇-2019.xlsx');

if (require.main === module) {
  buildSampleBuffer().then(
    (buffer) => {
      fs.mkdirSync(path.dirname(SAMPLE_PATH), { recursive: true });
      fs.writeFileSync(SAMPLE_PATH, buffer);
      process.stdout.write('已生成 ' + path.relative(process.cwd(), SAMPLE_PATH) + '（' + buffer.length + ' 字节）\n');
    },
    (error) => {
      process.stderr.write('生成示例工作簿失败：' + (error instanceof Error ? error.message : String(error)) + '\n');
      process.exitCode = 1;
    },
  );
}
