import fc from 'fast-check';
import { dayFromYmd, formatIso } from '../../../src/core/day';
import { ALL_RULES, monthlyQuota, siteCoverage } from '../../../src/core/rules';
import type { Finding, LogEntry, ParsedWorkbook, Status } from '../../../src/core/types';
import { SEED, byPlace, context, inspection, leader, meeting, report, workbook } from '../../helpers/parsed';

const LEADERS = () => [SEED.guo(), SEED.xiong(), SEED.lu(), SEED.deng(), SEED.qin(), leader('龚成', { departments: ['党建办'] })];
const NAMES = ['郭环球', '熊丹', '鲁攀', '邓光明', '秦尚', '龚成'];
const SITES = ['刘家村', '童子山村', '和平加油站', '大栗港加油站', '环宇烟花批发', '湘域矿业有限公司', '首溪金矿尾矿库', '大栗港加油站、环宇烟花批发', '中化加油站', ''];

/** A day between 20 July and 10 September 2019, as ISO text. */
const isoDay = fc.integer({ min: dayFromYmd(2019, 7, 20), max: dayFromYmd(2019, 9, 10) }).map(formatIso);
const augustDay = fc.integer({ min: dayFromYmd(2019, 8, 1), max: dayFromYmd(2019, 8, 31) }).map(formatIso);
const asOf = fc.integer({ min: dayFromYmd(2019, 8, 1), max: dayFromYmd(2019, 9, 10) }).map(formatIso);

const entry = (dates: fc.Arbitrary<string>): fc.Arbitrary<LogEntry> =>
  fc
    .record({
      date: dates,
      leaders: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 2 }),
      site: fc.constantFrom(...SITES),
      hazard: fc.option(fc.constantFrom('消防通道堵塞', '灭火器过期'), { nil: undefined }),
      deadline: fc.option(isoDay, { nil: null }),
      doneDate: fc.option(isoDay, { nil: undefined }),
    })
    .map((r) => inspection(r.date, r.leaders, r.site, { hazard: r.hazard, deadline: r.deadline, doneDate: r.doneDate }));

const parsedWorkbook: fc.Arbitrary<ParsedWorkbook> = fc
  .record({
    log: fc.array(entry(isoDay), { maxLength: 40 }),
    meetings: fc.array(fc.record({ date: isoDay, name: fc.constantFrom('党委会', '班子会', '党政联席会议') }), { maxLength: 6 }),
    reports: fc.array(fc.record({ unit: fc.constantFrom('安监站', '扶贫办', '党建办'), date: isoDay }), { maxLength: 4 }),
  })
  .map((r) =>
    workbook({
      leaders: LEADERS(),
      log: r.log,
      meetings: r.meetings.map((m) => meeting(m.date, m.name, '安全生产')),
      reports: r.reports.map((x) => report(x.unit, x.date)),
    }),
  );

function runAll(parsed: ParsedWorkbook, when: string) {
  const ctx = context(parsed, '2019-08', when);
  const findings: Finding[] = [];
  const details: unknown[] = [];
  for (const rule of ALL_RULES) {
    const out = rule.check(ctx);
    findings.push(...out.findings);
    details.push(out.details);
  }
  return { findings: findings.slice().sort((a, b) => byPlace(a, b) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)), details };
}

/** How far from done: a rule's status may only move down this scale when an inspection is added. */
const BADNESS: Record<Status, number> = { missing: 5, overdue: 5, late: 4, 'due-soon': 3, problem: 3, pending: 2, ok: 1, unknown: 0 };

describe('rule properties', () => {
  test('shuffling the log (and the meeting and report rows) changes no finding and no detail', () => {
    fc.assert(
      fc.property(parsedWorkbook, asOf, fc.infiniteStream(fc.nat()), (parsed, when, keys) => {
        const shuffle = <T>(items: T[] | null): T[] | null => {
          if (items === null) return null;
          const keyed = items.map((item) => ({ item, key: keys.next().value as number }));
          return keyed.sort((a, b) => a.key - b.key).map((k) => k.item);
        };
        const shuffled: ParsedWorkbook = { ...parsed, log: shuffle(parsed.log)!, meetings: shuffle(parsed.meetings), reports: shuffle(parsed.reports) };
        expect(runAll(shuffled, when)).toEqual(runAll(parsed, when));
      }),
      { numRuns: 200 },
    );
  });

  test('adding an inspection never makes a leader’s quota or site status worse', () => {
    fc.assert(
      fc.property(parsedWorkbook, asOf, entry(augustDay), (parsed, when, extra) => {
        const more: ParsedWorkbook = { ...parsed, log: parsed.log.concat([{ ...extra, ref: { sheet: '检查记录', row: 1000 } }]) };
        const before = context(parsed, '2019-08', when);
        const after = context(more, '2019-08', when);
        const q0 = monthlyQuota.check(before).details;
        const q1 = monthlyQuota.check(after).details;
        const s0 = siteCoverage.check(before).details;
        const s1 = siteCoverage.check(after).details;
        q0.forEach((q, i) => expect(BADNESS[q1[i].status]).toBeLessThanOrEqual(BADNESS[q.status]));
        s0.forEach((s, i) => {
          expect(BADNESS[s1[i].status]).toBeLessThanOrEqual(BADNESS[s.status]);
          s.sites.forEach((site, j) => expect(BADNESS[s1[i].sites[j].status]).toBeLessThanOrEqual(BADNESS[site.status]));
        });
      }),
      { numRuns: 300 },
    );
  });
});
