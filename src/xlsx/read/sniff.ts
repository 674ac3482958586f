/**
 * What a file that is not a zip package is, so the refusal can say what to do with it: a CSV or
 * other text file, a web page saved as ".xls", an Excel 2003 XML spreadsheet, an empty file. Only
 * the first 4 KiB are looked at.
 */
import { refuse } from '../errors';
import type { XlsxRefusal } from '../errors';

const SAMPLE = 4096;

/** True when the bytes read as text: a Unicode byte-order mark, or no NUL and few control characters. */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return true;
  // UTF-16 (Excel's "Unicode text"): NULs are normal there.
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return true;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x1b && b !== 0x0c) control++;
  }
  return control * 50 <= head.length;
}

/** The text of the first bytes, ASCII only (enough to find `<html` or separators in any encoding). */
function asciiOf(head: Uint8Array): string {
  let text = '';
  const utf16 = head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff));
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (utf16 && b === 0) continue;
    text += b < 0x80 ? String.fromCharCode(b) : ' ';
  }
  return text;
}

/** The refusal for bytes that are not a zip package. */
export function notAPackage(bytes: Uint8Array, fileName: string): XlsxRefusal {
  if (bytes.length === 0) return refuse.empty(fileName);
  const head = bytes.subarray(0, SAMPLE);
  if (!looksLikeText(head)) return refuse.notZip(fileName);
  const text = asciiOf(head).toLowerCase();
  const start = text.replace(/^[\s\ufeff]+/, '');
  if (start.charAt(0) === '<') {
    if (text.indexOf('urn:schemas-microsoft-com:office:spreadsheet') >= 0) return refuse.textFile(fileName, 'xml2003');
    if (/<(html|table|!doctype html)/.test(text)) return refuse.textFile(fileName, 'html');
  }
  const extension = (/\.[^./\\]+$/.exec(fileName) || [''])[0].toLowerCase();
  const separated = text.split(/\r?\n/).some((line) => /[,\t;]/.test(line));
  if (extension === '.csv' || extension === '.tsv' || separated) return refuse.textFile(fileName, 'csv');
  return refuse.textFile(fileName, 'text');
}
