/**
 * The summary sheet as worksheet XML, rendered from the core's `SummaryLayout` alone: every
 * value (text always as an inline string, never a formula; control characters in Excel's
 * `_xHHHH_` form), merge, style block, column width, link and print setting the layout holds is
 * written without knowing which blocks it has, so new blocks of the layout appear without a
 * change here. A4 landscape, one page wide, no gridlines, the chart anchored where the layout says.
 */
import { columnLetters } from '../../core/address';
import type { BlockStyle, SummaryLayout } from '../../core/types';
import type { CellLook, Formats } from './formats';
import { escapeXmlAttribute, xmlCellText } from '../xml/text';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const LINK_COLOUR = '#0563C1';

export function quoteSheetName(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

export interface SummaryXml {
  xml: string;
  /** Whether the sheet refers to a drawing (relationship id `rId1`). */
  hasDrawing: boolean;
}

/**
 * @param drawingRelId the relationship id of the chart's drawing, or null for no chart.
 * @param exclude cell formats that must not be reused (the row colours the memory lists).
 */
export function renderSummarySheet(layout: SummaryLayout, formats: Formats, options: { drawingRelId: string | null; selected: boolean; exclude: (xf: number) => boolean }): string {
  const height = layout.values.length;
  const width = Math.max(layout.columnWidths.length, ...layout.values.map((r) => r.length), 1);
  const looks = cellLooks(layout, height, width);
  const xfCache = new Map<string, number>();
  const xfOf = (look: CellLook) => {
    const key = JSON.stringify(look);
    let xf = xfCache.get(key);
    if (xf === undefined) {
      xf = formats.summaryXf(look, options.exclude);
      xfCache.set(key, xf);
    }
    return xf;
  };

  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n');
  parts.push('<worksheet xmlns="' + MAIN_NS + '" xmlns:r="' + REL_NS + '">');
  parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push('<dimension ref="A1' + (height > 0 ? ':' + columnLetters(width) + height : '') + '"/>');
  parts.push('<sheetViews><sheetView showGridLines="0"' + (options.selected ? ' tabSelected="1"' : '') + ' workbookViewId="0"/></sheetViews>');
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (layout.columnWidths.length) {
    parts.push('<cols>' + layout.columnWidths.map((w, i) => '<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + w + '" customWidth="1"/>').join('') + '</cols>');
  }
  parts.push('<sheetData>');
  for (let r = 0; r < height; r++) {
    const row = layout.values[r] || [];
    const h = layout.rowHeights[r];
    let cells = '';
    for (let c = 0; c < width; c++) {
      const value = c < row.length ? row[c] : '';
      const look = looks[r][c];
      const isText = typeof value === 'string' && value !== '';
      if (isText) look.text = true;
      const xf = xfOf(look);
      const ref = columnLetters(c + 1) + (r + 1);
      if (typeof value === 'number' && isFinite(value)) cells += '<c r="' + ref + '" s="' + xf + '"><v>' + value + '</v></c>';
      else if (isText) cells += '<c r="' + ref + '" s="' + xf + '" t="inlineStr"><is><t xml:space="preserve">' + xmlCellText(value as string) + '</t></is></c>';
      else cells += '<c r="' + ref + '" s="' + xf + '"/>';
    }
    // Every row at the layout's height: a program left to guess sizes a row with wrapped text in
    // merged cells from its first column alone (LibreOffice) or not at all (Excel).
    parts.push('<row r="' + (r + 1) + '"' + (h > 0 ? ' ht="' + h + '" customHeight="1"' : '') + '>' + cells + '</row>');
  }
  parts.push('</sheetData>');
  const merges = layout.merges.filter((m) => m.rows * m.columns > 1);
  if (merges.length) {
    parts.push('<mergeCells count="' + merges.length + '">' + merges.map((m) => '<mergeCell ref="' + blockRef(m) + '"/>').join('') + '</mergeCells>');
  }
  if (layout.links.length) {
    parts.push(
      '<hyperlinks>' +
        layout.links
          .map((l) => {
            const text = String((layout.values[l.row] || [])[l.column] ?? '');
            return (
              '<hyperlink ref="' + columnLetters(l.column + 1) + (l.row + 1) + '" location="' + escapeXmlAttribute(quoteSheetName(l.target.sheet) + '!A' + l.target.row) +
              '" tooltip="' + escapeXmlAttribute('转到“' + l.target.sheet + '”第 ' + l.target.row + ' 行') + '" display="' + escapeXmlAttribute(xmlCellTextPlain(text)) + '"/>'
            );
          })
          .join('') +
        '</hyperlinks>',
    );
  }
  parts.push('<printOptions horizontalCentered="1"/>');
  parts.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>');
  // Its own page numbers, whatever sheets are printed with it.
  parts.push(
    '<pageSetup paperSize="9" firstPageNumber="' + layout.print.firstPageNumber + '" orientation="landscape" fitToWidth="1" fitToHeight="0" useFirstPageNumber="1"/>',
  );
  parts.push('<headerFooter><oddFooter>' + escapeXmlAttribute('&C' + layout.print.centerFooter) + '</oddFooter></headerFooter>');
  if (options.drawingRelId) parts.push('<drawing r:id="' + options.drawingRelId + '"/>');
  parts.push('</worksheet>');
  return parts.join('');
}

function xmlCellTextPlain(text: string): string {
  // An attribute value: control characters cannot appear even as references; drop them.
  return text.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, '');
}

function blockRef(b: { row: number; column: number; rows: number; columns: number }): string {
  return columnLetters(b.column + 1) + (b.row + 1) + ':' + columnLetters(b.column + b.columns) + (b.row + b.rows);
}

/** Each cell's look: the style blocks applied in order (later ones win), then the links. */
function cellLooks(layout: SummaryLayout, height: number, width: number): CellLook[][] {
  const looks: CellLook[][] = [];
  for (let r = 0; r < height; r++) {
    const row: CellLook[] = [];
    for (let c = 0; c < width; c++) row.push({ font: {} });
    looks.push(row);
  }
  const apply = (look: CellLook, s: BlockStyle) => {
    if (s.bold !== undefined) look.font.bold = s.bold;
    if (s.fontSize !== undefined) look.font.size = s.fontSize;
    if (s.font !== undefined) look.font.colour = s.font;
    if (s.fill !== undefined) look.fill = s.fill;
    if (s.border !== undefined) look.border = s.border;
    if (s.wrap !== undefined) look.wrap = s.wrap;
    if (s.align !== undefined) look.align = s.align;
  };
  for (const s of layout.styles) {
    for (let r = Math.max(0, s.row); r < Math.min(height, s.row + s.rows); r++) {
      for (let c = Math.max(0, s.column); c < Math.min(width, s.column + s.columns); c++) apply(looks[r][c], s);
    }
  }
  for (const l of layout.links) {
    const look = looks[l.row] && looks[l.row][l.column];
    if (!look) continue;
    look.font.colour = LINK_COLOUR;
    look.font.underline = true;
  }
  return looks;
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
