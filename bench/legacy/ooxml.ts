/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * Just enough reading of the .xlsx package (a zip of XML parts) to know what is in it: which part
 * holds which sheet, and what each part links to. ExcelJS hides the parts it does not understand;
 * we look at the zip ourselves so that nothing is dropped without saying so.
 */
import JSZip from 'jszip';
import zlib from 'node:zlib';
import { posix } from 'path';

// The text of each part, decoded once per package: the reader, the link repair and the census of
// lost parts all look at the same worksheets, and inflating a 100,000-row sheet takes a while.
const partTexts = new WeakMap<JSZip, Map<string, Promise<string>>>();

/** The text of a part of the package, or null when there is no such part. Decoded once per package. */
export function readPart(zip: JSZip, path: string): Promise<string> | null {
  const file = zip.file(path);
  if (!file) return null;
  let texts = partTexts.get(zip);
  if (!texts) partTexts.set(zip, (texts = new Map()));
  let text = texts.get(path);
  if (!text) {
    const inflated = inflateNatively(file);
    text = inflated !== null ? Promise.resolve(inflated) : file.async('string');
    texts.set(path, text);
  }
  return text;
}

/** What JSZip 3 keeps of an entry it read from a package: the compressed bytes and how to expand them. */
interface LoadedEntryData {
  compressedContent?: Uint8Array;
  uncompressedSize?: number;
  compression?: { magic?: string } | null;
}

/**
 * The text of a deflated part of a package JSZip has read, expanded by Node's zlib: JSZip's own
 * JavaScript inflate and chunked decoding took most of a second for a 100,000-row sheet. Null
 * (JSZip decodes it) for a stored or new part, or for data this JSZip keeps some other way.
 */
function inflateNatively(file: JSZip.JSZipObject): string | null {
  const data = (file as unknown as { _data?: LoadedEntryData })._data;
  if (!data || !data.compression || data.compression.magic !== '\x08\x00' || !(data.compressedContent instanceof Uint8Array)) return null;
  try {
    const bytes = zlib.inflateRawSync(data.compressedContent);
    return bytes.length === data.uncompressedSize ? bytes.toString('utf8') : null;
  } catch {
    return null;
  }
}

/**
 * A package from parts already in memory (what ExcelJS hands its zip writer). The texts are
 * remembered as they are, so {@link readPart} and {@link readPartBytes} never send them through
 * JSZip's chunked decoding: for a 100,000-row sheet that alone took about a second.
 */
export function packageFromParts(parts: ReadonlyArray<{ name: string; data: string | Uint8Array }>): JSZip {
  const zip = new JSZip();
  const texts = new Map<string, Promise<string>>();
  for (const part of parts) {
    zip.file(part.name, part.data);
    if (typeof part.data === 'string') texts.set(part.name, Promise.resolve(part.data));
  }
  partTexts.set(zip, texts);
  return zip;
}

/** The bytes of a part: from the remembered text when there is one, else from the zip. */
export async function readPartBytes(zip: JSZip, path: string): Promise<Buffer | null> {
  const texts = partTexts.get(zip);
  const text = texts ? texts.get(path) : undefined;
  if (text) return Buffer.from(await text, 'utf8');
  const file = zip.file(path);
  return file ? file.async('nodebuffer') : null;
}

/** Replaces the text of a part (and what {@link readPart} returns for it). */
export function writePart(zip: JSZip, path: string, text: string): void {
  zip.file(path, text);
  const texts = partTexts.get(zip);
  if (texts) texts.set(path, Promise.resolve(text));
  const outside = outsideTexts.get(zip);
  if (outside) outside.delete(path);
}

/** Moves a part to another name (its text and the caches with it). Returns whether it was there. */
export async function movePart(zip: JSZip, from: string, to: string): Promise<boolean> {
  const text = readPart(zip, from);
  if (!text) return false;
  const xml = await text;
  zip.remove(from);
  const texts = partTexts.get(zip);
  if (texts) texts.delete(from);
  const outside = outsideTexts.get(zip);
  if (outside) outside.delete(from);
  writePart(zip, to, xml);
  return true;
}

const outsideTexts = new WeakMap<JSZip, Map<string, Promise<string>>>();

/**
 * A worksheet part without its cells ({@link withoutSheetData}), decoded once per package. The
 * whole text is then dropped from the {@link readPart} cache: a 100,000-row sheet is 25 MB of XML
 * that nothing else needs kept for the rest of the run.
 */
export function readPartOutsideCells(zip: JSZip, path: string): Promise<string> | null {
  let texts = outsideTexts.get(zip);
  if (!texts) outsideTexts.set(zip, (texts = new Map()));
  let text = texts.get(path);
  if (!text) {
    const whole = readPart(zip, path);
    if (!whole) return null;
    text = whole.then((xml) => {
      const full = partTexts.get(zip);
      if (full) full.delete(path);
      return withoutSheetData(xml);
    });
    texts.set(path, text);
  }
  return text;
}

/**
 * A worksheet's XML without the cells (`<sheetData>…</sheetData>`): merges, links, validations,
 * protection and the like all come after it, and cell text cannot contain a `<`. Counting tags in
 * this instead of the whole part keeps a 100,000-row sheet from being scanned a dozen times.
 */
export function withoutSheetData(xml: string): string {
  const open = /<(?:[\w.-]+:)?sheetData(?=[\s/>])[^>]*>/.exec(xml);
  if (!open || open[0].endsWith('/>')) return xml;
  const close = xml.lastIndexOf('sheetData>');
  const closeStart = close < 0 ? -1 : xml.lastIndexOf('</', close);
  if (closeStart < open.index) return xml;
  // join copies: slices of a 25 MB string would keep all of it alive.
  return [xml.slice(0, open.index), xml.slice(closeStart)].join('');
}

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function encodeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The attributes of one start tag (`<sheet name="a" r:id="rId1"/>`), names with their prefix, values decoded. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out[m[1]] = decodeXml(m[3] !== undefined ? m[3] : m[4]);
  return out;
}

/** Every start (or empty) tag whose local name is `local`, whatever its namespace prefix. */
export function startTags(xml: string, local: string): string[] {
  const re = new RegExp('<(?:[\\w.-]+:)?' + local + '(?=[\\s/>])[^>]*>', 'g');
  return xml.match(re) || [];
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved to a path inside the zip, or the raw target for external ones. */
  target: string;
  external: boolean;
}

/** The `_rels/x.xml.rels` path of a part. */
export function relsPathOf(partPath: string): string {
  const dir = posix.dirname(partPath);
  return (dir === '.' ? '' : dir + '/') + '_rels/' + posix.basename(partPath) + '.rels';
}

/** Relationships of a part, with internal targets resolved against the part's folder. */
export async function readRels(zip: JSZip, partPath: string): Promise<Relationship[]> {
  const part = readPart(zip, relsPathOf(partPath));
  if (!part) return [];
  const xml = await part;
  const dir = posix.dirname(partPath);
  return startTags(xml, 'Relationship').map((tag) => {
    const a = attributesOf(tag);
    const external = a.TargetMode === 'External';
    const raw = a.Target || '';
    let target = raw;
    if (!external) {
      target = raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(dir === '.' ? '' : dir, raw));
    }
    return { id: a.Id || '', type: a.Type || '', target, external };
  });
}

/** The last path segment of a relationship type: `.../relationships/chart` → `chart`. */
export function relKind(type: string): string {
  const i = type.lastIndexOf('/');
  return i >= 0 ? type.slice(i + 1) : type;
}

export interface SheetPart {
  name: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`… from the relationship type. */
  kind: string;
  path: string;
  /** 0-based position in workbook.xml (the localSheetId of defined names). */
  index: number;
}

/** The workbook part's path (normally xl/workbook.xml), from the package relationships. */
export async function workbookPath(zip: JSZip): Promise<string | null> {
  const rels = await readRels(zip, '');
  const main = rels.find((r) => relKind(r.type) === 'officeDocument');
  if (main && zip.file(main.target)) return main.target;
  return zip.file('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

/** Sheets in tab order with the part that holds each. */
export async function readSheetParts(zip: JSZip): Promise<{ workbookPath: string | null; workbookXml: string; sheets: SheetPart[] }> {
  const wbPath = await workbookPath(zip);
  if (!wbPath) return { workbookPath: null, workbookXml: '', sheets: [] };
  const workbookXml = await readPart(zip, wbPath)!;
  const rels = await readRels(zip, wbPath);
  const byId = new Map(rels.map((r) => [r.id, r] as const));
  const sheets: SheetPart[] = startTags(workbookXml, 'sheet').map((tag, index) => {
    const a = attributesOf(tag);
    const rel = byId.get(a['r:id'] || '') || byId.get(Object.keys(a).filter((k) => /:id$/.test(k)).map((k) => a[k])[0] || '');
    return { name: a.name || '', kind: rel ? relKind(rel.type) : 'unknown', path: rel ? rel.target : '', index };
  });
  return { workbookPath: wbPath, workbookXml, sheets };
}

/** Quotes a sheet name for a reference: `'检查记录'!A7`, doubling any apostrophe inside. */
export function quoteSheetName(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}
