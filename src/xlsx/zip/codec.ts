/**
 * Compression and checksums, behind a small interface so that the package code runs anywhere:
 * the default is fflate (pure JavaScript, works in a browser and a Web Worker); the command line
 * passes Node's native zlib, which is several times faster on large sheets.
 */
import { Deflate, Inflate } from 'fflate';
import { crc32Table } from './crc32';

export interface Codec {
  /**
   * Inflates raw DEFLATE data. Stops and throws {@link InflateOverflow} as soon as the output
   * would pass `maxOutput` bytes (never after inflating everything); throws
   * {@link InflateCorrupt} when the stream is not valid DEFLATE.
   */
  inflateRaw(data: Uint8Array, maxOutput: number): Uint8Array;
  /** Raw DEFLATE at the codec's level. */
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

export class InflateOverflow extends Error {
  constructor() {
    super('inflated output passes the limit');
    this.name = 'InflateOverflow';
  }
}

export class InflateCorrupt extends Error {
  constructor(detail: string) {
    super('invalid DEFLATE data: ' + detail);
    this.name = 'InflateCorrupt';
  }
}

/** Input is fed to the inflater in slices this big, so one slice's output stays bounded (≤ 1032 × 64 KiB). */
const SLICE = 64 * 1024;

export const fflateCodec: Codec = {
  inflateRaw(data, maxOutput) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > maxOutput) throw new InflateOverflow();
      chunks.push(chunk);
      if (final) done = true;
    });
    try {
      for (let at = 0; at < data.length; at += SLICE) {
        const end = Math.min(data.length, at + SLICE);
        inflater.push(data.subarray(at, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof InflateOverflow) throw error;
      throw new InflateCorrupt(error instanceof Error ? error.message : String(error));
    }
    if (!done) throw new InflateCorrupt('unexpected end of data');
    return concat(chunks, total);
  },
  deflateRaw(data) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    const deflater = new Deflate({ level: 6 }, (chunk) => {
      chunks.push(chunk);
      total += chunk.length;
    });
    deflater.push(data, true);
    return concat(chunks, total);
  },
  crc32(data) {
    return crc32Table(data);
  },
};

export function concat(chunks: Uint8Array[], total?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const size = total === undefined ? chunks.reduce((n, c) => n + c.length, 0) : total;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
