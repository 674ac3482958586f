/**
 * The writer: fills on exactly the rows and columns asked, fonts kept except their colour, the
 * user's values untouched, and the summary sheet written as text, never as formulas.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { RowColour, SummaryLayout } from '../../src/core/types';
import { loadWorkbook } from '../../src/cli/read-xlsx';
import {
  applyRowColours,
  defaultFontOf,
  renderWorkbook,
  restoreInternalHyperlinks,
  textWidth,
  writeSummarySheet,
} from '../../src/cli/write-xlsx';
import { attributesOf } from '../../src/cli/ooxml';
import { buildRawXlsx } from './helpers/raw-xlsx';
import { fillOf, readBack, snapshotWorkbook } from './helpers/snapshot';

/** A log sheet as a clerk formats it: title merge, a shared body style, a bold cell, a formula. */
async function clerkWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('检查记录');
  ws.columns = [{ width: 6 }, { width: 14 }, { width: 12 }, { width: 20 }, { width: 9 }];
  ws.getCell('A1').value = '检查记录';
  ws.mergeCells('A1:D1');
  ws.getRow(2).values = ['序号', '检查日期', '带队领导', '检查地点'];
  for (let r = 3; r <= 6; r++) {
    ws.getRow(r).values = [r - 2, new Date(Date.UTC(2019, 7, r)), '郭环球', '刘家村'];
    for (let c = 1; c <= 4; c++) ws.getCell(r, c).font = { name: '宋体', size: 12, italic: true };
    ws.getCell(r, 2).numFmt = 'yyyy-mm-dd';
  }
  ws.getCell('C4').font = { name: '黑体', size: 14, bold: true };
  ws.getCell('E3').value = { formula: 'A3*2', result: 2 };
  ws.getCell('E5').value = '备注';
  ws.getRow(4).height = 30;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const row = (r: number, colour: RowColour['colour'], first = 1, last = 4): RowColour => ({
  sheet: '检查记录',
  row: r,
  firstColumn: first,
  lastColumn: last,
  status: colour === 'red' ? 'missing' : colour === 'orange' ? 'late' : 'ok',
  colour,
  rule: 'monthly-quota',
  rules: ['monthly-quota'],
  message: '',
});

describe('applyRowColours', () => {
  test('fills exactly the listed rows across firstColumn..lastColumn and nothing else', async () => {
    const loaded = await loadWorkbook(await clerkWorkbook(), 'x.xlsx');
    const font = await defaultFontOf(loaded.zip);
    const painted = applyRowColours(loaded.workbook, [row(3, 'red'), row(5, 'orange', 2, 3)], font);
    expect(painted).toBe(4 + 2);
    const out = await readBack((await renderWorkbook(loaded.workbook)).buffer);
    const ws = out.getWorksheet('检查记录')!;
    const fills: Record<string, string> = {};
    for (let r = 1; r <= 8; r++) {
      for (let c = 1; c <= 6; c++) {
        const f = fillOf(ws.getCell(r, c));
        if (f) fills[ws.getCell(r, c).address] = f;
      }
    }
    // Rows 4 and 6 share row 3's style in the file: ExcelJS shares the style object, so a naive
    // `cell.fill = …` would colour them too.
    expect(fills).toEqual({ A3: 'FFFFC7CE', B3: 'FFFFC7CE', C3: 'FFFFC7CE', D3: 'FFFFC7CE', B5: 'FFF8CBAD', C5: 'FFF8CBAD' });
  });

  test('the palette font colour replaces only the colour; bold, size, name and italics stay', async () => {
    const loaded = await loadWorkbook(await clerkWorkbook(), 'x.xlsx');
    applyRowColours(loaded.workbook, [row(4, 'red'), row(5, 'orange')], await defaultFontOf(loaded.zip));
    const ws = (await readBack((await renderWorkbook(loaded.workbook)).buffer)).getWorksheet('检查记录')!;
    expect(ws.getCell('C4').font).toMatchObject({ name: '黑体', size: 14, bold: true, color: { argb: 'FF9C0006' } });
    expect(ws.getCell('A4').font).toMatchObject({ name: '宋体', size: 12, italic: true, color: { argb: 'FF9C0006' } });
    // Orange has no font colour in the palette: the font is left exactly as it was.
    expect(ws.getCell('A5').font).toEqual({ name: '宋体', size: 12, italic: true });
    // A neighbouring row with the same original style keeps its font colour.
    expect(ws.getCell('A6').font.color).toBeUndefined();
  });

  test("a cell without a font of its own gets the workbook's default font plus the colour", async () => {
    const buffer = await buildRawXlsx([{ name: '检查记录', rows: [['a', 'b']] }]);
    const loaded = await loadWorkbook(buffer, 'x.xlsx');
    const font = await defaultFontOf(loaded.zip);
    expect(font).toEqual({ name: 'Calibri', size: 11 });
    applyRowColours(loaded.workbook, [row(1, 'green', 1, 3)], font);
    const ws = (await readBack((await renderWorkbook(loaded.workbook)).buffer)).getWorksheet('检查记录')!;
    for (const address of ['A1', 'B1', 'C1']) {
      expect(ws.getCell(address).font).toEqual({ name: 'Calibri', size: 11, color: { argb: 'FF006100' } });
      expect(fillOf(ws.getCell(address))).toBe('FFC6EFCE');
    }
    // The empty cell C1 got a fill, not a value.
    expect(ws.getCell('C1').value).toBeNull();
  });

  test('values, formulas, number formats, widths, heights and merges do not change', async () => {
    const input = await clerkWorkbook();
    const before = snapshotWorkbook(await readBack(input));
    const loaded = await loadWorkbook(input, 'x.xlsx');
    applyRowColours(loaded.workbook, [row(1, 'grey'), row(3, 'red'), row(4, 'yellow', 1, 5), row(6, 'green')], {});
    const after = snapshotWorkbook(await readBack((await renderWorkbook(loaded.workbook)).buffer));
    expect(after).toEqual(before);
  });
});

test('shared and array formulas as Excel writes them survive, with their cached results', async () => {
  const zip = await JSZip.loadAsync(await buildRawXlsx([{ name: '检查记录', rows: [[1, 2, 'X', 'Y'], [3, 4, 'X'], [5, 6, 'X']] }]));
  let i = 0;
  const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'))
    .replace(/<c r="C(\d)" t="s"><v>\d+<\/v><\/c>/g, (_m, r: string) =>
      i++ === 0 ? `<c r="C${r}"><f t="shared" ref="C1:C3" si="0">A${r}*2</f><v>2</v></c>` : `<c r="C${r}"><f t="shared" si="0"/><v>${+r * 2}</v></c>`)
    .replace(/<c r="D1" t="s"><v>\d+<\/v><\/c>/, '<c r="D1"><f t="array" ref="D1">SUM(A1:A3*B1:B3)</f><v>44</v></c>');
  zip.file('xl/worksheets/sheet1.xml', xml);
  const input = await zip.generateAsync({ type: 'nodebuffer' });
  const loaded = await loadWorkbook(input, 'x.xlsx');
  applyRowColours(loaded.workbook, [row(2, 'red')], {});
  const out = (await renderWorkbook(loaded.workbook)).buffer;
  const before = snapshotWorkbook(await readBack(input));
  expect(before[0].cells.C3.formula).toBe('A3*2');
  expect(snapshotWorkbook(await readBack(out))).toEqual(before);
  const outXml = await (await JSZip.loadAsync(out)).file('xl/worksheets/sheet1.xml')!.async('string');
  expect(outXml).toContain('<f t="shared" ref="C1:C3" si="0">A1*2</f><v>2</v>');
  expect(outXml).toContain('<f t="array" ref="D1">SUM(A1:A3*B1:B3)</f><v>44</v>');
  // The grid the core sees is the cached results.
  expect(loaded.input.sheets[0].values).toEqual([[1, 2, 2, 44], [3, 4, 4], [5, 6, 6]]);
});

const HOSTILE = ['=1+1', '+1', '-1', '@SUM(A1)', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")'];

function sampleLayout(): SummaryLayout {
  return {
    sheetName: '履职汇总 2019-08',
    values: [
      ['大栗港镇安全生产履职汇总（2019年8月）', '', ''],
      ['截至 2019-09-02', '', ''],
      ['带队领导', '应检次数', '说明'],
      [HOSTILE[0], 2, HOSTILE[1]],
      [HOSTILE[2], 1, HOSTILE[3]],
      [HOSTILE[4], 0, HOSTILE[5]],
      ['第7行', '', '很长的说明文字，'.repeat(8)],
    ],
    columnWidths: [14, 10, 40],
    merges: [{ row: 0, column: 0, rows: 1, columns: 3 }, { row: 1, column: 0, rows: 1, columns: 3 }],
    styles: [
      { row: 0, column: 0, rows: 1, columns: 3, bold: true, fontSize: 16, align: 'center' },
      { row: 2, column: 0, rows: 1, columns: 3, bold: true, fill: '#DDEBF7', border: true, align: 'center' },
      { row: 3, column: 0, rows: 4, columns: 3, border: true, wrap: true },
      { row: 3, column: 2, rows: 1, columns: 1, fill: '#FFC7CE', font: '#9C0006' },
    ],
    links: [{ row: 6, column: 0, target: { sheet: "张三's 检查记录", row: 7 } }],
    printTitleRows: { first: 0, last: 2 },
    leaderTable: null,
    chartAnchor: { row: 8, column: 0 },
  };
}

async function sheetXml(buffer: Buffer, name: string): Promise<{ xml: string; rels: string; workbook: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const wbRels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const tag = new RegExp('<sheet [^>]*name="' + escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '"[^>]*>').exec(workbook);
  if (!tag) throw new Error('no sheet ' + name);
  const rid = /r:id="([^"]+)"/.exec(tag[0])![1];
  const target = new RegExp('<Relationship[^>]*Id="' + rid + '"[^>]*Target="([^"]+)"').exec(wbRels)![1];
  const path = 'xl/' + target.replace(/^\/?xl\//, '');
  const relsFile = zip.file(path.replace(/([^/]+)$/, '_rels/$1.rels'));
  return { xml: await zip.file(path)!.async('string'), rels: relsFile ? await relsFile.async('string') : '', workbook };
}

describe('writeSummarySheet', () => {
  async function write(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("张三's 检查记录").getCell('A7').value = '目标行';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const loaded = await loadWorkbook(buffer, 'x.xlsx');
    writeSummarySheet(loaded.workbook, sampleLayout(), await defaultFontOf(loaded.zip));
    return (await renderWorkbook(loaded.workbook)).buffer;
  }

  test('text is always text: no cell of the summary is a formula, whatever it starts with', async () => {
    const buffer = await write();
    const { xml } = await sheetXml(buffer, '履职汇总 2019-08');
    expect(xml).not.toMatch(/<f[\s>]/);
    const ws = (await readBack(buffer)).getWorksheet('履职汇总 2019-08')!;
    expect(ws.getCell('A4').value).toBe('=1+1');
    expect(ws.getCell('C4').value).toBe('+1');
    expect(ws.getCell('A5').value).toBe('-1');
    expect(ws.getCell('C5').value).toBe('@SUM(A1)');
    expect(ws.getCell('A6').value).toBe("=cmd|' /C calc'!A0");
    for (const address of ['A4', 'C4', 'A5', 'C5', 'A6', 'C6']) expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
    // Numbers stay numbers.
    expect(ws.getCell('B4').value).toBe(2);
    expect(ws.getCell('B6').value).toBe(0);
  });

  test('widths, merges, styles and print setup', async () => {
    const buffer = await write();
    const ws = (await readBack(buffer)).getWorksheet('履职汇总 2019-08')!;
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([14, 10, 40]);
    expect(Object.keys((ws as unknown as { _merges: object })._merges).sort()).toEqual(['A1', 'A2']);
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(fillOf(ws.getCell('B3'))).toBe('FFDDEBF7');
    expect(ws.getCell('B3').border.top).toMatchObject({ style: 'thin' });
    expect(fillOf(ws.getCell('C4'))).toBe('FFFFC7CE');
    expect(ws.getCell('C4').font.color).toEqual({ argb: 'FF9C0006' });
    expect(ws.getCell('C7').alignment).toMatchObject({ wrapText: true });
    // The long wrapped text gets a taller row so it prints whole.
    expect(ws.getRow(7).height).toBeGreaterThan(30);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

    const { xml, workbook } = await sheetXml(buffer, '履职汇总 2019-08');
    expect(xml).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>&apos;履职汇总 2019-08&apos;!\$1:\$3<\/definedName>/);
  });

  test('links go to the source row inside the workbook, with the sheet name quoted', async () => {
    const buffer = await write();
    const { xml, rels } = await sheetXml(buffer, '履职汇总 2019-08');
    const links = xml.match(/<hyperlink [^>]*\/>/g) || [];
    expect(links).toHaveLength(1);
    expect(links[0]).toContain('ref="A7"');
    expect(attributesOf(links[0] || '').location).toBe("'张三''s 检查记录'!A7");
    // No external relationship: Excel would try to open it as a file.
    expect(links[0]).not.toMatch(/r:id=/);
    expect(rels).not.toMatch(/hyperlink/);
    const ws = (await readBack(buffer)).getWorksheet('履职汇总 2019-08')!;
    expect(ws.getCell('A7').text).toBe('第7行');
  });

  test('an existing summary of the same name is replaced in place, never duplicated', async () => {
    const first = await write();
    const wb1 = await readBack(first);
    // Put another sheet after the summary, as a clerk might.
    wb1.addWorksheet('备注');
    const withExtra = Buffer.from(await wb1.xlsx.writeBuffer());
    const loaded = await loadWorkbook(withExtra, 'x.xlsx');
    const layout = sampleLayout();
    layout.values[1][0] = '第二次运行';
    const { replaced } = writeSummarySheet(loaded.workbook, layout, {});
    expect(replaced).toBe(true);
    const second = (await renderWorkbook(loaded.workbook)).buffer;
    const wb2 = await readBack(second);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(["张三's 检查记录", '履职汇总 2019-08', '备注']);
    expect(wb2.getWorksheet('履职汇总 2019-08')!.getCell('A2').value).toBe('第二次运行');
    const { workbook } = await sheetXml(second, '备注');
    expect(workbook.match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
  });
});

describe('the result opens on the summary', () => {
  test('the summary is the active tab and the only selected one (no accidental sheet group)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('安排表', { views: [{ tabSelected: true } as unknown as ExcelJS.WorksheetView] }).getCell('A1').value = 'x';
    wb.addWorksheet('检查记录', { views: [{ state: "frozen", ySplit: 2, tabSelected: true } as unknown as ExcelJS.WorksheetView] }).getCell('A1').value = 'y';
    wb.views = [{ x: 0, y: 0, width: 10000, height: 8000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    const loaded = await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    writeSummarySheet(loaded.workbook, sampleLayout(), {});
    const buffer = (await renderWorkbook(loaded.workbook)).buffer;
    const zip = await JSZip.loadAsync(buffer);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(attributesOf(/<workbookView [^>]*>/.exec(workbook)![0]).activeTab).toBe('2');
    const selected: string[] = [];
    for (const name of ['安排表', '检查记录', '履职汇总 2019-08']) {
      if (/<sheetView [^>]*tabSelected="1"/.test((await sheetXml(buffer, name)).xml)) selected.push(name);
    }
    expect(selected).toEqual(['履职汇总 2019-08']);
    // The frozen panes of the log stay.
    expect((await readBack(buffer)).getWorksheet('检查记录')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  });
});

describe('internal hyperlinks of the input', () => {
  test('a location-only link (as Excel writes a link to a cell) survives the round trip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').getCell('B2').value = '去检查记录';
    wb.addWorksheet('检查记录').getCell('A1').value = 'x';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    let xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    xml = xml.replace('<pageMargins', '<hyperlinks><hyperlink ref="B2" location="\'检查记录\'!A1" display="去检查记录"/></hyperlinks><pageMargins');
    zip.file('xl/worksheets/sheet1.xml', xml);
    const input = await zip.generateAsync({ type: 'nodebuffer' });

    const loaded = await loadWorkbook(input, 'x.xlsx');
    expect(await restoreInternalHyperlinks(loaded.workbook, loaded.zip)).toBe(1);
    const out = (await renderWorkbook(loaded.workbook)).buffer;
    const { xml: outXml, rels } = await sheetXml(out, '目录');
    const link = (outXml.match(/<hyperlink [^>]*>/g) || []).map(attributesOf);
    expect(link).toEqual([{ ref: 'B2', location: "'检查记录'!A1" }]);
    expect(outXml).not.toMatch(/<hyperlink [^>]*r:id=/);
    expect(rels).not.toMatch(/hyperlink/);
    expect((await readBack(out)).getWorksheet('目录')!.getCell('B2').text).toBe('去检查记录');
  });

  test('without the repair, ExcelJS drops it (so the repair is needed)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').getCell('B2').value = '去检查记录';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    let xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    xml = xml.replace('<pageMargins', '<hyperlinks><hyperlink ref="B2" location="目录!A1"/></hyperlinks><pageMargins');
    zip.file('xl/worksheets/sheet1.xml', xml);
    const loaded = await loadWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx');
    const out = (await renderWorkbook(loaded.workbook)).buffer;
    expect((await sheetXml(out, '目录')).xml).not.toMatch(/<hyperlink /);
  });
});

describe('textWidth', () => {
  test.each([
    ['abc', 3],
    ['郭环球', 6],
    ['（）', 4],
    ['A郭', 3],
    ['', 0],
  ])('%s is %d wide', (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});
