import { dayFromYmd, formatIso } from '../../../src/core/day';
import { ALL_RULES, makeRuleContext, monthDeadline, siteCovers, worstProgress } from '../../../src/core/rules';
import type { LogEntry } from '../../../src/core/types';
import { SEED, day, inspection, leader, workbook } from '../../helpers/parsed';

describe('makeRuleContext', () => {
  test('month bounds, T and the deadline (the D-th, clamped to the month)', () => {
    const ctx = makeRuleContext(workbook({ leaders: [SEED.guo()] }), { year: 2019, month: 8, asOf: day('2019-09-02') });
    expect([ctx.monthStart, ctx.monthEnd, ctx.deadline, ctx.asOf].map(formatIso)).toEqual(['2019-08-01', '2019-08-31', '2019-08-25', '2019-09-02']);
    const feb = makeRuleContext(workbook({ leaders: [SEED.guo()], settings: { deadlineDay: 31 } }), { year: 2020, month: 2, asOf: day('2020-03-01') });
    expect(formatIso(feb.deadline)).toBe('2020-02-29');
  });

  test.each([
    [2019, 2, 30, '2019-02-28'],
    [2019, 4, 31, '2019-04-30'],
    [2019, 8, 20, '2019-08-20'],
    [2019, 8, 0, '2019-08-25'],
    [2019, 8, NaN, '2019-08-25'],
  ])('monthDeadline(%i, %i, %p) → %s', (y, m, d, expected) => {
    expect(formatIso(monthDeadline(y, m, d))).toBe(expected);
  });

  test('the index: month entries ≤ T by leader (joint under each, once), by key site, hazards of any month ≤ T', () => {
    const log: LogEntry[] = [
      inspection('2019-08-05', ['郭环球', '邓光明', '郭环球'], '刘家村', { row: 2 }),
      inspection('2019-08-06', ['邓光明'], '大栗港加油站、环宇烟花批发', { row: 3 }),
      inspection('2019-07-20', ['邓光明'], '环宇烟花批发', { row: 4, hazard: '电线老化', deadline: '2019-07-30' }),
      inspection('2019-08-21', ['邓光明'], '环宇烟花批发', { row: 5, hazard: '未来的行', deadline: '2019-08-30' }),
      inspection('2019-08-10', ['鲁攀'], '湘域矿业有限公司', { row: 6 }),
    ];
    const parsed = workbook({ leaders: [SEED.guo(), SEED.deng(), SEED.lu(), SEED.qin()], log });
    const { index } = makeRuleContext(parsed, { year: 2019, month: 8, asOf: day('2019-08-20') });
    const rows = (entries: LogEntry[] | undefined) => (entries || []).map((e) => e.ref.row);
    expect(rows(index.monthByLeader.get('郭环球'))).toEqual([2]);
    expect(rows(index.monthByLeader.get('邓光明'))).toEqual([2, 3]);
    expect(rows(index.monthByLeader.get('鲁攀'))).toEqual([6]);
    expect(rows(index.monthEntries)).toEqual([2, 3, 6]);
    expect(rows(index.monthBySite.get('刘家村'))).toEqual([2]);
    expect(rows(index.monthBySite.get('大栗港加油站'))).toEqual([3]);
    expect(rows(index.monthBySite.get('环宇烟花批发'))).toEqual([3]);
    expect(rows(index.monthBySite.get('湘域矿业'))).toEqual([6]);
    expect(index.monthBySite.get('首溪金矿尾矿库')).toEqual([]);
    expect(rows(index.hazards)).toEqual([4]);
  });

  test.each([
    ['湘域矿业有限公司', '湘域矿业', true],
    ['湘域矿业', '湘域矿业', true],
    ['湘域', '湘域矿业', false],
    ['', '湘域矿业', false],
    ['湘域矿业', '', false],
  ])('siteCovers(%s, %s) → %s', (text, name, expected) => {
    expect(siteCovers(text, name)).toBe(expected);
  });
});

describe('scale', () => {
  test('100,000 log rows through every rule in well under a second', () => {
    const leaders = Array.from({ length: 30 }, (_, i) => leader('领导' + i, { sites: ['场所' + i + '甲', '场所' + i + '乙'], departments: ['部门' + (i % 7)] }));
    const start = dayFromYmd(2019, 1, 1);
    const log: LogEntry[] = [];
    for (let i = 0; i < 100000; i++) {
      const entry = inspection(formatIso(start + (i % 365)), ['领导' + (i % 30), '领导' + ((i * 7) % 30)], '场所' + (i % 30) + (i % 2 ? '甲' : '乙') + '有限公司', {
        row: i + 2,
        hazard: i % 10 === 0 ? '隐患' + i : undefined,
        deadline: i % 10 === 0 ? formatIso(start + (i % 365) + 10) : undefined,
      });
      log.push(entry);
    }
    const parsed = workbook({ leaders, log, meetings: [], reports: [] });
    const began = Date.now();
    const ctx = makeRuleContext(parsed, { year: 2019, month: 8, asOf: day('2019-09-02') });
    let findings = 0;
    for (const rule of ALL_RULES) findings += rule.check(ctx).findings.length;
    const elapsed = Date.now() - began;
    // Every row ≤ T gets a timeliness finding, plus the leaders' rows and hazards.
    expect(findings).toBeGreaterThan(70000);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('ALL_RULES', () => {
  test('the six rules of SPEC §2, in order, each with a Chinese description', () => {
    expect(ALL_RULES.map((r) => r.id)).toEqual(['monthly-quota', 'site-coverage', 'hazard-rectification', 'safety-meetings', 'annual-report', 'data-quality']);
    for (const rule of ALL_RULES) expect(rule.description).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('worstProgress', () => {
  test.each([
    [['ok', 'pending'], 'pending'],
    [['ok', 'ok'], 'ok'],
    [['pending', 'due-soon'], 'due-soon'],
    [['late', 'missing'], 'missing'],
    [['ok', 'late'], 'late'],
    [[], 'ok'],
  ] as const)('%j → %s', (statuses, expected) => {
    expect(worstProgress(statuses, 'ok')).toBe(expected);
  });
});
