/**
 * "Never drop silently": the census of the input package against the package we write.
 * Each case builds a package that has one kind of content, runs it through ExcelJS the way the
 * tool does, and checks what is reported. Cases where ExcelJS keeps the content prove the
 * comparison does not cry wolf.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { censusOf, compareCensus } from '../../src/cli/lost-parts';
import type { LostPart } from '../../src/cli/lost-parts';
import { loadWorkbook } from '../../src/cli/read-xlsx';
import { renderWorkbook, restoreInternalHyperlinks, writeSummarySheet } from '../../src/cli/write-xlsx';
import { addExtras } from './helpers/raw-xlsx';
import type { Extras } from './helpers/raw-xlsx';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function base(decorate?: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['a', 1, 2]);
  ws.addRow(['b', 3, 4]);
  ws.addRow(['c', 5, 6]);
  wb.addWorksheet('T').getCell('A1').value = 'x';
  if (decorate) await decorate(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the tool reports for this input, after a round trip through ExcelJS exactly as the CLI does it. */
async function lostFor(input: Buffer): Promise<LostPart[]> {
  const loaded = await loadWorkbook(input, 'x.xlsx');
  await restoreInternalHyperlinks(loaded.workbook, loaded.zip);
  const out = await renderWorkbook(loaded.workbook, { zip: loaded.zip, ownSheets: [] });
  return compareCensus(await censusOf(loaded.zip), await censusOf(out.zip));
}

const brief = (lost: LostPart[]) => lost.map((p) => [p.kind, p.sheet, p.count]);

describe('what ExcelJS cannot carry is reported', () => {
  const cases: Array<[string, Extras, Array<[string, string | null, number]>]> = [
    ['a chart', { chartOnSheet: 0 }, [['chart', 'Sheet1', 1]]],
    ['a text box', { shapeOnSheet: 0 }, [['shape', 'Sheet1', 1]]],
    ['a pivot table', { pivotOnSheet: 1 }, [['pivotTable', 'T', 1]]],
    ['a threaded comment', { threadedCommentOnSheet: 0 }, [['threadedComment', 'Sheet1', 1]]],
    ['sparklines', { sparklineOnSheet: 0 }, [['sparkline', 'Sheet1', 1]]],
    ['macros', { vba: true }, [['macros', null, 1]]],
    ['an external workbook link', { externalLink: true }, [['externalLink', null, 1]]],
    ['custom XML', { customXml: true }, [['customXml', null, 1]]],
    ['add-in task pane settings', { webExtension: true }, [['webExtension', null, 1]]],
  ];
  test.each(cases)('%s', async (_name, extras, expected) => {
    const input = await addExtras(await base(), extras);
    expect(brief(await lostFor(input))).toEqual(expected);
  });

  test('several at once, with Chinese and English names', async () => {
    const input = await addExtras(await base(), { chartOnSheet: 0, vba: true, pivotOnSheet: 1 });
    const lost = await lostFor(input);
    expect(brief(lost)).toEqual([
      ['macros', null, 1],
      ['chart', 'Sheet1', 1],
      ['pivotTable', 'T', 1],
    ]);
    expect(lost[1]).toMatchObject({ zh: '图表', en: 'charts' });
    expect(lost[2]).toMatchObject({ zh: '数据透视表', en: 'pivot tables' });
  });

  test('an image next to a chart: the image is kept, only the chart is reported', async () => {
    const input = await addExtras(
      await base((wb) => {
        const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
        wb.getWorksheet('Sheet1')!.addImage(id, 'E2:F4');
      }),
      { chartOnSheet: 0 },
    );
    expect(brief(await lostFor(input))).toEqual([['chart', 'Sheet1', 1]]);
  });
});

describe('what ExcelJS keeps is not reported', () => {
  const cases: Array<[string, string, (wb: ExcelJS.Workbook) => void | Promise<void>]> = [
    [
      'an image (addImage)',
      'image',
      (wb) => {
        const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
        wb.getWorksheet('Sheet1')!.addImage(id, 'E2:F4');
      },
    ],
    ['a note (comment)', 'comment', (wb) => { wb.getWorksheet('Sheet1')!.getCell('A1').note = '请核实'; }],
    [
      'data validation',
      'dataValidation',
      (wb) => { wb.getWorksheet('Sheet1')!.getCell('B1').dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] }; },
    ],
    [
      'conditional formatting',
      'conditionalFormat',
      (wb) => {
        wb.getWorksheet('Sheet1')!.addConditionalFormatting({
          ref: 'B1:B3',
          rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [2], priority: 1, style: { font: { bold: true } } }],
        });
      },
    ],
    ['merged cells', 'mergeCell', (wb) => { wb.getWorksheet('Sheet1')!.mergeCells('D5:E6'); }],
    ['an external hyperlink', 'hyperlink', (wb) => { wb.getWorksheet('Sheet1')!.getCell('A3').value = { text: '网站', hyperlink: 'https://example.com' }; }],
    ['an auto filter', 'autoFilter', (wb) => { wb.getWorksheet('Sheet1')!.autoFilter = 'A1:C3'; }],
    ['a table', 'table', (wb) => { wb.getWorksheet('Sheet1')!.addTable({ name: 'Tab1', ref: 'H1', columns: [{ name: 'x' }, { name: 'y' }], rows: [[1, 2]] }); }],
    ['sheet protection', 'sheetProtection', async (wb) => { await wb.getWorksheet('Sheet1')!.protect('', {}); }],
  ];
  test.each(cases)('%s', async (_name, kind, decorate) => {
    const input = await base(decorate);
    const census = await censusOf(await JSZip.loadAsync(input));
    // The feature is really in the input…
    expect(census.sheets.get('Sheet1')![kind]).toBeGreaterThan(0);
    // …and nothing is reported lost.
    expect(await lostFor(input)).toEqual([]);
  });

  test('a range name', async () => {
    const input = await base((wb) => { wb.definedNames.add("'Sheet1'!$A$1:$A$3", '名单'); });
    expect((await censusOf(await JSZip.loadAsync(input))).definedNames).toEqual(['名单']);
    expect(await lostFor(input)).toEqual([]);
  });

  test('a defined name that is a constant (ExcelJS drops it; the input names are put back)', async () => {
    const input = await addExtras(await base(), { constantName: true });
    expect((await censusOf(await JSZip.loadAsync(input))).definedNames).toEqual(['税率']);
    expect(await lostFor(input)).toEqual([]);
  });

  test('an internal hyperlink (location only) is kept thanks to the repair', async () => {
    const input = await base();
    const zip = await JSZip.loadAsync(input);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      '<pageMargins',
      '<hyperlinks><hyperlink ref="A2" location="T!A1"/></hyperlinks><pageMargins',
    );
    zip.file('xl/worksheets/sheet1.xml', xml);
    expect(await lostFor(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual([]);
  });

  test('an internal hyperlink on a formula cell cannot be repaired, and is reported', async () => {
    const input = await base((wb) => {
      wb.getWorksheet('Sheet1')!.getCell('D1').value = { formula: 'B1*2', result: 2 };
    });
    const zip = await JSZip.loadAsync(input);
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(
      '<pageMargins',
      '<hyperlinks><hyperlink ref="D1" location="T!A1"/></hyperlinks><pageMargins',
    );
    zip.file('xl/worksheets/sheet1.xml', xml);
    expect(brief(await lostFor(await zip.generateAsync({ type: 'nodebuffer' })))).toEqual([['hyperlink', 'Sheet1', 1]]);
  });
});

describe('the replaced summary sheet is not a loss', () => {
  test('a chart on the old summary sheet (drawn by the add-in) is not reported; one elsewhere is', async () => {
    const input = await addExtras(
      await base((wb) => {
        wb.addWorksheet('履职汇总 2019-08').getCell('A1').value = '旧汇总';
      }),
      { chartOnSheet: 2 },
    );
    const loaded = await loadWorkbook(input, 'x.xlsx');
    writeSummarySheet(
      loaded.workbook,
      { sheetName: '履职汇总 2019-08', values: [['新汇总']], columnWidths: [10], merges: [], styles: [], links: [], printTitleRows: null, leaderTable: null, chartAnchor: { row: 2, column: 0 } },
      {},
    );
    const out = await renderWorkbook(loaded.workbook);
    const before = await censusOf(loaded.zip);
    const after = await censusOf(out.zip);
    expect(compareCensus(before, after, ['履职汇总 2019-08'])).toEqual([]);
    expect(brief(compareCensus(before, after))).toEqual([['chart', '履职汇总 2019-08', 1]]);
  });

  test('a sheet missing from the output is reported as a whole sheet', async () => {
    const input = await base();
    const loaded = await loadWorkbook(input, 'x.xlsx');
    loaded.workbook.removeWorksheet(loaded.workbook.getWorksheet('T')!.id);
    const out = await renderWorkbook(loaded.workbook);
    expect(brief(compareCensus(await censusOf(loaded.zip), await censusOf(out.zip)))).toEqual([['sheet', 'T', 1]]);
  });
});

/** `base()` with these defined names in workbook.xml, and any sheets added first. */
async function withNames(names: string, decorate?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await base(decorate));
  const xml = (await zip.file('xl/workbook.xml')!.async('string')).replace(/<definedNames>[\s\S]*?<\/definedNames>/, '');
  zip.file('xl/workbook.xml', xml.replace('</sheets>', '</sheets><definedNames>' + names + '</definedNames>'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function outputNames(input: Buffer, change?: (wb: ExcelJS.Workbook) => void, ownSheets: string[] = []): Promise<string> {
  const loaded = await loadWorkbook(input, 'x.xlsx');
  if (change) change(loaded.workbook);
  const out = await renderWorkbook(loaded.workbook, { zip: loaded.zip, ownSheets });
  expect(compareCensus(await censusOf(loaded.zip), await censusOf(out.zip), ownSheets)).toEqual([]);
  const xml = await out.zip.file('xl/workbook.xml')!.async('string');
  const block = /<definedNames>([\s\S]*?)<\/definedNames>/.exec(xml);
  return block ? block[1] : '';
}

// ExcelJS's model has no sheet scope and no hidden flag: every autofilter's hidden name came out
// workbook-wide and visible, and was reported lost.
describe('defined names keep their sheet and their hidden flag', () => {
  const FILTER_0 = '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Sheet1!$A$1:$C$3</definedName>';
  const FILTER_1 = '<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">T!$A$1:$A$1</definedName>';
  const LOCAL = '<definedName name="名单" localSheetId="1">T!$A$1</definedName>';
  const GLOBAL = '<definedName name="名单">Sheet1!$A$1:$A$3</definedName>';
  test.each([
    ["an autofilter's hidden name", FILTER_0],
    ['the hidden names of two filtered sheets', FILTER_0 + FILTER_1],
    ["a sheet's own name beside a workbook name of the same name", GLOBAL + LOCAL],
    ['a constant and a formula', '<definedName name="税率">0.05</definedName><definedName name="合计">SUM(Sheet1!$B$1:$B$3)</definedName>'],
  ])('%s', async (_name, names) => {
    expect(await outputNames(await withNames(names))).toBe(names);
  });

  test('a sheet-scoped name follows its sheet when an earlier sheet is gone', async () => {
    const input = await withNames('<definedName name="区域" localSheetId="2" hidden="1">U!$A$1</definedName>', (wb) => {
      wb.addWorksheet('U').getCell('A1').value = 'u';
    });
    const names = await outputNames(input, (wb) => wb.removeWorksheet(wb.getWorksheet('T')!.id), ['T']);
    expect(names).toBe('<definedName name="区域" localSheetId="1" hidden="1">U!$A$1</definedName>');
  });

  test("the summary's own names come from the output; the replaced summary's are dropped", async () => {
    const input = await withNames(
      FILTER_0 + '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'履职汇总 2019-08\'!$1:$9</definedName>',
      (wb) => { wb.addWorksheet('履职汇总 2019-08').getCell('A1').value = '旧汇总'; },
    );
    const names = await outputNames(
      input,
      (wb) => {
        writeSummarySheet(
          wb,
          { sheetName: '履职汇总 2019-08', values: [['新汇总'], ['表头']], columnWidths: [10], merges: [], styles: [], links: [], printTitleRows: { first: 0, last: 1 }, leaderTable: null, chartAnchor: { row: 2, column: 0 } },
          {},
        );
      },
      ['履职汇总 2019-08'],
    );
    expect(names).toBe(FILTER_0 + '<definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;履职汇总 2019-08&apos;!$1:$2</definedName>');
  });
});
