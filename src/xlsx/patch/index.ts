/**
 * `patchWorkbook`: the result workbook is the input package with only these parts changed —
 * styles.xml (formats appended), the coloured sheets (`s` attributes and empty cells), the
 * workbook's sheet list, its relationships, the content types and app.xml's sheet titles (for the
 * summary sheet, added or replaced, never duplicated), the summary sheet with its drawing and
 * chart, and the tool's memory of replaced formats. Every other entry is copied with its
 * compressed bytes.
 */
import { isOwnSheet } from '../../core/check';
import type { Colour, RowColour, SummaryLayout } from '../../core/types';
import type { OpenedWorkbook } from '../read';
import { HOWS, serializeMemory, serializeMemoryProps } from '../memory';
import type { How, MemoryEntry } from '../memory';
import { contentTypeOf, parseContentTypes, relativeTarget, relsPathOf } from '../opc';
import type { Package } from '../opc';
import { Styles } from '../styles';
import type { Codec } from '../zip/codec';
import { writeZip } from '../zip/write';
import type { OutEntry } from '../zip/write';
import { attributesOf, scanTags } from '../xml/tags';
import { utf8Bytes } from '../xml/text';
import { hasChart, renderChart, renderDrawing } from './chart';
import { Formats } from './formats';
import { CONTENT_TYPE, REL_TYPE, addSheetTitle, editContentTypes, editRels, editWorkbook, freeRelId, relsXml } from './package-parts';
import { patchSheet } from './sheet';
import type { RowPlan } from './sheet';
import { quoteSheetName, renderSummarySheet } from './summary';

export interface PatchRequest {
  rows: ReadonlyArray<RowColour>;
  /** The summary sheet, or null for none. */
  layout: SummaryLayout | null;
}

export interface PatchOptions {
  codec?: Codec;
}

export interface PatchOutcome {
  bytes: Uint8Array;
  /** An input sheet of the summary's name was replaced. */
  summaryReplaced: boolean;
  /** Parts whose content changed, were added or were removed (names as stored). */
  changed: string[];
  added: string[];
  removed: string[];
  /** The input carried a memory of an earlier run that no longer matches its styles (it was not used). */
  memoryIgnored: boolean;
  /** Cells whose format was replaced or added, and cells given their own format back. */
  colouredRows: number;
}

function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

export function patchWorkbook(source: OpenedWorkbook, request: PatchRequest, options: PatchOptions = {}): PatchOutcome {
  const { pkg, info } = source;
  const codec = options.codec || pkg.codec;
  const styles = new Styles(info.styles ? pkg.text(info.styles) : null);
  const formats = new Formats(styles);

  // --- the memory of formats replaced by earlier runs
  const entries: MemoryEntry[] = source.memory.entries.slice();
  const own = new Map<number, MemoryEntry>();
  // Keyed by number (one lookup per coloured cell: no string per cell).
  const COLOURS: Colour[] = ['red', 'orange', 'yellow', 'green', 'grey'];
  const keyOf = (how: How, base: number, colour: Colour) => (base * HOWS.length + HOWS.indexOf(how)) * 5 + COLOURS.indexOf(colour);
  const byKey = new Map<number, number>();
  for (const e of entries) {
    own.set(e.xf, e);
    byKey.set(keyOf(e.how, e.base, e.colour), e.xf);
  }
  const colouredXf = (how: How, base: number, colour: Colour): number => {
    const key = keyOf(how, base, colour);
    let xf = byKey.get(key);
    if (xf === undefined) {
      xf = styles.add('cellXfs', formats.colouredXfText(base, colour));
      const entry: MemoryEntry = { xf, base, how, colour };
      entries.push(entry);
      byKey.set(key, xf);
    }
    return xf;
  };

  const changed = new Map<string, Uint8Array>();
  // Only a part whose bytes really differ counts as changed (its compressed bytes are kept otherwise).
  const setChanged = (name: string, data: Uint8Array) => {
    const before = pkg.bytes(name);
    if (before && sameBytes(before, data)) changed.delete(name);
    else changed.set(name, data);
  };
  const removed = new Set<string>();
  const added: Array<{ name: string; data: Uint8Array }> = [];

  // --- row colours, sheet by sheet
  const layout = request.layout;
  const replaced = layout ? info.sheets.find((s) => sameName(s.name, layout.sheetName)) || null : null;
  const rowsBySheet = new Map<string, Map<number, RowPlan>>();
  for (const r of request.rows) {
    let m = rowsBySheet.get(r.sheet);
    if (!m) rowsBySheet.set(r.sheet, (m = new Map()));
    m.set(r.row, { first: r.firstColumn, last: r.lastColumn, colour: r.colour });
  }
  for (const ref of info.sheets) {
    if (ref.kind !== 'worksheet' || !ref.part || ref === replaced || isOwnSheet(ref.name)) continue;
    const rows = rowsBySheet.get(ref.name);
    if (!rows && !source.sheetsWithOwnFormats.has(ref.part)) continue;
    const xml = pkg.bytes(ref.part);
    if (!xml) continue;
    const patched = patchSheet(xml, { rows: rows || new Map(), own, colouredXf });
    if (patched) setChanged(ref.part, patched);
  }

  // --- the summary sheet, its drawing and chart
  const workbookRelsPath = relsPathOf(info.path);
  const removeRelIds = new Set<string>();
  const newRels: Array<{ id: string; type: string; target: string }> = [];
  const newTypes: Array<{ part: string; type: string }> = [];
  const takenRelIds = new Set(info.rels.map((r) => r.id));
  const takenNames = (name: string) => pkg.has(name) && !removed.has(pkg.storedName(name)!) || added.some((a) => a.name.toLowerCase() === name.toLowerCase());
  const freeName = (pattern: (n: number) => string) => {
    for (let n = 1; ; n++) if (!takenNames(pattern(n))) return pattern(n);
  };

  if (replaced) {
    if (replaced.part) for (const part of exclusiveParts(pkg, replaced.part)) removed.add(part);
    removeRelIds.add(replaced.relId);
    if (replaced.part && /<(?:[\w.-]+:)?f[\s>]/.test(pkg.text(replaced.part) || '')) dropCalcChain(pkg, info.rels, removed, removeRelIds);
  }

  // The summary sheet is rendered first: its formats are appended to styles.xml too.
  const summaryParts: Array<{ name: string; data: Uint8Array }> = [];
  const summaryTypes: Array<{ part: string; type: string }> = [];
  let summarySheetPart: string | null = null;
  const summaryIndex = replaced ? info.sheets.indexOf(replaced) : info.sheets.length;
  if (layout) {
    summarySheetPart = freeName((n) => 'xl/worksheets/sheet' + n + '.xml');
    const chart = hasChart(layout);
    const ownXfs = new Set(entries.map((e) => e.xf));
    const sheetXml = renderSummarySheet(layout, formats, {
      drawingRelId: chart ? 'rId1' : null,
      selected: activeTabOf(info.xml) === summaryIndex,
      exclude: (xf) => ownXfs.has(xf),
    });
    summaryParts.push({ name: summarySheetPart, data: utf8Bytes(sheetXml) });
    summaryTypes.push({ part: summarySheetPart, type: CONTENT_TYPE.worksheet });
    if (chart) {
      const taken = (name: string) => takenNames(name) || summaryParts.some((p) => p.name.toLowerCase() === name.toLowerCase());
      const drawing = firstName(taken, (n) => 'xl/drawings/drawing' + n + '.xml');
      const chartPart = firstName(taken, (n) => 'xl/charts/chart' + n + '.xml');
      summaryParts.push({ name: relsPathOf(summarySheetPart), data: utf8Bytes(relsXml([{ id: 'rId1', type: REL_TYPE.drawing, target: relativeTarget(summarySheetPart, drawing) }])) });
      summaryParts.push({ name: drawing, data: utf8Bytes(renderDrawing(layout, 'rId1')) });
      summaryParts.push({ name: relsPathOf(drawing), data: utf8Bytes(relsXml([{ id: 'rId1', type: REL_TYPE.chart, target: relativeTarget(drawing, chartPart) }])) });
      summaryParts.push({ name: chartPart, data: utf8Bytes(renderChart(layout)) });
      summaryTypes.push(
        { part: relsPathOf(summarySheetPart), type: CONTENT_TYPE.rels },
        { part: drawing, type: CONTENT_TYPE.drawing },
        { part: relsPathOf(drawing), type: CONTENT_TYPE.rels },
        { part: chartPart, type: CONTENT_TYPE.chart },
      );
    }
  }

  // New parts and relationship ids are chosen in a fixed order (styles, memory, summary), so a
  // run on the result chooses the same ones again.
  if (styles.changed) {
    const text = utf8Bytes(styles.serialize());
    if (info.styles) setChanged(info.styles, text);
    else {
      const stylesPart = freeName((n) => (n === 1 ? 'xl/styles.xml' : 'xl/styles' + n + '.xml'));
      added.push({ name: stylesPart, data: text });
      const id = freeRelId(takenRelIds);
      takenRelIds.add(id);
      newRels.push({ id, type: REL_TYPE.styles, target: relativeTarget(info.path, stylesPart) });
      newTypes.push({ part: stylesPart, type: CONTENT_TYPE.styles });
    }
  }

  const memoryText = serializeMemory(entries);
  if (source.memory.part) {
    if ((pkg.text(source.memory.part) || '') !== memoryText) setChanged(source.memory.part, utf8Bytes(memoryText));
  } else if (entries.length > 0) {
    const n = firstFree(pkg, added, (k) => ['customXml/item' + k + '.xml', 'customXml/itemProps' + k + '.xml']);
    const item = 'customXml/item' + n + '.xml';
    const props = 'customXml/itemProps' + n + '.xml';
    added.push({ name: item, data: utf8Bytes(memoryText) });
    added.push({ name: props, data: utf8Bytes(serializeMemoryProps()) });
    added.push({ name: relsPathOf(item), data: utf8Bytes(relsXml([{ id: 'rId1', type: REL_TYPE.customXmlProps, target: 'itemProps' + n + '.xml' }])) });
    newTypes.push({ part: props, type: CONTENT_TYPE.customXmlProps }, { part: item, type: CONTENT_TYPE.xml }, { part: relsPathOf(item), type: CONTENT_TYPE.rels });
    const id = freeRelId(takenRelIds);
    takenRelIds.add(id);
    newRels.push({ id, type: REL_TYPE.customXml, target: relativeTarget(info.path, item) });
  }

  if (layout && summarySheetPart) {
    let summaryRelId = replaced ? replaced.relId : '';
    if (!summaryRelId) {
      summaryRelId = freeRelId(takenRelIds);
      takenRelIds.add(summaryRelId);
    }
    newRels.push({ id: summaryRelId, type: REL_TYPE.worksheet, target: relativeTarget(info.path, summarySheetPart) });
    newTypes.push(...summaryTypes);
    const sheetIds = info.sheets.map((s) => +s.sheetId).filter((n) => isFinite(n));
    const workbookXml = editWorkbook(info.xml, {
      replaceTagStart: replaced ? replaced.tag.start : null,
      replaceTagEnd: replaced ? replaced.tag.end : null,
      replacedIndex: replaced ? info.sheets.indexOf(replaced) : null,
      name: layout.sheetName,
      sheetId: replaced && replaced.sheetId ? replaced.sheetId : String((sheetIds.length ? Math.max(...sheetIds) : 0) + 1),
      relId: summaryRelId,
      printTitles: layout.printTitleRows ? quoteSheetName(layout.sheetName) + '!$' + (layout.printTitleRows.first + 1) + ':$' + (layout.printTitleRows.last + 1) : null,
      newIndex: summaryIndex,
    });
    if (workbookXml !== info.xml) setChanged(info.path, utf8Bytes(workbookXml));
    // docProps/app.xml lists the sheets by name: one more when the summary is new.
    if (!replaced) {
      const appRel = pkg.rels('').find((r) => r.kind === 'extended-properties' && r.target && pkg.has(r.target));
      const app = appRel && appRel.target ? pkg.storedName(appRel.target) : null;
      const firstWorksheet = info.sheets.find((s) => s.kind === 'worksheet');
      if (app) {
        const edited = addSheetTitle(pkg.text(app) || '', firstWorksheet ? firstWorksheet.name : null, layout.sheetName);
        if (edited !== null && edited !== pkg.text(app)) setChanged(app, utf8Bytes(edited));
      }
    }
  }

  // --- relationships and content types of the workbook
  if (removeRelIds.size || newRels.length) {
    const stored = pkg.storedName(workbookRelsPath) || workbookRelsPath;
    const text = editRels(pkg.text(workbookRelsPath), removeRelIds, newRels);
    if (pkg.has(workbookRelsPath)) setChanged(stored, utf8Bytes(text));
    else added.unshift({ name: workbookRelsPath, data: utf8Bytes(text) });
  }
  const typesXml = pkg.text('[Content_Types].xml') || '';
  const removedLower = new Set(Array.from(removed).map((p) => p.toLowerCase()));
  const types = parseContentTypes(typesXml);
  const typesToAdd = newTypes.filter((t) => contentTypeOf(types, t.part) !== t.type || removedLower.has(t.part.toLowerCase()));
  const editedTypes = editContentTypes(typesXml, removedLower, typesToAdd);
  if (editedTypes !== typesXml) setChanged(pkg.storedName('[Content_Types].xml') || '[Content_Types].xml', utf8Bytes(editedTypes));

  // --- the package
  const wbEntry = pkg.entry(info.path)!;
  const out: OutEntry[] = [];
  for (const entry of pkg.zip.entries) {
    if (removed.has(entry.name)) continue;
    const data = changed.get(entry.name);
    if (data) out.push({ kind: 'data', name: entry.name, data, time: entry.time, date: entry.date, like: entry });
    else out.push({ kind: 'copy', from: pkg.zip, entry });
  }
  // A part that is removed and written again under the same name (the replaced summary) is new.
  for (const a of added.concat(summaryParts)) out.push({ kind: 'data', name: a.name, data: a.data, time: wbEntry.time, date: wbEntry.date, like: wbEntry });
  const bytes = writeZip(out, codec);

  return {
    bytes,
    summaryReplaced: !!replaced,
    changed: Array.from(changed.keys()),
    added: added.concat(summaryParts).map((a) => a.name),
    removed: Array.from(removed),
    memoryIgnored: !!source.memory.part && !source.memory.trusted,
    colouredRows: request.rows.length,
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstName(taken: (name: string) => boolean, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!taken(pattern(n))) return pattern(n);
}

function firstFree(pkg: Package, added: Array<{ name: string }>, names: (n: number) => string[]): number {
  for (let n = 1; ; n++) {
    if (names(n).every((name) => !pkg.has(name) && !added.some((a) => a.name.toLowerCase() === name.toLowerCase()))) return n;
  }
}

function activeTabOf(workbookXml: string): number {
  const tags = scanTags(workbookXml);
  const view = tags.find((t) => t.local === 'workbookView' && t.type !== 'close');
  const tab = view ? attributesOf(workbookXml, view).activeTab : undefined;
  return tab !== undefined && /^\d+$/.test(tab) ? +tab : 0;
}

/** The part and every part reachable from it that nothing else in the package reaches. */
function exclusiveParts(pkg: Package, part: string): string[] {
  const reach = (start: string[], avoid: string | null) => {
    const seen = new Set<string>();
    const queue = start.slice();
    while (queue.length) {
      const p = queue.pop()!;
      const key = p.toLowerCase();
      if (seen.has(key) || (avoid !== null && key === avoid.toLowerCase())) continue;
      seen.add(key);
      for (const r of pkg.rels(p)) if (r.target && pkg.has(r.target)) queue.push(pkg.storedName(r.target)!);
    }
    return seen;
  };
  const fromRest = reach([''], part);
  const fromOld = reach([part], null);
  const out: string[] = [];
  for (const key of fromOld) {
    if (fromRest.has(key)) continue;
    const stored = pkg.storedName(key);
    if (stored) out.push(stored);
    const rels = pkg.storedName(relsPathOf(key));
    if (rels) out.push(rels);
  }
  return out;
}

/** Drops calcChain.xml (Excel rebuilds it) when a removed sheet had formulas it may list. */
function dropCalcChain(pkg: Package, rels: ReturnType<Package['rels']>, removed: Set<string>, removeRelIds: Set<string>): boolean {
  const rel = rels.find((r) => r.kind === 'calcChain' && r.target && pkg.has(r.target));
  if (!rel || !rel.target) return false;
  removed.add(pkg.storedName(rel.target)!);
  removeRelIds.add(rel.id);
  return true;
}

