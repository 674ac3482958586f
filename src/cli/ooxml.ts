/**
 * Just enough reading of the .xlsx package (a zip of XML parts) to know what is in it: which part
 * holds which sheet, and what each part links to. ExcelJS hides the parts it does not understand;
 * we look at the zip ourselves so that nothing is dropped without saying so.
 */
import JSZip from 'jszip';
import { posix } from 'path';

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
  const file = zip.file(relsPathOf(partPath));
  if (!file) return [];
  const xml = await file.async('string');
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
  const workbookXml = await zip.file(wbPath)!.async('string');
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
