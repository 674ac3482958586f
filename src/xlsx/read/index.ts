/**
 * `readWorkbook`: from the bytes of a file to the grids the core takes, with the package kept
 * open for the patcher. Refuses (XlsxRefusal) what is not a workbook or is hostile.
 */
import type { SheetInput, WorkbookInput } from '../../core/types';
import { refuse } from '../errors';
import { readMemory } from '../memory';
import type { Memory } from '../memory';
import { Package, contentTypeOf, parseContentTypes } from '../opc';
import { Styles } from '../styles';
import { fflateCodec } from '../zip/codec';
import type { Codec } from '../zip/codec';
import { DEFAULT_LIMITS, isZip, openZip } from '../zip/read';
import type { ZipLimits } from '../zip/read';
import { readSheetCells } from './cells';
import { notAPackage } from './sniff';
import { readSharedStrings } from './shared-strings';
import { readWorkbookInfo } from './workbook';
import type { WorkbookInfo } from './workbook';

export interface ReadOptions {
  /** The file's name as the clerk knows it, for messages. */
  fileName?: string;
  codec?: Codec;
  limits?: Partial<ZipLimits>;
}

export interface OpenedWorkbook {
  input: WorkbookInput;
  pkg: Package;
  info: WorkbookInfo;
  styles: Styles;
  memory: Memory;
  /** Part names of worksheets holding cells in a format the memory lists. */
  sheetsWithOwnFormats: Set<string>;
  /** The file extension the package's type needs (`.xlsm` for a workbook with macros). */
  extension: '.xlsx' | '.xlsm' | '.xltx' | '.xltm';
}

/** The extension Excel requires for the workbook part's content type. */
function extensionOf(contentType: string | null): OpenedWorkbook['extension'] {
  const t = (contentType || '').toLowerCase();
  const macros = t.indexOf('macroenabled') >= 0;
  const template = t.indexOf('template') >= 0;
  return template ? (macros ? '.xltm' : '.xltx') : macros ? '.xlsm' : '.xlsx';
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

export function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): OpenedWorkbook {
  const fileName = options.fileName || '工作簿';
  const limits: ZipLimits = { ...DEFAULT_LIMITS, ...(options.limits || {}) };
  if (bytes.length > limits.maxFileBytes) throw refuse.tooLarge(fileName, bytes.length, limits.maxFileBytes);
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) throw refuse.legacy(fileName);
  if (!isZip(bytes)) throw notAPackage(bytes, fileName);
  const zip = openZip(bytes, fileName, limits);
  const pkg = new Package(zip, options.codec || fflateCodec, fileName);
  pkg.verifyAll();

  const info = readWorkbookInfo(pkg);
  const styles = new Styles(info.styles ? pkg.text(info.styles) : null);
  const memory = readMemory(pkg, info, styles);
  const strings = readSharedStrings(info.sharedStrings ? pkg.bytes(info.sharedStrings) : null);
  const ctx = {
    strings,
    dateFormats: styles.dateFormats(),
    date1904: info.date1904,
    ownFormats: new Set(memory.entries.map((e) => e.xf)),
  };
  const sheets: SheetInput[] = [];
  const sheetsWithOwnFormats = new Set<string>();
  for (const ref of info.sheets) {
    if (!ref.part) throw refuse.damaged(fileName, 'the part of sheet "' + ref.name + '" is missing');
    if (ref.kind !== 'worksheet') continue;
    const xml = pkg.bytes(ref.part);
    if (!xml) continue;
    let cells;
    try {
      cells = readSheetCells(xml, ctx);
    } catch (error) {
      throw refuse.damaged(fileName, ref.part + ': ' + (error instanceof Error ? error.message : String(error)));
    }
    if (!cells.complete) throw refuse.damaged(fileName, ref.part + ': the part ends before its last element');
    if (cells.usesOwnFormats) sheetsWithOwnFormats.add(ref.part);
    const sheet: SheetInput = { name: ref.name, values: cells.values, firstRow: cells.firstRow, firstColumn: cells.firstColumn, visibility: ref.state };
    if (cells.merges.length > 0) sheet.merges = cells.merges;
    sheets.push(sheet);
  }
  if (info.sharedStrings) pkg.release(info.sharedStrings);
  const types = parseContentTypes(pkg.text('[Content_Types].xml') || '');
  const extension = extensionOf(contentTypeOf(types, info.path));
  return { input: { sheets, date1904: info.date1904 }, pkg, info, styles, memory, sheetsWithOwnFormats, extension };
}
