/**
 * Property: a log means what its cells say, whatever the clerk calls its columns and wherever he
 * puts them. Renaming any header to any other word the dictionary has for the same field, and
 * shuffling the columns, gives the same reading (fields found, how they were found), the same
 * entries, the same data problems and the same verdicts.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core';
import { HEADER_WORDS } from '../../src/core/parse/words';
import type { CellValue, CheckResult, Field, ParsedWorkbook } from '../../src/core/types';
import { log, parseOk, serial, withSeed } from '../helpers/grids';

const d = (day: number) => serial(2019, 8, day);

const FIELDS: Field[] = ['date', 'leader', 'site', 'hazard', 'deadline', 'doneDate', 'state'];
const WORDS: Record<string, ReadonlyArray<string>> = {};
for (const f of HEADER_WORDS.log.fields) WORDS[f.field] = f.words;

/** The log by field, one row per record: every field, a bad date, a hazard of each kind. */
const RECORDS: Array<Record<string, CellValue>> = [
  { date: d(5), leader: '郭环球', site: '刘家村', hazard: '无', deadline: '', doneDate: '', state: '' },
  { date: d(6), leader: '鲁攀', site: '和平加油站', hazard: '灭火器过期', deadline: d(15), doneDate: d(12), state: '已整改' },
  { date: d(7), leader: '邓光明、秦尚', site: '大栗港加油站', hazard: '线路老化', deadline: d(10), doneDate: '/', state: '未整改' },
  { date: d(12), leader: '秦  尚', site: '湘域矿业有限公司', hazard: '消防通道堵塞', deadline: '立即整改', doneDate: '', state: '8月20日已整改' },
  { date: d(20), leader: '熊  丹', site: '童子山村', hazard: '无', deadline: '', doneDate: '', state: '' },
  { date: d(27), leader: '李卫萍', site: '九龙洞水上乐园', hazard: '护栏松动', deadline: '', doneDate: '', state: '' },
  { date: '八月某日', leader: '郭环球', site: '刘家村', hazard: '无', deadline: '', doneDate: '', state: '' },
];

interface Layout {
  /** Header word index per field (into the dictionary's words). */
  words: Record<string, number>;
  /** The fields in column order. */
  order: Field[];
}

function workbook(layout: Layout) {
  const header = layout.order.map((f) => WORDS[f][layout.words[f] % WORDS[f].length]);
  const rows = RECORDS.map((r) => layout.order.map((f) => r[f]));
  return withSeed(log(header, rows));
}

/** What must not change: per field whether and how it was found, entries, problems by field, verdicts. */
function meaning(parsed: ParsedWorkbook, result: CheckResult) {
  const sheet = parsed.sheets.find((s) => s.sheet === '检查记录')!;
  const fieldAt = (column: number) => (sheet.readings.find((r) => r.column === column) || { field: '' }).field;
  return {
    found: FIELDS.map((f) => [f, (sheet.readings.find((r) => r.field === f) || { by: '' }).by]),
    entries: parsed.log.map((e) => ({ ...e, siteRaw: e.siteRaw })),
    problems: parsed.problems.map((p) => [p.code, p.sheet, p.row, p.sheet === '检查记录' ? fieldAt(p.column) : p.column]),
    rows: result.rows.map((r) => [r.sheet, r.row, r.colour, r.rule]),
    leaders: result.leaders.map((l) => [l.name, l.status, l.total, l.sites.map((s) => s.status).join()]),
    hazards: result.hazards.map((h) => [h.ref.row, h.status, h.deadline, h.doneDate]),
  };
}

function run(layout: Layout) {
  const input = workbook(layout);
  const outcome = checkWorkbook(input, { month: '2019-08', asOf: '2019-09-02' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  return meaning(parseOk(input), outcome.result);
}

const CANONICAL: Layout = { words: { date: 0, leader: 0, site: 0, hazard: 0, deadline: 0, doneDate: 0, state: 0 }, order: FIELDS };

const layouts = fc.record({
  words: fc.record({
    date: fc.nat(),
    leader: fc.nat(),
    site: fc.nat(),
    hazard: fc.nat(),
    deadline: fc.nat(),
    doneDate: fc.nat(),
    state: fc.nat(),
  }),
  order: fc.shuffledSubarray(FIELDS, { minLength: FIELDS.length, maxLength: FIELDS.length }),
});

describe('column recognition does not depend on the words chosen or the order of the columns', () => {
  const expected = run(CANONICAL);

  test('the canonical log reads every field by its header, with the hazards and problems the records hold', () => {
    expect(expected.found.every(([, by]) => by === 'header')).toBe(true);
    expect(expected.problems).toEqual([['bad-date', '检查记录', 8, 'date']]);
    // 立即整改 on the 12th, done 8月20日 (the day the state names): late.
    expect(expected.hazards.map((h) => h[1])).toEqual(['ok', 'overdue', 'late', 'problem']);
  });

  test('any synonym for any field, in any column order: the same meaning', () => {
    fc.assert(
      fc.property(layouts, (layout) => {
        expect(run(layout)).toEqual(expected);
      }),
      { seed: 1302, numRuns: 300 },
    );
  });

  test.each(FIELDS.map((f) => [f] as [Field]))('every word for %s, alone in the canonical layout', (field) => {
    for (let i = 0; i < WORDS[field].length; i++) {
      const layout: Layout = { words: { ...CANONICAL.words, [field]: i }, order: FIELDS };
      expect({ word: WORDS[field][i], meaning: run(layout) }).toEqual({ word: WORDS[field][i], meaning: expected });
    }
  });
});
