/**
 * Sheet kind detection (SPEC §1): sheet names are not fixed, so a sheet's kind comes from its
 * header row — the first of Excel rows 1–10 whose cells hold all the required header words of a
 * kind. Title rows above it, merged titles and empty rows are normal.
 */
import { cleanKey, nfkc, stripBracketed } from '../clean/text';
import type { CellValue, Field, SheetInput } from '../types';
import { HEADER_SEARCH_ROWS, HEADER_WORDS, KIND_PRIORITY, SETTINGS_SHEET_NAME } from './words';
import type { HeaderKind } from './words';

// Longest word first, so 整改完成日期 beats 日期; ties keep the table's order.
const SORTED_WORDS: Record<HeaderKind, Array<{ word: string; field: Field }>> = (() => {
  const out = {} as Record<HeaderKind, Array<{ word: string; field: Field }>>;
  for (const kind of KIND_PRIORITY) {
    const list: Array<{ word: string; field: Field; order: number }> = [];
    for (const f of HEADER_WORDS[kind].fields) for (const word of f.words) list.push({ word, field: f.field, order: list.length });
    list.sort((a, b) => b.word.length - a.word.length || a.order - b.order);
    out[kind] = list.map((x) => ({ word: x.word, field: x.field }));
  }
  return out;
})();

/** A header cell as matched: NFKC, bracketed text removed, no white space. */
export function cleanHeader(text: string): string {
  return cleanKey(stripBracketed(nfkc(text)));
}

/** True for the settings sheet's name, 规则设置 (spaces and full-width forms ignored). */
export function isSettingsSheet(name: string): boolean {
  return cleanKey(String(name)) === SETTINGS_SHEET_NAME;
}

/** What a header row says: the kind, and each field's column. */
export interface HeaderMatch {
  kind: HeaderKind;
  /** 0-based index into the row of each field found. */
  columns: Partial<Record<Field, number>>;
  /** Header text as written (trimmed) of each field found. */
  headers: Partial<Record<Field, string>>;
  /** 0-based indexes of the first and last non-empty cells of the row. */
  first: number;
  last: number;
  /** Other columns headed like a site (检查地点 beside 被检查单位), read together with `columns.site`. */
  moreSites?: number[];
  /** The row has a schedule's leader and scope columns, but also a date column, so it is no schedule. */
  scheduleButDate?: boolean;
}

// Longer header cells are titles or notes, never a column header.
const MAX_HEADER_LENGTH = 60;
/** Sub-header cells are short words (整改期限, 责任人). */
const MAX_SUB_HEADER_LENGTH = 12;

/**
 * Matches one row against every kind: each cell gets the field of its longest matching word
 * (equals or contains); when two cells claim one field the longer match wins, then the leftmost.
 * A kind fits when it has all its required fields; a row with a date column is never a schedule.
 * Among fitting kinds the one with more fields wins, ties in {@link KIND_PRIORITY} order.
 */
export function matchHeaderRow(row: ReadonlyArray<CellValue> | null | undefined): HeaderMatch | null {
  if (!row) return null;
  const cells: Array<{ index: number; key: string; raw: string }> = [];
  let first = -1;
  let last = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'string') {
      if (v.length > MAX_HEADER_LENGTH * 4) {
        if (first < 0) first = c;
        last = c;
        continue;
      }
      const key = cleanHeader(v);
      if (key === '') continue;
      if (first < 0) first = c;
      last = c;
      if (key.length <= MAX_HEADER_LENGTH) cells.push({ index: c, key, raw: v.trim() });
    } else {
      if (first < 0) first = c;
      last = c;
    }
  }
  if (cells.length < 2) return null;

  let best: HeaderMatch | null = null;
  let bestCount = 0;
  let logHasDate = false;
  let scheduleButDate = false;
  // Log before schedule, so the schedule can be refused when the row has a date column.
  const order: HeaderKind[] = ['meetings', 'reports', 'log', 'schedule'];
  for (const kind of order) {
    const words = SORTED_WORDS[kind];
    const claims: Partial<Record<Field, { col: number; len: number; raw: string }>> = {};
    const siteCells: number[] = [];
    for (const cell of cells) {
      for (const w of words) {
        if (cell.key.indexOf(w.word) >= 0) {
          const prev = claims[w.field];
          if (!prev || w.word.length > prev.len) claims[w.field] = { col: cell.index, len: w.word.length, raw: cell.raw };
          if (w.field === 'site') siteCells.push(cell.index);
          break;
        }
      }
    }
    if (kind === 'log') logHasDate = claims.date !== undefined;
    if (kind === 'schedule' && logHasDate) {
      scheduleButDate = !!claims.leader && !!claims.scope;
      continue;
    }
    const required = HEADER_WORDS[kind].required;
    let fits = true;
    for (const f of required) if (!claims[f]) fits = false;
    if (!fits) continue;
    const columns: Partial<Record<Field, number>> = {};
    const headers: Partial<Record<Field, string>> = {};
    let count = 0;
    for (const f of HEADER_WORDS[kind].fields) {
      const claim = claims[f.field];
      if (claim) {
        columns[f.field] = claim.col;
        headers[f.field] = claim.raw;
        count++;
      }
    }
    // `order` is the priority order, so only a strictly larger count replaces the best.
    if (count > bestCount) {
      best = { kind, columns, headers, first, last };
      // 检查地点 beside 被检查单位: the place written in the other column is read too.
      const moreSites = siteCells.filter((c) => c !== columns.site);
      if (moreSites.length > 0) best.moreSites = moreSites;
      bestCount = count;
    }
  }
  if (best && scheduleButDate) best.scheduleButDate = true;
  return best;
}

/** A sheet's header row, as found in Excel rows 1–10. */
export interface HeaderDetection extends HeaderMatch {
  /** 0-based index into `values` of the header row. */
  headerIndex: number;
}

/** Normalised origin of a sheet: 1-based Excel row and column of `values[0][0]`. */
export function sheetOrigin(sheet: SheetInput): { firstRow: number; firstColumn: number } {
  const r = sheet.firstRow;
  const c = sheet.firstColumn;
  return {
    firstRow: typeof r === 'number' && isFinite(r) && r >= 1 ? Math.floor(r) : 1,
    firstColumn: typeof c === 'number' && isFinite(c) && c >= 1 ? Math.floor(c) : 1,
  };
}

/**
 * Finds the header row of a sheet among Excel rows 1–10, or null when the sheet is of no known kind.
 * A two-row header (整改情况 merged over 整改期限 / 完成日期 / 整改状态) is read as one: the row below
 * the header is a sub-header when its cells are short words without digits, one at least a header
 * word of the same kind, one at least under an empty (merged) cell of the header, and reading it
 * adds a column; each column then takes its lower text, and the data starts below the sub-header.
 */
export function detectHeader(sheet: SheetInput): HeaderDetection | null {
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const { firstRow } = sheetOrigin(sheet);
  for (let r = 0; r < values.length && firstRow + r <= HEADER_SEARCH_ROWS; r++) {
    const match = matchHeaderRow(values[r]);
    if (!match) continue;
    const joined = joinSubHeader(values[r], values[r + 1], match);
    const found = joined || match;
    return { ...found, headerIndex: joined ? r + 1 : r };
  }
  return null;
}

/** The header and the sub-header below it read as one row, or null when the row below is no sub-header. */
function joinSubHeader(top: ReadonlyArray<CellValue>, below: ReadonlyArray<CellValue> | null | undefined, match: HeaderMatch): HeaderMatch | null {
  if (!below) return null;
  const words = SORTED_WORDS[match.kind];
  let underBlank = false;
  let any = false;
  for (let c = 0; c < below.length; c++) {
    const v = below[c];
    if (v === null || v === undefined || v === '') continue;
    // Sub-headers are short words; a record has a date, a number or longer text somewhere.
    if (typeof v !== 'string') return null;
    const key = cleanHeader(v);
    if (key === '') continue;
    if (key.length > MAX_SUB_HEADER_LENGTH || /\d/.test(key)) return null;
    if (words.some((w) => key.indexOf(w.word) >= 0)) any = true;
    const above = top[c];
    if (above === null || above === undefined || (typeof above === 'string' && cleanHeader(above) === '')) underBlank = true;
  }
  if (!any || !underBlank) return null;
  const width = Math.max(top.length, below.length);
  const joined: CellValue[] = [];
  for (let c = 0; c < width; c++) {
    const v = below[c];
    joined.push(typeof v === 'string' && cleanHeader(v) !== '' ? v : c < top.length ? top[c] : '');
  }
  const again = matchHeaderRow(joined);
  // Only a row that adds a column is a sub-header (the group header above it may give way).
  if (!again || again.kind !== match.kind) return null;
  for (const f of Object.keys(again.columns) as Field[]) if (match.columns[f] === undefined) return again;
  return null;
}

const DEADLINE_DAY = /每月(\d{1,2})[日号]|(\d{1,2})[日号](?:以前|之前|前)/;

/**
 * The deadline day a header states, e.g. `检查范围（每月20日以前完成）` → 20 (also `每月20号`,
 * `20日前`); null when it states none or a day outside 1–31.
 */
export function deadlineDayFromText(text: string): number | null {
  const m = DEADLINE_DAY.exec(cleanKey(text));
  if (!m) return null;
  const n = +(m[1] || m[2]);
  return n >= 1 && n <= 31 ? n : null;
}

const TOWNSHIP = /^([\u3400-\u9fff]+?(?:街道|镇|乡))/;
const NOT_A_TOWNSHIP_START = '全本我各该某';

/**
 * The township a title names at its start: `大栗港镇党政领导带队检查安排表` → 大栗港镇,
 * `2019年城关街道…` → 城关街道. The name ends in 镇, 乡 or 街道 and is 2–10 characters long;
 * 全镇, 本镇, 乡镇 and the like are not names. Null when the title names none.
 */
export function townshipFromTitle(text: string): string | null {
  if (text.length > 400) return null;
  const t = cleanKey(text).replace(/^\d{4}年度?/, '');
  const m = TOWNSHIP.exec(t);
  if (!m) return null;
  const name = m[1];
  if (name.length < 2 || name.length > 10) return null;
  if (NOT_A_TOWNSHIP_START.indexOf(name.charAt(0)) >= 0 || name === '乡镇' || name === '城乡') return null;
  return name;
}
