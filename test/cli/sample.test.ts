/**
 * The committed sample workbook: built by scripts/make-sample.ts, reproducible byte for byte,
 * with the seed's schedule verbatim.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import { buildSampleBuffer, SAMPLE_PATH } from '../../scripts/make-sample';
import { readWorkbook } from '../../src/xlsx';
import { SEED_HEADER, SEED_ROWS, SEED_TITLE } from '../helpers/seed';

test('the script is deterministic and the committed file is its output', async () => {
  const a = await buildSampleBuffer();
  const b = await buildSampleBuffer();
  expect(a.equals(b)).toBe(true);
  expect(fs.readFileSync(SAMPLE_PATH).equals(a)).toBe(true);
});

test("the schedule sheet is the seed's attachment, verbatim", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SAMPLE_PATH) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('带队检查安排表')!;
  expect(ws.getCell('A1').value).toBe(SEED_TITLE);
  expect(ws.getCell('C1').isMerged).toBe(true);
  expect([1, 2, 3].map((c) => ws.getCell(2, c).value)).toEqual(SEED_HEADER);
  const rows = SEED_ROWS.map((_r, i) => [1, 2, 3].map((c) => ws.getCell(3 + i, c).value));
  expect(rows).toEqual(SEED_ROWS);
  // The line break in 秦尚's departments shows as one, because the cell wraps.
  expect(ws.getCell('B8').alignment).toMatchObject({ wrapText: true });
  expect(ws.actualColumnCount).toBe(3);
});

test('the sample has the sheets a clerk keeps, with real dates, text dates and the alias', async () => {
  const { input } = readWorkbook(new Uint8Array(fs.readFileSync(SAMPLE_PATH)), { fileName: 'sample' });
  expect(input.sheets.map((s) => s.name)).toEqual(['带队检查安排表', '检查记录', '会议记录', '述职报告', '规则设置']);
  const log = input.sheets[1];
  const dates = log.values.slice(2).map((r) => r[1]);
  expect(dates.filter((d) => d instanceof Date).length).toBeGreaterThan(25);
  expect(dates).toEqual(expect.arrayContaining(['2019年8月3日', '2019.8.5', '8月12日', '2019年8月32日']));
  const leaders = log.values.slice(2).map((r) => r[2]);
  expect(leaders).toEqual(expect.arrayContaining(['郭书记', '秦尚、高峻峰', '郭环球 熊丹', '熊  丹', '王建国']));
  const settings = input.sheets[4].values;
  expect(settings).toContainEqual(['别名', '郭书记=郭环球']);
});
