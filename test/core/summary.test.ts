/**
 * The summary's line about sheets the check did not read: its wording, how a long list is cut to one
 * info line, where the layout puts it, and that the tool's own sheets are never named in it.
 */
import fc from 'fast-check';
import {
  buildSummary,
  checkWorkbook,
  ignoredSheetsLine,
  INFO_LINE_WIDTH,
  layoutSummary,
  lineWidth,
} from '../../src/core';
import type { CellValue, CheckResult, SheetInput } from '../../src/core/types';
import { day, serial } from '../helpers/grids';
import { logSheet, seedSchedule } from '../helpers/seed';

const HEAD = '未读取的工作表：';
const TAIL = '（前10行中没有可识别的表头行；如其中有检查记录，请在表头行写明“检查日期”和“带队领导”）';
const LONG_NAME = '某某镇二〇一九年八月份安全生产大检查补录表（第二批次）';
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1 + '月补录');

describe('ignoredSheetsLine', () => {
  const cases: Array<[string, string[], string | null]> = [
    ['no sheet skipped: no line', [], null],
    ['one sheet', ['8月补录'], HEAD + '8月补录' + TAIL],
    ['two sheets, in workbook order', ['8月补录', '说明'], HEAD + '8月补录、说明' + TAIL],
    ['ASCII names take half the room', ['Sheet1', 'Sheet2', 'Sheet3'], HEAD + 'Sheet1、Sheet2、Sheet3' + TAIL],
    ['twelve sheets: the first that fit, then …等12张', MONTHS, HEAD + '1月补录、2月补录、3月补录…等12张' + TAIL],
    ['one name too long for the line: cut', [LONG_NAME], HEAD + '某某镇二〇一九年八月份安全生产大…' + TAIL],
    ['a long first name among others: cut, and the count', [LONG_NAME, '说明'], HEAD + '某某镇二〇一九年八月份安全…等2张' + TAIL],
    ['a name of emoji: cut between characters, never inside one', ['😀'.repeat(31)], HEAD + '😀'.repeat(16) + '…' + TAIL],
    ['the same one off by a half', ['补' + '😀'.repeat(31)], HEAD + '补' + '😀'.repeat(15) + '…' + TAIL],
  ];
  test.each(cases)('%s', (_name, sheets, expected) => {
    const line = ignoredSheetsLine(sheets);
    expect(line).toBe(expected);
    if (line !== null) expect(lineWidth(line)).toBeLessThanOrEqual(INFO_LINE_WIDTH);
  });

  test('the line fits the summary’s merged row: its width limit is inside the columns’ total', () => {
    const layout = layoutSummary(buildSummary(result(workbook([])), AUGUST));
    const total = layout.columnWidths.reduce((a, b) => a + b, 0);
    expect(INFO_LINE_WIDTH).toBeLessThan(total);
  });

  test('lineWidth counts ASCII 1 and everything else 2, a surrogate pair as one character', () => {
    const cases: Array<[string, number]> = [['', 0], ['Sheet1', 6], ['补录', 4], ['“”…（）', 10], ['📋a', 3], ['\ud83d', 2]];
    for (const [text, width] of cases) expect([text, lineWidth(text)]).toEqual([text, width]);
  });

  // An independent reading of the rule: the most whole names that fit, else as much of the first as fits.
  function expectedLine(names: string[]): string {
    const width = (s: string) => Array.from(s).reduce((w, ch) => w + (ch.codePointAt(0)! < 0x80 ? 1 : 2), 0);
    for (let k = names.length; k >= 1; k--) {
      const text = HEAD + names.slice(0, k).join('、') + (k < names.length ? '…等' + names.length + '张' : '') + TAIL;
      if (width(text) <= INFO_LINE_WIDTH) return text;
    }
    const chars = Array.from(names[0]);
    const cut = (n: number) => HEAD + chars.slice(0, n).join('') + '…' + (names.length > 1 ? '等' + names.length + '张' : '') + TAIL;
    for (let n = chars.length - 1; n > 1; n--) if (width(cut(n)) <= INFO_LINE_WIDTH) return cut(n);
    return cut(1);
  }

  test('any list of sheet names: the most that fit on one line, whole characters, never wider than the limit', () => {
    const name = fc.oneof(
      fc.constantFrom('8月补录', '说明', 'Sheet1', '会议', LONG_NAME, '📋检查', ''),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 31 }),
      fc.string({ unit: fc.constantFrom('补', '录', 'a', '、', '…', '😀'), minLength: 1, maxLength: 31, size: 'max' }),
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 60 }), (names) => {
        const line = ignoredSheetsLine(names)!;
        expect(line).toBe(expectedLine(names));
        expect(lineWidth(line)).toBeLessThanOrEqual(INFO_LINE_WIDTH);
        // No half of a surrogate pair left behind by the cut.
        expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?:[^\ud800-\udbff]|^)[\udc00-\udfff]/);
      }),
      { numRuns: 300 },
    );
  });
});

// The seed's schedule, a log with 郭环球's inspection, and the extra sheets of each case.
const AUGUST = { year: 2019, month: 8, asOf: day('2019-09-02') };
// Headers the core reads as no kind (人员 is no leader word, 名称 no meeting word).
const MONTHLY_LOG = (name: string): SheetInput => ({
  name,
  values: [['日期', '人员', '地点', '内容'], [serial(2019, 8, 20), '邓光明', '大栗港加油站', '安全检查']],
});
const MEETINGS = (name: string): SheetInput => ({ name, values: [['时间', '名称', '主要议题'], [serial(2019, 8, 5), '党委会', '安全生产']] });
const OLD_SUMMARY: SheetInput = { name: '履职汇总 2019-07', values: [['大栗港镇党政领导干部安全生产履职情况汇总（2019年7月）'], ['某行说明']] };
const STATE: SheetInput = { name: '_履职检查', values: [['带队检查安排表!A3', 'FFFF00'] as CellValue[]] };

function workbook(extra: SheetInput[]): { sheets: SheetInput[] } {
  return { sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村' }]), ...extra] };
}

function result(input: { sheets: SheetInput[] }): CheckResult {
  const outcome = checkWorkbook(input, { month: '2019-08', asOf: '2019-09-02' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

describe('the summary model and layout', () => {
  const cases: Array<[string, SheetInput[], string[], string | null]> = [
    ['every sheet read: no line', [], [], null],
    ['the tool’s own sheets are never named', [OLD_SUMMARY, STATE], [], null],
    [
      'a monthly log headed 日期|人员 and a meetings sheet headed 时间|名称 are named, own sheets are not',
      [MONTHLY_LOG('8月补录'), OLD_SUMMARY, MEETINGS('会议'), STATE],
      ['8月补录', '会议'],
      HEAD + '8月补录、会议' + TAIL,
    ],
    ['twelve monthly logs: cut to one line', MONTHS.map(MONTHLY_LOG), MONTHS, HEAD + '1月补录、2月补录、3月补录…等12张' + TAIL],
  ];

  test.each(cases)('%s', (_name, extra, ignored, line) => {
    const r = result(workbook(extra));
    expect(r.ignoredSheets).toEqual(ignored);
    const info = r.summary.infoLines;
    const without = buildSummary({ ...r, ignoredSheets: [] }, AUGUST);
    if (line === null) {
      expect(info.filter((l) => l.indexOf(HEAD) === 0)).toEqual([]);
      expect(info).toEqual(without.infoLines);
      return;
    }
    // The last info line, right above the tables; the other lines as they were.
    expect(info[info.length - 1]).toBe(line);
    expect(info.slice(0, -1)).toEqual(without.infoLines);

    const layout = layoutSummary(r.summary);
    const plain = layoutSummary(without);
    const at = info.length; // the title is row 0
    expect(layout.values[at][0]).toBe(line);
    expect(layout.values[at].slice(1).every((v) => v === '')).toBe(true);
    expect(layout.merges).toContainEqual({ row: at, column: 0, rows: 1, columns: layout.columnWidths.length });
    const styles = layout.styles.filter((s) => s.row <= at && s.row + s.rows > at);
    expect(styles).toEqual([{ row: at, column: 0, rows: 1, columns: layout.columnWidths.length, align: 'left' }]);
    // Everything below moves down by one row, unchanged.
    expect(layout.values.slice(at + 1)).toEqual(plain.values.slice(at));
    expect(layout.values.slice(0, at)).toEqual(plain.values.slice(0, at));
    expect(layout.chartAnchor.row).toBe(plain.chartAnchor.row + 1);
  });

  test('the case the line is for: inspections on a skipped sheet count 0', () => {
    const r = result(workbook([MONTHLY_LOG('8月补录')]));
    expect(r.leaders.filter((l) => l.name === '邓光明').map((l) => [l.total, l.status])).toEqual([[0, 'missing']]);
    expect(r.summary.infoLines).toContain(HEAD + '8月补录' + TAIL);
  });
});
