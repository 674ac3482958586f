/**
 * Edits of the package's own bookkeeping parts, each keeping every byte it does not change:
 * relationships, content types, the workbook's sheet list and defined names, and the sheet
 * titles in docProps/app.xml.
 */
import { attributesOf, elements, rootNamespaces, scanTags } from '../xml/tags';
import { escapeXmlAttribute, escapeXmlText } from '../xml/text';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  worksheet: REL_NS + '/worksheet',
  drawing: REL_NS + '/drawing',
  chart: REL_NS + '/chart',
  styles: REL_NS + '/styles',
  customXml: REL_NS + '/customXml',
  customXmlProps: REL_NS + '/customXmlProps',
};
export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  xml: 'application/xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
};

const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return EMPTY_RELS.replace(
    '</Relationships>',
    rels.map((r) => '<Relationship Id="' + r.id + '" Type="' + r.type + '" Target="' + escapeXmlAttribute(r.target) + '"/>').join('') + '</Relationships>',
  );
}

/** Removes the relationships with these ids and appends new ones at the end. */
export function editRels(xml: string | null, remove: Set<string>, add: Array<{ id: string; type: string; target: string }>): string {
  let text = xml || EMPTY_RELS;
  if (remove.size) {
    const tags = scanTags(text).filter((t) => t.local === 'Relationship' && t.type !== 'close');
    for (const t of tags.reverse()) {
      if (!remove.has(attributesOf(text, t).Id || '')) continue;
      const el = elements(scanTags(text, t.start), 'Relationship')[0];
      text = text.slice(0, t.start) + text.slice(el ? el.end : t.end);
    }
  }
  if (add.length) {
    const tags = scanTags(text);
    const close = tags.filter((t) => t.type === 'close' && t.local === 'Relationships').pop();
    const p = close && close.prefix ? close.prefix + ':' : '';
    const items = add.map((r) => '<' + p + 'Relationship Id="' + r.id + '" Type="' + r.type + '" Target="' + escapeXmlAttribute(r.target) + '"/>').join('');
    if (close) text = text.slice(0, close.start) + items + text.slice(close.start);
    else {
      const root = tags.find((t) => t.local === 'Relationships' && t.type === 'empty');
      if (root) text = text.slice(0, root.start) + text.slice(root.start, root.end).replace(/\s*\/>$/, '>') + items + '</' + p + 'Relationships>' + text.slice(root.end);
    }
  }
  return text;
}

/** The smallest `rIdN` not taken. */
export function freeRelId(taken: Iterable<string>): string {
  const set = new Set(taken);
  for (let n = 1; ; n++) if (!set.has('rId' + n)) return 'rId' + n;
}

/** Removes Overrides of these parts and appends new ones (and Defaults where none covers a part). */
export function editContentTypes(xml: string, remove: Set<string>, add: Array<{ part: string; type: string }>): string {
  let text = xml;
  if (remove.size) {
    const tags = scanTags(text).filter((t) => t.local === 'Override' && t.type !== 'close');
    for (const t of tags.reverse()) {
      const part = (attributesOf(text, t).PartName || '').replace(/^\//, '').toLowerCase();
      if (!remove.has(part)) continue;
      const el = elements(scanTags(text, t.start), 'Override')[0];
      text = text.slice(0, t.start) + text.slice(el ? el.end : t.end);
    }
  }
  if (!add.length) return text;
  const tags = scanTags(text);
  const defaults = new Map<string, string>();
  const overrides = new Set<string>();
  for (const t of tags) {
    if (t.type === 'close') continue;
    const a = attributesOf(text, t);
    if (t.local === 'Default' && a.Extension) defaults.set(a.Extension.toLowerCase(), a.ContentType || '');
    if (t.local === 'Override' && a.PartName) overrides.add(a.PartName.replace(/^\//, '').toLowerCase());
  }
  const close = tags.filter((t) => t.type === 'close' && t.local === 'Types').pop();
  const p = close && close.prefix ? close.prefix + ':' : '';
  let items = '';
  for (const a of add) {
    const dot = a.part.lastIndexOf('.');
    const ext = dot >= 0 ? a.part.slice(dot + 1).toLowerCase() : '';
    if (defaults.get(ext) === a.type || overrides.has(a.part.toLowerCase())) continue;
    items += '<' + p + 'Override PartName="/' + escapeXmlAttribute(a.part) + '" ContentType="' + a.type + '"/>';
    overrides.add(a.part.toLowerCase());
  }
  if (close && items) text = text.slice(0, close.start) + items + text.slice(close.start);
  return text;
}

/**
 * workbook.xml with the summary's `<sheet>` in place of the old one (or appended), the old
 * summary's own defined names dropped and the layout's print titles added.
 */
export function editWorkbook(
  xml: string,
  change: {
    replaceTagStart: number | null;
    replaceTagEnd: number | null;
    replacedIndex: number | null;
    name: string;
    sheetId: string;
    relId: string;
    printTitles: string | null;
    newIndex: number;
  },
): string {
  const ns = rootNamespaces(xml);
  const relPrefix = ns.prefixOf(REL_NS);
  const tags = scanTags(xml);
  const sheets = elements(tags, 'sheets')[0];
  const mainPrefix = sheets && sheets.open.prefix ? sheets.open.prefix + ':' : '';
  const idAttr = relPrefix ? relPrefix + ':id' : 'r:id';
  const tag =
    '<' + mainPrefix + 'sheet' + (relPrefix ? '' : ' xmlns:r="' + REL_NS + '"') + ' name="' + escapeXmlAttribute(change.name) + '" sheetId="' + change.sheetId + '" ' + idAttr + '="' + change.relId + '"/>';
  const edits: Array<{ at: number; remove: number; text: string }> = [];
  if (change.replaceTagStart !== null && change.replaceTagEnd !== null) {
    edits.push({ at: change.replaceTagStart, remove: change.replaceTagEnd - change.replaceTagStart, text: tag });
  } else if (sheets && sheets.close) {
    edits.push({ at: sheets.close.start, remove: 0, text: tag });
  } else if (sheets) {
    edits.push({ at: sheets.open.start, remove: sheets.open.end - sheets.open.start, text: xml.slice(sheets.open.start, sheets.open.end).replace(/\s*\/>$/, '>') + tag + '</' + mainPrefix + 'sheets>' });
  }
  const names = elements(tags, 'definedNames')[0];
  if (names && change.replacedIndex !== null) {
    for (const d of elements(tags.filter((t) => t.start >= names.innerStart && t.end <= names.innerEnd), 'definedName')) {
      if (attributesOf(xml, d.open).localSheetId === String(change.replacedIndex)) edits.push({ at: d.start, remove: d.end - d.start, text: '' });
    }
  }
  if (change.printTitles) {
    const item = '<' + mainPrefix + 'definedName name="_xlnm.Print_Titles" localSheetId="' + change.newIndex + '">' + escapeXmlText(change.printTitles) + '</' + mainPrefix + 'definedName>';
    if (names && names.close) edits.push({ at: names.close.start, remove: 0, text: item });
    else {
      const after = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
      const next = tags.find((t) => t.type !== 'close' && after.indexOf(t.local) >= 0);
      const rootClose = tags.filter((t) => t.type === 'close').pop();
      const at = next ? next.start : rootClose ? rootClose.start : xml.length;
      edits.push({ at, remove: 0, text: '<' + mainPrefix + 'definedNames>' + item + '</' + mainPrefix + 'definedNames>' });
    }
  }
  edits.sort((a, b) => b.at - a.at);
  let text = xml;
  for (const e of edits) text = text.slice(0, e.at) + e.text + text.slice(e.at + e.remove);
  // A <definedNames> left empty is not allowed by the schema.
  return text.replace(/<((?:[\w.-]+:)?)definedNames>\s*<\/\1definedNames>/, '');
}

/**
 * docProps/app.xml with one more worksheet title (after the last title of the worksheets'
 * heading); null when the part does not list sheets the way Excel writes it (then it is left).
 */
export function addSheetTitle(xml: string, existingSheetName: string | null, name: string): string | null {
  const heading = /<((?:[\w.-]+:)?)HeadingPairs>\s*<((?:[\w.-]+:)?)vector\b([^>]*)>([\s\S]*?)<\/\2vector>\s*<\/\1HeadingPairs>/.exec(xml);
  const titles = /<((?:[\w.-]+:)?)TitlesOfParts>\s*<((?:[\w.-]+:)?)vector\b([^>]*)>([\s\S]*?)<\/\2vector>\s*<\/\1TitlesOfParts>/.exec(xml);
  if (!heading || !titles || existingSheetName === null) return null;
  const vt = titles[2];
  const titleRe = new RegExp('<' + vt + 'lpstr>([\\s\\S]*?)</' + vt + 'lpstr>', 'g');
  const titleList: Array<{ text: string; end: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = titleRe.exec(titles[4])) !== null) titleList.push({ text: m[1], end: m.index + m[0].length });
  const pairRe = new RegExp('<' + vt + 'variant>\\s*<' + vt + '(?:lpstr|bstr)>[\\s\\S]*?</' + vt + '(?:lpstr|bstr)>\\s*</' + vt + 'variant>\\s*<' + vt + 'variant>\\s*<' + vt + 'i4>(\\d+)</' + vt + 'i4>\\s*</' + vt + 'variant>', 'g');
  const counts: Array<{ count: number; index: number; length: number; countAt: number }> = [];
  while ((m = pairRe.exec(heading[4])) !== null) counts.push({ count: +m[1], index: m.index, length: m[0].length, countAt: m.index + m[0].lastIndexOf('>' + m[1] + '<') + 1 });
  let offset = 0;
  const escaped = escapeXmlText(existingSheetName);
  for (const pair of counts) {
    const slice = titleList.slice(offset, offset + pair.count);
    if (slice.some((t) => t.text === escaped)) {
      const last = slice[slice.length - 1];
      // Positions inside the whole document.
      const titlesInner = titles.index + titles[0].indexOf(titles[4], titles[0].indexOf('>', titles[0].indexOf(vt + 'vector')));
      const insertAt = titlesInner + last.end;
      const headingInner = heading.index + heading[0].indexOf(heading[4], heading[0].indexOf('>', heading[0].indexOf(heading[2] + 'vector')));
      const countAt = headingInner + pair.countAt;
      const edits = [
        { at: insertAt, remove: 0, text: '<' + vt + 'lpstr>' + escapeXmlText(name) + '</' + vt + 'lpstr>' },
        { at: countAt, remove: String(pair.count).length, text: String(pair.count + 1) },
      ];
      // The vector's size attribute of TitlesOfParts.
      const sizeRe = /(\ssize\s*=\s*")(\d+)(")/;
      const titlesOpenAt = titles.index + titles[0].indexOf('<' + vt + 'vector');
      const open = xml.slice(titlesOpenAt, xml.indexOf('>', titlesOpenAt));
      const size = sizeRe.exec(open);
      if (size) edits.push({ at: titlesOpenAt + size.index + size[1].length, remove: size[2].length, text: String(+size[2] + 1) });
      edits.sort((a, b) => b.at - a.at);
      let text = xml;
      for (const e of edits) text = text.slice(0, e.at) + e.text + text.slice(e.at + e.remove);
      return text;
    }
    offset += pair.count;
  }
  return null;
}
