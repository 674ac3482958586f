/**
 * The package without JSZip in between: ExcelJS's parts taken from its writer steps must be exactly
 * what its own `writeBuffer` puts in the zip (so an ExcelJS with another writer is noticed here),
 * the public path is taken when a step is missing, and parts of a read package are expanded by
 * Node's zlib to the same text JSZip gives.
 */
import * as fs from 'fs';
import * as path from 'path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbook } from '../../src/cli/read-xlsx';
import { applyRowColours, renderParts, renderWorkbook, writeSummarySheet } from '../../src/cli/write-xlsx';
import { packageFromParts, readPart, readPartBytes } from '../../src/cli/ooxml';
import { zipWithZlib } from '../../src/cli/zip-write';
import { checkWorkbook, layoutSummary } from '../../src/core';
import { readBack, snapshotWorkbook } from './helpers/snapshot';

const SAMPLE = path.join(__dirname, '..', '..', 'samples', '大栗港镇-2019.xlsx');
// A 1×1 PNG: ExcelJS writes images given as base64 through its base64 branch.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Workbooks that reach every kind of part ExcelJS writes: shared strings, styles, merges, links, media, tables. */
const WORKBOOKS: Array<[string, () => Promise<ExcelJS.Workbook>]> = [
  [
    'a checked sample with its summary sheet (colours, merges, internal links)',
    async () => {
      const loaded = await loadWorkbook(fs.readFileSync(SAMPLE), 'sample.xlsx');
      const outcome = checkWorkbook(loaded.input, { month: '2019-08', asOf: '2019-09-02' });
      if (!outcome.ok) throw new Error(outcome.error.message);
      applyRowColours(loaded.workbook, outcome.result.rows, {});
      writeSummarySheet(loaded.workbook, layoutSummary(outcome.result.summary), {});
      return loaded.workbook;
    },
  ],
  [
    'a picture given as base64, a table and an external link',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('检查记录');
      ws.addTable({ name: 'Log', ref: 'A1', columns: [{ name: '日期' }, { name: '带队领导' }], rows: [[new Date(Date.UTC(2019, 7, 1)), '熊  丹']] });
      ws.getCell('D1').value = { text: '镇政府', hyperlink: 'https://example.gov.cn/' };
      ws.addImage(wb.addImage({ base64: 'data:image/png;base64,' + PNG_BASE64, extension: 'png' }), 'F2:G4');
      return wb;
    },
  ],
  ['an empty workbook with one sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    return wb;
  }],
];

describe('renderParts', () => {
  test.each(WORKBOOKS)('%s: the same parts, in the same order, as ExcelJS writeBuffer', async (_name, make) => {
    const fromSteps = await renderParts(await make());
    expect(fromSteps).not.toBeNull();
    const viaZip = await JSZip.loadAsync(await (await make()).xlsx.writeBuffer());
    const names = Object.keys(viaZip.files).filter((n) => !viaZip.files[n].dir);
    expect(fromSteps!.map((p) => p.name)).toEqual(names);
    for (const part of fromSteps!) {
      const want = await viaZip.files[part.name].async('nodebuffer');
      const got = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : Buffer.from(part.data);
      // docProps/core.xml holds the time of writing: the two writes may be a second apart.
      if (part.name === 'docProps/core.xml') expect(got.toString().replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T')).toBe(want.toString().replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'T'));
      else expect(got.equals(want)).toBe(true);
    }
  });

  test.each(['prepareModel', 'addContentTypes', 'addWorksheets', 'addSharedStrings', 'addMedia', 'addWorkbook'])('without ExcelJS step %s: null', async (step) => {
    const wb = (await WORKBOOKS[0][1]()) as ExcelJS.Workbook;
    (wb.xlsx as unknown as Record<string, unknown>)[step] = undefined;
    expect(await renderParts(wb)).toBeNull();
  });

  test('when the steps are not there, renderWorkbook takes writeBuffer, with the same result', async () => {
    const expected = snapshotWorkbook(await readBack((await renderWorkbook(await WORKBOOKS[0][1]())).buffer));
    const wb = await WORKBOOKS[0][1]();
    const xlsx = wb.xlsx as unknown as Record<string, unknown>;
    // An ExcelJS whose writer has no such step, as far as renderParts can tell; its own write still works.
    const real = xlsx.addTables;
    let looks = 0;
    Object.defineProperty(xlsx, 'addTables', { configurable: true, get: () => (looks++ === 0 ? undefined : real) });
    const spy = jest.spyOn(wb.xlsx, 'writeBuffer');
    const out = await renderWorkbook(wb);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(snapshotWorkbook(await readBack(out.buffer))).toEqual(expected);
  });

  test('with the steps there, writeBuffer is not called', async () => {
    const wb = await WORKBOOKS[0][1]();
    const spy = jest.spyOn(wb.xlsx, 'writeBuffer');
    await renderWorkbook(wb);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('packageFromParts and readPartBytes', () => {
  const parts = [
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/worksheets/sheet1.xml', data: '<c><v>熊  丹</v></c>'.repeat(2000) },
    { name: 'xl/media/image1.png', data: Buffer.from(PNG_BASE64, 'base64') },
  ];

  test('texts are read back as given, without JSZip decoding them', async () => {
    const zip = packageFromParts(parts);
    const spy = jest.spyOn(zip.files['xl/worksheets/sheet1.xml'], 'async');
    expect(await readPart(zip, 'xl/worksheets/sheet1.xml')).toBe(parts[1].data);
    expect((await readPartBytes(zip, 'xl/worksheets/sheet1.xml'))!.equals(Buffer.from(parts[1].data as string, 'utf8'))).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  });

  test('binary parts come from the zip; a missing part is null', async () => {
    const zip = packageFromParts(parts);
    expect((await readPartBytes(zip, 'xl/media/image1.png'))!.equals(parts[2].data as Buffer)).toBe(true);
    expect(await readPartBytes(zip, 'xl/nothing.xml')).toBeNull();
  });

  test('zipped by zlib, JSZip reads back every part, in order, byte for byte', async () => {
    const back = await JSZip.loadAsync((await zipWithZlib(packageFromParts(parts)))!, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(parts.map((p) => p.name));
    for (const p of parts) {
      const want = typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
      expect((await back.files[p.name].async('nodebuffer')).equals(want)).toBe(true);
    }
  });
});

describe('readPart of a package read from bytes', () => {
  const texts: Array<[string, string]> = [
    ['ASCII XML', '<worksheet><sheetData/></worksheet>'.repeat(300)],
    ['Chinese and a byte-order mark', '\uFEFF<si><t>熊  丹 大栗港镇 加油站</t></si>'.repeat(300)],
    ['characters outside the BMP', '<t>𠀋𡈽</t>'.repeat(500)],
  ];

  async function packaged(text: string, compression: 'DEFLATE' | 'STORE'): Promise<JSZip> {
    const zip = new JSZip();
    zip.file('xl/part.xml', text);
    return JSZip.loadAsync(await zip.generateAsync({ type: 'nodebuffer', compression }));
  }

  test.each(texts)('%s, deflated: expanded by zlib to what JSZip decodes', async (_name, text) => {
    const spy = jest.spyOn(zlib, 'inflateRawSync');
    try {
      const zip = await packaged(text, 'DEFLATE');
      expect(await readPart(zip, 'xl/part.xml')).toBe(text);
      expect(await zip.file('xl/part.xml')!.async('string')).toBe(text);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  test.each(texts.concat([['empty', '']]))('%s, stored: decoded by JSZip', async (_name, text) => {
    const spy = jest.spyOn(zlib, 'inflateRawSync');
    try {
      expect(await readPart(await packaged(text, 'STORE'), 'xl/part.xml')).toBe(text);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test('a part replaced after reading the package is read as replaced', async () => {
    const zip = await packaged('<old/>'.repeat(100), 'DEFLATE');
    zip.file('xl/part.xml', '<new/>');
    expect(await readPart(zip, 'xl/part.xml')).toBe('<new/>');
  });
});
