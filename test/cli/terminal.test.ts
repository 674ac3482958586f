/** The terminal summary: content, colour only where it shows, and no control characters from cells. */
import type { CheckResult, LeaderResult } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/core/defaults';
import { dayFromYmd } from '../../src/core/day';
import { clean, formatTerminalReport, useColour } from '../../src/cli/terminal';

const d = (m: number, day: number) => dayFromYmd(2019, m, day);

function leader(name: string, role: 'main' | 'member', required: number, total: number, onTime: number, status: LeaderResult['status'], sites: Array<[string, LeaderResult['status']]>): LeaderResult {
  return {
    name,
    raw: name,
    role,
    required,
    total,
    onTime,
    dates: [],
    status,
    sites: sites.map(([n, s]) => ({ name: n, status: s, dates: [], inspectedByOthers: [] })),
    ref: { sheet: '带队检查安排表', row: 3 },
    message: '',
  };
}

function result(): CheckResult {
  return {
    month: '2019-08',
    asOf: '2019-09-02',
    deadlineDay: 25,
    settings: { ...DEFAULT_SETTINGS },
    roleSource: 'inferred',
    township: '大栗港镇',
    sheets: [],
    ignoredSheets: [],
    columns: [],
    missingColumns: [],
    leaders: [
      leader('郭环球', 'main', 1, 2, 2, 'ok', [['刘家村', 'ok']]),
      leader('邓光明', 'member', 2, 2, 2, 'missing', [['大栗港加油站', 'ok'], ['环宇烟花批发', 'missing']]),
      leader('熊丹', 'main', 1, 1, 0, 'late', [['童子山村', 'late']]),
    ],
    hazards: [
      { ref: { sheet: '检查记录', row: 24 }, date: d(8, 9), leaders: ['秦尚'], site: '湘域矿业', hazard: '排洪设施淤堵', deadline: d(8, 30), doneDate: null, done: false, status: 'overdue', message: '排洪设施淤堵：整改期限8月30日，已逾期' },
      { ref: { sheet: '检查记录', row: 28 }, date: d(8, 16), leaders: ['高峻峰'], site: '青山府', hazard: '电动车', deadline: d(9, 5), doneDate: null, done: false, status: 'due-soon', message: '电动车违规充电：9月5日到期' },
      { ref: { sheet: '检查记录', row: 5 }, date: d(7, 5), leaders: ['鲁攀'], site: '', hazard: '灭火器', deadline: d(7, 12), doneDate: d(7, 10), done: true, status: 'ok', message: '' },
    ],
    meetings: [
      { kind: 'party-committee', year: 2019, count: 3, required: 4, status: 'pending', dates: [], message: '' },
      { kind: 'leadership', year: 2019, count: 1, required: 4, status: 'due-soon', dates: [], message: '' },
    ],
    reports: [
      { unit: '安监站', status: 'ok', submitted: d(1, 10), ref: null, message: '' },
      { unit: '国保所', status: 'late', submitted: d(2, 15), ref: null, message: '' },
      { unit: '重点办', status: 'missing', submitted: null, ref: null, message: '' },
    ],
    findings: [],
    rows: [
      { sheet: '带队检查安排表', row: 3, firstColumn: 1, lastColumn: 3, status: 'ok', colour: 'green', rule: 'monthly-quota', rules: ['monthly-quota'], message: '' },
      { sheet: '带队检查安排表', row: 7, firstColumn: 1, lastColumn: 3, status: 'missing', colour: 'red', rule: 'site-coverage', rules: ['site-coverage'], message: '' },
      { sheet: '检查记录', row: 24, firstColumn: 1, lastColumn: 9, status: 'overdue', colour: 'red', rule: 'hazard-rectification', rules: ['hazard-rectification'], message: '' },
      { sheet: '检查记录', row: 33, firstColumn: 1, lastColumn: 9, status: 'problem', colour: 'grey', rule: 'data-quality', rules: ['data-quality'], message: '' },
    ],
    problems: [{ code: 'bad-date', sheet: '检查记录', row: 33, column: 2, columnName: '检查日期', message: '日期无法识别' }],
    summary: { sheetName: '履职汇总 2019-08', title: '', infoLines: [], tables: [], chart: { categories: [], required: [], done: [] } },
  };
}

function report(colour: boolean, overrides: Partial<Parameters<typeof formatTerminalReport>[0]> = {}): string {
  return formatTerminalReport({
    result: result(),
    input: 'samples/大栗港镇-2019.xlsx',
    output: 'out/大栗港镇-2019-检查结果.xlsx',
    json: 'out/x.json',
    summaryReplaced: false,
    lostParts: [],
    colour,
    ...overrides,
  });
}

describe('useColour', () => {
  const cases: Array<[boolean, Record<string, string | undefined>, boolean]> = [
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [true, { NO_COLOR: '1', FORCE_COLOR: '1' }, true],
    [true, { TERM: 'dumb' }, false],
  ];
  test.each(cases)('isTTY %s, env %j → %s', (isTTY, env, expected) => {
    expect(useColour({ isTTY, env })).toBe(expected);
  });
});

describe('formatTerminalReport', () => {
  test('one line per leader with role, counts, status and missing sites', () => {
    const lines = report(false).split('\n');
    const deng = lines.find((l) => l.startsWith('  邓光明'))!;
    expect(deng).toMatch(/邓光明\s+班子成员\s+应检 2\s+实检 2\s+按时 2\s+重点场所 1\/2\s+未完成\s+未检：环宇烟花批发$/);
    const xiong = lines.find((l) => l.startsWith('  熊丹'))!;
    expect(xiong).toMatch(/熊丹\s+主要领导\s+应检 1\s+实检 1\s+按时 0\s+重点场所 1\/1\s+逾期完成\s+逾期检查：童子山村$/);
    expect(lines.find((l) => l.startsWith('  郭环球'))).toMatch(/合规$/);
  });

  test('counts per colour, hazards, meetings, reports, problems and where the output went', () => {
    const text = report(false);
    expect(text).toContain('行标色：红色 2 行 · 橙色 0 行 · 黄色 0 行 · 绿色 1 行 · 灰色 1 行（共 4 行）');
    expect(text).toContain('隐患整改：共 3 项，已逾期 1 项，临期 1 项，逾期完成 0 项');
    expect(text).toContain('检查记录 第 24 行：排洪设施淤堵：整改期限8月30日，已逾期');
    expect(text).toContain('检查记录 第 28 行：电动车违规充电：9月5日到期');
    expect(text).toContain('会议（2019年）：党委会 3/4 次 进行中；班子会 1/4 次 进度偏慢');
    expect(text).toContain('述职报告：未完成 1（重点办） · 逾期完成 1（国保所） · 合规 1');
    expect(text).toContain('数据问题：1 处');
    expect(text).toContain('推定主要领导：郭环球、熊丹');
    // The result has its chart now: no note about a missing one.
    expect(text).not.toContain('ExcelJS');
    expect(text).toContain('已写入结果工作簿：out/大栗港镇-2019-检查结果.xlsx');
    expect(text).toContain('已写入 JSON 报告：out/x.json');
  });

  test('no escape codes unless colour is on', () => {
    expect(report(false)).not.toContain('\x1b');
    const coloured = report(true);
    expect(coloured).toContain('\x1b[1;31m未完成\x1b[0m');
    expect(coloured).toContain('\x1b[32m');
  });

  test('lost parts are listed with where they were, in Chinese and English', () => {
    const text = report(false, {
      lostParts: [
        { kind: 'chart', sheet: '检查记录', count: 2, zh: '图表', en: 'charts' },
        { kind: 'definedName', sheet: null, count: 1, names: ['税率'], zh: '名称（名称管理器）', en: 'defined names' },
      ],
    });
    expect(text).toContain('注意：以下内容无法带入结果文件');
    expect(text).toContain('  - “检查记录”：图表 2 处 (charts)');
    expect(text).toContain('  - 整个工作簿：名称（名称管理器） 1 处：税率 (defined names)');
  });

  test('text from cells cannot drive the terminal', () => {
    const r = result();
    r.leaders[0].name = '郭\x1b[2J环球\u202e';
    r.hazards[0].message = '隐患\r\n\x07\x9b31m';
    const text = formatTerminalReport({ result: r, input: 'a\x1b]0;x\x07.xlsx', output: 'o.xlsx', json: null, summaryReplaced: true, lostParts: [], colour: false });
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(text).toContain('郭?[2J环球?');
    expect(text).toContain('已替换原有同名汇总表');
  });
});

describe('sheets the check did not read', () => {
  const TAIL = '（前10行中没有可识别的表头行；如其中有检查记录，请在表头行写明“检查日期”和“带队领导”）';
  const withIgnored = (ignoredSheets: string[], colour = false) => {
    const r = result();
    r.ignoredSheets = ignoredSheets;
    return formatTerminalReport({ result: r, input: 'a.xlsx', output: 'o.xlsx', json: null, summaryReplaced: false, lostParts: [], colour });
  };
  const months = Array.from({ length: 12 }, (_, i) => i + 1 + '月补录');
  const cases: Array<[string, string[], string | null]> = [
    ['none: no line', [], null],
    ['named, right after the data problems', ['8月补录', '说明'], '未读取的工作表：8月补录、说明' + TAIL],
    ['a long list cut as on the summary sheet', months, '未读取的工作表：1月补录、2月补录、3月补录…等12张' + TAIL],
  ];
  test.each(cases)('%s', (_name, ignored, expected) => {
    const lines = withIgnored(ignored).split('\n');
    const at = lines.findIndex((l) => l.startsWith('数据问题：'));
    expect(at).toBeGreaterThan(0);
    if (expected === null) {
      expect(lines.filter((l) => l.includes('未读取'))).toEqual([]);
      expect(lines[at + 1]).toBe('');
    } else {
      expect(lines[at + 1]).toBe(expected);
      expect(lines.filter((l) => l.includes('未读取'))).toHaveLength(1);
    }
  });

  test('the label is bold like the others when colour is on', () => {
    expect(withIgnored(['8月补录'], true)).toContain('\x1b[1m未读取的工作表\x1b[0m：8月补录（');
  });

  test('a sheet name cannot drive the terminal', () => {
    const text = withIgnored(['补录\x1b[2J\u202e']);
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(text).toContain('未读取的工作表：补录?[2J?（');
  });
});

test('clean keeps ordinary text, including full-width and emoji', () => {
  expect(clean('熊\u3000丹（党委书记）👍')).toBe('熊\u3000丹（党委书记）👍');
  expect(clean('a\nb')).toBe('a b');
});

test('a memory of an earlier run that no longer matches is said, in Chinese and English', () => {
  const text = formatTerminalReport({ result: result(), input: 'a.xlsx', output: 'o.xlsx', json: null, summaryReplaced: true, memoryIgnored: true, lostParts: [], colour: false });
  expect(text).toContain('上次检查的标色已被其他程序改动过格式');
  expect(text).toContain('could not be taken back');
  expect(formatTerminalReport({ result: result(), input: 'a.xlsx', output: 'o.xlsx', json: null, summaryReplaced: true, lostParts: [], colour: false })).not.toContain('上次检查的标色');
});
