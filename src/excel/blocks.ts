/**
 * Pure helpers of the Excel edge: A1 addresses, merging coloured cells into rectangles, chunking
 * RangeAreas addresses, and the text encoding of the saved original formats. No Excel.* here, so
 * the tests and the bench can use them without a host.
 */
import { columnLetters } from '../core/address';

/** A rectangle of cells, 1-based, inclusive. */
export interface Rect {
  row: number;
  lastRow: number;
  column: number;
  lastColumn: number;
}

export { columnLetters };

/** `A5:D5`, or `A5` for one cell. */
export function rectAddress(r: Rect): string {
  const a = columnLetters(r.column) + r.row;
  const b = columnLetters(r.lastColumn) + r.lastRow;
  return a === b ? a : a + ':' + b;
}

/** `'My sheet'!A1`: quotes as Excel does when the name needs it. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : "'" + name.replace(/'/g, "''") + "'";
}

/** One cell with a value to write (a colour, an original colour...). */
export interface CellValueAt<V> {
  row: number;
  column: number;
  value: V;
}

/**
 * Rectangles of equal values: runs of contiguous columns in a row first, then runs of contiguous
 * rows with the same value and the same column span merge into one rectangle, so the number of
 * Excel commands grows with colour runs, not with rows. Keys of values compare with `===` on
 * `keyOf(value)`.
 */
export function mergeIntoRects<V>(cells: Array<CellValueAt<V>>, keyOf: (v: V) => string): Array<{ rect: Rect; value: V }> {
  const sorted = cells.slice().sort((a, b) => a.row - b.row || a.column - b.column);
  // Horizontal runs.
  const runs: Array<{ rect: Rect; value: V; key: string }> = [];
  for (const c of sorted) {
    const key = keyOf(c.value);
    const last = runs.length ? runs[runs.length - 1] : null;
    if (last && last.rect.row === c.row && last.key === key && last.rect.lastColumn + 1 === c.column) {
      last.rect.lastColumn = c.column;
    } else if (last && last.rect.row === c.row && last.rect.lastColumn >= c.column) {
      // duplicate cell: the first value wins
    } else {
      runs.push({ rect: { row: c.row, lastRow: c.row, column: c.column, lastColumn: c.column }, value: c.value, key });
    }
  }
  // Vertical merge of runs with the same span and key on consecutive rows.
  const open: { [span: string]: { rect: Rect; value: V; key: string } } = {};
  const out: Array<{ rect: Rect; value: V; key: string }> = [];
  for (const run of runs) {
    const span = run.rect.column + ':' + run.rect.lastColumn + ':' + run.key;
    const prev = open[span];
    if (prev && prev.rect.lastRow + 1 === run.rect.row) {
      prev.rect.lastRow = run.rect.row;
    } else {
      open[span] = run;
      out.push(run);
    }
  }
  return out.map((r) => ({ rect: r.rect, value: r.value }));
}

/** Limits of one `worksheet.getRanges(address)` call. */
export const MAX_AREAS = 500;
export const MAX_ADDRESS_CHARS = 8000;

/** Comma-joined addresses of at most `maxAreas` areas and `maxChars` characters each. */
export function chunkAddresses(rects: Rect[], maxAreas = MAX_AREAS, maxChars = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let current = '';
  let areas = 0;
  for (const r of rects) {
    const a = rectAddress(r);
    if (areas > 0 && (areas + 1 > maxAreas || current.length + 1 + a.length > maxChars)) {
      out.push(current);
      current = '';
      areas = 0;
    }
    current = areas === 0 ? a : current + ',' + a;
    areas++;
  }
  if (areas > 0) out.push(current);
  return out;
}

/**
 * Values per cell, per sheet: per row, per column. A check of a 14,000-row log handles its
 * 400,000 cells without building and parsing a string key per cell (and a log that starts in
 * column WOE costs no more than one in column A). Sheets, rows and cells keep the order they were
 * first set in.
 */
export class CellMap<V> {
  private bySheet = new Map<string, Map<number, Map<number, V>>>();
  private count = 0;

  set(sheet: string, row: number, column: number, value: V): void {
    let rows = this.bySheet.get(sheet);
    if (!rows) this.bySheet.set(sheet, (rows = new Map()));
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    if (!cells.has(column)) this.count++;
    cells.set(column, value);
  }

  get(sheet: string, row: number, column: number): V | undefined {
    const rows = this.bySheet.get(sheet);
    const cells = rows && rows.get(row);
    return cells ? cells.get(column) : undefined;
  }

  has(sheet: string, row: number, column: number): boolean {
    const rows = this.bySheet.get(sheet);
    const cells = rows && rows.get(row);
    return !!cells && cells.has(column);
  }

  /** Cells in the map. */
  get size(): number {
    return this.count;
  }

  /** Sheets with at least one cell, in the order they were first set. */
  sheets(): string[] {
    const out: string[] = [];
    this.bySheet.forEach((rows, sheet) => {
      if (rows.size) out.push(sheet);
    });
    return out;
  }

  forEach(fn: (value: V, sheet: string, row: number, column: number) => void): void {
    this.bySheet.forEach((rows, sheet) => {
      rows.forEach((cells, row) => {
        cells.forEach((value, column) => fn(value, sheet, row, column));
      });
    });
  }

  /** The cells of one sheet, for work done sheet by sheet. */
  cellsOf(sheet: string): Array<CellValueAt<V>> {
    const out: Array<CellValueAt<V>> = [];
    const rows = this.bySheet.get(sheet);
    if (rows) rows.forEach((cells, row) => cells.forEach((value, column) => out.push({ row, column, value })));
    return out;
  }

  /** `[sheet, row, column, value]` of every cell, for tests. */
  entries(): Array<[string, number, number, V]> {
    const out: Array<[string, number, number, V]> = [];
    this.forEach((value, sheet, row, column) => out.push([sheet, row, column, value]));
    return out;
  }
}

/** The original look of one cell before the add-in coloured it. `null` fill = no fill. */
export interface SavedFormat {
  fill: string | null;
  font: string;
}

/** Header of the state sheet; a state sheet without it is ignored (not ours, or damaged). */
export const STATE_HEADER = ['工作表', '行', '起始列', '结束列', '原填充色', '原字体颜色', '说明：履职检查加载项保存的原始格式（本列为工作表编号），请勿修改或删除'];

function encodeFormat(f: SavedFormat): string {
  return (f.fill === null ? '-' : f.fill) + '|' + f.font;
}

function decodeFormat(s: string): SavedFormat | null {
  const m = /^(-|#[0-9A-Fa-f]{6})\|(#[0-9A-Fa-f]{6})$/.exec(s);
  if (!m) return null;
  return { fill: m[1] === '-' ? null : m[1].toUpperCase(), font: m[2].toUpperCase() };
}

/**
 * The state sheet's rows: one per coloured row run of cells, `[sheet, row, firstColumn,
 * lastColumn, formats, '', sheetId]` where formats is `fill|font` per cell joined by `;` (`-` =
 * no fill), run-length coded as `fill|font*n`, and the sheet's id (kept by Excel across renames)
 * is on each sheet's first row. Text cells, so nothing in them is ever read as a formula.
 */
export function encodeState(saved: CellMap<SavedFormat>, sheetIds: { [sheet: string]: string } = {}): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  for (const sheet of saved.sheets().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cells = saved.cellsOf(sheet).sort((a, b) => a.row - b.row || a.column - b.column);
    let i = 0;
    while (i < cells.length) {
      const first = cells[i];
      let j = i + 1;
      while (j < cells.length && cells[j].row === first.row && cells[j].column === cells[j - 1].column + 1) j++;
      const parts: string[] = [];
      let k = i;
      while (k < j) {
        const code = encodeFormat(cells[k].value);
        let n = 1;
        while (k + n < j && encodeFormat(cells[k + n].value) === code) n++;
        parts.push(n > 1 ? code + '*' + n : code);
        k += n;
      }
      // The sheet's id (Excel keeps it across renames) on the first row of each sheet, in column G.
      rows.push([sheet, first.row, first.column, cells[j - 1].column, parts.join(';'), '', i === 0 ? sheetIds[sheet] || '' : '']);
      i = j;
    }
  }
  return rows;
}

/** Reads the state sheet's values back; rows it cannot read are skipped (and counted). */
export function decodeState(values: ReadonlyArray<ReadonlyArray<unknown>>): {
  saved: CellMap<SavedFormat>;
  unreadable: number;
  /** Sheet name as saved → the sheet's id then (states written before ids were kept have none). */
  sheetIds: { [sheet: string]: string };
} {
  const saved = new CellMap<SavedFormat>();
  const sheetIds: { [sheet: string]: string } = {};
  let unreadable = 0;
  if (!values.length || String(values[0][0]) !== STATE_HEADER[0]) return { saved, sheetIds, unreadable: values.length > 1 || (values[0] && values[0][0] !== '') ? values.length : 0 };
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const sheet = String(row[0] === undefined ? '' : row[0]);
    const id = row[6] === undefined || row[6] === null ? '' : String(row[6]);
    if (sheet && id && !sheetIds[sheet]) sheetIds[sheet] = id;
    const line = +String(row[1]);
    const first = +String(row[2]);
    const last = +String(row[3]);
    const codes = String(row[4] === undefined ? '' : row[4]);
    if (sheet === '' && codes === '') continue;
    if (!sheet || !(line >= 1) || !(first >= 1) || !(last >= first)) {
      unreadable++;
      continue;
    }
    const formats: SavedFormat[] = [];
    let ok = true;
    for (const part of codes.split(';')) {
      const m = /^(.*?)(?:\*(\d+))?$/.exec(part)!;
      const f = decodeFormat(m[1]);
      if (!f) {
        ok = false;
        break;
      }
      const n = m[2] ? +m[2] : 1;
      for (let x = 0; x < n; x++) formats.push(f);
    }
    if (!ok || formats.length !== last - first + 1) {
      unreadable++;
      continue;
    }
    for (let c = first; c <= last; c++) saved.set(sheet, line, c, formats[c - first]);
  }
  return { saved, sheetIds, unreadable };
}

/** `#abc123` → `#ABC123`; anything else (null, mixed) → null. */
export function normaliseColour(c: unknown): string | null {
  if (typeof c !== 'string') return null;
  const m = /^#?([0-9A-Fa-f]{6})$/.exec(c);
  return m ? '#' + m[1].toUpperCase() : null;
}
