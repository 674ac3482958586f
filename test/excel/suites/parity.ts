/**
 * The add-in and the command-line tool on the same workbook: the same row fills and font colours,
 * the same summary sheet values — on the ExcelApi 1.1 path, the 1.9 path and 1.13 (merged areas
 * read). Below 1.13 the add-in cannot tell merged areas: on a workbook with some it gives what the
 * CLI gives on the same workbook without them (the other rows of an area read as empty).
 */
import { checkCompliance, writeMonthlySummary } from '../../../src/excel';
import { layoutSummary, summarySheetName } from '../../../src/core';
import { versionAtLeast } from '../../sim';
import { AS_OF, aug, bigLog, LOG, mergedLog, MONTH, township, withoutMerges } from '../fixture';
import { API_VERSIONS, cliRun, has, modeTitle, simFormats, simSummary, withSim } from '../helpers';

const workbooks: Array<[string, () => ReturnType<typeof township>, Record<string, number[]>]> = [
  ['township with the clerk’s own formats', () => township(), { [LOG]: [1, 5] }],
  ['a 300-row log with alternating colours', () => bigLog(300), { [LOG]: [1, 5] }],
  ['a log with dates and leaders merged over a trip’s records', () => mergedLog(), { [LOG]: [1, 5] }],
  // 人员 is no leader word: the sheet is not read, and the summary names it.
  [
    'township with a monthly sheet the check does not read',
    () => township().concat([{ name: '8月补录', values: [['日期', '人员', '地点', '内容'], [aug(20), '邓光明', '大栗港加油站', '安全检查']] }]),
    { [LOG]: [1, 5], '8月补录': [1] },
  ],
];

export function paritySuite(): void {
  describe(modeTitle(), () => {
    describe.each(API_VERSIONS)('ExcelApi %s', (apiVersion) => {
      test.each(workbooks)('%s: same fills and summary as the CLI', async (_name, make, dates) => {
        const sheets = make();
        const merged = sheets.some((s) => !!s.merges);
        const cli = await cliRun(versionAtLeast(apiVersion, '1.13') ? sheets : withoutMerges(sheets), MONTH, AS_OF, dates);
        if (merged) {
          // The case is real: the CLI given the merged areas colours more rows as records (fewer grey).
          const greys = (r: typeof cli.result) => r.rows.filter((x) => x.colour === 'grey').length;
          expect(greys((await cliRun(sheets, MONTH, AS_OF, dates)).result)).toBeLessThan(greys((await cliRun(withoutMerges(sheets), MONTH, AS_OF, dates)).result));
        }
        const sim = withSim(sheets, apiVersion);
        try {
          const check = await checkCompliance({ month: MONTH, asOf: AS_OF });
          expect(check.ok).toBe(true);
          const summary = await writeMonthlySummary({ month: MONTH, asOf: AS_OF });
          expect(summary.ok).toBe(true);
          // Some rows must be coloured, or the comparison proves nothing.
          expect(cli.result.rows.length).toBeGreaterThan(5);

          const ours = simFormats(sim, sheets);
          if (!has(apiVersion, '1.9')) {
            // Below 1.9 Office.js cannot tell a white fill from no fill; none of these cells is coloured.
            for (const k of Object.keys(cli.formats)) if (cli.formats[k][0] === '#FFFFFF' && !ours[k]) delete cli.formats[k];
          }
          expect(ours).toEqual(cli.formats);

          const layout = layoutSummary(cli.result.summary);
          expect(simSummary(sim, summarySheetName(MONTH), layout.values.length, layout.columnWidths.length)).toEqual(cli.summary);
          expect(cli.summary).toEqual(layout.values);
          // The summary names the sheets not read, on both sides (the case above has one).
          const ignored = cli.summary.filter((row) => String(row[0]).indexOf('未读取的工作表：') === 0);
          expect(ignored.map((row) => String(row[0]).split('（')[0])).toEqual(cli.result.ignoredSheets.length ? ['未读取的工作表：8月补录'] : []);
        } finally {
          sim.done();
        }
      });
    });
  });
}
