/**
 * A small township workbook built in code, so each end-to-end test shows its case: three leaders,
 * a log with one clean row per case, optional extras. Dates are real Excel dates unless a test
 * writes text. Checked for August 2019 as of 2019-09-02:
 *   王海 (党委书记, main, 1 needed): 8月5日 东村                       → ok
 *   李明 (副镇长, 2 needed): 8月6日、8月10日 西站加油站              → ok; the 8月10日 row has a hazard
 *                                   due 8月20日 and not done            → overdue (red log row)
 *   赵刚 (副镇长, 2 needed): only 8月27日 南山矿业                     → missing (red schedule row), late row
 *   one row with a date that cannot be read                            → grey
 */
import ExcelJS from 'exceljs';

export const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

export type LogLine = [ExcelJS.CellValue, string, string, string, ExcelJS.CellValue, ExcelJS.CellValue];

export interface TownshipOptions {
  leaders?: Array<[string, string, string, string]>;
  log?: LogLine[];
  /** Leave out the schedule or the log (for error cases). */
  noSchedule?: boolean;
  noLog?: boolean;
  decorate?: (wb: ExcelJS.Workbook) => void | Promise<void>;
}

export const LEADERS: Array<[string, string, string, string]> = [
  ['王  海', '党委书记', '党政办', '全镇辖区内（重点检查负责东村）各行业安全生产工作'],
  ['李明', '副镇长', '安监站、经济发展办', '负责分管领域及“西站加油站”安全生产工作'],
  ['赵刚', '副镇长', '国土所', '负责分管领域及“南山矿业”安全生产工作'],
];

export const LOG: LogLine[] = [
  [utc(2019, 8, 5), '王海', '东村', '无', null, null],
  [utc(2019, 8, 6), '李明', '西站加油站', '无', null, null],
  [utc(2019, 8, 10), '李明', '西站加油站', '消防器材过期', utc(2019, 8, 20), null],
  [utc(2019, 8, 27), '赵刚', '南山矿业有限公司', '无', null, null],
  ['2019年8月32日', '赵刚', '南山矿业', '无', null, null],
];

export async function townshipWorkbook(options: TownshipOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (!options.noSchedule) {
    const ws = wb.addWorksheet('安排表');
    ws.columns = [{ width: 10 }, { width: 10 }, { width: 20 }, { width: 50 }];
    ws.getCell('A1').value = '某某镇党政领导带队检查安排表';
    ws.mergeCells('A1:D1');
    ws.getRow(2).values = ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'];
    (options.leaders || LEADERS).forEach((l, i) => {
      ws.getRow(3 + i).values = l;
      ws.getCell(3 + i, 1).font = { name: '宋体', size: 12, bold: i === 0 };
    });
  }
  if (!options.noLog) {
    const ws = wb.addWorksheet('检查记录');
    ws.columns = [{ width: 14 }, { width: 10 }, { width: 18 }, { width: 20 }, { width: 12 }, { width: 12 }];
    ws.getRow(1).values = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期'];
    (options.log || LOG).forEach((line, i) => {
      const row = ws.getRow(2 + i);
      row.values = line.map((v) => (v === null ? undefined : v));
      for (const c of [1, 5, 6]) if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = 'yyyy-mm-dd';
    });
    // A formula beside the table: it must survive untouched.
    ws.getCell('H1').value = '行数';
    ws.getCell('H2').value = { formula: 'COUNTA(A2:A100)', result: (options.log || LOG).length };
  }
  const other = wb.addWorksheet('备注');
  other.getCell('A1').value = '这张表不是检查用的';
  other.getCell('B2').value = '=1+1';
  if (options.decorate) await options.decorate(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
