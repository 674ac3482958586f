import { hazardRectification } from '../../../src/core/rules';
import type { Field, LogEntry, Status } from '../../../src/core/types';
import { LOG, SEED, day, expectFinding, inspection, run, visible, workbook } from '../../helpers/parsed';

// T = 2019-09-02, W = 5 unless a case says otherwise. Every case's row is row 6.
const H = '消防通道堵塞';
const at = (date: string, opts: Parameters<typeof inspection>[3]) => inspection(date, ['邓光明'], '大栗港加油站', { row: 6, ...opts });

const cases: Array<[string, LogEntry, string, { status: Status; message: string } | null]> = [
  ['a hazard without a deadline is a problem', at('2019-08-12', { hazard: H, deadline: null }), '2019-09-02',
    { status: 'problem', message: '发现隐患“消防通道堵塞”但未填写整改期限' }],
  ['done before the deadline → ok', at('2019-08-12', { hazard: H, deadline: '2019-08-25', doneDate: '2019-08-20' }), '2019-09-02',
    { status: 'ok', message: '隐患“消防通道堵塞”已于8月20日整改（期限8月25日）' }],
  ['done on the deadline day → ok', at('2019-08-12', { hazard: H, deadline: '2019-08-25', doneDate: '2019-08-25' }), '2019-09-02',
    { status: 'ok', message: '隐患“消防通道堵塞”已于8月25日整改（期限8月25日）' }],
  ['done the day after the deadline → late', at('2019-08-12', { hazard: H, deadline: '2019-08-25', doneDate: '2019-08-26' }), '2019-09-02',
    { status: 'late', message: '隐患“消防通道堵塞”于8月26日整改，超过期限（8月25日）1天' }],
  ['done by its state only → ok', at('2019-08-12', { hazard: H, deadline: '2019-08-25', done: true }), '2019-09-02',
    { status: 'ok', message: '隐患“消防通道堵塞”已整改（期限8月25日）' }],
  ['not done, deadline is T → due soon (today)', at('2019-08-12', { hazard: H, deadline: '2019-09-02' }), '2019-09-02',
    { status: 'due-soon', message: '隐患“消防通道堵塞”整改期限9月2日，未整改，今天到期' }],
  ['not done, deadline the day before T → overdue', at('2019-08-12', { hazard: H, deadline: '2019-09-01' }), '2019-09-02',
    { status: 'overdue', message: '隐患“消防通道堵塞”整改期限9月1日，未整改，已逾期1天' }],
  ['not done, deadline W days after T → due soon', at('2019-08-12', { hazard: H, deadline: '2019-09-07' }), '2019-09-02',
    { status: 'due-soon', message: '隐患“消防通道堵塞”整改期限9月7日，未整改，还剩5天' }],
  ['not done, deadline W+1 days after T → pending', at('2019-08-12', { hazard: H, deadline: '2019-09-08' }), '2019-09-02',
    { status: 'pending', message: '隐患“消防通道堵塞”整改期限9月8日，整改中' }],
  ['a hazard of another month is judged too', at('2019-07-03', { hazard: H, deadline: '2019-07-10' }), '2019-09-02',
    { status: 'overdue', message: '隐患“消防通道堵塞”整改期限7月10日，未整改，已逾期54天' }],
  ['a deadline in another year names its year', at('2019-12-20', { hazard: H, deadline: '2020-01-05' }), '2019-12-31',
    { status: 'due-soon', message: '隐患“消防通道堵塞”整改期限2020年1月5日，未整改，还剩5天' }],
  ['a row dated after T is ignored', at('2019-09-03', { hazard: H, deadline: '2019-09-01' }), '2019-09-02', null],
  ['a row without a hazard gets nothing', at('2019-08-12', {}), '2019-09-02', null],
  ['long hazard text is cut to 30 characters',
    at('2019-08-12', { hazard: '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十超出部分', deadline: '2019-08-20' }), '2019-09-02',
    { status: 'overdue', message: '隐患“一二三四五六七八九十一二三四五六七八九十一二三四五六七八九…”整改期限8月20日，未整改，已逾期13天' }],
];

describe('hazard-rectification', () => {
  test.each(cases)('%s', (_name, entry, asOf, expected) => {
    const parsed = workbook({ leaders: [SEED.deng()], log: [entry] });
    const { findings, details } = run(hazardRectification, parsed, asOf.slice(0, 7), asOf);
    expect(visible(findings)).toEqual(expected === null ? [] : [expectFinding(LOG, 6, expected.status, expected.message)]);
    expect(details.map((d) => [d.ref.row, d.status, d.message])).toEqual(expected === null ? [] : [[6, expected.status, expected.message]]);
  });

  // A log without the column a verdict needs (SPEC status unknown): 无法判断, no colour, never overdue.
  test.each<[string, Parameters<typeof at>[1], Field[], Status, string]>([
    ['no deadline column, not done', { hazard: H, deadline: null }, ['date', 'leader', 'site', 'hazard', 'state'], 'unknown',
      '隐患“消防通道堵塞”：检查记录没有整改期限列，无法判断是否逾期'],
    ['no deadline column, done', { hazard: H, deadline: null, done: true }, ['date', 'leader', 'site', 'hazard', 'state'], 'unknown',
      '隐患“消防通道堵塞”已整改，但检查记录没有整改期限列，无法判断是否逾期'],
    ['no state and no done-date column, deadline passed', { hazard: H, deadline: '2019-08-20' }, ['date', 'leader', 'site', 'hazard', 'deadline'], 'unknown',
      '隐患“消防通道堵塞”整改期限8月20日；检查记录没有整改情况或整改完成日期列，无法判断是否已整改'],
    ['a done-date column alone is enough', { hazard: H, deadline: '2019-08-20' }, ['date', 'leader', 'site', 'hazard', 'deadline', 'doneDate'], 'overdue',
      '隐患“消防通道堵塞”整改期限8月20日，未整改，已逾期13天'],
  ])('%s', (_name, opts, logFields, status, message) => {
    const parsed = workbook({ leaders: [SEED.deng()], log: [at('2019-08-12', opts)], logFields });
    expect(visible(run(hazardRectification, parsed, '2019-08', '2019-09-02').findings)).toEqual([expectFinding(LOG, 6, status, message)]);
  });

  test('a text of exactly 30 characters is kept whole', () => {
    const text = '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const parsed = workbook({ leaders: [SEED.deng()], log: [at('2019-08-12', { hazard: text, deadline: '2019-08-20', doneDate: '2019-08-19' })] });
    expect(run(hazardRectification, parsed, '2019-08', '2019-09-02').findings[0].message).toBe('隐患“' + text + '”已于8月19日整改（期限8月20日）');
  });

  test('details keep the full hazard and come in workbook order whatever the log order', () => {
    const parsed = workbook({
      leaders: [SEED.deng()],
      log: [
        inspection('2019-08-14', ['邓光明'], '环宇烟花批发', { row: 9, hazard: '灭火器过期', deadline: '2019-08-30' }),
        inspection('2019-08-12', ['邓光明'], ' 大栗港加油站 ', { row: 4, hazard: H, deadline: '2019-08-25', doneDate: '2019-08-24' }),
      ],
    });
    const { details } = run(hazardRectification, parsed, '2019-08', '2019-09-02');
    expect(details).toEqual([
      {
        ref: { sheet: LOG, row: 4 }, date: day('2019-08-12'), leaders: ['邓光明'], site: '大栗港加油站', hazard: H,
        deadline: day('2019-08-25'), doneDate: day('2019-08-24'), done: true, status: 'ok',
        message: '隐患“消防通道堵塞”已于8月24日整改（期限8月25日）',
      },
      {
        ref: { sheet: LOG, row: 9 }, date: day('2019-08-14'), leaders: ['邓光明'], site: '环宇烟花批发', hazard: '灭火器过期',
        deadline: day('2019-08-30'), doneDate: null, done: false, status: 'overdue',
        message: '隐患“灭火器过期”整改期限8月30日，未整改，已逾期3天',
      },
    ]);
  });
});
