/**
 * The summary's bar chart, as the add-in draws it (`charts.add('ColumnClustered', …)`): one
 * clustered column chart of 应检次数 against 实检次数 per leader, its series taken from the
 * leader table's header and columns, the leaders' names as categories, anchored at the layout's
 * chart anchor over up to 8 columns and 18 rows. The cached values let viewers that do not
 * recalculate show it as it is.
 */
import { columnLetters } from '../../core/address';
import type { SummaryLayout } from '../../core/types';
import { quoteSheetName } from './summary';
import { escapeXmlAttribute, escapeXmlText } from '../xml/text';

export const CHART_TITLE = '应检次数与实检次数（按带队领导）';
const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const SERIES_COLOURS = ['4472C4', 'ED7D31'];

export function hasChart(layout: SummaryLayout): boolean {
  const t = layout.leaderTable;
  return !!t && t.lastRow >= t.firstRow;
}

function abs(column: number, row: number): string {
  return '$' + columnLetters(column + 1) + '$' + (row + 1);
}

function text(value: unknown): string {
  return escapeXmlText(String(value === undefined || value === null ? '' : value).replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, ''));
}

export function renderChart(layout: SummaryLayout): string {
  const t = layout.leaderTable!;
  const sheet = quoteSheetName(layout.sheetName);
  const rows: number[] = [];
  for (let r = t.firstRow; r <= t.lastRow; r++) rows.push(r);
  const cell = (r: number, c: number) => (layout.values[r] || [])[c];
  const strCache = (values: unknown[]) =>
    '<c:strCache><c:ptCount val="' + values.length + '"/>' + values.map((v, i) => '<c:pt idx="' + i + '"><c:v>' + text(v) + '</c:v></c:pt>').join('') + '</c:strCache>';
  const numCache = (values: unknown[]) =>
    '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="' + values.length + '"/>' +
    values
      .map((v, i) => (typeof v === 'number' && isFinite(v) ? '<c:pt idx="' + i + '"><c:v>' + v + '</c:v></c:pt>' : ''))
      .join('') +
    '</c:numCache>';
  const categories = rows.map((r) => cell(r, t.nameColumn));
  const series = [t.requiredColumn, t.doneColumn].map((column, i) => {
    const ref = (first: number, last: number, c: number) => escapeXmlText(sheet + '!' + abs(c, first) + (last > first ? ':' + abs(c, last) : ''));
    return (
      '<c:ser><c:idx val="' + i + '"/><c:order val="' + i + '"/>' +
      '<c:tx><c:strRef><c:f>' + ref(t.headerRow, t.headerRow, column) + '</c:f>' + strCache([cell(t.headerRow, column)]) + '</c:strRef></c:tx>' +
      '<c:spPr><a:solidFill><a:srgbClr val="' + SERIES_COLOURS[i] + '"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>' +
      '<c:cat><c:strRef><c:f>' + ref(t.firstRow, t.lastRow, t.nameColumn) + '</c:f>' + strCache(categories) + '</c:strRef></c:cat>' +
      '<c:val><c:numRef><c:f>' + ref(t.firstRow, t.lastRow, column) + '</c:f>' + numCache(rows.map((r) => cell(r, column))) + '</c:numRef></c:val>' +
      '</c:ser>'
    );
  });
  const axisText = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="' + NS_C + '" xmlns:a="' + NS_A + '" xmlns:r="' + NS_R + '">' +
    '<c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    '<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1400" b="1"/><a:t>' + escapeXmlText(CHART_TITLE) + '</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>' +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' + series.join('') +
    '<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>' +
    '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' + axisText +
    '<c:crossAx val="50010002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    '<c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' + axisText +
    '<c:crossAx val="50010001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>' +
    '</c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

/** The drawing that places the chart: from the anchor, up to 8 columns wide and 18 rows high. */
export function renderDrawing(layout: SummaryLayout, chartRelId: string): string {
  const a = layout.chartAnchor;
  const width = Math.max(1, layout.columnWidths.length);
  const toColumn = a.column + Math.min(width, 8);
  const toRow = a.row + 18;
  const marker = (tag: string, col: number, row: number) =>
    '<xdr:' + tag + '><xdr:col>' + col + '</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>' + row + '</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:' + tag + '>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="' + NS_XDR + '" xmlns:a="' + NS_A + '">' +
    '<xdr:twoCellAnchor editAs="oneCell">' + marker('from', a.column, a.row) + marker('to', toColumn, toRow) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="' + escapeXmlAttribute('图表 1') + '"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="' + NS_C + '"><c:chart xmlns:c="' + NS_C + '" xmlns:r="' + NS_R + '" r:id="' + chartRelId + '"/></a:graphicData></a:graphic>' +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>'
  );
}
