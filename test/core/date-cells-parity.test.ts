/**
 * The command line gets a date cell as a Date, the add-in as Excel's serial number (43728).
 * Every finding, problem and summary line must read the same either way (issue 18: the add-in
 * quoted “43728” where the command line quoted “2019-09-20”).
 */
import * as fc from 'fast-check';
import { checkWorkbook } from '../../src/core';
import { dayFromYmd, excelSerialFromDay } from '../../src/core/day';
import type { CellValue, CheckResult, WorkbookInput } from '../../src/core/types';
import { seedSchedule } from '../helpers/seed';

const OPTIONS = { month: '2019-08', asOf: '2019-09-02' };
const date = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** The same workbook with every Date replaced by its 1900-system serial, as Office.js gives it. */
function asSerials(input: WorkbookInput): WorkbookInput {
  const toSerial = (v: CellValue): CellValue =>
    v instanceof Date ? excelSerialFromDay(dayFromYmd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate())) : v;
  return { ...input, sheets: input.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(toSerial)) })) };
}

/** Everything a clerk reads: row messages, problems, findings, the summary sheet's text. */
function texts(result: CheckResult): unknown {
  return {
    rows: result.rows.map((r) => [r.sheet, r.row, r.colour, r.message]),
    problems: result.problems.map((p) => [p.sheet, p.row, p.column, p.message]),
    findings: result.findings.map((f) => [f.sheet, f.row, f.message]),
    summary: result.summary,
  };
}

function check(input: WorkbookInput): CheckResult {
  const out = checkWorkbook(input, OPTIONS);
  if (!out.ok) throw new Error(out.error.message);
  return out.result;
}

const HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期'];

test('a date after the as-of date is quoted as a date on both edges, never as 43728', () => {
  const input: WorkbookInput = {
    sheets: [
      seedSchedule(),
      {
        name: '检查记录',
        values: [
          HEADER,
          [date(2019, 9, 20), '郭环球', '刘家村', '', '', ''],
          [date(2019, 8, 12), '熊丹', '童子山村', '灭火器过期', date(2019, 8, 30), date(2019, 9, 10)],
        ],
      },
    ],
  };
  const cli = check(input);
  const addin = check(asSerials(input));
  expect(texts(addin)).toEqual(texts(cli));
  const messages = addin.problems.map((p) => p.message);
  expect(messages).toEqual(
    expect.arrayContaining([
      expect.stringContaining('检查日期“2019-09-20”晚于'),
      expect.stringContaining('整改完成日期“2019-09-10”晚于'),
    ]),
  );
  expect(messages.join('\n')).not.toMatch(/“4\d{4}”/);
});

test('any log, dates as Date or as serial: the same messages (property)', () => {
  const dayArb = fc.record({ m: fc.integer({ min: 6, max: 10 }), d: fc.integer({ min: 1, max: 28 }) }).map(({ m, d }) => date(2019, m, d));
  const cellArb = fc.oneof(dayArb, fc.constantFrom('', '/', '8月3日', '2019-09-30', '无', '立即整改', '已整改'));
  const rowArb = fc.tuple(
    fc.oneof(dayArb, fc.constantFrom('8月5日', 'abc', '')),
    fc.constantFrom('郭环球', '熊  丹', '鲁攀', '张三', ''),
    fc.constantFrom('刘家村', '和平加油站', '别处'),
    fc.constantFrom('', '无', '灭火器过期', '通道堵塞'),
    cellArb,
    cellArb,
  );
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 12 }), (rows) => {
      const input: WorkbookInput = { sheets: [seedSchedule(), { name: '检查记录', values: [HEADER, ...rows.map((r) => [...r] as CellValue[])] }] };
      expect(texts(check(asSerials(input)))).toEqual(texts(check(input)));
    }),
    { seed: 20190902, numRuns: 150 },
  );
});
