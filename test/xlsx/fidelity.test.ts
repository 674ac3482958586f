/**
 * Everything the input holds comes out: for a workbook with every kind of part (charts, pivot
 * tables and caches, comments with VML, data validation, conditional formats, sheet protection
 * with its hash and options, workbook protection, defined names and a print area, an external
 * link, custom XML, a theme, images, hidden sheets, macros), written as Excel, LibreOffice and
 * openpyxl write it, `duty-check`'s result is compared with the input part by part: every part
 * but the few the check changes is the same (the same compressed bytes even), and the changed
 * ones differ only where they may.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../src/cli/main';
import { Package } from '../../src/xlsx/opc';
import { fflateCodec } from '../../src/xlsx/zip/codec';
import { openZip, rawData } from '../../src/xlsx/zip/read';
import { fidelityWorkbook } from './helpers/writers';
import type { Dialect } from './helpers/writers';
import { withoutCellFormats } from './helpers/package';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-fidelity-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(bytes: Buffer): Package {
  const pkg = new Package(openZip(new Uint8Array(bytes), 'x'), fflateCodec, 'x');
  pkg.verifyAll();
  return pkg;
}

async function duty(input: string, output: string): Promise<{ code: number; json: any; stderr: string }> {
  let stderr = '';
  const json = output + '.json';
  const outcome = await run([input, '--month', '2019-08', '--as-of', '2019-09-02', '--out', output, '--json', json, '--force'], {
    stdout: () => undefined,
    stderr: (t) => (stderr += t),
    env: {},
    cwd: dir,
  });
  const jsonFile = path.join(dir, json);
  return { code: outcome.exitCode, json: fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : null, stderr };
}

/** The parts a check may change, and how: the sheets it colours, the package's bookkeeping. */
const MAY_CHANGE = new Set(['xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml']);
const COLOURED = new Set(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']);

const CASES: Array<[Dialect, boolean]> = [
  ['excel', false],
  ['excel', true],
  ['libreoffice', false],
  ['openpyxl', false],
];

describe.each(CASES)('a workbook as %s writes it (macros: %s)', (dialect, macros) => {
  const ext = macros ? '.xlsm' : '.xlsx';
  let input: Buffer;
  let output: Buffer;
  let result: { code: number; json: any; stderr: string };

  beforeAll(async () => {
    input = fidelityWorkbook({ dialect, macros });
    fs.writeFileSync(path.join(dir, dialect + ext), input);
    result = await duty(dialect + ext, dialect + '-out' + ext);
    if (result.code !== 0) throw new Error(result.stderr);
    output = fs.readFileSync(path.join(dir, dialect + '-out' + ext));
  });

  test('the check runs, colours rows of both sheets and reports nothing lost', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.json.lostParts).toEqual([]);
    expect(new Set(result.json.rows.map((r: { sheet: string }) => r.sheet))).toEqual(new Set(['安排表', '检查记录']));
  });

  test('every part the check does not change is the same, down to its compressed bytes', () => {
    const a = openZip(new Uint8Array(input), 'in');
    const b = openZip(new Uint8Array(output), 'out');
    const unchanged: string[] = [];
    for (const e of a.entries) {
      if (MAY_CHANGE.has(e.name) || COLOURED.has(e.name)) continue;
      const o = b.byName.get(e.name.toLowerCase());
      expect([e.name, !!o]).toEqual([e.name, true]);
      expect([e.name, o!.crc, o!.size]).toEqual([e.name, e.crc, e.size]);
      expect([e.name, Buffer.from(rawData(b, o!)).equals(Buffer.from(rawData(a, e)))]).toEqual([e.name, true]);
      unchanged.push(e.name);
    }
    // The kinds the issue lists are among them.
    for (const part of ['xl/charts/chart1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/theme/theme1.xml', 'xl/media/image1.png', 'xl/externalLinks/externalLink1.xml', 'customXml/item1.xml', 'xl/worksheets/sheet3.xml']) {
      expect(unchanged).toContain(part);
    }
    if (macros) expect(unchanged).toContain('xl/vbaProject.bin');
    expect(unchanged.some((p) => /comment/.test(p))).toBe(true);
    expect(unchanged.some((p) => /\.vml$/.test(p))).toBe(true);
  });

  test('in the coloured sheets only cell formats change: protection, validations, conditional formats, merges stay as written', () => {
    const a = open(input);
    const b = open(output);
    for (const part of COLOURED) {
      const before = a.text(part)!;
      const after = b.text(part)!;
      expect(after).not.toBe(before);
      expect(withoutCellFormats(after)).toBe(withoutCellFormats(before));
    }
    const schedule = b.text('xl/worksheets/sheet1.xml')!;
    expect(schedule.match(/<dataValidation /g)).toHaveLength(1);
    expect(schedule).toMatch(dialect === 'libreoffice' ? /<sheetProtection sheet="true" password="CC3D"/ : /<sheetProtection algorithmName="SHA-512" hashValue="[^"]+" saltValue="[^"]+" spinCount="100000"[^>]* formatCells="0"/);
  });

  test('the workbook part gains the summary sheet and nothing else changes', () => {
    const before = open(input).text('xl/workbook.xml')!;
    const after = open(output).text('xl/workbook.xml')!;
    expect(after.replace(/<sheet name="履职汇总 2019-08" sheetId="5" r:id="rId\d+"\/>/, '')).toBe(before);
    expect(after).toContain('<workbookProtection');
    expect(after).toContain('state="veryHidden"');
  });

  test('relationships and content types only gain entries; app.xml lists the new sheet where it lists sheets', () => {
    const a = open(input);
    const b = open(output);
    for (const part of ['xl/_rels/workbook.xml.rels', '[Content_Types].xml']) {
      const before = a.text(part)!;
      const after = b.text(part)!;
      for (const tag of before.match(/<(Relationship|Default|Override) [^>]*\/>/g)!) expect(after).toContain(tag);
    }
    const app = b.text('docProps/app.xml')!;
    if (dialect === 'excel') {
      expect(app).toContain('<vt:lpstr>内部</vt:lpstr><vt:lpstr>履职汇总 2019-08</vt:lpstr><vt:lpstr>安排表!Print_Area</vt:lpstr>');
      expect(app).toContain('<vt:i4>5</vt:i4>');
      expect(app).toContain('<vt:vector size="7" baseType="lpstr">');
    } else expect(app).toBe(a.text('docProps/app.xml'));
  });

  test('styles.xml only gains formats at its end', () => {
    const before = open(input).text('xl/styles.xml')!;
    const after = open(output).text('xl/styles.xml')!;
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs', 'dxfs', 'numFmts', 'cellStyles']) {
      const items = (xml: string) => (new RegExp('<' + list + '[^>]*>([\\s\\S]*?)</' + list + '>').exec(xml) || ['', ''])[1];
      expect([list, items(after).startsWith(items(before))]).toEqual([list, true]);
    }
  });

  test('the result keeps the macros only as .xlsm, and running again on it gives the same bytes', async () => {
    expect(open(output).text('[Content_Types].xml')).toContain(macros ? 'macroEnabled.main+xml' : 'sheet.main+xml');
    const again = await duty(dialect + '-out' + ext, dialect + '-again' + ext);
    expect(again.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, dialect + '-again' + ext)).equals(output)).toBe(true);
  });
});

test('a macro workbook is written as .xlsm by default, and a .xlsx name for it is refused', async () => {
  fs.writeFileSync(path.join(dir, '宏.xlsm'), fidelityWorkbook({ dialect: 'excel', macros: true }));
  let stderr = '';
  const io = { stdout: () => undefined, stderr: (t: string) => (stderr += t), env: {}, cwd: dir };
  expect((await run(['宏.xlsm', '--month', '2019-08', '--as-of', '2019-09-02'], io)).exitCode).toBe(0);
  expect(fs.existsSync(path.join(dir, '宏-检查结果.xlsm'))).toBe(true);
  expect((await run(['宏.xlsm', '--month', '2019-08', '--as-of', '2019-09-02', '--out', '宏2.xlsx'], io)).exitCode).toBe(2);
  expect(stderr).toMatch(/启用宏的工作簿，结果文件也必须以 \.xlsm 结尾/);
  expect(fs.existsSync(path.join(dir, '宏2.xlsx'))).toBe(false);
});
