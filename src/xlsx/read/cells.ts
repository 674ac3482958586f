/**
 * The streaming cell reader: one pass over a worksheet's bytes gives the grid of values Excel's
 * `range.values` would show (formulas as their cached result, rich text joined, errors as their
 * text, date-formatted numbers as dates) and the merged areas. No cell objects are made: each
 * row is an array of values, indexed by column.
 */
import type { CellValue, MergedArea, SheetInput } from '../../core/types';
import * as bytes from '../xml/bytes';
import { decodeExcelEscapes, utf8 } from '../xml/text';
import { dateFromSerial, serialFromIso } from './dates';

export interface CellContext {
  strings: string[];
  /** 1 for each cell format that shows dates. */
  dateFormats: Uint8Array;
  date1904: boolean;
  /** Cell formats the tool itself added (the memory of a run before); the sheet is then marked. */
  ownFormats?: Set<number>;
}

export interface SheetCells {
  values: CellValue[][];
  firstRow: number;
  firstColumn: number;
  merges: MergedArea[];
  /** Whether any cell carries one of `ownFormats`. */
  usesOwnFormats: boolean;
  /** Whether the part ends its root element (a cut-off part would silently lose rows). */
  complete: boolean;
}

// Bound once: a module's exports are getters once compiled to CommonJS, too slow for a loop
// that runs for every cell of a million-row sheet.
const { eachAttribute, indexOfSeq, intOf, is, localStart, nameEnd, refOf, skipSpecial, tagClose, textOf } = bytes;
const LT = 0x3c;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

function typeOf(xml: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len === 1) {
    const c = xml[s];
    if (c === 0x73) return T_SHARED; // s
    if (c === 0x62) return T_BOOL; // b
    if (c === 0x65) return T_ERROR; // e
    if (c === 0x64) return T_DATE; // d
    return T_NUMBER; // n
  }
  if (is(xml, s, e, 'str')) return T_STR;
  if (is(xml, s, e, 'inlineStr')) return T_INLINE;
  return T_NUMBER;
}

export function readSheetCells(xml: Uint8Array, ctx: CellContext): SheetCells {
  const n = xml.length;
  const rowNumbers: number[] = [];
  const rowValues: CellValue[][] = [];
  const merges: MergedArea[] = [];
  let usesOwn = false;
  let complete = false;
  const own = ctx.ownFormats && ctx.ownFormats.size ? ctx.ownFormats : null;

  let inSheetData = false;
  let rowNumber = 0;
  let cells: CellValue[] | null = null;
  let column = 0;
  let cellType = T_NUMBER;
  let cellStyle = 0;
  let inCell = false;
  // Text capture: <v>, or <t> inside <is> (not inside <rPh>).
  let capture = -1;
  let pieces: string[] | null = null;
  let vText: string | null = null;
  let inIs = false;
  let phonetic = 0;

  let attrR = -1;
  let attrRe = -1;
  let attrS = -1;
  let attrSe = -1;
  let attrT = -1;
  let attrTe = -1;
  const noteAttribute = (ns: number, ne: number, vs: number, ve: number) => {
    if (ne - ns === 1) {
      const c = xml[ns];
      if (c === 0x72) (attrR = vs), (attrRe = ve);
      else if (c === 0x73) (attrS = vs), (attrSe = ve);
      else if (c === 0x74) (attrT = vs), (attrTe = ve);
    }
  };

  const finishCell = () => {
    inCell = false;
    if (cells === null) return;
    const value = cellValue(cellType, cellStyle, vText, pieces, ctx);
    vText = null;
    pieces = null;
    if (value === '' || value === null) return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = value;
  };

  let i = 0;
  while (i < n) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0) break;
    const second = xml[lt + 1];
    if (second === BANG || second === QMARK) {
      if (capture >= 0 && xml[lt + 2] === 0x5b) {
        const end = indexOfSeq(xml, ']]>', lt + 9);
        (pieces || (pieces = [])).push(textOf(xml, capture, lt), utf8(xml, lt + 9, end < 0 ? n : end));
        i = end < 0 ? n : end + 3;
        capture = i;
        continue;
      }
      i = skipSpecial(xml, lt);
      continue;
    }
    const close = second === SLASH;
    const ns = close ? lt + 2 : lt + 1;
    const ne = nameEnd(xml, ns);
    const ls = localStart(xml, ns, ne);
    const gt = tagClose(xml, lt);
    if (gt < 0) break;
    const empty = !close && xml[gt - 1] === SLASH;
    const len = ne - ls;
    const c0 = xml[ls];

    if (len === 1 && c0 === 0x63 /* c */ && inSheetData) {
      if (close) finishCell();
      else {
        attrR = attrS = attrT = -1;
        eachAttribute(xml, ne, empty ? gt - 1 : gt, noteAttribute);
        if (attrR >= 0) {
          const ref = refOf(xml, attrR, attrRe);
          column = ref.column > 0 ? ref.column : column + 1;
        } else column++;
        cellStyle = attrS >= 0 ? intOf(xml, attrS, attrSe) : 0;
        if (cellStyle < 0) cellStyle = 0;
        if (own !== null && attrS >= 0 && own.has(cellStyle)) usesOwn = true;
        cellType = attrT >= 0 ? typeOf(xml, attrT, attrTe) : T_NUMBER;
        vText = null;
        pieces = null;
        inIs = false;
        phonetic = 0;
        if (empty) inCell = false;
        else inCell = true;
      }
    } else if (inCell && len === 1 && c0 === 0x76 /* v */) {
      if (close) {
        if (capture >= 0) {
          const text = textOf(xml, capture, lt);
          vText = pieces ? pieces.join('') + text : text;
          pieces = null;
        }
        capture = -1;
      } else if (!empty) {
        capture = gt + 1;
        pieces = null;
      } else vText = '';
    } else if (inCell && len === 2 && c0 === 0x69 && xml[ls + 1] === 0x73 /* is */) {
      inIs = !close && !empty;
      if (!close) pieces = [];
    } else if (inIs && len === 3 && is(xml, ls, ne, 'rPh')) {
      if (close) phonetic--;
      else if (!empty) phonetic++;
    } else if (inIs && phonetic === 0 && len === 1 && c0 === 0x74 /* t */) {
      if (close) {
        if (capture >= 0) (pieces || (pieces = [])).push(textOf(xml, capture, lt));
        capture = -1;
      } else if (!empty) capture = gt + 1;
    } else if (len === 3 && c0 === 0x72 && is(xml, ls, ne, 'row') && inSheetData) {
      if (close) {
        if (cells !== null && cells.length > 0) {
          rowNumbers.push(rowNumber);
          rowValues.push(cells);
        }
        cells = null;
      } else {
        attrR = -1;
        eachAttribute(xml, ne, empty ? gt - 1 : gt, noteAttribute);
        const r = attrR >= 0 ? intOf(xml, attrR, attrRe) : -1;
        rowNumber = r > 0 ? r : rowNumber + 1;
        column = 0;
        cells = empty ? null : [];
      }
    } else if (len === 9 && is(xml, ls, ne, 'sheetData')) {
      inSheetData = !close && !empty;
    } else if (len === 9 && close && is(xml, ls, ne, 'worksheet')) {
      complete = true;
    } else if (len === 9 && !close && is(xml, ls, ne, 'mergeCell')) {
      eachAttribute(xml, ne, empty ? gt - 1 : gt, (a, b, vs, ve) => {
        if (is(xml, a, b, 'ref')) {
          const area = areaOf(utf8(xml, vs, ve));
          if (area) merges.push(area);
        }
      });
    }
    i = gt + 1;
  }
  return { ...toGrid(rowNumbers, rowValues, merges, usesOwn), complete };
}

function cellValue(type: number, style: number, v: string | null, pieces: string[] | null, ctx: CellContext): CellValue {
  switch (type) {
    case T_SHARED: {
      if (v === null) return '';
      const index = +v;
      const s = ctx.strings[index];
      return s === undefined ? '' : s;
    }
    case T_INLINE:
      return pieces ? decodeExcelEscapes(pieces.join('')) : v !== null ? decodeExcelEscapes(v) : '';
    case T_STR:
      return v === null ? '' : decodeExcelEscapes(v);
    case T_BOOL:
      return v === null || v === '' ? '' : v === '1' || v === 'true';
    case T_ERROR:
      return v === null ? '' : v;
    case T_DATE: {
      if (v === null || v === '') return '';
      const serial = serialFromIso(v, ctx.date1904);
      if (serial === null) return v;
      return ctx.dateFormats[style] === 1 ? dateFromSerial(serial, ctx.date1904) : serial;
    }
    default: {
      if (v === null) return '';
      const trimmed = v.trim();
      if (trimmed === '') return '';
      const num = +trimmed;
      if (isNaN(num)) return v;
      if (ctx.dateFormats[style] === 1) {
        const d = dateFromSerial(num, ctx.date1904);
        // A serial far outside Excel's range gives an invalid Date; hand over text the core reports.
        return isNaN(d.getTime()) ? '#无效日期' : d;
      }
      return num;
    }
  }
}

/** `B3:C5` (or a single cell) as a merged area; null when it cannot be read. */
export function areaOf(ref: string): MergedArea | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) => letters.toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const c1 = col(m[1]);
  const r1 = +m[2];
  const c2 = m[3] ? col(m[3]) : c1;
  const r2 = m[4] ? +m[4] : r1;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  if (row < 1 || column < 1) return null;
  return { row, column, rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

/**
 * The used range as a ragged grid: merged cells other than an area's top-left one are empty (as
 * `range.values` shows them), rows end at their last value, empty rows in between are [].
 */
function toGrid(rowNumbers: number[], rowValues: CellValue[][], merges: MergedArea[], usesOwn: boolean): Omit<SheetCells, 'complete'> {
  // Rows out of order (legal, rare): sort them, later duplicates winning cell by cell.
  let ordered = true;
  for (let k = 1; k < rowNumbers.length; k++) if (rowNumbers[k] <= rowNumbers[k - 1]) ordered = false;
  if (!ordered) {
    const byRow = new Map<number, CellValue[]>();
    rowNumbers.forEach((r, k) => {
      const before = byRow.get(r);
      if (!before) byRow.set(r, rowValues[k]);
      else rowValues[k].forEach((v, c) => {
        if (v !== '' && v !== undefined) {
          while (before.length < c) before.push('');
          before[c] = v;
        }
      });
    });
    rowNumbers = Array.from(byRow.keys()).sort((a, b) => a - b);
    rowValues = rowNumbers.map((r) => byRow.get(r)!);
  }
  if (merges.length > 0 && rowNumbers.length > 0) {
    const index = new Map<number, number>();
    rowNumbers.forEach((r, k) => index.set(r, k));
    const lastRow = rowNumbers[rowNumbers.length - 1];
    for (const m of merges) {
      const bottom = Math.min(m.row + m.rows - 1, lastRow);
      for (let r = m.row; r <= bottom; r++) {
        const k = index.get(r);
        if (k === undefined) continue;
        const cells = rowValues[k];
        const first = r === m.row ? m.column : m.column - 1;
        for (let c = first; c < m.column - 1 + m.columns && c < cells.length; c++) cells[c] = '';
      }
    }
    for (const cells of rowValues) {
      let end = cells.length;
      while (end > 0 && (cells[end - 1] === '' || cells[end - 1] === undefined)) end--;
      cells.length = end;
    }
  }
  const keptNumbers: number[] = [];
  const kept: CellValue[][] = [];
  let firstColumn = Infinity;
  for (let k = 0; k < rowNumbers.length; k++) {
    const cells = rowValues[k];
    if (cells.length === 0) continue;
    let c = 0;
    while (c < cells.length && (cells[c] === '' || cells[c] === undefined)) c++;
    if (c === cells.length) continue;
    for (let j = c; j < cells.length; j++) if (cells[j] === undefined) cells[j] = '';
    if (c + 1 < firstColumn) firstColumn = c + 1;
    keptNumbers.push(rowNumbers[k]);
    kept.push(cells);
  }
  if (kept.length === 0) return { values: [], firstRow: 1, firstColumn: 1, merges, usesOwnFormats: usesOwn };
  const firstRow = keptNumbers[0];
  const values: CellValue[][] = [];
  for (let k = 0; k < kept.length; k++) {
    const r = keptNumbers[k] - firstRow;
    while (values.length < r) values.push([]);
    values.push(firstColumn > 1 ? kept[k].slice(firstColumn - 1) : kept[k]);
  }
  return { values, firstRow, firstColumn, merges, usesOwnFormats: usesOwn };
}

export type { SheetInput };
