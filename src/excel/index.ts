/**
 * The Excel edge: the only code that touches `Excel.*`. Each exported command is one `Excel.run`
 * and never throws; host failures become an {@link AddinError} with a Chinese message.
 *
 * The folder, in the order a command runs:
 * - capabilities.ts, errors.ts: what the host supports; failures as Chinese messages.
 * - session.ts: what a pane learns from one command to the next (sheets read, what Excel refused).
 * - sheets.ts, read.ts, read-chunks.ts, read-merges.ts: the sheet list and the values (in row
 *   chunks past the 5 MB limit), with the merged areas of the records (ExcelApi 1.13).
 * - probes.ts, originals.ts: the clerk's own fills and fonts, saved before the check colours.
 * - budget.ts, formats.ts: writes as ops sized against the 5 MB request limit; fills in bulk.
 * - state.ts: the very hidden sheet holding the saved originals.
 * - summary-sheet.ts: the 月度汇总 sheet from the core's layout.
 * - commands.ts: the four commands on top; api.ts: their public types; blocks.ts: pure helpers.
 *
 * Syncs per command (asserted in test/excel/commands.test.ts):
 * - Every command after the first in a pane (or ribbon runtime) lists the sheets and reads the ones
 *   it read last time in one sync (see listAndRead): "1 list · 1 read" below become 1, plus 1 for
 *   sheets added since, or the plain two after one refused sync if a remembered sheet is gone.
 *   So a re-run of 检查合规 with the same marks, or 月度汇总 after it, takes 2 syncs.
 * - checkCompliance: 1 list sheets · 1 read used-range values (+ protection, ExcelApi 1.2, the
 *   format of each of the first 10 rows and of the rows below, see queueProbes, and the merged
 *   areas, ExcelApi 1.13, see queueMerges: one more load per input sheet, no sync) · 1 read the
 *   original fill/font of cells coloured for the first time where those probes found the clerk's
 *   own formats differing (see readOriginals: one getCellProperties sync on 1.9 when the answer
 *   fits in one response, else per-block format loads, plus up to 2 more syncs on 1.9 and 3 below
 *   only where the formats differ inside a block) — skipped when the probes tell every original
 *   or every cell to colour is already saved · 1 write (state sheet, restores, fills, fonts).
 *   First run: 3 when the rows to colour carry no mixed formats of the clerk's own (4–7 when
 *   they do); a later run: 2, new rows included.
 * - writeMonthlySummary: 1 list · 1 read · 1 write = 3 (2 after another command); the write in
 *   several syncs when it would pass 5 MB (long texts in the summary, see summary-sheet.ts).
 * - clearMarks: 1 list · 1 read (state + protection) · 1 write = 3 (1 when nothing is marked).
 * - selectRow: 1.
 * More syncs only when Excel on the web's 5 MB request/response limit forces chunks: a read the
 * host refuses as too large is retried in row chunks (halving until they fit); a write estimated
 * past the limit (as Microsoft's client sends it, see budget.ts) is cut before it is sent, and one
 * the host still refuses (Excel then applies none of it) is sent again, in order, in halving chunks.
 *
 * Restorability: the write's commands are ordered so that any prefix Excel applies before a
 * failure leaves every coloured cell with its original saved in the very hidden state sheet
 * (old ∪ new originals first, then restores, then fills, then the state trimmed to the new marks).
 */
export * from './api';
export { describeRequirements, mergedCellsHint } from './capabilities';
export { toAddinError } from './errors';
export { forgetSheetNames } from './session';
export { STATE_SHEET } from './state';
export { checkCompliance, clearMarks, selectRow, writeMonthlySummary } from './commands';
