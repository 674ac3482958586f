/**
 * The shared string table: each `<si>` as the text Excel shows (its runs joined, phonetic
 * guides left out, Excel's `_xHHHH_` escapes undone). Scanned as bytes.
 */
import * as bytes from '../xml/bytes';
import { decodeExcelEscapes, utf8 } from '../xml/text';

const { indexOfSeq, is, localStart, nameEnd, skipSpecial, tagClose, textOf } = bytes;
const LT = 0x3c;
const SLASH = 0x2f;
const BANG = 0x21;
const QMARK = 0x3f;

export function readSharedStrings(xml: Uint8Array | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let i = 0;
  let inSi = false;
  let phonetic = 0;
  let textStart = -1;
  let pieces: string[] = [];
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0) break;
    const second = xml[lt + 1];
    if (second === BANG || second === QMARK) {
      if (textStart >= 0 && xml[lt + 2] === 0x5b) {
        // CDATA inside a text element: its content is text as it is.
        pieces.push(textOf(xml, textStart, lt));
        const end = indexOfSeq(xml, ']]>', lt + 9);
        pieces.push(utf8(xml, lt + 9, end < 0 ? n : end));
        i = end < 0 ? n : end + 3;
        textStart = i;
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
    const empty = xml[gt - 1] === SLASH;
    if (is(xml, ls, ne, 'si')) {
      if (close) {
        out.push(pieces.length === 1 ? pieces[0] : pieces.join(''));
        inSi = false;
      } else if (empty) out.push('');
      else {
        inSi = true;
        pieces = [];
        phonetic = 0;
      }
    } else if (inSi && is(xml, ls, ne, 'rPh')) {
      if (!close && !empty) phonetic++;
      else if (close) phonetic--;
    } else if (inSi && phonetic === 0 && is(xml, ls, ne, 't')) {
      if (close) {
        if (textStart >= 0) pieces.push(textOf(xml, textStart, lt));
        textStart = -1;
      } else if (!empty) textStart = gt + 1;
    }
    i = gt + 1;
  }
  for (let k = 0; k < out.length; k++) if (out[k].indexOf('_x') >= 0) out[k] = decodeExcelEscapes(out[k]);
  return out;
}
