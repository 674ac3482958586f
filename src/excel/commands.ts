/**
 * The four commands the pane and the ribbon call, each one `Excel.run` that never throws (see
 * index.ts for the syncs of each): 检查合规, 清除标记, 月度汇总 and selecting a finding's row.
 */
import { COLOURS, isOwnSheet, layoutSummary, PALETTE } from '../core';
import type { Colour } from '../core/types';
import type { AddinCheckOptions, AddinOutcome, CheckComplianceValue, ClearMarksValue, MonthlySummaryValue } from './api';
import { CellMap, encodeState, rectAddress, type SavedFormat } from './blocks';
import { runOps, sized, WIRE, type Op } from './budget';
import { caps, type Caps } from './capabilities';
import { guarded, isProtectionError, isSizeError, protectedMessage, refuse } from './errors';
import { groupRects, rectOps, rectsBySheet, restoreOps } from './formats';
import { readOriginals } from './originals';
import { originalsFromProbes } from './probes';
import { readAndCheck } from './read';
import { readSheetsChunked } from './read-chunks';
import { remember, session } from './session';
import { listSheets, sameName, savedMarks, sheetIdsOf, usedRangeOf } from './sheets';
import { queueStateWrite, stateOps, stateRowCount, STATE_SHEET } from './state';
import { summaryOps } from './summary-sheet';

/**
 * 检查合规: reads the workbook, runs the core, restores earlier marks that no longer apply, saves
 * the originals of newly coloured cells and colours the rows. See the module comment for syncs.
 */
export function checkCompliance(o: AddinCheckOptions): Promise<AddinOutcome<CheckComplianceValue>> {
  return guarded(() =>
    Excel.run(async (ctx) => {
      const c = caps();
      const read = await readAndCheck(ctx, o, c);
      const result = read.result;
      // Earlier marks, only on sheets that still exist (under their names now).
      const old = read.state ? savedMarks(read.state.values, read.list) : new CellMap<SavedFormat>();
      const ids = sheetIdsOf(read.list);
      const targets = new CellMap<Colour>();
      const counts: Record<Colour, number> = { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 };
      for (const row of result.rows) {
        counts[row.colour]++;
        for (let col = row.firstColumn; col <= row.lastColumn; col++) targets.set(row.sheet, row.row, col, row.colour);
      }

      const touched: { [sheet: string]: true } = {};
      for (const sheet of targets.sheets().concat(old.sheets())) touched[sheet] = true;
      for (const s of read.sheets) if (s.protected && touched[s.name]) refuse('protected', protectedMessage(s.name, '标记颜色'));
      if (read.state && read.state.protected) refuse('protected', protectedMessage(read.state.name, '保存原始格式'));

      const fresh = new CellMap<Colour>();
      targets.forEach((colour, sheet, row, column) => {
        if (!old.has(sheet, row, column)) fresh.set(sheet, row, column, colour);
      });
      const probed = originalsFromProbes(fresh, read.sheets);
      const originals = await readOriginals(ctx, probed.rest, c);
      probed.known.forEach((f, sheet, row, column) => originals.set(sheet, row, column, f));

      const union = new CellMap<SavedFormat>();
      old.forEach((f, sheet, row, column) => union.set(sheet, row, column, f));
      originals.forEach((f, sheet, row, column) => union.set(sheet, row, column, f));
      const finalState = new CellMap<SavedFormat>();
      targets.forEach((_colour, sheet, row, column) => {
        const f = union.get(sheet, row, column);
        if (f) finalState.set(sheet, row, column, f);
      });
      const restore = new CellMap<SavedFormat>();
      old.forEach((f, sheet, row, column) => {
        if (!targets.has(sheet, row, column)) restore.set(sheet, row, column, f);
      });

      // Usually (a first run, or the same rows again) nothing saved is dropped: then the superset
      // is the final state, written once.
      const once = union.size === finalState.size;
      const unionRows = encodeState(union, ids);
      const finalRows = once ? unionRows : encodeState(finalState, ids);
      const stateName = read.state ? read.state.name : STATE_SHEET;
      const stateWs = () => ctx.workbook.worksheets.getItem(stateName);
      const writeState = !!read.state || targets.size > 0;
      const previousRows = stateRowCount(read.state);
      const unionEnd = Math.max(previousRows, unionRows.length + 1);

      // In this order, so that whatever prefix of it Excel applies, every coloured cell has its
      // original saved: the state as a superset (old ∪ new originals), restores, fills, then the
      // state trimmed to what is coloured now.
      const ops: Op[] = [];
      if (!read.state && writeState) {
        ops.push(() => {
          ctx.workbook.worksheets.add(STATE_SHEET).visibility = 'VeryHidden';
        });
      }
      if (writeState) ops.push(...stateOps(stateWs, unionRows, previousRows, once, c));
      ops.push(...restoreOps(ctx, restore, c));
      const bySheet = rectsBySheet(targets, (colour) => colour);
      for (const sheet in bySheet) {
        const groups = groupRects(bySheet[sheet], (colour) => colour);
        for (const colour of COLOURS) {
          const g = groups[colour];
          if (!g) continue;
          const p = PALETTE[colour];
          ops.push(
            ...rectOps(ctx, sheet, g.rects, c, p.font ? 2 : 1, (format) => {
              format.fill.color = p.fill;
              if (p.font) format.font.color = p.font;
            }),
          );
        }
      }
      if (writeState && !once) ops.push(...stateOps(stateWs, finalRows, unionEnd, true, c));
      try {
        await runOps(ctx, ops, c);
      } catch (e) {
        // Below 1.2 protection cannot be read first: the write meets it. Put back what was coloured.
        if (!c.v12 && isProtectionError(e)) await rollBackProtected(ctx, union, old, stateName, unionEnd, ids, c);
        throw e;
      }
      if (!read.state && writeState && session.rememberedNames) remember(session.rememberedNames.concat([STATE_SHEET]));
      return { result, counts, markedCells: targets.size, mergedCellsRead: read.mergedCellsRead };
    }),
  );
}

/**
 * ExcelApi 1.1 only (no `protection`): a write sync failed on a protected sheet after colouring
 * others. Restores every saved cell sheet by sheet (one sync each; a protected sheet refuses and
 * so was not changed: its earlier marks, if any, keep their saved originals), and reports them.
 */
async function rollBackProtected(
  ctx: Excel.RequestContext,
  saved: CellMap<SavedFormat>,
  old: CellMap<SavedFormat>,
  stateName: string,
  previousRows: number,
  ids: { [sheet: string]: string },
  c: Caps,
): Promise<never> {
  const keep = new CellMap<SavedFormat>();
  const refused: string[] = [];
  for (const sheet of saved.sheets()) {
    const mine = new CellMap<SavedFormat>();
    for (const cell of saved.cellsOf(sheet)) mine.set(sheet, cell.row, cell.column, cell.value);
    for (const op of restoreOps(ctx, mine, c)) op();
    try {
      await ctx.sync();
    } catch (e) {
      if (!isProtectionError(e)) throw e;
      refused.push(sheet);
      for (const cell of mine.cellsOf(sheet)) {
        const f = old.get(sheet, cell.row, cell.column);
        if (f) keep.set(sheet, cell.row, cell.column, f);
      }
    }
  }
  const ws = ctx.workbook.worksheets.getItem(stateName);
  if (keep.size) queueStateWrite(ws, encodeState(keep, ids), previousRows, true);
  else ws.delete();
  await ctx.sync();
  return refuse('protected', protectedMessage(refused.length ? refused.join('”、“') : '（未知）', '标记颜色'));
}

/** 清除标记: puts back the saved original fill and font colour and removes the state sheet. */
export function clearMarks(): Promise<AddinOutcome<ClearMarksValue>> {
  return guarded(() =>
    Excel.run(async (ctx) => {
      const c = caps();
      const list = await listSheets(ctx);
      const stateListing = list.filter((s) => sameName(s.name, STATE_SHEET))[0];
      if (!stateListing) return { restoredCells: 0 };
      // One read: the state's values and (1.2) the protection of every sheet it may restore.
      const stateRange = usedRangeOf(ctx.workbook.worksheets.getItem(stateListing.name), c);
      stateRange.load('values');
      const prot: Array<{ name: string; p: Excel.WorksheetProtection }> = [];
      if (c.v12) {
        for (const s of list) {
          if (isOwnSheet(s.name)) continue;
          const p = ctx.workbook.worksheets.getItem(s.name).protection;
          p.load('protected');
          prot.push({ name: s.name, p });
        }
      }
      let stateValues: unknown[][];
      try {
        await ctx.sync();
        stateValues = stateRange.values;
      } catch (e) {
        if (!isSizeError(e)) throw e;
        // A state too large for one response: read it in row chunks, then the protection.
        stateValues = (await readSheetsChunked(ctx, [stateListing.name], c))[0].values;
        for (const x of prot) x.p.load('protected');
        if (prot.length) await ctx.sync();
      }
      const restore = savedMarks(stateValues, list);
      const sheets: { [name: string]: true } = {};
      for (const sheet of restore.sheets()) sheets[sheet] = true;
      for (const x of prot) if (x.p.protected && sheets[x.name]) refuse('protected', protectedMessage(x.name, '恢复原始格式'));
      // The state sheet goes last: deleted in the same sync as the restores (or after the last
      // chunk of them), so it never disappears while cells still carry marks.
      const ops = restoreOps(ctx, restore, c);
      ops.push(() => ctx.workbook.worksheets.getItem(stateListing.name).delete());
      await runOps(ctx, ops, c);
      if (session.rememberedNames) remember(session.rememberedNames.filter((name) => !sameName(name, stateListing.name)));
      return { restoredCells: restore.size };
    }),
  );
}

/** 月度汇总: writes (or replaces) the summary sheet with values, formats, links and the chart. */
export function writeMonthlySummary(o: AddinCheckOptions): Promise<AddinOutcome<MonthlySummaryValue>> {
  return guarded(() =>
    Excel.run(async (ctx) => {
      const c = caps();
      const read = await readAndCheck(ctx, o, c);
      const layout = layoutSummary(read.result.summary);
      const old = read.list.filter((s) => sameName(s.name, layout.sheetName))[0];
      // The sheet added here cannot be kept across syncs (the client keeps ranges only): a later
      // sync of a split write reaches it by name.
      let sheet: Excel.Worksheet | null = null;
      const ws = () => sheet || (sheet = ctx.workbook.worksheets.getItem(layout.sheetName));
      const start = sized(() => {
        if (old) ctx.workbook.worksheets.getItem(old.name).delete();
        const added = ctx.workbook.worksheets.add(layout.sheetName);
        if (old) added.position = old.position;
        sheet = null;
      }, 3 * WIRE.other);
      const { ops, chart } = summaryOps(ws, layout, c);
      const activate = sized(() => ws().activate(), WIRE.other);
      await runOps(ctx, [start].concat(ops, [activate]), c);
      return { result: read.result, sheetName: layout.sheetName, replaced: !!old, chart };
    }),
  );
}

/** Selects cells `firstColumn..lastColumn` of `row` on `sheet` (1-based) and shows the sheet. */
export function selectRow(sheet: string, row: number, firstColumn: number, lastColumn: number): Promise<AddinOutcome<void>> {
  return guarded(() =>
    Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(rectAddress({ row, lastRow: row, column: firstColumn, lastColumn: Math.max(firstColumn, lastColumn) })).select();
      await ctx.sync();
    }),
  );
}
