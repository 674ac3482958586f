/**
 * The package reader is the first thing a hostile file meets. Each case builds the file in the
 * test: a zip bomb (a 2.3 GB sheet in about 2 MB, with its size declared and with it hidden), a
 * CRC that does not match, two entries of one name, a directory that disagrees with the local
 * headers, overlapping entries, an encrypted entry, a device, an oversized file. Each is refused
 * with a Chinese message that says what to do, exit code 2, and nothing written.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { readWorkbook, XlsxRefusal } from '../../src/xlsx';
import type { RefusalCode } from '../../src/xlsx';
import { buildRawXlsx } from '../cli/helpers/raw-xlsx';
import { buildZip, crc32, deflateBomb, entriesOf, localRecord } from './helpers/zip';
import type { RawEntry } from './helpers/zip';

const ROOT = path.resolve(__dirname, '..', '..');
const SHEET = 'xl/worksheets/sheet2.xml';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-hostile-zip-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function township(): Promise<RawEntry[]> {
  return entriesOf(
    await buildRawXlsx([
      { name: '安排表', rows: [['带队领导', '检查范围'], ['王海', '全镇']] },
      { name: '检查记录', rows: [['检查日期', '带队领导'], [{ t: 'n', v: 43682, date: true }, '王海']] },
    ]),
  );
}

function replace(entries: RawEntry[], name: string, change: Partial<RawEntry>): RawEntry[] {
  return entries.map((e) => (e.name === name ? { ...e, ...change } : e));
}

function listing(): string[] {
  return fs.readdirSync(dir).sort();
}

async function cli(file: string): Promise<{ code: number; stderr: string; stdout: string }> {
  let stderr = '';
  let stdout = '';
  const code = await main([file, '--month', '2019-08', '--as-of', '2019-09-02', '--json', path.join(dir, 'r.json')], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    env: {},
    isTTY: false,
  });
  return { code, stderr, stdout };
}

const cases: Array<[string, () => Promise<Buffer>, RefusalCode, RegExp]> = [
  [
    'a 2.3 GB sheet in a 2 MB file, its size declared',
    async () => {
      const bomb = deflateBomb(2.3e9);
      return buildZip(replace(await township(), SHEET, { data: undefined, stored: bomb.stored, size: bomb.size, crc: 0 }));
    },
    'inflate-limit',
    /解压后过大.*压缩炸弹/,
  ],
  [
    'a 2.3 GB sheet in a 2 MB file declared as 20 KB (stops at the declared size)',
    async () => {
      const bomb = deflateBomb(2.3e9);
      return buildZip(replace(await township(), SHEET, { data: undefined, stored: bomb.stored, size: 20000, crc: 0 }));
    },
    'inflate-limit',
    /解压后过大/,
  ],
  [
    'a CRC-32 that does not match the data',
    async () => {
      const entries = await township();
      const sheet = entries.find((e) => e.name === SHEET)!;
      return buildZip(replace(entries, SHEET, { crc: (crc32(sheet.data!) ^ 1) >>> 0 }));
    },
    'crc-mismatch',
    /校验失败（CRC-32 不符）/,
  ],
  [
    'two entries of one name (a second sheet part that would change the result)',
    async () => {
      const entries = await township();
      const sheet = entries.find((e) => e.name === SHEET)!;
      return buildZip([...entries, { name: SHEET, data: Buffer.from(sheet.data!.toString().replace('王海', '李明')) }]);
    },
    'duplicate-entry',
    /两个同名部件/,
  ],
  [
    'two entries whose names differ only in case',
    async () => {
      const entries = await township();
      return buildZip([...entries, { name: 'XL/worksheets/sheet2.xml', data: entries.find((e) => e.name === SHEET)!.data }]);
    },
    'duplicate-entry',
    /两个同名部件/,
  ],
  [
    'a local header whose name differs from the directory',
    async () => buildZip(replace(await township(), SHEET, { local: { name: 'xl/worksheets/sheet9.xml' } })),
    'directory-mismatch',
    /目录与部件.*不一致/,
  ],
  [
    'a local header whose size differs from the directory',
    async () => {
      const entries = await township();
      return buildZip(replace(entries, SHEET, { local: { size: 5 } }));
    },
    'directory-mismatch',
    /不一致/,
  ],
  [
    'two directory entries pointing at the same local header',
    async () => {
      const entries = await township();
      const i = entries.findIndex((e) => e.name === SHEET);
      return buildZip([...entries, { ...entries[i], offsetOf: i, name: SHEET.toUpperCase() }]);
    },
    'duplicate-entry',
    /同名部件/,
  ],
  [
    'an entry hidden inside the data of another (overlapping entries)',
    async () => {
      const entries = await township();
      const inner = localRecord('xl/media/inner.bin', Buffer.alloc(5000, 1));
      // The carrier is stored first, at offset 0: its data starts after its 30-byte header and name.
      const carrier = { name: 'xl/media/carrier.bin', data: inner.bytes, method: 0 };
      const innerAt = 30 + Buffer.byteLength(carrier.name);
      return buildZip([carrier, { name: 'xl/media/inner.bin', data: Buffer.alloc(5000, 1), stored: inner.stored, atOffset: innerAt }, ...entries]);
    },
    'overlapping-entries',
    /重叠/,
  ],
  [
    'an encrypted entry',
    async () => buildZip(replace(await township(), SHEET, { flags: 1 })),
    'encrypted-entry',
    /加了密/,
  ],
  [
    'a compression method Excel does not use',
    async () => buildZip(replace(await township(), SHEET, { method: 9, local: { method: 9 } })),
    'unsupported-method',
    /压缩方式/,
  ],
];

describe('refused by the package reader', () => {
  test.each(cases)('%s', async (_name, build, code, message) => {
    const bytes = await build();
    const started = Date.now();
    let error: unknown = null;
    try {
      readWorkbook(new Uint8Array(bytes), { fileName: 'x.xlsx' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XlsxRefusal);
    expect([(error as XlsxRefusal).code, (error as XlsxRefusal).zh]).toEqual([code, expect.stringMatching(message)]);
    expect((error as XlsxRefusal).zh).toMatch(/另存为|请|已停止/);
    // Reported, not a measurement: a refusal never inflates the whole bomb.
    void started;
  });

  test.each(cases)('duty-check: %s → exit 2, one line, nothing written', async (_name, build, _code, message) => {
    fs.writeFileSync(path.join(dir, 'in.xlsx'), await build());
    const before = listing();
    const r = await cli('in.xlsx');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^错误：[^\n]+\n$/);
    expect(r.stderr).toMatch(message);
    expect(listing()).toEqual(before);
  });
});

describe('inputs that are not regular files, or too large', () => {
  test('/dev/zero (a device that never ends) is refused at once', async () => {
    const r = await cli('/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是普通文件/);
    expect(listing()).toEqual([]);
  });

  test('a named pipe is refused without reading from it', async () => {
    const fifo = path.join(dir, 'pipe.xlsx');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const r = await cli(fifo);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不是普通文件/);
    expect(listing()).toEqual(['pipe.xlsx']);
  });

  test('a file over the size limit is refused before it is read', async () => {
    const big = path.join(dir, 'big.xlsx');
    fs.writeFileSync(big, Buffer.from('PK\x03\x04'));
    // Sparse: 600 MB on paper, nothing on disk.
    fs.truncateSync(big, 600 * 1024 * 1024);
    const r = await cli(big);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/超过了本工具可检查的上限 512 MB/);
    expect(listing()).toEqual(['big.xlsx']);
  });

  test('the module refuses bytes over its own limit too', () => {
    expect(() => readWorkbook(new Uint8Array(2000), { fileName: 'x.xlsx', limits: { maxFileBytes: 1000 } })).toThrow(/超过了本工具可检查的上限/);
  });
});

test('the bomb in a fresh process: exit 2 with bounded memory', async () => {
  const bomb = deflateBomb(2.3e9);
  const file = path.join(dir, 'bomb.xlsx');
  // The hidden size: the directory says 20 MB, the data would give 2.3 GB.
  fs.writeFileSync(file, buildZip(replace(await township(), SHEET, { data: undefined, stored: bomb.stored, size: 20 * 1024 * 1024, crc: 0 })));
  expect(fs.statSync(file).size).toBeLessThan(3 * 1024 * 1024);
  const gnu = fs.existsSync('/usr/bin/time');
  const args = ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'main.ts'), file, '--month', '2019-08', '--as-of', '2019-09-02'];
  const r = gnu
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 })
    : spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/压缩炸弹/);
  expect(fs.readdirSync(dir)).toEqual(['bomb.xlsx']);
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r.stderr || '');
  // Node and tsx alone take about 100 MB; the limit stops the inflate at 20 MB.
  if (rss) expect(+rss[1]).toBeLessThan(400 * 1024);
}, 90000);
