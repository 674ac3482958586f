/** A1-style column letters, shared by every edge that writes addresses. */

/** `1` → `A`, `28` → `AB`, `16384` → `XFD`. */
export function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
