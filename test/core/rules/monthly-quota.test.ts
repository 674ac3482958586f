import { monthlyQuota, leaderMessage, siteCoverage } from '../../../src/core/rules';
import type { Leader, LogEntry, Settings, Status } from '../../../src/core/types';
import { LOG, SCHEDULE, SEED, colourOf, inspection, leader, run, visible, workbook } from '../../helpers/parsed';

// Month 2019-08, D = 25, W = 5 unless a case says otherwise. Schedule rows start at row 3.
interface Case {
  name: string;
  leaders: Leader[];
  log: LogEntry[];
  month?: string;
  asOf: string;
  settings?: Partial<Settings>;
  /** Findings on the schedule sheet, in row order. */
  expected: Array<{ row: number; status: Status; message: string }>;
}

const deng = SEED.deng;
const guo = SEED.guo;

const cases: Case[] = [
  {
    name: 'SPEC example: member with one inspection, T after the 25th → missing',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站', { row: 7 })],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '应检2次，实检1次（8月12日）' }],
  },
  {
    name: 'main leader inspecting on the 25th is on time',
    leaders: [guo()],
    log: [inspection('2019-08-25', ['郭环球'], '刘家村')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'ok', message: '应检1次，实检1次（8月25日）' }],
  },
  {
    name: 'main leader inspecting on the 26th is late',
    leaders: [guo()],
    log: [inspection('2019-08-26', ['郭环球'], '刘家村')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'late', message: '应检1次，实检1次（8月26日），其中25日前0次' }],
  },
  {
    name: 'member with two trips by the 25th is ok',
    leaders: [deng()],
    log: [inspection('2019-08-20', ['邓光明'], '环宇烟花批发'), inspection('2019-08-12', ['邓光明'], '大栗港加油站')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'ok', message: '应检2次，实检2次（8月12日、8月20日）' }],
  },
  {
    name: 'member with enough trips only counting one after the 25th is late',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明']), inspection('2019-08-27', ['邓光明'])],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'late', message: '应检2次，实检2次（8月12日、8月27日），其中25日前1次' }],
  },
  {
    name: 'two sites on the same day are one trip',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站'), inspection('2019-08-12', ['邓光明'], '环宇烟花批发')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '应检2次，实检1次（8月12日）' }],
  },
  {
    name: 'a joint inspection counts for every leader in it',
    leaders: [guo(), deng()],
    log: [inspection('2019-08-05', ['郭环球', '邓光明'], '刘家村'), inspection('2019-08-10', ['邓光明'], '大栗港加油站')],
    asOf: '2019-09-02',
    expected: [
      { row: 3, status: 'ok', message: '应检1次，实检1次（8月5日）' },
      { row: 4, status: 'ok', message: '应检2次，实检2次（8月5日、8月10日）' },
    ],
  },
  {
    name: 'T on the 25th with too few trips is due soon (deadline day itself)',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明'])],
    asOf: '2019-08-25',
    expected: [{ row: 3, status: 'due-soon', message: '应检2次，实检1次（8月12日），今天（8月25日）截止' }],
  },
  {
    name: 'T on the 26th with too few trips is missing',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明'])],
    asOf: '2019-08-26',
    expected: [{ row: 3, status: 'missing', message: '应检2次，实检1次（8月12日）' }],
  },
  {
    name: 'T exactly W days before the D-th is due soon',
    leaders: [deng()],
    log: [],
    asOf: '2019-08-20',
    expected: [{ row: 3, status: 'due-soon', message: '应检2次，实检0次，距截止（8月25日）还剩5天' }],
  },
  {
    name: 'T W+1 days before the D-th is pending',
    leaders: [deng()],
    log: [],
    asOf: '2019-08-19',
    expected: [{ row: 3, status: 'pending', message: '应检2次，实检0次，截止8月25日' }],
  },
  {
    name: 'an inspection dated after T is ignored',
    leaders: [deng()],
    log: [inspection('2019-08-10', ['邓光明']), inspection('2019-08-22', ['邓光明'])],
    asOf: '2019-08-20',
    expected: [{ row: 3, status: 'due-soon', message: '应检2次，实检1次（8月10日），距截止（8月25日）还剩5天' }],
  },
  {
    name: 'inspections in other months do not count for M',
    leaders: [guo()],
    log: [inspection('2019-07-30', ['郭环球']), inspection('2019-09-01', ['郭环球'])],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '应检1次，实检0次' }],
  },
  {
    name: 'another leader’s inspection does not count',
    leaders: [guo(), deng()],
    log: [inspection('2019-08-05', ['邓光明'], '刘家村')],
    asOf: '2019-09-02',
    expected: [
      { row: 3, status: 'missing', message: '应检1次，实检0次' },
      { row: 4, status: 'missing', message: '应检2次，实检1次（8月5日）' },
    ],
  },
  {
    name: 'the settings change the quotas and the deadline day',
    leaders: [guo(), deng()],
    log: [inspection('2019-08-21', ['郭环球', '邓光明']), inspection('2019-08-22', ['郭环球'])],
    asOf: '2019-09-02',
    settings: { mainQuota: 2, memberQuota: 1, deadlineDay: 20 },
    expected: [
      { row: 3, status: 'late', message: '应检2次，实检2次（8月21日、8月22日），其中20日前0次' },
      { row: 4, status: 'late', message: '应检1次，实检1次（8月21日），其中20日前0次' },
    ],
  },
  {
    name: 'a deadline day past the month’s end means its last day (February)',
    leaders: [guo()],
    log: [inspection('2019-02-28', ['郭环球'])],
    month: '2019-02',
    asOf: '2019-03-01',
    settings: { deadlineDay: 30 },
    expected: [{ row: 3, status: 'ok', message: '应检1次，实检1次（2月28日）' }],
  },
  {
    name: 'the seed’s main leader written with padding is matched by the cleaned name',
    leaders: [SEED.xiong()],
    log: [inspection('2019-08-03', ['熊丹'], '童子山村')],
    asOf: '2019-08-10',
    expected: [{ row: 3, status: 'ok', message: '应检1次，实检1次（8月3日）' }],
  },
];

describe('monthly-quota: per leader', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = workbook({ leaders: c.leaders, log: c.log, settings: c.settings });
    const { findings } = run(monthlyQuota, parsed, c.month || '2019-08', c.asOf);
    expect(visible(findings, SCHEDULE)).toEqual(
      c.expected.map((e) => ({ sheet: SCHEDULE, row: e.row, status: e.status, colour: colourOf(e.status), message: e.message })),
    );
  });

  test('details carry the figures the summary shows', () => {
    const parsed = workbook({
      leaders: [deng()],
      log: [inspection('2019-08-27', ['邓光明']), inspection('2019-08-12', ['邓光明']), inspection('2019-08-12', ['邓光明'])],
    });
    const { details } = run(monthlyQuota, parsed, '2019-08', '2019-09-02');
    expect(details).toEqual([
      {
        name: '邓光明',
        required: 2,
        total: 2,
        onTime: 1,
        dates: [parsed.log[1].date, parsed.log[0].date],
        status: 'late',
        message: '应检2次，实检2次（8月12日、8月27日），其中25日前1次',
      },
    ]);
  });
});

describe('monthly-quota: timeliness of every log row (SPEC §3)', () => {
  const rows: Array<[string, LogEntry, { status: Status; message: string } | null]> = [
    ['the 25th is on time', inspection('2019-08-25', ['邓光明'], '', { row: 5 }), { status: 'ok', message: '按期检查（8月25日）' }],
    ['the 26th is late', inspection('2019-08-26', ['邓光明'], '', { row: 5 }), { status: 'late', message: '8月26日检查，晚于当月25日' }],
    ['a row of another month is judged against its own month', inspection('2019-07-26', ['邓光明'], '', { row: 5 }), { status: 'late', message: '7月26日检查，晚于当月25日' }],
    ['a row of a previous year names its year', inspection('2018-12-26', ['邓光明'], '', { row: 5 }), { status: 'late', message: '2018年12月26日检查，晚于当月25日' }],
    ['a row dated after T gets no timeliness finding', inspection('2019-09-03', ['邓光明'], '', { row: 5 }), null],
  ];
  test.each(rows)('%s', (_name, entry, expected) => {
    const parsed = workbook({ leaders: [deng()], log: [entry] });
    const { findings } = run(monthlyQuota, parsed, '2019-08', '2019-09-02');
    expect(visible(findings, LOG)).toEqual(
      expected === null ? [] : [{ sheet: LOG, row: 5, status: expected.status, colour: colourOf(expected.status), message: expected.message }],
    );
  });

  test('a month shorter than D ends on its last day', () => {
    const parsed = workbook({ leaders: [deng()], log: [inspection('2019-02-28', ['邓光明'], '', { row: 4 })], settings: { deadlineDay: 30 } });
    const { findings } = run(monthlyQuota, parsed, '2019-08', '2019-09-02');
    expect(visible(findings, LOG)).toEqual([{ sheet: LOG, row: 4, status: 'ok', colour: 'green', message: '按期检查（2月28日）' }]);
  });
});

describe('leaderMessage', () => {
  test('SPEC example: 应检2次，实检1次（8月12日）；未检：环宇烟花批发', () => {
    const parsed = workbook({ leaders: [deng()], log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站', { row: 7 })] });
    const quota = run(monthlyQuota, parsed, '2019-08', '2019-09-02').details[0];
    const sites = run(siteCoverage, parsed, '2019-08', '2019-09-02').details[0];
    expect(leaderMessage(quota, sites)).toBe('应检2次，实检1次（8月12日）；未检：环宇烟花批发');
  });

  test('a leader with every site done shows the quota only', () => {
    const parsed = workbook({ leaders: [guo()], log: [inspection('2019-08-03', ['郭环球'], '刘家村')] });
    const quota = run(monthlyQuota, parsed, '2019-08', '2019-09-02').details[0];
    const sites = run(siteCoverage, parsed, '2019-08', '2019-09-02').details[0];
    expect(leaderMessage(quota, sites)).toBe('应检1次，实检1次（8月3日）');
  });

  test('a leader without key sites (engine fallback detail) shows the quota only', () => {
    const parsed = workbook({ leaders: [leader('龚成')], log: [] });
    const quota = run(monthlyQuota, parsed, '2019-08', '2019-09-02').details[0];
    expect(leaderMessage(quota, { name: '龚成', sites: [], status: 'ok', message: '' })).toBe('应检2次，实检0次');
  });

  test('late and unvisited sites, and who else went', () => {
    const parsed = workbook({
      leaders: [SEED.lu(), deng()],
      log: [inspection('2019-08-05', ['鲁攀'], '环宇烟花批发'), inspection('2019-08-27', ['邓光明'], '大栗港加油站')],
    });
    const quota = run(monthlyQuota, parsed, '2019-08', '2019-09-02').details[1];
    const sites = run(siteCoverage, parsed, '2019-08', '2019-09-02').details[1];
    expect(leaderMessage(quota, sites)).toBe(
      '应检2次，实检1次（8月27日）；未检：环宇烟花批发（鲁攀8月5日检查，不计入）；逾期检查：大栗港加油站（8月27日）',
    );
  });
});
