/**
 * The naive baseline for the add-in part: what many Office.js samples do — read every sheet's used
 * range, run the same core check, then for each coloured row a `getRange`, a fill (and font
 * colour), and a `context.sync()`. The summary is written the same way: one row of values per
 * sync, one style block per sync. It runs on the same simulator as ours, so the counts compare.
 * It does not save the original formats first (ours does), which only flatters the baseline.
 */
import { checkWorkbook, columnLetters, layoutSummary, PALETTE } from '../src/core';
import type { CheckResult, SheetInput } from '../src/core';

type ExcelNs = typeof Excel;

async function readAndCheck(context: Excel.RequestContext, opts: { month?: string; asOf: string }): Promise<CheckResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const used = sheets.items.map((ws) => {
    const range = ws.getUsedRange();
    range.load(['values', 'rowIndex', 'columnIndex']);
    return range;
  });
  await context.sync();
  const input: SheetInput[] = sheets.items.map((ws, i) => ({
    name: ws.name,
    values: used[i].values as SheetInput['values'],
    firstRow: used[i].rowIndex + 1,
    firstColumn: used[i].columnIndex + 1,
  }));
  const outcome = checkWorkbook({ sheets: input }, opts);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.result;
}

/** 检查合规, the naive way: a getRange, a fill and a sync per coloured row. */
export async function naiveCheckCompliance(ExcelApi: ExcelNs, opts: { month?: string; asOf: string }): Promise<number> {
  return ExcelApi.run(async (context) => {
    const result = await readAndCheck(context, opts);
    for (const row of result.rows) {
      const ws = context.workbook.worksheets.getItem(row.sheet);
      const range = ws.getRange(columnLetters(row.firstColumn) + row.row + ':' + columnLetters(row.lastColumn) + row.row);
      const palette = PALETTE[row.colour];
      range.format.fill.color = palette.fill;
      if (palette.font) range.format.font.color = palette.font;
      await context.sync();
    }
    return result.rows.length;
  });
}

/** 月度汇总, the naive way: one row of values per sync, one style block per sync. */
export async function naiveWriteMonthlySummary(ExcelApi: ExcelNs, opts: { month?: string; asOf: string }): Promise<string> {
  return ExcelApi.run(async (context) => {
    const result = await readAndCheck(context, opts);
    const layout = layoutSummary(result.summary);
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    for (const ws of sheets.items) if (ws.name === layout.sheetName) ws.delete();
    sheets.add(layout.sheetName);
    await context.sync();
    // The sheet add() made cannot be used after that sync (Office.js keeps ranges only): by name.
    const ws = sheets.getItem(layout.sheetName);
    const width = layout.columnWidths.length;
    for (let r = 0; r < layout.values.length; r++) {
      const range = ws.getRange('A' + (r + 1) + ':' + columnLetters(width) + (r + 1));
      range.values = [layout.values[r].map((v) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? "'" + v : v))];
      await context.sync();
    }
    for (const block of layout.styles) {
      const range = ws.getRange(
        columnLetters(block.column + 1) + (block.row + 1) + ':' + columnLetters(block.column + block.columns) + (block.row + block.rows),
      );
      if (block.fill) range.format.fill.color = block.fill;
      if (block.bold !== undefined) range.format.font.bold = block.bold;
      if (block.font) range.format.font.color = block.font;
      await context.sync();
    }
    ws.activate();
    await context.sync();
    return layout.sheetName;
  });
}
