/**
 * What was read, and how, for the clerk (SPEC §1 *Show what was read*): the 读取说明 of the summary
 * sheet, the pane and the terminal all come from here, so they say the same. Also the checks that
 * lack a column (无法判断), said once each with how to name the column in 规则设置.
 */
import { columnLetters } from './address';
import { quoteCell } from './clean/text';
import { fieldLabel, HEADER_WORDS } from './parse/words';
import type { ColumnReading, DetectedSheet, Field, HazardResult, LeaderResult, MeetingResult, MissingColumn, SheetKind } from './types';

const KIND_LABEL: Record<SheetKind, string> = {
  schedule: HEADER_WORDS.schedule.label,
  log: HEADER_WORDS.log.label,
  meetings: HEADER_WORDS.meetings.label,
  reports: HEADER_WORDS.reports.label,
  settings: '规则设置',
};

/** One field of a group of sheets as read: `C列“受查单位”` and the evidence, or not found. */
export interface ReadingField {
  field: Field;
  label: string;
  /** `C列“受查单位”`, or `未找到`. */
  column: string;
  how: string;
  by: ColumnReading['by'];
  extra: boolean;
}

/** Sheets of one kind read the same way (a log kept as one sheet a month), with their fields. */
export interface ReadingGroup {
  sheets: string[];
  kind: SheetKind;
  kindLabel: string;
  /** `表头第2行` (`表头第2、3行` when the sheets differ). */
  headerText: string;
  fields: ReadingField[];
}

/**
 * The sheets read, grouped where several of a kind are read the same way (same columns, same
 * headers, same evidence), in workbook order. Every field of the kind is listed, found or not.
 */
export function readingGroups(sheets: ReadonlyArray<DetectedSheet>): ReadingGroup[] {
  const groups: Array<ReadingGroup & { key: string; rows: number[] }> = [];
  for (const s of sheets) {
    const fields: ReadingField[] = s.readings.map((r) => ({
      field: r.field,
      label: r.label,
      column: r.column > 0 ? columnLetters(r.column) + '列“' + r.header + '”' : '未找到',
      how: r.how,
      by: r.by,
      extra: !!r.extra,
    }));
    const key = s.kind + '\u0000' + fields.map((f) => f.field + '\u0001' + f.column + '\u0001' + f.how).join('\u0000');
    const same = groups.filter((g) => g.key === key)[0];
    if (same) {
      same.sheets.push(s.sheet);
      if (same.rows.indexOf(s.headerRow) < 0) same.rows.push(s.headerRow);
      same.headerText = headerText(same.rows);
      continue;
    }
    groups.push({ key, rows: [s.headerRow], sheets: [s.sheet], kind: s.kind, kindLabel: KIND_LABEL[s.kind], headerText: headerText([s.headerRow]), fields });
  }
  return groups.map((g) => ({ sheets: g.sheets, kind: g.kind, kindLabel: g.kindLabel, headerText: g.headerText, fields: g.fields }));
}

function headerText(rows: number[]): string {
  const shown = rows.filter((r) => r > 0);
  return shown.length === 0 ? '' : '表头第' + shown.join('、') + '行';
}

/** `检查记录` / `8月、9月`: the sheets of a group, cut to fit a line or a cell. */
export function groupName(group: ReadingGroup, max = 30): string {
  return quoteCell(group.sheets.join('、'), max);
}

/**
 * One line per group of sheets, for the terminal: `检查记录（检查记录，表头第1行）：检查日期 A列“检查时间”；
 * 带队领导 B列“检查人员”（单元格：…）；…；未找到：整改期限`. Columns found by their header words show
 * no evidence (the header says it); found by the cells or by 规则设置, they do.
 */
export function readingLine(group: ReadingGroup): string {
  const found = group.fields.filter((f) => f.by !== 'missing');
  const missing = group.fields.filter((f) => f.by === 'missing');
  const parts = found.map((f) => f.label + ' ' + f.column + (plainHeader(f) ? '' : '（' + f.how + '）'));
  const name = groupName(group, 40);
  const about = [name === group.kindLabel ? '' : group.kindLabel, group.headerText].filter((x) => x !== '').join('，');
  let line = name + (about ? '（' + about + '）' : '') + (parts.length > 0 ? '：' + parts.join('；') : '');
  if (missing.length > 0 && group.kind === 'log') line += '；未找到：' + missing.map((f) => f.label).join('、');
  return line;
}

/** True when a field was found by its header words alone, so the header says it all. */
export function plainHeader(f: ReadingField): boolean {
  return f.by === 'header' && f.how === '表头“' + f.column.replace(/^[A-Z]+列“/, '').replace(/”$/, '') + '”';
}

/** What each missing log field makes impossible to judge, for the 读取说明 and the notes. */
const CONSEQUENCE: Partial<Record<Field, string>> = {
  site: '重点场所是否检查无法判断',
  hazard: '隐患整改未检查',
  deadline: '隐患是否逾期无法判断',
  doneDate: '已有“整改情况”列，不影响判断',
  state: '已有“整改完成日期”列，不影响判断',
};

/** The consequence of a missing field of a sheet, for its row in the 读取说明 ('' when none). */
export function missingConsequence(group: ReadingGroup, field: Field): string {
  if (group.kind !== 'log') return '';
  const has = (f: Field) => group.fields.some((x) => x.field === f && x.by !== 'missing');
  if ((field === 'state' || field === 'doneDate') && !has('state') && !has('doneDate')) return '隐患是否已整改无法判断';
  return CONSEQUENCE[field] || '';
}

/**
 * The checks that lack a column, once each: key sites on a log without a place column, hazards on
 * one without a hazard, deadline or state column, meetings without a topic column; only where a
 * result depends on it. Each message says which column is missing and the 列 line that names it.
 */
export function missingColumns(
  sheets: ReadonlyArray<DetectedSheet>,
  leaders: ReadonlyArray<LeaderResult>,
  hazards: ReadonlyArray<HazardResult>,
  meetings: ReadonlyArray<MeetingResult> | null,
): MissingColumn[] {
  const out: MissingColumn[] = [];
  const logs = sheets.filter((s) => s.kind === 'log');
  const lacking = (list: ReadonlyArray<DetectedSheet>, fields: Field[]) => list.filter((s) => fields.every((f) => s.columns[f] === undefined));
  const note = (rule: MissingColumn['rule'], kind: 'log' | 'meetings', fields: Field[], among: ReadonlyArray<DetectedSheet>, what: string) => {
    const list = lacking(among, fields);
    if (list.length === 0) return;
    const all = list.length === sheets.filter((s) => s.kind === kind).length;
    const where = KIND_LABEL[kind] + (all ? '' : '“' + quoteCell(list.map((s) => s.sheet).join('、'), 20) + '”');
    const label = fieldLabel(kind, fields[0]);
    const names = fields.map((f) => '“' + fieldLabel(kind, f) + '”').join('或');
    out.push({
      rule,
      fields,
      sheets: list.map((s) => s.sheet),
      message: where + '没有找到' + names + '列：' + what + '。如有这一列，请在规则设置中写一行“列:' + label + '=该列表头”。',
    });
  };
  if (leaders.some((l) => l.sites.some((s) => s.status === 'unknown'))) note('site-coverage', 'log', ['site'], logs, '重点场所无法判断（不算未检）');
  note('hazard-rectification', 'log', ['hazard'], logs, '隐患整改未检查');
  const unknownHazardSheets = (field: Field[]) => {
    const names = hazards.filter((h) => h.status === 'unknown').map((h) => h.ref.sheet);
    return logs.filter((s) => names.indexOf(s.sheet) >= 0 && s.columns.hazard !== undefined && lacking([s], field).length > 0);
  };
  const noDeadline = unknownHazardSheets(['deadline']);
  if (noDeadline.length > 0) note('hazard-rectification', 'log', ['deadline'], noDeadline, '隐患是否逾期无法判断');
  const noState = unknownHazardSheets(['state', 'doneDate']);
  if (noState.length > 0) note('hazard-rectification', 'log', ['state', 'doneDate'], noState, '隐患是否已整改无法判断');
  if (meetings && meetings.some((m) => m.status === 'unknown')) {
    note('safety-meetings', 'meetings', ['topic'], sheets.filter((s) => s.kind === 'meetings'), '名称不含“安全”的会议是否研究安全生产无法判断');
  }
  return out;
}

/** Every field of every sheet read, in workbook order (SPEC §4 `columns`). */
export function allReadings(sheets: ReadonlyArray<DetectedSheet>): ColumnReading[] {
  const out: ColumnReading[] = [];
  for (const s of sheets) for (const r of s.readings) out.push(r);
  return out;
}
