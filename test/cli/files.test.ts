/** File safety: same-file detection, refusals, and writing through a temporary file. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliError } from '../../src/cli/errors';
import { checkOutputPath, commit, defaultOutputPath, readInput, sameFile, stage } from '../../src/cli/files';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duty-files-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const what = { zh: '结果文件', en: 'output' };

describe('sameFile', () => {
  test('the same path written differently', () => {
    fs.writeFileSync(path.join(dir, 'a.xlsx'), 'x');
    expect(sameFile(path.join(dir, 'a.xlsx'), path.join(dir, 'sub', '..', 'a.xlsx'))).toBe(true);
  });
  test('a symlink to the file', () => {
    fs.writeFileSync(path.join(dir, 'a.xlsx'), 'x');
    fs.symlinkSync(path.join(dir, 'a.xlsx'), path.join(dir, 'link.xlsx'));
    expect(sameFile(path.join(dir, 'a.xlsx'), path.join(dir, 'link.xlsx'))).toBe(true);
  });
  test('a hard link to the file', () => {
    fs.writeFileSync(path.join(dir, 'a.xlsx'), 'x');
    fs.linkSync(path.join(dir, 'a.xlsx'), path.join(dir, 'hard.xlsx'));
    expect(sameFile(path.join(dir, 'a.xlsx'), path.join(dir, 'hard.xlsx'))).toBe(true);
  });
  test('a path through a symlinked folder to a file that does not exist yet', () => {
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    expect(sameFile(path.join(dir, 'real', 'new.xlsx'), path.join(dir, 'alias', 'new.xlsx'))).toBe(true);
  });
  test('two different files', () => {
    fs.writeFileSync(path.join(dir, 'a.xlsx'), 'x');
    fs.writeFileSync(path.join(dir, 'b.xlsx'), 'x');
    expect(sameFile(path.join(dir, 'a.xlsx'), path.join(dir, 'b.xlsx'))).toBe(false);
  });
});

describe('checkOutputPath', () => {
  test('refuses the input even with --force', () => {
    const input = path.join(dir, 'a.xlsx');
    fs.writeFileSync(input, 'x');
    expect(() => checkOutputPath(input, input, true, what)).toThrow(/从不覆盖输入文件/);
  });
  test('refuses an existing output without --force, accepts it with --force', () => {
    const input = path.join(dir, 'a.xlsx');
    const out = path.join(dir, 'b.xlsx');
    fs.writeFileSync(input, 'x');
    fs.writeFileSync(out, 'y');
    expect(() => checkOutputPath(out, input, false, what)).toThrow(/已存在；如需覆盖请加 --force/);
    expect(() => checkOutputPath(out, input, true, what)).not.toThrow();
  });
  test('refuses a folder', () => {
    fs.mkdirSync(path.join(dir, 'f.xlsx'));
    expect(() => checkOutputPath(path.join(dir, 'f.xlsx'), path.join(dir, 'a.xlsx'), true, what)).toThrow(/是一个文件夹/);
  });
  test('accepts a new file', () => {
    expect(() => checkOutputPath(path.join(dir, 'new', 'b.xlsx'), path.join(dir, 'a.xlsx'), false, what)).not.toThrow();
  });
});

describe('readInput', () => {
  test('a missing file', () => {
    expect(() => readInput(path.join(dir, 'nope.xlsx'))).toThrow(/找不到输入文件/);
  });
  test('a folder', () => {
    expect(() => readInput(dir)).toThrow(CliError);
  });
});

test('defaultOutputPath: beside the input, with -检查结果.xlsx', () => {
  expect(defaultOutputPath('/a/b/大栗港镇-2019.xlsx')).toBe('/a/b/大栗港镇-2019-检查结果.xlsx');
  expect(defaultOutputPath('/a/b/记录.XLSM')).toBe('/a/b/记录-检查结果.xlsx');
  expect(defaultOutputPath('/a/b/记录')).toBe('/a/b/记录-检查结果.xlsx');
});

describe('stage and commit', () => {
  test('the target appears only on commit, complete, and no temporary file is left', () => {
    const target = path.join(dir, 'deep', 'er', 'out.xlsx');
    const staged = stage(target, Buffer.from('complete content'));
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readFileSync(staged.temp, 'utf8')).toBe('complete content');
    expect(path.dirname(staged.temp)).toBe(path.dirname(target));
    commit([staged]);
    expect(fs.readFileSync(target, 'utf8')).toBe('complete content');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['out.xlsx']);
  });
  test('an existing target is replaced whole', () => {
    const target = path.join(dir, 'out.json');
    fs.writeFileSync(target, 'old old old old old old');
    commit([stage(target, 'new')]);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
  });
});
