/**
 * The zip container of a package, read defensively: this is the first code a hostile file meets.
 * Nothing is inflated until the whole directory has been checked (sizes, ratios, duplicate names,
 * overlapping entries, local headers that disagree with the central directory), and every
 * inflate stops as soon as its output passes the size the directory declared.
 */
import { InflateCorrupt, InflateOverflow } from './codec';
import type { Codec } from './codec';
import { refuse } from '../errors';
import { utf8 } from '../xml/text';

export interface ZipLimits {
  /** The whole file. */
  maxFileBytes: number;
  maxEntries: number;
  /** One entry, inflated. */
  maxPartBytes: number;
  /** All entries, inflated. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 20000,
  maxPartBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 1000,
  ratioFloorBytes: 1024 * 1024,
};

export interface ZipEntry {
  /** The name as stored (a part name without its leading slash). */
  name: string;
  /** Raw bytes of the stored name, written back as they were. */
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttributes: number;
  externalAttributes: number;
  localOffset: number;
  /** Where the compressed data starts. */
  dataOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** By lower-cased name (part names compare case-insensitively). */
  byName: Map<string, ZipEntry>;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && u32(bytes, 0) === LOCAL;
}

/** Reads and checks the directory of a zip; refuses (XlsxRefusal) whatever is wrong with it. */
export function openZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_LIMITS): ZipArchive {
  if (bytes.length > limits.maxFileBytes) throw refuse.tooLarge(fileName, bytes.length, limits.maxFileBytes);
  if (!isZip(bytes)) throw refuse.notZip(fileName);
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(bytes, at) === END && at + 22 + u16(bytes, at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  // It starts as a zip but its end record is missing: cut off while downloading or copying.
  if (end < 0) throw refuse.truncated(fileName);
  let count = u16(bytes, end + 10);
  let cdSize = u32(bytes, end + 12);
  let cdOffset = u32(bytes, end + 16);
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0 || u16(bytes, end + 8) !== count) {
    throw refuse.damaged(fileName, 'multi-disk zip');
  }
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== END64_LOCATOR) throw refuse.damaged(fileName, 'zip64 end record missing');
    const at = u64(bytes, locator + 8);
    if (at + 56 > bytes.length || u32(bytes, at) !== END64) throw refuse.damaged(fileName, 'zip64 end record damaged');
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  if (count > limits.maxEntries) throw refuse.tooManyEntries(fileName, count, limits.maxEntries);
  if (cdOffset + cdSize > end || cdOffset + cdSize > bytes.length) throw refuse.damaged(fileName, 'central directory outside the file');

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = cdOffset;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || u32(bytes, at) !== CENTRAL) throw refuse.damaged(fileName, 'central directory entry ' + i);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = utf8(nameBytes, 0, nameBytes.length);
    const entry: ZipEntry = {
      name,
      nameBytes,
      versionMadeBy: u16(bytes, at + 4),
      versionNeeded: u16(bytes, at + 6),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      time: u16(bytes, at + 12),
      date: u16(bytes, at + 14),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      internalAttributes: u16(bytes, at + 36),
      externalAttributes: u32(bytes, at + 38),
      localOffset: u32(bytes, at + 42),
      dataOffset: 0,
    };
    readZip64Extra(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    at += 46 + nameLength + extraLength + commentLength;

    const key = name.toLowerCase();
    if (byName.has(key)) throw refuse.duplicate(fileName, name);
    if (entry.flags & 1) throw refuse.encryptedEntry(fileName, name);
    if (entry.method !== 0 && entry.method !== 8) throw refuse.method(fileName, name, entry.method);
    if (entry.method === 0 && entry.size !== entry.compressedSize) throw refuse.directoryMismatch(fileName, name, 'stored sizes');
    checkDeclaredSize(entry, fileName, limits);
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) {
      throw refuse.inflateLimit(fileName, name, '全部部件合计超过 ' + mibText(limits.maxTotalBytes));
    }
    checkLocalHeader(bytes, entry, fileName, cdOffset);
    byName.set(key, entry);
    entries.push(entry);
  }
  checkNoOverlap(entries, fileName, cdOffset);
  return { bytes, entries, byName };
}

function mibText(n: number): string {
  return n >= 1024 * 1024 * 1024 ? n / 1024 / 1024 / 1024 + ' GiB' : Math.round(n / 1024 / 1024) + ' MiB';
}

function checkDeclaredSize(entry: ZipEntry, fileName: string, limits: ZipLimits): void {
  if (entry.size > limits.maxPartBytes) {
    throw refuse.inflateLimit(fileName, entry.name, '声明 ' + mibText(entry.size) + '，上限 ' + mibText(limits.maxPartBytes));
  }
  if (entry.method === 8 && entry.size > limits.ratioFloorBytes && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
    throw refuse.inflateLimit(fileName, entry.name, '压缩比 ' + Math.round(entry.size / Math.max(1, entry.compressedSize)) + ':1，上限 ' + limits.maxRatio + ':1');
  }
}

function readZip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = u16(extra, at);
    const size = u16(extra, at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      if (entry.size === 0xffffffff && p + 8 <= at + 4 + size) (entry.size = u64(extra, p)), (p += 8);
      if (entry.compressedSize === 0xffffffff && p + 8 <= at + 4 + size) (entry.compressedSize = u64(extra, p)), (p += 8);
      if (entry.localOffset === 0xffffffff && p + 8 <= at + 4 + size) entry.localOffset = u64(extra, p);
      return;
    }
    at += 4 + size;
  }
}

function checkLocalHeader(bytes: Uint8Array, entry: ZipEntry, fileName: string, cdOffset: number): void {
  const at = entry.localOffset;
  if (at + 30 > cdOffset || u32(bytes, at) !== LOCAL) throw refuse.directoryMismatch(fileName, entry.name, 'no local header');
  const nameLength = u16(bytes, at + 26);
  const extraLength = u16(bytes, at + 28);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  if (!sameBytes(localName, entry.nameBytes)) throw refuse.directoryMismatch(fileName, entry.name, 'name');
  const flags = u16(bytes, at + 6);
  // Writers differ on the other flag bits between the two headers; encryption must agree.
  if ((flags & 1) !== (entry.flags & 1)) throw refuse.directoryMismatch(fileName, entry.name, 'encryption flag');
  if (u16(bytes, at + 8) !== entry.method) throw refuse.directoryMismatch(fileName, entry.name, 'method');
  const crc = u32(bytes, at + 14);
  const csize = u32(bytes, at + 18);
  const size = u32(bytes, at + 22);
  // With a data descriptor (flag 3) the local fields may be zero; otherwise they must agree
  // (0xFFFFFFFF: the real sizes are in a zip64 extra field).
  const deferred = (flags & 8) !== 0;
  const agrees = (local: number, central: number) => local === central || (deferred && local === 0) || local === 0xffffffff;
  if (!agrees(crc, entry.crc) || !agrees(csize, entry.compressedSize) || !agrees(size, entry.size)) {
    throw refuse.directoryMismatch(fileName, entry.name, 'CRC or sizes');
  }
  entry.dataOffset = at + 30 + nameLength + extraLength;
  if (entry.dataOffset + entry.compressedSize > cdOffset) throw refuse.directoryMismatch(fileName, entry.name, 'data past the directory');
}

function checkNoOverlap(entries: ZipEntry[], fileName: string, cdOffset: number): void {
  const sorted = entries.slice().sort((a, b) => a.localOffset - b.localOffset);
  for (let i = 0; i < sorted.length; i++) {
    const end = sorted[i].dataOffset + sorted[i].compressedSize;
    const next = i + 1 < sorted.length ? sorted[i + 1].localOffset : cdOffset;
    if (end > next) throw refuse.overlapping(fileName, sorted[i + 1] ? sorted[i + 1].name : sorted[i].name);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The compressed bytes of an entry, as stored. */
export function rawData(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  return zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/** Inflates an entry, stopping as soon as it passes its declared size; checks its CRC-32. */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, codec: Codec, fileName: string): Uint8Array {
  const raw = rawData(zip, entry);
  let data: Uint8Array;
  if (entry.method === 0) data = raw;
  else {
    try {
      data = codec.inflateRaw(raw, entry.size);
    } catch (error) {
      if (error instanceof InflateOverflow) throw refuse.inflateLimit(fileName, entry.name, '实际解压后超过声明的 ' + entry.size + ' 字节');
      if (error instanceof InflateCorrupt) throw refuse.damaged(fileName, entry.name + ': ' + error.message);
      throw error;
    }
  }
  if (data.length !== entry.size) throw refuse.directoryMismatch(fileName, entry.name, 'inflated size');
  if (codec.crc32(data) !== entry.crc) throw refuse.crc(fileName, entry.name);
  return data;
}
