/**
 * The data rows of a sheet: which rows below the header are records (not titles, group headings,
 * repeated headers or lines below the table), and which repeat an earlier row exactly.
 */
import { parseDateCell } from '../clean/dates';
import { makeProblem } from '../clean/problem';
import { cleanKey, isBlank, isFooterText, isLabelText } from '../clean/text';
import { HEADER_WORDS } from './words';
import type { HeaderKind } from './words';
import type { KindSheet, ReadContext, Row } from './sheet';
import type { CellValue, Field } from '../types';

/** Bound once: a global lookup per call is slow in hosts that run the core in a vm context (Jest). */
const imul = Math.imul;

/**
 * Calls `read` for each data row below the header, in order, and records the row in
 * `detected.dataRows`. Rows that are empty, that only hold cells outside the recognised columns
 * (a pre-filled 序号), that repeat the header (a sheet pasted twice) or that are lines below the
 * table (合计, 备注：…, 填表人：…) are skipped silently. `record` false: a look ahead that records nothing.
 */
export function forEachDataRow(sheet: KindSheet, read: (row: Row, excelRow: number) => void, record = true): void {
  const { values, header } = sheet;
  const fieldColumns: number[] = [];
  const headerTexts: string[] = [];
  for (const f of Object.keys(header.columns) as Field[]) {
    fieldColumns.push(header.columns[f] as number);
    headerTexts.push(header.headers[f] || '');
  }
  const requiredColumns = HEADER_WORDS[header.kind].required.map((f) => header.columns[f] as number);
  for (let r = header.headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (!row || !Array.isArray(row)) continue;
    let empty = true;
    for (let i = 0; i < fieldColumns.length; i++) {
      if (!isBlank(row[fieldColumns[i]])) {
        empty = false;
        break;
      }
    }
    if (empty) continue;
    if (repeatsHeader(row, fieldColumns, headerTexts) || isFooterRow(row, requiredColumns)) continue;
    if (isLabelRow(row, requiredColumns, header.kind)) continue;
    const excelRow = sheet.firstRow + r;
    if (record) sheet.detected.dataRows.push(excelRow);
    read(row, excelRow);
  }
}

/**
 * A line below the table: its first cell is a total, a note or a sign-off, standing in a column the
 * kind requires or beside one left empty (a record whose 检查类别 happens to be 审核 keeps its date
 * and leader, and stays a record).
 */
function isFooterRow(row: Row, requiredColumns: number[]): boolean {
  let c = 0;
  while (c < row.length && isBlank(row[c])) c++;
  const first = row[c];
  if (typeof first !== 'string' || !isFooterText(first)) return false;
  if (requiredColumns.indexOf(c) >= 0) return true;
  for (const i of requiredColumns) if (isBlank(row[i])) return true;
  return false;
}

/**
 * A line that is no record: its only cell is a label (八月份, …检查台账, 以下空白, the issuing body;
 * in a schedule also a group heading such as 党委领导 or a lone date under the table), every cell is
 * one, or the cells the kind requires are empty and every cell is a label or a date (a sign-off:
 * unit and date).
 */
function isLabelRow(row: Row, requiredColumns: number[], kind: HeaderKind): boolean {
  // Cheap first: a record has its required cells, and they are no labels (a date, a name).
  let requiredBlank = false;
  for (const i of requiredColumns) if (isBlank(row[i])) requiredBlank = true;
  if (!requiredBlank) {
    for (const i of requiredColumns) {
      const v = row[i];
      if (typeof v !== 'string' || !isLabelText(v)) return false;
    }
  }
  let filled = 0;
  let labels = 0;
  let dates = 0;
  let last: CellValue = '';
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    filled++;
    last = v;
    if (typeof v === 'string' && isLabelText(v)) labels++;
    else if (isDateLike(v)) dates++;
  }
  if (filled === 1) {
    if (labels === 1) return true;
    if (kind === 'schedule') return dates === 1 || (typeof last === 'string' && GROUP_HEADING.test(cleanKey(last)));
    return false;
  }
  if (labels === filled) return true;
  return requiredBlank && labels > 0 && labels + dates === filled;
}

/** A group heading in a schedule's leader column: 党委领导, 政府领导, 一、党委班子成员. */
const GROUP_HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.]|\(?[一二三四五六七八九十\d]{1,2}\)[、.]?|\d{1,2}[、.])?.{0,8}(?:领导|成员|班子|干部)$/;

/** A date as any edge hands it over: a Date (CLI), a serial number (Excel's range.values), or date text. */
export function isDateLike(v: CellValue): boolean {
  if (v instanceof Date || typeof v === 'number') return true;
  if (typeof v !== 'string') return false;
  const parsed = parseDateCell(v, { date1904: false, defaultYear: 2000 });
  return parsed !== null && parsed.ok;
}

function repeatsHeader(row: Row, columns: number[], texts: string[]): boolean {
  for (let i = 0; i < columns.length; i++) {
    const v = row[columns[i]];
    if (typeof v !== 'string' || v.trim() !== texts[i]) return false;
  }
  return true;
}

// Exact-duplicate detection hashes each row's cells into a number (no string per row), and
// compares the cells of rows whose hashes collide.
function mix(h: number, x: number): number {
  h ^= x;
  return imul(h, 16777619);
}

function hashNumber(h: number, n: number): number {
  if (n === Math.floor(n) && n >= -2147483648 && n <= 4294967295 * 1048576) {
    return mix(mix(h, n | 0), (n / 4294967296) | 0);
  }
  const s = String(n);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** Index of the last cell that is not empty (null, undefined or ''), or -1. */
function lastFilled(row: Row): number {
  let last = row.length - 1;
  while (last >= 0 && (row[last] === null || row[last] === undefined || row[last] === '')) last--;
  return last;
}

function rowHash(row: Row, last: number): number {
  let h = 2166136261;
  for (let c = 0; c <= last; c++) {
    const v = row[c];
    h = mix(h, 31);
    if (typeof v === 'string') {
      h = mix(h, 1);
      for (let i = 0; i < v.length; i++) h = mix(h, v.charCodeAt(i));
    } else if (typeof v === 'number') {
      h = hashNumber(mix(h, 2), v);
    } else if (typeof v === 'boolean') {
      h = mix(h, v ? 3 : 4);
    } else if (v instanceof Date) {
      h = hashNumber(mix(h, 5), v.getTime());
    }
  }
  // FNV only carries bits upwards; finish with murmur3's mixer so the low bits (the table slot) vary.
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  // 30 bits: a small integer for V8 (no heap number per array slot).
  return h & 0x3fffffff;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
  if (a instanceof Date && b instanceof Date) {
    const x = a.getTime();
    const y = b.getTime();
    return x === y || (x !== x && y !== y);
  }
  return false;
}

/**
 * Remembers rows of one sheet kind, to report exact repeats (one set per kind, across its sheets).
 * An open-addressing table of row numbers keyed by the row's hash: no object and no string per
 * row, so remembering 100,000 rows costs a few milliseconds.
 */
export class DuplicateRows {
  private table = new Int32Array(1024);
  private mask = 1023;
  private count = 0;
  private rows: Row[] = [];
  // Typed arrays, sized with the table: 100,000 numbers pushed onto plain arrays cost GC time.
  /** Per remembered row: its hash, so growing the table and probing past other rows read no cells. */
  private hashes = new Int32Array(1024);
  /** Per remembered row: sheet number × 2^21 + Excel row (Excel has at most 2^20 rows). */
  private places = new Float64Array(1024);
  private sheetNames: string[] = [];

  /** The earlier row this one repeats (all cells equal, trailing empties ignored), or null; the row is remembered. */
  check(row: Row, sheet: string, excelRow: number): { sheet: string; row: number } | null {
    const last = lastFilled(row);
    const hash = rowHash(row, last);
    let slot = hash & this.mask;
    for (let held = this.table[slot]; held !== 0; held = this.table[slot]) {
      if (this.hashes[held - 1] === hash) {
        const other = this.rows[held - 1];
        if (lastFilled(other) === last && sameRow(other, row, last)) {
          const place = this.places[held - 1];
          return { sheet: this.sheetNames[Math.floor(place / 2097152)], row: place % 2097152 };
        }
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.sheetNames.length === 0 || this.sheetNames[this.sheetNames.length - 1] !== sheet) this.sheetNames.push(sheet);
    const i = this.count++;
    this.rows.push(row);
    this.hashes[i] = hash;
    this.places[i] = (this.sheetNames.length - 1) * 2097152 + (excelRow % 2097152);
    this.table[slot] = this.count;
    if (this.count * 2 > this.table.length) this.grow();
    return null;
  }

  private grow(): void {
    const size = this.table.length * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      let slot = this.hashes[i] & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    // Per-row arrays as long as the table: rows stay below half of it, with room to spare.
    const hashes = new Int32Array(size);
    hashes.set(this.hashes.subarray(0, this.count));
    const places = new Float64Array(size);
    places.set(this.places.subarray(0, this.count));
    this.table = table;
    this.mask = mask;
    this.hashes = hashes;
    this.places = places;
  }
}

function sameRow(a: Row, b: Row, last: number): boolean {
  for (let c = 0; c <= last; c++) if (!sameCell(a[c], b[c])) return false;
  return true;
}

function whereText(earlier: { sheet: string; row: number }, sheet: string): string {
  return earlier.sheet === sheet ? '第' + earlier.row + '行' : '“' + earlier.sheet + '”第' + earlier.row + '行';
}


/** Reports an exact repeat of an earlier row (it is then skipped) and says whether it was one. */
export function isDuplicate(rc: ReadContext, duplicates: DuplicateRows, sheet: KindSheet, row: Row, excelRow: number): boolean {
  const earlier = duplicates.check(row, sheet.name, excelRow);
  if (!earlier) return false;
  rc.problems.push(makeProblem('duplicate-row', sheet.name, excelRow, 0, '', 'problem.duplicate-row', { where: whereText(earlier, sheet.name) }));
  return true;
}

