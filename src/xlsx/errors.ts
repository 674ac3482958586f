/**
 * Why a package is refused. Every refusal names what is wrong and what the clerk can do, in
 * Chinese (`zh`) and briefly in English (`en`); the edges show them and write nothing.
 */
export type RefusalCode =
  | 'not-zip'
  | 'empty-file'
  | 'text-file'
  | 'truncated'
  | 'legacy-or-encrypted'
  | 'too-large'
  | 'too-many-entries'
  | 'inflate-limit'
  | 'crc-mismatch'
  | 'duplicate-entry'
  | 'directory-mismatch'
  | 'overlapping-entries'
  | 'encrypted-entry'
  | 'unsupported-method'
  | 'damaged'
  | 'not-workbook'
  | 'strict'
  | 'bad-sheet-name';

export class XlsxRefusal extends Error {
  readonly code: RefusalCode;
  readonly zh: string;
  readonly en: string;
  constructor(code: RefusalCode, zh: string, en: string) {
    super(zh + ' ' + en);
    this.name = 'XlsxRefusal';
    this.code = code;
    this.zh = zh;
    this.en = en;
  }
}

const RESAVE = '请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再检查。';

/** The refusals, each with the file's name as the clerk knows it. */
export const refuse = {
  notZip: (name: string) =>
    new XlsxRefusal(
      'not-zip',
      '“' + name + '”不是 .xlsx 工作簿，无法读取。请确认选对了文件；其他格式的表格（如 WPS 的 .et、.ods）请在 Excel 或 WPS 中打开后另存为 .xlsx 再检查。',
      'The input is not an .xlsx workbook; save other spreadsheet formats as .xlsx first.',
    ),
  empty: (name: string) =>
    new XlsxRefusal(
      'empty-file',
      '“' + name + '”是空文件（0 字节），里面没有工作簿：可能是保存或复制时出了错，请找到原来的文件再检查。',
      'The input file is empty (0 bytes).',
    ),
  /** A text file: `kind` says which (a CSV, a web page, Excel 2003 XML, other text). */
  textFile: (name: string, kind: 'csv' | 'html' | 'xml2003' | 'text') => {
    const what = {
      csv: '是 CSV 文本文件，不是 Excel 工作簿',
      html: '是网页（HTML）文件，不是 Excel 工作簿（有些系统导出的“.xls”其实是网页）',
      xml2003: '是“XML 电子表格 2003”文件，不是 .xlsx 工作簿',
      text: '是文本文件，不是 Excel 工作簿',
    }[kind];
    const en = {
      csv: 'This is a CSV text file, not an Excel workbook',
      html: 'This is a web page (HTML), not an Excel workbook',
      xml2003: 'This is an XML Spreadsheet 2003 file, not an .xlsx workbook',
      text: 'This is a text file, not an Excel workbook',
    }[kind];
    return new XlsxRefusal('text-file', '“' + name + '”' + what + '：请在 Excel 或 WPS 中打开后另存为 .xlsx（Excel 工作簿），再检查另存的文件。', en + ': open it in Excel or WPS and save it as .xlsx.');
  },
  truncated: (name: string) =>
    new XlsxRefusal(
      'truncated',
      '“' + name + '”不完整：文件在中途断了（常见于没有下载完、复制时中断或 U 盘提前拔出），无法读取。请重新复制或下载原文件；如果 Excel 还能打开它，请另存为 .xlsx 后再检查。',
      'The file is truncated (its end, the zip directory, is missing): copy or download it again.',
    ),
  legacy: (name: string) =>
    new XlsxRefusal(
      'legacy-or-encrypted',
      '“' + name + '”是旧版 .xls 文件或设置了打开密码的工作簿，请在 Excel 中另存为（不加密的）.xlsx 后再检查。',
      'This is an old .xls file or a password-protected workbook; save it as an unencrypted .xlsx first.',
    ),
  tooLarge: (name: string, bytes: number, limit: number) =>
    new XlsxRefusal(
      'too-large',
      '“' + name + '”有 ' + mib(bytes) + '，超过了本工具可检查的上限 ' + mib(limit) + '。乡镇台账一般只有几 MB：请确认选对了文件，或把多年的记录拆成几个工作簿后再检查。',
      'The file is larger than the limit of ' + mib(limit) + '.',
    ),
  tooManyEntries: (name: string, n: number, limit: number) =>
    new XlsxRefusal(
      'too-many-entries',
      '“' + name + '”的压缩包里有 ' + n + ' 个部件，超过上限 ' + limit + '，不像是正常的工作簿。' + RESAVE,
      'The package has ' + n + ' entries (limit ' + limit + ').',
    ),
  inflateLimit: (name: string, part: string, detail: string) =>
    new XlsxRefusal(
      'inflate-limit',
      '“' + name + '”中的部件“' + part + '”解压后过大（' + detail + '），可能是“压缩炸弹”或已损坏的文件，已停止读取，未写入任何文件。' + RESAVE,
      'The part ' + part + ' inflates past the limit (' + detail + '); possibly a zip bomb.',
    ),
  crc: (name: string, part: string) =>
    new XlsxRefusal(
      'crc-mismatch',
      '“' + name + '”中的部件“' + part + '”校验失败（CRC-32 不符），文件已损坏或被改动过。' + RESAVE,
      'CRC-32 mismatch in ' + part + ': the file is damaged.',
    ),
  duplicate: (name: string, part: string) =>
    new XlsxRefusal(
      'duplicate-entry',
      '“' + name + '”的压缩包里有两个同名部件“' + part + '”，无法确定该读哪一个（Excel 也不会这样保存）。' + RESAVE,
      'Two entries are named ' + part + '.',
    ),
  directoryMismatch: (name: string, part: string, what: string) =>
    new XlsxRefusal(
      'directory-mismatch',
      '“' + name + '”的压缩包目录与部件“' + part + '”本身的记录不一致（' + what + '），文件已损坏或被改动过。' + RESAVE,
      'The central directory disagrees with the local header of ' + part + ' (' + what + ').',
    ),
  overlapping: (name: string, part: string) =>
    new XlsxRefusal(
      'overlapping-entries',
      '“' + name + '”的压缩包里部件“' + part + '”与其他部件重叠，这是“压缩炸弹”的常见手法，已停止读取。' + RESAVE,
      'The entry ' + part + ' overlaps another entry.',
    ),
  encryptedEntry: (name: string, part: string) =>
    new XlsxRefusal(
      'encrypted-entry',
      '“' + name + '”中的部件“' + part + '”加了密，无法读取。' + RESAVE,
      'The entry ' + part + ' is encrypted.',
    ),
  method: (name: string, part: string, method: number) =>
    new XlsxRefusal(
      'unsupported-method',
      '“' + name + '”中的部件“' + part + '”用了 Excel 不用的压缩方式（' + method + '）。' + RESAVE,
      'The entry ' + part + ' uses compression method ' + method + '.',
    ),
  damaged: (name: string, detail: string) =>
    new XlsxRefusal('damaged', '无法读取工作簿“' + name + '”，文件可能已损坏。' + RESAVE, 'Cannot read the workbook (the file may be damaged): ' + detail),
  notWorkbook: (name: string) =>
    new XlsxRefusal(
      'not-workbook',
      '“' + name + '”不是 Excel 工作簿（压缩包里没有 xl/workbook.xml；WPS/ODS 文件请先另存为 .xlsx）。',
      'The input is a zip file but not an .xlsx workbook (no xl/workbook.xml).',
    ),
  strict: (name: string) =>
    new XlsxRefusal(
      'strict',
      '“' + name + '”是“Strict Open XML 电子表格”格式，请在 Excel 中另存为普通的“Excel 工作簿 (*.xlsx)”后再检查。',
      'Strict Open XML workbooks are not supported; save it as a regular Excel workbook (.xlsx).',
    ),
  badSheetName: (name: string, sheet: string) =>
    new XlsxRefusal(
      'bad-sheet-name',
      '“' + name + '”中的工作表名“' + sheet + '”含有 Excel 不允许的字符（[ ] : \\ / ? *，或以单引号开头、结尾），请在 Excel 或 WPS 中重命名该工作表后再检查。',
      "A sheet name breaks Excel's rules (no [ ] : \\ / ? *, no leading or trailing '); rename the sheet first.",
    ),
};

export function mib(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return (Math.round((bytes / 1024 / 1024 / 1024) * 10) / 10) + ' GiB';
  if (bytes >= 1024 * 1024) return (Math.round((bytes / 1024 / 1024) * 10) / 10) + ' MiB';
  return Math.max(1, Math.round(bytes / 1024)) + ' KiB';
}
