/**
 * The check that nothing was lost must be able to fail: given outputs that lack a part, a
 * comment, a validation, a sheet's hidden state or a defined name, it names each loss.
 */
import JSZip from 'jszip';
import { patchWorkbook, readWorkbook, verifyPatch } from '../../src/xlsx';
import { fidelityWorkbook } from './helpers/writers';

async function edited(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const input = fidelityWorkbook({ dialect: 'excel', macros: true });
const opened = readWorkbook(new Uint8Array(input), { fileName: 'x.xlsm' });
const outcome = patchWorkbook(opened, { rows: [], layout: null });
const brief = (lost: ReturnType<typeof verifyPatch>) => lost.map((p) => [p.kind, p.sheet, p.count]);

test('the patched output itself: nothing lost', () => {
  expect(verifyPatch(opened, outcome.bytes, outcome)).toEqual([]);
});

test.each<[string, (zip: JSZip) => Promise<void>, Array<[string, string | null, number]>]>([
  ['a part left out (the macros)', async (zip) => void zip.remove('xl/vbaProject.bin'), [['part', null, 1], ['macros', null, 1]]],
  ['a part changed (the chart)', async (zip) => void zip.file('xl/charts/chart1.xml', '<c:chartSpace/>'), [['part', null, 1]]],
  [
    'a data validation dropped from a sheet the patch may change',
    async (zip) => {
      // Pretend the schedule was a changed sheet: edit it and list it as changed below.
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, ''));
    },
    [['dataValidation', '安排表', 1]],
  ],
  [
    'a very hidden sheet made visible, a defined name and the workbook protection dropped',
    async (zip) => {
      const xml = await zip.file('xl/workbook.xml')!.async('string');
      zip.file('xl/workbook.xml', xml.replace(' state="veryHidden"', '').replace(/<definedName name="领导名单">[^<]*<\/definedName>/, '').replace(/<workbookProtection[^>]*\/>/, ''));
    },
    [['workbookProtection', null, 1], ['sheetState', '内部', 1], ['definedName', null, 1]],
  ],
])('%s is reported', async (_name, edit, expected) => {
  const output = await edited(outcome.bytes, edit);
  const claimed = { ...outcome, changed: outcome.changed.concat(['xl/worksheets/sheet1.xml', 'xl/workbook.xml']) };
  expect(brief(verifyPatch(opened, output, claimed))).toEqual(expected);
});
