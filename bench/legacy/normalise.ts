/*
 * LEGACY — the ExcelJS round trip that duty-check used before issue 14. The command line no longer
 * uses it (it reads and patches packages with src/xlsx). Kept only as the "old path" baseline of
 * `npm run bench` (bench/legacy-cli.ts): the bench measures the patcher beside it.
 */
/**
 * Repairs, before ExcelJS reads a package, what other programs write legally but ExcelJS 4.4
 * misreads. Each fix keeps the content: what Excel would show stays what the clerk sees.
 */
import type JSZip from 'jszip';
import { columnLetters } from '../../src/core/address';
import { posix } from 'path';
import { attributesOf, decodeXml, encodeXmlAttribute, movePart, readPart, readRels, readSheetParts, relKind, relsPathOf, workbookPath, writePart } from './ooxml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * Makes a package written by another program readable by ExcelJS without changing what it says:
 * - the main namespace written with a prefix (`<x:row>`, as some .NET writers do) becomes the
 *   default namespace;
 * - `date1904="true"` (LibreOffice) becomes `date1904="1"`, the only spelling ExcelJS reads;
 * - rows and cells get their optional `r` attribute;
 * - ISO date cells (`t="d"`, written by SheetJS and openpyxl) become serial numbers in the
 *   workbook's date system, which is what Excel makes of them;
 * - phonetic guides inside inline strings (`<is>…<rPh>`), which derail ExcelJS's cell parser
 *   and lose the rest of the sheet, are dropped;
 * - the Chinese built-in date formats (ids 27–36, 50–58), which files leave undefined and
 *   ExcelJS would write back as General, get their definitions.
 * - parts stored under other names than Excel's (`xl/book.xml`, `xl/worksheets/Sheet1.xml`,
 *   `./worksheets/…` targets), which ExcelJS does not find, get Excel's names.
 * Returns whether anything changed.
 */
export async function normalisePackage(zip: JSZip): Promise<boolean> {
  const names = await useExcelPartNames(zip);
  const prefixes = await unprefixMainNamespace(zip);
  const dateSystem = await spellDateSystemFlag(zip);
  const references = await addCellReferences(zip);
  const cells = await fixCellsExcelJSMisreads(zip, dateSystem.date1904);
  const formats = await defineBuiltinDateFormats(zip);
  return names || prefixes || dateSystem.changed || references || cells || formats;
}

const WORKBOOK = 'xl/workbook.xml';
const CANONICAL_SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const CONTENT_TYPES = '[Content_Types].xml';

/**
 * ExcelJS finds parts by Excel's own names only (`xl/workbook.xml`, `xl/worksheets/sheetN.xml`,
 * `xl/sharedStrings.xml`, `xl/styles.xml`) and matches sheets to their relationships by the
 * target's text. Other names are legal (the relationships say where each part is); a sheet under
 * one was left out of the check without a word. Moves such parts to Excel's names and writes the
 * workbook's relationships the way Excel does.
 */
async function useExcelPartNames(zip: JSZip): Promise<boolean> {
  const wbPath = await workbookPath(zip);
  if (!wbPath) return false;
  const moves: Array<[string, string]> = [];
  if (wbPath !== WORKBOOK && !zip.file(WORKBOOK)) moves.push([wbPath, WORKBOOK]);
  const rels = await readRels(zip, wbPath);
  const taken = new Set<number>();
  for (const rel of rels) {
    const m = CANONICAL_SHEET.exec(rel.target);
    if (!rel.external && relKind(rel.type) === 'worksheet' && m) taken.add(+m[1]);
  }
  let next = 1;
  for (const rel of rels) {
    if (rel.external || !zip.file(rel.target)) continue;
    const kind = relKind(rel.type);
    let to: string | null = null;
    if (kind === 'worksheet' && !CANONICAL_SHEET.test(rel.target)) {
      while (taken.has(next) || zip.file('xl/worksheets/sheet' + next + '.xml')) next++;
      taken.add(next);
      to = 'xl/worksheets/sheet' + next + '.xml';
    } else if (kind === 'sharedStrings' && rel.target !== 'xl/sharedStrings.xml' && !zip.file('xl/sharedStrings.xml')) {
      to = 'xl/sharedStrings.xml';
    } else if (kind === 'styles' && rel.target !== 'xl/styles.xml' && !zip.file('xl/styles.xml')) {
      to = 'xl/styles.xml';
    }
    if (to) moves.push([rel.target, to]);
  }
  const written = await workbookRelsAsExcelWrites(zip, wbPath, moves);
  if (moves.length === 0) return written;
  const movedTo = new Map(moves);
  for (const [from, to] of moves) {
    await movePart(zip, from, to);
    // The workbook's relationships were just written for their new place.
    if (from === wbPath) await movePart(zip, relsPathOf(from), relsPathOf(to));
    else await moveRels(zip, from, to);
  }
  // The package's own relationships and content types name the parts too.
  await retargetRels(zip, relsPathOf(''), '.', (resolved) => movedTo.get(resolved) || null);
  const types = readPart(zip, CONTENT_TYPES);
  if (types) {
    const xml = await types;
    const fixed = xml.replace(/(\sPartName\s*=\s*)(["'])\/?([^"']*)\2/g, (whole, lead: string, _q: string, name: string) => {
      const to = movedTo.get(name);
      return to ? lead + '"/' + to + '"' : whole;
    });
    if (fixed !== xml) writePart(zip, CONTENT_TYPES, fixed);
  }
  return true;
}

/**
 * Rewrites the internal targets of a relationships part. `retarget` gets each target resolved to a
 * path in the package (against `baseDir`, the folder of the part the relationships belong to) and as
 * written, and gives the new target text, or null to leave it. Returns whether anything changed.
 */
async function retargetRels(zip: JSZip, relsPath: string, baseDir: string, retarget: (resolved: string, written: string) => string | null): Promise<boolean> {
  const text = readPart(zip, relsPath);
  if (!text) return false;
  const xml = await text;
  const base = baseDir === '.' ? '' : baseDir;
  const fixed = xml.replace(/<Relationship(?=[\s/>])[^>]*>/g, (tag) => {
    const a = attributesOf(tag);
    if (a.TargetMode === 'External' || !a.Target) return tag;
    const resolved = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(base, a.Target));
    const target = retarget(resolved, a.Target);
    return target === null || target === a.Target ? tag : tag.replace(/(\sTarget\s*=\s*)(["'])[^"']*\2/, '$1"' + encodeXmlAttribute(target) + '"');
  });
  if (fixed !== xml) writePart(zip, relsPath, fixed);
  return fixed !== xml;
}

/**
 * The workbook's relationships written as Excel writes them: targets relative to `xl/`
 * (`worksheets/sheet1.xml`), with the parts that are about to move under their new names.
 */
function workbookRelsAsExcelWrites(zip: JSZip, wbPath: string, moves: Array<[string, string]>): Promise<boolean> {
  const movedTo = new Map(moves);
  return retargetRels(zip, relsPathOf(wbPath), posix.dirname(wbPath), (resolved) => posix.relative('xl', movedTo.get(resolved) || resolved));
}

/** Moves a part's relationships with it; relative targets are rewritten when the folder changes. */
async function moveRels(zip: JSZip, from: string, to: string): Promise<void> {
  const fromRels = relsPathOf(from);
  const toRels = relsPathOf(to);
  if (!zip.file(fromRels) || fromRels === toRels) return;
  await movePart(zip, fromRels, toRels);
  const newDir = posix.dirname(to);
  if (posix.dirname(from) === newDir) return;
  await retargetRels(zip, toRels, posix.dirname(from), (resolved, written) => (written.startsWith('/') ? null : posix.relative(newDir, resolved)));
}

async function unprefixMainNamespace(zip: JSZip): Promise<boolean> {
  const wbPath = await workbookPath(zip);
  if (!wbPath) return false;
  const parts = [wbPath];
  for (const rel of await readRels(zip, wbPath)) {
    const kind = relKind(rel.type);
    if (!rel.external && (kind === 'worksheet' || kind === 'sharedStrings' || kind === 'styles')) parts.push(rel.target);
  }
  let changed = false;
  for (const part of parts) {
    const text = readPart(zip, part);
    if (!text) continue;
    const xml = await text;
    const root = /<([\w.-]+):[\w.-]+[^>]*\sxmlns:\1\s*=\s*"([^"]*)"/.exec(xml.slice(0, 2000));
    if (!root || root[2] !== MAIN_NS) continue;
    const prefix = root[1];
    const open = new RegExp('<(/?)' + prefix + ':', 'g');
    const declaration = new RegExp('\\sxmlns:' + prefix + '\\s*=\\s*"' + MAIN_NS.replace(/[.\/]/g, '\\$&') + '"');
    let fixed = xml.replace(open, '<$1');
    fixed = /\sxmlns\s*=/.test(fixed.slice(0, 2000)) ? fixed.replace(declaration, '') : fixed.replace(declaration, ' xmlns="' + MAIN_NS + '"');
    writePart(zip, part, fixed);
    changed = true;
  }
  return changed;
}

/** Column number of `A`…`XFD`. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * The `r` attribute of rows and cells is optional in the file format and some programs leave it
 * out; ExcelJS then fails. Number them the way the format defines (each row after the previous,
 * each cell after the previous one in its row). Only `r` attributes are added, which changes no
 * count of the lost-parts census. Returns whether anything changed.
 */
function addCellReferences(zip: JSZip): Promise<boolean> {
  return fixSheetXml(zip, (xml) => {
    const missing = /<(?:[\w.-]+:)?(?:row|c)(?=[\s/>])(?![^>]*\sr\s*=)[^>]*>/;
    if (!missing.test(xml)) return xml;
    let row = 0;
    let column = 0;
    return xml.replace(/<((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*)>/g, (tag, prefix: string, name: string, rest: string) => {
      const r = /\sr\s*=\s*["']([^"']*)["']/.exec(rest);
      if (name === 'row') {
        row = r ? parseInt(r[1], 10) || row + 1 : row + 1;
        column = 0;
        return r ? tag : '<' + prefix + 'row r="' + row + '"' + rest + '>';
      }
      if (r) {
        const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(r[1]);
        if (m) column = columnNumber(m[1]);
        return tag;
      }
      column++;
      return '<' + prefix + 'c r="' + columnLetters(column) + row + '"' + rest + '>';
    });
  });
}

/** Runs `fix` on the XML of each worksheet and writes back what it changed. Returns whether any changed. */
async function fixSheetXml(zip: JSZip, fix: (xml: string) => string): Promise<boolean> {
  const { sheets } = await readSheetParts(zip);
  let changed = false;
  for (const part of sheets) {
    const text = part.path ? readPart(zip, part.path) : null;
    if (!text) continue;
    const xml = await text;
    const fixed = fix(xml);
    if (fixed === xml) continue;
    writePart(zip, part.path, fixed);
    changed = true;
  }
  return changed;
}

/** The workbook's date system, with the flag spelled `1`/`0` (XML booleans may also be `true`/`false`). */
async function spellDateSystemFlag(zip: JSZip): Promise<{ date1904: boolean; changed: boolean }> {
  const wbPath = await workbookPath(zip);
  const text = wbPath ? readPart(zip, wbPath) : null;
  if (!wbPath || !text) return { date1904: false, changed: false };
  const xml = await text;
  const tag = /<(?:[\w.-]+:)?workbookPr(?=[\s/>])[^>]*>/.exec(xml);
  if (!tag) return { date1904: false, changed: false };
  const value = (attributesOf(tag[0]).date1904 || '').trim().toLowerCase();
  const date1904 = value === '1' || value === 'true';
  if (value !== 'true' && value !== 'false') return { date1904, changed: false };
  const fixed = tag[0].replace(/(\sdate1904\s*=\s*)(["'])[^"']*\2/, '$1"' + (date1904 ? '1' : '0') + '"');
  writePart(zip, wbPath, xml.slice(0, tag.index) + fixed + xml.slice(tag.index + tag[0].length));
  return { date1904, changed: true };
}

const MS_PER_DAY = 86400000;
/** 1899-12-30: day 0 of the 1900 system for every date after February 1900. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
/** Days from 1900-01-01 (1900 system) to 1904-01-01 (1904 system's day 0). */
const DAYS_1904 = 1462;
const ISO_DATE_TIME = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** The serial number Excel stores for an ISO 8601 date or time, or null when it is not one. */
export function serialFromIso(text: string, date1904: boolean): number | null {
  const m = ISO_DATE_TIME.exec(text.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const time = m[4] === undefined ? 0 : (+m[4] * 3600 + +m[5] * 60 + (m[6] ? +m[6] : 0)) / 86400;
  if (m[1] === undefined) return time < 1 ? time : null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let serial = Math.round((ms - EPOCH_1900) / MS_PER_DAY);
  // The 1900 system counts a 29 February 1900 that never was: days before March are one less.
  if (!date1904 && serial < 61) serial -= 1;
  if (date1904) serial -= DAYS_1904;
  return serial < 0 ? null : serial + time;
}

/**
 * Per worksheet: ISO date cells become serial numbers (an unreadable one becomes the text it
 * holds, which the check then reports), and phonetic guides leave inline strings.
 */
function fixCellsExcelJSMisreads(zip: JSZip, date1904: boolean): Promise<boolean> {
  return fixSheetXml(zip, (xml) => {
    let fixed = xml;
    if (/\st\s*=\s*["']d["']/.test(xml)) {
      fixed = fixed.replace(/<((?:[\w.-]+:)?)c(?=[\s>])([^>]*)(?<!\/)>([\s\S]*?)<\/\1c>/g, (cell, prefix: string, rest: string, inner: string) =>
        isoDateCell(cell, prefix, rest, inner, date1904),
      );
    }
    if (/<(?:[\w.-]+:)?(?:rPh|phoneticPr)(?=[\s/>])/.test(xml) && /<(?:[\w.-]+:)?is(?=[\s>])/.test(xml)) {
      fixed = fixed.replace(/<((?:[\w.-]+:)?)is>([\s\S]*?)<\/\1is>/g, (whole, prefix: string, inner: string) =>
        '<' + prefix + 'is>' + withoutPhonetics(inner) + '</' + prefix + 'is>',
      );
    }
    return fixed;
  });
}

function isoDateCell(cell: string, prefix: string, rest: string, inner: string, date1904: boolean): string {
  if (attributesOf('<c' + rest + '>').t !== 'd') return cell;
  const v = new RegExp('<' + prefix + 'v>([^<]*)</' + prefix + 'v>').exec(inner);
  const withoutType = rest.replace(/\st\s*=\s*["']d["']/, '');
  if (!v) return '<' + prefix + 'c' + withoutType + '>' + inner + '</' + prefix + 'c>';
  const raw = decodeXml(v[1]);
  const serial = serialFromIso(raw, date1904);
  if (serial !== null) return '<' + prefix + 'c' + withoutType + '>' + inner.replace(v[0], '<' + prefix + 'v>' + serial + '</' + prefix + 'v>') + '</' + prefix + 'c>';
  // Not a date after all: keep it as the text it is (a formula's result stays one).
  if (/<(?:[\w.-]+:)?f[\s>/]/.test(inner)) return '<' + prefix + 'c' + withoutType + ' t="str">' + inner + '</' + prefix + 'c>';
  return '<' + prefix + 'c' + withoutType + ' t="inlineStr"><' + prefix + 'is><' + prefix + 't xml:space="preserve">' + v[1] + '</' + prefix + 't></' + prefix + 'is></' + prefix + 'c>';
}

function withoutPhonetics(inner: string): string {
  return inner
    .replace(/<((?:[\w.-]+:)?)rPh(?=[\s>])[^>]*>[\s\S]*?<\/\1rPh>/g, '')
    .replace(/<(?:[\w.-]+:)?rPh(?=[\s/])[^>]*\/>/g, '')
    .replace(/<((?:[\w.-]+:)?)phoneticPr(?=[\s>])[^>]*>[\s\S]*?<\/\1phoneticPr>/g, '')
    .replace(/<(?:[\w.-]+:)?phoneticPr(?=[\s/])[^>]*\/>/g, '');
}

/**
 * The Chinese (zh-CN) codes of the built-in formats whose code depends on the language Excel runs
 * in. Chinese Excel and WPS write these ids without defining them; ExcelJS knows them only per
 * language and writes such cells back as General (a date shows as 43680).
 */
const ZH_CN_BUILTIN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Defines the language-dependent built-in formats the styles use but do not define. */
async function defineBuiltinDateFormats(zip: JSZip): Promise<boolean> {
  const wbPath = await workbookPath(zip);
  if (!wbPath) return false;
  const rel = (await readRels(zip, wbPath)).find((r) => !r.external && relKind(r.type) === 'styles');
  const text = rel ? readPart(zip, rel.target) : null;
  if (!rel || !text) return false;
  const xml = await text;
  const used = new Set<number>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?xf(?=[\s/>])[^>]*\snumFmtId\s*=\s*["'](\d+)["']/g)) used.add(+m[1]);
  const defined = new Set<number>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?numFmt(?=[\s/>])[^>]*\snumFmtId\s*=\s*["'](\d+)["']/g)) defined.add(+m[1]);
  const missing = Array.from(used).filter((id) => ZH_CN_BUILTIN_FORMATS[id] !== undefined && !defined.has(id)).sort((a, b) => a - b);
  if (missing.length === 0) return false;
  const added = missing.map((id) => '<numFmt numFmtId="' + id + '" formatCode="' + encodeXmlAttribute(ZH_CN_BUILTIN_FORMATS[id]) + '"/>').join('');
  let fixed: string;
  const list = /<numFmts(?=[\s/>])([^>]*?)(\/?)>/.exec(xml);
  if (list) {
    const count = defined.size + missing.length;
    const open = '<numFmts' + list[1].replace(/\scount\s*=\s*["']\d*["']/, '') + ' count="' + count + '">';
    fixed = list[2] === '/'
      ? xml.slice(0, list.index) + open + added + '</numFmts>' + xml.slice(list.index + list[0].length)
      : xml.slice(0, list.index) + open + added + xml.slice(list.index + list[0].length);
  } else {
    const root = /<styleSheet(?=[\s>])[^>]*>/.exec(xml);
    if (!root) return false;
    const at = root.index + root[0].length;
    fixed = xml.slice(0, at) + '<numFmts count="' + missing.length + '">' + added + '</numFmts>' + xml.slice(at);
  }
  writePart(zip, rel.target, fixed);
  return true;
}
