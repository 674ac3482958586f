/**
 * Text cleaning shared by names, dates, headers and settings: NFKC (with a fallback for IE11,
 * which lacks String.prototype.normalize), white space of every kind, zero-width characters,
 * Excel error values, and turning any cell value into text.
 */
import { formatIso } from '../day';
import type { CellValue } from '../types';

const HAS_NORMALIZE = typeof ''.normalize === 'function';

// Characters that are NFKC-stable and common in our cells: ASCII printable, CJK ideographs,
// 、。 and the Chinese quotes. A string made only of these skips normalisation entirely.
function isStableCode(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || (c >= 0x09 && c <= 0x0d) || (c >= 0x4e00 && c <= 0x9fff) || c === 0x3001 || c === 0x3002 || (c >= 0x2018 && c <= 0x201d);
}

function needsNormalising(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isStableCode(text.charCodeAt(i))) return true;
  }
  return false;
}

/**
 * The part of NFKC that matters in Chinese office workbooks, for hosts without
 * `String.prototype.normalize` (IE11): full-width ASCII U+FF01–U+FF5E → ASCII, U+3000 → space,
 * full-width ￠￡￢￣￤￥￦ → their ordinary forms.
 */
export function nfkcFallback(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else if (c >= 0xffe0 && c <= 0xffe6) {
      out += '\u00a2\u00a3\u00ac\u00af\u00a6\u00a5\u20a9'.charAt(c - 0xffe0);
      changed = true;
    } else {
      out += text.charAt(i);
    }
  }
  return changed ? out : text;
}

/**
 * Unicode NFKC: full-width digits, letters and punctuation become ASCII (`２０１９` → `2019`,
 * `，` → `,`), U+3000 becomes a space. Uses `String.prototype.normalize` when the host has it,
 * else {@link nfkcFallback}.
 */
export function nfkc(text: string): string {
  if (!needsNormalising(text)) return text;
  return HAS_NORMALIZE ? text.normalize('NFKC') : nfkcFallback(text);
}

/** Every white space character (JS `\s` covers ASCII, U+00A0, U+3000, U+2000–U+200A, U+FEFF…) and the zero-width ones. */
export const SPACE_CLASS = '\\s\\u200B-\\u200D\\u2060\\uFEFF\\u180E';
const SPACES_G = new RegExp('[' + SPACE_CLASS + ']+', 'g');
const EDGE_SPACES = new RegExp('^[' + SPACE_CLASS + ']+|[' + SPACE_CLASS + ']+$', 'g');

/** Removes every white space and zero-width character. */
export function stripSpaces(text: string): string {
  return text.replace(SPACES_G, '');
}

// May this code be white space or zero-width? (Conservative: the regex decides.)
function maybeSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff;
}

/** Trims white space and zero-width characters at both ends (String.prototype.trim keeps U+200B). */
export function trimAll(text: string): string {
  if (text === '' || (!maybeSpace(text.charCodeAt(0)) && !maybeSpace(text.charCodeAt(text.length - 1)))) return text;
  return text.replace(EDGE_SPACES, '');
}

/** NFKC, then no white space at all: the form used to compare keys, states and header words. */
export function cleanKey(text: string): string {
  return stripSpaces(nfkc(text));
}

// Bracketed text: （…） (…) 【…】 […] 〔…〕, after NFKC turned full-width brackets into ASCII.
const BRACKETED_G = /\([^()]*\)|【[^【】]*】|\[[^[\]]*\]|〔[^〔〕]*〕/g;

/** Removes bracketed text such as `（每月25日以前完成）` (after NFKC, so full-width brackets too). */
export function stripBracketed(text: string): string {
  return text.indexOf('(') < 0 && text.indexOf('【') < 0 && text.indexOf('[') < 0 && text.indexOf('〔') < 0
    ? text
    : text.replace(BRACKETED_G, '');
}

/** Excel's error values as `range.values` and xlsx readers give them. */
export const EXCEL_ERRORS: ReadonlyArray<string> = [
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NULL!',
  '#NUM!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
];
const ERROR_SET: { [key: string]: true } = {};
for (const e of EXCEL_ERRORS) ERROR_SET[e] = true;

/** True when the cell holds one of Excel's error values (`#N/A`, `#REF!`, …). */
export function isErrorValue(value: CellValue): boolean {
  if (typeof value !== 'string' || value.length > 20) return false;
  const t = trimAll(value);
  return t.charCodeAt(0) === 35 /* # */ && ERROR_SET[t.toUpperCase()] === true;
}

/** True for null, undefined, '' and strings of white space only. */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value === '' || trimAll(value) === '';
  return false;
}

/**
 * Any cell value as text: strings as they are, numbers in their shortest form, booleans as
 * TRUE/FALSE (as Excel shows them), dates as YYYY-MM-DD (UTC), empty for null/undefined.
 */
export function cellText(value: CellValue): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const t = value.getTime();
    if (t !== t) return 'Invalid Date';
    return formatIso(Math.floor(t / 86400000));
  }
  return '';
}

/**
 * A cell's content as a message quotes it: one line, at most `max` characters (then `…`).
 */
export function quoteCell(value: CellValue, max = 50): string {
  let text = cellText(value);
  if (text.length > max * 4) text = text.slice(0, max * 4);
  text = trimAll(text.replace(/[\r\n\t]+/g, ' '));
  return text.length > max ? text.slice(0, max) + '…' : text;
}

// Separators of lists (units, titles, names): 、，,；;/／ | and line breaks, after NFKC.
const LIST_SEPARATORS_G = /[、,;/|\\\r\n]+/;

/**
 * Splits a list cell on 、，,；;/／| and line breaks (not on spaces), trimming each part and
 * dropping empties. NFKC is applied first.
 */
export function splitList(text: string): string[] {
  const parts = nfkc(text).split(LIST_SEPARATORS_G);
  const out: string[] = [];
  for (const p of parts) {
    const t = trimAll(p);
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * The first cell of a line below a table that is no record: totals, notes and the sign-off
 * (合计 3人, 合计（3处）, 8月小计, 备注：…, 填表人：张三, 审核：李四, 制表单位：…).
 */
const FOOTER_TEXT = /^(?:\d{1,2}月份?)?(?:注|备注|说明|附注|合计|小计|总计|共计|填表人|填报人|制表人|制表|审核人|审核|审批人|审批|统计人|联系人|联系电话|制表单位|填报单位|填表单位|填表日期|制表日期|报送单位)(?:[:：\d]|$)/;

// The first characters a footer line can start with: a cheap test before the cleaning, which
// would otherwise run on every record whose first cell is text.
const FOOTER_START = /^[\s\u3000]*[注备说附合小总共填制审统联报\d０-９]/;

/** True for the text of a table's footer line (see FOOTER_TEXT); brackets and spaces are ignored. */
export function isFooterText(text: string): boolean {
  return FOOTER_START.test(text) && FOOTER_TEXT.test(cleanKey(stripBracketed(nfkc(text))));
}

/** A heading between records: 八月份, 2019年8月, 8月检查记录, 第一周, 第三季度, 下半年. */
const SECTION_LABEL = /^(?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:检查记录|检查情况|记录|台账)?$|^(?:\d{4}年)?第?[一二三四五六七八九十\d]{1,2}(?:周|季度)$|^(?:\d{4}年)?(?:上半年|下半年)$/;
/** A title repeated between records (the next month's log pasted below): …安全生产检查台账. */
const TITLE_LINE = /(?:台账|记录表|检查表|登记表|检查记录|一览表|统计表|安排表|汇总表|登记簿)$/;
/** Closing lines: 以下空白, 本月共检查3次…, 记录人：…, 带队领导（签字）：, 抄送：…. */
const CLOSING_LINE = /^(?:以下空白|以下无内容|以下无正文|以下无记录|本页完|本表完)$|^(?:本月|本周|本季度|本年|全月)(?:共|合计|小计|累计)|^(?:带队领导|记录人|登记人|负责人|经办人|签字|签名|抄送|印发|主送)[:：]/;
/** A stamp or a signature line: …办公室（盖章）, …2019年7月1日印发. */
const SIGN_OFF_END = /(?:盖章|签章|签字|签名|印发)\)?[:：]?$/;
/** The issuing body under a table: 大栗港镇安全生产委员会, 大栗港镇人民政府, 镇党政办. */
const ISSUER = /^.{2,24}(?:委员会|办公室|人民政府|政府|党委|街道办事处|党政办|安监站|应急办)$/;

/**
 * True for the text of a line that is no record wherever it stands: a heading between records
 * (八月份), a title repeated below (…检查台账), a closing line (以下空白, 本月共检查…, 记录人：…),
 * a stamp or signature line, the issuing body, or a footer (see isFooterText). The parser takes it
 * so only when it is the row's only text, or when the row's required cells are empty.
 */
export function isLabelText(text: string): boolean {
  if (isFooterText(text)) return true;
  const key = cleanKey(nfkc(text));
  if (key === '') return false;
  return SECTION_LABEL.test(key) || TITLE_LINE.test(key) || CLOSING_LINE.test(key) || SIGN_OFF_END.test(key) || ISSUER.test(key);
}
