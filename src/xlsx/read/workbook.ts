/** The workbook part: where it is, its sheets in tab order, its date system. */
import { refuse } from '../errors';
import type { Package, Rel } from '../opc';
import { attributeByLocal, attributesOf, elements, scanTags } from '../xml/tags';
import type { Tag } from '../xml/tags';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetRef {
  name: string;
  sheetId: string;
  relId: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Part name of the sheet, or null when its relationship or part is missing. */
  part: string | null;
  kind: SheetKind;
  /** The `<sheet>` tag in workbook.xml. */
  tag: Tag;
}

export interface WorkbookInfo {
  path: string;
  xml: string;
  rels: Rel[];
  sheets: SheetRef[];
  date1904: boolean;
  styles: string | null;
  sharedStrings: string | null;
}

const STRICT_NS = /xmlns(?::\w+)?\s*=\s*["']http:\/\/purl\.oclc\.org\/ooxml\/spreadsheetml\/main["']/;
const FORBIDDEN_IN_SHEET_NAME = /[\[\]:\\/?*]|^'|'$/;

export function workbookPath(pkg: Package): string | null {
  const root = pkg.rels('').find((r) => r.kind === 'officeDocument' && r.target && pkg.has(r.target));
  if (root && root.target) return pkg.storedName(root.target);
  return pkg.has('xl/workbook.xml') ? pkg.storedName('xl/workbook.xml') : null;
}

export function readWorkbookInfo(pkg: Package): WorkbookInfo {
  const path = workbookPath(pkg);
  if (!path) throw refuse.notWorkbook(pkg.fileName);
  const xml = pkg.text(path) || '';
  if (STRICT_NS.test(xml.slice(0, 4096))) throw refuse.strict(pkg.fileName);
  const rels = pkg.rels(path);
  const tags = scanTags(xml);
  const sheetsElement = elements(tags, 'sheets')[0];
  const sheets: SheetRef[] = [];
  if (sheetsElement) {
    for (const t of tags) {
      if (t.start < sheetsElement.innerStart || t.end > sheetsElement.innerEnd) continue;
      if (t.local !== 'sheet' || t.type === 'close') continue;
      const a = attributesOf(xml, t);
      const relId = attributeByLocal(a, 'id') || '';
      const rel = rels.find((r) => r.id === relId);
      const part = rel && rel.target && pkg.has(rel.target) ? pkg.storedName(rel.target) : null;
      const kind: SheetKind = rel ? (['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet'].indexOf(rel.kind) >= 0 ? (rel.kind as SheetKind) : 'other') : 'other';
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      sheets.push({ name: a.name || '', sheetId: a.sheetId || '', relId, state, part, kind, tag: t });
    }
  }
  const bad = sheets.find((s) => FORBIDDEN_IN_SHEET_NAME.test(s.name));
  if (bad) throw refuse.badSheetName(pkg.fileName, bad.name);
  const pr = tags.find((t) => t.local === 'workbookPr' && t.type !== 'close');
  const flag = pr ? attributesOf(xml, pr).date1904 : undefined;
  const date1904 = flag === '1' || flag === 'true';
  const find = (kind: string) => {
    const rel = rels.find((r) => r.kind === kind && r.target && pkg.has(r.target));
    return rel && rel.target ? pkg.storedName(rel.target) : null;
  };
  return { path, xml, rels, sheets, date1904, styles: find('styles'), sharedStrings: find('sharedStrings') };
}
