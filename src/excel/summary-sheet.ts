/**
 * The monthly summary sheet (月度汇总) queued from the core's layout: values as text where they
 * are text, merges, widths, styles, links to the rows, page setup and the chart.
 */
import type { BlockStyle, SummaryLayout } from '../core/types';
import { columnLetters, quoteSheetName, rectAddress } from './blocks';
import type { Caps } from './capabilities';

const LINK_FONT = '#0563C1';
const BORDER_COLOUR = '#BFBFBF';

function blockAddress(b: { row: number; column: number; rows: number; columns: number }): string {
  return rectAddress({ row: b.row + 1, lastRow: b.row + b.rows, column: b.column + 1, lastColumn: b.column + b.columns });
}

/** Queues the whole summary sheet; returns whether a chart was queued. */
export function queueSummary(ws: Excel.Worksheet, layout: SummaryLayout, c: Caps): boolean {
  const height = layout.values.length;
  const width = layout.columnWidths.length;
  if (!height) return false;
  const all = ws.getRange('A1:' + columnLetters(width) + height);
  // Every text cell is formatted as text first, so `=…`, `+…`, `0/1` or `1-2` stay what they are.
  all.numberFormat = layout.values.map((row) => row.map((v) => (typeof v === 'string' && v !== '' ? '@' : 'General')));
  all.values = layout.values;
  all.format.verticalAlignment = 'Center';
  if (c.v12) {
    for (const m of layout.merges) ws.getRange(blockAddress(m)).merge(false);
    layout.columnWidths.forEach((w, i) => {
      // Excel's width unit is points here: about 6 points per character of the default font.
      ws.getRange(columnLetters(i + 1) + '1').format.columnWidth = Math.round(w * 6 + 4);
    });
  }
  for (const s of layout.styles) queueStyle(ws.getRange(blockAddress(s)).format, s);
  for (const link of layout.links) {
    const cell = ws.getRange(columnLetters(link.column + 1) + (link.row + 1));
    const text = String(layout.values[link.row][link.column]);
    if (c.v17) {
      cell.hyperlink = {
        documentReference: quoteSheetName(link.target.sheet) + '!A' + link.target.row,
        textToDisplay: text,
        screenTip: '转到“' + link.target.sheet + '”第 ' + link.target.row + ' 行',
      };
    }
    // Below 1.7 the text stays (no link); the look is the same either way.
    cell.format.font.color = LINK_FONT;
    cell.format.font.underline = 'Single';
  }
  if (c.v12) ws.getRange('A1:' + columnLetters(width) + height).format.autofitRows();
  // Printable as the CLI's: A4 landscape, one page wide (1.9); no gridlines (1.8).
  if (c.v18) ws.showGridlines = false;
  if (c.v19) {
    ws.pageLayout.orientation = 'Landscape';
    ws.pageLayout.paperSize = 'A4';
    ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  const t = layout.leaderTable;
  if (!t || t.lastRow < t.firstRow) return false;
  const data = ws.getRange(
    rectAddress({ row: t.headerRow + 1, lastRow: t.lastRow + 1, column: t.requiredColumn + 1, lastColumn: t.doneColumn + 1 }),
  );
  const chart = ws.charts.add('ColumnClustered', data, 'Columns');
  chart.title.text = '应检次数与实检次数（按带队领导）';
  const anchor = layout.chartAnchor;
  chart.setPosition(
    columnLetters(anchor.column + 1) + (anchor.row + 1),
    columnLetters(anchor.column + Math.min(width, 8)) + (anchor.row + 18),
  );
  if (c.v17) {
    const names = ws.getRange(rectAddress({ row: t.firstRow + 1, lastRow: t.lastRow + 1, column: t.nameColumn + 1, lastColumn: t.nameColumn + 1 }));
    chart.series.getItemAt(0).setXAxisValues(names);
    chart.series.getItemAt(1).setXAxisValues(names);
  }
  return true;
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
