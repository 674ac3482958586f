/** An output buffer that grows: input byte ranges and ASCII text are written without a string or array per piece. */
import * as text from '../xml/text';

const { utf8Bytes } = text;

export class ByteWriter {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(1024, capacity));
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  bytes(source: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    this.reserve(end - start);
    this.buffer.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Text; ASCII is written directly, anything else as UTF-8. */
  text(s: string): void {
    const n = s.length;
    this.reserve(n);
    const b = this.buffer;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.length = at;
        const encoded = utf8Bytes(s.slice(i));
        this.reserve(encoded.length);
        this.buffer.set(encoded, this.length);
        this.length += encoded.length;
        return;
      }
      b[at++] = c;
    }
    this.length = at;
  }

  /** A non-negative integer in decimal. */
  int(n: number): void {
    this.text(String(n));
  }

  /** Drops what was written after `length`. */
  truncate(length: number): void {
    this.length = length;
  }

  result(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
