/**
 * An in-memory Excel behind the subset of the Excel JavaScript API the adapter (src/excel) uses.
 *
 * Typed against @types/office-js: every proxy class `implements Facade<Excel.X, props, methods>`,
 * i.e. `Pick<Excel.X, props>` for the data properties (same names, same types) plus the listed
 * methods with Excel's own parameter types. A renamed member or a wrong parameter type in the
 * simulator fails `npm run typecheck`. The adapter receives the proxies cast to `Excel.*`.
 *
 * Proxy semantics as in Office.js: setters and methods queue commands; `load` queues a read; a
 * property that was not loaded (or is read before `sync`) throws PropertyNotLoaded; commands run in
 * order at `sync`, where a failing command (ItemNotFound, ApiNotFound above the configured
 * requirement set, AccessDenied on a protected sheet, InvalidArgument for a values array of the
 * wrong shape) stops the batch, the commands before it staying applied, as in Excel.
 * Counts syncs, commands and request/response bytes (UTF-8 JSON of the queued commands / loaded data);
 * either above `limitBytes` (default 5 MB) fails the sync with Request/ResponsePayloadSizeLimitExceeded.
 * A sync with nothing queued sends nothing and is not counted, as in Office.js.
 *
 * Object paths as Microsoft's client keeps them (measured with test/richapi): an object made by a
 * method (getRange, getUsedRange, getOffsetRange, worksheets.add, charts.add, …) is valid for the
 * request it is first sent in. Only ranges (Range, RangeAreas) can be kept longer: inside
 * `Excel.run` the client tracks every range until the run ends (unless `untrack()`ed), on a bare
 * `new Excel.RequestContext()` only while tracked (`track()`, `context.trackedObjects.add`). A sheet
 * from `worksheets.add()` cannot be kept: reusing it after its sync throws InvalidObjectPath, as
 * does any such stale proxy (and everything reached through it). Behind test/richapi the same
 * model answers Microsoft's real client: the RichApi host there only translates the protocol (wire
 * names in test/richapi/wire-names.ts).
 */
import { areaAddress, columnLetters, fullAddress, MAX_COLUMNS, MAX_ROWS, parseArea, splitSheet, type SimRect } from './address';

// ------------------------------------------------------------------ public types

/** Cell formats of a sheet at creation: address (`A1` or `A1:D4`) → `#RRGGBB`. */
export type SimColourMap = Record<string, string>;

export interface SimSheetInit {
  name: string;
  values: Array<Array<string | number | boolean>>;
  /** Original fills: address → colour. */
  fills?: SimColourMap;
  /** Original font colours: address → colour. */
  fonts?: SimColourMap;
  protected?: boolean;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** 1-based row/column where `values[0][0]` goes; default 1. */
  firstRow?: number;
  firstColumn?: number;
  /**
   * Merged areas as A1 addresses (`'B3:B5'`), in sheet coordinates. As in Excel, a merged area holds
   * its value in its top-left cell only: values given for its other cells are dropped.
   */
  merges?: string[];
}

export interface SimOptions {
  sheets: SimSheetInit[];
  /** Highest ExcelApi version the host supports, e.g. '1.1', '1.9' or '1.13' (compared numerically); default '1.9'. */
  apiVersion?: string;
  date1904?: boolean;
  /** Request and response limit in bytes; default 5 MB as Excel on the web. */
  limitBytes?: number;
}

export interface SimStats {
  syncs: number;
  /** Commands (including loads) per sync are summed here. */
  commands: number;
  /** Request bytes of each sync, in order. */
  requestBytes: number[];
  /** Response bytes of each sync, in order. */
  responseBytes: number[];
  /** Commands of each sync, in order. */
  commandsPerSync: number[];
  /** Excel.run calls. */
  runs: number;
  /** Per sync: the error code it failed with, or null. */
  errors: Array<string | null>;
  /** Queued calls and property sets by member (`getRanges`, `set color`, `load`...), for tests. */
  members: Record<string, number>;
}

export interface SimChartState {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: { start: string; end: string } | null;
  xAxisValues: string[];
}

export interface SimCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  font?: string | null;
  bold?: boolean;
  size?: number;
  underline?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  borders?: Record<string, string>;
  hyperlink?: Excel.RangeHyperlink;
}

interface SheetState {
  id: number;
  name: string;
  /** Keyed by `key(row, column)`, a number, so scans such as the used range decode it without parsing. */
  cells: Map<number, SimCell>;
  /** The used range's bounds as last computed (`all`: formats count; `values`: values only); dropped by every write. */
  usedCache?: { all?: SimRect | null; values?: SimRect | null };
  protected: boolean;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  charts: SimChartState[];
  merges: SimRect[];
  columnWidths: Record<number, number>;
  /** Row heights in points set through `format.rowHeight`, by 1-based row. */
  rowHeights: Record<number, number>;
  showGridlines: boolean;
  pageLayout: { orientation?: string; paperSize?: string; zoom?: Excel.PageLayoutZoomOptions; firstPageNumber?: number | ''; centerFooter?: string };
}

/** An error as Office.js reports it (OfficeExtension.Error's shape). */
export class SimError extends Error {
  code: string;
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

// ------------------------------------------------------------------ helpers

function versionParts(v: string): number[] {
  return String(v).split('.').map((x) => parseInt(x, 10) || 0);
}

export function versionAtLeast(have: string, want: string): boolean {
  const a = versionParts(have);
  const b = versionParts(want);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] || 0;
    const y = b[i] || 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Bytes of a string in UTF-8 (what goes over the wire), without Buffer so it runs in a page. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function overlaps(a: SimRect, b: SimRect): boolean {
  return a.row <= b.lastRow && b.row <= a.lastRow && a.column <= b.lastColumn && b.column <= a.lastColumn;
}

/** Merged areas Range.getMergedAreasOrNullObject reports at most (Office.js reference: "more than 512 … will fail"). */
export const MAX_MERGED_AREAS = 512;

/** Columns per row in a cell key: Excel's 16,384 columns. */
const KEY_STRIDE = MAX_COLUMNS;

function key(row: number, column: number): number {
  return row * KEY_STRIDE + (column - 1);
}

// Under Jest the code runs in a vm context, where every global lookup (Math…) is slow: the
// loops over every cell use local copies.
const floor = Math.floor;

function keyRow(k: number): number {
  return floor(k / KEY_STRIDE);
}

function keyColumn(k: number): number {
  return (k % KEY_STRIDE) + 1;
}

function normColour(c: unknown, member: string): string {
  if (typeof c !== 'string') throw new SimError('InvalidArgument', member + ': a colour must be a string', member);
  const m = /^#?([0-9A-Fa-f]{6})$/.exec(c);
  if (m) return '#' + m[1].toUpperCase();
  const named: Record<string, string> = { red: '#FF0000', white: '#FFFFFF', black: '#000000', yellow: '#FFFF00', blue: '#0000FF', green: '#008000' };
  if (named[c.toLowerCase()]) return named[c.toLowerCase()];
  throw new SimError('InvalidArgument', member + ': not a colour: ' + c, member);
}

const CELL_VALUE_TYPES = ['string', 'number', 'boolean'];

type Methods<T, K extends keyof T> = { [P in K]: T[P] extends (...a: infer A) => unknown ? (...a: A) => unknown : never };
/** `Pick<T, P>` for the data properties plus the methods `M` with Excel's parameter types. */
type Facade<T, P extends keyof T, M extends keyof T> = Pick<T, P> & Methods<T, M>;

type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(spec: LoadSpec): string[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(spec)) return spec.reduce<string[]>((a, s) => a.concat(loadPaths(s)), []);
  if (spec && spec.select) return loadPaths(spec.select);
  return [];
}

// ------------------------------------------------------------------ the workbook state

/** The simulated workbook and the test's view of it. */
export class SimWorkbook {
  sheets: SheetState[] = [];
  private nextId = 1;
  selected: { sheet: string; address: string } | null = null;
  active: number | null = null;
  date1904 = false;

  constructor(init: SimSheetInit[]) {
    for (const s of init) this.addSheetFromInit(s);
    this.active = this.sheets.length ? this.sheets[0].id : null;
  }

  addSheetFromInit(s: SimSheetInit): void {
    const sheet = this.newSheet(s.name);
    sheet.protected = !!s.protected;
    sheet.visibility = s.visibility || 'Visible';
    const r0 = s.firstRow || 1;
    const c0 = s.firstColumn || 1;
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        this.cell(sheet, r0 + r, c0 + c).value = v;
      }),
    );
    const paint = (map: SimColourMap | undefined, prop: 'fill' | 'font') => {
      for (const addr in map || {}) {
        const rect = parseArea(addr);
        if (!rect) throw new Error('bad address in init: ' + addr);
        for (let r = rect.row; r <= rect.lastRow; r++) for (let c = rect.column; c <= rect.lastColumn; c++) this.cell(sheet, r, c)[prop] = normColour(map![addr], 'init');
      }
    };
    paint(s.fills, 'fill');
    paint(s.fonts, 'font');
    for (const addr of s.merges || []) {
      const rect = parseArea(addr);
      if (!rect || (rect.row === rect.lastRow && rect.column === rect.lastColumn)) throw new Error('bad merged area in init: ' + addr);
      if (sheet.merges.some((m) => overlaps(m, rect))) throw new Error('merged areas overlap in init: ' + addr);
      sheet.merges.push(rect);
      sheet.usedCache = undefined;
      // Excel keeps a merged area's value in its top-left cell only.
      for (let r = rect.row; r <= rect.lastRow; r++) {
        for (let c = rect.column; c <= rect.lastColumn; c++) {
          const cell = r === rect.row && c === rect.column ? undefined : this.peek(sheet, r, c);
          if (cell) cell.value = '';
        }
      }
    }
  }

  newSheet(name: string): SheetState {
    const sheet: SheetState = { id: this.nextId++, name, cells: new Map(), protected: false, visibility: 'Visible', charts: [], merges: [], columnWidths: {}, rowHeights: {}, showGridlines: true, pageLayout: {} };
    this.sheets.push(sheet);
    return sheet;
  }

  find(name: string): SheetState | undefined {
    // Excel's sheet names are case-insensitive; the exact name first, as it is by far the usual.
    for (const s of this.sheets) if (s.name === name) return s;
    const upper = name.toLocaleUpperCase();
    for (const s of this.sheets) if (s.name.toLocaleUpperCase() === upper) return s;
    return undefined;
  }

  byId(id: number): SheetState | undefined {
    return this.sheets.filter((s) => s.id === id)[0];
  }

  /** The cell to write to, made when missing. Every write goes through here (or `clear`), so it drops the used-range cache. */
  cell(sheet: SheetState, row: number, column: number): SimCell {
    sheet.usedCache = undefined;
    const k = key(row, column);
    let c = sheet.cells.get(k);
    if (!c) sheet.cells.set(k, (c = { value: '' }));
    return c;
  }

  peek(sheet: SheetState, row: number, column: number): SimCell | undefined {
    return sheet.cells.get(key(row, column));
  }

  private must(name: string): SheetState {
    const s = this.find(name);
    if (!s) throw new Error('no sheet ' + name);
    return s;
  }

  // ---- getters for tests

  /** The cell's fill `#RRGGBB`, or null for no fill. Row and column are 1-based. */
  fillAt(sheet: string, row: number, col: number): string | null {
    const c = this.peek(this.must(sheet), row, col);
    return c && c.fill ? c.fill : null;
  }

  /**
   * The cell's font colour `#RRGGBB`, or null for automatic. Black counts as automatic: Office.js
   * reads both as `#000000` and cannot set "automatic" back, and they look the same.
   */
  fontColourAt(sheet: string, row: number, col: number): string | null {
    const c = this.peek(this.must(sheet), row, col);
    return c && c.font && c.font !== '#000000' ? c.font : null;
  }

  /** Values of the used range from A1 (so indices are row-1, col-1), as Excel shows them. */
  valuesOf(sheet: string): Array<Array<string | number | boolean>> {
    const s = this.must(sheet);
    let rows = 0;
    let cols = 0;
    s.cells.forEach((c, k) => {
      if (c.value === '') return;
      const r = keyRow(k);
      const col = keyColumn(k);
      if (r > rows) rows = r;
      if (col > cols) cols = col;
    });
    const out: Array<Array<string | number | boolean>> = [];
    for (let r = 1; r <= rows; r++) {
      const row: Array<string | number | boolean> = [];
      for (let c = 1; c <= cols; c++) {
        const cell = s.cells.get(key(r, c));
        row.push(cell ? cell.value : '');
      }
      out.push(row);
    }
    return out;
  }

  /** The cell itself (value, formula, formats), or undefined. */
  cellAt(sheet: string, row: number, col: number): SimCell | undefined {
    return this.peek(this.must(sheet), row, col);
  }

  /** All sheet names in tab order, hidden ones included. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  visibilityOf(sheet: string): string {
    return this.must(sheet).visibility;
  }

  /** The last selected range: `{ sheet, address }` with address like `A5:D5`. */
  selection(): { sheet: string; address: string } | null {
    return this.selected;
  }

  activeSheet(): string | null {
    const s = this.active === null ? undefined : this.byId(this.active);
    return s ? s.name : null;
  }

  charts(sheet: string): SimChartState[] {
    return this.must(sheet).charts.map((c) => ({ ...c, xAxisValues: c.xAxisValues.slice() }));
  }

  /** Row heights set on a sheet (points, by 1-based row); rows never set are absent. */
  rowHeights(sheet: string): Record<number, number> {
    return { ...this.must(sheet).rowHeights };
  }

  pageSetup(sheet: string): { showGridlines: boolean } & SheetState['pageLayout'] {
    const s = this.must(sheet);
    return { showGridlines: s.showGridlines, ...s.pageLayout };
  }

  merges(sheet: string): string[] {
    return this.must(sheet).merges.map(areaAddress);
  }

  /** Fill and font colour of every formatted cell of every sheet except the add-in's own: `sheet!A1` → [fill, font]. */
  formatsSnapshot(filter: (sheet: string) => boolean = () => true): Record<string, [string | null, string | null]> {
    const out: Record<string, [string | null, string | null]> = {};
    for (const s of this.sheets) {
      if (!filter(s.name)) continue;
      s.cells.forEach((c, k) => {
        // As fillAt and fontColourAt give them: black counts as automatic.
        const fill = c.fill || null;
        const font = c.font && c.font !== '#000000' ? c.font : null;
        if (fill || font) out[s.name + '!' + columnLetters(keyColumn(k)) + keyRow(k)] = [fill, font];
      });
    }
    return out;
  }
}

// ------------------------------------------------------------------ the request context

interface Command {
  desc: unknown;
  apply: () => void;
  /** A step of the protocol (test/richapi: instantiate, keep a reference), not an Excel command: not counted. */
  meta?: boolean;
}

/**
 * A sync as a RichApi host runs it (test/richapi): the request's real JSON size, and the real
 * response's, measured once the loaded values are in (both against the limit).
 */
export interface WireSync {
  requestBytes: number;
  responseBytes(): number;
}

export class SimHost {
  workbook: SimWorkbook;
  apiVersion: string;
  limitBytes: number;
  busy = false;
  stats: SimStats = { syncs: 0, commands: 0, requestBytes: [], responseBytes: [], commandsPerSync: [], runs: 0, members: {}, errors: [] };
  private fault: { atSync: number; after: number } | null = null;

  constructor(o: SimOptions) {
    this.workbook = new SimWorkbook(o.sheets);
    this.workbook.date1904 = !!o.date1904;
    this.apiVersion = o.apiVersion || '1.9';
    this.limitBytes = o.limitBytes || 5 * 1024 * 1024;
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  requireApi(version: string, member: string): void {
    if (!this.supports(version)) throw new SimError('ApiNotFound', 'The API you are trying to use could not be found (' + member + ' needs ExcelApi ' + version + ').', member);
  }

  /** Fails the n-th sync from now (1 = the next) after applying `afterCommands` of its commands. */
  failSync(n: number, afterCommands: number): void {
    this.fault = { atSync: this.stats.syncs + n, after: afterCommands };
  }

  /**
   * Runs one sync's commands in order. A failing command stops the batch (the ones before it stay
   * applied); its error carries `commandIndex`, its place in `queue`. `wire`: the sizes of the
   * real request and response (test/richapi) instead of the simulator's own estimates.
   */
  runSync(queue: Command[], pending: Array<() => void>, response: { bytes: number }, wire?: WireSync): void {
    this.stats.syncs++;
    let commands = 0;
    for (const c of queue) if (!c.meta) commands++;
    const bytes = wire ? wire.requestBytes : utf8Length(JSON.stringify(queue.filter((c) => !c.meta).map((c) => c.desc)));
    this.stats.requestBytes.push(bytes);
    this.stats.commandsPerSync.push(commands);
    this.stats.commands += commands;
    const fault = this.fault && this.fault.atSync === this.stats.syncs ? this.fault : null;
    if (fault) this.fault = null;
    this.stats.errors.push(null);
    try {
      this.applySync(queue, pending, response, bytes, fault, wire);
    } catch (e) {
      this.stats.errors[this.stats.errors.length - 1] = (e as SimError).code || 'Error';
      throw e;
    }
  }

  private applySync(queue: Command[], pending: Array<() => void>, response: { bytes: number }, bytes: number, fault: { after: number } | null, wire?: WireSync): void {
    if (this.busy) throw new SimError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    if (bytes > this.limitBytes) {
      this.stats.responseBytes.push(0);
      throw new SimError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    // A fault past the end of the batch fails it after its last command (protocol steps not counted).
    let total = 0;
    for (const c of queue) if (!c.meta) total++;
    const cut = fault ? Math.min(fault.after, total) : -1;
    let done = 0;
    try {
      for (let i = 0; i <= queue.length; i++) {
        const meta = i < queue.length && queue[i].meta;
        if (done === cut && !meta) throw Object.assign(new SimError('GeneralException', 'Simulated failure after ' + cut + ' commands.'), { commandIndex: i });
        if (i === queue.length) break;
        try {
          queue[i].apply();
        } catch (e) {
          if (e && typeof e === 'object') (e as { commandIndex?: number }).commandIndex = i;
          throw e;
        }
        if (!meta) done++;
      }
    } catch (e) {
      this.stats.responseBytes.push(response.bytes);
      throw e;
    }
    if (!wire) {
      this.stats.responseBytes.push(response.bytes);
      if (response.bytes > this.limitBytes) throw new SimError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
      for (const p of pending) p();
      return;
    }
    for (const p of pending) p();
    const real = wire.responseBytes();
    this.stats.responseBytes.push(real);
    if (real > this.limitBytes) throw new SimError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
  }
}

/**
 * How a context keeps the object paths its proxies made (see the module comment): `run` for
 * `Excel.run` (tracked until the run ends), `bare` for `new Excel.RequestContext()` (a method's
 * range is valid for its request only, unless tracked), `host` for the RichApi host of
 * test/richapi, which keeps what the real client tells it to keep.
 */
export type SimContextMode = 'run' | 'bare' | 'host';

export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  /** @internal */ _queue: Command[] = [];
  /** @internal */ _pending: Array<() => void> = [];
  /** @internal */ _response = { bytes: 0 };
  /** @internal Syncs sent so far. */ _syncs = 0;
  /** @internal Set when its Excel.run is over. */ _closed = false;
  readonly trackedObjects = {
    add: (o: SimObject | SimObject[]) => {
      for (const x of Array.isArray(o) ? o : [o]) x.track();
    },
    remove: (o: SimObject | SimObject[]) => {
      for (const x of Array.isArray(o) ? o : [o]) x.untrack();
    },
  };
  constructor(readonly host: SimHost, readonly mode: SimContextMode = 'run') {
    this.workbook = new SimWorkbookProxy(this);
  }
  /** @internal */ enqueue(desc: { op: string; method?: string; prop?: string; [more: string]: unknown }, apply: () => void, meta = false): void {
    if (!meta) {
      const name = desc.op === 'call' ? String(desc.method) : desc.op === 'set' ? 'set ' + desc.prop : desc.op;
      this.host.stats.members[name] = (this.host.stats.members[name] || 0) + 1;
    }
    this._queue.push({ desc, apply, meta });
  }
  /** @internal */ respond(value: unknown, set: () => void): void {
    // Behind the RichApi host the real response is measured instead.
    if (this.mode !== 'host') this._response.bytes += utf8Length(JSON.stringify(value === undefined ? null : value));
    this._pending.push(set);
  }
  async sync(): Promise<void> {
    await this._sync();
  }
  /** @internal The sync, with the real request's sizes when the RichApi host runs it. */
  async _sync(wire?: WireSync): Promise<void> {
    const queue = this._queue;
    this._queue = [];
    // Office.js sends nothing for a sync with nothing queued.
    if (!queue.length && !wire) return;
    this._syncs++;
    await Promise.resolve();
    // Loads during this sync respond into fresh arrays; they become visible only on success.
    this._pending = [];
    this._response = { bytes: 0 };
    try {
      this.host.runSync(queue, this._pending, this._response, wire);
    } finally {
      this._pending = [];
      this._response = { bytes: 0 };
    }
  }
}

// ------------------------------------------------------------------ proxies

export abstract class SimObject {
  protected _data: Record<string, unknown> = {};
  /**
   * The proxy made by a method (getRange, getUsedRange, …) whose object path this one extends, or
   * null (a path of properties and indexers from the workbook, valid as long as the context).
   */
  /** @internal */ _origin: SimObject | null = null;
  /** @internal The sync (count) a method-made proxy was first sent in. */
  /** @internal */ _sentAt: number | undefined = undefined;
  /** @internal Whether the client keeps its reference (a range only). */
  /** @internal */ _tracked = false;
  /** @internal For a method-made proxy: the origin of the proxy it was made from. */
  /** @internal */ _parentOrigin: SimObject | null = null;
  constructor(readonly _ctx: SimRequestContext, readonly _path: string) {}

  /** The Excel class this proxy stands for (`Range`, `Worksheet`…), as the RichApi host names it. */
  abstract get _type(): string;

  /**
   * Makes `child` a proxy derived from this one: `made` when a method made it (its path lives
   * for one request unless tracked), else it shares this one's origin.
   */
  protected _derive<T extends SimObject>(child: T, made = false): T {
    child._origin = made ? child : this._origin;
    if (made) child._parentOrigin = this._origin;
    // Excel.run tracks every range it makes (the client keeps a reference for it until the run ends).
    if (made && child._ctx.mode === 'run' && child._trackable()) child._tracked = true;
    return child;
  }

  /** Whether the client can keep this object's reference: ranges only (they have `_KeepReference`). */
  /** @internal */ _trackable(): boolean {
    return this._type === 'Range' || this._type === 'RangeAreas';
  }

  /**
   * Throws InvalidObjectPath, as Microsoft's client does before sending, when this proxy's path
   * is no longer valid; else marks it as sent in the coming sync.
   */
  /** @internal */ _use(): void {
    const ctx = this._ctx;
    if (!this._origin || ctx.mode === 'host') return;
    // Up the methods this path was made through, to the first whose reference the client keeps.
    let stale = false;
    for (let o: SimObject | null = this._origin; o && !stale; o = o._parentOrigin) {
      const sent = o._sentAt !== undefined;
      stale = sent && (ctx._closed || (!o._tracked && o._sentAt! < ctx._syncs));
      if (sent && o._tracked) break;
    }
    if (stale) {
      throw new SimError(
        'InvalidObjectPath',
        "The object path '" + this._path + "' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
      );
    }
    for (let o: SimObject | null = this._origin; o; o = o._parentOrigin) if (o._sentAt === undefined) o._sentAt = ctx._syncs;
  }

  /** Keeps this proxy's path valid across syncs (Office.js `track()`; a range only, else nothing). */
  track(): this {
    const o = this._origin;
    if (o && o._trackable()) o._tracked = true;
    return this;
  }

  /** Releases this proxy's path: not to be used after the sync it is sent in (Office.js `untrack()`). */
  untrack(): this {
    const o = this._origin;
    if (o) o._tracked = false;
    return this;
  }

  /**
   * @internal Whether the object exists now (at sync), for the RichApi host's Instantiate: false
   * for a null object; throws as Excel does for one that cannot be found.
   */
  _exists(): boolean {
    return true;
  }

  /** @internal Queues a command of this proxy (checking its path first). */
  protected _enqueue(desc: { op: string; method?: string; prop?: string; [more: string]: unknown }, apply: () => void): void {
    this._use();
    this._ctx.enqueue(desc, apply);
  }

  protected _get<T>(prop: string): T {
    if (!Object.prototype.hasOwnProperty.call(this._data, prop)) {
      throw new SimError(
        'PropertyNotLoaded',
        "The property '" + prop + "' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
    }
    return this._data[prop] as T;
  }

  /** Scalar properties that can be loaded: name → [min version, reader at sync]. */
  protected abstract _loadable(): Record<string, [string, () => unknown]>;
  /** Navigation properties for `a/b` load paths. */
  protected _navigate(_name: string): SimObject | null {
    return null;
  }

  protected _set(prop: string, version: string, value: unknown, apply: () => void): void {
    this._enqueue({ op: 'set', path: this._path, prop, value }, () => {
      this._ctx.host.requireApi(version, this._path + '.' + prop);
      apply();
    });
  }

  protected _call(method: string, version: string, args: unknown[], apply: () => void): void {
    this._enqueue({ op: 'call', path: this._path, method, args }, () => {
      this._ctx.host.requireApi(version, this._path + '.' + method);
      apply();
    });
  }

  load(spec?: LoadSpec): this {
    const scalars: string[] = [];
    for (const p of loadPaths(spec)) {
      const cut = p.indexOf('/');
      if (cut > 0) {
        const nav = this._navigate(p.slice(0, cut));
        if (!nav) throw new SimError('InvalidArgument', 'Cannot load ' + p + ' on ' + this._path);
        nav.load(p.slice(cut + 1));
      } else scalars.push(p);
    }
    if (scalars.length) this._queueLoad(scalars);
    return this;
  }

  protected _queueLoad(props: string[]): void {
    this._enqueue({ op: 'load', path: this._path, props }, () => {
      const values = this._readNow(props);
      this._ctx.respond(values, () => this._accept(values));
    });
  }

  /** @internal The loadable properties `props` as they are now (at sync), for a load or a collection's items. */
  _readNow(props: string[]): Record<string, unknown> {
    const table = this._loadable();
    const values: Record<string, unknown> = {};
    for (const p of props) {
      const def = table[p];
      if (!def) throw new SimError('InvalidArgument', 'Unknown property ' + p + ' of ' + this._path, this._path);
      this._ctx.host.requireApi(def[0], this._path + '.' + p);
      values[p] = def[1]();
    }
    return values;
  }

  /** @internal Makes loaded values readable (after a successful sync). */
  _accept(values: Record<string, unknown>): void {
    for (const p in values) this._data[p] = values[p];
  }

  private _children: Record<string, SimObject> = {};
  /** Navigation properties return the same proxy every time, as in Office.js. */
  protected _child<T extends SimObject>(name: string, make: () => T): T {
    return (this._children[name] || (this._children[name] = this._derive(make()))) as T;
  }

  protected get _host(): SimHost {
    return this._ctx.host;
  }
  protected get _wb(): SimWorkbook {
    return this._ctx.host.workbook;
  }
}

class SimWorkbookProxy extends SimObject {
  get _type(): string {
    return 'Workbook';
  }
  readonly worksheets: SimWorksheetCollection;
  readonly application: SimApplication;
  constructor(ctx: SimRequestContext) {
    super(ctx, 'workbook');
    this.worksheets = new SimWorksheetCollection(ctx);
    this.application = new SimApplication(ctx);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
}

class SimApplication extends SimObject implements Facade<Excel.Application, never, 'suspendApiCalculationUntilNextSync'> {
  get _type(): string {
    return 'Application';
  }
  constructor(ctx: SimRequestContext) {
    super(ctx, 'application');
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', '1.6', [], () => undefined);
  }
}

class SimWorksheetCollection extends SimObject implements Facade<Excel.WorksheetCollection, never, 'getItem' | 'add' | 'getActiveWorksheet'> {
  get _type(): string {
    return 'WorksheetCollection';
  }
  private _items: SimWorksheet[] | null = null;
  constructor(ctx: SimRequestContext) {
    super(ctx, 'worksheets');
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  get items(): SimWorksheet[] {
    if (!this._items) throw new SimError('PropertyNotLoaded', "The property 'items' is not available. Call load and sync first.");
    return this._items;
  }
  load(spec?: LoadSpec): this {
    const props: string[] = [];
    for (const p of loadPaths(spec)) {
      if (p.indexOf('items/') === 0) props.push(p.slice(6));
      else if (p === 'items') props.push('name');
      else throw new SimError('InvalidArgument', 'Cannot load ' + p + ' on worksheets');
    }
    this._enqueue({ op: 'load', path: 'worksheets', props: props.map((p) => 'items/' + p) }, () => {
      const items = this._wb.sheets.map((s) => {
        const ws = new SimWorksheet(this._ctx, 'worksheets[' + s.id + ']', () => {
          const live = this._wb.byId(s.id);
          if (!live) throw new SimError('ItemNotFound', 'The requested resource does not exist.');
          return live;
        });
        return ws;
      });
      const loaded = items.map((ws) => ws._readNow(props));
      this._ctx.respond(loaded, () => {
        items.forEach((ws, i) => ws._accept(loaded[i]));
        this._items = items;
      });
    });
    return this;
  }
  getItem(key: string): SimWorksheet {
    return this._derive(new SimWorksheet(this._ctx, 'worksheets.getItem(' + JSON.stringify(key) + ')', () => {
      // Excel takes a sheet's name or its id (the real client names loaded sheets by id).
      const s = this._wb.find(key) || this._wb.sheets.filter((x) => '{' + x.id + '}' === key)[0];
      if (!s) throw new SimError('ItemNotFound', 'The requested resource does not exist.', 'Worksheets.getItem');
      return s;
    }));
  }
  getActiveWorksheet(): SimWorksheet {
    return this._derive(new SimWorksheet(this._ctx, 'worksheets.getActiveWorksheet()', () => {
      const s = this._wb.active === null ? undefined : this._wb.byId(this._wb.active);
      if (!s) throw new SimError('ItemNotFound', 'No active worksheet.');
      return s;
    }));
  }
  add(name?: string): SimWorksheet {
    let created: SheetState | null = null;
    this._call('add', '1.1', [name], () => {
      let n = name;
      if (n === undefined) {
        let i = this._wb.sheets.length + 1;
        while (this._wb.find('Sheet' + i)) i++;
        n = 'Sheet' + i;
      }
      if (this._wb.find(n)) throw new SimError('ItemAlreadyExists', 'A sheet named ' + n + ' already exists.', 'Worksheets.add');
      if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n)) throw new SimError('InvalidArgument', 'Bad sheet name ' + n, 'Worksheets.add');
      created = this._wb.newSheet(n);
    });
    return this._derive(new SimWorksheet(this._ctx, 'worksheets.add(' + JSON.stringify(name) + ')', () => {
      if (!created || !this._wb.byId(created.id)) throw new SimError('ItemNotFound', 'The added sheet does not exist.');
      return created;
    }), true);
  }
}

class SimWorksheet extends SimObject implements Facade<Excel.Worksheet, 'id' | 'name' | 'visibility' | 'position' | 'showGridlines', 'getRange' | 'getRanges' | 'getUsedRange' | 'activate' | 'delete'> {
  get _type(): string {
    return 'Worksheet';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SheetState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {
      name: ['1.1', () => this._resolve().name],
      visibility: ['1.1', () => this._resolve().visibility],
      position: ['1.1', () => this._wb.sheets.indexOf(this._resolve())],
      id: ['1.1', () => '{' + this._resolve().id + '}'],
    };
  }
  protected _navigate(name: string): SimObject | null {
    return name === 'protection' ? this.protection : null;
  }
  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', '1.1', v, () => {
      this._resolve().name = v;
    });
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this._get('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this._set('visibility', '1.1', v, () => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new SimError('InvalidArgument', 'Bad visibility ' + v);
      this._resolve().visibility = v;
    });
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', '1.1', v, () => {
      const s = this._resolve();
      const list = this._wb.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.max(0, Math.min(list.length, v)), 0, s);
    });
  }
  get protection(): SimWorksheetProtection {
    return this._child('protection', () => new SimWorksheetProtection(this._ctx, this._path + '.protection', this._resolve));
  }
  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._set('showGridlines', '1.8', v, () => {
      this._resolve().showGridlines = v;
    });
  }
  get pageLayout(): SimPageLayout {
    return this._child('pageLayout', () => new SimPageLayout(this._ctx, this._path + '.pageLayout', this._resolve));
  }
  get charts(): SimChartCollection {
    return this._child('charts', () => new SimChartCollection(this._ctx, this._path + '.charts', this._resolve));
  }
  getRange(address?: string): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getRange(' + JSON.stringify(address) + ')', () => {
      const sheet = this._resolve();
      const rect = parseArea(splitSheet(address || '').ref);
      if (!rect || (address || '').indexOf(',') >= 0) throw new SimError('InvalidArgument', 'The argument is invalid or missing: ' + address, 'Worksheet.getRange');
      return { sheet, rect };
    }), true);
  }
  getRanges(address?: string): SimRangeAreas {
    this._host.stats.members.getRanges = (this._host.stats.members.getRanges || 0) + 1;
    return this._derive(new SimRangeAreas(this._ctx, this._path + '.getRanges(' + JSON.stringify(address) + ')', () => {
      this._host.requireApi('1.9', 'Worksheet.getRanges');
      const sheet = this._resolve();
      const text = address || '';
      const parts = text.split(',');
      if (text.length > 8000 || parts.length > 500) {
        throw new SimError('InvalidArgument', 'The address is too long (' + text.length + ' characters, ' + parts.length + ' areas).', 'Worksheet.getRanges');
      }
      return parts.map((p) => {
        const rect = parseArea(p);
        if (!rect) throw new SimError('InvalidArgument', 'Bad area ' + p, 'Worksheet.getRanges');
        return { sheet, rect };
      });
    }), true);
  }
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getUsedRange(' + (valuesOnly ? 'true' : '') + ')', () => {
      if (valuesOnly !== undefined) this._host.requireApi('1.2', 'Worksheet.getUsedRange(valuesOnly)');
      const sheet = this._resolve();
      const cache = (sheet.usedCache = sheet.usedCache || {});
      const which = valuesOnly ? 'values' : 'all';
      const known = cache[which];
      if (known !== undefined) return { sheet, rect: known ? { ...known } : { row: 1, column: 1, lastRow: 1, lastColumn: 1 } };
      let r1 = Infinity, c1 = Infinity, r2 = 0, c2 = 0;
      sheet.cells.forEach((c, k) => {
        const used = c.value !== '' || (!valuesOnly && (c.fill || c.font || c.numberFormat || c.bold || c.hyperlink));
        if (!used) return;
        const r = keyRow(k);
        const col = keyColumn(k);
        if (r < r1) r1 = r;
        if (col < c1) c1 = col;
        if (r > r2) r2 = r;
        if (col > c2) c2 = col;
      });
      cache[which] = r2 ? { row: r1, column: c1, lastRow: r2, lastColumn: c2 } : null;
      return { sheet, rect: r2 ? { row: r1, column: c1, lastRow: r2, lastColumn: c2 } : { row: 1, column: 1, lastRow: 1, lastColumn: 1 } };
    }), true);
  }
  activate(): void {
    this._call('activate', '1.1', [], () => {
      const s = this._resolve();
      if (s.visibility !== 'Visible') throw new SimError('InvalidOperation', 'Cannot activate a hidden sheet.');
      this._wb.active = s.id;
    });
  }
  delete(): void {
    this._call('delete', '1.1', [], () => {
      const s = this._resolve();
      const visible = this._wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s);
      if (!visible.length) throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      this._wb.sheets.splice(this._wb.sheets.indexOf(s), 1);
      if (this._wb.active === s.id) this._wb.active = visible[0].id;
      if (this._wb.selected && this._wb.selected.sheet === s.name) this._wb.selected = null;
    });
  }
}

class SimPageLayout extends SimObject implements Facade<Excel.PageLayout, 'orientation' | 'paperSize' | 'zoom' | 'firstPageNumber', never> {
  get _type(): string {
    return 'PageLayout';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SheetState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  protected _navigate(name: string): SimObject | null {
    return name === 'headersFooters' ? this.headersFooters : null;
  }
  private _put(prop: 'orientation' | 'paperSize' | 'zoom' | 'firstPageNumber', v: unknown): void {
    this._set(prop, '1.9', v, () => {
      const sheet = this._resolve();
      guardWrite({ sheet, rect: { row: 1, column: 1, lastRow: 1, lastColumn: 1 } });
      (sheet.pageLayout as Record<string, unknown>)[prop] = v;
    });
  }
  get orientation(): Excel.PageOrientation | 'Portrait' | 'Landscape' {
    return this._get('orientation');
  }
  set orientation(v: Excel.PageOrientation | 'Portrait' | 'Landscape') {
    this._put('orientation', v);
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this._get('paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this._put('paperSize', v);
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._put('zoom', v);
  }
  get firstPageNumber(): number | '' {
    return this._get('firstPageNumber');
  }
  set firstPageNumber(v: number | '') {
    this._put('firstPageNumber', v);
  }
  get headersFooters(): SimHeaderFooterGroup {
    return this._child('headersFooters', () => new SimHeaderFooterGroup(this._ctx, this._path + '.headersFooters', this._resolve));
  }
}

/** The page's headers and footers (ExcelApi 1.9): only the footer text for all pages is kept. */
class SimHeaderFooterGroup extends SimObject {
  get _type(): string {
    return 'HeaderFooterGroup';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SheetState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  protected _navigate(name: string): SimObject | null {
    return name === 'defaultForAllPages' ? this.defaultForAllPages : null;
  }
  get defaultForAllPages(): SimHeaderFooter {
    return this._child('defaultForAllPages', () => new SimHeaderFooter(this._ctx, this._path + '.defaultForAllPages', this._resolve));
  }
}

class SimHeaderFooter extends SimObject implements Facade<Excel.HeaderFooter, 'centerFooter', never> {
  get _type(): string {
    return 'HeaderFooter';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SheetState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return { centerFooter: ['1.9', () => this._resolve().pageLayout.centerFooter || ''] };
  }
  get centerFooter(): string {
    return this._get('centerFooter');
  }
  set centerFooter(v: string) {
    this._set('centerFooter', '1.9', v, () => {
      const sheet = this._resolve();
      guardWrite({ sheet, rect: { row: 1, column: 1, lastRow: 1, lastColumn: 1 } });
      sheet.pageLayout.centerFooter = v;
    });
  }
}

class SimWorksheetProtection extends SimObject implements Facade<Excel.WorksheetProtection, 'protected', never> {
  get _type(): string {
    return 'WorksheetProtection';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SheetState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return { protected: ['1.2', () => this._resolve().protected] };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

type Target = { sheet: SheetState; rect: SimRect };

function guardWrite(t: Target): void {
  if (t.sheet.protected) throw new SimError('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.', t.sheet.name);
}

function eachCell(host: SimHost, t: Target, fn: (cell: SimCell, r: number, c: number) => void): void {
  if ((t.rect.lastRow - t.rect.row + 1) * (t.rect.lastColumn - t.rect.column + 1) > 5000000) throw new SimError('InvalidArgument', 'Range too large for the simulator');
  for (let r = t.rect.row; r <= t.rect.lastRow; r++) for (let c = t.rect.column; c <= t.rect.lastColumn; c++) fn(host.workbook.cell(t.sheet, r, c), r, c);
}

/** How Excel stores text typed/written into a cell with this number format. */
function coerce(v: unknown, numberFormat: string | undefined, member: string): { value: string | number | boolean; formula?: string } {
  if (v === null || v === undefined) return { value: '' };
  if (CELL_VALUE_TYPES.indexOf(typeof v) < 0) throw new SimError('InvalidArgument', member + ': unsupported cell value ' + String(v));
  if (typeof v !== 'string' || numberFormat === '@') return { value: v as string | number | boolean };
  if (/^[=+\-@]/.test(v) && v.length > 1 && /^=/.test(v)) return { value: '#NAME?', formula: v };
  if (/^[+\-@]/.test(v) && v.length > 1 && !/^[+-]?\d+(\.\d+)?$/.test(v)) return { value: '#NAME?', formula: '=' + v.slice(1) };
  if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) return { value: Number(v) };
  if (/^\d{1,2}\/\d{1,2}$/.test(v.trim())) {
    const [a, b] = v.trim().split('/').map(Number);
    if (a >= 1 && a <= 12 && b >= 1 && b <= 31) return { value: 43466 + (a - 1) * 30 + b }; // a date serial: no longer the text
  }
  if (/^'/.test(v)) return { value: v.slice(1) };
  return { value: v };
}

class SimRange extends SimObject implements Facade<Excel.Range, 'values' | 'numberFormat' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount', 'getCell' | 'getOffsetRange' | 'getRow' | 'getLastRow' | 'getBoundingRect' | 'getCellProperties' | 'getMergedAreasOrNullObject' | 'merge' | 'select' | 'clear'> {
  get _type(): string {
    return 'Range';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => Target) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    const t = () => this._resolve();
    return {
      values: ['1.1', () => this._grid((c) => (c ? c.value : ''))],
      numberFormat: ['1.1', () => this._grid((c) => (c && c.numberFormat ? c.numberFormat : 'General'))],
      address: ['1.1', () => fullAddress(t().sheet.name, t().rect)],
      rowIndex: ['1.1', () => t().rect.row - 1],
      columnIndex: ['1.1', () => t().rect.column - 1],
      rowCount: ['1.1', () => t().rect.lastRow - t().rect.row + 1],
      columnCount: ['1.1', () => t().rect.lastColumn - t().rect.column + 1],
    };
  }
  private _grid<T>(f: (c: SimCell | undefined) => T): T[][] {
    const { sheet, rect } = this._resolve();
    const out: T[][] = [];
    for (let r = rect.row; r <= rect.lastRow; r++) {
      const row: T[] = [];
      for (let c = rect.column; c <= rect.lastColumn; c++) row.push(f(this._wb.peek(sheet, r, c)));
      out.push(row);
    }
    return out;
  }
  private _matrix(v: unknown, member: string, t: Target): unknown[][] {
    const rows = t.rect.lastRow - t.rect.row + 1;
    const cols = t.rect.lastColumn - t.rect.column + 1;
    if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new SimError('InvalidArgument', member + ': the number of rows or columns in the input array does not match the size or dimensions of the range (' + rows + '×' + cols + ').', member);
    }
    return v as unknown[][];
  }
  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._set('values', '1.1', v, () => {
      const t = this._resolve();
      guardWrite(t);
      const m = this._matrix(v, 'Range.values', t);
      eachCell(this._host, t, (cell, r, c) => {
        const x = coerce(m[r - t.rect.row][c - t.rect.column], cell.numberFormat, 'Range.values');
        cell.value = x.value;
        if (x.formula) cell.formula = x.formula;
        else delete cell.formula;
      });
    });
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._set('numberFormat', '1.1', v, () => {
      const t = this._resolve();
      guardWrite(t);
      const m = this._matrix(v, 'Range.numberFormat', t);
      eachCell(this._host, t, (cell, r, c) => {
        cell.numberFormat = String(m[r - t.rect.row][c - t.rect.column]);
      });
    });
  }
  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    this._set('hyperlink', '1.7', v, () => {
      const t = this._resolve();
      guardWrite(t);
      eachCell(this._host, t, (cell) => {
        cell.hyperlink = { ...v };
        if (v.textToDisplay !== undefined) {
          cell.value = v.textToDisplay;
          delete cell.formula;
        }
      });
    });
  }
  get format(): SimRangeFormat {
    return this._child('format', () => new SimRangeFormat(this._ctx, this._path + '.format', () => [this._resolve()]));
  }
  getCell(row: number, column: number): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getCell(' + row + ',' + column + ')', () => {
      const t = this._resolve();
      const r = t.rect.row + row;
      const c = t.rect.column + column;
      return { sheet: t.sheet, rect: { row: r, lastRow: r, column: c, lastColumn: c } };
    }), true);
  }
  /** The range moved by whole rows and columns; Excel refuses one that leaves the grid. */
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getOffsetRange(' + rowOffset + ',' + columnOffset + ')', () => {
      const t = this._resolve();
      const rect = { row: t.rect.row + rowOffset, lastRow: t.rect.lastRow + rowOffset, column: t.rect.column + columnOffset, lastColumn: t.rect.lastColumn + columnOffset };
      if (rect.row < 1 || rect.column < 1 || rect.lastRow > MAX_ROWS || rect.lastColumn > MAX_COLUMNS) {
        throw new SimError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Range.getOffsetRange');
      }
      return { sheet: t.sheet, rect };
    }), true);
  }
  /** One row of the range (0-based), as wide as the range. */
  getRow(row: number): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getRow(' + row + ')', () => {
      const t = this._resolve();
      const r = t.rect.row + row;
      if (row < 0 || r > t.rect.lastRow) throw new SimError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'Range.getRow');
      return { sheet: t.sheet, rect: { row: r, lastRow: r, column: t.rect.column, lastColumn: t.rect.lastColumn } };
    }), true);
  }
  /** The last row of the range. */
  getLastRow(): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getLastRow()', () => {
      const t = this._resolve();
      return { sheet: t.sheet, rect: { row: t.rect.lastRow, lastRow: t.rect.lastRow, column: t.rect.column, lastColumn: t.rect.lastColumn } };
    }), true);
  }
  /** The smallest range holding this one and another (a range of the same sheet here). */
  getBoundingRect(anotherRange: Excel.Range | string): SimRange {
    return this._derive(new SimRange(this._ctx, this._path + '.getBoundingRect(…)', () => {
      const t = this._resolve();
      if (!(anotherRange instanceof SimRange)) throw new SimError('InvalidArgument', 'The simulator takes a Range here.', 'Range.getBoundingRect');
      const o = anotherRange._resolve();
      if (o.sheet !== t.sheet) throw new SimError('InvalidArgument', 'The ranges are on different sheets.', 'Range.getBoundingRect');
      const rect = {
        row: Math.min(t.rect.row, o.rect.row),
        lastRow: Math.max(t.rect.lastRow, o.rect.lastRow),
        column: Math.min(t.rect.column, o.rect.column),
        lastColumn: Math.max(t.rect.lastColumn, o.rect.lastColumn),
      };
      return { sheet: t.sheet, rect };
    }), true);
  }
  getCellProperties(options: Excel.CellPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
    const result = { loaded: false, value: undefined as unknown as Excel.CellProperties[][] };
    this._enqueue({ op: 'call', path: this._path, method: 'getCellProperties', args: [options] }, () => {
      this._host.requireApi('1.9', 'Range.getCellProperties');
      const t = this._resolve();
      const f = options.format;
      const grid: Excel.CellProperties[][] = [];
      for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
        const row: Excel.CellProperties[] = [];
        for (let c = t.rect.column; c <= t.rect.lastColumn; c++) {
          const cell = this._wb.peek(t.sheet, r, c);
          const p: Excel.CellProperties = {};
          if (options.address) p.address = fullAddress(t.sheet.name, { row: r, lastRow: r, column: c, lastColumn: c });
          if (f) {
            p.format = {};
            if (f.fill) {
              p.format.fill = {};
              if (f.fill.color) p.format.fill.color = cell && cell.fill ? cell.fill : '#FFFFFF';
              if (f.fill.pattern) p.format.fill.pattern = cell && cell.fill ? 'Solid' : 'None';
            }
            if (f.font) {
              p.format.font = {};
              if (f.font.color) p.format.font.color = cell && cell.font ? cell.font : '#000000';
              if (f.font.bold) p.format.font.bold = !!(cell && cell.bold);
            }
          }
          row.push(p);
        }
        grid.push(row);
      }
      this._ctx.respond(grid, () => {
        result.loaded = true;
        result.value = grid;
      });
    });
    return {
      get value(): Excel.CellProperties[][] {
        if (!result.loaded) throw new SimError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
        return result.value;
      },
    } as OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }
  /**
   * The merged areas whose top-left cell lies in this range, whole (ExcelApi 1.13), or a null
   * object when there are none. Excel reports only areas that start in the range (OfficeDev/
   * office-js#3611), and fails past {@link MAX_MERGED_AREAS} areas; how it fails is not documented,
   * so the simulator takes the worst case for the adapter: a GeneralException, like a host failure.
   */
  getMergedAreasOrNullObject(): SimRangeAreas {
    // A path, not a command: counted apart, as getRanges, for the tests.
    this._host.stats.members.getMergedAreasOrNullObject = (this._host.stats.members.getMergedAreasOrNullObject || 0) + 1;
    return this._derive(
      new SimRangeAreas(
      this._ctx,
      this._path + '.getMergedAreasOrNullObject()',
      () => {
        this._host.requireApi('1.13', 'Range.getMergedAreasOrNullObject');
        const t = this._resolve();
        const r = t.rect;
        const areas = t.sheet.merges.filter((m) => m.row >= r.row && m.row <= r.lastRow && m.column >= r.column && m.column <= r.lastColumn);
        if (areas.length > MAX_MERGED_AREAS) throw new SimError('GeneralException', 'There are more than ' + MAX_MERGED_AREAS + ' merged areas in the range.', 'Range.getMergedAreasOrNullObject');
        return areas.map((m) => ({ sheet: t.sheet, rect: { ...m } }));
      },
      true,
      ),
    );
  }
  /**
   * What Microsoft's client sends before it writes more than 1,500 cells of values or formats in
   * row chunks (from ExcelApi 1.3): the whole array's size must be the range's.
   */
  _ValidateArraySize(rows: number, columns: number): void {
    this._call('_ValidateArraySize', '1.3', [rows, columns], () => {
      const t = this._resolve();
      if (rows !== t.rect.lastRow - t.rect.row + 1 || columns !== t.rect.lastColumn - t.rect.column + 1) {
        throw new SimError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.', 'Range._ValidateArraySize');
      }
    });
  }
  merge(across?: boolean): void {
    this._call('merge', '1.2', [across], () => {
      const t = this._resolve();
      guardWrite(t);
      t.sheet.merges.push({ ...t.rect });
    });
  }
  select(): void {
    this._call('select', '1.1', [], () => {
      const t = this._resolve();
      if (this._wb.active !== t.sheet.id) throw new SimError('InvalidSelection', 'The selection is not on the active sheet.');
      this._wb.selected = { sheet: t.sheet.name, address: areaAddress(t.rect) };
    });
  }
  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void {
    this._call('clear', '1.1', [applyTo], () => {
      const t = this._resolve();
      guardWrite(t);
      t.sheet.usedCache = undefined;
      for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
        for (let c = t.rect.column; c <= t.rect.lastColumn && c <= MAX_COLUMNS; c++) {
          const k = key(r, c);
          const cell = t.sheet.cells.get(k);
          if (!cell) continue;
          if (!applyTo || applyTo === 'All') t.sheet.cells.delete(k);
          else if (applyTo === 'Contents') {
            cell.value = '';
            delete cell.formula;
          } else if (applyTo === 'Formats') t.sheet.cells.set(k, { value: cell.value, formula: cell.formula });
        }
      }
    });
  }
}

/**
 * A RangeAreas: the areas of `getRanges` (never null), or of `getMergedAreasOrNullObject`
 * (`nullable`: no areas makes it a null object). A null object's properties load as null and its
 * `areas` as a null collection, without an error; `isNullObject` is known once a load on it or on
 * its `areas` went through a sync (reading it earlier throws, as a property not loaded).
 */
class SimRangeAreas extends SimObject implements Facade<Excel.RangeAreas, 'address' | 'areaCount' | 'isNullObject', never> {
  get _type(): string {
    return 'RangeAreas';
  }
  _exists(): boolean {
    return this._resolveOrNull() !== null;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => Target[], readonly _nullable = false) {
    super(ctx, path);
  }
  /** @internal The areas, or null for a null object (resolved at sync). */
  _resolveOrNull(): Target[] | null {
    const areas = this._resolve();
    return this._nullable && !areas.length ? null : areas;
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    const or = <T>(f: (areas: Target[]) => T) => (): T | null => {
      const areas = this._resolveOrNull();
      return areas ? f(areas) : null;
    };
    return {
      address: ['1.9', or((areas) => areas.map((t) => fullAddress(t.sheet.name, t.rect)).join(','))],
      areaCount: ['1.9', or((areas) => areas.length)],
    };
  }
  protected _navigate(name: string): SimObject | null {
    return name === 'areas' ? this.areas : null;
  }
  protected _queueLoad(props: string[]): void {
    this._enqueue({ op: 'load', path: this._path, props }, () => {
      const values = this._readNow(props);
      values.isNullObject = this._resolveOrNull() === null;
      this._ctx.respond(values, () => this._accept(values));
    });
  }
  get isNullObject(): boolean {
    if (!this._nullable) return false;
    return this._get('isNullObject');
  }
  get address(): string {
    return this._get('address');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get format(): SimRangeFormat {
    return this._child('format', () => new SimRangeFormat(this._ctx, this._path + '.format', this._resolve));
  }
  /** The areas as a RangeCollection (ExcelApi 1.9). */
  get areas(): SimRangeCollection {
    return this._child('areas', () => new SimRangeCollection(this._ctx, this._path + '.areas', this));
  }
}

/**
 * The areas of a RangeAreas: `load('items/rowIndex,…')` loads every area as a Range. On a null
 * RangeAreas it is a null collection: the load answers null, `isNullObject` is true (on it and its
 * parent) and reading `items` throws, so an adapter that does not look first is caught.
 */
class SimRangeCollection extends SimObject implements Facade<Excel.RangeCollection, 'isNullObject', never> {
  get _type(): string {
    return 'RangeCollection';
  }
  _exists(): boolean {
    return this._parent._resolveOrNull() !== null;
  }
  private _items: SimRange[] | null = null;
  constructor(ctx: SimRequestContext, path: string, readonly _parent: SimRangeAreas) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  get isNullObject(): boolean {
    return this._get('isNullObject');
  }
  get items(): SimRange[] {
    if (this._data.isNullObject === true) throw new SimError('InvalidOperation', 'The collection is a null object: check isNullObject before reading its items.');
    if (!this._items) throw new SimError('PropertyNotLoaded', "The property 'items' is not available. Call load and sync first.");
    return this._items;
  }
  load(spec?: LoadSpec): this {
    const props: string[] = [];
    for (const p of loadPaths(spec)) {
      if (p.indexOf('items/') === 0 && p.indexOf('/', 6) < 0) props.push(p.slice(6));
      else if (p === 'items') props.push('address');
      else throw new SimError('InvalidArgument', 'Cannot load ' + p + ' on ' + this._path);
    }
    this._enqueue({ op: 'load', path: this._path, props: props.map((p) => 'items/' + p) }, () => {
      this._host.requireApi('1.9', 'RangeAreas.areas');
      const areas = this._parent._resolveOrNull();
      if (!areas) {
        this._ctx.respond(null, () => {
          this._accept({ isNullObject: true });
          this._parent._accept({ isNullObject: true });
          this._items = null;
        });
        return;
      }
      const items = areas.map((t, i) => this._derive(new SimRange(this._ctx, this._path + '.items[' + i + ']', () => t)));
      const loaded = items.map((r) => r._readNow(props));
      this._ctx.respond(loaded, () => {
        items.forEach((r, i) => r._accept(loaded[i]));
        this._items = items;
        this._accept({ isNullObject: false });
        this._parent._accept({ isNullObject: false });
      });
    });
    return this;
  }
}

abstract class SimFormatPart extends SimObject {
  constructor(ctx: SimRequestContext, path: string, readonly _targets: () => Target[]) {
    super(ctx, path);
  }
  protected _every(prop: string, version: string, value: unknown, fn: (cell: SimCell) => void): void {
    this._set(prop, version, value, () => {
      for (const t of this._targets()) {
        guardWrite(t);
        eachCell(this._host, t, fn);
      }
    });
  }
  /** A property of all cells: the common value, or null when they differ (as Excel reports). */
  protected _common<T>(fn: (cell: SimCell | undefined) => T): T | null {
    let first: T | undefined;
    let same = true;
    let seen = false;
    for (const t of this._targets()) {
      for (let r = t.rect.row; r <= t.rect.lastRow; r++) {
        for (let c = t.rect.column; c <= t.rect.lastColumn; c++) {
          const v = fn(this._wb.peek(t.sheet, r, c));
          if (!seen) {
            first = v;
            seen = true;
          } else if (v !== first) same = false;
        }
      }
    }
    return same ? (first as T) : null;
  }
}

class SimRangeFormat extends SimFormatPart implements Facade<Excel.RangeFormat, 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'columnWidth' | 'rowHeight', 'autofitRows' | 'autofitColumns'> {
  get _type(): string {
    return 'RangeFormat';
  }
  _exists(): boolean {
    this._targets();
    return true;
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return { wrapText: ['1.1', () => this._common((c) => !!(c && c.wrap))] };
  }
  protected _navigate(name: string): SimObject | null {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : null;
  }
  get fill(): SimRangeFill {
    return this._child('fill', () => new SimRangeFill(this._ctx, this._path + '.fill', this._targets));
  }
  get font(): SimRangeFont {
    return this._child('font', () => new SimRangeFont(this._ctx, this._path + '.font', this._targets));
  }
  get borders(): SimRangeBorderCollection {
    return this._child('borders', () => new SimRangeBorderCollection(this._ctx, this._path + '.borders', this._targets));
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._every('wrapText', '1.1', v, (c) => (c.wrap = v));
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed' {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment | 'General' | 'Left' | 'Center' | 'Right' | 'Fill' | 'Justify' | 'CenterAcrossSelection' | 'Distributed') {
    this._every('horizontalAlignment', '1.1', v, (c) => (c.hAlign = v));
  }
  get verticalAlignment(): Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed' {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.VerticalAlignment | 'Top' | 'Center' | 'Bottom' | 'Justify' | 'Distributed') {
    this._every('verticalAlignment', '1.1', v, (c) => (c.vAlign = v));
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', '1.2', v, () => {
      for (const t of this._targets()) {
        guardWrite(t);
        for (let c = t.rect.column; c <= t.rect.lastColumn; c++) t.sheet.columnWidths[c] = v;
      }
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._set('rowHeight', '1.2', v, () => {
      for (const t of this._targets()) {
        guardWrite(t);
        for (let r = t.rect.row; r <= t.rect.lastRow; r++) t.sheet.rowHeights[r] = v;
      }
    });
  }
  autofitRows(): void {
    this._call('autofitRows', '1.2', [], () => this._targets().forEach(guardWrite));
  }
  autofitColumns(): void {
    this._call('autofitColumns', '1.2', [], () => this._targets().forEach(guardWrite));
  }
}

class SimRangeFill extends SimFormatPart implements Facade<Excel.RangeFill, 'color' | 'pattern', 'clear'> {
  get _type(): string {
    return 'RangeFill';
  }
  _exists(): boolean {
    this._targets();
    return true;
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {
      color: ['1.1', () => this._common((c) => (c && c.fill ? c.fill : '#FFFFFF'))],
      // The simulator knows solid fills only; null when the cells differ, as Excel reports.
      pattern: ['1.9', () => this._common((c) => (c && c.fill ? 'Solid' : 'None'))],
    };
  }
  get color(): string {
    return this._get('color');
  }
  get pattern(): Excel.RangeFill['pattern'] {
    return this._get('pattern');
  }
  set color(v: string) {
    this._every('color', '1.1', v, (c) => (c.fill = normColour(v, 'RangeFill.color')));
  }
  clear(): void {
    this._call('clear', '1.1', [], () => {
      for (const t of this._targets()) {
        guardWrite(t);
        eachCell(this._host, t, (c) => (c.fill = null));
      }
    });
  }
}

class SimRangeFont extends SimFormatPart implements Facade<Excel.RangeFont, 'color' | 'bold' | 'size' | 'underline', never> {
  get _type(): string {
    return 'RangeFont';
  }
  _exists(): boolean {
    this._targets();
    return true;
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {
      color: ['1.1', () => this._common((c) => (c && c.font ? c.font : '#000000'))],
      bold: ['1.1', () => this._common((c) => !!(c && c.bold))],
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._every('color', '1.1', v, (c) => (c.font = normColour(v, 'RangeFont.color')));
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._every('bold', '1.1', v, (c) => (c.bold = v));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._every('size', '1.1', v, (c) => (c.size = v));
  }
  get underline(): Excel.RangeUnderlineStyle | 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant' {
    return this._get('underline');
  }
  set underline(v: Excel.RangeUnderlineStyle | 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant') {
    this._every('underline', '1.1', v, (c) => (c.underline = v));
  }
}

class SimRangeBorderCollection extends SimFormatPart implements Facade<Excel.RangeBorderCollection, never, 'getItem'> {
  get _type(): string {
    return 'RangeBorderCollection';
  }
  _exists(): boolean {
    this._targets();
    return true;
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  getItem(index: Excel.BorderIndex | 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp'): SimRangeBorder {
    return this._derive(new SimRangeBorder(this._ctx, this._path + '.getItem(' + index + ')', this._targets, String(index)));
  }
}

class SimRangeBorder extends SimFormatPart implements Facade<Excel.RangeBorder, 'style' | 'color', never> {
  get _type(): string {
    return 'RangeBorder';
  }
  _exists(): boolean {
    this._targets();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, targets: () => Target[], readonly _index: string) {
    super(ctx, path, targets);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  get style(): Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot' {
    return this._get('style');
  }
  set style(v: Excel.BorderLineStyle | 'None' | 'Continuous' | 'Dash' | 'DashDot' | 'DashDotDot' | 'Dot' | 'Double' | 'SlantDashDot') {
    this._every('style', '1.1', v, (c) => ((c.borders = c.borders || {})[this._index] = String(v)));
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._every('color', '1.1', v, (c) => ((c.borders = c.borders || {})[this._index + '.color'] = normColour(v, 'RangeBorder.color')));
  }
}

class SimChartCollection extends SimObject implements Facade<Excel.ChartCollection, never, 'add'> {
  get _type(): string {
    return 'ChartCollection';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SheetState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return { count: ['1.1', () => this._resolve().charts.length] };
  }
  add(type: Excel.ChartType | string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows'): SimChart {
    let chart: SimChartState | null = null;
    const source = sourceData as unknown as SimRange;
    this._call('add', '1.1', [type, source._path, seriesBy], () => {
      const sheet = this._resolve();
      guardWrite({ sheet, rect: { row: 1, column: 1, lastRow: 1, lastColumn: 1 } });
      const t = source._resolve();
      chart = { type: String(type), source: fullAddress(t.sheet.name, t.rect), seriesBy: String(seriesBy || 'Auto'), title: '', position: null, xAxisValues: [] };
      sheet.charts.push(chart);
    });
    return this._derive(new SimChart(this._ctx, this._path + '.add()', () => {
      if (!chart) throw new SimError('ItemNotFound', 'The chart was not added.');
      return chart;
    }), true);
  }
}

class SimChart extends SimObject implements Facade<Excel.Chart, never, 'setPosition'> {
  get _type(): string {
    return 'Chart';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SimChartState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  get title(): SimChartTitle {
    return this._child('title', () => new SimChartTitle(this._ctx, this._path + '.title', this._resolve));
  }
  get series(): SimChartSeriesCollection {
    return this._child('series', () => new SimChartSeriesCollection(this._ctx, this._path + '.series', this._resolve));
  }
  setPosition(startCell: string | Excel.Range, endCell?: string | Excel.Range): void {
    this._call('setPosition', '1.1', [String(startCell), String(endCell)], () => {
      this._resolve().position = { start: String(startCell), end: String(endCell) };
    });
  }
}

class SimChartTitle extends SimObject implements Facade<Excel.ChartTitle, 'text', never> {
  get _type(): string {
    return 'ChartTitle';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SimChartState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return { text: ['1.1', () => this._resolve().title] };
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._set('text', '1.1', v, () => {
      this._resolve().title = v;
    });
  }
}

class SimChartSeriesCollection extends SimObject implements Facade<Excel.ChartSeriesCollection, never, 'getItemAt'> {
  get _type(): string {
    return 'ChartSeriesCollection';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SimChartState) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  getItemAt(index: number): SimChartSeries {
    return this._derive(new SimChartSeries(this._ctx, this._path + '.getItemAt(' + index + ')', this._resolve, index));
  }
}

class SimChartSeries extends SimObject implements Facade<Excel.ChartSeries, never, 'setXAxisValues'> {
  get _type(): string {
    return 'ChartSeries';
  }
  _exists(): boolean {
    this._resolve();
    return true;
  }
  constructor(ctx: SimRequestContext, path: string, readonly _resolve: () => SimChartState, readonly _index: number) {
    super(ctx, path);
  }
  protected _loadable(): Record<string, [string, () => unknown]> {
    return {};
  }
  setXAxisValues(sourceData: Excel.Range): void {
    const source = sourceData as unknown as SimRange;
    this._call('setXAxisValues', '1.7', [source._path], () => {
      const chart = this._resolve();
      const t = source._resolve();
      chart.xAxisValues[this._index] = fullAddress(t.sheet.name, t.rect);
    });
  }
}

// ------------------------------------------------------------------ facades of the globals

export interface SimGlobals {
  Excel: {
    run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    /** A context outside `Excel.run`: its method-made proxies live for one sync unless tracked. */
    RequestContext: new () => Excel.RequestContext;
  };
  Office: {
    context: {
      requirements: { isSetSupported(name: string, minVersion?: string): boolean };
      document: { settings: { get(name: string): unknown; set(name: string, value: unknown): void; remove(name: string): void; saveAsync(cb?: (r: { status: string }) => void): void } };
    };
    onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
    actions: { associate(name: string, fn: (...a: unknown[]) => unknown): void };
    HostType: { Excel: string };
    PlatformType: { OfficeOnline: string };
    /** Functions registered with actions.associate, for tests. */
    associated: Record<string, (...a: unknown[]) => unknown>;
  };
}

export function makeGlobals(host: SimHost): SimGlobals {
  const settings: Record<string, unknown> = {};
  const associated: Record<string, (...a: unknown[]) => unknown> = {};
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  return {
    Excel: {
      async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
        host.stats.runs++;
        const ctx = new SimRequestContext(host, 'run');
        try {
          const out = await batch(ctx as unknown as Excel.RequestContext);
          if (ctx._queue.length) await ctx.sync();
          return out;
        } finally {
          // The run's references are released: its method-made proxies are not to be used again.
          ctx._closed = true;
        }
      },
      RequestContext: function RequestContext() {
        return new SimRequestContext(host, 'bare');
      } as unknown as new () => Excel.RequestContext,
    },
    Office: {
      context: {
        requirements: {
          isSetSupported(name: string, minVersion?: string): boolean {
            if (name !== 'ExcelApi') return false;
            return versionAtLeast(host.apiVersion, minVersion || '1.1');
          },
        },
        document: {
          settings: {
            get: (name) => (name in settings ? settings[name] : null),
            set: (name, value) => {
              settings[name] = value;
            },
            remove: (name) => {
              delete settings[name];
            },
            saveAsync: (cb) => {
              if (cb) setTimeout(() => cb({ status: 'succeeded' }), 0);
            },
          },
        },
      },
      onReady(cb) {
        if (cb) setTimeout(() => cb(info), 0);
        return Promise.resolve(info);
      },
      actions: {
        associate(name, fn) {
          associated[name] = fn;
        },
      },
      HostType: { Excel: 'Excel' },
      PlatformType: { OfficeOnline: 'OfficeOnline' },
      associated,
    },
  };
}
