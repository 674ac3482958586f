/**
 * The reader's last line of defence: a worksheet ExcelJS leaves out (here, one stored as
 * `xl/worksheets/aug2.xml` with the package repairs switched off) must stop the check with a
 * message naming it, never give results that silently miss its rows.
 */
import JSZip from 'jszip';
import { CliError } from '../../src/cli/errors';
import { loadWorkbook } from '../../src/cli/read-xlsx';
import { buildRawXlsx } from './helpers/raw-xlsx';

jest.mock('../../src/cli/normalise', () => ({ normalisePackage: async () => false }));

test('a sheet ExcelJS leaves out stops the check with a message saying which', async () => {
  const zip = await JSZip.loadAsync(
    await buildRawXlsx([
      { name: '安排表', rows: [['带队领导', '检查范围'], ['郭环球', '全镇']] },
      { name: '检查记录', rows: [['检查日期', '带队领导'], [43680, '郭环球']] },
    ]),
  );
  zip.file('xl/worksheets/aug2.xml', await zip.file('xl/worksheets/sheet2.xml')!.async('string'));
  zip.remove('xl/worksheets/sheet2.xml');
  for (const path of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
    zip.file(path, (await zip.file(path)!.async('string')).replace('sheet2.xml', 'aug2.xml'));
  }
  const error = await loadWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), 'x.xlsx').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  expect((error as CliError).zh).toBe(
    '工作簿“x.xlsx”中的工作表“检查记录”无法读取（文件内部结构不标准）。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查。',
  );
  expect((error as CliError).en).toBe('These worksheets could not be read: 检查记录');
});
