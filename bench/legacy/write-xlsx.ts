/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * Writes the result workbook with ExcelJS: the input as it was, plus the row fills and font
 * colours of the check, plus the summary sheet laid out by the core. Only styles of the coloured
 * cells change; values, formulas, widths and merges are never touched.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PALETTE } from '../../src/core/palette';
import type { BlockStyle, RowColour, SummaryLayout } from '../../src/core/types';
import {
  attributesOf,
  encodeXmlAttribute,
  packageFromParts,
  quoteSheetName,
  readPart,
  readRels,
  readSheetParts,
  relKind,
  relsPathOf,
  readPartOutsideCells,
  startTags,
  writePart,
} from './ooxml';
import { zipWithZlib } from './zip-write';

/** `#RRGGBB` → ExcelJS ARGB. */
export function argb(hex: string): string {
  return 'FF' + hex.replace(/^#/, '').toUpperCase();
}

/** The workbook's default font (the first font of styles.xml), used when a cell has no font of its own. */
export async function defaultFontOf(zip: JSZip): Promise<Partial<ExcelJS.Font>> {
  const part = readPart(zip, 'xl/styles.xml');
  if (!part) return {};
  const xml = await part;
  const fonts = /<(?:\w+:)?fonts\b[^>]*>([\s\S]*?)<\/(?:\w+:)?fonts>/.exec(xml);
  if (!fonts) return {};
  const first = /<(?:\w+:)?font\b[^>]*>([\s\S]*?)<\/(?:\w+:)?font>/.exec(fonts[1]);
  if (!first) return {};
  const val = (local: string): string | undefined => {
    const tag = startTags(first[1], local)[0];
    return tag ? attributesOf(tag).val : undefined;
  };
  const font: Partial<ExcelJS.Font> = {};
  const name = val('name');
  const size = val('sz');
  const family = val('family');
  const scheme = val('scheme');
  const charset = val('charset');
  if (name) font.name = name;
  if (size && isFinite(+size)) font.size = +size;
  if (family && isFinite(+family)) font.family = +family;
  if (scheme === 'minor' || scheme === 'major' || scheme === 'none') font.scheme = scheme;
  if (charset && isFinite(+charset)) font.charset = +charset;
  return font;
}

const EMPTY_STYLE: Partial<ExcelJS.Style> = {};
// ExcelJS gives a style without a number format a date format only for a date cell, and decides it
// once per style object: unstyled date cells get their own key.
const EMPTY_DATE_STYLE: Partial<ExcelJS.Style> = {};

function isEmptyStyle(style: Partial<ExcelJS.Style>): boolean {
  for (const key in style) if ((style as Record<string, unknown>)[key] !== undefined) return false;
  return true;
}

/**
 * Colours each row of the check: a solid fill across the table's columns and, where the palette
 * says so, the font colour (bold, size and name stay). ExcelJS shares one style object between
 * all cells of the same format, so a cell gets a new style object instead of a mutation; cells
 * that shared a style share the coloured one too (one per original style and colour). ExcelJS
 * maps a style object to its styleId once when writing, so sharing keeps the write from
 * rendering a style per cell, which at 100,000 rows cost more than ExcelJS's whole save.
 */
export function applyRowColours(workbook: ExcelJS.Workbook, rows: RowColour[], defaultFont: Partial<ExcelJS.Font>): number {
  let cells = 0;
  const fills = new Map<string, ExcelJS.Fill>();
  const coloured = new Map<string, WeakMap<object, Partial<ExcelJS.Style>>>();
  let lastSheetName: string | null = null;
  let worksheet: ExcelJS.Worksheet | undefined;
  for (const row of rows) {
    if (row.sheet !== lastSheetName) {
      worksheet = workbook.getWorksheet(row.sheet);
      lastSheetName = row.sheet;
    }
    if (!worksheet) continue;
    const palette = PALETTE[row.colour];
    let fill = fills.get(row.colour);
    if (!fill) {
      fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(palette.fill) }, bgColor: { indexed: 64 } as Partial<ExcelJS.Color> };
      fills.set(row.colour, fill);
    }
    let byStyle = coloured.get(row.colour);
    if (!byStyle) coloured.set(row.colour, (byStyle = new WeakMap()));
    // One row lookup per row (worksheet.getCell builds an address string per cell).
    const sheetRow = worksheet.getRow(row.row);
    for (let column = row.firstColumn; column <= row.lastColumn; column++) {
      const cell = sheetRow.getCell(column);
      // Unstyled cells each hold a fresh empty object: they share one key.
      const original =
        cell.style && !isEmptyStyle(cell.style) ? cell.style : cell.value instanceof Date ? EMPTY_DATE_STYLE : EMPTY_STYLE;
      let style = byStyle.get(original);
      if (!style) {
        style = { ...original, fill };
        if (palette.font) {
          const base = original.font ? original.font : defaultFont;
          style.font = { ...base, color: { argb: argb(palette.font) } };
        }
        byStyle.set(original, style);
      }
      cell.style = style;
      cells++;
    }
  }
  return cells;
}

/**
 * ExcelJS forgets hyperlinks that point inside the workbook (a `location`, no relationship) when it
 * reads a file. Put them back on the cells, so a clerk's table of contents survives the round trip.
 * Cells holding formulas or non-text are left alone (the loss is then reported as a lost hyperlink).
 */
export async function restoreInternalHyperlinks(workbook: ExcelJS.Workbook, zip: JSZip): Promise<number> {
  const { sheets } = await readSheetParts(zip);
  let restored = 0;
  for (const part of sheets) {
    const worksheet = workbook.getWorksheet(part.name);
    // Hyperlinks come after the cells.
    const text = part.path ? readPartOutsideCells(zip, part.path) : null;
    if (!worksheet || !text) continue;
    const xml = await text;
    for (const tag of startTags(xml, 'hyperlink')) {
      const a = attributesOf(tag);
      const hasRel = Object.keys(a).some((k) => /(^|:)id$/.test(k));
      if (hasRel || !a.location || !a.ref) continue;
      const first = a.ref.split(':')[0];
      const cell = worksheet.getCell(first);
      const value = cell.value;
      let text: string | null = null;
      if (typeof value === 'string') text = value;
      else if (value && typeof value === 'object' && 'richText' in value) text = value.richText.map((r) => r.text).join('');
      if (text === null) continue;
      const link: ExcelJS.CellHyperlinkValue = { text, hyperlink: '#' + a.location };
      if (a.tooltip) link.tooltip = a.tooltip;
      cell.value = link;
      restored++;
    }
  }
  return restored;
}

/** Sheets of the workbook with this name, compared as Excel does (case-insensitive). */
function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}

/**
 * Adds the summary sheet. An existing sheet of the same name (an earlier run) is removed first and
 * the new one takes its place in the tab order, so re-running never duplicates it.
 * Returns whether an old sheet was replaced.
 */
export function writeSummarySheet(workbook: ExcelJS.Workbook, layout: SummaryLayout, defaultFont: Partial<ExcelJS.Font>): { replaced: boolean; worksheet: ExcelJS.Worksheet } {
  let orderNo: number | null = null;
  for (const old of workbook.worksheets.slice()) {
    if (sameSheetName(old.name, layout.sheetName)) {
      orderNo = (old as unknown as { orderNo: number }).orderNo;
      workbook.removeWorksheet(old.id);
    }
  }
  const worksheet = workbook.addWorksheet(layout.sheetName, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  if (orderNo !== null) (worksheet as unknown as { orderNo: number }).orderNo = orderNo;

  layout.columnWidths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });

  // Values: text always as text (a name like "=1+1" must never become a formula), numbers as numbers.
  layout.values.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === '' || value === null || value === undefined) return;
      const cell = worksheet.getCell(r + 1, c + 1);
      cell.value = typeof value === 'number' ? value : String(value);
    });
  });

  for (const m of layout.merges) {
    if (m.rows * m.columns <= 1) continue;
    worksheet.mergeCells(m.row + 1, m.column + 1, m.row + m.rows, m.column + m.columns);
  }

  const baseFont: Partial<ExcelJS.Font> = { ...defaultFont };
  for (const block of layout.styles) applyBlockStyle(worksheet, block, baseFont);

  for (const link of layout.links) {
    const cell = worksheet.getCell(link.row + 1, link.column + 1);
    const text = cell.value === null || cell.value === undefined ? '' : String(cell.value);
    cell.value = {
      text,
      hyperlink: '#' + quoteSheetName(link.target.sheet) + '!A' + link.target.row,
      tooltip: '转到“' + link.target.sheet + '”第 ' + link.target.row + ' 行',
    };
    const font = cell.style.font || baseFont;
    cell.style = { ...cell.style, font: { ...font, color: { argb: 'FF0563C1' }, underline: true } };
  }

  if (layout.printTitleRows) {
    worksheet.pageSetup.printTitlesRow = layout.printTitleRows.first + 1 + ':' + (layout.printTitleRows.last + 1);
  }
  setRowHeights(worksheet, layout);
  showFirst(workbook, worksheet);
  return { replaced: orderNo !== null, worksheet };
}

/**
 * The result opens on the summary. Only one tab may be selected: two selected tabs are a sheet
 * group in Excel, where typing into one sheet changes the other.
 */
function showFirst(workbook: ExcelJS.Workbook, summary: ExcelJS.Worksheet): void {
  for (const ws of workbook.worksheets) {
    if (ws !== summary && ws.views && ws.views.length) ws.views = ws.views.map((v) => ({ ...v, tabSelected: false }));
  }
  summary.views = [{ showGridLines: false, tabSelected: true } as Partial<ExcelJS.WorksheetView> as ExcelJS.WorksheetView];
  const index = workbook.worksheets.indexOf(summary);
  const views = workbook.views && workbook.views.length ? workbook.views : [{ x: 0, y: 0, width: 20000, height: 12000, visibility: 'visible' } as ExcelJS.WorkbookView];
  workbook.views = views.map((v, i) => (i === 0 ? { ...v, activeTab: index, firstSheet: Math.min(v.firstSheet || 0, index) } : v));
}

function applyBlockStyle(
  worksheet: ExcelJS.Worksheet,
  block: BlockStyle,
  baseFont: Partial<ExcelJS.Font>,
  shared: WeakMap<object, Partial<ExcelJS.Style>> = new WeakMap(),
): void {
  // Cells that had the same style get the same new style object (ExcelJS then renders it once).
  for (let r = block.row; r < block.row + block.rows; r++) {
    const sheetRow = worksheet.getRow(r + 1);
    for (let c = block.column; c < block.column + block.columns; c++) {
      const cell = sheetRow.getCell(c + 1);
      const before = cell.style && !isEmptyStyle(cell.style) ? cell.style : cell.value instanceof Date ? EMPTY_DATE_STYLE : EMPTY_STYLE;
      let style = shared.get(before);
      if (!style) {
        style = blockStyleOf(before, block, baseFont);
        shared.set(before, style);
      }
      cell.style = style;
    }
  }
}

function blockStyleOf(before: Partial<ExcelJS.Style>, block: BlockStyle, baseFont: Partial<ExcelJS.Font>): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { ...before };
  if (block.bold !== undefined || block.fontSize !== undefined || block.font !== undefined) {
    const font: Partial<ExcelJS.Font> = { ...(style.font || baseFont) };
    if (block.bold !== undefined) font.bold = block.bold;
    if (block.fontSize !== undefined) font.size = block.fontSize;
    if (block.font !== undefined) font.color = { argb: argb(block.font) };
    style.font = font;
  }
  if (block.fill !== undefined) {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(block.fill) }, bgColor: { indexed: 64 } as Partial<ExcelJS.Color> };
  }
  if (block.border) {
    const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (block.wrap !== undefined || block.align !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { vertical: 'middle', ...(style.alignment || {}) };
    if (block.wrap !== undefined) alignment.wrapText = block.wrap;
    if (block.align !== undefined) alignment.horizontal = block.align;
    style.alignment = alignment;
  }
  return style;
}

/** Display width of text in Excel's character units: CJK and full-width characters count double. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) || code >= 0x1f300) ? 2 : 1;
  }
  return width;
}

/**
 * Excel does not grow a row for wrapped text in merged cells, and neither program grows it for a
 * title in a large font: give such rows a height from the text, so nothing is cut off on paper.
 */
function setRowHeights(worksheet: ExcelJS.Worksheet, layout: SummaryLayout): void {
  const widthOf = (column: number, columns: number) =>
    layout.columnWidths.slice(column, column + columns).reduce((a, b) => a + b, 0);
  const spanAt = new Map<string, number>();
  for (const m of layout.merges) if (m.rows === 1) spanAt.set(m.row + ':' + m.column, m.columns);
  const sizeAt = new Map<string, number>();
  const wrapAt = new Set<string>();
  for (const s of layout.styles) {
    for (let r = s.row; r < s.row + s.rows; r++) {
      for (let c = s.column; c < s.column + s.columns; c++) {
        if (s.fontSize !== undefined) sizeAt.set(r + ':' + c, s.fontSize);
        if (s.wrap) wrapAt.add(r + ':' + c);
        else if (s.wrap === false) wrapAt.delete(r + ':' + c);
      }
    }
  }
  layout.values.forEach((cells, r) => {
    let points = 0;
    cells.forEach((value, c) => {
      if (value === '') return;
      const key = r + ':' + c;
      const size = sizeAt.get(key) || 11;
      const lineHeight = Math.ceil(size * 1.45);
      let lines = 1;
      if (wrapAt.has(key)) {
        const available = Math.max(1, widthOf(c, spanAt.get(key) || 1) - 1);
        lines = String(value)
          .split('\n')
          .reduce((n, part) => n + Math.max(1, Math.ceil((textWidth(part) * size) / 11 / available)), 0);
      }
      points = Math.max(points, lines * lineHeight);
    });
    if (points > 16) worksheet.getRow(r + 1).height = points;
  });
}

/**
 * Fixes what ExcelJS writes for links inside the workbook. We hand it `#'Sheet'!A7`; it writes an
 * external relationship to that text (sometimes with a `location` too), which Excel may try to
 * open as a file. Turn every hyperlink whose relationship target starts with `#` into a plain
 * `location` link, as Excel itself writes them, and drop the relationship.
 */
export async function fixInternalHyperlinks(zip: JSZip): Promise<void> {
  const { sheets } = await readSheetParts(zip);
  for (const part of sheets) {
    const text = part.path ? readPart(zip, part.path) : null;
    if (!text) continue;
    // Only sheets with a `#…` hyperlink relationship need fixing: skip the others unread.
    const rels = await readRels(zip, part.path);
    if (!rels.some((r) => relKind(r.type) === 'hyperlink' && r.target.startsWith('#'))) continue;
    let xml = await text;
    if (xml.indexOf('<hyperlink') < 0) continue;
    const drop = new Set<string>();
    xml = xml.replace(/<hyperlink\b[^>]*>/g, (tag) => {
      const a = attributesOf(tag);
      const id = a['r:id'];
      const rel = id ? rels.find((r) => r.id === id) : undefined;
      if (!rel || relKind(rel.type) !== 'hyperlink' || !rel.target.startsWith('#')) return tag;
      drop.add(id);
      const kept = tag
        .replace(/\s+(r:id|location)\s*=\s*("[^"]*"|'[^']*')/g, '')
        .replace(/\s*(\/?)>$/, (_m, slash: string) => ' location="' + encodeXmlAttribute(rel.target.slice(1)) + '"' + slash + '>');
      return kept;
    });
    if (drop.size === 0) continue;
    writePart(zip, part.path, xml);
    const relsPath = relsPathOf(part.path);
    const relsXml = await readPart(zip, relsPath)!;
    writePart(
      zip,
      relsPath,
      relsXml.replace(/<Relationship\b[^>]*\/>/g, (tag) => (drop.has(attributesOf(tag).Id || '') ? '' : tag)),
    );
  }
}

interface DefinedNameXml {
  name: string;
  /** The sheet the name belongs to (localSheetId), or null for a workbook-wide name. */
  sheet: string | null;
  xml: string;
}

/** The defined names of a workbook part, each with the sheet its localSheetId points at. */
function definedNamesOf(workbookXml: string, sheetNames: string[]): DefinedNameXml[] {
  const block = /<definedNames(?=[\s>])[^>]*>([\s\S]*?)<\/definedNames>/.exec(workbookXml);
  if (!block) return [];
  const out: DefinedNameXml[] = [];
  for (const m of block[1].matchAll(/<definedName(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/definedName>)/g)) {
    const a = attributesOf(m[0].slice(0, m[0].indexOf('>') + 1));
    const id = a.localSheetId;
    out.push({ name: a.name || '', sheet: id !== undefined && sheetNames[+id] !== undefined ? sheetNames[+id] : null, xml: m[0] });
  }
  return out;
}

/**
 * Puts the input's defined names back as they were. ExcelJS's model has no sheet scope and no
 * hidden flag: the `_xlnm._FilterDatabase` name Excel keeps for every autofilter came out
 * workbook-wide and visible (one of two when two sheets had filters), and a sheet's own name became
 * a workbook name. Each input name is kept with its localSheetId renumbered to its sheet's place in
 * the output; a name of a sheet that is gone (a replaced summary) is dropped. Output names are kept
 * only where the input has no name of that name, or where they belong to a sheet we wrote.
 */
export async function restoreDefinedNames(output: JSZip, input: JSZip, ownSheets: string[]): Promise<void> {
  const inParts = await readSheetParts(input);
  const outParts = await readSheetParts(output);
  if (!inParts.workbookPath || !outParts.workbookPath) return;
  const inNames = definedNamesOf(inParts.workbookXml, inParts.sheets.map((s) => s.name));
  if (inNames.length === 0) return;
  const outSheetNames = outParts.sheets.map((s) => s.name);
  const own = (sheet: string | null) => sheet !== null && ownSheets.some((o) => sameSheetName(o, sheet));
  const kept: string[] = [];
  for (const n of inNames) {
    if (n.sheet === null) {
      kept.push(n.xml);
      continue;
    }
    const at = outSheetNames.indexOf(n.sheet);
    if (at < 0 || own(n.sheet)) continue;
    kept.push(n.xml.replace(/(\slocalSheetId\s*=\s*)(["'])\d+\2/, '$1"' + at + '"'));
  }
  const taken = new Set(inNames.map((n) => n.name));
  for (const n of definedNamesOf(outParts.workbookXml, outSheetNames)) if (own(n.sheet) || !taken.has(n.name)) kept.push(n.xml);

  const xml = outParts.workbookXml;
  const block = kept.length ? '<definedNames>' + kept.join('') + '</definedNames>' : '';
  const existing = /<definedNames(?=[\s/>])[^>]*?(?:\/>|>[\s\S]*?<\/definedNames>)/.exec(xml);
  let fixed: string;
  if (existing) fixed = xml.slice(0, existing.index) + block + xml.slice(existing.index + existing[0].length);
  else {
    const end = xml.indexOf('</sheets>');
    if (end < 0) return;
    fixed = xml.slice(0, end + '</sheets>'.length) + block + xml.slice(end + '</sheets>'.length);
  }
  if (fixed !== xml) writePart(output, outParts.workbookPath, fixed);
}

/** One part of the package as ExcelJS hands it to its zip writer. */
export interface RenderedPart {
  name: string;
  data: string | Uint8Array;
}

/** The steps of ExcelJS 4.4's `XLSX.write`, in its order; each appends parts to the zip it is given. */
const EXCELJS_WRITE_STEPS = [
  ['addContentTypes'],
  ['addOfficeRels'],
  ['addWorkbookRels'],
  ['addWorksheets'],
  ['addSharedStrings'],
  ['addDrawings'],
  ['addTables'],
  ['addThemes', 'addStyles'],
  ['addMedia'],
  ['addApp', 'addCore'],
  ['addWorkbook'],
] as const;

type XlsxSteps = { prepareModel(model: unknown, options: unknown): void } & Record<string, (zip: unknown, model: unknown) => Promise<void>>;

/**
 * The parts of the workbook as ExcelJS renders them, without its zip: `XLSX.write` run step by step
 * against a collector instead of JSZip. JSZip would store every part, and the package would then be
 * opened again to fix the links and compressed by zlib: about 2 s of a 100,000-row run went on that
 * round trip. Null when this ExcelJS lacks one of the steps (a version with another writer): then
 * the caller takes the public `writeBuffer`.
 */
export async function renderParts(workbook: ExcelJS.Workbook): Promise<RenderedPart[] | null> {
  const xlsx = workbook.xlsx as unknown as XlsxSteps;
  if (typeof xlsx.prepareModel !== 'function') return null;
  for (const group of EXCELJS_WRITE_STEPS) for (const step of group) if (typeof xlsx[step] !== 'function') return null;
  const parts: RenderedPart[] = [];
  const collector = {
    append(data: string | Uint8Array, options: { name: string; base64?: boolean }) {
      const bytes = options.base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : data;
      parts.push({ name: options.name, data: bytes });
    },
  };
  const model = (workbook as unknown as { model: unknown }).model;
  xlsx.prepareModel(model, {});
  for (const group of EXCELJS_WRITE_STEPS) await Promise.all(group.map((step) => xlsx[step](collector, model)));
  return parts;
}

/** What the result keeps of the input package that ExcelJS's model cannot carry. */
export interface RenderSource {
  /** The input package, as the reader left it. */
  zip: JSZip;
  /** Sheets this tool writes (the summary): their names come from the output, the input's are replaced. */
  ownSheets: string[];
}

/** The bytes of the result workbook, with internal links and the input's defined names fixed. */
export async function renderWorkbook(workbook: ExcelJS.Workbook, source?: RenderSource): Promise<{ buffer: Buffer; zip: JSZip }> {
  const parts = await renderParts(workbook);
  let zip: JSZip;
  if (parts) {
    zip = packageFromParts(parts);
  } else {
    // ExcelJS stores its parts uncompressed here: the package is opened again to fix the links and
    // compressed once at the end (by zlib), instead of deflated twice and inflated once in between.
    const raw = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
    zip = await JSZip.loadAsync(raw as ArrayBuffer);
  }
  await fixInternalHyperlinks(zip);
  if (source) await restoreDefinedNames(zip, source.zip, source.ownSheets);
  const buffer = (await zipWithZlib(zip)) || (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
  return { buffer, zip };
}
