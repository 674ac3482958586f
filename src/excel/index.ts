/**
 * The Excel edge: the only code that touches `Excel.*`. Each exported command is one `Excel.run`
 * and never throws; host failures become an {@link AddinError} with a Chinese message.
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
 * - writeMonthlySummary: 1 list · 1 read · 1 write = 3 (2 after another command).
 * - clearMarks: 1 list · 1 read (state + protection) · 1 write = 3 (1 when nothing is marked).
 * - selectRow: 1.
 * More syncs only when Excel on the web's 5 MB request/response limit forces chunks: a read the
 * host refuses as too large is retried in row chunks (halving until they fit); a write it refuses
 * (Excel then applies none of it) is sent as the same commands, in order, in halving chunks.
 *
 * Restorability: the write's commands are ordered so that any prefix Excel applies before a
 * failure leaves every coloured cell with its original saved in the very hidden state sheet
 * (old ∪ new originals first, then restores, then fills, then the state trimmed to the new marks).
 */
import { checkWorkbook, isOwnSheet, layoutSummary, PALETTE, STATE_SHEET_PREFIX, COLOURS } from '../core';
import type { BlockStyle, CheckResult, Colour, MergedArea, SheetInput, SummaryLayout } from '../core/types';
import type {
  AddinCheckOptions,
  AddinError,
  AddinOutcome,
  CheckComplianceValue,
  ClearMarksValue,
  MonthlySummaryValue,
  RequirementsInfo,
} from './api';
import {
  cellKey,
  chunkAddresses,
  columnLetters,
  decodeState,
  encodeState,
  mergeIntoRects,
  normaliseColour,
  parseCellKey,
  quoteSheetName,
  rectAddress,
  STATE_HEADER,
  type Rect,
  type SavedFormat,
} from './blocks';

export * from './api';

/** The very hidden sheet holding the original formats of the cells the check coloured. */
export const STATE_SHEET = STATE_SHEET_PREFIX + '状态';

/** Cells per sync when a read must be chunked; halved on every size error. */
const CHUNK_CELLS = 250000;
/** Response bytes a chunk aims at once the first chunk has shown the bytes per cell (limit 5 MB). */
const READ_BUDGET_BYTES = 4500000;
/** Newly coloured cells whose original formats are read per sync (≈ 80 bytes each in the response). */
const ORIGINALS_PER_SYNC = 55000;
/** Largest block whose original formats are read with one getCellProperties. */
const SLICE_CELLS = 2000;
/** Rows per slice when a tall block's cells differ below 1.9 (then row by row). */
const MIXED_SLICE_ROWS = 64;
/** Format loads per sync below 1.9 (two queued loads each, ≈ 200 bytes of request). */
const LOADS_PER_SYNC = 8000;
const STATE_WIDTH = STATE_HEADER.length;
const LINK_FONT = '#0563C1';
const BORDER_COLOUR = '#BFBFBF';

// ---------------------------------------------------------------- requirements

function isSupported(version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context && !!Office.context.requirements &&
      Office.context.requirements.isSetSupported('ExcelApi', version);
  } catch (e) {
    return false;
  }
}

interface Caps {
  v12: boolean;
  v16: boolean;
  v17: boolean;
  v18: boolean;
  v19: boolean;
  /** Range.getMergedAreasOrNullObject: merged cells in the records are read (see queueMerges). */
  v113: boolean;
}

function caps(): Caps {
  return {
    v12: isSupported('1.2'),
    v16: isSupported('1.6'),
    v17: isSupported('1.7'),
    v18: isSupported('1.8'),
    v19: isSupported('1.9'),
    v113: isSupported('1.13'),
  };
}

/**
 * When Excel could not give the merged areas (below ExcelApi 1.13) and some records have no date
 * or no leader: why that may be, and what to do. '' otherwise.
 */
export function mergedCellsHint(result: CheckResult, mergedCellsRead: boolean): string {
  if (mergedCellsRead) return '';
  let rows = 0;
  const seen: { [key: string]: boolean } = {};
  for (let i = 0; i < result.problems.length; i++) {
    const p = result.problems[i];
    if (p.row < 1 || (p.code !== 'empty-date' && p.code !== 'empty-leader')) continue;
    const key = p.sheet + '\n' + p.row;
    if (!seen[key]) rows++;
    seen[key] = true;
  }
  if (rows === 0) return '';
  return (
    '有 ' + rows + ' 行的日期或带队领导为空。如果它们和上一行是合并的单元格：这个版本的 Excel 不向加载项提供合并区域' +
    '（需要 Microsoft 365、Excel 网页版或 Excel 2021 及以后），请取消合并并把日期和领导填到每一行，或用命令行工具检查。'
  );
}

/** What the host supports, for the pane's footer and for choosing code paths. */
export function describeRequirements(): RequirementsInfo {
  let highest = 0;
  for (let minor = 1; minor <= 17; minor++) if (isSupported('1.' + minor)) highest = minor;
  return {
    api: highest ? 'ExcelApi 1.' + highest : '未知',
    rangeAreas: isSupported('1.9'),
    hyperlinks: isSupported('1.7'),
    suspendCalculation: isSupported('1.6'),
  };
}

// ---------------------------------------------------------------- errors

class Refusal {
  constructor(public error: AddinError) {}
}

function refuse(code: AddinError['code'], message: string, detail?: string): never {
  throw new Refusal({ code, message, detail });
}

/** A host error (OfficeExtension.Error or anything thrown) as a Chinese message. */
export function toAddinError(e: unknown): AddinError {
  if (e instanceof Refusal) return e.error;
  const err = (e || {}) as { code?: string; message?: string; name?: string };
  const code = String(err.code || '');
  const detail = (code ? code + ': ' : '') + String(err.message || e).split('\n')[0];
  const text = String(err.message || '');
  if (code === 'InvalidOperationInCellEditMode' || /cell edit|单元格编辑/i.test(text)) {
    return { code: 'busy', message: 'Excel 正在编辑单元格：请先按 Enter 或 Esc 结束编辑，再点一次。', detail };
  }
  if (code === 'ItemNotFound') {
    return { code: 'not-found', message: '找不到要操作的工作表或单元格（可能已被删除或改名）：请重新检查后再试。', detail };
  }
  if (/PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code)) {
    return { code: 'too-large', message: '工作簿太大，Excel 无法一次处理：请删去不需要的行或工作表后再试，或改用命令行工具 duty-check。', detail };
  }
  if (code === 'AccessDenied' || /protected/i.test(text)) {
    return { code: 'protected', message: '工作表或工作簿受保护，无法写入：请在“审阅”选项卡撤销保护后再点一次。', detail };
  }
  if (code === 'ApiNotFound') {
    return { code: 'host', message: '此版本的 Excel 缺少所需的功能：请更新 Office 后再试。', detail };
  }
  if (typeof Excel === 'undefined') {
    return { code: 'host', message: '没有连接到 Excel：请在 Excel 中打开本加载项。', detail };
  }
  return { code: 'host', message: 'Excel 未能完成操作：请稍后再点一次；如果反复出现，请保存并重新打开工作簿。', detail };
}

async function guarded<T>(body: () => Promise<T>): Promise<AddinOutcome<T>> {
  try {
    if (typeof Excel === 'undefined' || !Excel.run) refuse('host', '没有连接到 Excel：请在 Excel 中打开本加载项。');
    return { ok: true, value: await body() };
  } catch (e) {
    return { ok: false, error: toAddinError(e) };
  }
}

/** The `code` of a host error ('' when it has none). */
function errorCode(e: unknown): string {
  return String((e && (e as { code?: string }).code) || '');
}

function isSizeError(e: unknown): boolean {
  return /PayloadSizeLimitExceeded/.test(errorCode(e));
}

// ---------------------------------------------------------------- reading

interface SheetListing {
  name: string;
  /** Excel's id of the sheet: it stays when the sheet is renamed or moved. */
  id: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  position: number;
}

/** Sync: the names, visibility and positions of all sheets. */
async function listSheets(ctx: Excel.RequestContext): Promise<SheetListing[]> {
  const collect = queueList(ctx);
  await ctx.sync();
  return collect();
}

function queueList(ctx: Excel.RequestContext): () => SheetListing[] {
  const sheets = ctx.workbook.worksheets;
  sheets.load('items/name,items/visibility,items/position,items/id');
  return () =>
    sheets.items.map((ws) => ({
      name: ws.name,
      id: ws.id,
      visibility: ws.visibility === 'VeryHidden' ? 'veryHidden' : ws.visibility === 'Hidden' ? 'hidden' : 'visible',
      position: ws.position,
    }));
}

interface ReadSheet {
  name: string;
  values: unknown[][];
  firstRow: number;
  firstColumn: number;
  protected: boolean;
  /** The clerk's formats read with the values, where they are one for a whole stretch (see queueProbes). */
  probes?: FormatProbes;
  /** The merged areas of an input sheet (ExcelApi 1.13, see queueMerges); undefined when not read. */
  merges?: MergedArea[];
}

/** Rows probed one by one at the top of the used range (SPEC: the header is within the first 10). */
const PROBED_TOP_ROWS = 10;

/**
 * The fill and font of the used range's rows, read in the values sync: one per row for the first
 * {@link PROBED_TOP_ROWS} rows (title, header, first data rows differ), then one for all the rows
 * below. Each is the one format all those cells share, or null where they differ. A log whose
 * rows carry no fills of the clerk's own (the usual case) then needs no sync for its originals.
 */
interface FormatProbes {
  /** Excel row of the used range's first row. */
  firstRow: number;
  top: Array<SavedFormat | null>;
  rest: SavedFormat | null;
}

function usedRangeOf(ws: Excel.Worksheet, c: Caps): Excel.Range {
  // valuesOnly (1.2) gives the same grid as the CLI: format-only cells do not widen it.
  return c.v12 ? ws.getUsedRange(true) : ws.getUsedRange();
}

/**
 * Sync: the used-range values (and protection, 1.2) of the named sheets. When the response would
 * pass the host's size limit, reads the dimensions and then the values in row chunks.
 */
async function readSheets(ctx: Excel.RequestContext, names: string[], c: Caps): Promise<ReadSheet[]> {
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
 * False once a read with format probes failed for another reason than its size: the probes are
 * an optimisation (offsets of the used range, which Excel refuses past the grid's last row, and
 * members a host might handle differently), so this session reads without them from then on.
 */
let probesWork = true;

/**
 * Errors Excel gives for a request it will not run as asked (an offset past the grid, a member it
 * does not implement), as opposed to a host failure (GeneralException, busy, lost connection),
 * which is reported as usual.
 */
const REFUSED_REQUEST = /^(InvalidArgument|InvalidReference|InvalidOperation|ApiNotFound|NotImplemented|UnsupportedOperation)$/;

/**
 * Whether a failed sync may have failed because of its probes (it had some: probes are queued
 * while probesWork holds): then stop probing, and the caller retries without.
 */
function giveUpProbes(e: unknown): boolean {
  if (!probesWork || !REFUSED_REQUEST.test(errorCode(e))) return false;
  probesWork = false;
  return true;
}

/**
 * False once a read with merged areas (ExcelApi 1.13) failed in a way they may have caused: this
 * session then reads without them (as below 1.13: the other rows of a merged area read as empty).
 * Excel fails `getMergedAreasOrNullObject` on a range with more than 512 merged areas, a long log
 * with a date merged over every trip, and does not document how: so besides a refused request,
 * a GeneralException of a sync that asked for merged areas gives them up too. A passing host
 * failure there then costs this session its merged cells, not the check (the retry reports it if
 * the failure stays); a workbook over the limit stays checkable.
 */
let mergesWork = true;

/** Whether a failed sync that asked for merged areas (`queued`) is to be made again without them. */
function giveUpMerges(e: unknown, queued: boolean): boolean {
  if (!queued || !mergesWork) return false;
  const code = errorCode(e);
  // InvalidObjectPath: a host that will not follow `areas` of a null RangeAreas.
  if (!REFUSED_REQUEST.test(code) && code !== 'GeneralException' && code !== 'InvalidObjectPath') return false;
  mergesWork = false;
  return true;
}

/** Queues loads of the used range (`props`) and the protection (1.2) of each named sheet. */
function queueUsedRanges(ctx: Excel.RequestContext, names: string[], c: Caps, props: string) {
  return names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const range = usedRangeOf(ws, c);
    range.load(props);
    let protection: Excel.WorksheetProtection | null = null;
    if (c.v12) {
      protection = ws.protection;
      protection.load('protected');
    }
    return { name, range, protection };
  });
}

/**
 * Queues the used-range values (and protection, 1.2) of the named sheets, with the format probes of
 * the input sheets; collect after the sync.
 */
function queueReads(ctx: Excel.RequestContext, names: string[], c: Caps): Collector<ReadSheet[]> {
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

/** Reads the answers of a queued read after its sync; `merges`: whether it asked for merged areas. */
type Collector<T> = (() => T) & { merges: boolean };

function collector<T>(collect: () => T, merges: boolean): Collector<T> {
  const out = collect as Collector<T>;
  out.merges = merges;
  return out;
}

/**
 * ExcelApi 1.13: queues the merged areas of each input sheet's used range, in the sync that reads
 * it (one load per sheet: `getMergedAreasOrNullObject()` is a path, not a command). Loaded as each
 * area's `rowIndex`, `columnIndex`, `rowCount` and `columnCount` through `areas` (typed numbers,
 * about 70 bytes an area, at most 512 areas, so never near the size limit) rather than the
 * RangeAreas' `address`, which is a bit smaller but would have to be parsed (sheet names may hold
 * commas, quotes and `!`), and which early builds reported as top-left cells only (OfficeDev/
 * office-js#1590, where loading `areas` was Microsoft's advice). Excel reports only the areas whose
 * top-left cell is in the range (office-js#3611): that is every area holding a value, since the
 * value is in that cell and the used range takes it in. Not the add-in's own sheets; none below
 * 1.13 or once Excel refused them (see mergesWork). After the sync, sheet i's areas (1-based Excel
 * row and column), [] when it has none, or undefined when not read.
 */
function queueMerges(queued: Array<{ name: string; range: Excel.Range }>, c: Caps): ((i: number) => MergedArea[] | undefined) & { queued: boolean } {
  const asked = queued.map((q) => {
    if (!c.v113 || !mergesWork || isOwnSheet(q.name)) return null;
    const merged = q.range.getMergedAreasOrNullObject();
    const areas = merged.areas;
    areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    return { merged, areas };
  });
  const of = ((i: number) => {
    const m = asked[i];
    if (!m) return undefined;
    try {
      // A null RangeAreas (no merged area in the range) makes its areas a null collection too.
      if (m.merged.isNullObject || m.areas.isNullObject) return [];
      return m.areas.items.map((a) => ({ row: a.rowIndex + 1, column: a.columnIndex + 1, rows: a.rowCount, columns: a.columnCount }));
    } catch (e) {
      // A host that answers otherwise (null objects are the least uniform part of Office.js) costs
      // the merged cells, never the check.
      mergesWork = false;
      return undefined;
    }
  }) as ((i: number) => MergedArea[] | undefined) & { queued: boolean };
  of.queued = asked.some((m) => m !== null);
  return of;
}

/**
 * Queues the format probes of the input sheets among the queued used ranges (none once Excel
 * refused them, see probesWork); after the sync, sheet i's answers, or undefined.
 */
function queueSheetProbes(queued: Array<{ name: string; range: Excel.Range }>, c: Caps): (i: number) => FormatProbes | undefined {
  const probes = queued.map((q) => (isOwnSheet(q.name) || !probesWork ? null : queueProbes(q.range, c)));
  return (i) => {
    const p = probes[i];
    if (!p) return undefined;
    return { firstRow: queued[i].range.rowIndex + 1, top: p.top.map((f) => uniformFormat(f, c)), rest: uniformFormat(p.rest, c) };
  };
}

/** Queues the format loads of {@link FormatProbes} on a used range (ExcelApi 1.1 members only). */
function queueProbes(used: Excel.Range, c: Caps): { top: Excel.RangeFormat[]; rest: Excel.RangeFormat } {
  const load = (range: Excel.Range) => {
    const format = range.format;
    format.fill.load(c.v19 ? ['color', 'pattern'] : 'color');
    format.font.load('color');
    return format;
  };
  // Rows as wide as the used range, found from its first and last row: valid whatever its size
  // (a row past a short range's end is simply not used).
  const first = used.getRow(0);
  const top: Excel.RangeFormat[] = [];
  for (let i = 0; i < PROBED_TOP_ROWS; i++) top.push(load(first.getOffsetRange(i, 0)));
  return { top, rest: load(first.getOffsetRange(PROBED_TOP_ROWS, 0).getBoundingRect(used.getLastRow())) };
}

/**
 * The fill and font colour all cells of a loaded range share, or null when they differ (Excel
 * reports a mixed property as null). Below 1.9 white counts as no fill (Excel cannot tell them apart).
 */
function uniformFormat(format: Excel.RangeFormat, c: Caps): SavedFormat | null {
  const fill = normaliseColour(format.fill.color);
  const font = normaliseColour(format.font.color);
  const pattern = c.v19 ? format.fill.pattern : 'Solid';
  if (fill === null || font === null || pattern === null) return null;
  return { fill: pattern === 'None' || (!c.v19 && fill === '#FFFFFF') ? null : fill, font };
}

/**
 * The originals of the cells the probes read as one format; the other keys are left in `rest`
 * (to be read one by one, see readOriginals).
 */
function originalsFromProbes(keys: string[], sheets: ReadSheet[]): { known: CellMap<SavedFormat>; rest: string[] } {
  const probesOf: { [sheet: string]: FormatProbes | undefined } = {};
  for (const s of sheets) probesOf[s.name] = s.probes;
  const known: CellMap<SavedFormat> = {};
  const rest: string[] = [];
  for (const key of keys) {
    const k = parseCellKey(key);
    const p = probesOf[k.sheet];
    const offset = p ? k.row - p.firstRow : -1;
    const saved = !p || offset < 0 ? null : offset < PROBED_TOP_ROWS ? p.top[offset] : p.rest;
    if (saved) known[key] = saved;
    else rest.push(key);
  }
  return { known, rest };
}

/**
 * The sheets the last command of this pane (or ribbon runtime, which is one document) read. The
 * next command reads them in the same sync as the sheet list, which saves a round trip whenever
 * the workbook still has them; a wrong guess costs only that saving (or, for a sheet deleted
 * since, the one refused sync). Kept in the document's settings too, so a check after the
 * workbook is opened again starts from them.
 */
let rememberedNames: string[] | null = null;

/** Key of the document setting with the remembered sheets. */
const SHEETS_SETTING = 'dutyCheck.sheets';

interface SavedSheets {
  names: string[];
  chunked: boolean;
}

/**
 * Forgets what this pane learnt (the remembered sheet names, whether format probes and merged areas work), as when
 * the workbook is opened again (tests, benchmark); the workbook's own settings keep their names.
 */
export function forgetSheetNames(): void {
  rememberedNames = null;
  rememberedChunked = false;
  probesWork = true;
  mergesWork = true;
}

function remember(names: string[]): void {
  rememberedNames = names.slice();
  saveRemembered();
}

/** The document's settings (Office common API, read at start-up without a round trip), or null. */
function documentSettings(): Office.Settings | null {
  try {
    const doc = typeof Office !== 'undefined' && Office.context ? Office.context.document : null;
    return doc && doc.settings ? doc.settings : null;
  } catch (e) {
    return null;
  }
}

/** Without names remembered in this pane: those the workbook's settings kept from an earlier session. */
function recallSavedNames(): void {
  if (rememberedNames) return;
  const settings = documentSettings();
  if (!settings) return;
  try {
    const saved = settings.get(SHEETS_SETTING) as SavedSheets | null;
    if (!saved || !Array.isArray(saved.names) || !saved.names.length) return;
    for (const n of saved.names) if (typeof n !== 'string' || !n) return;
    rememberedNames = saved.names.slice();
    rememberedChunked = saved.chunked === true;
  } catch (e) {
    // Settings that cannot be read only cost the saving.
  }
}

/**
 * Keeps the remembered names in the workbook's settings when they changed. Not awaited: they are
 * only a guess for next time, and saving them must never hold up or fail a command.
 */
function saveRemembered(): void {
  const settings = documentSettings();
  if (!settings || !rememberedNames) return;
  try {
    const saved = settings.get(SHEETS_SETTING) as SavedSheets | null;
    if (saved && saved.chunked === rememberedChunked && Array.isArray(saved.names) && saved.names.join('\n') === rememberedNames.join('\n')) return;
    settings.set(SHEETS_SETTING, { names: rememberedNames.slice(), chunked: rememberedChunked });
    settings.saveAsync(() => undefined);
  } catch (e) {
    // As above: a lost guess, nothing more.
  }
}

/** The sheets a check reads: every input sheet, then our state sheet if there is one. */
function namesToRead(list: SheetListing[]): { names: string[]; hasState: boolean } {
  const stateListing = list.filter((s) => sameName(s.name, STATE_SHEET))[0];
  const inputNames = list.filter((s) => !isOwnSheet(s.name)).map((s) => s.name);
  return { names: stateListing ? inputNames.concat([stateListing.name]) : inputNames, hasState: !!stateListing };
}

/** Whether the last read of this pane needed chunks: then the next one asks for sizes first. */
let rememberedChunked = false;

/**
 * Sync(s): the sheet list and the values of the sheets to read. With remembered names, one sync
 * lists and reads them (plus one for sheets added since); when the last read needed chunks, that
 * sync lists and sizes them instead, and the chunks follow, with no refused whole read first.
 * Without remembered names, one sync lists and one reads.
 */
async function listAndRead(ctx: Excel.RequestContext, c: Caps): Promise<{ list: SheetListing[]; read: ReadSheet[]; hasState: boolean }> {
  recallSavedNames();
  const guess = rememberedNames;
  const chunksBefore = chunkedReads;
  const byName: { [upper: string]: ReadSheet } = {};
  let list: SheetListing[] | null = null;
  let dims: SheetDims[] | null = null;
  let tooBig = false;
  if (guess && guess.length) {
    const collectList = queueList(ctx);
    const collectReads = rememberedChunked ? null : queueReads(ctx, guess, c);
    const collectDims = rememberedChunked ? queueDims(ctx, guess, c) : null;
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
  rememberedChunked = chunkedReads - chunksBefore > 1;
  remember(names);
  // Under the names the workbook has now (the case may differ from the remembered ones).
  const read = names.map((n) => {
    const r = byName[n.toLocaleUpperCase()];
    return { name: n, values: r.values, firstRow: r.firstRow, firstColumn: r.firstColumn, protected: r.protected, probes: r.probes, merges: r.merges };
  });
  return { list, read, hasState };
}

interface SheetDims {
  name: string;
  firstRow: number;
  firstColumn: number;
  rows: number;
  columns: number;
  protected: boolean;
  probes?: FormatProbes;
  merges?: MergedArea[];
}

/**
 * Queues the used range's place and size (and protection, 1.2) of the named sheets, with the
 * format probes and merged areas of the input sheets (small answers, so a sheet read in chunks gets
 * them too, in this sync: the chunks then read values only).
 */
function queueDims(ctx: Excel.RequestContext, names: string[], c: Caps): Collector<SheetDims[]> {
  const queued = queueUsedRanges(ctx, names, c, 'rowIndex,columnIndex,rowCount,columnCount');
  const probesOf = queueSheetProbes(queued, c);
  const mergesOf = queueMerges(queued, c);
  return collector(
    () =>
      queued.map((q, i) => ({
        name: q.name,
        firstRow: q.range.rowIndex + 1,
        firstColumn: q.range.columnIndex + 1,
        rows: q.range.rowCount,
        columns: q.range.columnCount,
        protected: q.protection ? q.protection.protected : false,
        probes: probesOf(i),
        merges: mergesOf(i),
      })),
    mergesOf.queued,
  );
}

/** Value chunks read so far (listAndRead remembers whether the last read needed several). */
let chunkedReads = 0;

async function readSheetsChunked(ctx: Excel.RequestContext, names: string[], c: Caps): Promise<ReadSheet[]> {
  if (!names.length) return [];
  const collect = queueDims(ctx, names, c);
  try {
    await ctx.sync();
  } catch (e) {
    if (giveUpProbes(e) || giveUpMerges(e, collect.merges)) return readSheetsChunked(ctx, names, c);
    throw e;
  }
  return readChunks(ctx, collect());
}

/** Syncs: the values of sheets of known size, in row chunks that fit the size limit. */
async function readChunks(ctx: Excel.RequestContext, dims: SheetDims[]): Promise<ReadSheet[]> {
  const out: ReadSheet[] = dims.map((d) => ({
    name: d.name,
    values: [],
    firstRow: d.firstRow,
    firstColumn: d.firstColumn,
    protected: d.protected,
    probes: d.probes,
    merges: d.merges,
  }));
  // Work items: row slices of every sheet, in order.
  interface Slice { sheet: number; row: number; rows: number; columns: number }
  const todo: Slice[] = dims.map((d, i) => ({ sheet: i, row: 0, rows: d.rows, columns: d.columns }));
  let budget = CHUNK_CELLS;
  // Never again as many cells as a chunk the host refused.
  let ceiling = Infinity;
  while (todo.length) {
    const batch: Array<{ slice: Slice; range: Excel.Range }> = [];
    let cells = 0;
    while (todo.length && cells < budget) {
      const s = todo[0];
      const rows = Math.max(1, Math.min(s.rows, Math.floor((budget - cells) / Math.max(1, s.columns))));
      if (rows < s.rows && cells > 0 && rows * s.columns < s.columns) break;
      const part: Slice = { sheet: s.sheet, row: s.row, rows, columns: s.columns };
      const d = dims[s.sheet];
      const first = out[s.sheet];
      const range = ctx.workbook.worksheets.getItem(d.name).getRange(
        rectAddress({ row: first.firstRow + s.row, lastRow: first.firstRow + s.row + rows - 1, column: first.firstColumn, lastColumn: first.firstColumn + s.columns - 1 }),
      );
      range.load('values');
      batch.push({ slice: part, range });
      cells += rows * s.columns;
      if (rows === s.rows) todo.shift();
      else todo[0] = { sheet: s.sheet, row: s.row + rows, rows: s.rows - rows, columns: s.columns };
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e) || budget <= 1) throw e;
      // Put the slices back and try again with half the cells.
      for (let i = batch.length - 1; i >= 0; i--) {
        const s = batch[i].slice;
        if (todo.length && todo[0].sheet === s.sheet && todo[0].row === s.row + s.rows) {
          todo[0] = { sheet: s.sheet, row: s.row, rows: s.rows + todo[0].rows, columns: s.columns };
        } else todo.unshift(s);
      }
      budget = Math.floor(budget / 2);
      ceiling = Math.min(ceiling, cells - 1);
      continue;
    }
    chunkedReads++;
    let bytes = 0;
    for (const b of batch) {
      const target = out[b.slice.sheet].values;
      const v = b.range.values;
      for (let r = 0; r < v.length; r++) target.push(v[r]);
      bytes += utf8Length(JSON.stringify(v));
    }
    // Size the next chunks by what this one weighed, so each fills most of a response.
    if (bytes > 0 && cells > 0) budget = Math.max(1, Math.min(ceiling, Math.floor(READ_BUDGET_BYTES / (bytes / cells))));
  }
  return out;
}

/** Name → id of the listed sheets, to keep with saved marks. */
function sheetIdsOf(list: SheetListing[]): { [sheet: string]: string } {
  const out: { [sheet: string]: string } = {};
  for (const s of list) out[s.name] = s.id;
  return out;
}

/**
 * The marks saved in the state sheet, under the names the sheets have now: found by the id kept
 * with them (a sheet renamed since keeps its marks), else by name; marks of sheets gone are dropped.
 */
function savedMarks(values: unknown[][], list: SheetListing[]): CellMap<SavedFormat> {
  const decoded = decodeState(values);
  const byUpper: { [upper: string]: string } = {};
  const byId: { [id: string]: string } = {};
  for (const s of list) {
    byUpper[s.name.toLocaleUpperCase()] = s.name;
    if (s.id) byId[s.id] = s.name;
  }
  const nameNow: { [saved: string]: string | null } = {};
  const out: CellMap<SavedFormat> = {};
  for (const key in decoded.saved) {
    const k = parseCellKey(key);
    let now = nameNow[k.sheet];
    if (now === undefined) {
      const id = decoded.sheetIds[k.sheet];
      now = nameNow[k.sheet] = (id && byId[id]) || byUpper[k.sheet.toLocaleUpperCase()] || null;
    }
    if (now) out[now === k.sheet ? key : cellKey(now, k.row, k.column)] = decoded.saved[key];
  }
  return out;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

interface WorkbookRead {
  list: SheetListing[];
  sheets: ReadSheet[];
  state: ReadSheet | null;
  result: CheckResult;
  /** True when every input sheet's merged areas were read (ExcelApi 1.13, not given up). */
  mergedCellsRead: boolean;
}

/** Syncs 1–2 and the check. */
async function readAndCheck(ctx: Excel.RequestContext, o: AddinCheckOptions, c: Caps): Promise<WorkbookRead> {
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

function protectedMessage(sheet: string, what: string): string {
  return '工作表“' + sheet + '”受保护，无法' + what + '。请在“审阅”选项卡中点“撤销工作表保护”，再点一次。';
}

// ---------------------------------------------------------------- formats

/**
 * One queued write (a few commands); runOps sends them in one sync, or in chunks if too large.
 * `bytes`: a rough size of its request, so that a write clearly past the limit is chunked at once
 * instead of being sent, refused and resent.
 */
type Op = (() => void) & { bytes?: number };

function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

function sized(op: () => void, bytes: number): Op {
  const out: Op = op;
  out.bytes = bytes;
  return out;
}

/** Request bytes per op when not estimated (a range address and one format property). */
const OP_BYTES = 200;
/** A write estimated past this many request bytes is sent in chunks of about this size. */
const WRITE_BUDGET_BYTES = 4600000;

/** Ops applying `set` to the format of every rectangle: RangeAreas (1.9) in chunks, else per block. */
function rectOps(ctx: Excel.RequestContext, sheet: string, rects: Rect[], c: Caps, set: (format: Excel.RangeFormat) => void): Op[] {
  if (!rects.length) return [];
  const ws = () => ctx.workbook.worksheets.getItem(sheet);
  if (c.v19) return chunkAddresses(rects).map((address) => sized(() => set(ws().getRanges(address).format), OP_BYTES + 2 * address.length));
  return rects.map((r) => () => set(ws().getRange(rectAddress(r)).format));
}

/**
 * Sends the ops in one sync (with calculation suspended, 1.6). When Excel refuses the request as
 * too large (it then applies none of it), sends them in order in halving chunks instead.
 */
async function runOps(ctx: Excel.RequestContext, ops: Op[], c: Caps): Promise<void> {
  const suspend = () => {
    if (c.v16) ctx.workbook.application.suspendApiCalculationUntilNextSync();
  };
  const weight = (op: Op) => op.bytes || OP_BYTES;
  let total = 0;
  for (const op of ops) total += weight(op);
  if (total <= WRITE_BUDGET_BYTES) {
    suspend();
    for (const op of ops) op();
    try {
      await ctx.sync();
      return;
    } catch (e) {
      if (!isSizeError(e) || ops.length < 2) throw e;
    }
    await inBatches(ctx, ops, Math.ceil(total / 2), weight, (op) => op(), () => undefined, suspend);
    return;
  }
  await inBatches(ctx, ops, WRITE_BUDGET_BYTES, weight, (op) => op(), () => undefined, suspend);
}

type CellMap<V> = { [key: string]: V };

/** Groups cells per sheet and per value into rectangles. */
function rectsBySheet<V>(cells: CellMap<V>, keyOf: (v: V) => string): { [sheet: string]: Array<{ rect: Rect; value: V }> } {
  const per: { [sheet: string]: Array<{ row: number; column: number; value: V }> } = {};
  for (const key in cells) {
    const k = parseCellKey(key);
    (per[k.sheet] = per[k.sheet] || []).push({ row: k.row, column: k.column, value: cells[key] });
  }
  const out: { [sheet: string]: Array<{ rect: Rect; value: V }> } = {};
  for (const sheet in per) out[sheet] = mergeIntoRects(per[sheet], keyOf);
  return out;
}

/** Rectangles of one value, grouped: value key → rects. */
function groupRects<V>(items: Array<{ rect: Rect; value: V }>, keyOf: (v: V) => string): { [k: string]: { value: V; rects: Rect[] } } {
  const out: { [k: string]: { value: V; rects: Rect[] } } = {};
  for (const it of items) {
    const k = keyOf(it.value);
    (out[k] = out[k] || { value: it.value, rects: [] }).rects.push(it.rect);
  }
  return out;
}

/** Ops restoring saved formats (fill, then font) of the given cells. */
function restoreOps(ctx: Excel.RequestContext, cells: CellMap<SavedFormat>, c: Caps): Op[] {
  const ops: Op[] = [];
  const bySheet = rectsBySheet(cells, (f) => (f.fill || '-') + '|' + f.font);
  for (const sheet in bySheet) {
    const fills = groupRects(bySheet[sheet], (f) => f.fill || '-');
    for (const k in fills) {
      const fill = fills[k].value.fill;
      ops.push(
        ...rectOps(ctx, sheet, mergeRects(fills[k].rects), c, (format) => {
          if (fill === null) format.fill.clear();
          else format.fill.color = fill;
        }),
      );
    }
    const fonts = groupRects(bySheet[sheet], (f) => f.font);
    for (const k in fonts) {
      const font = fonts[k].value.font;
      ops.push(
        ...rectOps(ctx, sheet, mergeRects(fonts[k].rects), c, (format) => {
          format.font.color = font;
        }),
      );
    }
  }
  return ops;
}

/** Re-merges rectangles of one group (they came from finer keys). */
function mergeRects(rects: Rect[]): Rect[] {
  const cells: Array<{ row: number; column: number; value: number }> = [];
  for (const r of rects) for (let row = r.row; row <= r.lastRow; row++) cells.push({ row, column: r.column, value: r.lastColumn });
  // One entry per row run keeps this cheap: merge vertically runs of equal span.
  const sorted = cells.sort((a, b) => a.column - b.column || a.value - b.value || a.row - b.row);
  const out: Rect[] = [];
  for (const cell of sorted) {
    const last = out.length ? out[out.length - 1] : null;
    if (last && last.column === cell.column && last.lastColumn === cell.value && last.lastRow + 1 === cell.row) last.lastRow = cell.row;
    else out.push({ row: cell.row, lastRow: cell.row, column: cell.column, lastColumn: cell.value });
  }
  return out.sort((a, b) => a.row - b.row || a.column - b.column);
}

type Block = { sheet: string; rect: Rect };

function cellCount(rect: Rect): number {
  return (rect.lastRow - rect.row + 1) * (rect.lastColumn - rect.column + 1);
}

/**
 * Sync(s): the original fill and font colour of the given cells, in as few round trips and bytes
 * as the host allows.
 * - ExcelApi 1.9, when the answer fits in one response: one `getCellProperties` per block, one
 *   sync (the fill pattern tells "no fill" from white).
 * - Otherwise one format load per block (tiny answers). Excel reads the colour (and, 1.9, the
 *   pattern) of a range whose cells differ as null: such blocks are read again in 64-row slices;
 *   then, on 1.9, mixed slices with `getCellProperties` (one more sync, or chunks of them), and
 *   below 1.9 row by row, then cell by cell, only as deep as the cells differ. A log without
 *   fills of its own (the usual case) costs one load per block, not one per row or cell.
 * Below 1.9 white counts as no fill (Excel cannot tell them apart there).
 */
async function readOriginals(ctx: Excel.RequestContext, keys: string[], c: Caps): Promise<CellMap<SavedFormat>> {
  const out: CellMap<SavedFormat> = {};
  if (!keys.length) return out;
  const cells: CellMap<number> = {};
  for (const k of keys) cells[k] = 0;
  const bySheet = rectsBySheet(cells, () => '');
  let pending: Block[] = [];
  for (const sheet in bySheet) for (const r of bySheet[sheet]) pending.push({ sheet, rect: r.rect });
  if (c.v19 && keys.length <= ORIGINALS_PER_SYNC) {
    await readCellProperties(ctx, pending, out);
    return out;
  }
  const mixed: Block[] = [];
  while (pending.length) {
    const finer: Block[] = [];
    await inBatches(
      ctx,
      pending,
      LOADS_PER_SYNC,
      () => 1,
      (j) => {
        const format = ctx.workbook.worksheets.getItem(j.sheet).getRange(rectAddress(j.rect)).format;
        format.fill.load(c.v19 ? ['color', 'pattern'] : 'color');
        format.font.load('color');
        return format;
      },
      (j, format) => {
        const saved = uniformFormat(format, c);
        const { row, lastRow, column, lastColumn } = j.rect;
        if (saved) {
          for (let r = row; r <= lastRow; r++) for (let col = column; col <= lastColumn; col++) out[cellKey(j.sheet, r, col)] = saved;
        } else if (lastRow - row + 1 > MIXED_SLICE_ROWS) {
          // Tall blocks first in slices, so a few fills of the clerk's own in a long log cost a
          // few slices, not every row or cell (one more sync).
          for (let r = row; r <= lastRow; r += MIXED_SLICE_ROWS) finer.push({ sheet: j.sheet, rect: { row: r, lastRow: Math.min(lastRow, r + MIXED_SLICE_ROWS - 1), column, lastColumn } });
        } else if (c.v19) {
          mixed.push(j);
        } else if (lastRow > row) {
          for (let r = row; r <= lastRow; r++) finer.push({ sheet: j.sheet, rect: { row: r, lastRow: r, column, lastColumn } });
        } else if (lastColumn > column) {
          for (let col = column; col <= lastColumn; col++) finer.push({ sheet: j.sheet, rect: { row, lastRow: row, column: col, lastColumn: col } });
        } else {
          // One cell below 1.9 (no pattern to read): whatever Excel says is its format.
          const fill = normaliseColour(format.fill.color);
          out[cellKey(j.sheet, row, column)] = { fill: fill === null || fill === '#FFFFFF' ? null : fill, font: normaliseColour(format.font.color) || '#000000' };
        }
      },
    );
    pending = finer;
  }
  if (mixed.length) await readCellProperties(ctx, mixed, out);
  return out;
}

/** ExcelApi 1.9: fill colour, fill pattern and font colour of every cell of the blocks. */
async function readCellProperties(ctx: Excel.RequestContext, blocks: Block[], out: CellMap<SavedFormat>): Promise<void> {
  const jobs: Block[] = [];
  for (const b of blocks) {
    // Tall blocks are read in slices, so a batch can always be split to fit the size limit.
    const width = b.rect.lastColumn - b.rect.column + 1;
    const step = Math.max(1, Math.floor(SLICE_CELLS / width));
    for (let row = b.rect.row; row <= b.rect.lastRow; row += step) {
      jobs.push({ sheet: b.sheet, rect: { row, lastRow: Math.min(b.rect.lastRow, row + step - 1), column: b.rect.column, lastColumn: b.rect.lastColumn } });
    }
  }
  await inBatches(
    ctx,
    jobs,
    ORIGINALS_PER_SYNC,
    (j) => cellCount(j.rect),
    (j) =>
      ctx.workbook.worksheets
        .getItem(j.sheet)
        .getRange(rectAddress(j.rect))
        .getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } }),
    (j, props) => {
      const grid = props.value;
      for (let r = 0; r < grid.length; r++) {
        for (let col = 0; col < grid[r].length; col++) {
          const fmt = grid[r][col].format || {};
          const pattern = fmt.fill && fmt.fill.pattern;
          const fill = pattern === 'None' ? null : normaliseColour(fmt.fill && fmt.fill.color);
          out[cellKey(j.sheet, j.rect.row + r, j.rect.column + col)] = { fill, font: normaliseColour(fmt.font && fmt.font.color) || '#000000' };
        }
      }
    },
  );
}

/**
 * Queues jobs up to `budget` (by weight) per sync, syncs, hands each job its loaded proxy. A
 * request or response over the host's size limit halves the budget and retries that batch.
 */
async function inBatches<J, Q>(
  ctx: Excel.RequestContext,
  jobs: J[],
  budget: number,
  weight: (j: J) => number,
  queue: (j: J) => Q,
  done: (j: J, q: Q) => void,
  before?: () => void,
): Promise<void> {
  let i = 0;
  while (i < jobs.length) {
    const start = i;
    if (before) before();
    const batch: Array<{ job: J; q: Q }> = [];
    let n = 0;
    while (i < jobs.length && (batch.length === 0 || n + weight(jobs[i]) <= budget)) {
      batch.push({ job: jobs[i], q: queue(jobs[i]) });
      n += weight(jobs[i]);
      i++;
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (!isSizeError(e) || batch.length === 1) throw e;
      budget = Math.max(1, Math.floor(n / 2));
      i = start;
      continue;
    }
    for (const b of batch) done(b.job, b.q);
  }
}

// ---------------------------------------------------------------- state sheet

/**
 * Queues the state sheet's rows `fromRow..toRow` (header first when `fromRow` is 0) as text,
 * written over what is there: the saved originals are never cleared before their replacement is
 * in place. With `clearRest`, rows beyond the new end (up to `previousRows`) are cleared after.
 */
function queueStateWrite(ws: Excel.Worksheet, rows: Array<Array<string | number>>, previousRows: number, clearRest: boolean, fromRow = 0, toRow = rows.length): void {
  const all = fromRow === 0 ? [STATE_HEADER.slice()] : [];
  for (let r = fromRow; r < toRow; r++) {
    const row = rows[r].slice();
    while (row.length < STATE_WIDTH) row.push('');
    all.push(row.map((v) => String(v)));
  }
  if (all.length) {
    const first = fromRow === 0 ? 1 : fromRow + 2;
    const range = ws.getRange('A' + first + ':' + columnLetters(STATE_WIDTH) + (first + all.length - 1));
    range.numberFormat = all.map((row) => row.map(() => '@'));
    range.values = all;
  }
  const end = rows.length + 1;
  if (clearRest && toRow === rows.length && previousRows > end) {
    ws.getRange('A' + (end + 1) + ':' + columnLetters(STATE_WIDTH) + previousRows).clear();
  }
}

/** State rows per op: each op is one values write of at most this many rows. */
const STATE_ROWS_PER_OP = 1000;

/** Ops writing the state rows (header first) over what is there; see queueStateWrite. */
function stateOps(ws: () => Excel.Worksheet, rows: Array<Array<string | number>>, previousRows: number, clearRest: boolean): Op[] {
  const ops: Op[] = [];
  for (let from = 0; from === 0 || from < rows.length; from += STATE_ROWS_PER_OP) {
    const to = Math.min(rows.length, from + STATE_ROWS_PER_OP);
    let bytes = OP_BYTES;
    // values and their '@' number formats, as JSON
    for (let r = from; r < to; r++) bytes += utf8Length(JSON.stringify(rows[r])) + 4 * STATE_WIDTH + 8;
    ops.push(sized(() => queueStateWrite(ws(), rows, previousRows, clearRest, from, to), bytes));
  }
  return ops;
}

/** Rows of the state sheet as read (0 when there is none), to know how much to clear. */
function stateRowCount(state: ReadSheet | null): number {
  return state ? state.firstRow - 1 + state.values.length : 0;
}


// ---------------------------------------------------------------- commands

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
      const old: CellMap<SavedFormat> = read.state ? savedMarks(read.state.values, read.list) : {};
      const ids = sheetIdsOf(read.list);
      const targets: CellMap<Colour> = {};
      const counts: Record<Colour, number> = { red: 0, orange: 0, yellow: 0, green: 0, grey: 0 };
      for (const row of result.rows) {
        counts[row.colour]++;
        for (let col = row.firstColumn; col <= row.lastColumn; col++) targets[cellKey(row.sheet, row.row, col)] = row.colour;
      }

      const touched: { [sheet: string]: true } = {};
      for (const key in targets) touched[parseCellKey(key).sheet] = true;
      for (const key in old) touched[parseCellKey(key).sheet] = true;
      for (const s of read.sheets) if (s.protected && touched[s.name]) refuse('protected', protectedMessage(s.name, '标记颜色'));
      if (read.state && read.state.protected) refuse('protected', protectedMessage(read.state.name, '保存原始格式'));

      const fresh: string[] = [];
      for (const key in targets) if (!old[key]) fresh.push(key);
      const probed = originalsFromProbes(fresh, read.sheets);
      const originals = await readOriginals(ctx, probed.rest, c);
      for (const key in probed.known) originals[key] = probed.known[key];

      const union: CellMap<SavedFormat> = {};
      for (const key in old) union[key] = old[key];
      for (const key in originals) union[key] = originals[key];
      const finalState: CellMap<SavedFormat> = {};
      for (const key in targets) if (union[key]) finalState[key] = union[key];
      const restore: CellMap<SavedFormat> = {};
      for (const key in old) if (!targets[key]) restore[key] = old[key];

      let unionCount = 0;
      let finalCount = 0;
      for (const key in union) unionCount++;
      for (const key in finalState) finalCount++;
      // Usually (a first run, or the same rows again) nothing saved is dropped: then the superset
      // is the final state, written once.
      const once = unionCount === finalCount;
      const unionRows = encodeState(union, ids);
      const finalRows = once ? unionRows : encodeState(finalState, ids);
      const stateName = read.state ? read.state.name : STATE_SHEET;
      const stateWs = () => ctx.workbook.worksheets.getItem(stateName);
      const writeState = !!read.state || Object.keys(targets).length > 0;
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
      if (writeState) ops.push(...stateOps(stateWs, unionRows, previousRows, once));
      ops.push(...restoreOps(ctx, restore, c));
      const bySheet = rectsBySheet(targets, (colour) => colour);
      for (const sheet in bySheet) {
        const groups = groupRects(bySheet[sheet], (colour) => colour);
        for (const colour of COLOURS) {
          const g = groups[colour];
          if (!g) continue;
          const p = PALETTE[colour];
          ops.push(
            ...rectOps(ctx, sheet, g.rects, c, (format) => {
              format.fill.color = p.fill;
              if (p.font) format.font.color = p.font;
            }),
          );
        }
      }
      if (writeState && !once) ops.push(...stateOps(stateWs, finalRows, unionEnd, true));
      try {
        await runOps(ctx, ops, c);
      } catch (e) {
        // Below 1.2 protection cannot be read first: the write meets it. Put back what was coloured.
        if (!c.v12 && isProtectionError(e)) await rollBackProtected(ctx, union, old, stateName, unionEnd, ids, c);
        throw e;
      }
      if (!read.state && writeState && rememberedNames) remember(rememberedNames.concat([STATE_SHEET]));
      let marked = 0;
      for (const key in targets) marked++;
      return { result, counts, markedCells: marked, mergedCellsRead: read.mergedCellsRead };
    }),
  );
}

function isProtectionError(e: unknown): boolean {
  const err = (e || {}) as { code?: string; message?: string };
  return err.code === 'AccessDenied' || /protected/i.test(String(err.message || ''));
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
  const per: { [sheet: string]: CellMap<SavedFormat> } = {};
  for (const key in saved) {
    const sheet = parseCellKey(key).sheet;
    (per[sheet] = per[sheet] || {})[key] = saved[key];
  }
  const keep: CellMap<SavedFormat> = {};
  const refused: string[] = [];
  for (const sheet in per) {
    for (const op of restoreOps(ctx, per[sheet], c)) op();
    try {
      await ctx.sync();
    } catch (e) {
      if (!isProtectionError(e)) throw e;
      refused.push(sheet);
      for (const key in per[sheet]) if (old[key]) keep[key] = old[key];
    }
  }
  const ws = ctx.workbook.worksheets.getItem(stateName);
  if (Object.keys(keep).length) queueStateWrite(ws, encodeState(keep, ids), previousRows, true);
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
      let n = 0;
      for (const key in restore) {
        sheets[parseCellKey(key).sheet] = true;
        n++;
      }
      for (const x of prot) if (x.p.protected && sheets[x.name]) refuse('protected', protectedMessage(x.name, '恢复原始格式'));
      // The state sheet goes last: deleted in the same sync as the restores (or after the last
      // chunk of them), so it never disappears while cells still carry marks.
      const ops = restoreOps(ctx, restore, c);
      ops.push(() => ctx.workbook.worksheets.getItem(stateListing.name).delete());
      await runOps(ctx, ops, c);
      if (rememberedNames) remember(rememberedNames.filter((name) => !sameName(name, stateListing.name)));
      return { restoredCells: n };
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
      if (c.v16) ctx.workbook.application.suspendApiCalculationUntilNextSync();
      if (old) ctx.workbook.worksheets.getItem(old.name).delete();
      const ws = ctx.workbook.worksheets.add(layout.sheetName);
      if (old) ws.position = old.position;
      const chart = queueSummary(ws, layout, c);
      ws.activate();
      await ctx.sync();
      return { result: read.result, sheetName: layout.sheetName, replaced: !!old, chart };
    }),
  );
}

function blockAddress(b: { row: number; column: number; rows: number; columns: number }): string {
  return rectAddress({ row: b.row + 1, lastRow: b.row + b.rows, column: b.column + 1, lastColumn: b.column + b.columns });
}

/** Queues the whole summary sheet; returns whether a chart was queued. */
function queueSummary(ws: Excel.Worksheet, layout: SummaryLayout, c: Caps): boolean {
  const height = layout.values.length;
  const width = layout.columnWidths.length;
  if (!height) return false;
  const all = ws.getRange('A1:' + columnLetters(width) + height);
  // Every text cell is formatted as text first, so `=…`, `+…`, `0/1` or `1-2` stay what they are.
  all.numberFormat = layout.values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
  all.values = layout.values;
  all.format.verticalAlignment = 'Center';
  if (c.v12) {
    for (const m of layout.merges) ws.getRange(blockAddress(m)).merge(false);
    layout.columnWidths.forEach((w, i) => {
      // Excel's width unit is points here: about 6 points per character of the default font.
      ws.getRange(columnLetters(i + 1) + '1').format.columnWidth = Math.round(w * 6 + 4);
    });
  }
  for (const s of layout.styles) queueStyle(ws.getRange(blockAddress(s)).format, s);
  for (const link of layout.links) {
    const cell = ws.getRange(columnLetters(link.column + 1) + (link.row + 1));
    const text = String(layout.values[link.row][link.column]);
    if (c.v17) {
      cell.hyperlink = {
        documentReference: quoteSheetName(link.target.sheet) + '!A' + link.target.row,
        textToDisplay: text,
        screenTip: '转到“' + link.target.sheet + '”第 ' + link.target.row + ' 行',
      };
    }
    // Below 1.7 the text stays (no link); the look is the same either way.
    cell.format.font.color = LINK_FONT;
    cell.format.font.underline = 'Single';
  }
  if (c.v12) ws.getRange('A1:' + columnLetters(width) + height).format.autofitRows();
  // Printable as the CLI's: A4 landscape, one page wide (1.9); no gridlines (1.8).
  if (c.v18) ws.showGridlines = false;
  if (c.v19) {
    ws.pageLayout.orientation = 'Landscape';
    ws.pageLayout.paperSize = 'A4';
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  const t = layout.leaderTable;
  if (!t || t.lastRow < t.firstRow) return false;
  const data = ws.getRange(
    rectAddress({ row: t.headerRow + 1, lastRow: t.lastRow + 1, column: t.requiredColumn + 1, lastColumn: t.doneColumn + 1 }),
  );
  const chart = ws.charts.add('ColumnClustered', data, 'Columns');
  chart.title.text = '应检次数与实检次数（按带队领导）';
  const anchor = layout.chartAnchor;
  chart.setPosition(
    columnLetters(anchor.column + 1) + (anchor.row + 1),
    columnLetters(anchor.column + Math.min(width, 8)) + (anchor.row + 18),
  );
  if (c.v17) {
    const names = ws.getRange(rectAddress({ row: t.firstRow + 1, lastRow: t.lastRow + 1, column: t.nameColumn + 1, lastColumn: t.nameColumn + 1 }));
    chart.series.getItemAt(0).setXAxisValues(names);
    chart.series.getItemAt(1).setXAxisValues(names);
  }
  return true;
}

function queueStyle(f: Excel.RangeFormat, s: BlockStyle): void {
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.font !== undefined) f.font.color = s.font;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.align !== undefined) f.horizontalAlignment = s.align === 'center' ? 'Center' : s.align === 'right' ? 'Right' : 'Left';
  if (s.border) {
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as Excel.BorderIndex[];
    for (const e of edges) {
      if ((e === 'InsideHorizontal' && s.rows < 2) || (e === 'InsideVertical' && s.columns < 2)) continue;
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.color = BORDER_COLOUR;
    }
  }
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
