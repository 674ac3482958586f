/**
 * The pane and the summary sheet tell one story (issue 18.2): every item the summary shows in a
 * colour (table 五's rows, the meetings, the member units without a report row, the problems about
 * a whole sheet) is in the pane's group of that colour, and nothing else is; the green rows the
 * summary only counts are the pane's green rows; the row counts of table 五's title are the
 * pane's message counts and the terminal's 行标色 line. The summary side is read back from its
 * cells (test/helpers/summary-items.ts), the pane side from `groupItems`, which the pane renders.
 * The browser test checks the same on the rendered pane.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildSummary, checkWorkbook, layoutSummary, parseIsoDay } from '../../src/core';
import { clerkListing, otherItemsLine } from '../../src/core/listing';
import type { CheckResult, Colour, SheetInput } from '../../src/core/types';
import { formatTerminalReport } from '../../src/cli/terminal';
import { countsOf, countsText, groupItems } from '../../src/taskpane/render';
import type { ResultItem } from '../../src/taskpane/render';
import { readWorkbook } from '../../src/xlsx';
import { summaryItems } from '../helpers/summary-items';
import type { ShownItem } from '../helpers/summary-items';
import {
  AS_OF,
  LOG,
  LOG_VALUES,
  MEETINGS,
  MEETINGS_VALUES,
  MONTH,
  REPORTS,
  REPORTS_VALUES,
  SCHEDULE,
  SCHEDULE_VALUES,
} from '../browser/township';

const SAMPLE = path.resolve(__dirname, '..', '..', 'samples', '大栗港镇-2019.xlsx');
const COLOURS: Colour[] = ['red', 'orange', 'yellow', 'green', 'grey'];

function check(sheets: SheetInput[], month: string, asOf: string): CheckResult {
  const out = checkWorkbook({ sheets }, { month, asOf });
  if (!out.ok) throw new Error(out.error.message);
  return out.result;
}

function sample(): CheckResult {
  const opened = readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE)), { fileName: path.basename(SAMPLE) });
  const out = checkWorkbook(opened.input, { month: '2019-08', asOf: '2019-09-02' });
  if (!out.ok) throw new Error(out.error.message);
  return out.result;
}

/** The township of the browser test, with a meetings and a reports sheet. */
function township(): CheckResult {
  return check(
    [
      { name: SCHEDULE, values: SCHEDULE_VALUES },
      { name: LOG, values: LOG_VALUES },
      { name: MEETINGS, values: MEETINGS_VALUES },
      { name: REPORTS, values: REPORTS_VALUES },
    ],
    MONTH,
    AS_OF,
  );
}

/** The pane's items in the summary's terms. */
function paneItem(item: ResultItem): ShownItem {
  if (item.target) return { colour: item.colour, key: item.target.sheet + '!' + item.target.row, text: item.message };
  return { colour: item.colour, key: item.kind + ':' + item.message, text: item.message };
}

const byKey = (a: ShownItem, b: ShownItem) => (a.colour + a.key < b.colour + b.key ? -1 : a.colour + a.key > b.colour + b.key ? 1 : 0);

function compare(result: CheckResult): void {
  const shown = summaryItems(layoutSummary(result.summary));
  const groups = groupItems(result);
  const pane: ShownItem[] = [];
  for (const c of COLOURS) for (const item of groups[c]) pane.push(paneItem(item));

  // Item by item: same key, same colour; a row's reason on the summary ends with the pane's message
  // (the summary puts the leader's name first where the pane shows it under the message).
  const paneShown = pane.filter((p) => !(p.colour === 'green' && p.key.indexOf('!') > 0));
  expect(paneShown.map((p) => p.colour + ' ' + p.key).sort()).toEqual(shown.items.map((s) => s.colour + ' ' + s.key).sort());
  const sorted = shown.items.slice().sort(byKey);
  paneShown.sort(byKey).forEach((p, i) => {
    expect(sorted[i].text.endsWith(p.text)).toBe(true);
  });
  // The green rows the summary counts are the pane's green rows.
  expect(groups.green.filter((g) => g.target !== null)).toHaveLength(shown.greenRows);

  // Counts: each group's length is what the summary shows in that colour (items plus green rows).
  for (const c of COLOURS) {
    expect([c, groups[c].length]).toEqual([c, shown.items.filter((s) => s.colour === c).length + (c === 'green' ? shown.greenRows : 0)]);
  }
  // Row counts: table 五's title, the pane's message (countsOf), the terminal's 行标色 line, the workbook's rows.
  const rows = countsOf(groups);
  expect(rows).toEqual(shown.rowCounts);
  const fromRows = { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 } as Record<Colour, number>;
  for (const r of result.rows) fromRows[r.colour]++;
  expect(rows).toEqual(fromRows);
  const terminal = formatTerminalReport({ result, input: 'x.xlsx', output: 'y.xlsx', json: null, summaryReplaced: false, lostParts: [], colour: false });
  expect(terminal).toContain('行标色：' + countsText(rows).replace(/(\d+)/g, '$1 行') + '（共 ' + result.rows.length + ' 行）');
}

describe('the pane shows what the summary shows, with the same counts', () => {
  test('the sample (大栗港镇, August 2019 as of 2 September)', () => {
    const result = sample();
    compare(result);
    const groups = groupItems(result);
    // What the pane left out before issue 18: the meeting behind the pace and the units without a report row.
    expect(groups.yellow.map((g) => g.message)).toContain('班子会研究安全生产：今年已开1次，应开4次（截至第2季度末应至少2次）');
    expect(groups.red.filter((g) => g.kind === 'unit').map((g) => g.message)).toEqual([
      '重点办：未提交2018年度述职报告（截止1月31日）',
      '招商引资办：未提交2018年度述职报告（截止1月31日）',
    ]);
    expect(groups.red).toHaveLength(6);
    expect(otherItemsLine(clerkListing(result))).toBe('另有 3 项不在某一行：会议 1 项、述职报告表中没有的成员单位 2 项');
  });

  test('a township with meetings and reports: a meeting behind the pace, a late report, a row without a date, units without a row', () => {
    const result = township();
    compare(result);
    const groups = groupItems(result);
    const where = (c: Colour) => groups[c].map((g) => (g.target ? g.target.sheet + '!' + g.target.row : g.kind));
    expect(where('red')).toEqual([SCHEDULE + '!5', SCHEDULE + '!6', LOG + '!6', REPORTS + '!5', 'unit', 'unit']);
    expect(where('orange')).toEqual([SCHEDULE + '!4', LOG + '!4', REPORTS + '!4']);
    expect(where('yellow')).toEqual([LOG + '!7', 'meeting']);
    expect(where('grey')).toEqual([LOG + '!8', MEETINGS + '!6']);
    const shown = summaryItems(layoutSummary(result.summary));
    expect(shown.meetings).toEqual([
      ['党委会研究安全生产', 2, 4, '进行中'],
      ['班子会研究安全生产', 1, 4, '进度偏慢'],
    ]);
  });

  test('a whole-sheet problem and an uncoloured meeting: listed in the grey group, left out of the colour groups', () => {
    const base = township();
    const result: CheckResult = {
      ...base,
      problems: base.problems.concat({ code: 'other', sheet: LOG, row: 0, column: 0, columnName: '', message: '整张表的问题（测试）' }),
    };
    // The summary of the changed result, as the core builds it.
    result.summary = buildSummary(result, { year: 2019, month: 8, asOf: parseIsoDay(AS_OF)! });
    compare(result);
    expect(groupItems(result).grey.map((g) => g.where)).toContain(LOG + ' · 全表');
    expect(groupItems(result).yellow.concat(groupItems(result).red).some((g) => g.message.indexOf('党委会') === 0)).toBe(false);
  });
});
