/**
 * Text in and out of XML bytes: UTF-8, the five XML entities and character references, and
 * Excel's `_xHHHH_` escapes for characters XML cannot carry.
 */
interface Utf8Decoder {
  decode(input: Uint8Array): string;
}
interface Utf8Encoder {
  encode(input: string): Uint8Array;
}
// TextDecoder and TextEncoder exist in every browser, Web Worker and Node ≥ 11; the module's
// tsconfig has no DOM or Node types, so they are typed here.
const host = globalThis as unknown as {
  TextDecoder: new (label: string) => Utf8Decoder;
  TextEncoder: new () => Utf8Encoder;
};
const decoder = new host.TextDecoder('utf-8');
const encoder = new host.TextEncoder();

/** UTF-8 bytes `[start, end)` as a string (short ASCII runs without the decoder's call cost). */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start < 24) {
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes a whole part (dropping a byte order mark). UTF-16 parts (legal, rare) are decoded too. */
export function partText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode(le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1]);
    return s;
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decoder.decode(bytes.subarray(start));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves entity and character references (no others exist without a DTD, and DTDs are never read). */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] !== undefined ? NAMED[ref] : whole;
  });
}

/** Excel's `_xHHHH_` escapes undone (`_x005F_` is a literal underscore). */
export function decodeExcelEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// XML 1.0 forbids C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF.
const UNENCODABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/**
 * Cell text as Excel stores it: text that merely looks like an escape (`_x0041_`) gets its
 * underscore escaped, characters XML cannot carry (U+0007…) become `_xHHHH_`.
 */
export function escapeCellText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(UNENCODABLE, (c) => '_x' + ('000' + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + '_');
}

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\t\n\r]/g, (c) => '&#' + c.charCodeAt(0) + ';');
}

/** Text safe anywhere in XML: Excel escapes for what XML cannot carry, then entities. */
export function xmlCellText(text: string): string {
  return escapeXmlText(escapeCellText(text));
}
