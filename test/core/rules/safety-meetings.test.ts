import { meetingKind, safetyMeetings } from '../../../src/core/rules';
import type { Meeting, Status } from '../../../src/core/types';
import { SEED, day, meeting, run, workbook } from '../../helpers/parsed';

const party = (date: string) => meeting(date, '党委会', '研究安全生产工作');
const lead = (date: string) => meeting(date, '班子会议', '安全生产专题');

interface Case {
  name: string;
  meetings: Meeting[];
  month: string;
  asOf: string;
  partyStatus: Status;
  partyMessage: string;
  leadStatus: Status;
  leadMessage: string;
}

const cases: Case[] = [
  {
    name: 'during the year, on track and behind after two quarters',
    meetings: [party('2019-03-10'), party('2019-06-05'), lead('2019-05-01')],
    month: '2019-08',
    asOf: '2019-08-15',
    partyStatus: 'pending',
    partyMessage: '党委会研究安全生产：今年已开2次，应开4次（截至第2季度末应至少2次）',
    leadStatus: 'due-soon',
    leadMessage: '班子会研究安全生产：今年已开1次，应开4次（截至第2季度末应至少2次）',
  },
  {
    name: 'T on 31 March: the first quarter has not ended yet',
    meetings: [],
    month: '2019-03',
    asOf: '2019-03-31',
    partyStatus: 'pending',
    partyMessage: '党委会研究安全生产：今年已开0次，应开4次',
    leadStatus: 'pending',
    leadMessage: '班子会研究安全生产：今年已开0次，应开4次',
  },
  {
    name: 'T on 1 April: the first quarter has ended',
    meetings: [party('2019-03-31')],
    month: '2019-04',
    asOf: '2019-04-01',
    partyStatus: 'pending',
    partyMessage: '党委会研究安全生产：今年已开1次，应开4次（截至第1季度末应至少1次）',
    leadStatus: 'due-soon',
    leadMessage: '班子会研究安全生产：今年已开0次，应开4次（截至第1季度末应至少1次）',
  },
  {
    name: 'reaching the number during the year is ok',
    meetings: [party('2019-01-10'), party('2019-02-10'), party('2019-03-10'), party('2019-04-10'), lead('2019-04-11')],
    month: '2019-05',
    asOf: '2019-05-02',
    partyStatus: 'ok',
    partyMessage: '党委会研究安全生产：今年已开4次，应开4次，已完成',
    leadStatus: 'pending',
    leadMessage: '班子会研究安全生产：今年已开1次，应开4次（截至第1季度末应至少1次）',
  },
  {
    name: 'T on 31 December is still during the year',
    meetings: [party('2019-02-01'), party('2019-05-01'), party('2019-08-01'), lead('2019-02-02'), lead('2019-05-02')],
    month: '2019-12',
    asOf: '2019-12-31',
    partyStatus: 'pending',
    partyMessage: '党委会研究安全生产：今年已开3次，应开4次（截至第3季度末应至少3次）',
    leadStatus: 'due-soon',
    leadMessage: '班子会研究安全生产：今年已开2次，应开4次（截至第3季度末应至少3次）',
  },
  {
    name: 'after 31 December: missing or ok; next year’s meetings do not count',
    meetings: [
      party('2019-02-01'), party('2019-05-01'), party('2019-08-01'), party('2020-01-01'),
      lead('2019-02-02'), lead('2019-05-02'), lead('2019-08-02'), lead('2019-12-30'),
    ],
    month: '2019-12',
    asOf: '2020-01-02',
    partyStatus: 'missing',
    partyMessage: '党委会研究安全生产：2019年共开3次，应开4次',
    leadStatus: 'ok',
    leadMessage: '班子会研究安全生产：2019年共开4次，应开4次',
  },
  {
    name: 'meetings after T, in the year before, without 安全 or of another kind do not count',
    meetings: [
      party('2019-08-16'),
      party('2018-12-30'),
      meeting('2019-02-01', '党委会', '研究扶贫工作'),
      meeting('2019-02-02', '支部大会', '安全生产'),
      meeting('2019-02-03', '全镇安全生产大会', ''),
    ],
    month: '2019-08',
    asOf: '2019-08-15',
    partyStatus: 'due-soon',
    partyMessage: '党委会研究安全生产：今年已开0次，应开4次（截至第2季度末应至少2次）',
    leadStatus: 'due-soon',
    leadMessage: '班子会研究安全生产：今年已开0次，应开4次（截至第2季度末应至少2次）',
  },
  {
    name: 'the same meeting written twice counts once',
    meetings: [party('2019-03-10'), party('2019-03-10'), lead('2019-03-11')],
    month: '2019-04',
    asOf: '2019-04-10',
    partyStatus: 'pending',
    partyMessage: '党委会研究安全生产：今年已开1次，应开4次（截至第1季度末应至少1次）',
    leadStatus: 'pending',
    leadMessage: '班子会研究安全生产：今年已开1次，应开4次（截至第1季度末应至少1次）',
  },
];

describe('safety-meetings', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = workbook({ leaders: [SEED.guo()], meetings: c.meetings });
    const { findings, details } = run(safetyMeetings, parsed, c.month, c.asOf);
    expect(findings).toEqual([]);
    expect(details!.map((d) => [d.kind, d.status, d.message])).toEqual([
      ['party-committee', c.partyStatus, c.partyMessage],
      ['leadership', c.leadStatus, c.leadMessage],
    ]);
  });

  test('no meetings sheet → no details, no findings', () => {
    const parsed = workbook({ leaders: [SEED.guo()], meetings: null });
    expect(run(safetyMeetings, parsed, '2019-08', '2019-09-02')).toEqual({ findings: [], details: null });
  });

  test('details carry year, count, required and the days', () => {
    const parsed = workbook({ leaders: [SEED.guo()], meetings: [party('2019-06-05'), party('2019-03-10')], settings: { partyMeetings: 6, leadershipMeetings: 2 } });
    const { details } = run(safetyMeetings, parsed, '2019-08', '2019-08-15');
    expect(details![0]).toMatchObject({ kind: 'party-committee', year: 2019, count: 2, required: 6, status: 'due-soon', dates: [day('2019-03-10'), day('2019-06-05')] });
    // 6 a year → at least 3 after two quarters; 2 a year → at least 1.
    expect(details![0].message).toBe('党委会研究安全生产：今年已开2次，应开6次（截至第2季度末应至少3次）');
    expect(details![1].message).toBe('班子会研究安全生产：今年已开0次，应开2次（截至第2季度末应至少1次）');
  });

  test.each([
    ['党委会', '研究安全生产', 'party-committee'],
    ['党委班子会', '安全生产', 'party-committee'],
    ['党委扩大会议（安全生产专题）', '', 'party-committee'],
    ['班子成员会议', '安全', 'leadership'],
    ['党政联席会议', '安全生产', 'leadership'],
    ['镇长办公会', '安全隐患排查', 'leadership'],
    ['乡长办公会', '安全隐患排查', 'leadership'],
    ['政府常务会', '防汛安全', 'leadership'],
    ['政府办公会', '安全', 'leadership'],
    ['党 委 会', '安 全 生 产', 'party-committee'],
    ['党委会', '', null],
    ['班子会', '乡村振兴', null],
    ['安全生产委员会全体会议', '安全', null],
    ['镇委会议', '研究安全生产工作', 'party-committee'],
    ['乡委扩大会议', '安全', 'party-committee'],
    ['镇党政办公会', '安全生产', 'leadership'],
    ['镇委宣传办例会', '安全', null],
  ] as const)('meetingKind(%s, %s) → %s', (name, topic, kind) => {
    expect(meetingKind({ name, topic })).toBe(kind);
  });
});
