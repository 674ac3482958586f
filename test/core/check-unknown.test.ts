/**
 * Cannot judge is not missing (SPEC §1, §2 status `unknown`): a check whose column the log lacks
 * says 无法判断 (no colour), once, with the column to name; a leader's status rests on the checks
 * that could be made, so no leader is red because a column was not recognised. Also the dates in
 * done states and the `/` marks of SPEC §1, end to end through checkWorkbook.
 */
import { checkWorkbook, INFO_LINE_WIDTH, layoutSummary, lineWidth, toJsonReport } from '../../src/core';
import type { CellValue, CheckResult, SheetInput } from '../../src/core/types';
import { log, serial, sheet } from '../helpers/grids';
import { seedSchedule } from '../helpers/seed';

const d = (day: number) => serial(2019, 8, day);

function check(sheets: SheetInput[], asOf = '2019-09-02'): CheckResult {
  const outcome = checkWorkbook({ sheets }, { month: '2019-08', asOf });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

const leader = (r: CheckResult, name: string) => r.leaders.find((l) => l.name === name)!;
const colour = (r: CheckResult, s: string, row: number) => (r.rows.find((x) => x.sheet === s && x.row === row) || { colour: null }).colour;

/** Every seed leader inspecting on time, twice (or once for the main leaders), at his own key sites. */
const FULL: CellValue[][] = [
  [d(5), '郭环球', '刘家村'],
  [d(6), '熊  丹', '童子山村'],
  [d(7), '鲁攀', '和平加油站'],
  [d(8), '鲁攀', '和平加油站'],
  [d(7), '李卫萍', '九龙洞水上乐园'],
  [d(9), '李卫萍', '九龙洞水上乐园'],
  [d(10), '邓光明', '大栗港加油站'],
  [d(11), '邓光明', '环宇烟花批发'],
  [d(12), '秦尚', '湘域矿业'],
  [d(13), '秦尚', '首溪金矿尾矿库'],
  [d(14), '高峻峰', '青山府'],
  [d(15), '高峻峰', '青山府'],
  [d(16), '龚成', '中化加油站'],
  [d(17), '龚成', '中化加油站'],
  [d(18), '蔡荣', '安宁竹谷'],
  [d(19), '蔡荣', '安宁竹谷'],
];

describe('a log with no place column: key sites are 无法判断, and no leader is red for them', () => {
  // The same inspections, with the place written in a column no word and no cell pattern names.
  const withPlace = check([seedSchedule(), log(['检查日期', '带队领导', '检查地点'], FULL)]);
  const without = check([seedSchedule(), log(['检查日期', '带队领导'], FULL.map((r) => r.slice(0, 2)))]);

  test('with the place column every leader is green', () => {
    expect(withPlace.leaders.map((l) => l.status)).toEqual(Array(9).fill('ok'));
    // This log keeps no hazards at all: said once too.
    expect(withPlace.missingColumns.map((m) => m.fields)).toEqual([['hazard']]);
  });

  test('without it the same leaders are still green, their key sites 无法判断', () => {
    expect(without.leaders.map((l) => l.status)).toEqual(Array(9).fill('ok'));
    expect(without.leaders.map((l) => l.sites.map((s) => s.status)).every((s) => s.every((x) => x === 'unknown'))).toBe(true);
    expect(without.rows.filter((r) => r.colour === 'red')).toEqual([]);
    expect(leader(without, '邓光明').message).toBe('应检2次，实检2次（8月10日、8月11日）；无法判断：大栗港加油站、环宇烟花批发（所在检查记录没有检查地点列）');
  });

  test('it is said once, with the line that names the column, on the summary, in the JSON and in the 读取说明', () => {
    const note = '检查记录没有找到“检查地点”列：重点场所无法判断（不算未检）。如有这一列，请在规则设置中写一行“列:检查地点=该列表头”。';
    expect(without.missingColumns.map((m) => m.message)).toEqual([note, '检查记录没有找到“隐患”列：隐患整改未检查。如有这一列，请在规则设置中写一行“列:隐患=该列表头”。']);
    expect(without.summary.infoLines).toContain('注意：' + note);
    const json = toJsonReport(without) as { columns: Array<Record<string, unknown>> };
    expect(json.columns.filter((c) => c.sheet === '检查记录')).toEqual(
      expect.arrayContaining([
        { sheet: '检查记录', kind: 'log', field: 'date', label: '检查日期', header: '检查日期', column: 'A', by: 'header', how: '表头“检查日期”' },
        { sheet: '检查记录', kind: 'log', field: 'site', label: '检查地点', header: null, column: null, by: 'missing', how: '未找到' },
      ]),
    );
    const cells = layoutSummary(without.summary).values;
    expect(cells.find((r) => r[0] === '邓光明')!.slice(5, 8)).toEqual(['无法判断', '', '合规']);
    const reading = cells.findIndex((r) => String(r[0]).indexOf('七、读取说明') === 0);
    expect(reading).toBeGreaterThan(0);
    expect(cells.slice(reading).some((r) => r[2] === '检查地点' && r[3] === '—' && r[5] === '未找到：重点场所是否检查无法判断')).toBe(true);
  });

  test('a leader who did not inspect at all is still missing: his key site was certainly not visited', () => {
    const r = check([seedSchedule(), log(['检查日期', '带队领导'], FULL.filter((x) => x[1] !== '鲁攀').map((x) => x.slice(0, 2)))]);
    expect(leader(r, '鲁攀').status).toBe('missing');
    expect(leader(r, '鲁攀').sites.map((s) => s.status)).toEqual(['missing']);
  });

  test('a log kept as one sheet a month, one with the place and one without: only what the second could hide is 无法判断', () => {
    const july = log(['检查日期', '带队领导', '检查地点'], FULL.slice(0, 8), '8月上');
    const rest = log(['检查日期', '带队领导'], FULL.slice(8).map((x) => x.slice(0, 2)), '8月下');
    const r = check([seedSchedule(), july, rest]);
    expect(leader(r, '鲁攀').sites.map((s) => s.status)).toEqual(['ok']);
    expect(leader(r, '秦尚').sites.map((s) => s.status)).toEqual(['unknown', 'unknown']);
    expect(r.missingColumns[0].message).toBe('检查记录“8月下”没有找到“检查地点”列：重点场所无法判断（不算未检）。如有这一列，请在规则设置中写一行“列:检查地点=该列表头”。');
  });
});

test('the note fits its line on the summary even when long sheet names are in it', () => {
  const first = log(['检查日期', '带队领导', '检查地点'], FULL.slice(0, 8), '2019年8月上半月带队检查记录（安监站）');
  const second = log(['检查日期', '带队领导'], FULL.slice(8).map((x) => x.slice(0, 2)), '2019年8月下半月带队检查记录（党政办）');
  const r = check([seedSchedule(), first, second]);
  const note = r.summary.infoLines.filter((l) => l.indexOf('注意：') === 0 && l.indexOf('检查地点') > 0)[0];
  expect(lineWidth(note)).toBeLessThanOrEqual(INFO_LINE_WIDTH);
  expect(note).toBe('注意：检查记录中有的工作表没有找到“检查地点”列：重点场所无法判断（不算未检）（如何指定这一列见“读取说明”）。');
  // The full message, with the 列 line, is in the JSON, the pane and the terminal.
  expect(r.missingColumns[0].message).toContain('列:检查地点=该列表头');
});

describe('hazards in a log without a deadline column, or without a state and a done-date column', () => {
  test.each<[string, string[], CellValue[], string, string]>([
    [
      'no deadline column: whether it is overdue cannot be judged',
      ['检查日期', '带队领导', '检查地点', '存在问题', '整改情况'],
      [d(5), '郭环球', '刘家村', '灭火器过期', '未整改'],
      'unknown',
      '隐患“灭火器过期”：检查记录没有整改期限列，无法判断是否逾期',
    ],
    [
      'no state and no done-date column: whether it was put right cannot be judged',
      ['检查日期', '带队领导', '检查地点', '存在问题', '整改期限'],
      [d(5), '郭环球', '刘家村', '灭火器过期', d(10)],
      'unknown',
      '隐患“灭火器过期”整改期限8月10日；检查记录没有整改情况或整改完成日期列，无法判断是否已整改',
    ],
    [
      'with both, the same row is overdue',
      ['检查日期', '带队领导', '检查地点', '存在问题', '整改期限', '整改情况'],
      [d(5), '郭环球', '刘家村', '灭火器过期', d(10), '未整改'],
      'overdue',
      '隐患“灭火器过期”整改期限8月10日，未整改，已逾期23天',
    ],
  ])('%s', (_name, header, row, status, message) => {
    const r = check([seedSchedule(), log(header, [row])]);
    expect(r.hazards.map((h) => [h.status, h.message])).toEqual([[status, message]]);
    // 无法判断 leaves the row's colour to what could be judged: on time (green).
    expect(colour(r, '检查记录', 2)).toBe(status === 'unknown' ? 'green' : 'red');
  });
});

describe('meetings without a topic column', () => {
  const meetings = (header: string[], rows: CellValue[][]) => sheet('会议记录', [header, ...rows]);
  const ROWS: CellValue[][] = [
    [serial(2019, 2, 1), '党委会'],
    [serial(2019, 5, 1), '党委会'],
    [serial(2019, 7, 1), '党委会（研究安全生产）'],
  ];
  test('a 党委会 whose name does not say 安全 may have studied it: 无法判断, not a warning', () => {
    const r = check([seedSchedule(), log(['检查日期', '带队领导', '检查地点'], FULL), meetings(['会议日期', '会议名称'], ROWS)]);
    expect(r.meetings!.find((m) => m.kind === 'party-committee')).toMatchObject({ status: 'unknown', count: 1 });
    expect(r.missingColumns.map((m) => m.fields)).toEqual([['hazard'], ['topic']]);
  });
  test('with a topic column that does not say 安全, they are counted out', () => {
    const rows = ROWS.map((x) => x.concat(x[1] === '党委会' ? '研究扶贫工作' : '研究安全生产'));
    const r = check([seedSchedule(), log(['检查日期', '带队领导', '检查地点'], FULL), meetings(['会议日期', '会议名称', '议题'], rows)]);
    expect(r.meetings!.find((m) => m.kind === 'party-committee')).toMatchObject({ status: 'due-soon', count: 1 });
  });
});

describe('dates in done states and the / marks of SPEC §1, through the whole check', () => {
  const HEADER = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'];
  test.each<[string, CellValue[], string, string[]]>([
    ['done on the day the state names, after the deadline: late', [d(1), '郭环球', '刘家村', '灭火器过期', d(5), '', '8月8日已整改'], 'late', []],
    ['done on the day the state names, by the deadline: ok', [d(1), '郭环球', '刘家村', '灭火器过期', d(10), '', '8月8日已更换'], 'ok', []],
    ['the day is a re-check: done, no day', [d(1), '郭环球', '刘家村', '灭火器过期', d(5), '', '8月8日复查，已整改'], 'ok', []],
    ['a state in the done-date column, with its day', [d(1), '郭环球', '刘家村', '灭火器过期', d(5), '已于8月18日整改完毕', ''], 'late', []],
    ['/ in the done-date cell: empty, the state decides', [d(1), '郭环球', '刘家村', '灭火器过期', d(5), '/', '已整改'], 'ok', []],
    ['— in the deadline cell: empty (a hazard without a deadline), and no unreadable-deadline problem', [d(1), '郭环球', '刘家村', '灭火器过期', '—', '', ''], 'problem', []],
    ['/ in every cell of a row without a hazard: nothing to say', [d(1), '郭环球', '刘家村', '/', '/', '/', '/'], '', []],
  ])('%s', (_name, row, status, problems) => {
    const r = check([seedSchedule(), log(HEADER, [row])]);
    expect(r.hazards.map((h) => h.status).join()).toBe(status);
    expect(r.problems.map((p) => p.message)).toEqual(problems);
  });
});
