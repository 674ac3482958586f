import { dataQuality } from '../../../src/core/rules';
import { LOG, SCHEDULE, SEED, expectFinding, problem, run, workbook } from '../../helpers/parsed';

describe('data-quality', () => {
  test.each([
    ['a bad date on row 9', problem('bad-date', 9, '检查日期“8月32日”无法识别', { column: 1, columnName: '检查日期' }), [expectFinding(LOG, 9, 'problem', '检查日期“8月32日”无法识别')]],
    ['an unknown leader on the schedule sheet', problem('unknown-leader', 4, '带队领导“张三”不在安排表中', { sheet: SCHEDULE }), [expectFinding(SCHEDULE, 4, 'problem', '带队领导“张三”不在安排表中')]],
    ['a whole-sheet problem (row 0) colours nothing', problem('other', 0, '检查记录表没有数据'), []],
  ] as const)('%s', (_name, p, expected) => {
    const parsed = workbook({ leaders: [SEED.guo()], problems: [p] });
    const { findings, details } = run(dataQuality, parsed, '2019-08', '2019-09-02');
    expect(findings.map((f) => ({ sheet: f.sheet, row: f.row, status: f.status, colour: f.colour, message: f.message }))).toEqual(expected);
    expect(details).toEqual({ count: 1 });
  });

  test('every problem of a row is reported, with its code and column as data', () => {
    const parsed = workbook({
      leaders: [SEED.guo()],
      problems: [
        problem('bad-date', 5, '日期无法识别', { columnName: '检查日期' }),
        problem('empty-leader', 5, '带队领导为空', { columnName: '带队领导' }),
      ],
    });
    const { findings } = run(dataQuality, parsed, '2019-08', '2019-09-02');
    expect(findings.map((f) => [f.rule, f.row, f.messageId, f.data.code, f.data.column, f.message])).toEqual([
      ['data-quality', 5, 'data-problem', 'bad-date', '检查日期', '日期无法识别'],
      ['data-quality', 5, 'data-problem', 'empty-leader', '带队领导', '带队领导为空'],
    ]);
  });

  test('no problems → no findings', () => {
    expect(run(dataQuality, workbook({ leaders: [SEED.guo()] }), '2019-08', '2019-09-02')).toEqual({ findings: [], details: { count: 0 } });
  });
});
