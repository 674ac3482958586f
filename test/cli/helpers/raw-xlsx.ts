/**
 * Builds .xlsx packages part by part, the way programs other than ExcelJS write them: inline or
 * shared strings, the 1904 date system, formulas with or without cached results, and parts that
 * ExcelJS cannot carry (charts, pivot tables, macros, …). Tests use it to prove the reader copes
 * with files we never wrote ourselves and that nothing is dropped silently.
 */
import JSZip from 'jszip';

export type RawCell =
  | { t: 'n'; v: number; date?: boolean }
  | { t: 's'; v: string }
  | { t: 'inline'; v: string }
  | { t: 'rich'; runs: string[] }
  | { t: 'b'; v: boolean }
  | { t: 'e'; v: string }
  | { t: 'f'; f: string; v?: string | number; type?: 'str' | 'n' | 'e' | 'b'; date?: boolean };

/** A plain string is a shared string (or inline, per the options), a number is a number. */
export type RawValue = string | number | boolean | null | RawCell;

export interface RawSheet {
  name: string;
  rows: RawValue[][];
  /** 1-based row of rows[0]; default 1. */
  firstRow?: number;
  merges?: string[];
  cols?: Array<{ min: number; max: number; width: number }>;
  state?: 'hidden' | 'veryHidden';
}

export interface RawOptions {
  date1904?: boolean;
  strings?: 'shared' | 'inline';
  /** Leave out styles.xml entirely (some writers do). Dates then cannot be marked. */
  noStyles?: boolean;
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Its own copy, not src/core's: the hand-built packages must not share the code they test. */
export function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Builds a complete package from sheets of raw cells. */
export async function buildRawXlsx(sheets: RawSheet[], options: RawOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const inline = options.strings === 'inline';
  const sst = (s: string) => {
    if (!sharedIndex.has(s)) {
      sharedIndex.set(s, shared.length);
      shared.push(s);
    }
    return sharedIndex.get(s)!;
  };
  const dateStyle = options.noStyles ? '' : ' s="1"';

  const cellXml = (ref: string, value: RawValue): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') {
      return inline
        ? `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(value)}</t></is></c>`
        : `<c r="${ref}" t="s"><v>${sst(value)}</v></c>`;
    }
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    switch (value.t) {
      case 'n':
        return `<c r="${ref}"${value.date ? dateStyle : ''}><v>${value.v}</v></c>`;
      case 's':
        return `<c r="${ref}" t="s"><v>${sst(value.v)}</v></c>`;
      case 'inline':
        return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(value.v)}</t></is></c>`;
      case 'rich':
        return `<c r="${ref}" t="inlineStr"><is>${value.runs.map((r, i) => `<r>${i % 2 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${esc(r)}</t></r>`).join('')}</is></c>`;
      case 'b':
        return `<c r="${ref}" t="b"><v>${value.v ? 1 : 0}</v></c>`;
      case 'e':
        return `<c r="${ref}" t="e"><v>${esc(value.v)}</v></c>`;
      case 'f': {
        const t = value.type && value.type !== 'n' ? ` t="${value.type}"` : '';
        const v = value.v === undefined ? '' : `<v>${esc(String(value.v))}</v>`;
        return `<c r="${ref}"${value.date ? dateStyle : ''}${t}><f>${esc(value.f)}</f>${v}</c>`;
      }
    }
  };

  const sheetEntries: string[] = [];
  const wbRels: string[] = [];
  const overrides: string[] = [];
  sheets.forEach((sheet, i) => {
    const first = sheet.firstRow || 1;
    const rowsXml = sheet.rows
      .map((cells, r) => {
        const inner = cells.map((v, c) => cellXml(columnLetters(c + 1) + (first + r), v)).join('');
        return inner ? `<row r="${first + r}">${inner}</row>` : '';
      })
      .join('');
    const cols = sheet.cols && sheet.cols.length
      ? '<cols>' + sheet.cols.map((c) => `<col min="${c.min}" max="${c.max}" width="${c.width}" customWidth="1"/>`).join('') + '</cols>'
      : '';
    const merges = sheet.merges && sheet.merges.length
      ? `<mergeCells count="${sheet.merges.length}">` + sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('') + '</mergeCells>'
      : '';
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${cols}<sheetData>${rowsXml}</sheetData>${merges}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    );
    const state = sheet.state ? ` state="${sheet.state}"` : '';
    sheetEntries.push(`<sheet name="${esc(sheet.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`);
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
  });

  let next = sheets.length + 1;
  if (!options.noStyles) {
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    );
    wbRels.push(`<Relationship Id="rId${next++}" Type="${REL}styles" Target="styles.xml"/>`);
    overrides.push('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>');
  }
  if (shared.length > 0) {
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${shared.length}" uniqueCount="${shared.length}">` +
        shared.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('') + '</sst>',
    );
    wbRels.push(`<Relationship Id="rId${next++}" Type="${REL}sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
  }
  const pr = options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>';
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">${pr}<bookViews><workbookView/></bookViews><sheets>${sheetEntries.join('')}</sheets></workbook>`,
  );
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join('')}</Relationships>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------------------------------------
// Parts ExcelJS cannot carry, added to an existing package (any writer's).

async function sheetPath(zip: JSZip, index: number): Promise<string> {
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const sheetTags = wb.match(/<sheet [^>]*>/g) || [];
  const rid = /r:id="([^"]+)"/.exec(sheetTags[index])![1];
  const target = new RegExp(`<Relationship[^>]*Id="${rid}"[^>]*>`).exec(rels)![0];
  const t = /Target="([^"]+)"/.exec(target)![1];
  return t.startsWith('/') ? t.slice(1) : 'xl/' + t;
}

async function addRel(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const f = zip.file(relsPath);
  let xml = f
    ? await f.async('string')
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const id = 'rIdX' + ((xml.match(/<Relationship /g) || []).length + 1);
  xml = xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`);
  zip.file(relsPath, xml);
  return id;
}

async function addOverride(zip: JSZip, part: string, contentType: string): Promise<void> {
  let xml = await zip.file('[Content_Types].xml')!.async('string');
  xml = xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
  zip.file('[Content_Types].xml', xml);
}

/** Inserts an element into a worksheet before the first of the given later elements. */
async function insertIntoSheet(zip: JSZip, path: string, element: string, before: string[]): Promise<void> {
  let xml = await zip.file(path)!.async('string');
  let at = -1;
  for (const tag of before) {
    const i = xml.indexOf('<' + tag);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = xml.lastIndexOf('</worksheet>');
  xml = xml.slice(0, at) + element + xml.slice(at);
  zip.file(path, xml);
}

function relsOf(path: string): string {
  const i = path.lastIndexOf('/');
  return path.slice(0, i) + '/_rels/' + path.slice(i + 1) + '.rels';
}

export interface Extras {
  /** A bar chart on the sheet with this index (0-based). */
  chartOnSheet?: number;
  /** A text box shape on the sheet with this index. */
  shapeOnSheet?: number;
  /** A pivot table on the sheet with this index. */
  pivotOnSheet?: number;
  /** A threaded comment on A1 of the sheet with this index. */
  threadedCommentOnSheet?: number;
  /** A sparkline group (extLst) on the sheet with this index. */
  sparklineOnSheet?: number;
  vba?: boolean;
  externalLink?: boolean;
  customXml?: boolean;
  webExtension?: boolean;
  /** A defined name that is a constant, not a range. */
  constantName?: boolean;
}

const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Adds the requested parts to a package and returns the new bytes. */
export async function addExtras(buffer: Buffer, extras: Extras): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  if (extras.chartOnSheet !== undefined || extras.shapeOnSheet !== undefined) {
    const idx = extras.chartOnSheet !== undefined ? extras.chartOnSheet : extras.shapeOnSheet!;
    const sheet = await sheetPath(zip, idx);
    // A sheet has at most one drawing part: add to the one it has (e.g. ExcelJS's for an image).
    const sheetRels = zip.file(relsOf(sheet));
    const relsXml = sheetRels ? await sheetRels.async('string') : '';
    const current = /<Relationship [^>]*Type="[^"]*\/drawing"[^>]*Target="([^"]+)"/.exec(relsXml) ||
      /<Relationship [^>]*Target="([^"]+)"[^>]*Type="[^"]*\/drawing"/.exec(relsXml);
    const existing = Object.keys(zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).length;
    const drawing = current ? 'xl/drawings/' + current[1].split('/').pop() : `xl/drawings/drawing${existing + 1}.xml`;
    const anchors: string[] = [];
    if (extras.chartOnSheet !== undefined) {
      zip.file(
        'xl/charts/chart1.xml',
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sheet1!$B$1:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
      );
      await addOverride(zip, 'xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
      const cid = await addRel(zip, relsOf(drawing), REL + 'chart', '../charts/chart1.xml');
      anchors.push(
        `<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${cid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
      );
    }
    if (extras.shapeOnSheet !== undefined) {
      anchors.push(
        `<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>24</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>备注</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor>`,
      );
    }
    if (current) {
      const xml = await zip.file(drawing)!.async('string');
      zip.file(drawing, xml.replace(/<\/(\w+:)?wsDr>/, (end) => anchors.join('') + end));
    } else {
      zip.file(
        drawing,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`,
      );
      await addOverride(zip, drawing, 'application/vnd.openxmlformats-officedocument.drawing+xml');
      const did = await addRel(zip, relsOf(sheet), REL + 'drawing', '../drawings/' + drawing.split('/').pop());
      await insertIntoSheet(zip, sheet, `<drawing r:id="${did}"/>`, AFTER_DRAWING);
    }
  }
  if (extras.pivotOnSheet !== undefined) {
    const sheet = await sheetPath(zip, extras.pivotOnSheet);
    zip.file('xl/pivotCache/pivotCacheDefinition1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Sheet1"/></cacheSource><cacheFields count="1"><cacheField name="a" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`);
    zip.file('xl/pivotTables/pivotTable1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="${NS_MAIN}" name="数据透视表1" cacheId="1" dataCaption="值"><location ref="H1:I3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`);
    await addRel(zip, 'xl/pivotTables/_rels/pivotTable1.xml.rels', REL + 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml');
    await addRel(zip, relsOf(sheet), REL + 'pivotTable', '../pivotTables/pivotTable1.xml');
    const cid = await addRel(zip, 'xl/_rels/workbook.xml.rels', REL + 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml');
    let wb = await zip.file('xl/workbook.xml')!.async('string');
    wb = wb.replace(/(<\/sheets>(?:<definedNames>.*?<\/definedNames>)?(?:<calcPr[^>]*\/>)?)/, `$1<pivotCaches><pivotCache cacheId="1" r:id="${cid}"/></pivotCaches>`);
    zip.file('xl/workbook.xml', wb);
    await addOverride(zip, 'xl/pivotCache/pivotCacheDefinition1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml');
    await addOverride(zip, 'xl/pivotTables/pivotTable1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
  }
  if (extras.threadedCommentOnSheet !== undefined) {
    const sheet = await sheetPath(zip, extras.threadedCommentOnSheet);
    zip.file('xl/threadedComments/threadedComment1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="A1" dT="2019-08-03T10:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>请核实日期</text></threadedComment></ThreadedComments>`);
    await addRel(zip, relsOf(sheet), 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml');
    await addOverride(zip, 'xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml');
  }
  if (extras.sparklineOnSheet !== undefined) {
    const sheet = await sheetPath(zip, extras.sparklineOnSheet);
    let xml = await zip.file(sheet)!.async('string');
    const ext = `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>Sheet1!A2:C2</xm:f><xm:sqref>D2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
    const inner = ext.slice('<extLst>'.length, -'</extLst>'.length);
    xml = xml.includes('<extLst>') ? xml.replace('<extLst>', '<extLst>' + inner) : xml.replace('</worksheet>', ext + '</worksheet>');
    zip.file(sheet, xml);
  }
  if (extras.vba) {
    zip.file('xl/vbaProject.bin', Buffer.from('not really VBA, but the part is what counts'));
    await addRel(zip, 'xl/_rels/workbook.xml.rels', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');
  }
  if (extras.externalLink) {
    zip.file('xl/externalLinks/externalLink1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>`);
    await addRel(zip, 'xl/externalLinks/_rels/externalLink1.xml.rels', REL + 'externalLinkPath', 'other.xlsx');
    await addRel(zip, 'xl/_rels/workbook.xml.rels', REL + 'externalLink', 'externalLinks/externalLink1.xml');
    await addOverride(zip, 'xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml');
  }
  if (extras.customXml) {
    zip.file('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8"?><data>1</data>');
  }
  if (extras.webExtension) {
    zip.file('xl/webextensions/webextension1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{00000000-0000-0000-0000-000000000003}"><we:reference id="x" version="1.0.0.0" store="developer" storeType="Registry"/></we:webextension>`);
  }
  if (extras.constantName) {
    let wb = await zip.file('xl/workbook.xml')!.async('string');
    const name = '<definedName name="税率">0.05</definedName>';
    wb = wb.includes('<definedNames>')
      ? wb.replace('<definedNames>', '<definedNames>' + name)
      : wb.replace('</sheets>', '</sheets><definedNames>' + name + '</definedNames>');
    zip.file('xl/workbook.xml', wb);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
