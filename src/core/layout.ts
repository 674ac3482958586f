/**
 * Lays the summary model out as cells, so the CLI (ExcelJS) and the add-in (Office.js) write
 * exactly the same sheet: values, widths, merges, styles, links, print titles, chart anchor.
 */
import { PALETTE } from './palette';
import type { BlockStyle, CellBlock, Colour, SummaryLayout, SummaryModel, SummaryTable } from './types';

/** Column widths in characters: A4 landscape fits them one page wide after scaling. */
const COLUMN_WIDTHS = [14, 10, 10, 10, 12, 12, 26, 10, 46];
/**
 * The widest info line, in {@link lineWidth} units, that shows in full on its merged row: the
 * columns' total less a margin for fonts wider than Excel's width unit. Info lines are not wrapped:
 * Excel grows no merged row for wrapped text (the add-in's autofit skips merged cells), so a longer
 * line would be cut off on screen and on paper.
 */
export const INFO_LINE_WIDTH = COLUMN_WIDTHS.reduce((a, b) => a + b, 0) - 10;
const HEADER_FILL = '#DDEBF7';
const TITLE_SIZE = 16;
const SECTION_SIZE = 12;

/** Turns a summary model into cells. Pure; the same model always gives the same layout. */
export function layoutSummary(model: SummaryModel): SummaryLayout {
  const width = COLUMN_WIDTHS.length;
  const values: Array<Array<string | number>> = [];
  const merges: CellBlock[] = [];
  const styles: BlockStyle[] = [];
  const links: SummaryLayout['links'] = [];
  let leaderTable: SummaryLayout['leaderTable'] = null;

  const blankRow = (): Array<string | number> => {
    const row: Array<string | number> = [];
    for (let c = 0; c < width; c++) row.push('');
    return row;
  };
  const fullWidthLine = (text: string): number => {
    const r = values.length;
    const row = blankRow();
    row[0] = text;
    values.push(row);
    merges.push({ row: r, column: 0, rows: 1, columns: width });
    return r;
  };

  const titleRow = fullWidthLine(model.title);
  styles.push({ row: titleRow, column: 0, rows: 1, columns: width, bold: true, fontSize: TITLE_SIZE, align: 'center' });
  for (const line of model.infoLines) {
    const r = fullWidthLine(line);
    styles.push({ row: r, column: 0, rows: 1, columns: width, align: 'left' });
  }

  model.tables.forEach((table, index) => {
    values.push(blankRow());
    const titleAt = fullWidthLine(table.title);
    styles.push({ row: titleAt, column: 0, rows: 1, columns: width, bold: true, fontSize: SECTION_SIZE, align: 'left' });

    const spans = columnSpans(table, width);
    const starts: number[] = [];
    let at = 0;
    for (const span of spans) {
      starts.push(at);
      at += span;
    }
    const writeRow = (cells: Array<string | number>): number => {
      const r = values.length;
      const row = blankRow();
      for (let i = 0; i < spans.length; i++) {
        const cell = cells[i];
        row[starts[i]] = cell === undefined || cell === null ? '' : cell;
        if (spans[i] > 1) merges.push({ row: r, column: starts[i], rows: 1, columns: spans[i] });
      }
      values.push(row);
      return r;
    };

    const headerAt = writeRow(table.header);
    styles.push({ row: headerAt, column: 0, rows: 1, columns: width, bold: true, fill: HEADER_FILL, border: true, wrap: true, align: 'center' });

    if (table.rows.length === 0) {
      const r = fullWidthLine(table.emptyText);
      styles.push({ row: r, column: 0, rows: 1, columns: width, border: true, align: 'left' });
    } else {
      const firstRow = values.length;
      const colourColumn = table.colourColumn !== undefined ? table.colourColumn : table.header.indexOf('状态');
      const linkColumn = table.linkColumn !== undefined && table.linkColumn < spans.length ? table.linkColumn : 0;
      for (const row of table.rows) {
        const r = writeRow(row.cells);
        if (row.link) links.push({ row: r, column: starts[linkColumn], target: row.link });
      }
      const lastRow = values.length - 1;
      styles.push({ row: firstRow, column: 0, rows: lastRow - firstRow + 1, columns: width, border: true, wrap: true, align: 'left' });
      if (colourColumn >= 0 && colourColumn < spans.length) {
        pushColourRuns(styles, table, firstRow, starts[colourColumn], spans[colourColumn]);
      }
      if (index === 0) {
        leaderTable = { headerRow: headerAt, firstRow, lastRow, nameColumn: starts[0], requiredColumn: starts[2], doneColumn: starts[3] };
      }
    }
    if (table.note) {
      const r = fullWidthLine(table.note);
      styles.push({ row: r, column: 0, rows: 1, columns: width, align: 'left' });
    }
  });

  return {
    sheetName: model.sheetName,
    values,
    columnWidths: COLUMN_WIDTHS.slice(),
    merges,
    styles,
    links,
    printTitleRows: null,
    leaderTable,
    chartAnchor: { row: values.length + 1, column: 0 },
    rowHeights: rowHeights(values, COLUMN_WIDTHS, merges, styles),
    print: { firstPageNumber: 1, centerFooter: '第 &P 页，共 &N 页' },
  };
}

/** The part of a column's width (in characters) that its cell's margins take. */
const CELL_PADDING = 0.7;
/** Widths in Excel's unit (the widest digit of the default font), for wrapping. */
const CJK_UNITS = 2.1;
const NARROW_ASCII = /[ -\/:;!|'`il.,jtfrI\[\]()]/;

/** A character's width in Excel's unit: CJK and full-width ones (a 1 em glyph) about 2.1 digits, narrow ASCII 0.6. */
function charUnits(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 0x80) return CJK_UNITS;
  return NARROW_ASCII.test(ch) ? 0.6 : 1;
}

/**
 * Lines a wrapped text takes in `room` units: filled greedily as Excel does, CJK text breaking
 * between any two characters, Latin text between words (a word wider than the line breaks anywhere).
 */
export function wrappedLines(text: string, room: number): number {
  const width = Math.max(1, room);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    // Tokens: one CJK character, or a Latin word with the spaces after it.
    const tokens = paragraph.match(/[^\x00-\x7f]|[\x21-\x7f]+ *| +/g) || [];
    for (const token of tokens) {
      let w = 0;
      for (let i = 0; i < token.length; i++) w += charUnits(token.charAt(i));
      const trailing = token.length - token.replace(/ +$/, '').length;
      const ink = w - trailing * 0.6;
      if (used + ink <= width) {
        used += w;
        continue;
      }
      if (ink <= width) {
        lines++;
        used = w;
        continue;
      }
      // A word longer than a line: character by character.
      for (let i = 0; i < token.length; i++) {
        const cw = charUnits(token.charAt(i));
        if (used + cw > width && used > 0) {
          lines++;
          used = 0;
        }
        used += cw;
      }
    }
  }
  return Math.max(1, lines);
}

/** Font size of cells without a size of their own (Excel's default). */
const BODY_SIZE = 11;

/**
 * Points a line of text takes at a font size. Excel's default row is 15 pt for 11 pt Latin text;
 * CJK fonts (Microsoft YaHei, DengXian, Noto Sans CJK) are taller, so a line gets 1.45 × the size.
 */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.45);
}

/**
 * The height of every row in points (SummaryLayout.rowHeights): the tallest cell of the row. A
 * cell takes one line unless it wraps; a wrapping cell takes as many lines as its text needs in
 * the width of its merged area (less a character of padding), each character as wide as
 * {@link lineWidth} says, scaled by the font size. An empty row is one line of the body size.
 */
export function rowHeights(
  values: ReadonlyArray<ReadonlyArray<string | number>>,
  columnWidths: ReadonlyArray<number>,
  merges: ReadonlyArray<CellBlock>,
  styles: ReadonlyArray<BlockStyle>,
): number[] {
  const width = columnWidths.length;
  const at = (r: number, c: number) => r * width + c;
  const spanAt = new Map<number, number>();
  for (const m of merges) if (m.rows === 1) spanAt.set(at(m.row, m.column), m.columns);
  const sizeAt = new Map<number, number>();
  const wrapAt = new Map<number, boolean>();
  for (const s of styles) {
    for (let r = s.row; r < s.row + s.rows; r++) {
      for (let c = s.column; c < Math.min(width, s.column + s.columns); c++) {
        if (s.fontSize !== undefined) sizeAt.set(at(r, c), s.fontSize);
        if (s.wrap !== undefined) wrapAt.set(at(r, c), s.wrap);
      }
    }
  }
  return values.map((cells, r) => {
    let points = lineHeight(BODY_SIZE);
    for (let c = 0; c < cells.length && c < width; c++) {
      const value = cells[c];
      if (value === '' || value === null || value === undefined) continue;
      const size = sizeAt.get(at(r, c)) || BODY_SIZE;
      let lines = 1;
      if (wrapAt.get(at(r, c))) {
        const span = spanAt.get(at(r, c)) || 1;
        let room = -CELL_PADDING;
        for (let k = c; k < c + span && k < width; k++) room += columnWidths[k];
        lines = wrappedLines(String(value), (room * BODY_SIZE) / size);
      }
      points = Math.max(points, lines * lineHeight(size));
    }
    return points;
  });
}

/**
 * Width of text in Excel's column-width units, erring wide: ASCII counts 1, every other character 2
 * (CJK, full-width punctuation, and the curly quotes and … that Chinese fonts draw full width).
 */
export function lineWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) width += 1;
    else {
      width += 2;
      // A surrogate pair is one character.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++;
      }
    }
  }
  return width;
}

/** Spans per table column: as given, or 1 each with the last column taking the remaining width. */
function columnSpans(table: SummaryTable, width: number): number[] {
  const n = Math.max(1, table.header.length);
  const spans: number[] = [];
  let used = 0;
  for (let i = 0; i < n; i++) {
    const wanted = table.spans && table.spans[i] > 0 ? Math.floor(table.spans[i]) : 1;
    const left = width - used - (n - 1 - i); // keep one column for each later table column
    const span = i === n - 1 ? Math.max(1, width - used) : Math.max(1, Math.min(wanted, left));
    spans.push(span);
    used += span;
  }
  return spans;
}

/** One style block per run of equal colours in the status column, so writers stay in bulk. */
function pushColourRuns(styles: BlockStyle[], table: SummaryTable, firstRow: number, column: number, columns: number): void {
  let runStart = 0;
  for (let i = 1; i <= table.rows.length; i++) {
    const prev: Colour | null = table.rows[i - 1].colour;
    const cur: Colour | null | undefined = i < table.rows.length ? table.rows[i].colour : undefined;
    if (cur !== prev) {
      if (prev) {
        const p = PALETTE[prev];
        const style: BlockStyle = { row: firstRow + runStart, column, rows: i - runStart, columns, fill: p.fill, align: 'center' };
        if (p.font) style.font = p.font;
        styles.push(style);
      }
      runStart = i;
    }
  }
}
