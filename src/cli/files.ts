/**
 * File handling that cannot lose a clerk's work: the input is never written, an existing output
 * is replaced only with --force, and every file is written to a temporary name in the same folder
 * and then renamed, so an interrupted run leaves either the old file or the new one, never half.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CliError } from './errors';

/** True when both paths name the same file (symlinks, `..`, hard links and case-insensitive disks included). */
export function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  let sa: fs.Stats | null = null;
  let sb: fs.Stats | null = null;
  try {
    sa = fs.statSync(ra);
  } catch {
    sa = null;
  }
  try {
    sb = fs.statSync(rb);
  } catch {
    sb = null;
  }
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  // One does not exist yet: compare where it would be (its folder resolved through symlinks).
  return realish(ra) === realish(rb);
}

function realish(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return p;
    }
  }
}

/**
 * The default output: `<input name>-检查结果.<ext>` beside the input, with the extension the
 * package's type needs (a workbook with macros stays .xlsm: Excel refuses a macro workbook named .xlsx).
 */
export function defaultOutputPath(input: string, extension = '.xlsx'): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xltx|xltm)$/i, '');
  return path.join(dir, base + '-检查结果' + extension);
}

/** The largest input the tool reads (a township's register is a few MB; a year of 1,000,000 rows about 40 MB). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Reads the input. Only a regular file is read (a device such as /dev/zero, a pipe or a socket
 * would never end), and only up to {@link MAX_INPUT_BYTES}: each refusal is a CliError, before
 * anything is written.
 */
export function readInput(file: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new CliError('找不到输入文件“' + file + '”。', 'Input file not found.');
  }
  if (stat.isDirectory()) throw new CliError('“' + file + '”是文件夹，不是工作簿。', 'The input is a folder, not a workbook.');
  if (!stat.isFile()) {
    throw new CliError(
      '“' + file + '”不是普通文件（而是设备、管道或套接字），不能当作工作簿读取。请指定一个 .xlsx 文件。',
      'The input is not a regular file (a device, pipe or socket).',
    );
  }
  if (stat.size > maxBytes) throw tooLarge(file, stat.size, maxBytes);
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    // Read at most one byte past the limit: a file that grew after stat is still refused.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        // More bytes than the file had a moment ago: it is being written.
        if (length > maxBytes) throw tooLarge(file, length, maxBytes);
        throw new CliError('输入文件“' + file + '”在读取时发生了变化（可能正在保存），请稍后再试。', 'The input changed while it was being read.');
      }
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw readFailure(error, file);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

function tooLarge(file: string, size: number, limit: number): CliError {
  const mib = (n: number) => Math.round(n / 1024 / 1024) + ' MB';
  return new CliError(
    '“' + file + '”有 ' + mib(size) + '，超过了本工具可检查的上限 ' + mib(limit) + '。乡镇台账一般只有几 MB：请确认选对了文件，或把多年的记录拆成几个工作簿后再检查。',
    'The input is larger than the limit of ' + mib(limit) + '.',
  );
}

/** Checks an output path before anything is written. */
export function checkOutputPath(target: string, input: string, force: boolean, what: { zh: string; en: string }): void {
  if (sameFile(target, input)) {
    throw new CliError(
      what.zh + '“' + target + '”就是输入文件，为保护原始记录，本工具从不覆盖输入文件（--force 也不行）。请换一个文件名。',
      'The ' + what.en + ' would overwrite the input; the input is never overwritten, even with --force.',
    );
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch {
    stat = null;
  }
  if (stat && stat.isDirectory()) {
    throw new CliError(what.zh + '“' + target + '”是一个文件夹。', 'The ' + what.en + ' path is a folder.');
  }
  if (stat && !force) {
    throw new CliError(
      what.zh + '“' + target + '”已存在；如需覆盖请加 --force。',
      'The ' + what.en + ' exists; add --force to overwrite it.',
    );
  }
}

/** A file prepared under a temporary name, ready to be renamed into place. */
export interface StagedFile {
  target: string;
  temp: string;
}

const live = new Set<string>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // Ctrl+C or a kill during writing: remove our temporary files, then die as asked.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removeStaged();
      process.kill(process.pid, signal);
    });
  }
  process.once('exit', removeStaged);
}

function removeStaged(): void {
  for (const temp of live) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** Writes bytes to a temporary file beside the target and flushes them to disk. */
export function stage(target: string, data: Buffer | string): StagedFile {
  const dir = path.dirname(path.resolve(target));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw writeFailure(error, target, 'folder');
  }
  installCleanup();
  const temp = path.join(dir, '.' + path.basename(target) + '.' + process.pid + '.' + Date.now().toString(36) + '.tmp');
  live.add(temp);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx');
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    discard({ target, temp });
    throw writeFailure(error, target, 'file');
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  return { target, temp };
}

/** Moves staged files into place. */
export function commit(files: StagedFile[]): void {
  for (const f of files) {
    try {
      fs.renameSync(f.temp, f.target);
      live.delete(f.temp);
    } catch (error) {
      files.forEach(discard);
      const busy = ['EBUSY', 'EPERM', 'EACCES'].indexOf(code(error)) >= 0;
      if (!busy) throw writeFailure(error, f.target, 'file');
      throw new CliError(
        '无法替换“' + f.target + '”：这个文件可能正在 Excel 或 WPS 中打开，或是只读文件。请先关闭它（或去掉只读属性）再试，也可以用 --out 换一个文件名。',
        'Cannot replace the output file (' + code(error) + '): is it open in Excel, or read-only?',
      );
    }
  }
}

export function discard(file: StagedFile): void {
  try {
    fs.unlinkSync(file.temp);
  } catch {
    // nothing to remove
  }
  live.delete(file.temp);
}

/**
 * A failure to read the input, in words the clerk can act on. The system's code (EACCES, …) goes in
 * the English part only: the Chinese part says what happened and what to do.
 */
export function readFailure(error: unknown, file: string): CliError {
  const c = code(error);
  if (c === 'EACCES' || c === 'EPERM') {
    return new CliError(
      '没有权限读取“' + file + '”：请把它复制到自己的文件夹（如“文档”）后再检查，或请管理员开放读取权限。',
      'No permission to read the input file (' + c + ').',
    );
  }
  if (c === 'EBUSY') {
    return new CliError('“' + file + '”正被其他程序占用，暂时无法读取：请关闭占用它的程序后再试。', 'The input file is busy (' + c + ').');
  }
  return new CliError('无法读取输入文件“' + file + '”：请确认文件还在、没有损坏，再试一次。', 'Cannot read the input file (' + c + ').');
}

/** A failure to write `target` (or to create its folder), in words the clerk can act on; see readFailure. */
export function writeFailure(error: unknown, target: string, step: 'folder' | 'file'): CliError {
  const c = code(error);
  const dir = path.dirname(path.resolve(target));
  const elsewhere = '请用 --out 把结果保存到可以写入的位置（如“文档”文件夹或桌面）。';
  if (c === 'EACCES' || c === 'EPERM') {
    return new CliError(
      '没有权限在文件夹“' + dir + '”中' + (step === 'folder' ? '创建文件夹' : '写入文件') + '（这个文件夹是只读的，或只允许别的用户写入）。' + elsewhere,
      'No permission to write in the folder ' + dir + ' (' + c + '); use --out to write the result somewhere else.',
    );
  }
  if (c === 'EROFS') {
    return new CliError(
      '文件夹“' + dir + '”所在的磁盘是只读的（如光盘、写保护的 U 盘或只读的网络共享），不能写入。' + elsewhere,
      'The folder ' + dir + ' is on a read-only file system (' + c + '); use --out to write the result somewhere else.',
    );
  }
  if (c === 'ENOSPC' || c === 'EDQUOT') {
    return new CliError(
      '磁盘空间不足，无法写入“' + target + '”：请清理磁盘，或用 --out 保存到别的磁盘。',
      'No space left to write the output (' + c + ').',
    );
  }
  if (c === 'ENOTDIR' || c === 'EEXIST' || c === 'ENOENT') {
    return new CliError(
      '无法' + (step === 'folder' ? '创建文件夹“' + dir + '”' : '写入“' + target + '”') + '：路径中有一段不是文件夹（或已被删除）。请检查 --out 给的路径。',
      'Cannot ' + (step === 'folder' ? 'create the output folder' : 'write the output file') + ' (' + c + '): a part of the path is not a folder.',
    );
  }
  if (c === 'ENAMETOOLONG') {
    return new CliError('无法写入“' + target + '”：文件名或路径太长，请换一个短一些的名字或文件夹。', 'The output path is too long (' + c + ').');
  }
  return new CliError(
    '无法' + (step === 'folder' ? '创建文件夹“' + dir + '”' : '写入“' + target + '”') + '。请确认这个位置可以写入，或用 --out 换一个位置。',
    'Cannot ' + (step === 'folder' ? 'create the output folder' : 'write the output file') + ' (' + c + ').',
  );
}

function code(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : String(error);
}
