import fc from 'fast-check';
import { ENGINE_MESSAGES } from '../../../src/core/messages/engine';
import { FINDING_MESSAGES } from '../../../src/core/messages/findings';
import { PROBLEM_MESSAGES } from '../../../src/core/messages/problems';
import { formatMessage } from '../../../src/core/messages';
import { ALL_RULES } from '../../../src/core/rules';
import { SEED, colourOf, context, inspection, meeting, report, workbook } from '../../helpers/parsed';
import { dayFromYmd, formatIso } from '../../../src/core/day';

describe('finding messages', () => {
  test('finding message ids collide with no problem or engine message id', () => {
    const others = Object.keys(PROBLEM_MESSAGES).concat(Object.keys(ENGINE_MESSAGES));
    expect(Object.keys(FINDING_MESSAGES).filter((id) => others.indexOf(id) >= 0)).toEqual([]);
  });

  test('every finding’s message is rebuilt from its message id and data, and its colour is its status’s', () => {
    const isoDay = fc.integer({ min: dayFromYmd(2019, 7, 1), max: dayFromYmd(2020, 2, 10) }).map(formatIso);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(isoDay, fc.constantFrom('郭环球', '邓光明', '鲁攀'), fc.constantFrom('刘家村', '环宇烟花批发', ''), fc.boolean(), fc.option(isoDay, { nil: null })), { maxLength: 12 }),
        fc.array(fc.tuple(isoDay, fc.constantFrom('党委会', '班子会')), { maxLength: 5 }),
        fc.array(fc.tuple(fc.constantFrom('安监站', '扶贫办'), isoDay), { maxLength: 3 }),
        fc.integer({ min: dayFromYmd(2019, 8, 1), max: dayFromYmd(2020, 2, 10) }).map(formatIso),
        (log, meetings, reports, asOf) => {
          const parsed = workbook({
            leaders: [SEED.guo(), SEED.deng(), SEED.lu()],
            log: log.map(([d, who, site, hazard, deadline]) => inspection(d, [who], site, { hazard: hazard ? '电线老化' : undefined, deadline })),
            meetings: meetings.map(([d, name]) => meeting(d, name, '安全生产')),
            reports: reports.map(([unit, d]) => report(unit, d)),
          });
          const ctx = context(parsed, '2019-08', asOf);
          for (const rule of ALL_RULES) {
            for (const f of rule.check(ctx).findings) {
              expect(f.rule).toBe(rule.id);
              expect(f.message).toBe(formatMessage(f.messageId, f.data));
              expect(f.colour).toBe(colourOf(f.status));
              expect(f.row).toBeGreaterThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
