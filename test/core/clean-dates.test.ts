import { monthEndDeadline, monthsDeadline, parseDateCell, parseDateText, relativeDeadlineDays, withoutBefore } from '../../src/core/clean/dates';
import type { CellValue } from '../../src/core/types';
import { day, serial } from '../helpers/grids';

const OPTS = { date1904: false, defaultYear: 2019 };

describe('parseDateCell: readable dates', () => {
  it.each<[string, CellValue, string]>([
    ['1900-system serial', serial(2019, 8, 3), '2019-08-03'],
    ['serial with a time of day', serial(2019, 8, 3) + 0.6, '2019-08-03'],
    ['serial 367, the first day after the first year of the system', 367, '1901-01-01'],
    ['8-digit number yyyymmdd', 20190803, '2019-08-03'],
    ['Date object at UTC midnight', new Date(Date.UTC(2019, 7, 3)), '2019-08-03'],
    ['Date object with a time', new Date(Date.UTC(2019, 7, 3, 14, 30)), '2019-08-03'],
    ['ISO text', '2019-08-03', '2019-08-03'],
    ['ISO text without zeros', '2019-8-3', '2019-08-03'],
    ['slashes', '2019/8/3', '2019-08-03'],
    ['dots', '2019.8.3', '2019-08-03'],
    ['Chinese', '2019年8月3日', '2019-08-03'],
    ['Chinese with 号', '2019年8月3号', '2019-08-03'],
    ['Chinese with spaces', '2019 年 8 月 3 日', '2019-08-03'],
    ['compact text', '20190803', '2019-08-03'],
    ['ISO with time', '2019-08-03 14:30', '2019-08-03'],
    ['slashes with seconds', '2019/8/3 9:00:00', '2019-08-03'],
    ['ISO T form', '2019-08-03T14:30:00Z', '2019-08-03'],
    ['ISO T form with offset', '2019-08-03T14:30:00.000+08:00', '2019-08-03'],
    ['Chinese with 上午', '2019年8月3日 上午', '2019-08-03'],
    ['Chinese with 下午3点', '2019年8月3日下午3点', '2019-08-03'],
    ['Chinese with 9时30分', '2019年8月3日9时30分', '2019-08-03'],
    ['with AM/PM', '2019/8/3 9:00 AM', '2019-08-03'],
    ['with a weekday', '2019年8月3日（星期六）', '2019-08-03'],
    ['with a one-character weekday', '2019.8.3（六）', '2019-08-03'],
    ['with a trailing full stop', '2019.08.03.', '2019-08-03'],
    ['with a Chinese full stop', '2019年8月3日。', '2019-08-03'],
    ['with 周六', '2019-08-03 周六', '2019-08-03'],
    ['full-width digits', '２０１９年８月３日', '2019-08-03'],
    ['full-width ISO', '２０１９－０８－０３', '2019-08-03'],
    ['padded with spaces', '  2019-08-03\u3000', '2019-08-03'],
    ['compact text with time', '20190803 10:00', '2019-08-03'],
    ['leap day', '2020-02-29', '2020-02-29'],
  ])('%s: %j → %s', (_label, value, iso) => {
    expect(parseDateCell(value, OPTS)).toEqual({ ok: true, day: day(iso) });
  });

  it.each<[string, CellValue, string]>([
    ['Chinese month-day', '8月3日', '2019-08-03'],
    ['Chinese month-day with 号', '8月3号', '2019-08-03'],
    ['slash month-day', '8/3', '2019-08-03'],
    ['dash month-day', '8-3', '2019-08-03'],
    ['dot month-day', '8.3', '2019-08-03'],
    ['full-width month-day', '８月３日', '2019-08-03'],
    ['month-day with time', '8月3日 14:00', '2019-08-03'],
    ['dot month-day with 日', '8.3日', '2019-08-03'],
  ])('without a year, %s: %j → %s (the default year)', (_label, value, iso) => {
    expect(parseDateCell(value, OPTS)).toEqual({ ok: true, day: day(iso), yearless: true });
  });

  it('reads serials in the 1904 system when the workbook uses it', () => {
    // 1904 serial 0 is 1904-01-01; 2019-08-03 is 1462 days less than in the 1900 system.
    expect(parseDateCell(serial(2019, 8, 3) - 1462, { date1904: true, defaultYear: 2019 })).toEqual({ ok: true, day: day('2019-08-03') });
    expect(parseDateCell(0, { date1904: true, defaultYear: 2019 })).toEqual({ ok: false, reason: '只有时间，没有日期' });
    expect(parseDateCell(1, { date1904: true, defaultYear: 2019 })).toEqual({ ok: false, reason: '是数字，按Excel日期算是1904年1月2日，不像实际日期' });
    expect(parseDateCell(366, { date1904: true, defaultYear: 2019 })).toEqual({ ok: true, day: day('1905-01-01') });
    expect(parseDateCell(new Date(Date.UTC(1904, 0, 9)), { date1904: true, defaultYear: 2019 })).toEqual({
      ok: false,
      reason: '是1904年的日期，不像实际日期（可能是把数字填进了日期格式的单元格）',
    });
  });

  it('uses the default year it is given', () => {
    expect(parseDateCell('2月29日', { date1904: false, defaultYear: 2020 })).toEqual({ ok: true, day: day('2020-02-29'), yearless: true });
  });
});

describe('parseDateCell: empty cells', () => {
  it.each<[CellValue]>([[null], [undefined], [''], ['   '], ['\u3000\u200b']])('%j → null', (value) => {
    expect(parseDateCell(value, OPTS)).toBeNull();
  });
});

describe('parseDateCell: unreadable cells give a reason, never a guess', () => {
  it.each<[string, CellValue, string]>([
    ['30 February', '2019-02-30', '不是有效日期（2019年2月没有30日）'],
    ['month 13', '2019-13-01', '不是有效日期（没有13月）'],
    ['29 February of a common year', '2019年2月29日', '不是有效日期（2019年2月没有29日）'],
    ['yearless 29 February in a common year', '2月29日', '不是有效日期（2019年2月没有29日）'],
    ['day 0', '2019/8/0', '不是有效日期（2019年8月没有0日）'],
    ['8-digit number not a date', 20190230, '不是有效日期（2019年2月没有30日）'],
    ['compact text not a date', '20191301', '不是有效日期（没有13月）'],
    ['a year too early', '0019-08-03', '不是有效日期（年份19不合理）'],
    ['text', 'abc', '无法识别为日期'],
    ['a word', '八月三日', '无法识别为日期'],
    ['a range', '2019-08-03至08-05', '无法识别为日期'],
    ['two-digit year', '19-8-3', '无法识别为日期'],
    ['mixed separators', '2019-8/3', '无法识别为日期'],
    ['a bad time', '2019-08-03 25:00', '无法识别为日期'],
    ['a serial as text', '43680', '无法识别为日期'],
    ['TRUE', true, '是逻辑值，不是日期'],
    ['FALSE', false, '是逻辑值，不是日期'],
    ['#N/A', '#N/A', '是错误值'],
    ['#REF!', '#REF!', '是错误值'],
    ['#VALUE!', '#VALUE!', '是错误值'],
    ['#DIV/0!', '#DIV/0!', '是错误值'],
    ['#NAME?', '#NAME?', '是错误值'],
    ['#NULL!', '#NULL!', '是错误值'],
    ['#NUM!', '#NUM!', '是错误值'],
    ['#SPILL!', '#SPILL!', '是错误值'],
    ['#CALC!', '#CALC!', '是错误值'],
    ['#GETTING_DATA', '#GETTING_DATA', '是错误值'],
    ['NaN', NaN, '不是有效数字'],
    ['Infinity', Infinity, '不是有效数字'],
    ['a negative number', -5, '超出Excel日期范围'],
    ['a time only', 0.5, '只有时间，没有日期'],
    ['serial 60 (1900-02-29 does not exist)', 60, '不是有效日期（1900年2月29日不存在）'],
    ['a serial past 9999', 3000000, '超出Excel日期范围'],
    ['an invalid Date', new Date(NaN), '是无效的日期'],
    ['a time-only Date', new Date(Date.UTC(1899, 11, 30, 14, 30)), '只有时间，没有日期'],
    // A clerk types 8.12 for 8月12日 into a General cell: a number, which Excel shows as a 1900 date.
    ['8.12 typed for 8月12日', 8.12, '是数字，按Excel日期算是1900年1月8日，不像实际日期'],
    ['8.3 typed for 8月3日', 8.3, '是数字，按Excel日期算是1900年1月8日，不像实际日期'],
    ['serial 59', 59, '是数字，按Excel日期算是1900年2月28日，不像实际日期'],
    ['serial 61 (after the phantom 1900-02-29)', 61, '是数字，按Excel日期算是1900年3月1日，不像实际日期'],
    ['serial 366, the last of 1900', 366, '是数字，按Excel日期算是1900年12月31日，不像实际日期'],
    ['a date-formatted 8.12 as a reader gives it', new Date(Date.UTC(1900, 0, 7, 2, 52)), '是1900年的日期，不像实际日期（可能是把数字填进了日期格式的单元格）'],
    ['a huge string', '2019-08-03'.repeat(5000), '无法识别为日期'],
  ])('%s: %j', (_label, value, reason) => {
    expect(parseDateCell(value, OPTS)).toEqual({ ok: false, reason });
  });

  it('never throws on odd values', () => {
    for (const v of [{} as unknown as CellValue, [] as unknown as CellValue, Symbol.iterator as unknown as CellValue]) {
      expect(() => parseDateCell(v, OPTS)).not.toThrow();
    }
  });
});

describe('parseDateText', () => {
  it('is what parseDateCell does with strings', () => {
    expect(parseDateText('2019年8月3日', 2019)).toEqual(parseDateCell('2019年8月3日', OPTS));
    expect(parseDateText('', 2019)).toBeNull();
  });
});

describe('relativeDeadlineDays', () => {
  it.each([
    ['7天', 7],
    ['3日内', 3],
    ['15天内', 15],
    ['限期十天内整改', 10],
    ['三天', 3],
    ['二十天', 20],
    ['十五日内完成', 15],
    ['3日', null],
    ['8月3日', null],
    ['5个工作日', null],
    ['立即', null],
    ['一周', 7],
    ['限期一周', 7],
    ['一周内整改', 7],
    ['两周内', 14],
    ['2个星期', 14],
    ['半个月', 15],
    ['半月内完成', 15],
    ['一个月', null],
  ])('%s → %s', (text, expected) => {
    expect(relativeDeadlineDays(text)).toBe(expected);
  });
});

describe('monthEndDeadline', () => {
  // Inspections on 12 August 2019 and on 12 December 2019.
  it.each<[string, string, string | null]>([
    ['月底', '2019-08-12', '2019-08-31'],
    ['月底前', '2019-08-12', '2019-08-31'],
    ['本月底前完成', '2019-08-12', '2019-08-31'],
    ['当月末', '2019-02-12', '2019-02-28'],
    ['8月底', '2019-08-12', '2019-08-31'],
    ['9月底前', '2019-08-12', '2019-09-30'],
    ['2月底', '2020-02-03', '2020-02-29'],
    ['1月底', '2019-12-12', '2020-01-31'],
    ['2019年9月底', '2019-08-12', '2019-09-30'],
    ['13月底', '2019-08-12', null],
    ['8月31日', '2019-08-12', null],
    ['底', '2019-08-12', null],
  ])('%s after an inspection on %s → %s', (text, inspection, expected) => {
    expect(monthEndDeadline(text, day(inspection))).toBe(expected === null ? null : day(expected));
  });
});

describe('monthsDeadline', () => {
  test.each<[string, string, string | null]>([
    ['一个月内', '2019-08-12', '2019-09-12'],
    ['限期两个月', '2019-11-20', '2020-01-20'],
    ['3个月内整改', '2019-08-12', '2019-11-12'],
    ['一个月', '2019-01-31', '2019-02-28'],
    ['一个月', '2020-01-31', '2020-02-29'],
    ['十二个月内', '2019-08-12', '2020-08-12'],
    ['3月', '2019-08-12', null],
    ['三个月以后', '2019-08-12', null],
    ['0个月', '2019-08-12', null],
    ['30个月', '2019-08-12', null],
  ])('%s after %s → %s', (text, inspection, expected) => {
    expect(monthsDeadline(text, day(inspection))).toBe(expected === null ? null : day(expected));
  });
});

describe('withoutBefore', () => {
  it.each([
    ['9月5日前', '9月5日'],
    ['2019年8月20日之前', '2019年8月20日'],
    ['8月20日以前', '8月20日'],
    ['8月20日', '8月20日'],
    ['前', '前'],
  ])('%s → %s', (text, expected) => {
    expect(withoutBefore(text)).toBe(expected);
  });
});
