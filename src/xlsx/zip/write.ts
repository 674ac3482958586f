/**
 * Writes a zip: entries copied from the input keep their compressed bytes, CRC, times and
 * attributes; new or changed entries are deflated by the codec. No data descriptors, no extra
 * fields: the simplest form every reader (Excel, WPS, LibreOffice) opens.
 */
import type { Codec } from './codec';
import { rawData } from './read';
import type { ZipArchive, ZipEntry } from './read';
import { utf8Bytes } from '../xml/text';

export type OutEntry =
  | { kind: 'copy'; from: ZipArchive; entry: ZipEntry }
  | { kind: 'data'; name: string; data: Uint8Array; time: number; date: number; like?: ZipEntry };

interface Prepared {
  name: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
  internalAttributes: number;
  externalAttributes: number;
  offset: number;
}

const UTF8_NAMES = 0x0800;

function prepare(e: OutEntry, codec: Codec): Omit<Prepared, 'offset'> {
  if (e.kind === 'copy') {
    const s = e.entry;
    return {
      name: s.nameBytes,
      versionMadeBy: s.versionMadeBy,
      // No Zip64 fields are written, so no entry needs version 4.5.
      versionNeeded: s.versionNeeded >= 45 ? 20 : s.versionNeeded,
      // Keep the other flags (name encoding, deflate level); drop the data descriptor flag:
      // the sizes are in the local header now.
      flags: s.flags & ~0x0008,
      method: s.method,
      time: s.time,
      date: s.date,
      crc: s.crc,
      size: s.size,
      data: rawData(e.from, s),
      internalAttributes: s.internalAttributes,
      externalAttributes: s.externalAttributes,
    };
  }
  const deflated = e.data.length > 0 ? codec.deflateRaw(e.data) : e.data;
  const useDeflate = deflated.length < e.data.length;
  return {
    name: utf8Bytes(e.name),
    versionMadeBy: e.like ? e.like.versionMadeBy : 20,
    versionNeeded: 20,
    flags: UTF8_NAMES,
    method: useDeflate ? 8 : 0,
    time: e.time,
    date: e.date,
    crc: codec.crc32(e.data),
    size: e.data.length,
    data: useDeflate ? deflated : e.data,
    internalAttributes: e.like ? e.like.internalAttributes : 0,
    externalAttributes: e.like ? e.like.externalAttributes : 0,
  };
}

/** The bytes of a zip holding these entries, in this order. */
export function writeZip(entries: OutEntry[], codec: Codec): Uint8Array {
  const prepared: Prepared[] = [];
  let offset = 0;
  for (const e of entries) {
    const p = prepare(e, codec) as Prepared;
    p.offset = offset;
    offset += 30 + p.name.length + p.data.length;
    prepared.push(p);
  }
  let cdSize = 0;
  for (const p of prepared) cdSize += 46 + p.name.length;
  const total = offset + cdSize + 22;
  if (offset > 0xfffffffe || prepared.length > 0xfffe) throw new Error('the output needs Zip64 (over 4 GB or 65,535 parts)');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = 0;
  for (const p of prepared) {
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, p.versionNeeded, true);
    view.setUint16(at + 6, p.flags, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, p.time, true);
    view.setUint16(at + 12, p.date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.data.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const cdStart = at;
  for (const p of prepared) {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, p.versionMadeBy, true);
    view.setUint16(at + 6, p.versionNeeded, true);
    view.setUint16(at + 8, p.flags, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, p.time, true);
    view.setUint16(at + 14, p.date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.data.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    view.setUint16(at + 30, 0, true);
    view.setUint16(at + 32, 0, true);
    view.setUint16(at + 34, 0, true);
    view.setUint16(at + 36, p.internalAttributes, true);
    view.setUint32(at + 38, p.externalAttributes, true);
    view.setUint32(at + 42, p.offset, true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - cdStart, true);
  view.setUint32(at + 16, cdStart, true);
  return out;
}
