/**
 * Colours the rows of one worksheet by rewriting only what must change, in one pass over its
 * bytes: the `s` attribute of each coloured cell, and an empty `<c r=".." s=".."/>` for each
 * column of a coloured row that has no cell (in column order). Cells the tool coloured in an
 * earlier run get their own format back first (the memory says which formats are the tool's),
 * so a row that is no longer flagged is as the clerk left it. Every other byte is copied.
 */
import type { Colour } from '../../core/types';
import type { How, MemoryEntry } from '../memory';
import {
  BANG, GT, LT, QMARK, SLASH, eachAttribute, intOf, is, isSpace, localStart, nameEnd, refOf, skipSpecial, tagClose,
} from '../xml/bytes';
import { utf8Bytes } from '../xml/text';
import { columnLetters } from '../../core/address';

export interface RowPlan {
  first: number;
  last: number;
  colour: Colour;
}

export interface SheetPlan {
  /** Row number → the columns to colour and the colour. */
  rows: Map<number, RowPlan>;
  /** The tool's own formats (from the memory), by index. */
  own: Map<number, MemoryEntry>;
  /** The coloured format for a cell whose own format is `base`, got the way `how` says. */
  colouredXf(how: How, base: number, colour: Colour): number;
}

interface ColumnStyle {
  min: number;
  max: number;
  style: number;
}

/** The patched sheet, or null when nothing changes. */
export function patchSheet(xml: Uint8Array, plan: SheetPlan): Uint8Array | null {
  const out: Uint8Array[] = [];
  let copied = 0;
  let changed = false;
  const flush = (to: number) => {
    if (to > copied) out.push(xml.subarray(copied, to));
    copied = to;
  };
  const emit = (text: string) => {
    out.push(utf8Bytes(text));
    changed = true;
  };

  const columnStyles: ColumnStyle[] = [];
  const pending = Array.from(plan.rows.keys()).sort((a, b) => a - b);
  let nextPending = 0;
  const done = new Set<number>();

  let inSheetData = false;
  let prefix = '';
  let rowNumber = 0;
  let rowPlan: RowPlan | undefined;
  let rowStyle = -1;
  let nextColumn = 0;
  let column = 0;
  // For putting back a row the tool inserted or opened: where its output starts, what it held.
  let rowOutIndex = 0;
  let rowOpenText = '';
  let rowOnlyR = false;
  let rowKept = 0;
  let rowRemoved = 0;
  let rowInserted = 0;

  const baseForMissing = (col: number): number => {
    if (rowStyle >= 0) return rowStyle;
    for (const c of columnStyles) if (col >= c.min && col <= c.max) return c.style;
    return 0;
  };
  const missingCells = (row: number, from: number, to: number, p: RowPlan): string => {
    let s = '';
    for (let c = from; c <= to; c++) {
      const xf = plan.colouredXf('inserted', baseForMissing(c), p.colour);
      s += '<' + prefix + 'c r="' + columnLetters(c) + row + '" s="' + xf + '"/>';
    }
    return s;
  };
  const wholeRows = (upTo: number): string => {
    // Planned rows that have no <row> element: added before the first row after them.
    let s = '';
    while (nextPending < pending.length && pending[nextPending] < upTo) {
      const r = pending[nextPending++];
      if (done.has(r)) continue;
      done.add(r);
      const p = plan.rows.get(r)!;
      const saved = rowStyle;
      rowStyle = -1;
      s += '<' + prefix + 'row r="' + r + '">' + missingCells(r, p.first, p.last, p) + '</' + prefix + 'row>';
      rowStyle = saved;
    }
    return s;
  };

  let attrR = -1, attrRe = -1, attrS = -1, attrSe = -1, attrSn = -1, attrCount = 0;
  let cellLt = 0;
  let attrCustom = false;
  let attrMin = -1, attrMax = -1, attrStyle = -1;

  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0) break;
    const second = xml[lt + 1];
    if (second === BANG || second === QMARK) {
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

    if (inSheetData && len === 1 && xml[ls] === 0x63 /* c */ && !close) {
      attrR = attrS = attrSn = -1;
      attrCount = 0;
      eachAttribute(xml, ne, empty ? gt - 1 : gt, (a, b, vs, ve) => {
        attrCount++;
        if (b - a === 1) {
          if (xml[a] === 0x72) (attrR = vs), (attrRe = ve);
          else if (xml[a] === 0x73) (attrSn = a), (attrS = vs), (attrSe = ve);
        }
      });
      if (attrR >= 0) {
        const ref = refOf(xml, attrR, attrRe);
        column = ref.column > 0 ? ref.column : column + 1;
      } else column++;
      let hasS = attrS >= 0;
      let s = hasS ? intOf(xml, attrS, attrSe) : 0;
      const entry = hasS ? plan.own.get(s) : undefined;
      let restored = false;
      if (entry) {
        if (entry.how === 'inserted' && empty && attrCount === 2 && attrR >= 0) {
          // A cell the tool added: it goes (it comes back below if the row is still coloured).
          flush(lt);
          copied = gt + 1;
          changed = true;
          rowRemoved++;
          i = gt + 1;
          continue;
        }
        restored = true;
        if (entry.how === 'absent') {
          hasS = false;
          s = 0;
        } else s = entry.base;
      }
      rowKept++;
      cellLt = lt;
      if (rowPlan) {
        if (column > nextColumn && nextColumn <= rowPlan.last) {
          // Columns of the coloured range before this cell that have no cell: added in order.
          flush(lt);
          emit(missingCells(rowNumber, nextColumn, Math.min(column - 1, rowPlan.last), rowPlan));
          rowInserted++;
        }
        if (column >= rowPlan.first && column <= rowPlan.last) writeStyle(plan.colouredXf(hasS ? 'attr' : 'absent', s, rowPlan.colour));
        else if (restored) writeStyle(hasS ? s : -1);
        if (column + 1 > nextColumn) nextColumn = column + 1;
      } else if (restored) writeStyle(hasS ? s : -1);
      i = gt + 1;
      continue;
    }

    if (len === 3 && xml[ls] === 0x72 && is(xml, ls, ne, 'row') && inSheetData) {
      if (!close) {
        attrR = -1;
        attrCustom = false;
        attrStyle = -1;
        attrCount = 0;
        eachAttribute(xml, ne, empty ? gt - 1 : gt, (a, b, vs, ve) => {
          attrCount++;
          if (b - a === 1 && xml[a] === 0x72) (attrR = vs), (attrRe = ve);
          else if (b - a === 1 && xml[a] === 0x73) attrStyle = intOf(xml, vs, ve);
          else if (is(xml, a, b, 'customFormat')) attrCustom = xml[vs] === 0x31 || xml[vs] === 0x74;
        });
        prefix = ls > ns ? String.fromCharCode(...Array.from(xml.subarray(ns, ls))) : '';
        const r = attrR >= 0 ? intOf(xml, attrR, attrRe) : -1;
        rowNumber = r > 0 ? r : rowNumber + 1;
        const before = wholeRows(rowNumber);
        if (before) {
          flush(lt);
          emit(before);
        }
        rowPlan = done.has(rowNumber) ? undefined : plan.rows.get(rowNumber);
        if (rowPlan) done.add(rowNumber);
        rowStyle = attrCustom && attrStyle >= 0 ? attrStyle : -1;
        column = 0;
        nextColumn = rowPlan ? rowPlan.first : 0;
        rowKept = rowRemoved = rowInserted = 0;
        rowOnlyR = attrCount === 1 && attrR >= 0;
        if (empty) {
          if (rowPlan) {
            flush(lt);
            const open = textOf(lt, gt).replace(/\s*\/>$/, '>');
            emit(open + missingCells(rowNumber, rowPlan.first, rowPlan.last, rowPlan) + '</' + prefix + 'row>');
            copied = gt + 1;
          }
          rowPlan = undefined;
        } else {
          flush(lt);
          rowOutIndex = out.length;
          rowOpenText = textOf(lt, gt);
        }
      } else {
        if (rowPlan && nextColumn <= rowPlan.last) {
          flush(lt);
          emit(missingCells(rowNumber, nextColumn, rowPlan.last, rowPlan));
          rowInserted++;
        }
        if (rowKept === 0 && rowRemoved > 0 && rowInserted === 0) {
          // Every cell of the row was one the tool added: the row is put back as it was before.
          flush(lt);
          out.length = rowOutIndex;
          copied = gt + 1;
          changed = true;
          if (!rowOnlyR) emit(rowOpenText.replace(/\s*>$/, '/>'));
        }
        rowPlan = undefined;
      }
      i = gt + 1;
      continue;
    }

    if (len === 9 && is(xml, ls, ne, 'sheetData')) {
      if (close) {
        const rest = wholeRows(Infinity);
        if (rest) {
          flush(lt);
          emit(rest);
        }
        inSheetData = false;
      } else if (empty) {
        prefix = ls > ns ? String.fromCharCode(...Array.from(xml.subarray(ns, ls))) : '';
        const rows = wholeRows(Infinity);
        if (rows) {
          flush(lt);
          emit(textOf(lt, gt).replace(/\s*\/>$/, '>') + rows + '</' + String.fromCharCode(...Array.from(xml.subarray(ns, ne))) + '>');
          copied = gt + 1;
        }
      } else {
        inSheetData = true;
        prefix = ls > ns ? String.fromCharCode(...Array.from(xml.subarray(ns, ls))) : '';
      }
      i = gt + 1;
      continue;
    }

    if (!inSheetData && !close && len === 3 && is(xml, ls, ne, 'col')) {
      attrMin = attrMax = -1;
      attrStyle = 0;
      eachAttribute(xml, ne, empty ? gt - 1 : gt, (a, b, vs, ve) => {
        if (is(xml, a, b, 'min')) attrMin = intOf(xml, vs, ve);
        else if (is(xml, a, b, 'max')) attrMax = intOf(xml, vs, ve);
        else if (is(xml, a, b, 'style')) attrStyle = intOf(xml, vs, ve);
      });
      if (attrMin > 0 && attrStyle > 0) columnStyles.push({ min: attrMin, max: attrMax > 0 ? attrMax : attrMin, style: attrStyle });
    }
    i = gt + 1;
  }
  if (!changed) return null;
  flush(n);
  let size = 0;
  for (const p of out) size += p.length;
  const result = new Uint8Array(size);
  let at = 0;
  for (const p of out) {
    result.set(p, at);
    at += p.length;
  }
  return result;

  function textOf(start: number, gtIndex: number): string {
    let s = '';
    for (let k = start; k <= gtIndex; k++) s += String.fromCharCode(xml[k]);
    return decodeLatin(s);
  }

  /** Rewrites the current cell's start tag (from the `<` at its start) with format `xf`, or without `s` when xf is -1. */
  function writeStyle(xf: number): void {
    const lt = cellLt;
    if (attrS >= 0) {
      if (xf < 0) {
        // Remove ` s="…"` with the one white space character before it (as the tool added it).
        let from = attrSn;
        if (from > 0 && isSpace(xml[from - 1])) from--;
        flush(from);
        copied = attrSe + 1;
        changed = true;
      } else {
        flush(attrS);
        emit(String(xf));
        copied = attrSe;
      }
    } else if (xf >= 0) {
      // Added right after the element name, where it is taken away again on a later run.
      let nameEndAt = lt + 1;
      while (!isSpace(xml[nameEndAt]) && xml[nameEndAt] !== SLASH && xml[nameEndAt] !== GT) nameEndAt++;
      flush(nameEndAt);
      emit(' s="' + xf + '"');
    }
  }

}

function decodeLatin(s: string): string {
  // Tags are copied as bytes; a start tag holding non-ASCII (a rare attribute value) is decoded.
  if (!/[\x80-\xff]/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) bytes[k] = s.charCodeAt(k);
  return new (globalThis as unknown as { TextDecoder: new (l: string) => { decode(b: Uint8Array): string } }).TextDecoder('utf-8').decode(bytes);
}
