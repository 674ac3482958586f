/**
 * The workbook the browser test loads into the simulator: a township schedule (title row, then
 * 带队领导 / 职务 / 牵头部门 / 检查范围（每月25日以前完成）) and an inspection log with one case
 * of each kind, checked for August 2019 as of 2 September 2019. Two cells hold hostile text: a
 * hazard written as HTML and one written as a DDE formula.
 */
import { excelSerialFromDay, dayFromYmd } from '../../src/core/day';
import type { Colour } from '../../src/core/types';

export const MONTH = '2019-08';
export const AS_OF = '2019-09-02';

export const HTML_TEXT = '<img src=x onerror=alert(1)>';
export const FORMULA_TEXT = "=cmd|' /C calc'!A0";

export const SCHEDULE = '带队检查安排表';
export const LOG = '检查记录';

function aug(d: number): number {
  return excelSerialFromDay(dayFromYmd(2019, 8, d));
}

const sep5 = excelSerialFromDay(dayFromYmd(2019, 9, 5));

export const SCHEDULE_HEADER = ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'];

/** Schedule rows: Excel rows 3… (title in row 1, header in row 2). */
export const SCHEDULE_VALUES: (string | number)[][] = [
  ['大栗港镇党政领导带队检查安排表', '', '', ''],
  SCHEDULE_HEADER,
  ['郭环球', '党委书记', '安监站、党政办', '全镇辖区内（重点检查负责刘家村）各行业、各系统的安全生产工作情况'],
  ['熊  丹', '党委副书记、镇长', '安监站、党政办', '全镇辖区内（重点检查负责童子山村）各行业、各系统的安全生产工作情况'],
  ['鲁  攀', '副镇长', '扶贫办', '负责分管领域、联系村（社区）及“和平加油站”安全生产工作'],
  ['李卫萍', '党委委员', '卫健办、民政所', '负责分管领域、联系村（社区）及“九龙洞水上乐园”安全生产工作'],
  ['邓光明', '副镇长', '经济发展办', '负责分管领域、联系村（社区）及“大栗港加油站”安全生产工作'],
];

export const LOG_HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'];

/** Log rows: Excel rows 3… . */
export const LOG_VALUES: (string | number)[][] = [
  ['大栗港镇安全生产检查记录', '', '', '', '', '', ''],
  LOG_HEADER,
  [aug(12), '郭环球', '刘家村', '无', '', '', ''],
  [aug(28), '熊  丹', '童子山村', '无', '', '', ''],
  [aug(3), '邓光明', '大栗港加油站', '无', '', '', ''],
  [aug(20), '邓光明', '大栗港加油站', FORMULA_TEXT, aug(25), '', '未整改'],
  // The hazard text is markup: the pane shows it in the finding's message, as text.
  [aug(22), '李卫萍', '九龙洞水上乐园', HTML_TEXT, sep5, '', ''],
  ['八月某日', '郭环球', '刘家村', '无', '', '', ''],
];

/**
 * The colour each row must get (SPEC §2–3), written out by hand so the test does not just
 * repeat what the code computes.
 */
export const EXPECTED_ROWS: Array<{ sheet: string; row: number; colour: Colour; why: string }> = [
  { sheet: SCHEDULE, row: 3, colour: 'green', why: '郭环球: 1 of 1, 刘家村 on the 12th' },
  { sheet: SCHEDULE, row: 4, colour: 'orange', why: '熊丹: only inspection on the 28th, after the 25th' },
  { sheet: SCHEDULE, row: 5, colour: 'red', why: '鲁攀: no inspection' },
  { sheet: SCHEDULE, row: 6, colour: 'red', why: '李卫萍: 1 of 2' },
  { sheet: SCHEDULE, row: 7, colour: 'green', why: '邓光明: 2 of 2 at his key site' },
  { sheet: LOG, row: 3, colour: 'green', why: 'on time, no hazard' },
  { sheet: LOG, row: 4, colour: 'orange', why: 'dated the 28th' },
  { sheet: LOG, row: 5, colour: 'green', why: 'on time, no hazard' },
  { sheet: LOG, row: 6, colour: 'red', why: 'hazard due 25 Aug, not rectified' },
  { sheet: LOG, row: 7, colour: 'yellow', why: 'hazard due 5 Sep, 3 days after as-of' },
  { sheet: LOG, row: 8, colour: 'grey', why: 'date 八月某日 unreadable' },
];

/** Formats the clerk had before the check, which 清除标记 must give back. */
export const ORIGINAL_FILLS: Record<string, Record<string, string>> = {
  [SCHEDULE]: { A2: '#DDEBF7', B2: '#DDEBF7', C2: '#DDEBF7', D2: '#DDEBF7', A5: '#FFFF00' },
  [LOG]: { D6: '#FCE4D6' },
};
export const ORIGINAL_FONTS: Record<string, Record<string, string>> = {
  [SCHEDULE]: { A5: '#0000FF' },
  [LOG]: { B6: '#7030A0' },
};

export const MEETINGS = '会议记录';
export const REPORTS = '述职报告';

function day2019(m: number, d: number): number {
  return excelSerialFromDay(dayFromYmd(2019, m, d));
}

/**
 * Meetings of 2019 up to 2 September (two quarters ended, so 2 of 4 are due by now): 党委会 twice
 * (on pace: no colour), 班子会 once (behind the pace: 进度偏慢, yellow), and a row whose date
 * cannot be read (a grey row).
 */
export const MEETINGS_VALUES: (string | number)[][] = [
  ['2019年会议记录', '', ''],
  ['日期', '会议名称', '议题'],
  [day2019(3, 12), '党委会', '研究安全生产工作'],
  [day2019(6, 18), '党委会', '安全生产专题'],
  [day2019(4, 2), '班子会', '部署安全生产大检查'],
  ['三月中旬', '班子会', '安全生产'],
];

/**
 * 2018 annual reports of the member units (the schedule's 牵头部门: 安监站, 党政办, 扶贫办, 卫健办,
 * 民政所, 经济发展办), due 31 January 2019: on time, late (orange), a row without a date (red),
 * and two units with no row at all (red on the summary, and in the pane's red group).
 */
export const REPORTS_VALUES: (string | number)[][] = [
  ['安委成员单位述职报告', '', ''],
  ['单位', '负责人', '提交日期'],
  ['安监站', '周志刚', day2019(1, 10)],
  ['党政办', '王芳', day2019(2, 15)],
  ['扶贫办', '刘强', ''],
  ['卫健办', '陈静', day2019(1, 20)],
];
