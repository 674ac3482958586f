/**
 * Colours the rows of one worksheet by rewriting only what must change, in one pass over its
 * bytes: the `s` attribute of each coloured cell, and an empty `<c r=".." s=".."/>` for each
 * column of a coloured row that has no cell (in column order). Cells the tool coloured in an
 * earlier run get their own format back first (the memory says which formats are the tool's),
 * so a row that is no longer flagged is as the clerk left it. Every other byte is copied.
 *
 * How an earlier run's change is taken back, exactly:
 * - `s="N"` replaced by the tool: the value goes back to the original number;
 * - ` s="N"` added by the tool (the cell had none): removed with the one space before it (the
 *   tool adds it right after the element name);
 * - `<c r="X" s="N"/>` added by the tool: removed; a row that then holds nothing the tool did not
 *   add is put back as it was (`<row …/>`, or left out when the tool added the whole row).
 */
import type { Colour } from '../../core/types';
import type { How, MemoryEntry } from '../memory';
import * as bytes from '../xml/bytes';
import { ByteWriter } from './writer';
import { columnLetters } from '../../core/address';

const { eachAttribute, intOf, is, isSpace, localStart, nameEnd, refOf, skipSpecial, tagClose } = bytes;
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;

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

function latin(xml: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let k = start; k < end; k++) s += String.fromCharCode(xml[k]);
  return s;
}

/** The patched sheet, or null when nothing changes. */
export function patchSheet(xml: Uint8Array, plan: SheetPlan): Uint8Array | null {
  const out = new ByteWriter(xml.length + (xml.length >> 4) + 4096);
  let copied = 0;
  let changed = false;
  const flush = (to: number) => {
    if (to > copied) out.bytes(xml, copied, to);
    copied = to;
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
  // For putting back a row the tool opened or added: where its output starts and what it held.
  let rowOutAt = 0;
  let rowOpenStart = 0;
  let rowOpenEnd = 0;
  let rowRemovedHow: How = 'inserted';
  let rowKept = 0;
  let rowRemoved = 0;
  let rowInserted = 0;

  const baseForMissing = (col: number): number => {
    if (rowStyle >= 0) return rowStyle;
    for (const c of columnStyles) if (col >= c.min && col <= c.max) return c.style;
    return 0;
  };
  const writeMissing = (row: number, from: number, to: number, p: RowPlan, how: How = 'inserted') => {
    for (let c = from; c <= to; c++) {
      const xf = plan.colouredXf(how, baseForMissing(c), p.colour);
      out.text('<' + prefix + 'c r="' + columnLetters(c) + row + '" s="' + xf + '"/>');
    }
    changed = true;
  };
  const writeWholeRows = (upTo: number) => {
    // Planned rows that have no <row> element: added before the first row after them.
    while (nextPending < pending.length && pending[nextPending] < upTo) {
      const r = pending[nextPending++];
      if (done.has(r)) continue;
      done.add(r);
      const p = plan.rows.get(r)!;
      const saved = rowStyle;
      rowStyle = -1;
      out.text('<' + prefix + 'row r="' + r + '">');
      writeMissing(r, p.first, p.last, p, 'row');
      out.text('</' + prefix + 'row>');
      rowStyle = saved;
    }
  };
  const needsWholeRows = (upTo: number) => nextPending < pending.length && pending[nextPending] < upTo;

  let attrR = -1;
  let attrRe = -1;
  let attrS = -1;
  let attrSe = -1;
  let attrSn = -1;
  let attrCount = 0;
  let rowAttrStyle = -1;
  let rowCustom = false;
  let colMin = -1;
  let colMax = -1;
  let colStyle = 0;
  let currentXml = xml;
  const onCellAttribute = (a: number, b: number, vs: number, ve: number) => {
    attrCount++;
    if (b - a === 1) {
      const c = currentXml[a];
      if (c === 0x72) (attrR = vs), (attrRe = ve);
      else if (c === 0x73) (attrSn = a), (attrS = vs), (attrSe = ve);
    }
  };
  const onRowAttribute = (a: number, b: number, vs: number, ve: number) => {
    attrCount++;
    if (b - a === 1 && currentXml[a] === 0x72) (attrR = vs), (attrRe = ve);
    else if (b - a === 1 && currentXml[a] === 0x73) rowAttrStyle = intOf(currentXml, vs, ve);
    else if (is(currentXml, a, b, 'customFormat')) rowCustom = currentXml[vs] === 0x31 || currentXml[vs] === 0x74;
  };
  const onColAttribute = (a: number, b: number, vs: number, ve: number) => {
    if (is(currentXml, a, b, 'min')) colMin = intOf(currentXml, vs, ve);
    else if (is(currentXml, a, b, 'max')) colMax = intOf(currentXml, vs, ve);
    else if (is(currentXml, a, b, 'style')) colStyle = intOf(currentXml, vs, ve);
  };
  currentXml = xml;

  /** Writes the current cell's start tag (at `lt`) with format `xf`, or without `s` when xf is -1. */
  const writeStyle = (lt: number, xf: number) => {
    if (attrS >= 0) {
      if (xf < 0) {
        // Remove ` s="…"` with the one white space character before it (as the tool added it).
        let from = attrSn;
        if (from > 0 && isSpace(xml[from - 1])) from--;
        flush(from);
        copied = attrSe + 1;
      } else {
        flush(attrS);
        out.int(xf);
        copied = attrSe;
      }
      changed = true;
    } else if (xf >= 0) {
      // Added right after the element name, where a later run takes it away again.
      let at = lt + 1;
      while (!isSpace(xml[at]) && xml[at] !== SLASH && xml[at] !== GT) at++;
      flush(at);
      out.text(' s="');
      out.int(xf);
      out.text('"');
      changed = true;
    }
  };

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
      eachAttribute(xml, ne, empty ? gt - 1 : gt, onCellAttribute);
      if (attrR >= 0) {
        const ref = refOf(xml, attrR, attrRe);
        column = ref.column > 0 ? ref.column : column + 1;
      } else column++;
      let hasS = attrS >= 0;
      let s = hasS ? intOf(xml, attrS, attrSe) : 0;
      const entry = hasS && plan.own.size ? plan.own.get(s) : undefined;
      let restored = false;
      if (entry) {
        const added = entry.how === 'inserted' || entry.how === 'opened' || entry.how === 'row';
        if (added && empty && attrCount === 2 && attrR >= 0) {
          // A cell the tool added: it goes (it comes back below if the row is still coloured).
          flush(lt);
          copied = gt + 1;
          changed = true;
          rowRemoved++;
          rowRemovedHow = entry.how;
          i = gt + 1;
          continue;
        }
        restored = true;
        if (added) {
          // A cell the tool added that the clerk has typed into since: it stays, with the format it would have had.
          s = entry.base;
        } else if (entry.how === 'absent') {
          hasS = false;
          s = 0;
        } else s = entry.base;
      }
      rowKept++;
      if (rowPlan) {
        if (column > nextColumn && nextColumn <= rowPlan.last) {
          // Columns of the coloured range before this cell that have no cell: added in order.
          flush(lt);
          writeMissing(rowNumber, nextColumn, Math.min(column - 1, rowPlan.last), rowPlan);
          rowInserted++;
        }
        if (column >= rowPlan.first && column <= rowPlan.last) writeStyle(lt, plan.colouredXf(hasS ? 'attr' : 'absent', s, rowPlan.colour));
        else if (restored) writeStyle(lt, hasS ? s : -1);
        if (column + 1 > nextColumn) nextColumn = column + 1;
      } else if (restored) writeStyle(lt, hasS ? s : -1);
      i = gt + 1;
      continue;
    }

    if (len === 3 && xml[ls] === 0x72 && inSheetData && is(xml, ls, ne, 'row')) {
      if (!close) {
        attrR = -1;
        rowCustom = false;
        rowAttrStyle = -1;
        attrCount = 0;
        eachAttribute(xml, ne, empty ? gt - 1 : gt, onRowAttribute);
        if (ls > ns && prefix === '') prefix = latin(xml, ns, ls);
        const r = attrR >= 0 ? intOf(xml, attrR, attrRe) : -1;
        rowNumber = r > 0 ? r : rowNumber + 1;
        if (needsWholeRows(rowNumber)) {
          flush(lt);
          writeWholeRows(rowNumber);
        }
        rowPlan = done.has(rowNumber) ? undefined : plan.rows.get(rowNumber);
        if (rowPlan) done.add(rowNumber);
        rowStyle = rowCustom && rowAttrStyle >= 0 ? rowAttrStyle : -1;
        column = 0;
        nextColumn = rowPlan ? rowPlan.first : 0;
        rowKept = rowRemoved = rowInserted = 0;
        rowRemovedHow = 'inserted';
        if (empty) {
          if (rowPlan) {
            // `<row …/>` opened to hold the coloured range's cells.
            let end = gt - 1;
            while (isSpace(xml[end - 1])) end--;
            flush(lt);
            out.bytes(xml, lt, end);
            out.text('>');
            writeMissing(rowNumber, rowPlan.first, rowPlan.last, rowPlan, 'opened');
            out.text('</' + prefix + 'row>');
            copied = gt + 1;
          }
          rowPlan = undefined;
        } else {
          flush(lt);
          rowOutAt = out.length;
          rowOpenStart = lt;
          rowOpenEnd = gt;
        }
      } else {
        if (rowPlan && nextColumn <= rowPlan.last) {
          flush(lt);
          // A row that holds only cells the tool added keeps saying how it came to be.
          writeMissing(rowNumber, nextColumn, rowPlan.last, rowPlan, rowKept === 0 && rowRemoved > 0 ? rowRemovedHow : 'inserted');
          rowInserted++;
        }
        if (rowKept === 0 && rowRemoved > 0 && rowInserted === 0 && rowRemovedHow !== 'inserted') {
          // Every cell of the row was one the tool added to a row it opened or wrote: the row is
          // put back as it was (`<row …/>`), or left out.
          flush(lt);
          out.truncate(rowOutAt);
          copied = gt + 1;
          changed = true;
          if (rowRemovedHow === 'opened') {
            let end = rowOpenEnd;
            while (isSpace(xml[end - 1])) end--;
            out.bytes(xml, rowOpenStart, end);
            out.text('/>');
          }
        }
        rowPlan = undefined;
      }
      i = gt + 1;
      continue;
    }

    if (len === 9 && is(xml, ls, ne, 'sheetData')) {
      if (ls > ns && prefix === '') prefix = latin(xml, ns, ls);
      if (close) {
        if (needsWholeRows(Infinity)) {
          flush(lt);
          writeWholeRows(Infinity);
        }
        inSheetData = false;
      } else if (empty) {
        if (needsWholeRows(Infinity)) {
          let end = gt - 1;
          while (isSpace(xml[end - 1])) end--;
          flush(lt);
          out.bytes(xml, lt, end);
          out.text('>');
          writeWholeRows(Infinity);
          out.text('</' + latin(xml, ns, ne) + '>');
          copied = gt + 1;
        }
      } else inSheetData = true;
      i = gt + 1;
      continue;
    }

    if (!inSheetData && !close && len === 3 && is(xml, ls, ne, 'col')) {
      colMin = colMax = -1;
      colStyle = 0;
      eachAttribute(xml, ne, empty ? gt - 1 : gt, onColAttribute);
      if (colMin > 0 && colStyle > 0) columnStyles.push({ min: colMin, max: colMax > 0 ? colMax : colMin, style: colStyle });
    }
    i = gt + 1;
  }
  if (!changed) return null;
  flush(n);
  return out.result();
}
