/**
 * A small XML tag scanner for the package's small parts (workbook, relationships, content types,
 * styles, drawings): it finds start, end and empty-element tags in a string, skipping comments,
 * processing instructions, CDATA and DOCTYPE declarations, and keeps every byte it does not
 * change. Namespace prefixes are kept apart so `<x:sheet>` is found as `sheet`.
 */
import { decodeEntities } from './text';

export interface Tag {
  /** Index of `<`. */
  start: number;
  /** Index after `>`. */
  end: number;
  /** Qualified name as written (`x:sheet`). */
  name: string;
  local: string;
  prefix: string;
  type: 'open' | 'close' | 'empty';
}

/** Every tag of `xml` from `from`, in order. */
export function scanTags(xml: string, from = 0, until = xml.length): Tag[] {
  const out: Tag[] = [];
  let at = from;
  while (at < until) {
    const lt = xml.indexOf('<', at);
    if (lt < 0 || lt >= until) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const e = xml.indexOf('?>', lt + 2);
      at = e < 0 ? until : e + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt + 4);
        at = e < 0 ? until : e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt + 9);
        at = e < 0 ? until : e + 3;
      } else {
        at = skipDeclaration(xml, lt);
      }
      continue;
    }
    const end = tagEnd(xml, lt);
    if (end < 0) break;
    const close = next === 0x2f; /* / */
    const nameStart = close ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < end && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const name = xml.slice(nameStart, nameEnd);
    const colon = name.indexOf(':');
    out.push({
      start: lt,
      end,
      name,
      local: colon >= 0 ? name.slice(colon + 1) : name,
      prefix: colon >= 0 ? name.slice(0, colon) : '',
      type: close ? 'close' : xml.charCodeAt(end - 2) === 0x2f ? 'empty' : 'open',
    });
    at = end;
  }
  return out;
}

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e;
}

/** Index after the `>` that ends the tag starting at `lt`, skipping quoted attribute values. */
export function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i + 1;
  }
  return -1;
}

function skipDeclaration(xml: string, lt: number): number {
  // <!DOCTYPE …> possibly with an internal subset in brackets; its entities are never expanded.
  let depth = 0;
  for (let i = lt + 2; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x3e && depth <= 0) return i + 1;
  }
  return xml.length;
}

/** The attributes of a tag (names as written, values with entities resolved). */
export function attributesOf(xml: string, tag?: Tag): Record<string, string> {
  const text = tag ? xml.slice(tag.start, tag.end) : xml;
  const out: Record<string, string> = {};
  const re = /([^\s=<>\/"']+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const first = text.search(/[\s/>]/);
  re.lastIndex = first < 0 ? text.length : first;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out[m[1]] = decodeEntities(m[3] !== undefined ? m[3] : m[4]);
  return out;
}

/** The attribute whose local name is `local` (any prefix), or undefined. */
export function attributeByLocal(attributes: Record<string, string>, local: string): string | undefined {
  for (const key of Object.keys(attributes)) {
    const colon = key.indexOf(':');
    if ((colon >= 0 ? key.slice(colon + 1) : key) === local && !key.startsWith('xmlns')) return attributes[key];
  }
  return undefined;
}

export interface Element {
  open: Tag;
  /** The matching end tag (absent for an empty-element tag). */
  close?: Tag;
  /** `[start, end)` of the whole element. */
  start: number;
  end: number;
  /** `[innerStart, innerEnd)` between the tags (empty for an empty-element tag). */
  innerStart: number;
  innerEnd: number;
}

/** Elements with this local name among `tags`, outermost occurrences only (nested ones of the same name are inside them). */
export function elements(tags: Tag[], local: string): Element[] {
  const out: Element[] = [];
  let open: Tag | null = null;
  let nested = 0;
  for (const t of tags) {
    if (t.local !== local) continue;
    if (open === null) {
      if (t.type === 'empty') out.push({ open: t, start: t.start, end: t.end, innerStart: t.end, innerEnd: t.end });
      else if (t.type === 'open') open = t;
    } else if (t.type === 'open') nested++;
    else if (t.type === 'close') {
      if (nested > 0) nested--;
      else {
        out.push({ open, close: t, start: open.start, end: t.end, innerStart: open.end, innerEnd: t.start });
        open = null;
      }
    }
  }
  return out;
}

/** The first element with this local name in `xml[from, until)`, or null. */
export function findElement(xml: string, local: string, from = 0, until = xml.length): Element | null {
  const found = elements(scanTags(xml, from, until), local);
  return found.length ? found[0] : null;
}

/** The namespace URI a prefix ('' for the default) is bound to on the root element, or null. */
export function rootNamespaces(xml: string): { prefixOf(uri: string): string | null; root: Tag | null } {
  const tags = scanTags(xml, 0, Math.min(xml.length, 8192));
  const root = tags.find((t) => t.type !== 'close') || null;
  const attrs = root ? attributesOf(xml, root) : {};
  return {
    root,
    prefixOf(uri: string) {
      for (const key of Object.keys(attrs)) {
        if (attrs[key] !== uri) continue;
        if (key === 'xmlns') return '';
        if (key.startsWith('xmlns:')) return key.slice(6);
      }
      return null;
    },
  };
}

/** Sets (or adds) an attribute in a start tag's text, keeping everything else as written. */
export function setAttribute(tagText: string, name: string, value: string): string {
  const re = new RegExp('(\\s' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\s*=\\s*)("[^"]*"|\'[^\']*\')');
  if (re.test(tagText)) return tagText.replace(re, (_m, head: string) => head + '"' + value + '"');
  return tagText.replace(/\s*(\/?>)$/, (_m, close: string) => ' ' + name + '="' + value + '"' + close);
}

export function removeAttribute(tagText: string, name: string): string {
  const re = new RegExp('\\s' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\s*=\\s*("[^"]*"|\'[^\']*\')');
  return tagText.replace(re, '');
}
