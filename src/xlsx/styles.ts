/**
 * styles.xml, read and extended. Reading gives which cell formats show dates. Extending appends
 * fonts, fills, borders and cell formats (existing indices never move) and finds an existing
 * equal entry first, so running twice adds nothing the second time.
 */
import { attributesOf, elements, scanTags } from './xml/tags';
import type { Element } from './xml/tags';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

const EMPTY_STYLESHEET = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="' + MAIN_NS + '"></styleSheet>';

type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellStyleXfs' | 'cellXfs';
const LIST_ITEM: Record<ListName, string> = {
  numFmts: 'numFmt',
  fonts: 'font',
  fills: 'fill',
  borders: 'border',
  cellStyleXfs: 'xf',
  cellXfs: 'xf',
};
/** The order of the lists in CT_Stylesheet, for creating one that is missing. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

interface List {
  /** The list in the part, or null when the part lacks it (then `items` are the defaults it is created with). */
  element: Element | null;
  items: string[];
  added: string[];
}

/** What Excel puts in a list at least; a list the part lacks starts with these, so index 0 means what it always means. */
const SEED: Record<ListName, string[]> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

export interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
}

export class Styles {
  readonly xml: string;
  /** Prefix of the main namespace with its colon (`x:`), or ''. */
  readonly prefix: string;
  readonly numFmts = new Map<number, string>();
  private readonly lists: Record<ListName, List>;

  constructor(xml: string | null) {
    this.xml = xml || '';
    const tags = scanTags(this.xml);
    const root = tags.find((t) => t.type !== 'close' && t.local === 'styleSheet');
    this.prefix = root && root.prefix ? root.prefix + ':' : '';
    const list = (name: ListName): List => {
      const element = elements(tags, name)[0] || null;
      if (!element) return { element: null, items: SEED[name].map((x) => withPrefix(x, this.prefix)), added: [] };
      const items: string[] = [];
      if (element) {
        const inner = tags.filter((t) => t.start >= element.innerStart && t.end <= element.innerEnd);
        for (const e of elements(inner, LIST_ITEM[name])) items.push(this.xml.slice(e.start, e.end));
      }
      return { element, items, added: [] };
    };
    this.lists = {
      numFmts: list('numFmts'),
      fonts: list('fonts'),
      fills: list('fills'),
      borders: list('borders'),
      cellStyleXfs: list('cellStyleXfs'),
      cellXfs: list('cellXfs'),
    };
    for (const item of this.lists.numFmts.items) {
      const a = attributesOf(item);
      if (a.numFmtId !== undefined) this.numFmts.set(+a.numFmtId, a.formatCode || '');
    }
  }

  get hasPart(): boolean {
    return this.xml !== '';
  }

  count(name: ListName): number {
    return this.lists[name].items.length + this.lists[name].added.length;
  }

  item(name: ListName, index: number): string | undefined {
    const l = this.lists[name];
    return index < l.items.length ? l.items[index] : l.added[index - l.items.length];
  }

  xf(index: number): Xf | null {
    const text = this.item('cellXfs', index);
    if (text === undefined) return null;
    const a = attributesOf(text);
    const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? +v : 0);
    return { numFmtId: n(a.numFmtId), fontId: n(a.fontId), fillId: n(a.fillId), borderId: n(a.borderId) };
  }

  /** Per cell format: 1 when it shows a date (or time), as ExcelJS decides it. */
  dateFormats(): Uint8Array {
    const n = this.count('cellXfs');
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const xf = this.xf(i);
      if (xf && isDateFormat(xf.numFmtId, this.numFmts.get(xf.numFmtId))) out[i] = 1;
    }
    return out;
  }

  /** Index of an item equal to `text`, searching from `from`; appended when there is none. */
  findOrAdd(name: ListName, text: string, from = 0, exclude?: (index: number) => boolean): number {
    const l = this.lists[name];
    const total = l.items.length + l.added.length;
    for (let i = from; i < total; i++) {
      if (exclude && exclude(i)) continue;
      if ((i < l.items.length ? l.items[i] : l.added[i - l.items.length]) === text) return i;
    }
    return this.add(name, text);
  }

  add(name: ListName, text: string): number {
    const l = this.lists[name];
    l.added.push(text);
    return l.items.length + l.added.length - 1;
  }

  get changed(): boolean {
    return (Object.keys(this.lists) as ListName[]).some((k) => this.lists[k].added.length > 0);
  }

  /** The part with the appended items, every other byte as it was. */
  serialize(): string {
    if (!this.changed) return this.xml;
    const p = this.prefix;
    let xml = this.xml || EMPTY_STYLESHEET;
    // Insert from the end of the document backwards, so earlier positions stay valid.
    const edits: Array<{ at: number; remove: number; text: string }> = [];
    const missing: ListName[] = [];
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as ListName[]) {
      const l = this.lists[name];
      // A part made here gets every list (formats refer to font, fill and border 0).
      if (l.added.length === 0 && (this.xml || l.items.length === 0)) continue;
      if (!l.element || !this.xml) {
        missing.push(name);
        continue;
      }
      const count = l.items.length + l.added.length;
      const openText = this.xml.slice(l.element.open.start, l.element.open.end);
      const newOpen = setCount(openText.replace(/\s*\/>$/, '>'), count);
      if (l.element.close) {
        edits.push({ at: l.element.open.start, remove: l.element.open.end - l.element.open.start, text: newOpen });
        edits.push({ at: l.element.close.start, remove: 0, text: l.added.join('') });
      } else {
        edits.push({ at: l.element.open.start, remove: l.element.open.end - l.element.open.start, text: newOpen + l.added.join('') + '</' + p + name + '>' });
      }
    }
    if (missing.length) {
      // Lists the part lacks are created in schema order, before the first list that follows them.
      const tags = scanTags(xml);
      const rootClose = tags.filter((t) => t.type === 'close' && t.local === 'styleSheet').pop();
      const byPosition = new Map<number, string>();
      for (const name of missing) {
        const l = this.lists[name];
        const after = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = this.xml ? tags.find((t) => t.type !== 'close' && after.indexOf(t.local) >= 0) : undefined;
        const at = next ? next.start : rootClose ? rootClose.start : xml.length;
        const items = l.items.concat(l.added);
        byPosition.set(at, (byPosition.get(at) || '') + '<' + p + name + ' count="' + items.length + '">' + items.join('') + '</' + p + name + '>');
      }
      byPosition.forEach((text, at) => edits.push({ at, remove: 0, text }));
    }
    edits.sort((a, b) => b.at - a.at);
    for (const e of edits) xml = xml.slice(0, e.at) + e.text + xml.slice(e.at + e.remove);
    return xml;
  }
}

function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)(\w)/g, '<$1' + prefix + '$2') : xml;
}

function setCount(openTag: string, count: number): string {
  if (/\scount\s*=/.test(openTag)) return openTag.replace(/(\scount\s*=\s*)("[^"]*"|'[^']*')/, '$1"' + count + '"');
  return openTag;
}

/** Built-in number formats that show dates or times (language-independent ids and the CJK ones). */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** ExcelJS's rule, kept so the reader gives what the command line always gave. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return isBuiltinDate(id);
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}
