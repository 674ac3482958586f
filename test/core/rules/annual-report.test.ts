import { annualReport, memberUnits, unitMatches } from '../../../src/core/rules';
import type { Report, Settings, Status } from '../../../src/core/types';
import { REPORTS, SEED, day, expectFinding, leader, report, run, visible, workbook } from '../../helpers/parsed';

// Reports on 2019, due 31 January 2020 (T in 2020). Report rows start at row 2.
const units = { memberUnits: ['安监站'] } as Partial<Settings>;

interface Case {
  name: string;
  reports: Report[];
  asOf: string;
  settings?: Partial<Settings>;
  /** The unit's result. */
  status: Status;
  message: string;
  /** Rows that get a finding (with the unit's status and message). */
  rows: number[];
}

const cases: Case[] = [
  { name: 'submitted on 31 January → ok', reports: [report('安监站', '2020-01-31')], asOf: '2020-02-10',
    status: 'ok', message: '安监站：2019年度述职报告已于1月31日提交', rows: [2] },
  { name: 'submitted on 1 February → late', reports: [report('安监站', '2020-02-01')], asOf: '2020-02-10',
    status: 'late', message: '安监站：2019年度述职报告于2月1日提交，晚于截止日1月31日', rows: [2] },
  { name: 'none, T on 1 February → missing', reports: [], asOf: '2020-02-01',
    status: 'missing', message: '安监站：未提交2019年度述职报告（截止1月31日）', rows: [] },
  { name: 'none, T on 31 January → due soon (today)', reports: [], asOf: '2020-01-31',
    status: 'due-soon', message: '安监站：尚未提交2019年度述职报告，今天（1月31日）截止', rows: [] },
  { name: 'none, W days before → due soon', reports: [], asOf: '2020-01-26',
    status: 'due-soon', message: '安监站：尚未提交2019年度述职报告，距截止（1月31日）还剩5天', rows: [] },
  { name: 'none, W+1 days before → pending', reports: [], asOf: '2020-01-25',
    status: 'pending', message: '安监站：尚未提交2019年度述职报告（截止1月31日）', rows: [] },
  { name: 'a longer unit name matches (大栗港镇安监站 ↔ 安监站)', reports: [report('大栗港镇安监站', '2020-01-20')], asOf: '2020-02-10',
    status: 'ok', message: '安监站：2019年度述职报告已于1月20日提交', rows: [2] },
  { name: 'submitted in the December before counts (no 年度 column)', reports: [report('安监站', '2019-12-28')], asOf: '2020-02-10',
    status: 'ok', message: '安监站：2019年度述职报告已于2019年12月28日提交', rows: [2] },
  { name: 'submitted in November before does not count (no 年度 column)', reports: [report('安监站', '2019-11-28')], asOf: '2020-02-10',
    status: 'missing', message: '安监站：未提交2019年度述职报告（截止1月31日）', rows: [] },
  { name: 'a report on another year is left alone', reports: [report('安监站', '2020-01-10', { year: 2018 })], asOf: '2020-02-10',
    status: 'missing', message: '安监站：未提交2019年度述职报告（截止1月31日）', rows: [] },
  { name: 'a report whose 年度 is the previous year counts', reports: [report('安监站', '2020-01-10', { year: 2019 })], asOf: '2020-02-10',
    status: 'ok', message: '安监站：2019年度述职报告已于1月10日提交', rows: [2] },
  { name: 'the earliest report decides; every row of the unit gets its status',
    reports: [report('安监站', '2020-02-03'), report('安监站', '2020-01-30')], asOf: '2020-02-10',
    status: 'ok', message: '安监站：2019年度述职报告已于1月30日提交', rows: [2, 3] },
  { name: 'a report dated after T does not count; its row takes the unit status', reports: [report('安监站', '2020-01-30')], asOf: '2020-01-29',
    status: 'due-soon', message: '安监站：尚未提交2019年度述职报告，距截止（1月31日）还剩2天', rows: [2] },
  { name: 'a unit listed without a date has not submitted: its row is coloured missing', reports: [report('安监站', null)], asOf: '2020-02-10',
    status: 'missing', message: '安监站：未提交2019年度述职报告（截止1月31日）', rows: [2] },
  { name: 'a unit listed without a date for the previous 年度 is left alone', reports: [report('安监站', null, { year: 2018 })], asOf: '2020-02-10',
    status: 'missing', message: '安监站：未提交2019年度述职报告（截止1月31日）', rows: [] },
  { name: 'a dated row and an empty one: the dated one decides, both take the status',
    reports: [report('安监站', null), report('安监站', '2020-01-20')], asOf: '2020-02-10',
    status: 'ok', message: '安监站：2019年度述职报告已于1月20日提交', rows: [2, 3] },
  { name: 'the deadline comes from the settings', reports: [report('安监站', '2020-02-20')], asOf: '2020-03-10',
    settings: { reportDeadline: { month: 2, day: 28 } },
    status: 'ok', message: '安监站：2019年度述职报告已于2月20日提交', rows: [2] },
];

describe('annual-report', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = workbook({ leaders: [SEED.guo()], reports: c.reports, settings: { ...units, ...(c.settings || {}) } });
    const { findings, details } = run(annualReport, parsed, c.asOf.slice(0, 7), c.asOf);
    expect(details!.map((d) => [d.unit, d.status, d.message])).toEqual([['安监站', c.status, c.message]]);
    expect(visible(findings)).toEqual(c.rows.map((row) => expectFinding(REPORTS, row, c.status, c.message)));
  });

  test('no reports sheet → no details, no findings', () => {
    const parsed = workbook({ leaders: [SEED.guo()], reports: null });
    expect(run(annualReport, parsed, '2020-02', '2020-02-10')).toEqual({ findings: [], details: null });
  });

  test('units default to the schedule’s departments; rows of other units get no finding', () => {
    const parsed = workbook({
      leaders: [SEED.guo(), SEED.lu(), SEED.deng(), leader('秦尚', { departments: ['政法办、纪委、\n财政所'] })],
      reports: [report('扶贫办', '2020-01-05'), report('财政所', '2020-02-05'), report('武装部', '2020-01-05')],
    });
    const { findings, details } = run(annualReport, parsed, '2020-02', '2020-02-10');
    expect(details!.map((d) => [d.unit, d.status])).toEqual([
      ['安监站', 'missing'],
      ['党政办', 'missing'],
      ['扶贫办', 'ok'],
      ['经济发展办', 'missing'],
      ['政法办', 'missing'],
      ['纪委', 'missing'],
      ['财政所', 'late'],
    ]);
    expect(details![2]).toMatchObject({ submitted: day('2020-01-05'), ref: { sheet: REPORTS, row: 2 } });
    expect(details![0]).toMatchObject({ submitted: null, ref: null });
    expect(visible(findings).map((f) => [f.row, f.status])).toEqual([[2, 'ok'], [3, 'late']]);
  });

  test('two reports on the same day: the first row of the workbook is the unit’s row, whatever the order', () => {
    const rows = [report('安监站', '2020-01-20', { row: 5 }), report('大栗港镇安监站', '2020-01-20', { row: 3 })];
    for (const order of [rows, rows.slice().reverse()]) {
      const parsed = workbook({ leaders: [SEED.guo()], reports: order, settings: units });
      expect(run(annualReport, parsed, '2020-02', '2020-02-10').details![0].ref).toEqual({ sheet: REPORTS, row: 3 });
    }
  });

  test('a unit that has not submitted links to its row waiting for a date; without one, to nothing', () => {
    const parsed = workbook({ leaders: [SEED.guo()], reports: [report('安监站', null, { row: 6 })], settings: { memberUnits: ['安监站', '党政办'] } });
    const details = run(annualReport, parsed, '2020-02', '2020-02-10').details!;
    expect(details.map((d) => [d.unit, d.status, d.ref])).toEqual([
      ['安监站', 'missing', { sheet: REPORTS, row: 6 }],
      ['党政办', 'missing', null],
    ]);
  });

  test('memberUnits from the settings', () => {
    const parsed = workbook({ leaders: [SEED.guo()], settings: { memberUnits: ['应急办', '派出所'] } });
    expect(memberUnits(parsed)).toEqual(['应急办', '派出所']);
  });

  test.each([
    ['安监站', '安监站', true],
    ['大栗港镇安监站', '安监站', true],
    ['安监站', '大栗港镇安监站', true],
    ['安 监 站', '安监站', true],
    ['扶贫办', '安监站', false],
    ['办', '扶贫办', false],
    ['', '安监站', false],
  ] as const)('unitMatches(%s, %s) → %s', (a, b, expected) => {
    expect(unitMatches(a, b)).toBe(expected);
  });
});
