import { siteCoverage } from '../../../src/core/rules';
import type { Leader, LogEntry, Status } from '../../../src/core/types';
import { SCHEDULE, SEED, day, expectFinding, inspection, leader, run, visible, workbook } from '../../helpers/parsed';

// Month 2019-08, D = 25, W = 5. Schedule rows start at row 3.
interface Case {
  name: string;
  leaders: Leader[];
  log: LogEntry[];
  asOf: string;
  expected: Array<{ row: number; status: Status; message: string }>;
}

const { deng, guo, lu, qin } = SEED;

const cases: Case[] = [
  {
    name: 'SPEC example: one of two sites inspected → the other is missing',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站', { row: 7 })],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '重点场所未检：环宇烟花批发' }],
  },
  {
    name: 'both sites by the 25th → ok, with the days',
    leaders: [deng()],
    log: [inspection('2019-08-25', ['邓光明'], '环宇烟花批发'), inspection('2019-08-12', ['邓光明'], '大栗港加油站')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'ok', message: '重点场所均已按期检查：大栗港加油站（8月12日）、环宇烟花批发（8月25日）' }],
  },
  {
    name: 'a site inspected only on the 26th is late',
    leaders: [deng()],
    log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站'), inspection('2019-08-26', ['邓光明'], '环宇烟花批发')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'late', message: '重点场所逾期检查：环宇烟花批发（8月26日）' }],
  },
  {
    name: 'a missing and a late site: missing wins, both are named',
    leaders: [deng()],
    log: [inspection('2019-08-27', ['邓光明'], '大栗港加油站')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '重点场所未检：环宇烟花批发；逾期检查：大栗港加油站（8月27日）' }],
  },
  {
    name: 'a site inspected by another leader is named and does not count',
    leaders: [lu(), deng()],
    log: [inspection('2019-08-12', ['邓光明'], '大栗港加油站'), inspection('2019-08-05', ['鲁攀'], '环宇烟花批发')],
    asOf: '2019-09-02',
    expected: [
      { row: 3, status: 'missing', message: '重点场所未检：和平加油站' },
      { row: 4, status: 'missing', message: '重点场所未检：环宇烟花批发（鲁攀8月5日检查，不计入）' },
    ],
  },
  {
    name: 'a joint inspection covers the site for every leader in it',
    leaders: [lu(), deng()],
    log: [inspection('2019-08-05', ['鲁攀', '邓光明'], '环宇烟花批发'), inspection('2019-08-06', ['鲁攀', '邓光明'], '和平加油站、大栗港加油站')],
    asOf: '2019-09-02',
    expected: [
      { row: 3, status: 'ok', message: '重点场所均已按期检查：和平加油站（8月6日）' },
      { row: 4, status: 'ok', message: '重点场所均已按期检查：大栗港加油站（8月6日）、环宇烟花批发（8月5日）' },
    ],
  },
  {
    name: 'a longer site text covers the key site (湘域矿业有限公司 covers 湘域矿业)',
    leaders: [qin()],
    log: [inspection('2019-08-09', ['秦尚'], '湘域矿业有限公司'), inspection('2019-08-09', ['秦尚'], '首溪金矿尾矿库（二号）')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'ok', message: '重点场所均已按期检查：湘域矿业（8月9日）、首溪金矿尾矿库（8月9日）' }],
  },
  {
    name: 'a shorter site text does not cover the key site',
    leaders: [qin()],
    log: [inspection('2019-08-09', ['秦尚'], '湘域'), inspection('2019-08-09', ['秦尚'], '首溪金矿尾矿库')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '重点场所未检：湘域矿业' }],
  },
  {
    name: 'the seed’s main leader and his site 刘家村',
    leaders: [guo()],
    log: [inspection('2019-08-03', ['郭环球'], '刘家村')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'ok', message: '重点场所均已按期检查：刘家村（8月3日）' }],
  },
  {
    name: 'T on the 25th, not yet inspected → due soon',
    leaders: [guo()],
    log: [],
    asOf: '2019-08-25',
    expected: [{ row: 3, status: 'due-soon', message: '重点场所未检：刘家村，今天（8月25日）截止' }],
  },
  {
    name: 'T on the 26th, not inspected → missing',
    leaders: [guo()],
    log: [],
    asOf: '2019-08-26',
    expected: [{ row: 3, status: 'missing', message: '重点场所未检：刘家村' }],
  },
  {
    name: 'T exactly W days before the D-th → due soon',
    leaders: [deng()],
    log: [],
    asOf: '2019-08-20',
    expected: [{ row: 3, status: 'due-soon', message: '重点场所未检：大栗港加油站、环宇烟花批发，距截止（8月25日）还剩5天' }],
  },
  {
    name: 'T W+1 days before the D-th → pending, even with one site done',
    leaders: [deng()],
    log: [inspection('2019-08-02', ['邓光明'], '大栗港加油站')],
    asOf: '2019-08-19',
    expected: [{ row: 3, status: 'pending', message: '重点场所未检：环宇烟花批发，截止8月25日' }],
  },
  {
    name: 'an inspection dated after T is ignored',
    leaders: [guo()],
    log: [inspection('2019-08-22', ['郭环球'], '刘家村')],
    asOf: '2019-08-20',
    expected: [{ row: 3, status: 'due-soon', message: '重点场所未检：刘家村，距截止（8月25日）还剩5天' }],
  },
  {
    name: 'an inspection of the site in another month does not count',
    leaders: [guo()],
    log: [inspection('2019-07-20', ['郭环球'], '刘家村')],
    asOf: '2019-09-02',
    expected: [{ row: 3, status: 'missing', message: '重点场所未检：刘家村' }],
  },
  {
    name: 'a leader without key sites gets no finding',
    leaders: [leader('龚成')],
    log: [inspection('2019-08-03', ['龚成'], '中化加油站')],
    asOf: '2019-09-02',
    expected: [],
  },
];

describe('site-coverage', () => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = workbook({ leaders: c.leaders, log: c.log });
    const { findings } = run(siteCoverage, parsed, '2019-08', c.asOf);
    expect(visible(findings)).toEqual(c.expected.map((e) => expectFinding(SCHEDULE, e.row, e.status, e.message)));
  });

  // A log without a place column (SPEC status unknown): what the inspections may have covered is 无法判断.
  test.each<[string, LogEntry[], string, Array<{ row: number; status: Status; message: string }>]>([
    ['inspections whose place is not written: both sites 无法判断', [inspection('2019-08-12', ['邓光明'], '')], '2019-09-02',
      [{ row: 3, status: 'unknown', message: '重点场所无法判断：大栗港加油站、环宇烟花批发（所在检查记录没有检查地点列）' }]],
    ['before the deadline too: 无法判断, not pending', [inspection('2019-08-12', ['邓光明'], '')], '2019-08-20',
      [{ row: 3, status: 'unknown', message: '重点场所无法判断：大栗港加油站、环宇烟花批发（所在检查记录没有检查地点列）' }]],
    ['no inspection at all: certainly not visited', [], '2019-09-02',
      [{ row: 3, status: 'missing', message: '重点场所未检：大栗港加油站、环宇烟花批发' }]],
    ['an inspection of another leader: not his', [inspection('2019-08-12', ['鲁攀'], '')], '2019-09-02',
      [{ row: 3, status: 'missing', message: '重点场所未检：大栗港加油站、环宇烟花批发' }]],
  ])('no place column: %s', (_name, log, asOf, expected) => {
    const parsed = workbook({ leaders: [deng()], log, logFields: ['date', 'leader', 'hazard', 'deadline', 'doneDate', 'state'] });
    expect(visible(run(siteCoverage, parsed, '2019-08', asOf).findings)).toEqual(expected.map((e) => expectFinding(SCHEDULE, e.row, e.status, e.message)));
  });

  test('details: per site status, own days and who else inspected it', () => {
    const parsed = workbook({
      leaders: [lu(), deng(), leader('龚成')],
      log: [
        inspection('2019-08-12', ['邓光明'], '大栗港加油站'),
        inspection('2019-08-20', ['龚成', '鲁攀'], '环宇烟花批发'),
        inspection('2019-08-05', ['鲁攀'], '环宇烟花批发'),
      ],
    });
    const { details } = run(siteCoverage, parsed, '2019-08', '2019-09-02');
    expect(details.map((d) => [d.name, d.status, d.sites.length])).toEqual([
      ['鲁攀', 'missing', 1],
      ['邓光明', 'missing', 2],
      ['龚成', 'ok', 0],
    ]);
    expect(details[1].sites).toEqual([
      { name: '大栗港加油站', status: 'ok', dates: [day('2019-08-12')], inspectedByOthers: [], byOthers: [] },
      {
        name: '环宇烟花批发',
        status: 'missing',
        dates: [],
        inspectedByOthers: ['鲁攀', '龚成'],
        byOthers: [
          { leader: '鲁攀', date: day('2019-08-05') },
          { leader: '鲁攀', date: day('2019-08-20') },
          { leader: '龚成', date: day('2019-08-20') },
        ],
      },
    ]);
    expect(details[1].message).toBe('重点场所未检：环宇烟花批发（鲁攀8月5日、鲁攀8月20日、龚成8月20日检查，不计入）');
  });

  test('more than three other inspections are cut with 等', () => {
    const parsed = workbook({
      leaders: [guo(), leader('龚成')],
      log: ['2019-08-01', '2019-08-02', '2019-08-03', '2019-08-04'].map((d) => inspection(d, ['龚成'], '刘家村')),
    });
    const { findings } = run(siteCoverage, parsed, '2019-08', '2019-09-02');
    expect(findings.map((f) => f.message)).toEqual(['重点场所未检：刘家村（龚成8月1日、龚成8月2日、龚成8月3日等检查，不计入）']);
  });

  test('a key site listed twice is checked once', () => {
    const parsed = workbook({ leaders: [leader('鲁攀', { sites: ['和平加油站', '和平加油站'] })], log: [] });
    expect(run(siteCoverage, parsed, '2019-08', '2019-09-02').details[0].sites.map((s) => s.name)).toEqual(['和平加油站']);
  });
});
