/**
 * Reading the workbook: the sheet list and the used-range values of the sheets to check (with
 * protection, the format probes and the merged areas), in as few syncs as the host allows, then
 * the core's check on what was read.
 */
import { checkWorkbook, isOwnSheet } from '../core';
import type { CheckResult, SheetInput } from '../core/types';
import type { AddinCheckOptions } from './api';
import type { Caps } from './capabilities';
import { errorCode, isSizeError, refuse } from './errors';
import { giveUpProbes, queueSheetProbes } from './probes';
import { queueDims, readChunks, readSheetsChunked, type SheetDims } from './read-chunks';
import { giveUpMerges, queueMerges } from './read-merges';
import { recallSavedNames, remember, session } from './session';
import { collector, listSheets, namesToRead, queueList, queueUsedRanges, type Collector, type ReadSheet, type SheetListing } from './sheets';

/**
 * Sync: the used-range values (and protection, 1.2) of the named sheets. When the response would
 * pass the host's size limit, reads the dimensions and then the values in row chunks.
 */
export async function readSheets(ctx: Excel.RequestContext, names: string[], c: Caps): Promise<ReadSheet[]> {
  if (!names.length) return [];
  const collect = queueReads(ctx, names, c);
  try {
    await ctx.sync();
    return collect();
  } catch (e) {
    if (giveUpProbes(e) || giveUpMerges(e, collect.merges)) return readSheets(ctx, names, c);
    if (!isSizeError(e)) throw e;
  }
  return readSheetsChunked(ctx, names, c);
}

/**
 * Queues the used-range values (and protection, 1.2) of the named sheets, with the format probes of
 * the input sheets; collect after the sync.
 */
export function queueReads(ctx: Excel.RequestContext, names: string[], c: Caps): Collector<ReadSheet[]> {
  const queued = queueUsedRanges(ctx, names, c, 'values,rowIndex,columnIndex');
  const probesOf = queueSheetProbes(queued, c);
  const mergesOf = queueMerges(queued, c);
  return collector(
    () =>
      queued.map((q, i) => ({
        name: q.name,
        values: q.range.values,
        firstRow: q.range.rowIndex + 1,
        firstColumn: q.range.columnIndex + 1,
        protected: q.protection ? q.protection.protected : false,
        probes: probesOf(i),
        merges: mergesOf(i),
      })),
    mergesOf.queued,
  );
}

/**
 * Sync(s): the sheet list and the values of the sheets to read. With remembered names, one sync
 * lists and reads them (plus one for sheets added since); when the last read needed chunks, that
 * sync lists and sizes them instead, and the chunks follow, with no refused whole read first.
 * Without remembered names, one sync lists and one reads.
 */
export async function listAndRead(ctx: Excel.RequestContext, c: Caps): Promise<{ list: SheetListing[]; read: ReadSheet[]; hasState: boolean }> {
  recallSavedNames();
  const guess = session.rememberedNames;
  const chunksBefore = session.chunkedReads;
  const byName: { [upper: string]: ReadSheet } = {};
  let list: SheetListing[] | null = null;
  let dims: SheetDims[] | null = null;
  let tooBig = false;
  if (guess && guess.length) {
    const collectList = queueList(ctx);
    const collectReads = session.rememberedChunked ? null : queueReads(ctx, guess, c);
    const collectDims = session.rememberedChunked ? queueDims(ctx, guess, c) : null;
    const merges = (collectReads || collectDims)!.merges;
    let ok = true;
    try {
      await ctx.sync();
    } catch (e) {
      // A remembered sheet renamed or deleted, or more than one response holds: the plain way.
      tooBig = isSizeError(e);
      if (!tooBig && errorCode(e) !== 'ItemNotFound' && !giveUpProbes(e) && !giveUpMerges(e, merges)) throw e;
      ok = false;
    }
    if (ok) {
      list = collectList();
      if (collectReads) for (const r of collectReads()) byName[r.name.toLocaleUpperCase()] = r;
      if (collectDims) dims = collectDims();
    }
  }
  if (!list) list = await listSheets(ctx);
  const { names, hasState } = namesToRead(list);
  const wanted: { [upper: string]: true } = {};
  for (const n of names) wanted[n.toLocaleUpperCase()] = true;
  if (dims) for (const r of await readChunks(ctx, dims.filter((d) => wanted[d.name.toLocaleUpperCase()]))) byName[r.name.toLocaleUpperCase()] = r;
  // Sheets not read with the list (all of them without a guess; those added since with one).
  // Known to pass the size limit whole: straight to the chunked read.
  const missing = names.filter((n) => !byName[n.toLocaleUpperCase()]);
  for (const r of tooBig ? await readSheetsChunked(ctx, missing, c) : await readSheets(ctx, missing, c)) byName[r.name.toLocaleUpperCase()] = r;
  session.rememberedChunked = session.chunkedReads - chunksBefore > 1;
  remember(names);
  // Under the names the workbook has now (the case may differ from the remembered ones).
  const read = names.map((n) => {
    const r = byName[n.toLocaleUpperCase()];
    return { name: n, values: r.values, firstRow: r.firstRow, firstColumn: r.firstColumn, protected: r.protected, probes: r.probes, merges: r.merges };
  });
  return { list, read, hasState };
}

export interface WorkbookRead {
  list: SheetListing[];
  sheets: ReadSheet[];
  state: ReadSheet | null;
  result: CheckResult;
  /** True when every input sheet's merged areas were read (ExcelApi 1.13, not given up). */
  mergedCellsRead: boolean;
}

/** Syncs 1–2 and the check. */
export async function readAndCheck(ctx: Excel.RequestContext, o: AddinCheckOptions, c: Caps): Promise<WorkbookRead> {
  const { list, read, hasState } = await listAndRead(ctx, c);
  const sheets = read.filter((s) => !isOwnSheet(s.name));
  const state = hasState ? read[read.length - 1] : null;
  const input: SheetInput[] = sheets.map((s) => {
    const listing = list.filter((l) => l.name === s.name)[0];
    return {
      name: s.name,
      values: s.values as SheetInput['values'],
      firstRow: s.firstRow,
      firstColumn: s.firstColumn,
      visibility: listing ? listing.visibility : 'visible',
      // Below ExcelApi 1.13 (or once Excel refused them) none: the other rows of a merged area read as empty.
      merges: s.merges,
    };
  });
  // Office.js (up to the typed API sets) exposes no 1904 flag; the 1900 system is assumed.
  const outcome = checkWorkbook({ sheets: input, date1904: false }, { month: o.month, asOf: o.asOf });
  if (!outcome.ok) refuse('input', outcome.error.message);
  const mergedCellsRead = sheets.every((s) => s.merges !== undefined);
  return { list, sheets, state, result: outcome.result, mergedCellsRead };
}
