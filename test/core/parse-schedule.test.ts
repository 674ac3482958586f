/**
 * The schedule reader: several leaders in one cell (SPEC §1 *A schedule cell with several
 * leaders*), the padding rule, and a schedule of inspection groups as townships publish them
 * (检查督导组 | 责任领导 | 责任单位 | 检查范围, after a township's notice on its 两会 safety check,
 * where one leader leads two groups).
 */
import { checkWorkbook } from '../../src/core';
import type { CellValue, CheckResult, SheetInput } from '../../src/core/types';
import { log, parseOk, serial, sheet } from '../helpers/grids';

const d = (day: number) => serial(2019, 8, day);

const GROUPS = sheet('检查督导分组', [
  ['卢市镇2019年安全生产大检查分组安排'],
  ['检查督导组', '责任领导', '责任单位', '检查范围'],
  ['第一检查督导组', '胡小波　杨　剑', '政法（应急）办、派出所', '消防易爆物品、“烟花爆竹批发部”'],
  ['第二检查督导组', '艾　进', '工业办、城建办', '加油站、“液化气站”，道路安全'],
  ['第三检查督导组', '曾军林', '扶贫办、财管所', '扶贫项目、“福利院”'],
  ['第四检查督导组', '杨　剑', '派出所、卫生院', '“卫生院”改建项目、各中小学'],
  ['第五检查督导组', '董　维', '农办、供电所', '农产品加工、“水厂”'],
]);

function check(sheets: SheetInput[]): CheckResult {
  const outcome = checkWorkbook({ sheets }, { month: '2019-08', asOf: '2019-09-02' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

describe('a schedule of inspection groups', () => {
  const LOG = log(['检查时间', '带队领导', '检查地点'], [[d(5), '胡小波', '烟花爆竹批发部']]);

  test('each leader of a group cell gets the row’s scope, departments and key sites; one leading two groups gets both', () => {
    const parsed = parseOk({ sheets: [GROUPS, LOG] });
    expect(parsed.leaders.map((l) => [l.name, l.sites, l.departments, l.ref.row, (l.rows || []).map((r) => r.row)])).toEqual([
      ['胡小波', ['烟花爆竹批发部'], ['政法(应急)办', '派出所'], 3, []],
      ['杨剑', ['烟花爆竹批发部', '卫生院'], ['政法(应急)办', '派出所', '卫生院'], 3, [3, 6]],
      ['艾进', ['液化气站'], ['工业办', '城建办'], 4, []],
      ['曾军林', ['福利院'], ['扶贫办', '财管所'], 5, []],
      ['董维', ['水厂'], ['农办', '供电所'], 7, []],
    ]);
    // A leader in two groups is how such schedules are written: no data problem.
    expect(parsed.problems).toEqual([]);
  });

  test('a row with two leaders shows the worse of them, each named; the second group row shows its leader', () => {
    const r = check([GROUPS, LOG]);
    const row3 = r.rows.find((x) => x.sheet === '检查督导分组' && x.row === 3)!;
    expect(row3.colour).toBe('red');
    // Each leader must inspect the group's key sites himself (alone or jointly, SPEC §2.2).
    const yang = '应检2次，实检0次；未检：烟花爆竹批发部（胡小波8月5日检查，不计入）、卫生院';
    expect(row3.message).toBe('胡小波：应检2次，实检1次（8月5日）；杨剑：' + yang);
    const row6 = r.rows.find((x) => x.sheet === '检查督导分组' && x.row === 6)!;
    expect([row6.colour, row6.message]).toEqual(['red', yang]);
  });

  test('a joint inspection written with the padding counts for both', () => {
    const r = check([GROUPS, log(['检查时间', '带队领导', '检查地点'], [[d(5), '胡小波　杨　剑', '烟花爆竹批发部'], [d(6), '胡小波 杨剑', '卫生院']])]);
    expect(r.leaders.filter((l) => l.name === '胡小波' || l.name === '杨剑').map((l) => [l.name, l.total])).toEqual([
      ['胡小波', 2],
      ['杨剑', 2],
    ]);
    expect(r.problems).toEqual([]);
  });
});

describe('names in a schedule cell', () => {
  const schedule = (...rows: CellValue[][]) => sheet('安排表', [['带队领导', '检查范围'], ...rows]);
  const LOG = log(['检查日期', '带队领导'], [[d(5), '郭环球']]);

  test.each<[string, CellValue[][], string[], string[]]>([
    ['padding between single characters joins', [['熊　丹', '全镇']], ['熊丹'], []],
    ['a name of three and a padded one', [['胡小波　杨　剑', '全镇']], ['胡小波', '杨剑'], []],
    ['a list with 、', [['郭环球、熊丹', '全镇']], ['郭环球', '熊丹'], []],
    ['names of two or more characters side by side', [['郭环球 熊丹', '全镇']], ['郭环球', '熊丹'], []],
    ['a title beside the name is no one', [['党委委员 邓光明', '全镇']], ['邓光明'], []],
    // 胡 波 杨 剑: four characters could be one name or two; the names written plainly elsewhere tell.
    ['a run split by names written elsewhere', [['胡 波 杨 剑', '全镇'], ['胡波', '甲村'], ['杨剑', '乙村']], ['胡波', '杨剑'], []],
    ['a run nothing tells how to split: no name made up, and a problem', [['胡 波 杨 剑', '全镇']], [], ['2:1']],
    // The same single leader twice is a slip: read once, with a word.
    ['the same leader on two rows apart', [['郭环球', '全镇'], ['熊丹', '全镇'], ['郭环球', '刘家村']], ['郭环球', '熊丹'], ['4:1']],
  ])('%s', (_name, rows, names, problems) => {
    const parsed = parseOk({ sheets: [schedule(...rows), LOG] });
    expect(parsed.leaders.map((l) => l.name)).toEqual(names);
    expect(parsed.problems.filter((p) => p.sheet === '安排表' && p.row > 1).map((p) => p.row + ':' + p.column)).toEqual(problems);
  });

  test('the problem for a run says how to write it', () => {
    const parsed = parseOk({ sheets: [schedule(['胡 波 杨 剑', '全镇'], ['郭环球', '全镇']), LOG] });
    expect(parsed.problems.map((p) => p.message)).toEqual(['带队领导“胡 波 杨 剑”中的“胡波杨剑”分不清是哪几位领导（逐字隔开的名字连在一起），未读取；请用顿号隔开，如“胡波、杨剑”']);
  });
});
