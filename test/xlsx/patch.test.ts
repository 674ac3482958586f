/**
 * The patcher: fills on exactly the rows and columns asked, fonts kept except their colour, the
 * user's values and every other byte untouched, the summary sheet written as text with its chart,
 * a re-run giving the same bytes and giving a row that is no longer flagged its own format back.
 * Outputs are read back with ExcelJS (an independent reader) and as raw XML.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { RowColour, SummaryLayout } from '../../src/core/types';
import { rowHeights } from '../../src/core/layout';
import { patchWorkbook, readWorkbook } from '../../src/xlsx';
import type { PatchRequest } from '../../src/xlsx';
import { buildRawXlsx } from '../cli/helpers/raw-xlsx';
import { fillOf, readBack, snapshotWorkbook } from '../cli/helpers/snapshot';
import { parts, sheetPath, withoutCellFormats } from './helpers/package';

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

const row = (r: number, colour: RowColour['colour'], first = 1, last = 4, sheet = '检查记录'): RowColour => ({
  sheet,
  row: r,
  firstColumn: first,
  lastColumn: last,
  status: colour === 'red' ? 'missing' : colour === 'orange' ? 'late' : 'ok',
  colour,
  rule: 'monthly-quota',
  rules: ['monthly-quota'],
  message: '',
});

function patch(input: Buffer | Uint8Array, request: Partial<PatchRequest>): Buffer {
  const opened = readWorkbook(new Uint8Array(input), { fileName: 'x.xlsx' });
  return Buffer.from(patchWorkbook(opened, { rows: request.rows || [], layout: request.layout || null }).bytes);
}

describe('row colours', () => {
  test('fill exactly the listed rows across firstColumn..lastColumn and nothing else', async () => {
    const out = await readBack(patch(await clerkWorkbook(), { rows: [row(3, 'red'), row(5, 'orange', 2, 3)] }));
    const ws = out.getWorksheet('检查记录')!;
    const fills: Record<string, string> = {};
    for (let r = 1; r <= 8; r++) {
      for (let c = 1; c <= 6; c++) {
        const f = fillOf(ws.getCell(r, c));
        if (f) fills[ws.getCell(r, c).address] = f;
      }
    }
    // Rows 4 and 6 share row 3's format in the file: only row 3's cells get a new one.
    expect(fills).toEqual({ A3: 'FFFFC7CE', B3: 'FFFFC7CE', C3: 'FFFFC7CE', D3: 'FFFFC7CE', B5: 'FFF8CBAD', C5: 'FFF8CBAD' });
  });

  test('the palette font colour replaces only the colour; bold, size, name and italics stay', async () => {
    const ws = (await readBack(patch(await clerkWorkbook(), { rows: [row(4, 'red'), row(5, 'orange')] }))).getWorksheet('检查记录')!;
    expect(ws.getCell('C4').font).toMatchObject({ name: '黑体', size: 14, bold: true, color: { argb: 'FF9C0006' } });
    expect(ws.getCell('A4').font).toMatchObject({ name: '宋体', size: 12, italic: true, color: { argb: 'FF9C0006' } });
    // Orange has no font colour in the palette: the font is left exactly as it was.
    expect(ws.getCell('A5').font).toEqual({ name: '宋体', size: 12, italic: true });
    // The number format of a coloured date cell stays.
    expect(ws.getCell('B4').numFmt).toBe('yyyy-mm-dd');
  });

  test("a cell without a format of its own gets the workbook's default font plus the colour; an empty cell gets a format, not a value", async () => {
    const buffer = await buildRawXlsx([{ name: '检查记录', rows: [['a', 'b']] }]);
    const out = patch(buffer, { rows: [row(1, 'green', 1, 3)] });
    const ws = (await readBack(out)).getWorksheet('检查记录')!;
    for (const address of ['A1', 'B1', 'C1']) {
      expect(ws.getCell(address).font).toMatchObject({ name: 'Calibri', size: 11, color: { argb: 'FF006100' } });
      expect(fillOf(ws.getCell(address))).toBe('FFC6EFCE');
    }
    expect(ws.getCell('C1').value).toBeNull();
    const xml = (await parts(out)).get('xl/worksheets/sheet1.xml')!.toString();
    expect(xml).toMatch(/<c s="\d+" r="A1" t="s">.*<c s="\d+" r="B1" t="s">.*<\/c><c r="C1" s="\d+"\/><\/row>/);
  });

  test('values, formulas, number formats, widths, heights and merges do not change', async () => {
    const input = await clerkWorkbook();
    const before = snapshotWorkbook(await readBack(input));
    const out = patch(input, { rows: [row(1, 'grey'), row(3, 'red'), row(4, 'yellow', 1, 5), row(6, 'green')] });
    expect(snapshotWorkbook(await readBack(out))).toEqual(before);
  });

  test('only the s attributes of the coloured cells change in the sheet XML; no other part but styles.xml', async () => {
    const input = await clerkWorkbook();
    const out = patch(input, { rows: [row(3, 'red'), row(4, 'yellow', 1, 7), row(6, 'green')] });
    const a = await parts(input);
    const b = await parts(out);
    for (const [name, data] of a) {
      if (name === 'xl/styles.xml' || name === '[Content_Types].xml' || name === 'xl/_rels/workbook.xml.rels' || name === 'xl/workbook.xml') continue;
      if (name === 'xl/worksheets/sheet1.xml') {
        expect(withoutCellFormats(b.get(name)!.toString())).toBe(withoutCellFormats(data.toString()));
        expect(b.get(name)!.toString()).not.toBe(data.toString());
      } else expect([name, b.get(name)]).toEqual([name, data]);
    }
    // Row 4 is coloured to column G: E4 exists, F4 and G4 are added in order, after E4.
    const xml = b.get('xl/worksheets/sheet1.xml')!.toString();
    expect(xml).toMatch(/<c r="E4" s="\d+"\/><c r="F4" s="\d+"\/><c r="G4" s="\d+"\/><\/row>/);
  });

  test('styles.xml: every existing font, fill, border and cell format keeps its index and its text', async () => {
    const input = await clerkWorkbook();
    const out = patch(input, { rows: [row(3, 'red'), row(5, 'orange')] });
    const before = (await parts(input)).get('xl/styles.xml')!.toString();
    const after = (await parts(out)).get('xl/styles.xml')!.toString();
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs']) {
      const items = (xml: string) => {
        const m = new RegExp('<' + list + '[^>]*>([\\s\\S]*?)</' + list + '>').exec(xml);
        return m ? m[1] : '';
      };
      expect(items(after).startsWith(items(before))).toBe(true);
    }
    expect(after.length).toBeGreaterThan(before.length);
  });

  test('shared and array formulas as Excel writes them survive byte for byte', async () => {
    const zip = await JSZip.loadAsync(await buildRawXlsx([{ name: '检查记录', rows: [[1, 2, 'X', 'Y'], [3, 4, 'X'], [5, 6, 'X']] }]));
    let i = 0;
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string'))
      .replace(/<c r="C(\d)" t="s"><v>\d+<\/v><\/c>/g, (_m, r: string) =>
        i++ === 0 ? `<c r="C${r}"><f t="shared" ref="C1:C3" si="0">A${r}*2</f><v>2</v></c>` : `<c r="C${r}"><f t="shared" si="0"/><v>${+r * 2}</v></c>`)
      .replace(/<c r="D1" t="s"><v>\d+<\/v><\/c>/, '<c r="D1"><f t="array" ref="D1">SUM(A1:A3*B1:B3)</f><v>44</v></c>');
    zip.file('xl/worksheets/sheet1.xml', xml);
    const input = await zip.generateAsync({ type: 'nodebuffer' });
    const opened = readWorkbook(new Uint8Array(input), { fileName: 'x.xlsx' });
    expect(opened.input.sheets[0].values).toEqual([[1, 2, 2, 44], [3, 4, 4], [5, 6, 6]]);
    const out = Buffer.from(patchWorkbook(opened, { rows: [row(2, 'red')], layout: null }).bytes);
    const outXml = (await parts(out)).get('xl/worksheets/sheet1.xml')!.toString();
    expect(outXml).toContain('<f t="shared" ref="C1:C3" si="0">A1*2</f><v>2</v>');
    expect(outXml).toContain('<f t="array" ref="D1">SUM(A1:A3*B1:B3)</f><v>44</v>');
    expect(snapshotWorkbook(await readBack(out))).toEqual(snapshotWorkbook(await readBack(input)));
  });

  test('a sheet written with a namespace prefix (<x:c>) is coloured in its own prefix', async () => {
    const zip = await JSZip.loadAsync(await buildRawXlsx([{ name: 'S', rows: [['带队领导', '检查范围'], ['郭环球', 7]] }]));
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/styles.xml']) {
      const xml = await zip.file(part)!.async('string');
      zip.file(part, xml.replace(/<(\/?)(?![?!])([A-Za-z])/g, '<$1x:$2').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'));
    }
    const out = patch(await zip.generateAsync({ type: 'nodebuffer' }), { rows: [row(2, 'red', 1, 3, 'S')] });
    const p = await parts(out);
    expect(p.get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/<x:c r="C2" s="\d+"\/><\/x:row>/);
    expect(p.get('xl/styles.xml')!.toString()).toMatch(/<x:fill><x:patternFill patternType="solid"><x:fgColor rgb="FFFFC7CE"\/>/);
    // (ExcelJS cannot read prefixed sheets at all: the XML is the check here.)
    expect(p.get('xl/worksheets/sheet1.xml')!.toString()).toMatch(/<x:c r="A2" t="s" s="\d+">|<x:c s="\d+" r="A2" t="s">/);
  });

  test('a package without styles.xml gets one, and unstyled cells keep format 0', async () => {
    const input = await buildRawXlsx([{ name: 'S', rows: [['a'], ['b']] }], { noStyles: true });
    const out = patch(input, { rows: [row(2, 'yellow', 1, 2, 'S')] });
    const p = await parts(out);
    expect(p.get('xl/styles.xml')!.toString()).toMatch(/<cellXfs count="\d+"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/>/);
    expect(p.get('xl/_rels/workbook.xml.rels')!.toString()).toContain('Target="styles.xml"');
    const ws = (await readBack(out)).getWorksheet('S')!;
    expect(fillOf(ws.getCell('A1'))).toBeNull();
    expect(fillOf(ws.getCell('B2'))).toBe('FFFFEB9C');
  });
});

describe('running again', () => {
  test('on its own output, with the same check, gives the same bytes', async () => {
    const input = await clerkWorkbook();
    const request = { rows: [row(3, 'red'), row(4, 'yellow', 1, 7), row(6, 'green')], layout: sampleLayout() };
    const once = patch(input, request);
    expect(patch(once, request).equals(once)).toBe(true);
  });

  test('a row no longer flagged gets its own format back: with nothing to colour, every sheet is as it was', async () => {
    const input = await clerkWorkbook();
    const once = patch(input, { rows: [row(3, 'red'), row(4, 'yellow', 1, 7), row(6, 'green', 2, 9)] });
    const again = patch(once, { rows: [row(6, 'green', 2, 9)] });
    const a = await parts(input);
    const c = await parts(patch(again, { rows: [] }));
    expect(c.get('xl/worksheets/sheet1.xml')!.equals(a.get('xl/worksheets/sheet1.xml')!)).toBe(true);
    const ws = (await readBack(again)).getWorksheet('检查记录')!;
    expect(fillOf(ws.getCell('A3'))).toBeNull();
    expect(ws.getCell('A3').font).toEqual({ name: '宋体', size: 12, italic: true });
    expect(fillOf(ws.getCell('B6'))).toBe('FFC6EFCE');
  });

  test('the memory is a custom XML part listing each added format with its original', async () => {
    const out = await parts(patch(await clerkWorkbook(), { rows: [row(3, 'red')] }));
    const item = Array.from(out.keys()).find((k) => /^customXml\/item\d+\.xml$/.test(k))!;
    expect(out.get(item)!.toString()).toMatch(/<cellFormats xmlns="urn:anquan-lvzhi-jiancha:cell-formats:1"><xf i="\d+" base="\d+" how="attr" colour="red"\/>/);
    expect(out.get('[Content_Types].xml')!.toString()).toContain('customXmlProperties+xml');
  });

  test('a memory that no longer matches styles.xml (formats renumbered by another program) is not used', async () => {
    const once = await JSZip.loadAsync(patch(await clerkWorkbook(), { rows: [row(3, 'red')] }));
    const styles = await once.file('xl/styles.xml')!.async('string');
    // Another program drops the red fill: the memory's formats point at something else now.
    once.file('xl/styles.xml', styles.replace(/FFFFC7CE/g, 'FF00B0F0'));
    const opened = readWorkbook(new Uint8Array(await once.generateAsync({ type: 'nodebuffer' })), { fileName: 'x.xlsx' });
    const result = patchWorkbook(opened, { rows: [], layout: null });
    expect(result.memoryIgnored).toBe(true);
    // The cells keep what they have; nothing is restored from a memory that cannot be trusted.
    expect(fillOf((await readBack(Buffer.from(result.bytes))).getWorksheet('检查记录')!.getCell('A3'))).toBe('FF00B0F0');
  });

  test('property: for any sheet and any two checks, running on the result equals running on the input', async () => {
    const cell = fc.record({ present: fc.boolean(), styled: fc.boolean(), value: fc.boolean() });
    const sheet = fc.array(fc.record({ present: fc.boolean(), selfClosing: fc.boolean(), cells: fc.array(cell, { minLength: 0, maxLength: 6 }) }), { minLength: 1, maxLength: 6 });
    const plan = fc.array(fc.record({ row: fc.integer({ min: 1, max: 7 }), first: fc.integer({ min: 1, max: 3 }), width: fc.integer({ min: 0, max: 4 }), colour: fc.constantFrom('red', 'orange', 'green', 'grey') as fc.Arbitrary<RowColour['colour']> }), { maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(sheet, plan, plan, async (rows, p1, p2) => {
        const input = await sheetPackage(rows);
        const toRows = (p: typeof p1) => {
          const seen = new Map<number, RowColour>();
          for (const x of p) seen.set(x.row, row(x.row, x.colour, x.first, x.first + x.width, 'S'));
          return Array.from(seen.values());
        };
        const first = patch(input, { rows: toRows(p1) });
        const direct = patch(input, { rows: toRows(p2) });
        const viaFirst = patch(first, { rows: toRows(p2) });
        const sheetOf = async (b: Buffer) => (await parts(b)).get('xl/worksheets/sheet1.xml')!.toString();
        // The sheet after the second check is the same whether the first ran or not (the format
        // numbers may differ: the first run's formats stay in styles.xml), and running it again
        // changes nothing.
        expect(withoutCellFormats(await sheetOf(viaFirst))).toBe(withoutCellFormats(await sheetOf(direct)));
        expect(patch(viaFirst, { rows: toRows(p2) }).equals(viaFirst)).toBe(true);
        // And with nothing to colour, the sheet is the input's, byte for byte.
        expect(await sheetOf(patch(viaFirst, { rows: [] }))).toBe(await sheetOf(input));
      }),
      { numRuns: 60 * Number(process.env.FUZZ_RUNS_SCALE || 1), seed: 20190802 },
    );
  });
});

/** A one-sheet package whose rows and cells exist or not, with or without formats, as the arbitrary says. */
async function sheetPackage(rows: Array<{ present: boolean; selfClosing: boolean; cells: Array<{ present: boolean; styled: boolean; value: boolean }> }>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildRawXlsx([{ name: 'S', rows: [['x']] }]));
  let data = '';
  rows.forEach((r, i) => {
    if (!r.present) return;
    const cells = r.cells
      .map((c, j) => (c.present ? '<c r="' + String.fromCharCode(65 + j) + (i + 1) + '"' + (c.styled ? ' s="1"' : '') + (c.value ? '><v>' + j + '</v></c>' : '/>') : ''))
      .join('');
    data += r.selfClosing && !cells ? '<row r="' + (i + 1) + '" ht="20" customHeight="1"/>' : '<row r="' + (i + 1) + '">' + cells + '</row>';
  });
  const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData>' + data + '</sheetData>');
  zip.file('xl/worksheets/sheet1.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const HOSTILE = ['=1+1', '+1', '-1', '@SUM(A1)', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")'];

function sampleLayout(): SummaryLayout {
  const layout: Omit<SummaryLayout, 'rowHeights'> & { rowHeights?: number[] } = {
    sheetName: '履职汇总 2019-08',
    values: [
      ['大栗港镇安全生产履职汇总（2019年8月）', '', ''],
      ['截至 2019-09-02', '', ''],
      ['带队领导', '应检次数', '实检次数'],
      [HOSTILE[0], 2, 1],
      [HOSTILE[2], 1, 1],
      [HOSTILE[4], 0, 3],
      ['第7行\u0007铃', '', '很长的说明文字，'.repeat(8) + '_x0041_'],
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
    leaderTable: { headerRow: 2, firstRow: 3, lastRow: 5, nameColumn: 0, requiredColumn: 1, doneColumn: 2 },
    chartAnchor: { row: 8, column: 0 },
    print: { firstPageNumber: 1, centerFooter: '第 &P 页，共 &N 页' },
  };
  return { ...layout, rowHeights: rowHeights(layout.values, layout.columnWidths, layout.merges, layout.styles) };
}

describe('the summary sheet', () => {
  async function write(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("张三's 检查记录").getCell('A7').value = '目标行';
    return patch(Buffer.from(await wb.xlsx.writeBuffer()), { layout: sampleLayout() });
  }

  test('text is always text: no cell of the summary is a formula, whatever it starts with; control characters escaped as Excel does', async () => {
    const buffer = await write();
    const all = await parts(buffer);
    const xml = all.get(sheetPath(all, '履职汇总 2019-08'))!.toString();
    expect(xml).not.toMatch(/<f[\s>]/);
    expect(xml).toContain('第7行_x0007_铃');
    expect(xml).toContain('_x005F_x0041_');
    const ws = (await readBack(buffer)).getWorksheet('履职汇总 2019-08')!;
    expect(ws.getCell('A4').value).toBe('=1+1');
    expect(ws.getCell('A5').value).toBe('-1');
    expect(ws.getCell('A6').value).toBe("=cmd|' /C calc'!A0");
    for (const address of ['A4', 'A5', 'A6']) expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
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
    expect(ws.getRow(7).height).toBeGreaterThan(30);
    // Every row at the layout's height (core/layout.ts rowHeights), a one-line row included.
    const layout = sampleLayout();
    expect(layout.values.map((_r, i) => ws.getRow(i + 1).height)).toEqual(layout.rowHeights);
    expect(ws.getRow(3).height).toBeLessThan(20);
    // Printed with page numbers of its own.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, firstPageNumber: 1 });
    const all = await parts(buffer);
    const sheetXml = all.get(sheetPath(all, '履职汇总 2019-08'))!.toString();
    expect(sheetXml).toMatch(/<pageSetup [^>]*useFirstPageNumber="1"/);
    expect(sheetXml).toContain('<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>');
    expect(sheetXml.match(/<row [^>]*>/g)!.every((tag) => / ht="\d+" customHeight="1"/.test(tag))).toBe(true);
    expect(all.get('xl/workbook.xml')!.toString()).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">'履职汇总 2019-08'!\$1:\$3<\/definedName>/);
  });

  test('links go to the source row inside the workbook (a location, no relationship)', async () => {
    const all = await parts(await write());
    const path = sheetPath(all, '履职汇总 2019-08');
    const links = all.get(path)!.toString().match(/<hyperlink [^>]*\/>/g) || [];
    expect(links).toHaveLength(1);
    expect(links[0]).toContain('ref="A7"');
    expect(links[0]).toContain('location="\'张三\'\'s 检查记录\'!A7"');
    expect(links[0]).not.toMatch(/r:id=/);
    expect(all.get(path.replace(/([^/]+)$/, '_rels/$1.rels'))!.toString()).not.toMatch(/hyperlink/);
  });

  test('the bar chart of 应检 against 实检 per leader, as the add-in draws it', async () => {
    const all = await parts(await write());
    const chart = all.get('xl/charts/chart1.xml')!.toString();
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain("<c:f>'履职汇总 2019-08'!$B$3</c:f>");
    expect(chart).toContain("<c:f>'履职汇总 2019-08'!$A$4:$A$6</c:f>");
    expect(chart).toContain("<c:f>'履职汇总 2019-08'!$C$4:$C$6</c:f>");
    expect(chart).toContain('应检次数与实检次数（按带队领导）');
    const drawing = all.get('xl/drawings/drawing1.xml')!.toString();
    expect(drawing).toContain('<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>8</xdr:row>');
    expect(all.get('[Content_Types].xml')!.toString()).toContain('/xl/charts/chart1.xml');
  });

  test('not the selected tab (the clerk\'s selected sheet stays selected: no sheet group), and app.xml lists it', async () => {
    const all = await parts(await write());
    const xml = all.get(sheetPath(all, '履职汇总 2019-08'))!.toString();
    expect(xml).not.toContain('tabSelected');
  });

  test('an existing summary of the same name is replaced in place, with its chart; never duplicated', async () => {
    const first = await write();
    const wb1 = await readBack(first);
    wb1.addWorksheet('备注');
    // ExcelJS drops the chart on re-save: add the sheet to the package by hand instead.
    const zip = await JSZip.loadAsync(first);
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', workbook.replace('</sheets>', '<sheet name="备注" sheetId="9" r:id="rId99"/></sheets>'));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>'));
    zip.file('xl/worksheets/sheet9.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
    const withExtra = await zip.generateAsync({ type: 'nodebuffer' });
    const layout = sampleLayout();
    layout.values[1][0] = '第二次运行';
    const opened = readWorkbook(new Uint8Array(withExtra), { fileName: 'x.xlsx' });
    const result = patchWorkbook(opened, { rows: [], layout });
    expect(result.summaryReplaced).toBe(true);
    const second = Buffer.from(result.bytes);
    const wb2 = await readBack(second);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(["张三's 检查记录", '履职汇总 2019-08', '备注']);
    expect(wb2.getWorksheet('履职汇总 2019-08')!.getCell('A2').value).toBe('第二次运行');
    const all = await parts(second);
    expect(all.get('xl/workbook.xml')!.toString().match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
    expect(Array.from(all.keys()).filter((k) => /^xl\/charts\//.test(k))).toEqual(['xl/charts/chart1.xml']);
    expect(Array.from(all.keys()).filter((k) => /^xl\/drawings\/drawing/.test(k))).toEqual(['xl/drawings/drawing1.xml']);
    expect(all.get('[Content_Types].xml')!.toString().match(/chart1\.xml/g)).toHaveLength(1);
  });
});
