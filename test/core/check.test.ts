import { checkWorkbook, layoutSummary, toJsonReport } from '../../src/core';
import { dayFromYmd, excelSerialFromDay } from '../../src/core/day';
import type { CellValue, CheckResult, WorkbookInput } from '../../src/core/types';
import { logSheet, seedSchedule, type LogRow } from '../helpers/seed';

const serial = (y: number, m: number, d: number) => excelSerialFromDay(dayFromYmd(y, m, d));

/** Row i of this table is Excel row i + 3 of 检查记录. */
const LOG: LogRow[] = [
  { date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村' }, // 3 green
  { date: '2019年8月27日', leader: '熊 丹', site: '童子山村' }, // 4 orange: after the 25th
  { date: serial(2019, 8, 12), leader: '邓光明', site: '大栗港加油站', hazard: '灭火器过期', deadline: '2019-08-30' }, // 5 red: overdue
  { date: '2019/8/5', leader: '鲁攀、秦尚', site: '和平加油站' }, // 6 green
  { date: '8月20日', leader: '鲁攀，秦尚', site: '和平加油站', hazard: '线路老化', deadline: '2019-09-05' }, // 7 yellow: due in 3 days
  { date: 'abc', leader: '郭环球', site: '刘家村' }, // 8 grey: bad date
  { date: serial(2019, 8, 15), leader: '张三', site: '刘家村' }, // 9 grey: unknown leader
  { date: '2019-09-10', leader: '郭环球', site: '刘家村' }, // 10 grey: after as-of
];

function workbook(extra: WorkbookInput['sheets'] = []): WorkbookInput {
  return { sheets: [seedSchedule(), logSheet(LOG), ...extra] };
}

function check(input: WorkbookInput, asOf = '2019-09-02', month: string | undefined = '2019-08'): CheckResult {
  const outcome = checkWorkbook(input, { asOf, month });
  if (!outcome.ok) throw new Error('expected a result, got ' + outcome.error.message);
  return outcome.result;
}

function colourOf(result: CheckResult, sheet: string, row: number): string | null {
  const r = result.rows.find((x) => x.sheet === sheet && x.row === row);
  return r ? r.colour : null;
}

describe('checkWorkbook on the seed schedule', () => {
  const result = check(workbook());

  it.each([
    ['郭环球', 'main', 1, 1, 1, 'ok'],
    ['熊丹', 'main', 1, 1, 0, 'late'],
    ['鲁攀', 'member', 2, 2, 2, 'ok'],
    ['邓光明', 'member', 2, 1, 1, 'missing'],
    ['秦尚', 'member', 2, 2, 2, 'missing'], // quota met, key sites never inspected
    ['蔡荣', 'member', 2, 0, 0, 'missing'],
  ])('%s: role %s, required %d, total %d, on time %d → %s', (name, role, required, total, onTime, status) => {
    const leader = result.leaders.find((l) => l.name === name)!;
    expect(leader).toBeDefined();
    expect([leader.role, leader.required, leader.total, leader.onTime, leader.status]).toEqual([role, required, total, onTime, status]);
  });

  it("builds SPEC's example message for a member with one trip and an uncovered site", () => {
    const leader = result.leaders.find((l) => l.name === '邓光明')!;
    expect(leader.message).toBe('应检2次，实检1次（8月12日）；未检：环宇烟花批发');
  });

  it.each([
    ['带队检查安排表', 3, 'green'], // 郭环球
    ['带队检查安排表', 4, 'orange'], // 熊丹
    ['带队检查安排表', 5, 'green'], // 鲁攀
    ['带队检查安排表', 7, 'red'], // 邓光明
    ['带队检查安排表', 8, 'red'], // 秦尚
    ['检查记录', 3, 'green'],
    ['检查记录', 4, 'orange'],
    ['检查记录', 5, 'red'],
    ['检查记录', 6, 'green'],
    ['检查记录', 7, 'yellow'],
    ['检查记录', 8, 'grey'],
    ['检查记录', 9, 'grey'],
    ['检查记录', 10, 'grey'],
  ])('colours %s row %d %s', (sheet, row, colour) => {
    expect(colourOf(result, sheet, row)).toBe(colour);
  });

  it('colours across the header row width, and never the title or header rows', () => {
    const logRow = result.rows.find((r) => r.sheet === '检查记录' && r.row === 3)!;
    expect([logRow.firstColumn, logRow.lastColumn]).toEqual([1, 7]);
    const scheduleRow = result.rows.find((r) => r.sheet === '带队检查安排表' && r.row === 3)!;
    expect([scheduleRow.firstColumn, scheduleRow.lastColumn]).toEqual([1, 3]);
    expect(result.rows.some((r) => r.row <= 2)).toBe(false);
  });

  it('reports every unreadable log row as a problem naming its cell', () => {
    const rows = result.problems.filter((p) => p.sheet === '检查记录').map((p) => [p.row, p.columnName]);
    expect(rows).toEqual(expect.arrayContaining([[8, '检查日期'], [9, '带队领导'], [10, '检查日期']]));
  });

  it('finds the township, the deadline day from the header, and infers the main leaders', () => {
    expect(result.township).toBe('大栗港镇');
    expect(result.deadlineDay).toBe(25);
    expect(result.settings.deadlineDaySource).toBe('header');
    expect(result.roleSource).toBe('inferred');
    expect(result.summary.infoLines.join('\n')).toContain('推定主要领导');
  });

  it('gives a summary model with the SPEC tables and a chart of required against done', () => {
    expect(result.summary.sheetName).toBe('履职汇总 2019-08');
    expect(result.summary.title).toContain('大栗港镇');
    expect(result.summary.tables[0].header).toEqual(['带队领导', '角色', '应检次数', '实检次数', '25日前完成', '重点场所', '未检场所', '状态', '说明']);
    expect(result.summary.tables[0].rows).toHaveLength(9);
    const hazards = result.summary.tables[1].rows.map((r) => r.cells[0]);
    expect(hazards).toEqual(['检查记录!第5行', '检查记录!第7行']);
    expect(result.summary.chart.categories[0]).toBe('郭环球');
    expect(result.summary.chart.required.slice(0, 3)).toEqual([1, 1, 2]);
  });

  it('writes the JSON report of SPEC §4', () => {
    const json = toJsonReport(result);
    expect(json).toMatchObject({ month: '2019-08', asOf: '2019-09-02', deadlineDay: 25 });
    expect(json.leaders[0]).toMatchObject({ name: '郭环球', role: 'main', required: 1, total: 1, onTime: 1, status: 'ok', sites: [{ name: '刘家村', status: 'ok' }] });
    expect(json.rows.find((r) => r.sheet === '检查记录' && r.row === 5)).toMatchObject({ colour: 'red', rule: 'hazard-rectification' });
    expect(json.problems.find((p) => p.row === 8)).toMatchObject({ sheet: '检查记录', column: '检查日期' });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('checkWorkbook inputs and errors', () => {
  it.each([
    [{ asOf: '2019-13-02' }, 'bad-as-of'],
    [{ asOf: '2019-09-02', month: '2019-8x' }, 'bad-month'],
    [{ asOf: '2019-07-31', month: '2019-08' }, 'as-of-before-month'],
  ])('rejects %j with %s', (options, code) => {
    const outcome = checkWorkbook(workbook(), options);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe(code);
  });

  it('needs an inspection log, and says which headers it looked for', () => {
    const outcome = checkWorkbook({ sheets: [seedSchedule()] }, { asOf: '2019-09-02' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('no-log');
      expect(outcome.error.message).toContain('检查日期');
    }
  });

  it('needs a schedule', () => {
    const outcome = checkWorkbook({ sheets: [logSheet(LOG)] }, { asOf: '2019-09-02' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('no-schedule');
      expect(outcome.error.message).toContain('在每张表的前10行中查找同时有带队领导列');
    }
  });

  it('says why a schedule with a 检查时间 column is no schedule, and what to do', () => {
    const schedule = { name: '安排表', values: [['带队领导', '检查时间', '检查范围'], ['郭环球', '每月25日前', '全镇辖区（重点检查负责刘家村）']] };
    const outcome = checkWorkbook({ sheets: [schedule, logSheet(LOG)] }, { asOf: '2019-09-02' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('no-schedule');
      expect(outcome.error.message).toContain('工作表“安排表”有带队领导和检查范围列，但也有日期列“检查时间”');
      expect(outcome.error.message).toContain('完成时限');
    }
    // Renamed as the message says, it is read.
    const renamed = { ...schedule, values: [['带队领导', '完成时限', '检查范围'], schedule.values[1]] };
    expect(checkWorkbook({ sheets: [renamed, logSheet(LOG)] }, { asOf: '2019-09-02' }).ok).toBe(true);
  });

  it('defaults the month to the month of the as-of date', () => {
    const outcome = checkWorkbook(workbook(), { asOf: '2019-09-02' });
    expect(outcome.ok && outcome.result.month).toBe('2019-09');
  });

  it('never reads its own summary or state sheets back (running on its own output changes nothing)', () => {
    const first = check(workbook());
    const summary = layoutSummary(first.summary);
    const again = check(
      workbook([
        { name: summary.sheetName, values: summary.values },
        { name: '_履职检查_原格式', values: [['检查日期', '带队领导'], ['2019-08-01', '郭环球']] },
      ]),
    );
    expect(again.findings).toEqual(first.findings);
    expect(again.rows).toEqual(first.rows);
  });

  it('reads a log kept as one sheet a month as one log', () => {
    const split = check({ sheets: [seedSchedule(), logSheet(LOG.slice(0, 4), '7-8月'), logSheet(LOG.slice(4), '9月')] });
    const whole = check(workbook());
    expect(split.leaders.map((l) => [l.name, l.total, l.status])).toEqual(whole.leaders.map((l) => [l.name, l.total, l.status]));
  });
});

describe('layoutSummary', () => {
  const result = check(workbook());
  const layout = layoutSummary(result.summary);

  it('is rectangular and every block lies inside it', () => {
    const width = layout.columnWidths.length;
    for (const row of layout.values) expect(row).toHaveLength(width);
    for (const b of [...layout.merges, ...layout.styles]) {
      expect(b.row).toBeGreaterThanOrEqual(0);
      expect(b.column).toBeGreaterThanOrEqual(0);
      expect(b.row + b.rows).toBeLessThanOrEqual(layout.values.length);
      expect(b.column + b.columns).toBeLessThanOrEqual(width);
    }
  });

  it('never overlaps two merges', () => {
    const taken = new Set<string>();
    for (const m of layout.merges) {
      for (let r = m.row; r < m.row + m.rows; r++) {
        for (let c = m.column; c < m.column + m.columns; c++) {
          const key = r + ':' + c;
          expect(taken.has(key)).toBe(false);
          taken.add(key);
        }
      }
    }
  });

  it('puts the title first and the leader table where the chart reads it', () => {
    expect(layout.values[0][0]).toBe(result.summary.title);
    const t = layout.leaderTable!;
    expect(layout.values[t.headerRow].slice(0, 4)).toEqual(['带队领导', '角色', '应检次数', '实检次数']);
    expect(t.lastRow - t.firstRow + 1).toBe(9);
    expect(layout.values[t.firstRow][t.nameColumn]).toBe('郭环球');
    expect(layout.values[t.firstRow][t.requiredColumn]).toBe(1);
    expect(layout.chartAnchor.row).toBeGreaterThan(layout.values.length - 1);
  });

  it('links each hazard to the log row it comes from', () => {
    expect(layout.links).toEqual(expect.arrayContaining([expect.objectContaining({ target: { sheet: '检查记录', row: 5 } })]));
  });

  it('colours status cells with the palette, in runs', () => {
    const red = layout.styles.filter((s) => s.fill === '#FFC7CE');
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((s) => s.font === '#9C0006')).toBe(true);
  });
});

describe('duplicate rows (the same row entered twice counts once)', () => {
  const row = (i: number): LogRow => ({ date: serial(2019, 8, 1 + (i % 28)), leader: '郭环球', site: '刘家村' + i });
  // [case, log rows, where a duplicate is expected: [Excel row, message]]
  const cases: Array<[string, LogRow[], Array<[number, string]>]> = [
    ['a row entered twice', [row(1), row(2), row(1)], [[5, '与第3行完全相同（重复录入），本行不计入']]],
    ['rows that differ in one cell are not duplicates', [row(1), { ...row(1), site: '刘家村 ' }], []],
    ['a text date and the same day as a date serial are different cells', [row(1), { ...row(1), date: '2019-08-02' }], []],
    [
      'repeats after 3,000 distinct rows still name the right rows (the index grows at 512, 1,024, 2,048)',
      [...Array.from({ length: 3000 }, (_, i) => row(i)), row(700), row(2999), row(512), row(1024), row(2048)],
      [
        [3003, '与第703行完全相同（重复录入），本行不计入'],
        [3004, '与第3002行完全相同（重复录入），本行不计入'],
        [3005, '与第515行完全相同（重复录入），本行不计入'],
        [3006, '与第1027行完全相同（重复录入），本行不计入'],
        [3007, '与第2051行完全相同（重复录入），本行不计入'],
      ],
    ],
  ];
  test.each(cases)('%s', (_name, rows, expected) => {
    const result = check({ sheets: [seedSchedule(), logSheet(rows)] });
    const found = result.problems.filter((p) => p.code === 'duplicate-row').map((p) => [p.row, p.message]);
    expect(found).toEqual(expected);
  });

  test('a repeat on a second log sheet names the sheet of the first', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([row(1), row(2)]), logSheet([row(5), row(2)], '检查记录二')] });
    const found = result.problems.filter((p) => p.code === 'duplicate-row').map((p) => [p.sheet, p.row, p.message]);
    expect(found).toEqual([['检查记录二', 4, '与“检查记录”第4行完全相同（重复录入），本行不计入']]);
  });
});

// A clerk types 8.12 for 8月12日 into a General cell: Excel keeps the number 8.12, which as a date
// is 1900年1月8日. SPEC: an unreadable date is a data problem, never a guess.
describe('numbers typed into date columns are data problems, not dates in 1900', () => {
  const cases: Array<[string, LogRow, Array<[string, string]>]> = [
    ['an inspection date', { date: 8.12, leader: '郭环球', site: '刘家村' }, [['bad-date', '检查日期“8.12”是数字，按Excel日期算是1900年1月8日，不像实际日期，本行不计入']]],
    [
      'a deadline',
      { date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村', hazard: '灭火器过期', deadline: 8.2 },
      [['bad-deadline', '整改期限“8.2”是数字，按Excel日期算是1900年1月8日，不像实际日期，视为未填写整改期限']],
    ],
    [
      'a done date',
      { date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村', hazard: '灭火器过期', deadline: '2019-08-30', done: 8.18 },
      [['bad-done-date', '整改完成日期“8.18”是数字，按Excel日期算是1900年1月8日，不像实际日期，不能作为整改完成日期']],
    ],
    ['a real serial is still a date', { date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村' }, []],
  ];
  test.each(cases)('%s', (_name, row, expected) => {
    const result = check({ sheets: [seedSchedule(), logSheet([row])] });
    expect(result.problems.filter((p) => p.sheet === '检查记录').map((p) => [p.code, p.message])).toEqual(expected);
  });

  test('the row typed 8.12 does not count as an inspection', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: 8.12, leader: '郭环球', site: '刘家村' }])] });
    expect(result.leaders.find((l) => l.name === '郭环球')!.total).toBe(0);
    expect(colourOf(result, '检查记录', 3)).toBe('grey');
  });
});

// Registers end with totals, notes and a sign-off line; a name cell may carry a title.
test('sheets with text and no header are listed as not read; empty sheets are not', () => {
  const result = check({ sheets: [seedSchedule(), logSheet(LOG), { name: 'Sheet2', values: [] }, { name: 'Sheet3', values: [['', null]] }, { name: '说明', values: [['本表由安监站填写']] }] });
  expect(result.ignoredSheets).toEqual(['说明']);
});

describe('lines below a table and titles beside a name are not records', () => {
  const schedule = (extra: CellValue[][]): WorkbookInput['sheets'][number] => {
    const s = seedSchedule();
    return { ...s, values: [...s.values, ...extra] };
  };
  const footer: Array<[string, CellValue[]]> = [
    ['a total row', ['合计', '9人', '']],
    ['a total row with spaces', ['合  计：', '', '']],
    ['a sign-off row', ['填表人：张三', '', '审核：李四']],
    ['a unit line', ['制表单位：大栗港镇安监站', '', '2019年7月1日']],
    ['a note', ['备注：每月25日前完成', '', '']],
  ];
  test.each(footer)('in the schedule, %s adds no leader and no problem', (_name, row) => {
    const result = check({ sheets: [schedule([row]), logSheet(LOG)] });
    expect(result.leaders.map((l) => l.name)).toEqual(['郭环球', '熊丹', '鲁攀', '李卫萍', '邓光明', '秦尚', '高峻峰', '龚成', '蔡荣']);
    expect(result.problems.filter((p) => p.sheet === '带队检查安排表')).toEqual([]);
  });

  test.each(footer)('in the log, %s is no unreadable row', (_name, row) => {
    const plain = check(workbook());
    const withFooter = check({ sheets: [seedSchedule(), { ...logSheet(LOG), values: [...logSheet(LOG).values, [...row, '', '', '', '']] }] });
    expect(withFooter.problems).toEqual(plain.problems);
    expect(withFooter.rows).toEqual(plain.rows);
  });

  test.each<[string, CellValue[]]>([
    ['a bracketed total', ['合计（3处）', '', '']],
    ['a monthly subtotal', ['8月小计', '', '']],
  ])('in the log, %s is no unreadable row', (_name, row) => {
    const plain = check(workbook());
    const withFooter = check({ sheets: [seedSchedule(), { ...logSheet(LOG), values: [...logSheet(LOG).values, [...row, '', '', '', '']] }] });
    expect(withFooter.problems).toEqual(plain.problems);
  });

  // Lines between and below records, in a log whose first column is the date (LOG_HEADER).
  test.each<[string, CellValue[]]>([
    ['a month heading', ['八月份']],
    ['a month heading with the year', ['2019年8月']],
    ['a week heading', ['第一周']],
    ['a title pasted with the next month', ['大栗港镇2019年9月安全生产检查台账']],
    ['以下空白', ['以下空白']],
    ['a count line', ['本月共检查1次，发现隐患0处']],
    ['记录人', ['记录人：张三']],
    ['a stamp line', ['大栗港镇安全生产委员会办公室（盖章）']],
    ['the issuing body', ['大栗港镇安全生产委员会']],
    ['a signature line', ['带队领导（签字）：']],
    ['a sign-off under the last columns', ['', '', '', '', '', '大栗港镇安监站', '2019年9月1日']],
    // As Excel hands a date cell to the add-in: a serial number (the CLI gets a Date).
    ['a sign-off with a date cell', ['', '', '', '', '', '大栗港镇安监站', serial(2019, 9, 1)]],
    ['a sign-off with a Date', ['', '', '', '', '', '大栗港镇安监站', new Date(Date.UTC(2019, 8, 1))]],
  ])('in the log, %s is no record and no problem', (_name, row) => {
    const plain = check(workbook());
    const values = logSheet(LOG).values;
    const withLine = check({ sheets: [seedSchedule(), { ...logSheet(LOG), values: [...values.slice(0, 4), row, ...values.slice(4), row] }] });
    // Rows below the inserted one moved down by one: compare what was found, not where.
    expect(withLine.problems.map((p) => p.message)).toEqual(plain.problems.map((p) => p.message));
    expect(withLine.leaders).toEqual(plain.leaders.map((l) => ({ ...l })));
  });

  test.each<[string, CellValue[]]>([
    ['a half-filled record (a date alone)', ['8月5日']],
    ['a record without its date', ['', '郭环球', '刘家村']],
    ['a unit in the date column with a leader', ['大栗港镇安监站', '郭环球']],
  ])('in the log, %s is still reported', (_name, row) => {
    const plain = check(workbook());
    const withLine = check({ sheets: [seedSchedule(), { ...logSheet(LOG), values: [...logSheet(LOG).values, row] }] });
    expect(withLine.problems.length).toBeGreaterThan(plain.problems.length);
  });

  test.each<[string, CellValue[]]>([
    ['a group heading', ['党委领导', '', '']],
    ['a numbered group heading', ['一、党委班子成员', '', '']],
    ['the issuing body', ['大栗港镇安全生产委员会', '', '']],
    ['the date under it', ['2019年7月1日', '', '']],
    ['the date under it, a date cell', [serial(2019, 7, 1), '', '']],
    ['a copy-to line', ['抄送：县应急管理局', '', '']],
    ['an issue line', ['大栗港镇党政办', '', '2019年7月1日印发']],
  ])('in the schedule, %s adds no leader', (_name, row) => {
    const result = check({ sheets: [schedule([row]), logSheet(LOG)] });
    expect(result.leaders.map((l) => l.name)).toEqual(['郭环球', '熊丹', '鲁攀', '李卫萍', '邓光明', '秦尚', '高峻峰', '龚成', '蔡荣']);
    expect(result.problems.filter((p) => p.sheet === '带队检查安排表')).toEqual([]);
  });

  test('a leader written alone on a schedule row, without a scope, is still a leader', () => {
    const result = check({ sheets: [schedule([['王小明', '', '']]), logSheet(LOG)] });
    expect(result.leaders.map((l) => l.name)).toContain('王小明');
  });

  test('a record whose first column (检查类别) says 审核 or 说明 is still a record', () => {
    const values: CellValue[][] = [
      ['检查类别', '检查日期', '带队领导', '检查地点'],
      ['审核', serial(2019, 8, 5), '鲁攀', '和平加油站'],
      ['说明', serial(2019, 8, 8), '鲁攀', '集镇'],
      ['合计', '', '', '共2次'],
    ];
    const result = check({ sheets: [seedSchedule(), { name: '检查记录', values }] });
    expect(result.problems).toEqual([]);
    expect(result.leaders.find((l) => l.name === '鲁攀')!.total).toBe(2);
  });

  test('a data row that merely starts with a number is still read', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '合计站' }])] });
    expect(result.leaders.find((l) => l.name === '郭环球')!.total).toBe(1);
  });

  test.each([
    ['党委委员 邓光明', '邓光明'],
    ['副镇长 邓光明', '邓光明'],
    ['邓光明（党委委员）', '邓光明'],
    ['副镇长  邓 光 明', '邓光明'],
    ['党委委员：邓光明', '邓光明'],
    ['一级主任科员 邓光明', '邓光明'],
  ])('a title beside the name in the schedule (%s) leaves the name %s', (written, name) => {
    const s = seedSchedule();
    const values = s.values.map((r) => (r[0] === '邓光明' ? [written, ...r.slice(1)] : r));
    const result = check({ sheets: [{ ...s, values }, logSheet(LOG)] });
    expect(result.leaders.map((l) => l.name)).toContain(name);
    expect(result.leaders.find((l) => l.name === name)!.total).toBe(1);
    expect(result.problems.filter((p) => p.sheet === '带队检查安排表')).toEqual([]);
  });

  test('two names in one schedule cell are two leaders, each with the row’s key sites, and no problem', () => {
    const s = seedSchedule();
    const values = s.values.map((r) => (r[0] === '邓光明' ? ['邓光明 秦尚', ...r.slice(1)] : r));
    const result = check({ sheets: [{ ...s, values }, logSheet(LOG)] });
    expect(result.problems.filter((p) => p.sheet === '带队检查安排表')).toEqual([]);
    const qin = result.leaders.find((l) => l.name === '秦尚')!;
    // Row 7 (with 邓光明) and row 8 (alone): the key sites of both rows.
    expect(qin.sites.map((x) => x.name)).toEqual(['大栗港加油站', '环宇烟花批发', '湘域矿业', '首溪金矿尾矿库']);
    expect(qin.ref.row).toBe(7);
  });
});

// Registers often group columns under a merged header: 整改情况 over 整改期限 / 完成日期 / 整改状态.
describe('a two-row header is read as one', () => {
  const TOP = ['序号', '检查日期', '带队领导', '检查地点', '发现隐患', '整改情况', '', '', '备注'];
  const SUB = ['', '', '', '', '', '整改期限', '完成日期', '整改状态', ''];
  const rows: CellValue[][] = [
    [1, serial(2019, 8, 12), '邓光明', '大栗港加油站', '灭火器过期', serial(2019, 8, 20), serial(2019, 8, 19), '已整改', ''],
    [2, serial(2019, 8, 12), '邓光明', '环宇烟花批发', '静电接地松动', serial(2019, 8, 30), '', '整改中', ''],
  ];
  const logWith = (header: CellValue[][]) => ({ name: '检查台账', values: [['大栗港镇安全生产检查台账'], ...header, ...rows] });

  test('the columns under the group header are read, and data starts below the sub-header', () => {
    const result = check({ sheets: [seedSchedule(), logWith([TOP, SUB])] });
    expect(result.sheets.find((s) => s.sheet === '检查台账')).toMatchObject({ headerRow: 3, columns: { date: 2, leader: 3, site: 4, hazard: 5, deadline: 6, doneDate: 7, state: 8 } });
    expect(result.problems).toEqual([]);
    expect(result.hazards.map((h) => [h.ref.row, h.status])).toEqual([[4, 'ok'], [5, 'overdue']]);
  });

  test('sub-headers with words beyond the header list are read too', () => {
    const sub = ['', '', '', '', '', '整改措施', '整改时限', '责任人', '完成时间'];
    const values: CellValue[][] = [['序号', '检查日期', '带队领导', '检查地点', '发现隐患', '整改情况', '', '', ''], sub, [1, serial(2019, 8, 12), '邓光明', '大栗港加油站', '灭火器过期', '更换', serial(2019, 8, 20), '张三', serial(2019, 8, 19)]];
    const result = check({ sheets: [seedSchedule(), { name: '检查台账', values }] });
    expect(result.problems).toEqual([]);
    expect(result.hazards.map((h) => h.status)).toEqual(['ok']);
  });

  test('the same as a one-row header', () => {
    const one = check({ sheets: [seedSchedule(), logWith([['序号', '检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '完成日期', '整改状态', '备注']])] });
    const two = check({ sheets: [seedSchedule(), logWith([TOP, SUB])] });
    expect(two.hazards.map((h) => [h.status, h.message])).toEqual(one.hazards.map((h) => [h.status, h.message]));
  });

  test.each<[string, CellValue[]]>([
    ['a first data row with text in every cell is data, not a sub-header', ['1', '8月12日', '邓光明', '大栗港加油站', '存在问题', '', '', '', '']],
    ['a row of sub-headers none of which stands under a merged cell', ['', '', '', '', '隐患', '', '', '', '']],
    ['a row with words that add no column', ['', '', '', '', '', '说明', '', '', '']],
  ])('%s', (_name, below) => {
    const result = check({ sheets: [seedSchedule(), logWith([TOP, below])] });
    expect(result.sheets.find((s) => s.sheet === '检查台账')!.headerRow).toBe(2);
  });
});

// Deadlines as clerks write them, after an inspection on 12 August 2019 (checked as of 2 September).
describe('deadlines written as dates due by, month ends and weeks', () => {
  test.each<[string, CellValue, string, string]>([
    ['a date due by', '8月20日前', '2019-08-20', 'overdue'],
    ['a full date due by', '2019年9月5日之前', '2019-09-05', 'due-soon'],
    ['the end of a given month', '8月底', '2019-08-31', 'overdue'],
    ['the end of the next month', '9月底前', '2019-09-30', 'pending'],
    ['the end of the inspection month', '月底前', '2019-08-31', 'overdue'],
    ['a week', '限期一周', '2019-08-19', 'overdue'],
    ['half a month', '半个月内', '2019-08-27', 'overdue'],
    ['a date due by, with what is to be done', '9月5日前完成整改', '2019-09-05', 'due-soon'],
    ['a date due by, with 以前', '2019年8月20日以前整改到位', '2019-08-20', 'overdue'],
    ['a day of the month', '15日前', '2019-08-15', 'overdue'],
    ['a day of the month before the inspection: the next month', '5日前', '2019-09-05', 'due-soon'],
    ['days with 限', '限3日内整改', '2019-08-15', 'overdue'],
    ['a month', '一个月内', '2019-09-12', 'pending'],
    ['two months with 限期', '限期两个月', '2019-10-12', 'pending'],
    ['3个月内整改', '3个月内整改', '2019-11-12', 'pending'],
    ['the same day', '当天', '2019-08-12', 'overdue'],
    ['即日', '即日整改', '2019-08-12', 'overdue'],
    ['days, then 整改到位', '10日内整改到位', '2019-08-22', 'overdue'],
    ['截至 a date', '截至8月15日', '2019-08-15', 'overdue'],
    ['a date 止', '8月15日止', '2019-08-15', 'overdue'],
    ['截止 a full date, then 前', '截止2019年9月5日前', '2019-09-05', 'due-soon'],
    ['立查立改', '立查立改', '2019-08-12', 'overdue'],
    ['马上', '马上', '2019-08-12', 'overdue'],
  ])('%s: %s → %s', (_name, deadline, iso, status) => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村', hazard: '灭火器过期', deadline }])] });
    expect(result.problems).toEqual([]);
    expect(result.hazards.map((h) => [h.deadline, h.status])).toEqual([[dayFromYmd(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)), status]]);
  });

  test('a deadline that is no date is still reported with its text', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村', hazard: '灭火器过期', deadline: '尽快' }])] });
    expect(result.problems.map((p) => p.message)).toEqual(['整改期限“尽快”无法识别为日期，视为未填写整改期限']);
  });
});

// Clerks write the state where the done date goes, and the day inside the state.
describe('states in the done-date column, and the day a state names', () => {
  const D = (m: number, d: number) => dayFromYmd(2019, m, d);
  test.each<[string, CellValue, CellValue, number | null, boolean, string]>([
    ['已整改 in the done-date column: done, no day', '已整改', '', null, true, 'ok'],
    ['整改完毕 in the done-date column', '整改完毕', '', null, true, 'ok'],
    ['整改中 in the done-date column: not done, no problem', '整改中', '', null, false, 'overdue'],
    ['未整改 in the done-date column, 已整改 in the state column: the state decides', '未整改', '已整改', null, true, 'ok'],
    ['已于8月18日整改完毕 in the done-date column: done that day, on time', '已于8月18日整改完毕', '', D(8, 18), true, 'ok'],
    ['已于8月25日整改完毕 in the state column: done that day, after the deadline', '', '已于8月25日整改完毕', D(8, 25), true, 'late'],
    ['已于18日完成整改: a day of the month is no readable day, still done', '', '已于18日完成整改', null, true, 'ok'],
    ['已于9月10日整改完毕 (after T): done, the day is not taken', '', '已于9月10日整改完毕', null, true, 'ok'],
    ['a done date beats the state', '2019-08-19', '已于8月25日整改完毕', D(8, 19), true, 'ok'],
  ])('%s', (_name, done, state, doneDate, isDone, status) => {
    const result = check({
      sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村', hazard: '灭火器过期', deadline: '2019-08-20', done, state }])],
    });
    expect(result.problems).toEqual([]);
    expect(result.hazards.map((h) => [h.doneDate, h.done, h.status])).toEqual([[doneDate, isDone, status]]);
  });

  test('text in the done-date column that is neither a date nor a state is still a data problem', () => {
    const result = check({
      sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 12), leader: '郭环球', site: '刘家村', hazard: '灭火器过期', deadline: '2019-08-20', done: '张三负责' }])],
    });
    expect(result.problems.map((p) => p.code)).toEqual(['bad-done-date']);
    expect(result.hazards.map((h) => h.status)).toEqual(['overdue']);
  });
});

// A row coloured for something worse still says what on it could not be read.
describe('a data problem on a row with a worse colour', () => {
  test.each<[string, LogRow, string, string[]]>([
    [
      'late, and the hazard has no deadline: orange, with both messages',
      { date: serial(2019, 8, 28), leader: '鲁攀', site: '和平加油站', hazard: '消防通道堵塞' },
      'orange',
      ['8月28日检查，晚于当月25日', '未填写整改期限'],
    ],
    [
      'overdue hazard on a row whose leader cell also names someone unknown: red, with both',
      { date: serial(2019, 8, 12), leader: '鲁攀、张三', site: '和平加油站', hazard: '灭火器过期', deadline: '2019-08-20' },
      'red',
      ['逾期', '张三'],
    ],
  ])('%s', (_name, row, colour, parts) => {
    const result = check({ sheets: [seedSchedule(), logSheet([row])] });
    const coloured = result.rows.find((r) => r.sheet === '检查记录' && r.row === 3)!;
    expect(coloured.colour).toBe(colour);
    for (const part of parts) expect(coloured.message).toContain(part);
  });

  test('a row with only data problems stays grey with its messages once', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: 'abc', leader: '张三', site: '刘家村' }])] });
    const coloured = result.rows.find((r) => r.sheet === '检查记录' && r.row === 3)!;
    expect(coloured.colour).toBe('grey');
    expect(coloured.message.split('；').length).toBe(new Set(coloured.message.split('；')).size);
  });
});

// A 检查人员 column names everyone who went; a 带队领导 column names the leaders only.
describe('staff named beside the leader', () => {
  test.each<[string, string, string, string[], string | null]>([
    ['检查人员: staff beside a leader are no problem', '检查人员', '郭环球、安监站张三、李四', [], 'green'],
    ['检查人: the same', '检查人', '熊丹 王五', [], 'green'],
    ['带队领导: a non-leader is reported', '带队领导', '郭环球、安监站张三', ['unknown-leader'], 'grey'],
    ['检查人员 without any leader is still a problem', '检查人员', '安监站张三、李四', ['unknown-leader'], 'grey'],
  ])('%s', (_name, header, cell, problems, colour) => {
    const values: CellValue[][] = [['检查日期', header, '检查地点'], [serial(2019, 8, 12), cell, '刘家村']];
    const result = check({ sheets: [seedSchedule(), { name: '检查记录', values }] });
    expect(result.problems.map((p) => p.code)).toEqual(problems);
    expect(colourOf(result, '检查记录', 2)).toBe(colour);
  });
});

describe('a date without a year that would fall after the as-of date is the year before', () => {
  test('12月20日 in a log checked for January 2020 is 20 December 2019', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: '12月20日', leader: '郭环球', site: '刘家村' }, { date: '1月5日', leader: '郭环球', site: '刘家村' }])] }, '2020-02-03', '2020-01');
    expect(result.problems).toEqual([]);
    expect(result.rows.filter((r) => r.sheet === '检查记录').map((r) => [r.row, r.message])).toEqual([
      [3, '按期检查（2019年12月20日）'],
      [4, '按期检查（1月5日）'],
    ]);
  });

  test('a yearless date just after the as-of date (a planned inspection) is a problem, not last year', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: '9月10日', leader: '郭环球', site: '刘家村' }])] });
    expect(result.problems.map((p) => [p.code, p.message])).toEqual([['future-date', '检查日期“9月10日”晚于截至日期2019-09-02，本行不计入']]);
  });

  test('a date with a year after the as-of date is still a problem', () => {
    const result = check({ sheets: [seedSchedule(), logSheet([{ date: '2020年12月28日', leader: '郭环球', site: '刘家村' }])] }, '2020-02-03', '2020-01');
    expect(result.problems.map((p) => p.code)).toEqual(['future-date']);
  });
});

test('a 整改落实情况 column is the state column', () => {
  const values: CellValue[][] = [['检查日期', '带队领导', '发现隐患', '整改期限', '整改落实情况'], [serial(2019, 8, 12), '郭环球', '灭火器过期', '2019-08-20', '已整改']];
  const result = check({ sheets: [seedSchedule(), { name: '检查记录', values }] });
  expect(result.sheets.find((s) => s.sheet === '检查记录')!.columns.state).toBe(5);
  expect(result.hazards.map((h) => h.status)).toEqual(['ok']);
});

test.each<[string, CellValue[], CellValue[][], number]>([
  ['a 会议类型 column beside 会议名称', ['日期', '会议名称', '会议类型', '议题'], [[serial(2019, 1, 15), '第1次会议', '党委会', '安全生产工作'], [serial(2019, 2, 15), '第2次会议', '班子会', '安全生产工作']], 1],
  ['a 类别 column beside 会议名称', ['日期', '会议名称', '类别', '议题'], [[serial(2019, 1, 15), '第1次会议', '党委会', '安全生产工作']], 1],
  ['the type already in the name', ['日期', '会议名称', '会议类型', '议题'], [[serial(2019, 1, 15), '党委会第1次会议', '党委会', '安全生产工作']], 1],
  ['only a 会议类型 column', ['日期', '会议类型', '议题'], [[serial(2019, 1, 15), '党委会', '安全生产工作']], 1],
  // The type decides only a name that names no meeting, and only when it names one itself.
  ['a 类别 that is no meeting', ['日期', '会议名称', '类别', '议题'], [[serial(2019, 1, 15), '全镇干部大会', '党委', '安全生产形势通报']], 0],
  ['a named meeting keeps its name', ['日期', '会议名称', '类别', '议题'], [[serial(2019, 1, 15), '党委会', '非安全生产类', '研究安全生产']], 1],
])('meetings: %s', (_name, header, rows, partyCount) => {
  const result = check({ sheets: [seedSchedule(), logSheet(LOG), { name: '会议记录', values: [header, ...rows] }] });
  expect(result.problems.filter((p) => p.sheet === '会议记录')).toEqual([]);
  expect(result.meetings!.find((m) => m.kind === 'party-committee')!.count).toBe(partyCount);
});

test('a schedule row shows its leader’s combined status: quota still pending with the key site done is not green', () => {
  const result = check({ sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 5), leader: '鲁攀', site: '和平加油站' }])] }, '2019-08-10', '2019-08');
  const leader = result.leaders.find((l) => l.name === '鲁攀')!;
  expect([leader.status, leader.sites.map((s) => s.status)]).toEqual(['pending', ['ok']]);
  expect(colourOf(result, '带队检查安排表', 5)).toBeNull();
  // Once the quota is met the row is green, with the leader's message.
  const done = check({ sheets: [seedSchedule(), logSheet([{ date: serial(2019, 8, 5), leader: '鲁攀', site: '和平加油站' }, { date: serial(2019, 8, 8), leader: '鲁攀', site: '集镇' }])] }, '2019-08-10', '2019-08');
  expect(colourOf(done, '带队检查安排表', 5)).toBe('green');
  expect(done.rows.find((r) => r.sheet === '带队检查安排表' && r.row === 5)!.message).toBe(done.leaders.find((l) => l.name === '鲁攀')!.message);
});
