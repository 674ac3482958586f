/**
 * The seed document's schedule (大发〔2019〕45号 附件), verbatim, as a grid — shared by engine,
 * CLI and add-in tests so each sees the real padding (`熊  丹`) and line breaks.
 */
import type { CellValue, SheetInput } from '../../src/core/types';

export const SEED_TITLE = '大栗港镇党政领导带队检查安排表';
export const SEED_HEADER = ['带队领导', '牵头部门', '检查范围（每月25日以前完成）'];
export const SEED_ROWS: string[][] = [
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

/** The schedule sheet: title in row 1, header in row 2, leaders from row 3. */
export function seedSchedule(name = '带队检查安排表'): SheetInput {
  return { name, values: [[SEED_TITLE, '', ''], SEED_HEADER, ...SEED_ROWS] };
}

export type LogRow = {
  date: CellValue;
  leader: CellValue;
  site?: CellValue;
  hazard?: CellValue;
  deadline?: CellValue;
  done?: CellValue;
  state?: CellValue;
};

export const LOG_HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'];

/** An inspection log: title row 1, header row 2, data from row 3 (row i of `rows` is Excel row i + 3). */
export function logSheet(rows: LogRow[], name = '检查记录'): SheetInput {
  const values: CellValue[][] = [['大栗港镇安全生产检查记录', '', '', '', '', '', ''], LOG_HEADER];
  for (const r of rows) {
    values.push([r.date, r.leader, r.site ?? '', r.hazard ?? '', r.deadline ?? '', r.done ?? '', r.state ?? '']);
  }
  return { name, values };
}
