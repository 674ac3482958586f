/**
 * The readers of the log, meetings and reports sheets (src/core/parse/log.ts, meetings.ts,
 * reports.ts): what each row becomes, and which cells are data problems. Tables of rows written
 * out cell by cell under the seed's schedule, checked for August 2019 as of 2 September 2019.
 */
import type { CellValue, ParsedWorkbook } from '../../src/core/types';
import { day, log, parseOk, serial, sheet, withSeed } from '../helpers/grids';

const d = (n: number) => serial(2019, 8, n);
const problems = (p: ParsedWorkbook) => p.problems.map((x) => [x.sheet, x.row, x.column, x.code]);

describe('log.ts: one row of the inspection log', () => {
  const HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'];
  test.each<[string, CellValue[], Record<string, unknown> | null, Array<Array<string | number>>]>([
    ['a plain inspection', [d(5), '郭环球', '刘家村', '无', '', '', ''], { date: day('2019-08-05'), leaders: ['郭环球'], site: '刘家村', hazard: null }, []],
    ['a padded name the schedule does not hold: no one is made up', [d(5), '胡 小 波', '', '', '', '', ''], null, [['检查记录', 2, 2, 'unknown-leader']]],
    ['a joint inspection', [d(5), '郭环球、熊  丹', '刘家村', '', '', '', ''], { leaders: ['郭环球', '熊丹'] }, []],
    ['a hazard done by a state with its day', [d(5), '郭环球', '刘家村', '灭火器过期', d(10), '', '8月9日已更换'], { hazard: '灭火器过期', deadline: day('2019-08-10'), done: true, doneDate: day('2019-08-09') }, []],
    ['a relative deadline', [d(5), '郭环球', '刘家村', '灭火器过期', '7天', '', ''], { deadline: day('2019-08-12'), done: false }, []],
    ['/ as the date: empty, a problem of its own kind', ['/', '郭环球', '刘家村', '无', '', '', ''], null, [['检查记录', 2, 1, 'empty-date']]],
    ['/ as the deadline of a hazard: missing, no unreadable deadline', [d(5), '郭环球', '刘家村', '灭火器过期', '/', '', ''], { deadline: null, deadlineMissing: true }, []],
    ['a deadline that is no date', [d(5), '郭环球', '刘家村', '灭火器过期', '尽快', '', ''], { deadlineMissing: true }, [['检查记录', 2, 5, 'bad-deadline']]],
    ['a done date after the as-of date', [d(5), '郭环球', '刘家村', '灭火器过期', d(10), '2019-09-20', ''], { done: false }, [['检查记录', 2, 6, 'bad-done-date']]],
  ])('%s', (_name, row, entry, expected) => {
    const parsed = parseOk(withSeed(log(HEADER, [row])));
    if (entry === null) expect(parsed.log).toEqual([]);
    else expect(parsed.log[0]).toMatchObject(entry);
    expect(problems(parsed)).toEqual(expected);
  });
});

describe('meetings.ts: one row of the meetings sheet', () => {
  const meetings = (header: string[], rows: CellValue[][]) => withSeed(log(['检查日期', '带队领导'], [[d(5), '郭环球']]), sheet('会议记录', [header, ...rows]));
  test.each<[string, string[], CellValue[], Record<string, unknown> | null, Array<Array<string | number>>]>([
    ['name and topic', ['会议日期', '会议名称', '议题'], [serial(2019, 3, 1), '党委会', '研究 安全生产'], { name: '党委会', topic: '研究安全生产' }, []],
    ['a type column says what the name does not', ['日期', '会议名称', '会议类型'], [serial(2019, 3, 1), '第5次会议', '党委会'], { name: '党委会第5次会议' }, []],
    ['no name', ['会议日期', '会议名称', '议题'], [serial(2019, 3, 1), '', '安全生产'], null, [['会议记录', 2, 2, 'other']]],
    ['— as the date', ['会议日期', '会议名称'], ['—', '党委会'], null, [['会议记录', 2, 1, 'empty-date']]],
  ])('%s', (_name, header, row, meeting, expected) => {
    const parsed = parseOk(meetings(header, [row]));
    if (meeting === null) expect(parsed.meetings).toEqual([]);
    else expect(parsed.meetings![0]).toMatchObject(meeting);
    expect(problems(parsed)).toEqual(expected);
  });
});

describe('reports.ts: one row of the reports sheet', () => {
  const reports = (rows: CellValue[][]) => withSeed(log(['检查日期', '带队领导'], [[d(5), '郭环球']]), sheet('述职报告', [['单位', '负责人', '述职年度', '提交日期'], ...rows]));
  test.each<[string, CellValue[], Array<Record<string, unknown>>, Array<Array<string | number>>]>([
    ['a unit and its day', ['安监站', '张三', '2018年度', serial(2019, 1, 10)], [{ unit: '安监站', submitted: day('2019-01-10'), year: 2018 }], []],
    ['not yet submitted: no problem', ['安监站', '张三', 2018, ''], [{ unit: '安监站', submitted: null }], []],
    ['/ as the day: not yet submitted, no problem', ['安监站', '张三', 2018, '/'], [{ unit: '安监站', submitted: null }], []],
    ['two units in one cell', ['党政办、扶贫办', '', '', serial(2019, 1, 12)], [{ unit: '党政办' }, { unit: '扶贫办' }], []],
    ['a year that is none', ['安监站', '', '去年', serial(2019, 1, 12)], [{ year: null }], [['述职报告', 2, 3, 'other']]],
    ['no unit', ['', '张三', 2018, serial(2019, 1, 12)], [], [['述职报告', 2, 1, 'empty-unit']]],
  ])('%s', (_name, row, expected, expectedProblems) => {
    const parsed = parseOk(reports([row]));
    expect(parsed.reports!.length).toBe(expected.length);
    expected.forEach((r, i) => expect(parsed.reports![i]).toMatchObject(r));
    expect(problems(parsed)).toEqual(expectedProblems);
  });
});
