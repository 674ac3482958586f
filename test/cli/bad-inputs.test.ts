/**
 * The command line as a clerk meets it (issue 18.8): a CSV, a web page saved as ".xls", an empty
 * or a cut-off file, and an output folder that cannot be written each get a message that says
 * what the file is and what to do, Chinese in the Chinese part and English in the English part
 * (the system's code, e.g. EACCES, only there), exit 2, and nothing written.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { errorLine } from '../../src/cli/errors';
import { main } from '../../src/cli/main';
import { readWorkbook, XlsxRefusal } from '../../src/xlsx';

// The module object itself (the `import *` above is a read-only view of it): what the CLI calls.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const nodeFs: typeof fs = require('fs');

const SAMPLE = path.resolve(__dirname, '..', '..', 'samples', '大栗港镇-2019.xlsx');
const AUGUST = ['--month', '2019-08', '--as-of', '2019-09-02'];

let dir: string;
const REPO = path.resolve(__dirname, '..', '..');
const TSX_CLI = require.resolve('tsx/cli', { paths: [REPO] });
const MAIN = path.join(REPO, 'src', 'cli', 'main.ts');
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-bad-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), now: () => new Date(2019, 8, 2), isTTY: false, env: {}, cwd: dir });
  return { code, stdout, stderr };
}

function listing(): string[] {
  return fs.readdirSync(dir).sort();
}

/** The one stderr line split into its Chinese and English parts; each in its own language. */
function parts(stderr: string): { zh: string; en: string } {
  const m = /^错误：(.*) Error: (.*)\n$/.exec(stderr);
  if (!m) throw new Error('not one line with both parts: ' + stderr);
  const zh = m[1];
  const en = m[2];
  // No system code or English sentence in the Chinese part (file names, .xlsx, Excel, WPS and --out are names).
  const latin = zh.replace(/“[^”]*”/g, '').replace(/\.xlsx|\.xls|\.csv|\.et|\.ods|Excel|WPS|CSV|HTML|XML|U 盘|--out|\d+/g, '');
  expect([zh, /[A-Za-z]{2,}/.test(latin)]).toEqual([zh, false]);
  // Paths are names too (a folder may be called 结果).
  expect([en, /[\u3400-\u9fff]/.test(en.replace(/\S*\/\S*/g, ''))]).toEqual([en, false]);
  return { zh, en };
}

describe('an input that is not a workbook says what it is and what to do', () => {
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const gbkCsv = Buffer.from([0xb4, 0xf8, 0xb6, 0xd3, 0x2c, 0xc8, 0xd5, 0xc6, 0xda, 0x0d, 0x0a, 0xb9, 0xf9, 0x2c, 0x32, 0x30, 0x31, 0x39, 0x0d, 0x0a]); // 带队,日期 / 郭,2019 in GBK
  const cases: Array<[string, string, Buffer, RegExp, RegExp]> = [
    ['a CSV (UTF-8)', '台账.csv', Buffer.from('带队领导,检查日期\n郭环球,2019-08-01\n'), /“台账\.csv”是 CSV 文本文件，不是 Excel 工作簿：请在 Excel 或 WPS 中打开后另存为 \.xlsx/, /CSV text file.*save it as \.xlsx/],
    ['a CSV with a byte-order mark, named .xlsx', '台账.xlsx', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('带队领导,检查日期\n')]), /是 CSV 文本文件/, /CSV/],
    ['a CSV in GBK, as Chinese Excel saves it', '台账.csv', gbkCsv, /是 CSV 文本文件/, /CSV/],
    ['Excel’s “Unicode text” (UTF-16, tabs)', '台账.txt', utf16('带队领导\t检查日期\r\n郭环球\t2019-08-01\r\n'), /是 CSV 文本文件/, /CSV/],
    ['a web page saved as .xls', '台账.xls', Buffer.from('<html><body><table><tr><td>带队领导</td></tr></table></body></html>'), /是网页（HTML）文件/, /web page/],
    ['an XML Spreadsheet 2003', '台账.xml', Buffer.from('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'), /XML 电子表格 2003/, /XML Spreadsheet 2003/],
    ['plain text', '说明.xlsx', Buffer.from('这不是工作簿'), /是文本文件，不是 Excel 工作簿/, /text file/],
    ['an empty file', '空.xlsx', Buffer.alloc(0), /是空文件（0 字节）/, /empty/],
    ['binary that is no zip', '图.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), /不是 \.xlsx 工作簿/, /not an \.xlsx workbook/],
    ['a truncated workbook', '半截.xlsx', fs.readFileSync(SAMPLE).subarray(0, 6000), /“半截\.xlsx”不完整：文件在中途断了.*请重新复制或下载原文件/, /truncated/],
  ];
  test.each(cases)('%s', async (_name, file, bytes, zh, en) => {
    fs.writeFileSync(path.join(dir, file), bytes);
    const before = listing();
    const r = await cli([file, ...AUGUST]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const p = parts(r.stderr);
    expect(p.zh).toMatch(zh);
    expect(p.en).toMatch(en);
    expect(listing()).toEqual(before);
  });

  test('a workbook cut off anywhere is “不完整”, never “not a workbook” and never a crash', () => {
    const whole = new Uint8Array(fs.readFileSync(SAMPLE));
    fc.assert(
      fc.property(fc.integer({ min: 4, max: whole.length - 1 }), (cut) => {
        try {
          readWorkbook(whole.subarray(0, cut), { fileName: 'x.xlsx' });
        } catch (error) {
          expect(error).toBeInstanceOf(XlsxRefusal);
          expect((error as XlsxRefusal).code).toBe('truncated');
          return;
        }
        throw new Error('a workbook cut at ' + cut + ' was read');
      }),
      { numRuns: 60 },
    );
  });
});

describe('an output folder that cannot be written: what happened and --out, never a bare code', () => {
  const denied = (code: string) => Object.assign(new Error(code + ': denied'), { code });

  /** Opening a file for writing in the output folder fails with `code` (as in a read-only folder; root ignores chmod). */
  function failWrites(code: string): void {
    const open = fs.openSync;
    jest.spyOn(nodeFs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (flags === 'wx') throw denied(code);
      return open(p, flags as fs.OpenMode, mode);
    }) as typeof fs.openSync);
  }

  test.each<[string, string, RegExp, RegExp]>([
    ['a read-only folder (EACCES)', 'EACCES', /^没有权限在文件夹“[^”]+”中写入文件（这个文件夹是只读的，或只允许别的用户写入）。请用 --out 把结果保存到可以写入的位置/, /No permission to write in the folder .* \(EACCES\); use --out/],
    ['not allowed (EPERM)', 'EPERM', /^没有权限在文件夹/, /\(EPERM\)/],
    ['a read-only disk (EROFS)', 'EROFS', /所在的磁盘是只读的.*请用 --out/, /read-only file system \(EROFS\)/],
    ['a full disk (ENOSPC)', 'ENOSPC', /^磁盘空间不足/, /No space left .*\(ENOSPC\)/],
  ])('%s', async (_name, code, zh, en) => {
    fs.copyFileSync(SAMPLE, path.join(dir, '镇.xlsx'));
    failWrites(code);
    const r = await cli(['镇.xlsx', ...AUGUST]);
    expect(r.code).toBe(2);
    const p = parts(r.stderr);
    expect(p.zh).toMatch(zh);
    expect(p.en).toMatch(en);
    expect(p.zh).not.toContain(code);
    expect(listing()).toEqual(['镇.xlsx']);
  });

  test('an output folder that cannot be created', async () => {
    fs.copyFileSync(SAMPLE, path.join(dir, '镇.xlsx'));
    jest.spyOn(nodeFs, 'mkdirSync').mockImplementation(() => {
      throw denied('EACCES');
    });
    const r = await cli(['镇.xlsx', ...AUGUST, '--out', '结果/镇.xlsx']);
    expect(r.code).toBe(2);
    expect(parts(r.stderr).zh).toMatch(/^没有权限在文件夹“[^”]*结果”中创建文件夹.*--out/);
  });

  test('an input that may not be read', async () => {
    fs.copyFileSync(SAMPLE, path.join(dir, '镇.xlsx'));
    const open = fs.openSync;
    jest.spyOn(nodeFs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (flags === 'r') throw denied('EACCES');
      return open(p, flags as fs.OpenMode, mode);
    }) as typeof fs.openSync);
    const r = await cli(['镇.xlsx', ...AUGUST]);
    expect(r.code).toBe(2);
    const p = parts(r.stderr);
    expect(p.zh).toMatch(/^没有权限读取“[^”]*镇\.xlsx”：请把它复制到自己的文件夹/);
    expect(p.en).toMatch(/\(EACCES\)/);
  });

  test('a real read-only folder (chmod 555), run by a user who may not write there', () => {
    const ro = path.join(dir, 'ro');
    fs.mkdirSync(ro);
    fs.copyFileSync(SAMPLE, path.join(ro, '镇.xlsx'));
    fs.chmodSync(ro, 0o555);
    // Root may write anyway: as root (CI), the command line runs as the unprivileged user nobody.
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    const nobody = { uid: 65534, gid: 65534 };
    fs.chmodSync(dir, 0o755);
    try {
      const run = spawnSync(process.execPath, [TSX_CLI, MAIN, 'ro/镇.xlsx', ...AUGUST], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, INIT_CWD: '', HOME: dir },
        ...(asRoot ? nobody : {}),
      });
      expect({ status: run.status, zh: parts(run.stderr).zh }).toEqual({ status: 2, zh: expect.stringMatching(/^没有权限在文件夹“[^”]*ro”中写入文件/) });
      expect(fs.readdirSync(ro)).toEqual(['镇.xlsx']);
    } finally {
      fs.chmodSync(ro, 0o755);
    }
  }, 60_000);
});

test('a bug: the technical text in the English part, what happened and what to do in the Chinese part', () => {
  const p = parts(errorLine(new TypeError("Cannot read properties of undefined (reading 'row')")) + '\n');
  expect(p.zh).toBe('程序内部出错，未写入任何文件。请把输入文件和这一行信息发给维护人员。');
  expect(p.en).toMatch(/^internal error \(Cannot read properties of undefined \(reading 'row'\)\), nothing was written/);
});
