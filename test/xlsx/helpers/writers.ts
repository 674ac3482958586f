/**
 * A township workbook holding every kind of part a clerk's file may carry, written the way three
 * programs write packages (from what each program's files hold, part by part):
 * - `excel`: Excel 2016–365 — `xl/…` parts with relative targets, `mc:Ignorable` extensions,
 *   spans and `x14ac:dyDescent` on rows, SHA-512 protection hashes, threaded comments and people,
 *   a table, sheet-level print areas;
 * - `libreoffice`: LibreOffice Calc 7 — `true`/`false` booleans, `date1904="false"`, the legacy
 *   16-bit protection `password`, app.xml without sheet titles, `s="0"` on every cell;
 * - `openpyxl`: openpyxl 3 — absolute targets (`/xl/worksheets/sheet1.xml`), comments under
 *   `xl/comments/`, VML as `commentsDrawing1.vml`, a minimal app.xml.
 * Each has: a chart and an image (drawing), a pivot table with its cache and records, comments
 * with VML, data validations, conditional formats, sheet protection with its hash and options,
 * workbook protection, defined names and a print area, an external link, custom XML, a theme,
 * hidden and very hidden sheets, and, as .xlsm, a VBA project.
 */
import { buildZip } from './zip';

export type Dialect = 'excel' | 'libreoffice' | 'openpyxl';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = R + '/';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface FidelityOptions {
  dialect: Dialect;
  macros?: boolean;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function col(n: number): string {
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Serial of a date in the 1900 system. */
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);

type Cell = string | number | { date: number } | null;

const SCHEDULE: Cell[][] = [
  ['某某镇党政领导带队检查安排表'],
  ['带队领导', '职务', '牵头部门', '检查范围（每月25日以前完成）'],
  ['王海', '党委书记', '党政办', '全镇辖区内（重点检查负责东村）各行业安全生产工作'],
  ['李明', '副镇长', '安监站', '负责分管领域及“西站加油站”安全生产工作'],
  ['赵刚', '副镇长', '国土所', '负责分管领域及“南山矿业”安全生产工作'],
];
const LOG: Cell[][] = [
  ['检查日期', '带队领导', '检查地点', '发现隐患', '整改期限', '整改完成日期'],
  [{ date: serial(2019, 8, 5) }, '王海', '东村', '无', null, null],
  [{ date: serial(2019, 8, 6) }, '李明', '西站加油站', '无', null, null],
  [{ date: serial(2019, 8, 10) }, '李明', '西站加油站', '消防器材过期', { date: serial(2019, 8, 20) }, null],
  [{ date: serial(2019, 8, 27) }, '赵刚', '南山矿业有限公司', '无', null, null],
];

export function fidelityWorkbook(options: FidelityOptions): Buffer {
  const d = options.dialect;
  const lo = d === 'libreoffice';
  const op = d === 'openpyxl';
  const T = lo ? 'true' : '1';
  const F = lo ? 'false' : '0';
  const files: Array<{ name: string; data: Buffer }> = [];
  const put = (name: string, text: string | Buffer) => files.push({ name, data: typeof text === 'string' ? Buffer.from(text, 'utf8') : text });
  // Targets: relative to the source's folder (Excel, LibreOffice) or absolute (openpyxl).
  const target = (fromFolder: string, part: string) => {
    if (op) return '/' + part;
    const from = fromFolder.split('/').filter(Boolean);
    const to = part.split('/');
    let i = 0;
    while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
    return '../'.repeat(from.length - i) + to.slice(i).join('/');
  };
  const rels = (items: Array<[string, string, string, boolean?]>) =>
    XML_HEAD + '<Relationships xmlns="' + PKG_REL + '">' + items.map(([id, type, t, external]) => '<Relationship Id="' + id + '" Type="' + type + '" Target="' + esc(t) + '"' + (external ? ' TargetMode="External"' : '') + '/>').join('') + '</Relationships>';

  // --- shared strings
  const strings: string[] = [];
  const sst = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return i;
  };
  const cellXml = (ref: string, v: Cell): string => {
    const s0 = lo ? ' s="0"' : '';
    if (v === null) return lo ? '<c r="' + ref + '" s="0"/>' : '';
    if (typeof v === 'string') return '<c r="' + ref + '"' + (lo ? ' s="1"' : '') + ' t="s"><v>' + sst(v) + '</v></c>';
    if (typeof v === 'number') return '<c r="' + ref + '"' + s0 + (lo ? ' t="n"' : '') + '><v>' + v + '</v></c>';
    return '<c r="' + ref + '" s="2"' + (lo ? ' t="n"' : '') + '><v>' + v.date + '</v></c>';
  };
  const rowAttrs = (r: number, width: number) => (d === 'excel' ? ' spans="1:' + width + '" x14ac:dyDescent="0.15"' : lo ? ' customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"' : '') + (r === 1 ? '' : '');
  const sheetData = (rows: Cell[][]) => {
    const width = Math.max(...rows.map((r) => r.length));
    return '<sheetData>' + rows.map((cells, i) => '<row r="' + (i + 1) + '"' + rowAttrs(i + 1, width) + '>' + cells.map((v, j) => cellXml(col(j + 1) + (i + 1), v)).join('') + '</row>').join('') + '</sheetData>';
  };
  const sheetHead = (extraNs = '') =>
    XML_HEAD + '<worksheet xmlns="' + NS + '" xmlns:r="' + R + '"' +
    (d === 'excel' ? ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}"' : '') +
    extraNs + '>';
  const views = (selected: boolean) =>
    '<sheetViews><sheetView' + (lo ? ' showFormulas="false" showGridLines="true"' : '') + (selected ? ' tabSelected="' + T + '"' : '') + ' workbookViewId="0"' + (lo ? ' zoomScale="100"' : '') + '/></sheetViews>';
  const margins = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

  // --- the schedule: protected with a hash and options, a data validation, a conditional format, a print area
  const protection = lo
    ? '<sheetProtection sheet="true" password="CC3D" objects="true" scenarios="true" formatCells="false" formatColumns="false" insertRows="false" deleteRows="false" selectLockedCells="false"/>'
    : '<sheetProtection algorithmName="SHA-512" hashValue="vO2K6Tb0n0kTo7Tkq5z6yqVh3xS7lU9nYoqzgE8Xr8u6Zb0fJm2bEZAYwqk3q7Kk8Zq2k0pZ1rO2n4Qm6xY2Aw==" saltValue="0NQm0gF2a1wB8mV5L0tS5g==" spinCount="100000" sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" insertRows="0" deleteRows="0" selectLockedCells="1"/>';
  const schedule =
    sheetHead() + (lo ? '<sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr>' : '') + '<dimension ref="A1:D5"/>' + views(true) +
    '<sheetFormatPr defaultRowHeight="13.5"' + (d === 'excel' ? ' x14ac:dyDescent="0.15"' : '') + '/><cols><col min="1" max="1" width="10.625" customWidth="1"/><col min="4" max="4" width="50.625" style="3" customWidth="1"/></cols>' +
    sheetData(SCHEDULE) + protection + '<mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells>' +
    '<conditionalFormatting sqref="B3:B5"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="书记"><formula>NOT(ISERROR(SEARCH("书记",B3)))</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" allowBlank="' + T + '" showInputMessage="' + T + '" showErrorMessage="' + T + '" sqref="B3:B20"><formula1>"党委书记,镇长,副镇长"</formula1></dataValidation></dataValidations>' +
    margins + '<pageSetup paperSize="9" orientation="landscape"' + (op ? '' : ' r:id="rId1"') + '/>' + '<legacyDrawing r:id="rId3"/>' + '</worksheet>';
  put('xl/worksheets/sheet1.xml', schedule);
  const commentsPart = op ? 'xl/comments/comment1.xml' : 'xl/comments1.xml';
  const vmlPart = op ? 'xl/drawings/commentsDrawing1.vml' : 'xl/drawings/vmlDrawing1.vml';
  put('xl/worksheets/_rels/sheet1.xml.rels', rels([
    ...(op ? [] : [['rId1', REL + 'printerSettings', target('xl/worksheets', 'xl/printerSettings/printerSettings1.bin')] as [string, string, string]]),
    ['rId2', REL + 'comments', target('xl/worksheets', commentsPart)],
    ['rId3', REL + 'vmlDrawing', target('xl/worksheets', vmlPart)],
  ]));
  if (!op) put('xl/printerSettings/printerSettings1.bin', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff]));
  put(commentsPart, XML_HEAD + '<comments xmlns="' + NS + '"><authors><author>安监站 张三</author></authors><commentList><comment ref="A3" authorId="0"' + (d === 'excel' ? ' shapeId="0"' : '') + '><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t>安监站 张三:</t></r><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr><t xml:space="preserve">\n8月起由王海同志带队</t></r></text></comment></commentList></comments>');
  put(vmlPart, '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>1, 15, 0, 2, 3, 15, 4, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>2</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>');

  // --- the log: a chart and an image in a drawing, a pivot table, threaded comments (Excel), a table (Excel)
  const log =
    sheetHead() + '<dimension ref="A1:F5"/>' + views(false) + '<sheetFormatPr defaultRowHeight="13.5"/><cols><col min="1" max="1" width="12" customWidth="1"/></cols>' +
    sheetData(LOG) + '<autoFilter ref="A1:F5"/>' + margins + '<drawing r:id="rId1"/>' + (d === 'excel' ? '<tableParts count="1"><tablePart r:id="rId3"/></tableParts>' : '') + '</worksheet>';
  put('xl/worksheets/sheet2.xml', log);
  const logRels: Array<[string, string, string]> = [
    ['rId1', REL + 'drawing', target('xl/worksheets', 'xl/drawings/drawing1.xml')],
    ['rId2', REL + 'pivotTable', target('xl/worksheets', 'xl/pivotTables/pivotTable1.xml')],
  ];
  if (d === 'excel') {
    logRels.push(['rId3', REL + 'table', target('xl/worksheets', 'xl/tables/table1.xml')]);
    logRels.push(['rId4', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', target('xl/worksheets', 'xl/threadedComments/threadedComment1.xml')]);
    put('xl/tables/table1.xml', XML_HEAD + '<table xmlns="' + NS + '" id="1" name="检查表" displayName="检查表" ref="H1:I3" totalsRowShown="0"><autoFilter ref="H1:I3"/><tableColumns count="2"><tableColumn id="1" name="项"/><tableColumn id="2" name="数"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>');
    put('xl/threadedComments/threadedComment1.xml', XML_HEAD + '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="' + NS + '"><threadedComment ref="D4" dT="2019-08-11T09:30:00.00" personId="{5D4E6C71-0D5A-4C8B-9E1F-2A3B4C5D6E7F}" id="{0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}"><text>请核实整改期限</text></threadedComment></ThreadedComments>');
    put('xl/persons/person.xml', XML_HEAD + '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="' + NS + '"><person displayName="张三" id="{5D4E6C71-0D5A-4C8B-9E1F-2A3B4C5D6E7F}" userId="张三" providerId="None"/></personList>');
  }
  put('xl/worksheets/_rels/sheet2.xml.rels', rels(logRels));
  put('xl/drawings/drawing1.xml', XML_HEAD + '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    '<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="' + R + '" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>' +
    '<xdr:oneCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>22</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="图片 2"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="' + R + '" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>');
  put('xl/drawings/_rels/drawing1.xml.rels', rels([
    ['rId1', REL + 'chart', target('xl/drawings', 'xl/charts/chart1.xml')],
    ['rId2', REL + 'image', target('xl/drawings', 'xl/media/image1.png')],
  ]));
  put('xl/media/image1.png', PNG);
  put('xl/charts/chart1.xml', XML_HEAD + '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="' + R + '"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>每日检查次数</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>检查记录!$A$2:$A$5</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:lineChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>');
  put('xl/pivotTables/pivotTable1.xml', XML_HEAD + '<pivotTableDefinition xmlns="' + NS + '" name="数据透视表1" cacheId="5" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="K1:L4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="1"><i/></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="计数项:检查地点" fld="1" subtotal="count" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>');
  put('xl/pivotTables/_rels/pivotTable1.xml.rels', rels([['rId1', REL + 'pivotCacheDefinition', target('xl/pivotTables', 'xl/pivotCache/pivotCacheDefinition1.xml')]]));
  put('xl/pivotCache/pivotCacheDefinition1.xml', XML_HEAD + '<pivotCacheDefinition xmlns="' + NS + '" xmlns:r="' + R + '" r:id="rId1" refreshedBy="张三" refreshedDate="43713.5" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:C5" sheet="检查记录"/></cacheSource><cacheFields count="2"><cacheField name="带队领导" numFmtId="0"><sharedItems count="2"><s v="王海"/><s v="李明"/></sharedItems></cacheField><cacheField name="检查地点" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>');
  put('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', rels([['rId1', REL + 'pivotCacheRecords', target('xl/pivotCache', 'xl/pivotCache/pivotCacheRecords1.xml')]]));
  put('xl/pivotCache/pivotCacheRecords1.xml', XML_HEAD + '<pivotCacheRecords xmlns="' + NS + '" xmlns:r="' + R + '" count="2"><r><x v="0"/><s v="东村"/></r><r><x v="1"/><s v="西站加油站"/></r></pivotCacheRecords>');

  // --- a hidden notes sheet and a very hidden one
  put('xl/worksheets/sheet3.xml', sheetHead() + '<dimension ref="A1"/>' + views(false) + sheetData([['这张表不是检查用的']]) + margins + '</worksheet>');
  put('xl/worksheets/sheet4.xml', sheetHead() + '<dimension ref="A1"/>' + views(false) + sheetData([['内部']]) + margins + '</worksheet>');

  // --- styles (font 0 Chinese default, a date format, a dxf for the conditional format), theme
  put('xl/styles.xml', XML_HEAD + '<styleSheet xmlns="' + NS + '"' + (d === 'excel' ? ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"' : '') + '>' +
    '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
    '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="宋体"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="12"/><color theme="1"/><name val="黑体"/><family val="3"/><charset val="134"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="' + T + '"><alignment vertical="center" wrapText="' + T + '"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="' + T + '"><alignment vertical="center"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="' + T + '" applyProtection="' + T + '"><alignment vertical="center"/><protection locked="' + F + '"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>' +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>');
  put('xl/theme/theme1.xml', XML_HEAD + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="等线 Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="等线"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>');
  put('xl/sharedStrings.xml', XML_HEAD + '<sst xmlns="' + NS + '" count="' + strings.length + '" uniqueCount="' + strings.length + '">' + strings.map((s) => '<si><t>' + esc(s) + '</t></si>').join('') + '</sst>');

  // --- external link, custom XML, VBA
  put('xl/externalLinks/externalLink1.xml', XML_HEAD + '<externalLink xmlns="' + NS + '" xmlns:r="' + R + '"><externalBook r:id="rId1"><sheetNames><sheetName val="汇总"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>12</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>');
  put('xl/externalLinks/_rels/externalLink1.xml.rels', rels([['rId1', REL + 'externalLinkPath', 'file:///D:/安监站/2019年汇总.xlsx', true]]));
  put('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="no"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="/APA.XSL"/>');
  put('customXml/itemProps1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>');
  put('customXml/_rels/item1.xml.rels', rels([['rId1', REL + 'customXmlProps', op ? '/customXml/itemProps1.xml' : 'itemProps1.xml']]));
  if (options.macros) put('xl/vbaProject.bin', Buffer.from('\xd0\xcf\x11\xe0 a VBA project: the bytes are what counts', 'latin1'));

  // --- workbook: protection, defined names, print area, sheet states
  const wbItems: Array<[string, string, string, boolean?]> = [
    ['rId1', REL + 'worksheet', target('xl', 'xl/worksheets/sheet1.xml')],
    ['rId2', REL + 'worksheet', target('xl', 'xl/worksheets/sheet2.xml')],
    ['rId3', REL + 'worksheet', target('xl', 'xl/worksheets/sheet3.xml')],
    ['rId4', REL + 'worksheet', target('xl', 'xl/worksheets/sheet4.xml')],
    ['rId5', REL + 'externalLink', target('xl', 'xl/externalLinks/externalLink1.xml')],
    ['rId6', REL + 'pivotCacheDefinition', target('xl', 'xl/pivotCache/pivotCacheDefinition1.xml')],
    ['rId7', REL + 'theme', target('xl', 'xl/theme/theme1.xml')],
    ['rId8', REL + 'styles', target('xl', 'xl/styles.xml')],
    ['rId9', REL + 'sharedStrings', target('xl', 'xl/sharedStrings.xml')],
    ['rId10', REL + 'customXml', target('xl', 'customXml/item1.xml')],
  ];
  if (d === 'excel') wbItems.push(['rId11', 'http://schemas.microsoft.com/office/2017/10/relationships/person', target('xl', 'xl/persons/person.xml')]);
  if (options.macros) wbItems.push(['rId12', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', target('xl', 'xl/vbaProject.bin')]);
  put('xl/_rels/workbook.xml.rels', rels(wbItems));
  const wbProtection = lo
    ? '<workbookProtection lockStructure="true" workbookPassword="CC3D"/>'
    : '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="Lk7b9Q2C2xZ0f1m7K3fV1Yt8s8yF3Q3b6T0n4x2kG1hH2u7b5b1j6Y8c3p0j5r9x7q2m3n4b5v6c7x8z9a0s1d==" workbookSaltValue="Cq1Lz7u8S0m8t1X0rT4B2w==" workbookSpinCount="100000" lockStructure="1"/>';
  put('xl/workbook.xml', XML_HEAD + '<workbook xmlns="' + NS + '" xmlns:r="' + R + '">' +
    (d === 'excel' ? '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/>' : '') +
    '<workbookPr' + (lo ? ' backupFile="false" showObjects="all" date1904="false"' : ' defaultThemeVersion="166925"') + '/>' + wbProtection +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"' + (lo ? ' activeTab="0"' : '') + '/></bookViews>' +
    '<sheets><sheet name="安排表" sheetId="1" r:id="rId1"/><sheet name="检查记录" sheetId="2" r:id="rId2"/><sheet name="备注" sheetId="3" state="hidden" r:id="rId3"/><sheet name="内部" sheetId="4" state="veryHidden" r:id="rId4"/></sheets>' +
    '<externalReferences><externalReference r:id="rId5"/></externalReferences>' +
    '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">检查记录!$A$1:$F$5</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">安排表!$A$1:$D$5</definedName><definedName name="领导名单">安排表!$A$3:$A$5</definedName><definedName name="外部合计">[1]汇总!$A$1</definedName></definedNames>' +
    '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="5" r:id="rId6"/></pivotCaches></workbook>');

  // --- package: content types, root relationships, document properties
  const overrides = [
    ['/xl/workbook.xml', options.macros ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
    ...[1, 2, 3, 4].map((n) => ['/xl/worksheets/sheet' + n + '.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']),
    ['/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml'],
    ['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml'],
    ['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml'],
    ['/' + commentsPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml'],
    ['/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'],
    ['/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
    ['/xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml'],
    ['/xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml'],
    ['/xl/pivotCache/pivotCacheRecords1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml'],
    ['/xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml'],
    ['/customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml'],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  if (d === 'excel') {
    overrides.push(['/xl/tables/table1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml']);
    overrides.push(['/xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml']);
    overrides.push(['/xl/persons/person.xml', 'application/vnd.ms-excel.person+xml']);
  }
  const defaults = [['rels', 'application/vnd.openxmlformats-package.relationships+xml'], ['xml', 'application/xml'], ['png', 'image/png'], ['vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing'], ['bin', options.macros ? 'application/vnd.ms-office.vbaProject' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings']];
  put('[Content_Types].xml', XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' + defaults.map(([e, t]) => '<Default Extension="' + e + '" ContentType="' + t + '"/>').join('') + overrides.map(([p, t]) => '<Override PartName="' + p + '" ContentType="' + t + '"/>').join('') + '</Types>');
  put('_rels/.rels', rels([
    ['rId1', REL + 'officeDocument', op ? '/xl/workbook.xml' : 'xl/workbook.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', op ? '/docProps/core.xml' : 'docProps/core.xml'],
    ['rId3', REL + 'extended-properties', op ? '/docProps/app.xml' : 'docProps/app.xml'],
  ]));
  put('docProps/core.xml', XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>安监站</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2019-01-02T08:00:00Z</dcterms:created></cp:coreProperties>');
  const app =
    d === 'excel'
      ? '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="6" baseType="lpstr"><vt:lpstr>安排表</vt:lpstr><vt:lpstr>检查记录</vt:lpstr><vt:lpstr>备注</vt:lpstr><vt:lpstr>内部</vt:lpstr><vt:lpstr>安排表!Print_Area</vt:lpstr><vt:lpstr>领导名单</vt:lpstr></vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>'
      : lo
        ? '<Template></Template><TotalTime>3</TotalTime><Application>LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2</Application><AppVersion>15.0000</AppVersion>'
        : '<Application>Microsoft Excel</Application><AppVersion>3.1</AppVersion>';
  put('docProps/app.xml', XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' + app + '</Properties>');

  // Entry order as the programs write it: content types first (Excel and openpyxl), the rest by part.
  return buildZip(files.map((f) => ({ name: f.name, data: f.data })));
}
