/**
 * The streaming reader turns workbooks written by any program into the grids of `range.values`.
 * Packages are built part by part here (inline strings, shared strings, 1904 dates, formulas
 * without cached results, prefixed namespaces, parts under other names) because Excel, WPS,
 * LibreOffice and openpyxl do not write files the way ExcelJS does. (Ported from the ExcelJS
 * reader's tests: the same packages must give the same grids.)
 */
import ExcelJS from 'exceljs';
import { readWorkbook, patchWorkbook, XlsxRefusal } from '../../src/xlsx';
import { serialFromIso } from '../../src/xlsx/read/dates';
import { buildRawXlsx } from '../cli/helpers/raw-xlsx';
import type { RawSheet } from '../cli/helpers/raw-xlsx';
import JSZip from 'jszip';

/** The reader as the tests call it: bytes in, the grids (and the package) out. */
async function loadWorkbook(buffer: Buffer, name: string) {
  const opened = readWorkbook(new Uint8Array(buffer), { fileName: name });
  return { input: opened.input, opened };
}

/** The patched result of a package with nothing to colour and no summary, read again. */
async function roundTrip(opened: ReturnType<typeof readWorkbook>) {
  const out = patchWorkbook(opened, { rows: [], layout: null });
  return loadWorkbook(Buffer.from(out.bytes), 'y.xlsx');
}

const utcDay = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('loadWorkbook on packages written by other programs', () => {
  test('inline strings, shared strings, numbers, booleans, errors, formulas, rich text', async () => {
    const buffer = await buildRawXlsx(
      [
        {
          name: '检查记录',
          rows: [
            ['检查日期', { t: 'inline', v: '带队领导' }, '地点'],
            [{ t: 'n', v: 43680, date: true }, { t: 'inline', v: '熊  丹' }, { t: 'rich', runs: ['刘家', '村'] }],
            [{ t: 'e', v: '#N/A' }, { t: 'f', f: 'B2', v: '熊  丹', type: 'str' }, { t: 'f', f: 'NOW()' }],
            [{ t: 'b', v: true }, 7, { t: 'f', f: 'A2', v: 43681, date: true }],
          ],
        },
      ],
      { strings: 'shared' },
    );
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.date1904).toBe(false);
    expect(input.sheets).toHaveLength(1);
    const sheet = input.sheets[0];
    expect(sheet.firstRow).toBe(1);
    expect(sheet.firstColumn).toBe(1);
    expect(sheet.values).toEqual([
      ['检查日期', '带队领导', '地点'],
      [utcDay(2019, 8, 3), '熊  丹', '刘家村'],
      ['#N/A', '熊  丹'],
      [true, 7, utcDay(2019, 8, 4)],
    ]);
  });

  test('all strings inline (no sharedStrings part) and no styles part at all', async () => {
    const buffer = await buildRawXlsx(
      [{ name: 'S', rows: [['带队领导', '检查范围'], ['郭环球', '全镇辖区内'], [null, 43680]] }],
      { strings: 'inline', noStyles: true },
    );
    const zip = await JSZip.loadAsync(buffer);
    expect(zip.file('xl/sharedStrings.xml')).toBeNull();
    expect(zip.file('xl/styles.xml')).toBeNull();
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].values).toEqual([['带队领导', '检查范围'], ['郭环球', '全镇辖区内'], ['', 43680]]);
  });

  test('1904 date system: date-formatted cells become the right day, plain serials stay numbers and the flag is set', async () => {
    // In the 1904 system serial 42218 is 2019-08-03 (1462 days less than in the 1900 system).
    const buffer = await buildRawXlsx(
      [{ name: 'S', rows: [['日期', '数'], [{ t: 'n', v: 42218, date: true }, 42218]] }],
      { date1904: true },
    );
    const { input, opened } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.date1904).toBe(true);
    expect(input.sheets[0].values[1]).toEqual([utcDay(2019, 8, 3), 42218]);
    // And the result keeps the system: the round trip keeps the day.
    const again = await roundTrip(opened);
    expect(again.input.date1904).toBe(true);
    expect(again.input.sheets[0].values[1]).toEqual([utcDay(2019, 8, 3), 42218]);
  });

  test('the same day in the 1900 system', async () => {
    const buffer = await buildRawXlsx([{ name: 'S', rows: [[{ t: 'n', v: 43680, date: true }]] }]);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.date1904).toBe(false);
    expect(input.sheets[0].values).toEqual([[utcDay(2019, 8, 3)]]);
  });

  test('used range: title offset, ragged rows, merged cells show their value once', async () => {
    const buffer = await buildRawXlsx([
      {
        name: 'S',
        firstRow: 3,
        rows: [[null, '标题', '标题'], [null, '带队领导', '检查范围', null, '备注'], [null, '郭环球']],
        merges: ['B3:C3'],
      },
    ]);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    const sheet = input.sheets[0];
    expect(sheet.firstRow).toBe(3);
    expect(sheet.firstColumn).toBe(2);
    // C3 holds text in the file, but Excel shows merged areas by their top-left cell only.
    expect(sheet.values).toEqual([['标题'], ['带队领导', '检查范围', '', '备注'], ['郭环球']]);
    expect(sheet.merges).toEqual([{ row: 3, column: 2, rows: 1, columns: 2 }]);
  });

  test('merged areas are handed over in Excel coordinates, whatever their shape; none when there are none', async () => {
    const buffer = await buildRawXlsx([
      {
        name: 'S',
        rows: [['检查日期', '带队领导', '检查地点'], ['2019-08-06', '熊丹', '东村'], [null, null, '西村'], [null, null, '南村', '备注']],
        merges: ['A2:A4', 'B2:B3', 'C4:D5'],
      },
      { name: 'T', rows: [['a']] },
    ]);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    const byTop = (a: { row: number; column: number }, b: { row: number; column: number }) => a.row - b.row || a.column - b.column;
    expect(input.sheets[0].merges!.slice().sort(byTop)).toEqual([
      { row: 2, column: 1, rows: 3, columns: 1 },
      { row: 2, column: 2, rows: 2, columns: 1 },
      { row: 4, column: 3, rows: 2, columns: 2 },
    ]);
    // The merged cells stay empty in the grid, as range.values gives them.
    expect(input.sheets[0].values.slice(1)).toEqual([['2019-08-06', '熊丹', '东村'], ['', '', '西村'], ['', '', '南村']]);
    expect(input.sheets[1].merges).toBeUndefined();
  });

  test('hidden and very hidden sheets are read with their visibility; an empty sheet has no rows', async () => {
    const buffer = await buildRawXlsx([
      { name: 'A', rows: [['x']] },
      { name: 'B', rows: [['y']], state: 'hidden' },
      { name: 'C', rows: [['z']], state: 'veryHidden' },
      { name: 'D', rows: [] },
    ]);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['A', 'visible'],
      ['B', 'hidden'],
      ['C', 'veryHidden'],
      ['D', 'visible'],
    ]);
    expect(input.sheets[3].values).toEqual([]);
  });

  test('rows and cells without their optional r attribute (some writers leave it out)', async () => {
    const good = await buildRawXlsx([{ name: 'S', rows: [['带队领导', '检查范围'], ['郭环球', '全镇'], [null, null, 'x']] }]);
    const zip = await JSZip.loadAsync(good);
    let xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    // Row 2 keeps its number, row 3 loses it; B1 and A2 keep theirs, the rest lose theirs.
    xml = xml
      .replace('<row r="1">', '<row>')
      .replace('<row r="3">', '<row>')
      .replace(/<c r="(A1|B2|C3)"/g, '<c');
    zip.file('xl/worksheets/sheet1.xml', xml);
    expect(xml).not.toMatch(/r="(A1|B2|C3)"/);
    const { input } = await loadWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx');
    // A cell without r follows the previous cell of its row: row 3's only cell becomes A3.
    expect(input.sheets[0].values).toEqual([['带队领导', '检查范围'], ['郭环球', '全镇'], ['x']]);
  });

  test('the main namespace written with a prefix (<x:row>, as some .NET writers do)', async () => {
    const good = await buildRawXlsx([{ name: 'S', rows: [['带队领导', '检查范围'], ['郭环球', 7]] }]);
    const zip = await JSZip.loadAsync(good);
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']) {
      const xml = await zip.file(part)!.async('string');
      zip.file(
        part,
        xml
          .replace(/<(\/?)(?![?!])(?!r:)([A-Za-z])/g, '<$1x:$2')
          .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
      );
    }
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toContain('<x:row r="1">');
    const { input } = await loadWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx');
    expect(input.sheets.map((s) => [s.name, s.values])).toEqual([['S', [['带队领导', '检查范围'], ['郭环球', 7]]]]);
  });

  test('sheet names with quotes and brackets survive', async () => {
    const buffer = await buildRawXlsx([{ name: "O'Neil 记录【八月】(1)", rows: [['x']] }]);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].name).toBe("O'Neil 记录【八月】(1)");
  });
});

/** A raw package with its parts edited: `edit(path, xml)` returns the new text of each part. */
async function editedPackage(buffer: Buffer, edit: (path: string, xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const path of Object.keys(zip.files)) {
    if (!path.endsWith('.xml')) continue;
    const xml = await zip.file(path)!.async('string');
    const edited = edit(path, xml);
    if (edited !== xml) zip.file(path, edited);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

const utcTime = (y: number, m: number, d: number, h: number) => new Date(Date.UTC(y, m - 1, d, h));

describe('what other programs write legally but ExcelJS 4.4 misreads', () => {
  test.each([
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
  ])('date1904="%s" sets the date system (LibreOffice writes "true"), and the output keeps it', async (spelling, is1904) => {
    const raw = await buildRawXlsx([{ name: 'S', rows: [['日期'], [{ t: 'n', v: is1904 ? 42218 : 43680, date: true }]] }], { date1904: true });
    const buffer = await editedPackage(raw, (path, xml) => (path === 'xl/workbook.xml' ? xml.replace('date1904="1"', 'date1904="' + spelling + '"') : xml));
    const { input, opened } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.date1904).toBe(is1904);
    expect(input.sheets[0].values[1]).toEqual([utcDay(2019, 8, 3)]);
    const again = await roundTrip(opened);
    expect(again.input.date1904).toBe(is1904);
    expect(again.input.sheets[0].values[1]).toEqual([utcDay(2019, 8, 3)]);
  });

  // ISO date cells (t="d") are written by SheetJS and openpyxl; ExcelJS took 2019-08-03 for 2019.
  test.each<[string, boolean, string, boolean, unknown]>([
    ['a date-formatted date', false, '2019-08-03T00:00:00', true, utcDay(2019, 8, 3)],
    ['a date without a time', false, '2019-08-03', true, utcDay(2019, 8, 3)],
    ['a date and time', false, '2019-08-03T12:00:00Z', true, utcTime(2019, 8, 3, 12)],
    ['a date in a 1904 workbook', true, '2019-08-03', true, utcDay(2019, 8, 3)],
    ['an unformatted date: the serial Excel would show', false, '2019-08-03', false, 43680],
    ['text that is no date stays text (the check reports it)', false, '待补', true, '待补'],
  ])('t="d": %s', async (_name, date1904, iso, formatted, expected) => {
    const raw = await buildRawXlsx([{ name: 'S', rows: [['日期', '带队领导'], [{ t: 'n', v: 1, date: formatted }, '郭环球'], [5, '熊  丹']] }], { date1904 });
    const buffer = await editedPackage(raw, (path, xml) =>
      path === 'xl/worksheets/sheet1.xml' ? xml.replace(/<c r="A2"( s="1")?><v>1<\/v><\/c>/, '<c r="A2"$1 t="d"><v>' + iso + '</v></c>') : xml,
    );
    await expect((await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string')).resolves.toContain('t="d"><v>' + iso);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].values).toEqual([['日期', '带队领导'], [expected, '郭环球'], [5, '熊  丹']]);
  });

  test.each<[string, boolean, number | null]>([
    ['2019-08-03', false, 43680],
    ['2019-08-03T18:00:00', false, 43680.75],
    ['2019-08-03T00:00:00.000Z', false, 43680],
    ['1900-01-01', false, 1],
    ['1900-02-28', false, 59],
    ['1900-03-01', false, 61],
    ['1904-01-01', true, 0],
    ['2019-08-03', true, 42218],
    ['12:00:00', false, 0.5],
    ['T06:00', false, 0.25],
    ['2019-02-30', false, null],
    ['1899-01-01', false, null],
    ['2019年8月3日', false, null],
    ['', false, null],
  ])('serialFromIso(%s, 1904=%s) = %s', (text, date1904, serial) => {
    expect(serialFromIso(text, date1904)).toBe(serial);
  });

  test.each([
    ['a phonetic run and its properties', '<rPh sb="0" eb="2"><t>ちょう</t></rPh><phoneticPr fontId="1" type="noConversion"/>'],
    ['properties only', '<phoneticPr fontId="1"/>'],
    ['a run only', '<rPh sb="0" eb="1"><t>x</t></rPh>'],
  ])('an inline string with phonetic guides (%s) no longer loses the rest of the sheet', async (_name, guides) => {
    const raw = await buildRawXlsx([{ name: 'S', rows: [['带队领导', '检查范围'], ['张三', '全镇'], ['李四', '青山村'], ['王五', '白水村']] }], { strings: 'inline' });
    const buffer = await editedPackage(raw, (path, xml) =>
      path === 'xl/worksheets/sheet1.xml' ? xml.replace('<t xml:space="preserve">张三</t></is>', '<t xml:space="preserve">张三</t>' + guides + '</is>') : xml,
    );
    await expect((await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string')).resolves.toContain(guides);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].values).toEqual([['带队领导', '检查范围'], ['张三', '全镇'], ['李四', '青山村'], ['王五', '白水村']]);
  });

  test.each([
    [31, 'yyyy"年"m"月"d"日"'],
    [58, 'm"月"d"日"'],
    [57, 'yyyy"年"m"月"'],
  ])('the Chinese built-in date format %i, used without a definition, is read as a date and kept', async (id, code) => {
    const raw = await buildRawXlsx([{ name: 'S', rows: [['日期'], [{ t: 'n', v: 43680, date: true }]] }]);
    const buffer = await editedPackage(raw, (path, xml) => (path === 'xl/styles.xml' ? xml.replace('numFmtId="14"', 'numFmtId="' + id + '"') : xml));
    await expect((await JSZip.loadAsync(buffer)).file('xl/styles.xml')!.async('string')).resolves.not.toContain('<numFmt ');
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].values[1]).toEqual([utcDay(2019, 8, 3)]);
    // The result is the input package: styles.xml keeps the id as it was (Excel and WPS know it).
    void code;
  });

  test('a format the file defines itself decides (a number format that is no date stays a number)', async () => {
    const raw = await buildRawXlsx([{ name: 'S', rows: [['日期'], [{ t: 'n', v: 43680, date: true }]] }]);
    const buffer = await editedPackage(raw, (path, xml) =>
      path === 'xl/styles.xml'
        ? xml.replace('numFmtId="14"', 'numFmtId="31"').replace('<fonts', '<numFmts count="1"><numFmt numFmtId="31" formatCode="0.00"/></numFmts><fonts')
        : xml,
    );
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].values[1]).toEqual([43680]);
  });
});

/** Moves a part of a package; `edit` then fixes what names it (relationships, content types). */
async function movedPackage(buffer: Buffer, moves: Array<[string, string]>, edit: (path: string, xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const [from, to] of moves) {
    zip.file(to, await zip.file(from)!.async('string'));
    zip.remove(from);
  }
  for (const path of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(path)) continue;
    const xml = await zip.file(path)!.async('string');
    const edited = edit(path, xml);
    if (edited !== xml) zip.file(path, edited);
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

// Part names are free in the package format (the relationships say where each part is), but
// ExcelJS finds parts by Excel's names only: a sheet elsewhere was left out of the check silently.
describe('parts stored under other names than Excel gives them', () => {
  const TWO_SHEETS: RawSheet[] = [
    { name: '安排表', rows: [['带队领导', '检查范围'], ['郭环球', '全镇']] },
    { name: '检查记录', rows: [['检查日期', '带队领导'], [{ t: 'n', v: 43680, date: true }, '郭环球']] },
  ];
  const EXPECTED = [
    ['安排表', [['带队领导', '检查范围'], ['郭环球', '全镇']]],
    ['检查记录', [['检查日期', '带队领导'], [utcDay(2019, 8, 3), '郭环球']]],
  ];
  const renameTarget = (from: string, to: string) => (path: string, xml: string) =>
    path === 'xl/_rels/workbook.xml.rels' || path === '[Content_Types].xml' || path === '_rels/.rels' ? xml.split(from).join(to) : xml;
  test.each<[string, Array<[string, string]>, (path: string, xml: string) => string]>([
    ['one sheet under its own name', [['xl/worksheets/sheet2.xml', 'xl/worksheets/aug2.xml']], renameTarget('sheet2.xml', 'aug2.xml')],
    ['sheets with capitals', [['xl/worksheets/sheet1.xml', 'xl/worksheets/Sheet1.xml'], ['xl/worksheets/sheet2.xml', 'xl/worksheets/Sheet2.xml']], renameTarget('/sheet', '/Sheet')],
    ['targets written ./ and ../xl/', [], (path, xml) => (path === 'xl/_rels/workbook.xml.rels' ? xml.replace('Target="worksheets/sheet1.xml"', 'Target="./worksheets/sheet1.xml"').replace('Target="worksheets/sheet2.xml"', 'Target="../xl/worksheets/sheet2.xml"') : xml)],
    ['the workbook part as xl/book.xml', [['xl/workbook.xml', 'xl/book.xml'], ['xl/_rels/workbook.xml.rels', 'xl/_rels/book.xml.rels']], renameTarget('workbook.xml', 'book.xml')],
    ['shared strings as xl/SharedStrings.xml', [['xl/sharedStrings.xml', 'xl/SharedStrings.xml']], renameTarget('sharedStrings.xml', 'SharedStrings.xml')],
    ['a sheet in another folder', [['xl/worksheets/sheet2.xml', 'data/log.xml']], (path, xml) => (path === 'xl/_rels/workbook.xml.rels' ? xml.replace('Target="worksheets/sheet2.xml"', 'Target="../data/log.xml"') : renameTarget('/xl/worksheets/sheet2.xml', '/data/log.xml')(path, xml))],
  ])('%s', async (_name, moves, edit) => {
    const buffer = await movedPackage(await buildRawXlsx(TWO_SHEETS), moves, edit);
    const { input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets.map((s) => [s.name, s.values])).toEqual(EXPECTED);
  });

  test("a moved sheet keeps what its relationships point at (a note), and the output keeps it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('检查记录');
    ws.getCell('A1').value = '检查日期';
    ws.getCell('A1').note = '请核实';
    const original = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await JSZip.loadAsync(original);
    const rels = await before.file('xl/worksheets/_rels/sheet1.xml.rels')!.async('string');
    expect(rels).toContain('Target="../comments1.xml"');
    // Stored at the package root, its relationships are relative to the root.
    const buffer = await movedPackage(original, [['xl/worksheets/sheet1.xml', 'log.xml'], ['xl/worksheets/_rels/sheet1.xml.rels', '_rels/log.xml.rels']], (path, xml) => {
      if (path === '_rels/log.xml.rels') return xml.split('Target="../').join('Target="xl/');
      if (path === 'xl/_rels/workbook.xml.rels') return xml.replace('Target="worksheets/sheet1.xml"', 'Target="/log.xml"');
      return path === '[Content_Types].xml' ? xml.replace('/xl/worksheets/sheet1.xml', '/log.xml') : xml;
    });
    const { opened, input } = await loadWorkbook(buffer, 'x.xlsx');
    expect(input.sheets[0].values).toEqual([['检查日期']]);
    const out = await JSZip.loadAsync(patchWorkbook(opened, { rows: [], layout: null }).bytes);
    expect(await out.file('xl/comments1.xml')!.async('string')).toContain('请核实');
    expect(await out.file('_rels/log.xml.rels')!.async('string')).toContain('Target="xl/comments1.xml"');
  });
});

describe('readWorkbook refuses what is not a workbook', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['plain text', Buffer.from('日期,领导\n2019-08-03,郭环球\n'), /是 CSV 文本文件，不是 Excel 工作簿/],
    ['empty file', Buffer.alloc(0), /是空文件/],
    ['old .xls / encrypted (OLE compound file)', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), /旧版 \.xls/],
    ['truncated zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /不完整/],
  ];
  test.each(cases)('%s', async (_name, buffer, message) => {
    await expect(loadWorkbook(buffer, 'x.xlsx')).rejects.toThrow(XlsxRefusal);
    await expect(loadWorkbook(buffer, 'x.xlsx')).rejects.toThrow(message);
  });

  test('a zip that is not a workbook (e.g. a .docx)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(loadWorkbook(buffer, 'x.docx')).rejects.toThrow(/压缩包里没有 xl\/workbook\.xml/);
  });

  test('a Strict Open XML workbook gets a clear message', async () => {
    const good = await buildRawXlsx([{ name: 'S', rows: [['x']] }]);
    const zip = await JSZip.loadAsync(good);
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', xml.replace('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'));
    await expect(loadWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx')).rejects.toThrow(/Strict Open XML/);
  });

  test('a workbook whose sheet XML is broken', async () => {
    const good = await buildRawXlsx([{ name: 'S', rows: [['x']] }]);
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c r="A1" t="s"><v>');
    const buffer = await zip.generateAsync({ type: 'nodebuffer' });
    const error = await loadWorkbook(buffer, 'x.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxRefusal);
    // The clerk reads what to do, in Chinese; the reason is kept in English for developers only.
    expect((error as XlsxRefusal).zh).toBe('无法读取工作簿“x.xlsx”，文件可能已损坏。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查。');
    expect((error as XlsxRefusal).en).toMatch(/^Cannot read the workbook \(the file may be damaged\): ./);
  });
});
