/**
 * A corpus of bad workbooks, built in code. Each case is one small workbook described cell by
 * cell (so the core gets exactly the grid Excel's `range.values` would give) and written as a real
 * .xlsx package by the hand-made writer in test/cli/helpers/raw-xlsx.ts (so the command-line tool
 * reads a file no ExcelJS wrote). Each case says what must come out: a result whose data problems
 * are exactly the listed cells, or a clear input error.
 *
 * Every case is a small variation of one clean township (checked for August 2019 as of
 * 2019-09-02), so each case shows only its own bad input:
 *   安排表   title (merged A1:D1), header row 2, 王海 (党委书记, key site 东村) row 3,
 *            李明 (副镇长, key site 西站加油站) row 4
 *   检查记录 header row 1, 王海 8月5日 东村 row 2, 李明 8月6日 / 8月10日 西站加油站 rows 3–4
 * The clean township has no problems: 王海 ok (1 of 1), 李明 ok (2 of 2).
 */
import { dayFromYmd, excelSerialFromDay } from '../../src/core/day';
import type { CellValue, CheckResult, ProblemCode, SheetInput, WorkbookInput } from '../../src/core/types';
import { buildRawXlsx } from '../cli/helpers/raw-xlsx';
import { mergedArea } from '../helpers/grids';
import type { RawOptions, RawSheet, RawValue } from '../cli/helpers/raw-xlsx';

export const MONTH = '2019-08';
export const AS_OF = '2019-09-02';

/** The 1900-system serial of a date. */
export function serial(y: number, m: number, d: number): number {
  return excelSerialFromDay(dayFromYmd(y, m, d));
}

/** A date-formatted serial cell (Excel shows it as a date; `range.values` gives the number). */
export const date = (y: number, m: number, d: number): RawValue => ({ t: 'n', v: serial(y, m, d), date: true });

/** An expected data problem: sheet, 1-based row, 1-based column (0: the whole row), code. */
export type ExpectedProblem = [sheet: string, row: number, column: number, code: ProblemCode];

export type Expectation =
  | {
      kind: 'result';
      /** Exactly these problems, in any order. */
      problems: ExpectedProblem[];
      /** Further checks of the core's result (run on the core's and on the CLI's result). */
      check?: (result: CheckResult) => void;
      /** Names of the sheets the output workbook must hold, in tab order (default: input + summary). */
      outputSheets?: string[];
    }
  | { kind: 'error'; message: RegExp };

export interface CorpusCase {
  name: string;
  sheets: RawSheet[];
  options?: RawOptions;
  /** Builds the .xlsx file (default: the raw writer on `sheets`). */
  build?: () => Promise<Buffer>;
  expect: Expectation;
  /** What the command-line tool gives when it differs from the core (a file Excel itself could not make). */
  cli?: Expectation;
}

// ---------------------------------------------------------------------------------------------
// The clean township and ways to vary it.

export const SCHEDULE = '安排表';
export const LOG = '检查记录';
export const SCHEDULE_HEADER: RawValue[] = ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'];
export const LEADER_ROWS: RawValue[][] = [
  ['王海', '党委书记', '党政办', '全镇辖区内（重点检查负责东村）各行业安全生产工作'],
  ['李明', '副镇长', '安监站', '负责分管领域及“西站加油站”安全生产工作'],
];
export const LOG_HEADER: RawValue[] = ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期'];
export const LOG_ROWS: RawValue[][] = [
  [date(2019, 8, 5), '王海', '东村', '无'],
  [date(2019, 8, 6), '李明', '西站加油站', '无'],
  [date(2019, 8, 10), '李明', '西站加油站', '无'],
];

export function schedule(rows: RawValue[][] = LEADER_ROWS, extra: Partial<RawSheet> & { title?: string } = {}): RawSheet {
  const { title, ...rest } = extra;
  return {
    name: SCHEDULE,
    rows: [[title || '某某镇党政领导带队检查安排表'], SCHEDULE_HEADER, ...rows],
    merges: ['A1:D1'],
    cols: [{ min: 1, max: 1, width: 10 }, { min: 4, max: 4, width: 50 }],
    ...rest,
  };
}

export function logSheet(rows: RawValue[][] = LOG_ROWS, extra: Partial<RawSheet> = {}): RawSheet {
  return { name: LOG, rows: [LOG_HEADER, ...rows], cols: [{ min: 1, max: 1, width: 14 }], ...extra };
}

/** The clean log with row `i` (0-based; Excel row i + 2) changed in column `c` (0-based). */
function logWith(changes: Array<[number, number, RawValue]>): RawValue[][] {
  const rows = LOG_ROWS.map((r) => r.slice());
  for (const [i, c, v] of changes) {
    while (rows.length <= i) rows.push([]);
    rows[i][c] = v;
  }
  return rows;
}

const leader = (result: CheckResult, name: string) => {
  const l = result.leaders.find((x) => x.name === name);
  if (!l) throw new Error('no leader ' + name + ' in ' + result.leaders.map((x) => x.name).join(','));
  return l;
};

/** The leaders as `name role total/required status`, sorted. */
export function leaderLine(result: CheckResult): string[] {
  return result.leaders.map((l) => l.name + ' ' + l.role + ' ' + l.total + '/' + l.required + ' ' + l.status).sort();
}

function expectLeaders(...lines: string[]) {
  return (result: CheckResult) => {
    const got = leaderLine(result);
    const want = lines.slice().sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error('leaders: got ' + JSON.stringify(got) + ', want ' + JSON.stringify(want));
  };
}

const CLEAN = ['王海 main 1/1 ok', '李明 member 2/2 ok'];

function colourOf(result: CheckResult, sheet: string, row: number): string | null {
  const r = result.rows.find((x) => x.sheet === sheet && x.row === row);
  return r ? r.colour : null;
}

function all(...checks: Array<(r: CheckResult) => void>) {
  return (r: CheckResult) => checks.forEach((c) => c(r));
}

function assert(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

/** The text `=cmd|' /C calc'!A0` and friends: must stay text everywhere we write. */
export const HOSTILE = ["=cmd|' /C calc'!A0", '=1+1', '+1', '-1', '@SUM(A1)', '=HYPERLINK("http://x","y")'];

const LONG = '隐'.repeat(32767);
const LONG_NAME = '王'.repeat(32767);

// ---------------------------------------------------------------------------------------------
// The cases.

export const CORPUS: CorpusCase[] = [
  {
    name: 'the clean township (control)',
    sheets: [schedule(), logSheet()],
    expect: { kind: 'result', problems: [], check: expectLeaders(...CLEAN) },
  },
  {
    name: 'empty workbook: one blank sheet',
    sheets: [{ name: 'Sheet1', rows: [] }],
    expect: { kind: 'error', message: /工作簿是空的/ },
  },
  {
    name: 'empty workbook: several blank sheets, one hidden',
    sheets: [{ name: 'Sheet1', rows: [] }, { name: 'Sheet2', rows: [[null]] }, { name: 'Sheet3', rows: [], state: 'hidden' }],
    expect: { kind: 'error', message: /工作簿是空的/ },
  },
  {
    name: 'sheets with headers and no rows',
    sheets: [schedule([]), logSheet([])],
    expect: { kind: 'result', problems: [[SCHEDULE, 2, 1, 'other']], check: (r) => assert(r.leaders.length === 0, 'no leaders') },
  },
  {
    name: 'log with a header and no rows',
    sheets: [schedule(), logSheet([])],
    expect: { kind: 'result', problems: [], check: expectLeaders('王海 main 0/1 missing', '李明 member 0/2 missing') },
  },
  {
    name: 'only a schedule: the error names the log it looked for',
    sheets: [schedule()],
    expect: { kind: 'error', message: /检查记录|检查日期/ },
  },
  {
    name: 'the log header in row 10 (the last row searched) is found',
    sheets: [schedule(), logSheet(LOG_ROWS, { firstRow: 10 })],
    expect: { kind: 'result', problems: [], check: expectLeaders(...CLEAN) },
  },
  {
    name: 'the log header in row 11 is not looked for: a clear error',
    sheets: [schedule(), logSheet(LOG_ROWS, { firstRow: 11 })],
    expect: { kind: 'error', message: /检查日期|前10行|10/ },
  },
  {
    name: 'the schedule header in row 25 below a long title block',
    sheets: [{ ...schedule(), rows: [['标题'], ...Array.from({ length: 23 }, (_, i) => ['说明第' + (i + 1) + '行']), SCHEDULE_HEADER, ...LEADER_ROWS], merges: [] }, logSheet()],
    expect: { kind: 'error', message: /安排表|带队领导/ },
  },
  {
    name: 'duplicated header columns: two date columns and two leader columns',
    sheets: [
      schedule(),
      {
        name: LOG,
        rows: [
          ['检查日期', '带队领导', '检查地点', '检查日期', '带队领导', '发现隐患'],
          [date(2019, 8, 5), '王海', '东村', 'abc', '不认识', '无'],
          [date(2019, 8, 6), '李明', '西站加油站', null, null, '无'],
          [date(2019, 8, 10), '李明', '西站加油站', null, null, '无'],
        ],
      },
    ],
    // Each column serves one field: the first of each is read, the copies are left alone.
    expect: { kind: 'result', problems: [], check: expectLeaders(...CLEAN) },
  },
  {
    name: 'merged cells across data rows (schedule leader and log date)',
    sheets: [
      schedule([LEADER_ROWS[0], LEADER_ROWS[1], [null, null, '经济发展办', '及“南站加油站”安全生产工作']], {
        merges: ['A1:D1', 'A4:A5', 'B4:B5'],
      }),
      logSheet(
        [
          [date(2019, 8, 5), '王海', '东村', '无'],
          [date(2019, 8, 6), '李明', '西站加油站', '无'],
          [null, null, '南站加油站', '无'],
          [date(2019, 8, 10), '李明', '西站加油站', '无'],
        ],
        { merges: ['A3:A4', 'B3:B4'] },
      ),
    ],
    // Excel gives '' for the lower half of a merged date and leader; the merge says they belong to
    // that record too, and the schedule's merged leader cell gives 李明 both rows' sites.
    expect: {
      kind: 'result',
      problems: [],
      check: all(expectLeaders('王海 main 1/1 ok', '李明 member 2/2 ok'), (r) => {
        const li = leader(r, '李明');
        assert(li.sites.map((s) => s.name).join(',') === '西站加油站,南站加油站', 'merged schedule row adds its site: ' + li.sites.map((s) => s.name));
        assert(li.sites.every((s) => s.status === 'ok'), 'the record under the merged date covers 南站加油站');
        assert(colourOf(r, LOG, 4) === 'green', 'the record under the merged date is on time');
      }),
    },
  },
  {
    name: 'a sheet 16,384 columns wide (a note in XFD of a log row; a sheet from A1 to XFD1)',
    sheets: [
      schedule(),
      logSheet(logWith([[1, 16383, '备注在最后一列']])),
      { name: '备注', rows: [Object.assign(new Array<RawValue>(16384).fill(null), { 0: '开始', 16383: '结束' })] },
    ],
    expect: { kind: 'result', problems: [], check: expectLeaders(...CLEAN) },
  },
  {
    name: 'a log whose header row reaches column XFD (colouring spans the width)',
    sheets: [schedule(), logSheet(LOG_ROWS.concat([['abc', '王海', '东村', '无']]), { rows: [Object.assign(LOG_HEADER.concat(new Array<RawValue>(16384 - LOG_HEADER.length).fill(null)), { 16383: '备注' }), ...LOG_ROWS, ['abc', '王海', '东村', '无']] })],
    expect: {
      kind: 'result',
      problems: [[LOG, 5, 1, 'bad-date']],
      check: (r) => {
        const row = r.rows.find((x) => x.sheet === LOG && x.row === 5)!;
        assert(row && row.colour === 'grey' && row.lastColumn === 16384, 'grey row across the header width: ' + JSON.stringify(row));
      },
    },
  },
  {
    name: 'formula cells and error values in date and name columns',
    sheets: [
      schedule([LEADER_ROWS[0], LEADER_ROWS[1], [{ t: 'e', v: '#N/A' }, '副镇长', '国土所', '负责“南山矿业”'], [{ t: 'f', f: 'VLOOKUP(1,Z1:Z2,2,0)', v: '#REF!', type: 'e' }, '副镇长']]),
      logSheet([
        [{ t: 'f', f: 'DATE(2019,8,5)', v: serial(2019, 8, 5), date: true }, { t: 'f', f: '"王"&"海"', v: '王海', type: 'str' }, '东村', '无'],
        [{ t: 'e', v: '#N/A' }, '李明', '西站加油站', '无'],
        [{ t: 'f', f: 'DATE(2019,8,40)+#REF!', v: '#REF!', type: 'e' }, '李明', '西站加油站', '无'],
        [{ t: 'f', f: 'A2+"x"', v: '#VALUE!', type: 'e', date: true }, '李明', '西站加油站', '无'],
        [date(2019, 8, 6), { t: 'e', v: '#N/A' }, '西站加油站', '无'],
        [date(2019, 8, 7), { t: 'f', f: 'B99', v: '#REF!', type: 'e' }, '西站加油站', '无'],
        [date(2019, 8, 8), { t: 'e', v: '#VALUE!' }, '西站加油站', '无'],
        [{ t: 'f', f: 'TODAY()' }, '李明', '西站加油站', '无'], // never calculated: no cached value
        [{ t: 'f', f: 'DATE(2019,8,10)', v: serial(2019, 8, 10), date: true }, '李明', '西站加油站', { t: 'e', v: '#DIV/0!' }],
        [date(2019, 8, 12), '李明', { t: 'e', v: '#NAME?' }, '无'],
      ]),
    ],
    expect: {
      kind: 'result',
      problems: [
        [SCHEDULE, 5, 1, 'error-value'],
        [SCHEDULE, 6, 1, 'error-value'],
        [LOG, 3, 1, 'error-value'],
        [LOG, 4, 1, 'error-value'],
        [LOG, 5, 1, 'error-value'],
        [LOG, 6, 2, 'error-value'],
        [LOG, 7, 2, 'error-value'],
        [LOG, 8, 2, 'error-value'],
        [LOG, 9, 1, 'empty-date'],
        [LOG, 10, 4, 'error-value'],
        [LOG, 11, 3, 'error-value'],
      ],
      // The formulas' cached values count: 王海 on 8月5日; 李明 on 8月10日 and 8月12日.
      check: expectLeaders('王海 main 1/1 ok', '李明 member 2/2 ok'),
    },
  },
  {
    name: 'every broken date form',
    sheets: [
      schedule(),
      logSheet([
        ...LOG_ROWS,
        ['2019-02-30', '李明', '西站加油站', '无'],
        ['2019/13/1', '李明', '西站加油站', '无'],
        ['8月32日', '李明', '西站加油站', '无'],
        ['十月五日', '李明', '西站加油站', '无'],
        ['abc', '李明', '西站加油站', '无'],
        [-5, '李明', '西站加油站', '无'],
        [{ t: 'n', v: -1, date: true }, '李明', '西站加油站', '无'],
        [3000000, '李明', '西站加油站', '无'],
        [1e300, '李明', '西站加油站', '无'],
        [0.5, '李明', '西站加油站', '无'],
        [true, '李明', '西站加油站', '无'],
        [false, '李明', '西站加油站', '无'],
        ['2019年8月', '李明', '西站加油站', '无'],
        ['2019-8-3-4', '李明', '西站加油站', '无'],
        ['0000-00-00', '李明', '西站加油站', '无'],
        ['20190231', '李明', '西站加油站', '无'],
        [20190231, '李明', '西站加油站', '无'],
        ['2019-09-30', '李明', '西站加油站', '无'], // after the as-of date
        ['\u3000', '李明', '西站加油站', '无'], // white space only: empty
      ]),
    ],
    expect: {
      kind: 'result',
      problems: [
        ...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((row): ExpectedProblem => [LOG, row, 1, 'bad-date']),
        [LOG, 22, 1, 'future-date'],
        [LOG, 23, 1, 'empty-date'],
      ],
      check: all(expectLeaders(...CLEAN), (r) => {
        for (let row = 5; row <= 23; row++) assert(colourOf(r, LOG, row) === 'grey', 'row ' + row + ' grey');
      }),
    },
  },
  {
    name: 'the 1904 date system',
    sheets: [
      schedule(),
      logSheet([
        [{ t: 'n', v: serial(2019, 8, 5) - 1462, date: true }, '王海', '东村', '无'],
        [{ t: 'n', v: serial(2019, 8, 6) - 1462, date: true }, '李明', '西站加油站', '无'],
        [{ t: 'n', v: serial(2019, 8, 27) - 1462, date: true }, '李明', '西站加油站', '无'],
        ['2019-08-28', '李明', '西站加油站', '有隐患', { t: 'n', v: serial(2019, 8, 30) - 1462, date: true }],
      ]),
    ],
    options: { date1904: true },
    expect: {
      kind: 'result',
      problems: [],
      check: all(expectLeaders('王海 main 1/1 ok', '李明 member 3/2 late'), (r) => {
        assert(r.leaders.find((l) => l.name === '李明')!.dates.length === 3, 'three dates');
        const h = r.hazards[0];
        assert(h && h.deadline === dayFromYmd(2019, 8, 30) && h.status === 'overdue', 'deadline read in 1904: ' + JSON.stringify(h));
      }),
    },
  },
  {
    name: 'names with zero-width, full-width and emoji characters',
    sheets: [
      schedule([...LEADER_ROWS, ['Ｌｉｓａ\u200B', '副镇长', '团委', '负责“青山府”'], ['张😀', '副镇长', '团委', '负责“😀村”']]),
      logSheet([
        [date(2019, 8, 5), '\uFEFF王\u200B海\u200D', '东村', '无'],
        [date(2019, 8, 6), '李\u3000明\u00A0', '西站加油站', '无'],
        [date(2019, 8, 10), '李明同志', '西站加油站', '无'],
        [date(2019, 8, 11), 'Lisa', '青山府', '无'],
        [date(2019, 8, 12), 'ｌｉｓａ', '青山府', '无'], // full-width lower case: a different name
        [date(2019, 8, 12), '张😀', '😀村', '无'],
        [date(2019, 8, 13), '张😀、Lisa', '😀村', '无'],
        [date(2019, 8, 14), '王海🙂', '东村', '无'],
        [date(2019, 8, 15), '\u202E海王', '东村', '无'], // right-to-left override
      ]),
    ],
    expect: {
      kind: 'result',
      problems: [
        [LOG, 6, 2, 'unknown-leader'],
        [LOG, 9, 2, 'unknown-leader'],
        [LOG, 10, 2, 'unknown-leader'],
      ],
      check: expectLeaders('王海 main 1/1 ok', '李明 member 2/2 ok', 'Lisa member 2/2 ok', '张😀 member 2/2 ok'),
    },
  },
  {
    name: 'control characters (Excel writes them as _x0007_) in the title, names, sites and hazards',
    sheets: [
      schedule([...LEADER_ROWS, ['张_x0007_三', '副镇长', '部门_x001B_', '负责“场所_x0000_甲”']], { title: '某某_x0001_镇安排表' }),
      logSheet([
        ...LOG_ROWS,
        [date(2019, 8, 12), '张_x0007_三', '场所_x0000_甲', '隐患_x0008_', '2019-08-20'],
        ['8月13日_x0002_', '张_x0007_三', '场所_x0000_甲', '无'],
      ]),
      // Text that only looks like an escape: Excel stores `_x0041_` typed by a clerk as `_x005F_x0041_`.
      { name: '备注', rows: [['_x005F_x0041_ 原样', { t: 'rich', runs: ['响铃', '_x0007_', '_x005F_x0042_'] }, '删除_x007F_', '_xFFFF_']] },
    ],
    expect: {
      kind: 'result',
      problems: [[LOG, 6, 1, 'bad-date']],
      check: all(expectLeaders(...CLEAN, '张\u0007三 member 1/2 missing'), (r) => {
        assert(r.hazards.length === 1 && r.hazards[0].hazard === '隐患\u0008' && r.hazards[0].status === 'overdue', 'hazard with a control character');
      }),
    },
  },
  {
    name: 'cell text of 32,767 characters (the Excel maximum) in every column',
    sheets: [
      schedule([...LEADER_ROWS, [LONG_NAME, '副镇长', LONG, '“' + LONG.slice(2) + '”']]),
      logSheet([
        ...LOG_ROWS,
        [date(2019, 8, 20), '李明', LONG, LONG, '2019-08-25'],
        [LONG, '李明', '西站加油站', '无'],
        [date(2019, 8, 21), LONG_NAME, '西站加油站', '无'],
      ]),
    ],
    expect: {
      kind: 'result',
      problems: [
        [SCHEDULE, 5, 1, 'other'],
        [LOG, 6, 1, 'bad-date'],
        [LOG, 7, 2, 'unknown-leader'],
      ],
      check: all(expectLeaders('王海 main 1/1 ok', '李明 member 3/2 ok'), (r) => {
        for (const p of r.problems) assert(p.message.length < 300, 'messages quote long cells briefly: ' + p.message.length);
        assert(r.hazards.length === 1 && r.hazards[0].status === 'overdue', 'the long hazard is read');
      }),
    },
  },
  {
    name: 'hidden and very-hidden sheets are read and stay hidden',
    sheets: [schedule(LEADER_ROWS, { state: 'veryHidden' }), logSheet(logWith([[3, 0, 'abc'], [3, 1, '王海']]), { state: 'hidden' }), { name: '封面', rows: [['封面']] }],
    expect: { kind: 'result', problems: [[LOG, 5, 1, 'bad-date']], check: expectLeaders(...CLEAN) },
  },
  {
    name: "sheet names with quotes and brackets Excel allows: 检查'记录, 【安排】, （记录）, \"记录\"",
    sheets: [
      { ...schedule(), name: '【安排】' },
      { ...logSheet(logWith([[3, 0, 'abc'], [3, 1, '王海']])), name: "检查'记录" },
      { ...logSheet([[date(2019, 8, 7), '王海', '东村', '有隐患', '2019-08-20']]), name: '（记录）' },
      { name: '"记录"', rows: [['备注', '"引号"']] },
    ],
    expect: {
      kind: 'result',
      problems: [["检查'记录", 5, 1, 'bad-date']],
      check: all(expectLeaders('王海 main 2/1 ok', '李明 member 2/2 ok'), (r) => {
        assert(r.hazards.length === 1 && r.hazards[0].ref.sheet === '（记录）' && r.hazards[0].status === 'overdue', 'hazard on （记录）');
        assert(colourOf(r, "检查'记录", 5) === 'grey', "grey row on 检查'记录");
      }),
    },
  },
  {
    name: "sheets named [记录] and 记录' (names Excel refuses but other programs write)",
    sheets: [schedule(), { ...logSheet(), name: '[记录]' }, { name: "记录'", rows: [['备注']] }],
    // The core reads it (the add-in never meets one: Excel cannot hold it) …
    expect: { kind: 'result', problems: [], check: expectLeaders(...CLEAN) },
    // … the file reader cannot: a clear error that names the sheet and says what to do.
    cli: { kind: 'error', message: /工作表名“\[记录\]”.*重命名/ },
  },
  {
    name: 'an older summary sheet (2019-07) is kept, one for the same month is replaced, neither is read',
    sheets: [
      schedule(),
      logSheet(),
      { name: '履职汇总 2019-07', rows: [['带队领导', '检查日期'], ['不认识', 'abc']] },
      { name: '履职汇总 2019-08', rows: [['检查日期', '带队领导'], ['abc', '陌生人'], ['旧内容']] },
    ],
    expect: {
      kind: 'result',
      problems: [],
      check: expectLeaders(...CLEAN),
      outputSheets: [SCHEDULE, LOG, '履职汇总 2019-07', '履职汇总 2019-08'],
    },
  },
  {
    name: 'a settings sheet with unreadable values',
    sheets: [
      schedule(),
      logSheet(),
      { name: '规则设置', rows: [['项目', '值'], ['每月截止日', 'abc'], ['其他成员每月次数', -3], ['临期提醒天数', { t: 'e', v: '#N/A' }], ['别名', '郭书记'], ['主要领导', '不认识']] },
    ],
    expect: {
      kind: 'result',
      problems: [
        ['规则设置', 2, 2, 'bad-setting'],
        ['规则设置', 3, 2, 'bad-setting'],
        ['规则设置', 4, 2, 'bad-setting'],
        ['规则设置', 5, 2, 'bad-setting'],
        ['规则设置', 6, 2, 'bad-setting'],
      ],
      check: expectLeaders(...CLEAN),
    },
  },
  {
    name: 'hostile text everywhere: leader names, sites, hazards, titles, sheet names, settings',
    sheets: [
      schedule(
        [
          ...LEADER_ROWS,
          ['=1+1', '副镇长', "=cmd|' /C calc'!A0", '负责“@SUM(A1)”和“=HYPERLINK("http://x","y")”'],
          ['+1', '副镇长', '-1', '负责“+86”'],
          ['@SUM(A1)', '副镇长'],
        ],
        { title: "=cmd|' /C calc'!A0某某镇安排表" },
      ),
      logSheet([
        ...LOG_ROWS,
        [date(2019, 8, 12), '=1+1', '@SUM(A1)', "=cmd|' /C calc'!A0", '2019-08-20'],
        [date(2019, 8, 13), '+1', '+86', '-1', '立即整改'],
        ["=cmd|' /C calc'!A0", '李明', '西站加油站', '无'],
        [date(2019, 8, 14), '-2', '=HYPERLINK("http://x","y")', '@x'],
      ]),
      { name: '=1+1', rows: [['=SUM(A1:A2)', "=cmd|' /C calc'!A0"]] },
      { name: '规则设置', rows: [['项目', '值'], ['别名', '@郭书记==1+1'], ['主要领导', "=cmd|' /C calc'!A0"], ['每月截止日', '=25']] },
    ],
    expect: {
      kind: 'result',
      problems: [
        [LOG, 7, 1, 'bad-date'],
        [LOG, 8, 2, 'unknown-leader'],
        // =1+1 and +1 hold no letter: no one's name (不像人名), so the log rows naming them count for no one.
        [SCHEDULE, 5, 1, 'other'],
        [SCHEDULE, 6, 1, 'other'],
        [LOG, 5, 2, 'unknown-leader'],
        [LOG, 6, 2, 'unknown-leader'],
        ['规则设置', 2, 2, 'bad-setting'],
        ['规则设置', 3, 2, 'bad-setting'],
        ['规则设置', 4, 2, 'bad-setting'],
      ],
      check: (r) => {
        const names = r.leaders.map((l) => l.name);
        assert(names.indexOf('@SUM') >= 0, 'leader @SUM read as text: ' + names);
        for (const n of ['=1', '1']) assert(names.indexOf(n) < 0, n + ' is no leader: ' + names);
      },
    },
  },
];

// ---------------------------------------------------------------------------------------------
// The core's input: the grid Excel's range.values gives for the same cells.

/** One raw cell as `range.values` shows it: numbers (dates too) as numbers, errors as text, formulas as their cached value. */
export function rawToCell(value: RawValue): CellValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeX(value);
  if (typeof value !== 'object') return value;
  switch (value.t) {
    case 's':
    case 'inline':
      return unescapeX(value.v);
    case 'n':
    case 'b':
    case 'e':
      return value.v;
    case 'rich':
      return unescapeX(value.runs.join(''));
    case 'f':
      return value.v === undefined ? '' : value.type === 'b' ? value.v === 1 || value.v === '1' : value.v;
  }
}

/** Excel stores characters XML cannot hold as `_xHHHH_`; Excel shows the character. */
function unescapeX(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The workbook input the core gets for a case (as the Excel add-in would hand it over). */
export function gridOf(c: CorpusCase): WorkbookInput {
  const sheets: SheetInput[] = c.sheets.map((s) => ({
    name: s.name,
    values: s.rows.map((row) => row.map(rawToCell)),
    firstRow: s.firstRow || 1,
    firstColumn: 1,
    visibility: s.state || 'visible',
    // ExcelApi 1.13 hands over the merged areas; the CLI reads them from the file.
    merges: (s.merges || []).map(mergedArea),
  }));
  return { sheets, date1904: Boolean(c.options && c.options.date1904) };
}

/** The .xlsx bytes of a case. */
export function buildCase(c: CorpusCase): Promise<Buffer> {
  return c.build ? c.build() : buildRawXlsx(c.sheets, c.options);
}
