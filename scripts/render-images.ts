/**
 * Makes the README pictures from the demo's real output, not by hand:
 *   docs/images/summary.png  the summary sheet 履职汇总 2019-08
 *   docs/images/log.png      the coloured inspection log 检查记录
 *
 * Runs the demo check in process (same arguments as `npm run demo`) into a temporary folder,
 * writes a copy of the result that shows only the sheet to show (the others hidden: LibreOffice prints every visible sheet),
 * prints it to PDF with LibreOffice headless, rasterises the first page with pdftoppm, trims the
 * white margin and saves a PNG. Needs libreoffice-calc, poppler-utils and fonts-noto-cjk.
 *
 * Usage: npx tsx scripts/render-images.ts   (not part of npm test: it needs LibreOffice)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { zlibCodec } from '../src/cli/zlib-codec';
import { inflateEntry, openZip } from '../src/xlsx/zip/read';
import { writeZip } from '../src/xlsx/zip/write';
import type { OutEntry } from '../src/xlsx/zip/write';

const ROOT = path.join(__dirname, '..');
const SAMPLE = path.join(ROOT, 'samples', '大栗港镇-2019.xlsx');
const IMAGES = path.join(ROOT, 'docs', 'images');
const DPI = 110;

/**
 * A copy of the workbook that shows only one sheet, so LibreOffice prints just that: the other
 * sheets are marked hidden in xl/workbook.xml (LibreOffice prints no hidden sheet) and the one to
 * show is the active tab. Every other part is copied as it is (the result is the patched package,
 * not an ExcelJS rewrite, which would drop the chart and the summary's print settings).
 */
function onlySheet(source: string, sheet: string, target: string): void {
  const zip = openZip(new Uint8Array(fs.readFileSync(source)), path.basename(source));
  const entry = zip.byName.get('xl/workbook.xml');
  if (!entry) throw new Error('no xl/workbook.xml in ' + source);
  let xml = Buffer.from(inflateEntry(zip, entry, zlibCodec, source)).toString('utf8');
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  let index = -1;
  let position = 0;
  xml = xml.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const name = decode((/\sname="([^"]*)"/.exec(tag) || ['', ''])[1]);
    const bare = tag.replace(/\sstate="[^"]*"/, '');
    if (name === sheet) index = position;
    position++;
    return name === sheet ? bare : bare.replace(/\/>$/, ' state="hidden"/>');
  });
  if (index < 0) throw new Error('no sheet ' + sheet + ' in ' + source);
  xml = xml.replace(/<workbookView\b[^>]*?\/>/, (tag) => tag.replace(/\s(activeTab|firstSheet)="[^"]*"/g, '').replace(/\/>$/, ' activeTab="' + index + '" firstSheet="' + index + '"/>'));
  const entries: OutEntry[] = zip.entries.map((e) =>
    e === entry ? { kind: 'data', name: e.name, data: new Uint8Array(Buffer.from(xml, 'utf8')), time: e.time, date: e.date, like: e } : { kind: 'copy', from: zip, entry: e },
  );
  fs.writeFileSync(target, writeZip(entries, zlibCodec));
}

function toPdf(xlsx: string, work: string): string {
  const profile = path.join(work, 'lo-profile');
  execFileSync(
    'soffice',
    ['-env:UserInstallation=file://' + profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, xlsx],
    { stdio: 'pipe', timeout: 180000 },
  );
  const pdf = path.join(work, path.basename(xlsx).replace(/\.xlsx$/, '.pdf'));
  if (!fs.existsSync(pdf)) throw new Error('LibreOffice wrote no PDF for ' + xlsx);
  return pdf;
}

interface Pixmap {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel. */
  data: Buffer;
}

/** First page of a PDF as pixels (pdftoppm writes binary PPM). */
function rasterise(pdf: string, work: string): Pixmap {
  const prefix = path.join(work, path.basename(pdf, '.pdf'));
  execFileSync('pdftoppm', ['-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', pdf, prefix], { stdio: 'pipe' });
  const ppm = fs.readFileSync(prefix + '.ppm');
  // Header: P6 <w> <h> <max>\n, separated by white space.
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(ppm[at]))) at++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(ppm[at]))) token += String.fromCharCode(ppm[at++]);
    fields.push(token);
  }
  at++;
  if (fields[0] !== 'P6' || fields[3] !== '255') throw new Error('unexpected PPM from pdftoppm');
  return { width: +fields[1], height: +fields[2], data: ppm.subarray(at) };
}

/** Cuts the white page margin, keeping a small border. */
function trim(img: Pixmap, border = 16): Pixmap {
  let top = img.height, bottom = -1, left = img.width, right = -1;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (img.data[i] < 245 || img.data[i + 1] < 245 || img.data[i + 2] < 245) {
        if (y < top) top = y;
        if (y > bottom) bottom = y;
        if (x < left) left = x;
        if (x > right) right = x;
      }
    }
  }
  if (bottom < 0) return img;
  top = Math.max(0, top - border);
  left = Math.max(0, left - border);
  bottom = Math.min(img.height - 1, bottom + border);
  right = Math.min(img.width - 1, right + border);
  const width = right - left + 1;
  const height = bottom - top + 1;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    img.data.copy(data, y * width * 3, ((top + y) * img.width + left) * 3, ((top + y) * img.width + right + 1) * 3);
  }
  return { width, height, data };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A plain 8-bit RGB PNG. */
function encodePng(img: Pixmap): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(img.width, 0);
  header.writeUInt32BE(img.height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc((img.width * 3 + 1) * img.height);
  for (let y = 0; y < img.height; y++) {
    rows[y * (img.width * 3 + 1)] = 0; // filter: none
    img.data.copy(rows, y * (img.width * 3 + 1) + 1, y * img.width * 3, (y + 1) * img.width * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders one sheet of a workbook to a PNG file. */
export async function render(workbook: string, sheet: string, target: string, work: string): Promise<string> {
  const copy = path.join(work, path.basename(target, '.png') + '.xlsx');
  onlySheet(workbook, sheet, copy);
  fs.writeFileSync(target, encodePng(trim(rasterise(toPdf(copy, work), work))));
  return target;
}

async function mainScript(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-images-'));
  try {
    const result = path.join(work, '大栗港镇-2019-检查结果.xlsx');
    const { run } = await import('../src/cli/main');
    const outcome = await run([SAMPLE, '--month', '2019-08', '--as-of', '2019-09-02', '--out', result], {
      stdout: () => undefined,
      cwd: ROOT,
    });
    if (outcome.exitCode !== 0 || !outcome.result) throw new Error('the demo check failed (exit ' + outcome.exitCode + ')');
    fs.mkdirSync(IMAGES, { recursive: true });
    const summary = await render(result, outcome.result.summary.sheetName, path.join(IMAGES, 'summary.png'), work);
    const log = await render(result, '检查记录', path.join(IMAGES, 'log.png'), work);
    process.stdout.write('已生成 ' + path.relative(ROOT, summary) + '、' + path.relative(ROOT, log) + '\n');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  mainScript().catch((error) => {
    process.stderr.write('生成图片失败：' + (error instanceof Error ? error.message : String(error)) + '\n');
    process.exitCode = 1;
  });
}
