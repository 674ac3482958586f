/**
 * The package (Open Packaging Conventions) over the zip: parts by name, their relationships with
 * targets resolved as the standard says (relative to the source part's folder, or absolute from
 * the package root, percent-encoded, case-insensitive), content types. Every entry is inflated
 * once with its CRC checked before anything is read; text parts stay in memory for the reader
 * and the patcher, binary parts are dropped again (they are copied as stored).
 */
import type { Codec } from './zip/codec';
import { inflateEntry } from './zip/read';
import type { ZipArchive, ZipEntry } from './zip/read';
import { attributesOf, elements, scanTags } from './xml/tags';
import { partText } from './xml/text';

export interface Rel {
  id: string;
  type: string;
  /** The last segment of the type (`worksheet`, `styles`, `officeDocument`, …). */
  kind: string;
  /** Target part name (no leading slash), or null for an external target. */
  target: string | null;
  raw: string;
  external: boolean;
}

export class Package {
  readonly zip: ZipArchive;
  readonly codec: Codec;
  readonly fileName: string;
  private readonly inflated = new Map<string, Uint8Array>();
  private readonly texts = new Map<string, string>();
  private readonly relCache = new Map<string, Rel[]>();

  constructor(zip: ZipArchive, codec: Codec, fileName: string) {
    this.zip = zip;
    this.codec = codec;
    this.fileName = fileName;
  }

  /** Inflates every entry once (bounded, CRC checked); keeps the XML ones. */
  verifyAll(): void {
    for (const entry of this.zip.entries) {
      if (entry.name.endsWith('/')) continue;
      const data = inflateEntry(this.zip, entry, this.codec, this.fileName);
      if (/\.(xml|rels|vml)$/i.test(entry.name) || entry.name === '[Content_Types].xml') this.inflated.set(entry.name.toLowerCase(), data);
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.zip.byName.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.zip.byName.has(name.toLowerCase());
  }

  /** The inflated bytes of a part, or null when there is none. */
  bytes(name: string): Uint8Array | null {
    const key = name.toLowerCase();
    const cached = this.inflated.get(key);
    if (cached) return cached;
    const entry = this.zip.byName.get(key);
    if (!entry) return null;
    const data = inflateEntry(this.zip, entry, this.codec, this.fileName);
    this.inflated.set(key, data);
    return data;
  }

  /** Lets a large part's bytes go once nothing needs them any more. */
  release(name: string): void {
    this.inflated.delete(name.toLowerCase());
    this.texts.delete(name.toLowerCase());
  }

  text(name: string): string | null {
    const key = name.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const data = this.bytes(name);
    if (!data) return null;
    const text = partText(data);
    this.texts.set(key, text);
    return text;
  }

  /** The real stored name of a part (its case as in the zip). */
  storedName(name: string): string | null {
    const entry = this.entry(name);
    return entry ? entry.name : null;
  }

  rels(source: string): Rel[] {
    const path = relsPathOf(source);
    const cached = this.relCache.get(path.toLowerCase());
    if (cached) return cached;
    const xml = this.text(path);
    const rels = xml ? parseRels(xml, source) : [];
    this.relCache.set(path.toLowerCase(), rels);
    return rels;
  }
}

export function parseRels(xml: string, source: string): Rel[] {
  const out: Rel[] = [];
  for (const t of scanTags(xml)) {
    if (t.local !== 'Relationship' || t.type === 'close') continue;
    const a = attributesOf(xml, t);
    const external = (a.TargetMode || '').toLowerCase() === 'external';
    const raw = a.Target || '';
    out.push({ id: a.Id || '', type: a.Type || '', kind: relKind(a.Type || ''), raw, external, target: external ? null : resolveTarget(source, raw) });
  }
  return out;
}

export function relKind(type: string): string {
  const i = type.lastIndexOf('/');
  return i >= 0 ? type.slice(i + 1) : type;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`; '' (the package) → `_rels/.rels`. */
export function relsPathOf(part: string): string {
  if (part === '') return '_rels/.rels';
  const i = part.lastIndexOf('/');
  return (i >= 0 ? part.slice(0, i + 1) : '') + '_rels/' + part.slice(i + 1) + '.rels';
}

/** A relationship target resolved against its source part, as a part name without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  try {
    t = decodeURIComponent(t);
  } catch {
    // keep it as written
  }
  t = t.replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  const segments = base.concat(t.split('/'));
  const out: string[] = [];
  for (const s of segments) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}

/** The relative target from `source`'s folder to `part` (as Excel writes it). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  return '../'.repeat(up) + to.slice(common).join('/');
}

export interface ContentTypes {
  xml: string;
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const tags = scanTags(xml);
  for (const e of elements(tags, 'Default')) {
    const a = attributesOf(xml, e.open);
    if (a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType || '');
  }
  for (const e of elements(tags, 'Override')) {
    const a = attributesOf(xml, e.open);
    if (a.PartName) overrides.set(a.PartName.replace(/^\//, '').toLowerCase(), a.ContentType || '');
  }
  return { xml, defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | null {
  const o = types.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const dot = part.lastIndexOf('.');
  return dot >= 0 ? types.defaults.get(part.slice(dot + 1).toLowerCase()) || null : null;
}
