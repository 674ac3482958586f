/**
 * The monthly summary sheet (月度汇总) from the core's layout, as sized ops: values as text where
 * they are text, merges, widths, styles, links to the rows, page setup and the chart. Sent in one
 * sync when it fits Excel on the web's 5 MB request limit, else split between ops (runOps).
 */
import type { BlockStyle, SummaryLayout } from '../core/types';
import { columnLetters, quoteSheetName, rectAddress } from './blocks';
import { gridBytes, rangeOpBytes, sized, utf8Length, WIRE, type Op } from './budget';
import type { Caps } from './capabilities';

const LINK_FONT = '#0563C1';
const BORDER_COLOUR = '#BFBFBF';

function blockAddress(b: { row: number; column: number; rows: number; columns: number }): string {
  return rectAddress({ row: b.row + 1, lastRow: b.row + b.rows, column: b.column + 1, lastColumn: b.column + b.columns });
}

/** Bytes of JSON a values op of the summary aims at: a summary past the limit splits between them. */
const VALUE_OP_BYTES = 250000;

/**
 * The ops writing the whole summary sheet, in order, each with its estimated request bytes, onto
 * `ws()`: the sheet added by the op before them (found by name, so that ops in a later sync, when
 * the write is split, reach it too). Values first, in row blocks; then alignment, merges, widths,
 * styles, links, row heights (the layout's, as the command line writes them), page setup and the
 * chart. `chart`: whether a chart is drawn.
 */
export function summaryOps(ws: () => Excel.Worksheet, layout: SummaryLayout, c: Caps): { ops: Op[]; chart: boolean } {
  const height = layout.values.length;
  const width = layout.columnWidths.length;
  const ops: Op[] = [];
  if (!height) return { ops, chart: false };
  const last = columnLetters(width);
  const allAddress = 'A1:' + last + height;
  // Every text cell is formatted as text first, so `=…`, `+…`, `0/1` or `1-2` stay what they are.
  const formats = layout.values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
  for (let from = 0; from < height; ) {
    let to = from;
    let json = 0;
    while (to < height && (to === from || json < VALUE_OP_BYTES)) json += utf8Length(JSON.stringify(layout.values[to++]));
    const address = 'A' + (from + 1) + ':' + last + to;
    const values = layout.values.slice(from, to);
    const numberFormats = formats.slice(from, to);
    ops.push(
      sized(() => {
        const range = ws().getRange(address).untrack();
        range.numberFormat = numberFormats;
        range.values = values;
      }, rangeOpBytes(address, 0, 0) + gridBytes(numberFormats, c) + gridBytes(values, c)),
    );
    from = to;
  }
  ops.push(sized(() => (ws().getRange(allAddress).untrack().format.verticalAlignment = 'Center'), rangeOpBytes(allAddress, 1, 1) + 8));
  if (c.v12) {
    for (const m of layout.merges) {
      const address = blockAddress(m);
      ops.push(sized(() => ws().getRange(address).untrack().merge(false), rangeOpBytes(address, 0, 1) + 6));
    }
    layout.columnWidths.forEach((w, i) => {
      const address = columnLetters(i + 1) + '1';
      // Excel's width unit is points here: about 6 points per character of the default font.
      ops.push(sized(() => (ws().getRange(address).untrack().format.columnWidth = Math.round(w * 6 + 4)), rangeOpBytes(address, 1, 1) + 4));
    });
  }
  for (const s of layout.styles) {
    const address = blockAddress(s);
    ops.push(sized(() => queueStyle(ws().getRange(address).untrack().format, s), styleBytes(address, s)));
  }
  for (const link of layout.links) {
    const address = columnLetters(link.column + 1) + (link.row + 1);
    const text = String(layout.values[link.row][link.column]);
    const hyperlink = c.v17
      ? {
          documentReference: quoteSheetName(link.target.sheet) + '!A' + link.target.row,
          textToDisplay: text,
          screenTip: '转到“' + link.target.sheet + '”第 ' + link.target.row + ' 行',
        }
      : null;
    ops.push(
      sized(() => {
        const cell = ws().getRange(address).untrack();
        if (hyperlink) cell.hyperlink = hyperlink;
        // Below 1.7 the text stays (no link); the look is the same either way.
        cell.format.font.color = LINK_FONT;
        cell.format.font.underline = 'Single';
      }, rangeOpBytes(address, 2, 2) + 20 + (hyperlink ? WIRE.set + utf8Length(JSON.stringify(hyperlink)) : 0)),
    );
  }
  // Row heights from the layout, as the command line writes them (Excel does not grow a row for
  // wrapped text in merged cells, which autofit skips): one op per run of rows of one height (1.2).
  if (c.v12) {
    for (const run of heightRuns(layout.rowHeights)) {
      const address = 'A' + (run.first + 1) + ':' + last + (run.last + 1);
      ops.push(sized(() => (ws().getRange(address).untrack().format.rowHeight = run.height), rangeOpBytes(address, 1, 1) + 6));
    }
  }
  const footer = layout.print.centerFooter;
  ops.push(
    sized(() => {
      // Printable as the CLI's: A4 landscape, one page wide, its own page numbers (1.9); no gridlines (1.8).
      if (c.v18) ws().showGridlines = false;
      if (c.v19) {
        const page = ws().pageLayout;
        page.orientation = 'Landscape';
        page.paperSize = 'A4';
        page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        page.firstPageNumber = layout.print.firstPageNumber;
        page.headersFooters.defaultForAllPages.centerFooter = footer;
      }
    }, 6 * WIRE.set + 3 * WIRE.step + 100 + utf8Length(footer)),
  );
  const t = layout.leaderTable;
  if (!t || t.lastRow < t.firstRow) return { ops, chart: false };
  ops.push(
    sized(() => {
      const sheet = ws();
      const data = sheet.getRange(rectAddress({ row: t.headerRow + 1, lastRow: t.lastRow + 1, column: t.requiredColumn + 1, lastColumn: t.doneColumn + 1 })).untrack();
      const chart = sheet.charts.add('ColumnClustered', data, 'Columns');
      chart.title.text = '应检次数与实检次数（按带队领导）';
      const anchor = layout.chartAnchor;
      chart.setPosition(columnLetters(anchor.column + 1) + (anchor.row + 1), columnLetters(anchor.column + Math.min(width, 8)) + (anchor.row + 18));
      if (c.v17) {
        const names = sheet.getRange(rectAddress({ row: t.firstRow + 1, lastRow: t.lastRow + 1, column: t.nameColumn + 1, lastColumn: t.nameColumn + 1 })).untrack();
        chart.series.getItemAt(0).setXAxisValues(names);
        chart.series.getItemAt(1).setXAxisValues(names);
      }
    }, 6 * WIRE.other),
  );
  return { ops, chart: true };
}

/** Consecutive rows of one height (0-based, inclusive), in order. */
export function heightRuns(heights: ReadonlyArray<number>): Array<{ first: number; last: number; height: number }> {
  const runs: Array<{ first: number; last: number; height: number }> = [];
  heights.forEach((height, r) => {
    const prev = runs[runs.length - 1];
    if (prev && prev.height === height && prev.last === r - 1) prev.last = r;
    else runs.push({ first: r, last: r, height });
  });
  return runs;
}

/** Request bytes of one style block: its range, the format parts it sets and, for borders, each edge. */
function styleBytes(address: string, s: BlockStyle): number {
  const font = s.bold !== undefined || s.fontSize !== undefined || s.font !== undefined;
  const sets = (s.bold !== undefined ? 1 : 0) + (s.fontSize !== undefined ? 1 : 0) + (s.font !== undefined ? 1 : 0) + (s.fill !== undefined ? 1 : 0) + (s.wrap !== undefined ? 1 : 0) + (s.align !== undefined ? 1 : 0);
  const edges = s.border ? 4 + (s.rows > 1 ? 1 : 0) + (s.columns > 1 ? 1 : 0) : 0;
  const steps = 1 + (font ? 1 : 0) + (s.fill !== undefined ? 1 : 0) + (s.border ? 1 + edges : 0);
  // Values of about 10 characters each; an edge's index and its two sets.
  return rangeOpBytes(address, steps, sets + 2 * edges) + 10 * (sets + 3 * edges);
}

function queueStyle(f: Excel.RangeFormat, s: BlockStyle): void {
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.font !== undefined) f.font.color = s.font;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.align !== undefined) f.horizontalAlignment = s.align === 'center' ? 'Center' : s.align === 'right' ? 'Right' : 'Left';
  if (s.border) {
    const edges: Excel.BorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as Excel.BorderIndex[];
    for (const e of edges) {
      if ((e === 'InsideHorizontal' && s.rows < 2) || (e === 'InsideVertical' && s.columns < 2)) continue;
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.color = BORDER_COLOUR;
    }
  }
}
