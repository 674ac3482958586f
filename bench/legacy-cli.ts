/**
 * The old path of `duty-check` (before issue 14), for the benchmark's side-by-side column: the
 * file loaded into ExcelJS's model, coloured and given its summary there, written again by
 * ExcelJS, and the census of lost parts taken — the steps of the old src/cli/main.ts, with the
 * same legacy modules it used (still in src/cli, marked LEGACY).
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook, layoutSummary } from '../src/core';
import { commit, stage } from '../src/cli/files';
import { censusOf, compareCensus } from './legacy/lost-parts';
import { loadWorkbook } from './legacy/read-xlsx';
import { applyRowColours, defaultFontOf, renderWorkbook, restoreInternalHyperlinks, writeSummarySheet } from './legacy/write-xlsx';
import { escapeUnencodableText } from './legacy/xml-text';
import { CHECK } from './generate';

export async function runLegacy(input: string, output: string): Promise<void> {
  const bytes = fs.readFileSync(input);
  const loaded = await loadWorkbook(bytes, path.basename(input));
  const outcome = checkWorkbook(loaded.input, { asOf: CHECK.asOf, month: CHECK.month });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const result = outcome.result;
  const workbook = loaded.workbook;
  await restoreInternalHyperlinks(workbook, loaded.zip);
  const font = await defaultFontOf(loaded.zip);
  applyRowColours(workbook, result.rows, font);
  const layout = layoutSummary(result.summary);
  writeSummarySheet(workbook, layout, font);
  escapeUnencodableText(workbook, loaded.input, layout.sheetName);
  const rendered = await renderWorkbook(workbook, { zip: loaded.zip, ownSheets: [layout.sheetName] });
  compareCensus(await censusOf(loaded.zip), await censusOf(rendered.zip), []);
  commit([stage(output, rendered.buffer)]);
}
