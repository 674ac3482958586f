/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * Writes a zip package with Node's own zlib. JSZip compresses in JavaScript (pako): on a
 * 100,000-row workbook that alone took about 1.5 s, several times what zlib needs. The entries,
 * their order and their names are JSZip's; only the compression moves to native code.
 */
import zlib from 'node:zlib';
import type JSZip from 'jszip';
import { readPartBytes } from './ooxml';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** Bit 11: names are UTF-8 (sheet names and paths may be Chinese). */
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;

interface Entry {
  name: Buffer;
  crc: number;
  method: number;
  size: number;
  data: Buffer;
  time: number;
  date: number;
  offset: number;
}

/** MS-DOS time and date fields of a JS date (local time, as zip tools read it). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

let crcTable: Int32Array | null = null;

/** CRC-32 of the zip format; zlib's own where Node has it (20.15 and later). */
export function crc32(data: Uint8Array): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
  return typeof native === 'function' ? native(data) >>> 0 : crc32Portable(data);
}

/** CRC-32 by table, for Node versions without zlib.crc32. */
export function crc32Portable(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * The bytes of a zip holding the files of `zip` (folders left out, as Excel writes them),
 * deflated at `level`. Null when the package needs Zip64 (over 65,535 entries or 4 GB), which
 * the caller then leaves to JSZip.
 */
export async function zipWithZlib(zip: JSZip, level = 6): Promise<Buffer | null> {
  const files = Object.keys(zip.files)
    .map((name) => zip.files[name])
    .filter((f) => !f.dir);
  if (files.length > 0xfffe) return null;
  const entries: Entry[] = [];
  let offset = 0;
  for (const file of files) {
    // The part's own bytes: its text as remembered (see packageFromParts), else read from the zip.
    const raw = await readPartBytes(zip, file.name);
    if (!raw) return null;
    const deflated = zlib.deflateRawSync(raw, { level });
    // Tiny parts can grow when deflated: store those as they are.
    const useDeflate = deflated.length < raw.length;
    const data = useDeflate ? deflated : raw;
    const name = Buffer.from(file.name, 'utf8');
    const { time, date } = dosDateTime(file.date || new Date());
    if (raw.length > 0xfffffffe || offset + 30 + name.length + data.length > 0xfffffffe) return null;
    entries.push({ name, crc: crc32(raw), method: useDeflate ? DEFLATE : STORE, size: raw.length, data, time, date, offset });
    offset += 30 + name.length + data.length;
  }

  const chunks: Buffer[] = [];
  for (const e of entries) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL_HEADER, 0);
    h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    h.writeUInt16LE(UTF8_NAMES, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    chunks.push(h, e.name, e.data);
  }
  const centralStart = offset;
  let centralSize = 0;
  for (const e of entries) {
    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL_HEADER, 0);
    c.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(UTF8_NAMES, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(e.time, 12);
    c.writeUInt16LE(e.date, 14);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk, internal and external attributes: all 0
    c.writeUInt32LE(e.offset, 42);
    chunks.push(c, e.name);
    centralSize += 46 + e.name.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralStart, 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}
