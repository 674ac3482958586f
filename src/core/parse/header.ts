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
const SORTED_WORDS: Record<HeaderKind, Array<{ word: string; field: Field; not: ReadonlyArray<string> }>> = (() => {
  const out = {} as Record<HeaderKind, Array<{ word: string; field: Field; not: ReadonlyArray<string> }>>;
  for (const kind of KIND_PRIORITY) {
    const list: Array<{ word: string; field: Field; not: ReadonlyArray<string>; order: number }> = [];
    for (const f of HEADER_WORDS[kind].fields) for (const word of f.words) list.push({ word, field: f.field, not: f.not || [], order: list.length });
    list.sort((a, b) => b.word.length - a.word.length || a.order - b.order);
    out[kind] = list.map((x) => ({ word: x.word, field: x.field, not: x.not }));
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

/**
 * A column named for a field in 规则设置 (`列:检查地点=受查单位`): a header cell that equals `key`
 * (cleaned) serves that field, in every kind listed, whatever its words say.
 */
export interface HeaderOverride {
  /** The header text, cleaned like a header cell. */
  key: string;
  fields: ReadonlyArray<{ kind: HeaderKind; field: Field }>;
  /** Index into the list of overrides, to report which were used. */
  id: number;
}

/** A column whose header claims a field: its longest matching word is one of the field's. */
export interface FieldCandidate {
  /** 0-based index into the row. */
  index: number;
  /** Header text as written (trimmed). */
  raw: string;
  /** Length of the matching word (longer is more specific); OVERRIDE_LENGTH for a 规则设置 column. */
  length: number;
  /** The header also holds one of the field's `not` words (隐患类别, 被检查单位地址). */
  penalised: boolean;
  /** The 规则设置 override that named this column, when one did. */
  override?: number;
}

/** Length given to a column named in 规则设置: it beats every header word. */
export const OVERRIDE_LENGTH = 1000;

/** What a header row says: the kind, and each field's column. */
export interface HeaderMatch {
  kind: HeaderKind;
  /** 0-based index into the row of each field found, by header words alone (see columns.ts for the cells). */
  columns: Partial<Record<Field, number>>;
  /** Header text as written (trimmed) of each field found. */
  headers: Partial<Record<Field, string>>;
  /** Every column claiming each field, best first (longest word, not penalised, then leftmost). */
  candidates: Partial<Record<Field, FieldCandidate[]>>;
  /** 0-based indexes of the first and last non-empty cells of the row. */
  first: number;
  last: number;
  /** The header text of every non-empty cell, by 0-based index (for the cells' evidence and for messages). */
  texts: Array<{ index: number; raw: string; key: string }>;
  /** Other columns headed like a site (检查地点 beside 被检查单位), read together with `columns.site`. */
  moreSites?: number[];
  /** The row has a schedule's leader and scope columns, but also a date column, so it is no schedule. */
  scheduleButDate?: boolean;
  /**
   * The row matches at least two header words of the kind but lacks some of its required fields
   * (a log whose leader column is headed 姓名): the cells may still supply them (columns.ts).
   */
  missing?: Field[];
}

// Longer header cells are titles or notes, never a column header.
const MAX_HEADER_LENGTH = 60;
/** Sub-header cells are short words (整改期限, 责任人). */
const MAX_SUB_HEADER_LENGTH = 12;

/** The header cells of a row: every non-empty text cell of a header's length, and the row's extent. */
function headerCells(row: ReadonlyArray<CellValue>): { cells: Array<{ index: number; key: string; raw: string }>; first: number; last: number } {
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
  return { cells, first, last };
}

/**
 * Best first: a column named in 规则设置, then a header without the field's `not` words (隐患类别 is
 * no hazard while another column is), then the longest word, then the leftmost.
 */
function compareCandidates(a: FieldCandidate, b: FieldCandidate): number {
  return (a.penalised ? 1 : 0) - (b.penalised ? 1 : 0) || b.length - a.length || a.index - b.index;
}

/** The column a field is read from on header words alone: the best of its candidates. */
export function headerChoice(candidates: ReadonlyArray<FieldCandidate>): FieldCandidate | null {
  return candidates.length > 0 ? candidates[0] : null;
}

/**
 * Matches one row against every kind: each cell gets the field of its longest matching word
 * (equals or contains), or the field 规则设置 names for it; each column serves one field. A field
 * claimed by several columns is read, on words alone, from a header without the field's `not` words
 * (隐患类别 is no hazard), then the longest word, then the leftmost; columns.ts lets the cells decide
 * ties. A kind fits when it has all its required fields; a row with a date column is never a
 * schedule. Among fitting kinds the one with more fields wins, ties in {@link KIND_PRIORITY} order.
 * With `partial`, a row that fits no kind may still match one partly: two cells at least with its
 * words, one at least a required field (`missing` lists the others).
 */
export function matchHeaderRow(
  row: ReadonlyArray<CellValue> | null | undefined,
  overrides: ReadonlyArray<HeaderOverride> = [],
  partial = false,
): HeaderMatch | null {
  if (!row) return null;
  const { cells, first, last } = headerCells(row);
  if (cells.length < 2) return null;

  let best: HeaderMatch | null = null;
  let bestCount = 0;
  let bestPartial: HeaderMatch | null = null;
  let bestPartialCount = 0;
  let logHasDate = false;
  let scheduleButDate = false;
  // Log before schedule, so the schedule can be refused when the row has a date column.
  const order: HeaderKind[] = ['meetings', 'reports', 'log', 'schedule'];
  for (const kind of order) {
    const words = SORTED_WORDS[kind];
    const candidates: Partial<Record<Field, FieldCandidate[]>> = {};
    let matchedCells = 0;
    for (const cell of cells) {
      let claim: FieldCandidate | null = null;
      let field: Field | null = null;
      for (const o of overrides) {
        if (o.key !== cell.key) continue;
        for (const f of o.fields) {
          if (f.kind === kind) {
            claim = { index: cell.index, raw: cell.raw, length: OVERRIDE_LENGTH, penalised: false, override: o.id };
            field = f.field;
          }
        }
      }
      if (claim === null) {
        for (const w of words) {
          if (cell.key.indexOf(w.word) >= 0) {
            const penalised = w.not.some((n) => cell.key.indexOf(n) >= 0);
            claim = { index: cell.index, raw: cell.raw, length: w.word.length, penalised };
            field = w.field;
            break;
          }
        }
      }
      if (claim === null || field === null) continue;
      matchedCells++;
      (candidates[field] || (candidates[field] = [])).push(claim);
    }
    for (const f of Object.keys(candidates) as Field[]) (candidates[f] as FieldCandidate[]).sort(compareCandidates);
    if (kind === 'log') logHasDate = candidates.date !== undefined;
    if (kind === 'schedule' && logHasDate) {
      scheduleButDate = !!candidates.leader && !!candidates.scope;
      continue;
    }
    const required = HEADER_WORDS[kind].required;
    const missing = required.filter((f) => !candidates[f]);
    const columns: Partial<Record<Field, number>> = {};
    const headers: Partial<Record<Field, string>> = {};
    let count = 0;
    for (const f of HEADER_WORDS[kind].fields) {
      const list = candidates[f.field];
      const choice = list ? headerChoice(list) : null;
      if (choice) {
        columns[f.field] = choice.index;
        headers[f.field] = choice.raw;
        count++;
      }
    }
    const texts = cells.map((c) => ({ index: c.index, raw: c.raw, key: c.key }));
    const match: HeaderMatch = { kind, columns, headers, candidates, first, last, texts };
    // 检查地点 beside 被检查单位: the place written in the other column is read too (not an address).
    const siteList = candidates.site || [];
    const moreSites = siteList.filter((c) => c.index !== columns.site && !c.penalised).map((c) => c.index);
    if (moreSites.length > 0) match.moreSites = moreSites;
    if (missing.length === 0) {
      // `order` is the priority order, so only a strictly larger count replaces the best.
      if (count > bestCount) {
        best = match;
        bestCount = count;
      }
    } else if (partial && matchedCells >= 2 && missing.length < required.length && count > bestPartialCount) {
      match.missing = missing;
      bestPartial = match;
      bestPartialCount = count;
    }
  }
  const found = best || bestPartial;
  if (found && scheduleButDate) found.scheduleButDate = true;
  return found;
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
export function detectHeader(sheet: SheetInput, overrides: ReadonlyArray<HeaderOverride> = []): HeaderDetection | null {
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const { firstRow } = sheetOrigin(sheet);
  // A row that fits a kind wins over one that only matches it partly, wherever it stands in rows 1–10.
  for (const partial of [false, true]) {
    for (let r = 0; r < values.length && firstRow + r <= HEADER_SEARCH_ROWS; r++) {
      const match = matchHeaderRow(values[r], overrides, partial);
      if (!match) continue;
      const joined = joinSubHeader(values[r], values[r + 1], match, overrides, partial);
      const found = joined || match;
      return { ...found, headerIndex: joined ? r + 1 : r };
    }
  }
  return null;
}

/**
 * A row below Excel row 10 that fits a schedule header, for the message when no schedule was found
 * (a schedule with a long preamble); null when none of the first `limit` rows below row 10 does.
 */
export function scheduleHeaderBelow(sheet: SheetInput, limit = 40): number | null {
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const { firstRow } = sheetOrigin(sheet);
  for (let r = Math.max(0, HEADER_SEARCH_ROWS + 1 - firstRow); r < values.length && r < HEADER_SEARCH_ROWS + limit; r++) {
    const match = matchHeaderRow(values[r]);
    if (match && match.kind === 'schedule') return firstRow + r;
  }
  return null;
}

/** The header and the sub-header below it read as one row, or null when the row below is no sub-header. */
function joinSubHeader(
  top: ReadonlyArray<CellValue>,
  below: ReadonlyArray<CellValue> | null | undefined,
  match: HeaderMatch,
  overrides: ReadonlyArray<HeaderOverride>,
  partial: boolean,
): HeaderMatch | null {
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
    if (words.some((w) => key.indexOf(w.word) >= 0) || overrides.some((o) => o.key === key)) any = true;
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
  const again = matchHeaderRow(joined, overrides, partial);
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
