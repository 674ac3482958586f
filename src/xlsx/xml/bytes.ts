/**
 * Helpers for scanning XML as bytes (the large worksheet parts are never turned into one string).
 * Markup is ASCII, so tags and attribute names are found byte by byte; only the text a cell holds
 * is decoded.
 */
import * as text from './text';

const { decodeEntities, utf8 } = text;

export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const QUOTE = 0x22;
export const APOS = 0x27;
export const COLON = 0x3a;
export const BANG = 0x21;
export const QMARK = 0x3f;
export const EQUALS = 0x3d;

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Index of the `>` ending the tag that starts at `lt` (quotes respected), or -1. */
export function tagClose(xml: Uint8Array, lt: number): number {
  const n = xml.length;
  for (let i = lt + 1; i < n; i++) {
    const c = xml[i];
    if (c === GT) return i;
    if (c === QUOTE || c === APOS) {
      const q = xml.indexOf(c, i + 1);
      if (q < 0) return -1;
      i = q;
    }
  }
  return -1;
}

/** End (exclusive) of the tag name starting at `at`. */
export function nameEnd(xml: Uint8Array, at: number): number {
  let i = at;
  for (;;) {
    const c = xml[i];
    if (c === undefined || c === 0x20 || c === GT || c === SLASH || c === 0x09 || c === 0x0a || c === 0x0d) return i;
    i++;
  }
}

/** Start of the local part of the name `[start, end)` (after a prefix and its colon). */
export function localStart(xml: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (xml[i] === COLON) return i + 1;
  return start;
}

/** True when bytes `[start, end)` spell `word` (ASCII). */
export function is(xml: Uint8Array, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (xml[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Skips a comment, CDATA section, declaration or processing instruction at `lt`; returns the index after it. */
export function skipSpecial(xml: Uint8Array, lt: number): number {
  const second = xml[lt + 1];
  if (second === QMARK) {
    const e = indexOfSeq(xml, '?>', lt + 2);
    return e < 0 ? xml.length : e + 2;
  }
  if (xml[lt + 2] === 0x2d && xml[lt + 3] === 0x2d) {
    const e = indexOfSeq(xml, '-->', lt + 4);
    return e < 0 ? xml.length : e + 3;
  }
  if (xml[lt + 2] === 0x5b /* [ */) {
    const e = indexOfSeq(xml, ']]>', lt + 9);
    return e < 0 ? xml.length : e + 3;
  }
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml[i];
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === GT && depth <= 0) return i + 1;
  }
  return xml.length;
}

export function indexOfSeq(xml: Uint8Array, seq: string, from: number): number {
  const first = seq.charCodeAt(0);
  let at = from;
  for (;;) {
    const i = xml.indexOf(first, at);
    if (i < 0 || i + seq.length > xml.length) return -1;
    let ok = true;
    for (let k = 1; k < seq.length; k++) {
      if (xml[i + k] !== seq.charCodeAt(k)) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
    at = i + 1;
  }
}

/**
 * Calls `visit(nameStart, nameEnd, valueStart, valueEnd)` for each attribute of the tag whose
 * name ends at `from` and whose `>` is at `close`.
 */
export function eachAttribute(
  xml: Uint8Array,
  from: number,
  close: number,
  visit: (nameStart: number, nameEnd: number, valueStart: number, valueEnd: number) => void,
): void {
  let i = from;
  while (i < close) {
    const c = xml[i];
    if (isSpace(c) || c === SLASH) {
      i++;
      continue;
    }
    const ns = i;
    while (i < close && xml[i] !== EQUALS && !isSpace(xml[i])) i++;
    const ne = i;
    while (i < close && xml[i] !== QUOTE && xml[i] !== APOS) i++;
    const q = xml[i];
    const vs = i + 1;
    let ve = vs;
    while (ve < close && xml[ve] !== q) ve++;
    visit(ns, ne, vs, ve);
    i = ve + 1;
  }
}

/** Bytes `[start, end)` as text with entities resolved. */
export function textOf(xml: Uint8Array, start: number, end: number): string {
  const s = utf8(xml, start, end);
  return s.indexOf('&') >= 0 ? decodeEntities(s) : s;
}

/** A non-negative decimal integer in bytes `[start, end)`, or -1. */
export function intOf(xml: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A cell reference (`AB12`) in bytes: column and row (1-based); 0 for a part that is missing
 * (`$` signs are allowed and ignored).
 */
export function refOf(xml: Uint8Array, start: number, end: number): { column: number; row: number } {
  let column = 0;
  let row = 0;
  let i = start;
  if (xml[i] === 0x24) i++;
  for (; i < end; i++) {
    let c = xml[i];
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c < 0x41 || c > 0x5a) break;
    column = column * 26 + (c - 0x40);
  }
  if (xml[i] === 0x24) i++;
  for (; i < end; i++) {
    const d = xml[i] - 0x30;
    if (d < 0 || d > 9) return { column, row: 0 };
    row = row * 10 + d;
  }
  return { column, row };
}
