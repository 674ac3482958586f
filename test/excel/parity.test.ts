/**
 * The add-in and the command-line tool on the same workbook: the same row fills and font colours,
 * the same summary sheet values — on the ExcelApi 1.1 path and on the 1.9 path.
 */
import { checkCompliance, writeMonthlySummary } from '../../src/excel';
import { layoutSummary, summarySheetName } from '../../src/core';
import { AS_OF, bigLog, LOG, MONTH, township } from './fixture';
import { API_VERSIONS, cliRun, simFormats, simSummary, withSim } from './helpers';

const workbooks: Array<[string, () => ReturnType<typeof township>, Record<string, number[]>]> = [
  ['township with the clerk’s own formats', () => township(), { [LOG]: [1, 5] }],
  ['a 300-row log with alternating colours', () => bigLog(300), { [LOG]: [1, 5] }],
];

describe.each(API_VERSIONS)('ExcelApi %s', (apiVersion) => {
  test.each(workbooks)('%s: same fills and summary as the CLI', async (_name, make, dates) => {
    const sheets = make();
    const cli = await cliRun(sheets, MONTH, AS_OF, dates);
    const sim = withSim(sheets, apiVersion);
    try {
      const check = await checkCompliance({ month: MONTH, asOf: AS_OF });
      expect(check.ok).toBe(true);
      const summary = await writeMonthlySummary({ month: MONTH, asOf: AS_OF });
      expect(summary.ok).toBe(true);
      // Some rows must be coloured, or the comparison proves nothing.
      expect(cli.result.rows.length).toBeGreaterThan(5);

      const ours = simFormats(sim, sheets);
      if (apiVersion === '1.1') {
        // Below 1.9 Office.js cannot tell a white fill from no fill; none of these cells is coloured.
        for (const k of Object.keys(cli.formats)) if (cli.formats[k][0] === '#FFFFFF' && !ours[k]) delete cli.formats[k];
      }
      expect(ours).toEqual(cli.formats);

      const layout = layoutSummary(cli.result.summary);
      expect(simSummary(sim, summarySheetName(MONTH), layout.values.length, layout.columnWidths.length)).toEqual(cli.summary);
      expect(cli.summary).toEqual(layout.values);
    } finally {
      sim.done();
    }
  });
});
