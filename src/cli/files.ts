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
    throw new CliError('无法读取输入文件“' + file + '”（' + code(error) + '）。', 'Cannot read the input file.');
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
    throw new CliError('无法创建文件夹“' + dir + '”（' + code(error) + '）。', 'Cannot create the output folder.');
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
    throw new CliError('无法写入“' + target + '”（' + code(error) + '）。', 'Cannot write the output file.');
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
      throw new CliError(
        '无法写入“' + f.target + '”（' + code(error) + '）' + (busy ? '，文件可能正在 Excel 中打开，请先关闭它' : '') + '。',
        'Cannot replace the output file' + (busy ? ' (is it open in Excel?)' : '') + '.',
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

function code(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String((error as { code: unknown }).code) : String(error);
}
