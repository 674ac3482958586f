/**
 * A zip writer for tests that can lie: each entry may carry its own CRC, sizes, flags, local name
 * or extra data, so hostile packages (CRC mismatch, duplicate names, a directory that disagrees
 * with the local headers, overlapping entries, zip bombs) are built in the test that uses them.
 */
import zlib from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes after inflating (for the CRC and size unless overridden). */
  data?: Buffer;
  /** Compressed bytes as stored (default: `data` deflated). */
  stored?: Buffer;
  method?: number;
  crc?: number;
  size?: number;
  /** Fields of the local header that differ from the central directory. */
  local?: { name?: string; crc?: number; size?: number; compressedSize?: number; method?: number };
  flags?: number;
  /** Offset of the local header to point at from the directory (for overlapping entries). */
  offsetOf?: number;
  /** An absolute offset to point at instead of writing a local header (an entry inside another). */
  atOffset?: number;
}

/** A complete local record (header, name, deflated data), to hide inside another entry. */
export function localRecord(name: string, data: Buffer): { bytes: Buffer; stored: Buffer; crc: number } {
  const stored = zlib.deflateRawSync(data);
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt16LE(8, 8);
  h.writeUInt32LE(crc32(data), 14);
  h.writeUInt32LE(stored.length, 18);
  h.writeUInt32LE(data.length, 22);
  h.writeUInt16LE(n.length, 26);
  return { bytes: Buffer.concat([h, n, stored]), stored, crc: crc32(data) };
}

export function crc32(data: Buffer): number {
  return (zlib as unknown as { crc32(d: Buffer): number }).crc32(data) >>> 0;
}

export function buildZip(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e, index) => {
    const data = e.data || Buffer.alloc(0);
    const method = e.method === undefined ? 8 : e.method;
    const stored = e.stored || (method === 8 ? zlib.deflateRawSync(data) : data);
    const crc = e.crc === undefined ? crc32(data) : e.crc;
    const size = e.size === undefined ? data.length : e.size;
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.local && e.local.name !== undefined ? e.local.name : e.name, 'utf8');
    const flags = (e.flags || 0) | 0x0800;
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(e.local && e.local.method !== undefined ? e.local.method : method, 8);
    h.writeUInt32LE(e.local && e.local.crc !== undefined ? e.local.crc : crc, 14);
    h.writeUInt32LE(e.local && e.local.compressedSize !== undefined ? e.local.compressedSize : stored.length, 18);
    h.writeUInt32LE(e.local && e.local.size !== undefined ? e.local.size : size >>> 0, 22);
    h.writeUInt16LE(localName.length, 26);
    const at = e.atOffset !== undefined ? e.atOffset : e.offsetOf !== undefined ? offsets[e.offsetOf] : offset;
    offsets.push(at);
    if (e.offsetOf === undefined && e.atOffset === undefined) {
      chunks.push(h, localName, stored);
      offset += 30 + localName.length + stored.length;
    }
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(method, 10);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(stored.length, 20);
    c.writeUInt32LE(Math.min(size, 0xffffffff), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at, 42);
    central.push(c, name);
    void index;
  });
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** The entries of a package (as JSZip or any writer made it), to rebuild it with changes. */
export function entriesOf(zip: Buffer): RawEntry[] {
  const out: RawEntry[] = [];
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const csize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(dataAt, dataAt + csize);
    const data = method === 8 ? zlib.inflateRawSync(stored) : Buffer.from(stored);
    if (!name.endsWith('/')) out.push({ name, data });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

/**
 * Raw DEFLATE data that inflates to `total` bytes of white space from about 1 KB per
 * megabyte: one megabyte compressed once, its blocks repeated (each ends byte-aligned), then an
 * empty final block. A 2.3 GB part fits in about 2 MB and takes milliseconds to build.
 */
export function deflateBomb(total: number): { stored: Buffer; size: number } {
  // White space between elements: legal XML, and deflate's best ratio (about 1,000 : 1).
  const unit = Buffer.alloc(1 << 20, 0x20);
  const block = zlib.deflateRawSync(unit, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const copies = Math.ceil(total / unit.length);
  const parts: Buffer[] = [];
  for (let i = 0; i < copies; i++) parts.push(block);
  parts.push(Buffer.from([0x03, 0x00]));
  return { stored: Buffer.concat(parts), size: copies * unit.length };
}
