/**
 * Fuzzing with fast-check: random cell values (any unicode, white space and control characters,
 * NaN/±Infinity/huge/negative numbers, booleans, invalid dates, error texts, formula-like text)
 * through every cleaning function, and random grids through checkWorkbook. Nothing throws, and
 * every data problem names its cell (a sheet of the input, a row ≥ 1 inside the sheet, a column
 * ≥ 1 inside the sheet, 0 only for a whole-row problem) and a reason.
 *
 * The seed is fixed (FUZZ_SEED overrides it); on failure fast-check prints the seed and the path
 * of the shrunk case, so `FUZZ_SEED=<seed> npx jest test/robustness/fuzz.test.ts` replays it.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core';
import { parseDateCell, parseDateText, relativeDeadlineDays, smallNumber } from '../../src/core/clean/dates';
import { isDoneState, isImmediateDeadline, isNoHazard } from '../../src/core/clean/hazards';
import { cleanName, resolveLeader, splitLeaders, splitNames } from '../../src/core/clean/names';
import { isMainRole, isMainTitle, isWholeTownshipScope, splitTitles } from '../../src/core/clean/roles';
import { extractSites, siteCovers } from '../../src/core/clean/sites';
import { cellText, cleanKey, isBlank, isErrorValue, nfkc, quoteCell, splitList, stripBracketed, stripSpaces, trimAll } from '../../src/core/clean/text';
import { splitUnits } from '../../src/core/clean/units';
import { deadlineDayFromText, detectHeader, matchHeaderRow, townshipFromTitle } from '../../src/core/parse/header';
import { readCount, readMonthDay, readSettings } from '../../src/core/parse/settings';
import type { CellValue, CheckOutcome, SheetInput, WorkbookInput } from '../../src/core/types';

const SEED = process.env.FUZZ_SEED !== undefined && process.env.FUZZ_SEED !== '' ? Number(process.env.FUZZ_SEED) : 20190802;
/** Runs per property; FUZZ_RUNS_SCALE multiplies them for a longer session. */
const SCALE = Number(process.env.FUZZ_RUNS_SCALE || 1);
export const RUNS = { cleaning: 2000 * SCALE, grids: 500 * SCALE, township: 300 * SCALE };
const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

// ---------------------------------------------------------------------------------------------
// Cell values.

const NASTY_STRINGS = [
  '', ' ', '\u3000', '\u00A0', '\u200B', '\uFEFF', '\t', '\r\n', '\n\n', '\u0000', '\u0007', '\u001B[31m', '\u202E', '\uD800', '\uDFFF',
  '😀', '👨‍👩‍👧', 'Ｌｉｓａ', '１２', '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', "=cmd|' /C calc'!A0", '=1+1', '+1', '-1', '@SUM(A1)',
  '2019-02-30', '2019/13/1', '8月32日', '十月五日', 'abc', '2019年8月3日', '8/3', '20190803', '2019-08-03 14:30', '立即整改', '已整改', '无',
  '王海', '熊  丹', '郭书记', '李明、赵刚', '李明 赵刚', '李明同志', '“东村”', '（重点检查负责刘家村）', '全镇辖区', '党委书记', '副镇长', '党委副书记、镇长',
  '检查日期', '带队领导', '检查范围（每月20日以前完成）', '会议名称', '提交日期', '单位', '项目', '值', '每月截止日', '别名', '郭书记=郭环球', '主要领导',
  '履职汇总 2019-08', '[x]', "'", '"', '<script>alert(1)</script>', '&amp;', '\\', '/', '、、、', '（（（', '）', '”“',
];

export const anyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.tuple(fc.array(fc.constantFrom(...NASTY_STRINGS), { maxLength: 4 }), fc.constantFrom('', ' ', '、', '\n')).map(([parts, sep]) => parts.join(sep)),
  fc.constantFrom('a', '王', ' ').chain((c) => fc.integer({ min: 0, max: 40000 }).map((n) => c.repeat(n))),
);

export const anyNumber = fc.oneof(
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 0.5, 60, 61, 1462, 2958465, 2958466, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 20190230, 20190803, 19000101, 99991231),
  fc.integer({ min: -1e7, max: 1e8 }),
  fc.integer({ min: 43000, max: 44000 }),
);

export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 3, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>('', null, undefined) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false, min: new Date(-8.64e15), max: new Date(8.64e15) }) },
);

// ---------------------------------------------------------------------------------------------
// The cleaning functions never throw and return what they promise.

const KNOWN = new Set(['王海', '李明', '赵刚', '熊丹', '郭环球', 'Lisa']);
const ALIASES = { 郭书记: '郭环球' };

describe('cleaning functions never throw', () => {
  test('on any cell value', () => {
    fc.assert(
      fc.property(anyCell, fc.integer({ min: 1900, max: 9999 }), fc.boolean(), (value, year, date1904) => {
        const d = parseDateCell(value, { date1904, defaultYear: year });
        if (d !== null) {
          if (d.ok) expect(Number.isInteger(d.day)).toBe(true);
          else expect(d.reason.length).toBeGreaterThan(0);
        }
        expect(typeof cellText(value)).toBe('string');
        const q = quoteCell(value);
        expect(q.length).toBeLessThanOrEqual(51);
        isErrorValue(value);
        isBlank(value);
        readCount(value);
        readMonthDay(value);
      }),
      params(RUNS.cleaning),
    );
  });

  test('on any text', () => {
    fc.assert(
      fc.property(anyString, anyString, fc.integer({ min: 1900, max: 9999 }), (text, other, year) => {
        const d = parseDateText(text, year);
        if (d !== null && d.ok) expect(Number.isInteger(d.day)).toBe(true);
        smallNumber(text);
        relativeDeadlineDays(text);
        isNoHazard(text);
        isDoneState(text);
        isImmediateDeadline(text);
        expect(typeof cleanName(text)).toBe('string');
        resolveLeader(text, KNOWN, ALIASES);
        const split = splitLeaders(text, KNOWN, ALIASES);
        for (const n of split.leaders) expect(KNOWN.has(n)).toBe(true);
        for (const n of splitNames(text)) expect(n.length).toBeGreaterThan(0);
        isMainTitle(text);
        isMainRole(splitTitles(text));
        isWholeTownshipScope(text);
        for (const s of extractSites(text)) expect(s.length).toBeGreaterThan(0);
        siteCovers(text, other);
        splitUnits(text);
        splitList(text);
        nfkc(text);
        stripSpaces(text);
        trimAll(text);
        cleanKey(text);
        stripBracketed(text);
        deadlineDayFromText(text);
        townshipFromTitle(text);
      }),
      params(RUNS.cleaning),
    );
  });

  test('header detection and settings on any rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 12 }), fc.integer({ min: -3, max: 20 }), (values, firstRow) => {
        const sheet: SheetInput = { name: '规则设置', values, firstRow };
        matchHeaderRow(values[0]);
        detectHeader(sheet);
        const read = readSettings([sheet], KNOWN);
        for (const p of read.problems) {
          expect(p.sheet).toBe('规则设置');
          expect(p.row).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
      params(RUNS.cleaning / 4),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// checkWorkbook on random grids.

/** Every problem and coloured row of a result points into the input. */
function expectCellsNamed(input: WorkbookInput, outcome: CheckOutcome): void {
  if (!outcome.ok) {
    expect(typeof outcome.error.message).toBe('string');
    expect(outcome.error.message.length).toBeGreaterThan(0);
    return;
  }
  const bounds = new Map<string, { first: number; last: number; firstColumn: number; lastColumn: number }>();
  for (const s of input.sheets) {
    const first = s.firstRow && s.firstRow >= 1 ? Math.floor(s.firstRow) : 1;
    const firstColumn = s.firstColumn && s.firstColumn >= 1 ? Math.floor(s.firstColumn) : 1;
    const width = s.values.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
    if (!bounds.has(s.name)) bounds.set(s.name, { first, last: first + s.values.length - 1, firstColumn, lastColumn: firstColumn + width - 1 });
  }
  for (const p of outcome.result.problems) {
    const b = bounds.get(p.sheet);
    expect(b).toBeDefined();
    expect(Number.isInteger(p.row) && p.row >= b!.first && p.row <= b!.last).toBe(true);
    if (p.code === 'duplicate-row') expect(p.column).toBe(0);
    else expect(Number.isInteger(p.column) && p.column >= b!.firstColumn && p.column <= b!.lastColumn).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
  }
  for (const r of outcome.result.rows) {
    const b = bounds.get(r.sheet)!;
    expect(b).toBeDefined();
    expect(r.row >= b.first && r.row <= b.last).toBe(true);
  }
  JSON.stringify(outcome.result);
}

const SHEET_NAMES = ['安排表', '检查记录', '会议记录', '述职报告', '规则设置', 'Sheet1', '履职汇总 2019-07', "检查'记录", '[记录]', '😀', ''];
const HEADERS = [
  '带队领导', '职务', '牵头部门', '检查范围（每月20日以前完成）', '检查日期', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况',
  '会议名称', '议题', '主持人', '单位', '提交日期', '负责人', '年度', '项目', '值', '日期', '领导', '姓名',
];

const KIND_HEADERS: CellValue[][] = [
  ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'],
  ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'],
  ['会议日期', '会议名称', '议题'],
  ['单位', '提交日期'],
  ['项目', '值'],
];

/** A sheet: maybe title rows, maybe a header of random known words, then random rows. */
const anySheet: fc.Arbitrary<SheetInput> = fc.record({
  name: fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ maxLength: 8 })),
  titleRows: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 11 }) }),
  header: fc.oneof(
    { weight: 2, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HEADERS) }, { weight: 1, arbitrary: anyCell }), { maxLength: 8 }) },
    // Whole headers of each kind, so that most workbooks get past "no schedule / no log".
    { weight: 3, arbitrary: fc.constantFrom<CellValue[]>(...KIND_HEADERS) },
  ),
  rows: fc.array(
    fc.array(fc.oneof({ weight: 3, arbitrary: anyCell }, { weight: 2, arbitrary: fc.constantFrom<CellValue>('王海', '李明', '郭书记', '李明、王海', 43690, '2019-08-05', '8月6日', '无', '有隐患', '已整改', '立即整改') }), { maxLength: 9 }),
    { maxLength: 12 },
  ),
  firstRow: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 12 }) }),
  firstColumn: fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 16384 })),
  visibility: fc.constantFrom<SheetInput['visibility']>('visible', 'hidden', 'veryHidden', undefined),
}).map((s) => ({
  name: s.name,
  values: [...Array.from({ length: s.titleRows }, () => ['标题']), s.header, ...s.rows] as CellValue[][],
  firstRow: s.firstRow,
  firstColumn: s.firstColumn,
  visibility: s.visibility,
}));

const anyDay = fc.integer({ min: 1, max: 28 }).map((d) => '2019-' + ['07', '08', '09'][d % 3] + '-' + String(d).padStart(2, '0'));

describe('checkWorkbook never throws and names every problem cell', () => {
  test('on random grids of random sheets', () => {
    fc.assert(
      fc.property(
        fc.array(anySheet, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 1, 2, 2, 2), // 2: a schedule and a log among the sheets, most of the time
        fc.boolean(),
        anyDay,
        fc.constantFrom('own', 'own', 'own', '2019-07', '2019-08', ''),
        (random, core, date1904, asOf, monthChoice) => {
          const month = monthChoice === 'own' ? asOf.slice(0, 7) : monthChoice;
          const drawn = random.slice();
          if (core >= 1) drawn.unshift({ ...random[0], name: '安排表', values: [KIND_HEADERS[0], ...random[0].values.slice(1)] });
          if (core >= 2) drawn.push({ ...random[random.length - 1], name: '检查记录', values: [KIND_HEADERS[1], ...random[random.length - 1].values.slice(1)] });
          // A workbook's sheet names are unique (ignoring case) and not empty, as Excel ensures.
          const seen = new Set<string>();
          const sheets = drawn.map((s, i) => {
            const name = s.name === '' || seen.has(s.name.toUpperCase()) ? s.name + '#' + i : s.name;
            seen.add(name.toUpperCase());
            return { ...s, name };
          });
          const input: WorkbookInput = { sheets, date1904 };
          expectCellsNamed(input, checkWorkbook(input, { asOf, month }));
        },
      ),
      params(RUNS.grids),
    );
  });

  // Mostly-valid workbooks reach every rule: a real schedule and log, random cells in them.
  const scheduleRow = fc.tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom('王海', '李明', '赵  刚', '郭环球') }, { weight: 1, arbitrary: anyCell }),
    fc.oneof(fc.constantFrom('党委书记', '副镇长', '党委副书记、镇长', ''), anyCell),
    fc.oneof(fc.constantFrom('安监站、党政办', '国土所'), anyCell),
    fc.oneof(fc.constantFrom('全镇辖区内（重点检查负责东村）', '负责“西站加油站”、“ 南山矿业”'), anyCell),
  );
  const logRow = fc.tuple(
    fc.oneof({ weight: 2, arbitrary: fc.integer({ min: 43647, max: 43720 }) }, { weight: 1, arbitrary: anyDay }, { weight: 2, arbitrary: anyCell }),
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom('王海', '李明', '赵刚', '李明、赵刚', '郭书记', '王海 李明') }, { weight: 1, arbitrary: anyCell }),
    fc.oneof(fc.constantFrom('东村', '西站加油站', '南山矿业有限公司'), anyCell),
    fc.oneof(fc.constantFrom('无', '灭火器过期', ''), anyCell),
    fc.oneof(fc.constantFrom('立即整改', '2019-08-20', ''), anyNumber, anyCell),
    fc.oneof(fc.constantFrom('', '2019-08-19'), anyCell),
    fc.oneof(fc.constantFrom('已整改', '未整改', ''), anyCell),
  );
  const meetingRow = fc.tuple(fc.oneof(anyDay, anyCell), fc.oneof(fc.constantFrom('党委会', '班子会', '党政联席会议'), anyCell), fc.oneof(fc.constantFrom('研究安全生产', ''), anyCell));
  const reportRow = fc.tuple(fc.oneof(fc.constantFrom('安监站', '国土所'), anyCell), fc.oneof(anyDay, anyCell));
  const settingRow = fc.tuple(fc.constantFrom('主要领导每月次数', '其他成员每月次数', '每月截止日', '临期提醒天数', '党委会每年次数', '班子会每年次数', '述职截止', '主要领导', '安委成员单位', '别名', '未知'), anyCell);

  test('on a township workbook with random cells', () => {
    fc.assert(
      fc.property(
        fc.array(scheduleRow, { maxLength: 6 }),
        fc.array(logRow, { maxLength: 15 }),
        fc.array(meetingRow, { maxLength: 5 }),
        fc.array(reportRow, { maxLength: 4 }),
        fc.array(settingRow, { maxLength: 5 }),
        fc.boolean(),
        anyDay,
        (schedule, log, meetings, reports, settings, date1904, asOf) => {
          const input: WorkbookInput = {
            date1904,
            sheets: [
              { name: '安排表', values: [['某某镇党政领导带队检查安排表'], ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'], ...schedule] },
              { name: '检查记录', values: [['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期', '整改情况'], ...log, ...log.slice(0, 2)] },
              { name: '会议记录', values: [['会议日期', '会议名称', '议题'], ...meetings] },
              { name: '述职报告', values: [['单位', '提交日期'], ...reports] },
              { name: '规则设置', values: [['项目', '值'], ...settings] },
            ],
          };
          expectCellsNamed(input, checkWorkbook(input, { asOf, month: asOf.slice(0, 7) }));
        },
      ),
      params(RUNS.township),
    );
  });
});
