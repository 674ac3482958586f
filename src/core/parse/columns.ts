/**
 * Column recognition (SPEC §1 *Recognising columns, and saying so*): which column serves each field
 * of a sheet, decided from the header words and, where they are not decisive, from what the data
 * rows hold, with the evidence for every decision. The order of evidence:
 *   1. a column named in 规则设置 (`列:检查地点=受查单位`) wins;
 *   2. the header words (words.ts): each column serves the field of its longest word;
 *   3. when several columns match one field about as well (隐患类别 / 隐患具体描述 / 隐患等级,
 *      被检查单位名称 / 被检查单位地址), the cells decide; when they cannot, a header without the
 *      field's `not` words, then the leftmost;
 *   4. a field no header names is looked for in the cells: a column of schedule leaders is the
 *      leader column whatever its header says; a column of unit or place names the place; a column
 *      of states the state; a column of dates the date (in a schedule: a column of names the leader).
 * Pure: grids in, plain data out.
 */
import type { Field, Grid } from '../types';
import { columnSample, describeFit, fieldFit, profileColumn } from './cells';
import type { CellEvidence, ColumnProfile } from './cells';
import type { FieldCandidate, HeaderMatch } from './header';
import { fieldLabel, HEADER_WORDS } from './words';

/** How a column was decided: by a 规则设置 line, by its header words, by its cells; or not found. */
export type ReadingBy = 'settings' | 'header' | 'cells' | 'missing';

/** One field of a sheet as read: its column (0-based, null when not found) and the evidence. */
export interface FieldReading {
  field: Field;
  index: number | null;
  /** Header text as written ('' when not found). */
  header: string;
  by: ReadingBy;
  /** The evidence in Chinese: 表头“受检单位”, 单元格：30行中28行是安排表中的领导, 未找到. */
  how: string;
  /** A second place column read together with the first (检查地点 beside 被检查单位). */
  extra?: boolean;
}

/** The columns of a sheet as recognised. */
export interface Recognition {
  /** 0-based index of each field found. */
  columns: Partial<Record<Field, number>>;
  headers: Partial<Record<Field, string>>;
  /** Other place columns, read together with `columns.site`. */
  moreSites: number[];
  /** Every field of the kind, in the dictionary's order, found or not (and the extra place columns). */
  readings: FieldReading[];
  /** Required fields still not found: the sheet cannot be read as its kind. */
  missing: Field[];
  /** The 规则设置 overrides that named a column of this sheet. */
  overridesUsed: number[];
}

/** A field's cells must fit this much better than the next column's to decide a tie. */
const DECISIVE = 0.25;
/** A field no header names is taken from a column whose cells fit it this well … */
const CELLS_ALONE = 0.6;
/** … and hold at least this many such cells. */
const CELLS_ALONE_MIN = 2;
/** A log's date column found by its cells alone must hold dates in this share of its cells. */
const DATES_ALONE = 0.8;
/** A leader column found by its header whose cells name schedule leaders this rarely gives way to one that does. */
const LEADERS_RARE = 0.2;

/**
 * Decides the columns of a sheet whose header row is `match` (at `headerIndex` of `values`).
 * `evidence` is null when the cells are not to be looked at (a header on its own).
 */
export function recogniseColumns(match: HeaderMatch, values: Grid, headerIndex: number, evidence: CellEvidence | null): Recognition {
  const kind = match.kind;
  const log = kind === 'log';
  const fields = HEADER_WORDS[kind].fields;
  const chosen: Partial<Record<Field, FieldReading>> = {};
  const taken = new Map<number, Field>();
  const overridesUsed: number[] = [];
  const profiles = new Map<number, ColumnProfile>();
  const profile = (index: number): ColumnProfile | null => {
    if (evidence === null) return null;
    let p = profiles.get(index);
    if (p === undefined) profiles.set(index, (p = profileColumn(columnSample(values, headerIndex + 1, index), evidence)));
    return p;
  };
  const take = (field: Field, reading: FieldReading) => {
    chosen[field] = reading;
    if (reading.index !== null) taken.set(reading.index, field);
  };

  // 1. Columns named in 规则设置.
  for (const f of fields) {
    const list = match.candidates[f.field];
    const named = list && list[0].override !== undefined ? list[0] : null;
    if (named === null || taken.has(named.index)) continue;
    overridesUsed.push(named.override as number);
    take(f.field, { field: f.field, index: named.index, header: named.raw, by: 'settings', how: '规则设置：列:' + f.label + '=' + named.raw });
  }

  // 2 and 3. Header words; ties decided by the cells.
  const setAside: Partial<Record<Field, string>> = {};
  for (const f of fields) {
    if (chosen[f.field]) continue;
    const list = (match.candidates[f.field] || []).filter((c) => !taken.has(c.index) && c.override === undefined);
    if (list.length === 0) continue;
    const reading = byHeader(f.field, log, list, profile);
    if (typeof reading === 'string') setAside[f.field] = reading;
    else take(f.field, reading);
  }

  // 4. Fields no header names, from the cells.
  if (evidence !== null) {
    const allColumns = match.texts.map((t) => t.index);
    const free = (index: number) => !taken.has(index);
    const bestByCells = (field: Field, among: number[], least: number): { index: number; p: ColumnProfile; fit: number } | null => {
      let best: { index: number; p: ColumnProfile; fit: number } | null = null;
      for (const index of among) {
        const p = profile(index);
        const fit = p ? fieldFit(field, log, p) : null;
        if (p === null || fit === null || fit < least || fit * p.count < CELLS_ALONE_MIN) continue;
        if (best === null || fit > best.fit) best = { index, p, fit };
      }
      return best;
    };
    const headerOf = (index: number) => {
      const t = match.texts.find((x) => x.index === index);
      return t ? t.raw : '';
    };
    const fromCells = (field: Field, found: { index: number; p: ColumnProfile }, note: string) => {
      const previous = taken.get(found.index);
      if (previous !== undefined) {
        delete chosen[previous];
        taken.delete(found.index);
      }
      const header = headerOf(found.index);
      take(field, {
        field,
        index: found.index,
        header,
        by: 'cells',
        how: '单元格：' + describeFit(field, log, found.p) + (header !== '' ? '（表头“' + header + '”）' : '') + note,
      });
    };

    const leader = chosen.leader;
    if (log) {
      // The leader column: whatever its header says, the column whose cells are schedule leaders.
      // Never a column 规则设置 named (for this field or another): the clerk's word stands.
      const named = (i: number) => {
        const f = taken.get(i);
        return f !== undefined && (chosen[f] as FieldReading).by === 'settings';
      };
      const dateIndex = chosen.date ? chosen.date.index : null;
      const others = allColumns.filter((i) => i !== dateIndex && !named(i) && (leader === undefined || i !== leader.index));
      const leaderProfile = leader && leader.index !== null && leader.by === 'header' ? profile(leader.index) : null;
      const rare = leaderProfile !== null && leaderProfile.count >= 3 && leaderProfile.leaders / leaderProfile.count < LEADERS_RARE;
      if ((leader === undefined || rare) && evidence.known.size > 0) {
        const found = bestByCells('leader', others, CELLS_ALONE);
        if (found) {
          const note = leader && leader.index !== null ? '；表头像领导列的“' + leader.header + '”中很少有安排表中的领导' : '';
          if (leader) {
            taken.delete(leader.index as number);
            delete chosen.leader;
          }
          fromCells('leader', found, note);
        }
      }
      if (!chosen.date) {
        const found = bestByCells('date', allColumns.filter(free), DATES_ALONE);
        if (found) fromCells('date', found, '');
      }
      if (!chosen.site) {
        const found = bestByCells('site', allColumns.filter(free), CELLS_ALONE);
        if (found) fromCells('site', found, '');
      }
      if (!chosen.state) {
        const found = bestByCells('state', allColumns.filter(free), CELLS_ALONE);
        if (found) fromCells('state', found, '');
      }
    } else if (kind === 'schedule' && !leader) {
      const found = bestByCells('leader', allColumns.filter(free), CELLS_ALONE);
      if (found) fromCells('leader', found, '');
    }
  }

  // Other place columns are read with the place (检查地点 beside 被检查单位), never an address, and
  // not when 规则设置 names the place column: the clerk said which one it is.
  const moreSites: number[] = [];
  const site = chosen.site;
  if (log && site && site.index !== null && site.by !== 'settings') {
    for (const c of match.candidates.site || []) {
      if (taken.has(c.index) || c.penalised) continue;
      const p = profile(c.index);
      if (p !== null && p.count > 0 && p.addresses * 2 > p.count) continue;
      moreSites.push(c.index);
    }
  }

  const columns: Partial<Record<Field, number>> = {};
  const headers: Partial<Record<Field, string>> = {};
  const readings: FieldReading[] = [];
  for (const f of fields) {
    const r = chosen[f.field];
    if (r && r.index !== null) {
      columns[f.field] = r.index;
      headers[f.field] = r.header;
      readings.push(r);
      if (f.field === 'site') {
        for (const i of moreSites) {
          const t = match.texts.find((x) => x.index === i);
          const raw = t ? t.raw : '';
          readings.push({ field: 'site', index: i, header: raw, by: 'header', how: '表头“' + raw + '”，与“' + r.header + '”合起来看', extra: true });
        }
      }
    } else {
      readings.push({ field: f.field, index: null, header: '', by: 'missing', how: '未找到' + (setAside[f.field] ? '（' + setAside[f.field] + '）' : '') });
    }
  }
  const missing = HEADER_WORDS[kind].required.filter((f) => columns[f] === undefined);
  return { columns, headers, moreSites, readings, missing, overridesUsed };
}

/**
 * The column of a field among the columns whose header claims it (best first). Columns matching
 * about as well as the best (the same word length, or a longer word with a `not` word such as
 * 类别 or 地址) are a tie the cells decide; when they cannot (no data, or too alike), the header
 * choice stands: no `not` word, then the longest word, then the leftmost. A column whose header has
 * a `not` word and no rival is taken only when its cells do not say otherwise (隐患类别 holding
 * categories is no hazard column; 被检查单位负责人 holding names is no place): then the reason it was
 * set aside is returned instead.
 */
function byHeader(field: Field, log: boolean, list: FieldCandidate[], profile: (index: number) => ColumnProfile | null): FieldReading | string {
  const best = list[0];
  const rivals = list.filter((c) => c !== best && (c.length === best.length || (c.penalised && c.length > best.length)));
  const header = '表头“' + best.raw + '”';
  if (rivals.length === 0 && best.penalised) {
    const p = profile(best.index);
    if (p !== null && p.count >= 3 && !cellsAllow(field, log, p)) return '“' + best.raw + '”' + describeFit(field, log, p) + '，' + asideWhy(field);
  }
  if (rivals.length === 0) {
    const set = list.filter((c) => c !== best && c.penalised);
    const aside = set.length > 0 ? '；' + quoted(set) + asideWhy(field) : best.penalised && list.length === 1 ? '（没有别的' + fieldLabel(log ? 'log' : 'schedule', field) + '列）' : '';
    return { field, index: best.index, header: best.raw, by: 'header', how: header + aside };
  }
  const group = [best].concat(rivals);
  const scored = group.map((c) => {
    const p = profile(c.index);
    return { c, p, fit: p ? fieldFit(field, log, p) : null };
  });
  const known = scored.filter((s) => s.fit !== null);
  if (known.length === group.length) {
    known.sort((a, b) => (b.fit as number) - (a.fit as number) || a.c.index - b.c.index);
    if ((known[0].fit as number) - (known[1].fit as number) >= DECISIVE) {
      const win = known[0];
      const rest = known.slice(1);
      return {
        field,
        index: win.c.index,
        header: win.c.raw,
        by: 'cells',
        how:
          '表头“' + win.c.raw + '”与' + quoted(rest.map((s) => s.c)) + '都像' + fieldLabel(log ? 'log' : 'schedule', field) +
          '列，按单元格定：“' + win.c.raw + '”' + describeFit(field, log, win.p as ColumnProfile) +
          rest.map((s) => '，“' + s.c.raw + '”' + describeFit(field, log, s.p as ColumnProfile)).join(''),
      };
    }
  }
  return {
    field,
    index: best.index,
    header: best.raw,
    by: 'header',
    how: header + '（' + quoted(rivals) + '也像，' + (rivals.some((r) => r.penalised) ? '后者' + asideWhy(field) : '单元格也分不出，取左边一列') + '；如不对，可在规则设置中指定）',
  };
}

/** Whether the cells of a column headed with a `not` word still fit the field: places or addresses for a place, anything but categories for a hazard. */
function cellsAllow(field: Field, log: boolean, p: ColumnProfile): boolean {
  if (field === 'site') return (p.places + p.addresses) * 2 >= p.count;
  const fit = fieldFit(field, log, p);
  return fit === null || fit >= 0.5;
}

function quoted(list: ReadonlyArray<FieldCandidate>): string {
  return list.map((c) => '“' + c.raw + '”').join('');
}

/** Why a column with a `not` word was set aside. */
function asideWhy(field: Field): string {
  if (field === 'site') return '是地址或联系人，不作检查地点';
  if (field === 'hazard') return '是类别、等级或措施，不作隐患';
  return '不是这一列';
}
