/** A1 address parsing for the simulator (1-based, inclusive rectangles). */

export interface SimRect {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Its own copy, not src/core's: the simulator must not share the code it stands in judgement of. */
export function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Strips an optional `Sheet!` / `'My sheet'!` prefix; returns the sheet name (unquoted) and the rest. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/.exec(address);
  if (!m) return { sheet: null, ref: address };
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], ref: m[3] };
}

/** `A1`, `A1:D5`, `$A$1`, `A:A`, `3:3`; null when not an address of one area. */
export function parseArea(ref: string): SimRect | null {
  const t = ref.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(t);
  if (m) {
    const r1 = +m[2];
    const c1 = columnNumber(m[1]);
    const r2 = m[4] ? +m[4] : r1;
    const c2 = m[3] ? columnNumber(m[3]) : c1;
    if (r1 < 1 || r2 < 1 || r1 > MAX_ROWS || r2 > MAX_ROWS || c1 > MAX_COLUMNS || c2 > MAX_COLUMNS) return null;
    return { row: Math.min(r1, r2), lastRow: Math.max(r1, r2), column: Math.min(c1, c2), lastColumn: Math.max(c1, c2) };
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(t);
  if (m) {
    const c1 = columnNumber(m[1]);
    const c2 = columnNumber(m[2]);
    return { row: 1, lastRow: MAX_ROWS, column: Math.min(c1, c2), lastColumn: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(t);
  if (m) return { row: Math.min(+m[1], +m[2]), lastRow: Math.max(+m[1], +m[2]), column: 1, lastColumn: MAX_COLUMNS };
  return null;
}

export function areaAddress(r: SimRect): string {
  const a = columnLetters(r.column) + r.row;
  const b = columnLetters(r.lastColumn) + r.lastRow;
  return a === b ? a : a + ':' + b;
}

/** `'Sheet'!$A$1:$D$5` as Excel reports `range.address`. */
export function fullAddress(sheet: string, r: SimRect): string {
  const q = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet) ? sheet : "'" + sheet.replace(/'/g, "''") + "'";
  const a = '$' + columnLetters(r.column) + '$' + r.row;
  const b = '$' + columnLetters(r.lastColumn) + '$' + r.lastRow;
  return q + '!' + (a === b ? a : a + ':' + b);
}
