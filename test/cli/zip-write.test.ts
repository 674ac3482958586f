/**
 * The native-zlib zip writer: what JSZip reads back is what was put in (names, order, bytes),
 * tiny parts are stored, big ones deflated, and the portable CRC-32 agrees with zlib's.
 */
import zlib from 'node:zlib';
import fc from 'fast-check';
import JSZip from 'jszip';
import { crc32, crc32Portable, zipWithZlib } from '../../src/cli/zip-write';

/** Method of each entry, read from the central directory. */
function methods(bytes: Buffer): Record<string, number> {
  const out: Record<string, number> = {};
  let p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(p + 10);
  p = bytes.readUInt32LE(p + 16);
  for (let i = 0; i < count; i++) {
    const nameLength = bytes.readUInt16LE(p + 28);
    const name = bytes.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    out[name] = bytes.readUInt16LE(p + 10);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return out;
}

const BIG_XML = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(5000);

describe('zipWithZlib', () => {
  const cases: Array<[string, Record<string, string | Buffer>, Record<string, number>]> = [
    ['one empty file', { 'a.txt': '' }, { 'a.txt': 0 }],
    ['a tiny part is stored', { '[Content_Types].xml': '<x/>' }, { '[Content_Types].xml': 0 }],
    ['a big part is deflated', { 'xl/worksheets/sheet1.xml': BIG_XML }, { 'xl/worksheets/sheet1.xml': 8 }],
    ['Chinese names are UTF-8', { 'xl/media/检查记录.txt': '熊  丹'.repeat(100) }, { 'xl/media/检查记录.txt': 8 }],
    ['binary data', { 'xl/media/image1.png': Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)) }, { 'xl/media/image1.png': 8 }],
    [
      'several parts keep their order',
      { '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'xl/workbook.xml': BIG_XML },
      { '[Content_Types].xml': 0, '_rels/.rels': 0, 'xl/workbook.xml': 8 },
    ],
  ];
  test.each(cases)('%s', async (_name, files, expectedMethods) => {
    const zip = new JSZip();
    for (const name in files) zip.file(name, files[name]);
    const bytes = await zipWithZlib(zip);
    expect(bytes).not.toBeNull();
    expect(methods(bytes!)).toEqual(expectedMethods);
    const back = await JSZip.loadAsync(bytes!, { checkCRC32: true });
    expect(Object.keys(back.files).filter((n) => !back.files[n].dir)).toEqual(Object.keys(files));
    for (const name in files) {
      const want = typeof files[name] === 'string' ? Buffer.from(files[name] as string, 'utf8') : (files[name] as Buffer);
      expect(Buffer.compare(await back.files[name].async('nodebuffer'), want)).toBe(0);
    }
  });

  test('folders are left out, as Excel writes packages', async () => {
    const zip = new JSZip();
    zip.folder('xl')!.file('workbook.xml', '<workbook/>');
    const back = await JSZip.loadAsync((await zipWithZlib(zip))!);
    expect(Object.keys(back.files)).toEqual(['xl/workbook.xml']);
  });
});

describe('crc32', () => {
  test.each([
    ['empty', '', 0],
    ['"123456789" (the standard check value)', '123456789', 0xcbf43926],
  ])('%s', (_name, text, value) => {
    expect(crc32Portable(Buffer.from(text))).toBe(value);
    expect(crc32(Buffer.from(text))).toBe(value);
  });

  test('the portable CRC-32 equals zlib’s for any bytes', () => {
    const native = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        const portable = crc32Portable(data);
        expect(portable).toBe(crc32(data));
        if (native) expect(portable).toBe(native(data) >>> 0);
      }),
      { numRuns: 200 },
    );
  });
});
