/**
 * Workbooks for the adapter tests, generated in code: a township schedule and an inspection log
 * (August 2019, as of 2 September 2019), with original fills and fonts of the clerk's own, and a
 * generator of large logs whose rows alternate colours (many colour runs).
 */
import { dayFromYmd, excelSerialFromDay } from '../../src/core/day';
import type { SimSheetInit } from '../sim';

export const MONTH = '2019-08';
export const AS_OF = '2019-09-02';
export const SCHEDULE = '带队检查安排表';
export const LOG = '检查记录';
export const FORMULA_TEXT = "=cmd|' /C calc'!A0";
export const HTML_TEXT = '<img src=x onerror=alert(1)>';

export function aug(d: number): number {
  return excelSerialFromDay(dayFromYmd(2019, 8, d));
}
const sep5 = excelSerialFromDay(dayFromYmd(2019, 9, 5));

export const LEADERS = ['郭环球', '熊丹', '鲁攀', '李卫萍', '邓光明'];

export const SCHEDULE_VALUES: (string | number)[][] = [
  ['大栗港镇党政领导带队检查安排表', '', '', ''],
  ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'],
  ['郭环球', '党委书记', '安监站、党政办', '全镇辖区内（重点检查负责刘家村）各行业、各系统的安全生产工作情况'],
  ['熊丹', '党委副书记、镇长', '安监站、党政办', '全镇辖区内（重点检查负责童子山村）各行业、各系统的安全生产工作情况'],
  ['鲁攀', '副镇长', '扶贫办', '负责分管领域、联系村（社区）及“和平加油站”安全生产工作'],
  ['李卫萍', '党委委员', '卫健办、民政所', '负责分管领域、联系村（社区）及“九龙洞水上乐园”安全生产工作'],
  ['邓光明', '副镇长', '经济发展办', '负责分管领域、联系村（社区）及“大栗港加油站”安全生产工作'],
];

export const LOG_HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'];

export const LOG_VALUES: (string | number)[][] = [
  ['大栗港镇安全生产检查记录', '', '', '', '', '', ''],
  LOG_HEADER,
  [aug(12), '郭环球', '刘家村', '无', '', '', ''],
  [aug(28), '熊丹', '童子山村', '无', '', '', ''],
  [aug(3), '邓光明', '大栗港加油站', '无', '', '', ''],
  [aug(20), '邓光明', '大栗港加油站', FORMULA_TEXT, aug(25), '', '未整改'],
  [aug(22), '李卫萍', '九龙洞水上乐园', HTML_TEXT, sep5, '', ''],
  ['八月某日', '郭环球', '刘家村', '无', '', '', ''],
];

/** The clerk's own formats, some on rows the check colours, some not. */
export const FILLS: Record<string, Record<string, string>> = {
  [SCHEDULE]: { 'A2:D2': '#DDEBF7', A5: '#FFFF00', C6: '#FFFFFF' },
  [LOG]: { D6: '#FCE4D6', 'A2:G2': '#DDEBF7' },
};
export const FONTS: Record<string, Record<string, string>> = {
  [SCHEDULE]: { A5: '#0000FF', B5: '#000000' },
  [LOG]: { B6: '#7030A0', A1: '#C00000' },
};

export function township(extra: Partial<SimSheetInit> = {}): SimSheetInit[] {
  return [
    { name: SCHEDULE, values: SCHEDULE_VALUES, fills: FILLS[SCHEDULE], fonts: FONTS[SCHEDULE], ...extra },
    { name: LOG, values: LOG_VALUES, fills: FILLS[LOG], fonts: FONTS[LOG] },
  ];
}

/**
 * A log of `rows` inspections by the five leaders, dated across August so rows alternate between
 * on time (green), late (orange), unreadable (grey) and hazards (red/yellow): many colour runs.
 */
export function bigLog(rows: number, extraColumns = 0): SimSheetInit[] {
  const sites = ['刘家村', '童子山村', '和平加油站', '九龙洞水上乐园', '大栗港加油站'];
  const values: (string | number)[][] = [LOG_HEADER.concat(Array.from({ length: extraColumns }, (_, i) => '备注' + (i + 1)))];
  for (let i = 0; i < rows; i++) {
    const kind = (i * 7) % 11;
    const day = kind < 6 ? 1 + (i % 24) : 26 + (i % 5);
    const date: string | number = kind === 10 ? '八月某日' : aug(day);
    const hazard = kind === 3 ? '消防通道堵塞' + i : kind === 4 ? '灭火器过期' + i : '无';
    const due = kind === 3 ? aug(25) : kind === 4 ? sep5 : '';
    const row: (string | number)[] = [date, LEADERS[i % 5], sites[i % 5], hazard, due, '', kind === 3 ? '未整改' : ''];
    for (let c = 0; c < extraColumns; c++) row.push('第' + i + '行备注' + c);
    values.push(row);
  }
  return [
    { name: SCHEDULE, values: SCHEDULE_VALUES.slice(1) },
    { name: LOG, values },
  ];
}

/**
 * A log where the clerk merged 检查日期 and 带队领导 down over the records of one trip (2–3 rows):
 * the merged value sits in the area's top-left cell only, as Excel keeps it. Rows 4, 5, 7, 9, 10
 * and 13 have their date (and most their leader) only through a merged area.
 */
export const MERGED_SLAVE_ROWS = [4, 5, 7, 9, 10, 13];
export function mergedLog(): SimSheetInit[] {
  const values: (string | number)[][] = [
    ['大栗港镇安全生产检查记录', '', '', '', '', '', ''],
    LOG_HEADER,
    [aug(12), '郭环球', '刘家村', '无', '', '', ''],
    ['', '', '刘家村砖厂', '无', '', '', ''],
    ['', '', '刘家村小学', '无', '', '', ''],
    [aug(28), '熊丹', '童子山村', '无', '', '', ''],
    ['', '', '童子山村加油站', '消防通道堵塞', sep5, '', ''],
    [aug(3), '邓光明', '大栗港加油站', '无', '', '', ''],
    ['', '', '大栗港加油站油库', '灭火器过期', aug(25), '', '未整改'],
    ['', '鲁攀', '和平加油站', '无', '', '', ''],
    [aug(22), '李卫萍', '九龙洞水上乐园', '无', '', '', ''],
    [aug(20), '鲁攀', '和平村', '无', '', '', ''],
    ['', '李卫萍', '九龙洞村', '无', '', '', ''],
  ];
  return [
    { name: SCHEDULE, values: SCHEDULE_VALUES },
    { name: LOG, values, merges: ['A1:G1', 'A3:A5', 'B3:B5', 'A6:A7', 'B6:B7', 'A8:A10', 'B8:B9', 'A12:A13'] },
  ];
}

/** The same sheets without their merged areas (what a host below ExcelApi 1.13 can tell). */
export function withoutMerges(sheets: SimSheetInit[]): SimSheetInit[] {
  return sheets.map((s) => {
    const out = { ...s };
    delete out.merges;
    return out;
  });
}

/**
 * A log of `trips` trips of two records each, the date merged over both: `trips` merged areas.
 * With `merged` false, the same log with the date written in both records instead (no merges).
 */
export function mergedTrips(trips: number, merged = true): SimSheetInit[] {
  const sites = ['刘家村', '童子山村', '和平加油站', '九龙洞水上乐园', '大栗港加油站'];
  const values: (string | number)[][] = [LOG_HEADER];
  const merges: string[] = [];
  for (let i = 0; i < trips; i++) {
    const row = values.length + 1;
    // Numbered places, so that no two records are the same (the core greys duplicates).
    values.push([aug(1 + (i % 24)), LEADERS[i % 5], sites[i % 5] + (i + 1) + '号点', '无', '', '', '']);
    values.push([merged ? '' : aug(1 + (i % 24)), LEADERS[i % 5], sites[(i + 1) % 5] + (i + 1) + '号点', '无', '', '', '']);
    merges.push('A' + row + ':A' + (row + 1));
  }
  return [
    { name: SCHEDULE, values: SCHEDULE_VALUES.slice(1) },
    merged ? { name: LOG, values, merges } : { name: LOG, values },
  ];
}
