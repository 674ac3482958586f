/**
 * The one kind of error the command line expects: a usage or input error, shown as one line
 * (Chinese first, then English) with exit code 2. Anything else is a bug and is reported as one.
 */
export class CliError extends Error {
  readonly zh: string;
  readonly en: string;
  constructor(zh: string, en: string) {
    super(zh + ' ' + en);
    this.name = 'CliError';
    this.zh = zh;
    this.en = en;
  }
}

export const EXIT_OK = 0;
export const EXIT_RED = 1;
export const EXIT_USAGE = 2;

/** The single stderr line for an error; never a stack trace. */
export function errorLine(error: unknown): string {
  if (error instanceof CliError) return '错误：' + flat(error.zh) + (error.en ? ' Error: ' + error.en : '');
  const message = error instanceof Error ? error.message : String(error);
  // The technical text is English (or whatever a library said): it goes in the English part.
  return (
    '错误：程序内部出错，未写入任何文件。请把输入文件和这一行信息发给维护人员。' +
    ' Error: internal error (' + oneLine(message) + '), nothing was written; please report this bug with the input file if you can.'
  );
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function oneLine(text: string): string {
  const line = flat(text);
  return line.length > 200 ? line.slice(0, 200) + '…' : line;
}
