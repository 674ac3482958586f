/**
 * The parsing half of the core: grids of cell values in, a ParsedWorkbook out (SPEC §1). The
 * pipeline, one file per step:
 *   1. settings.ts  the 列 lines of 规则设置, which name columns before any header is read
 *   2. header.ts    each sheet's header row and kind, by the header words of words.ts (the one
 *                   dictionary); a row that matches a kind only partly waits for the cells
 *   3. columns.ts   which column serves each field, from the header words and, where they are not
 *                   decisive, from the cells (cells.ts), with the evidence; the schedule first
 *   4. schedule.ts  the known leaders; then settings.ts reads the rest of 规则设置 (aliases need them)
 *   5. columns.ts again for the other sheets, with the leaders and key sites as evidence; then
 *      log.ts, meetings.ts, reports.ts read them (rows.ts: which rows are records; sheet.ts:
 *      reading one cell of a field, and the Problem when it cannot be read)
 * Every unreadable cell becomes a Problem naming it. Never throws on any grid.
 */
import { isMainRole, isWholeTownshipScope } from '../clean/roles';
import { isBlank, quoteCell } from '../clean/text';
import { formatIso } from '../day';
import { formatMessage } from '../messages';
import { fillMergedDown } from '../merges';
import { columnSample, profileColumn } from './cells';
import type { CellEvidence } from './cells';
import { recogniseColumns } from './columns';
import type { Recognition } from './columns';
import { detectHeader, isSettingsSheet, scheduleHeaderBelow, sheetOrigin, townshipFromTitle } from './header';
import type { HeaderDetection, HeaderOverride } from './header';
import { readLogs } from './log';
import { readMeetings } from './meetings';
import { readReports } from './reports';
import { readSchedules } from './schedule';
import { readColumnSettings, readSettings } from './settings';
import type { KindSheet, ParseContext, ReadContext } from './sheet';
import { fieldLabel, fieldWords, HEADER_WORDS } from './words';
import type { HeaderKind } from './words';
import type { ColumnReading, DetectedSheet, Field, InputError, ParsedWorkbook, Problem, SheetInput, WorkbookInput } from '../types';

export type { ParseContext };

export type ParseOutcome = { ok: true; parsed: ParsedWorkbook } | { ok: false; error: InputError };

/** A sheet whose header row was found, before its columns are decided. */
interface HeaderedSheet {
  order: number;
  sheet: SheetInput;
  header: HeaderDetection;
}

/** A sheet whose header names its kind, but whose columns lack a required field (for the messages). */
interface Unread {
  sheet: HeaderedSheet;
  missing: Field[];
}

/**
 * Reads a workbook (SPEC §1). Needs a schedule and an inspection log, else `{ ok: false }` with an
 * InputError that says what was looked for and where. Log rows dated after T, with a bad or empty
 * date, no leader, no known leader, or repeating an earlier row are Problems, not entries.
 */
export function parseWorkbook(input: WorkbookInput, ctx: ParseContext): ParseOutcome {
  const sheetsIn: SheetInput[] = input && Array.isArray(input.sheets) ? input.sheets.filter((s) => !!s) : [];
  const date1904 = !!(input && input.date1904 === true);
  if (!sheetsIn.some(hasAnyValue)) return fail('no-sheets', 'input.no-sheets', {});

  const sheetOrder = new Map<string, number>();
  sheetsIn.forEach((sheet, order) => {
    if (!sheetOrder.has(String(sheet.name))) sheetOrder.set(String(sheet.name), order);
  });
  const settingsSheets = sheetsIn.filter((s) => isSettingsSheet(String(s.name)));

  // 1. The 列 lines of 规则设置 name columns before any header is read.
  const columnSettings = readColumnSettings(settingsSheets);
  const overrides: HeaderOverride[] = columnSettings.lines.map((line, id) => ({ key: line.key, fields: line.targets, id }));
  const overridesUsed = new Set<number>();

  // 2. Each sheet's header row and kind.
  const headered: HeaderedSheet[] = [];
  const ignored: Array<{ order: number; name: string }> = [];
  sheetsIn.forEach((sheet, order) => {
    const name = String(sheet.name);
    if (isSettingsSheet(name)) return;
    const header = detectHeader(sheet, overrides);
    if (header) headered.push({ order, sheet, header });
    // An empty sheet (Sheet2, Sheet3 of a new workbook) is not worth a word.
    else if (hasAnyValue(sheet)) ignored.push({ order, name });
  });

  // 3. The schedule: its columns from the header, and from the cells (person names) where it says too little.
  const unread: Unread[] = [];
  const read = (h: HeaderedSheet, evidence: CellEvidence): KindSheet | null => {
    const values = Array.isArray(h.sheet.values) ? h.sheet.values : [];
    const recognition = recogniseColumns(h.header, values, h.header.headerIndex, evidence);
    if (recognition.missing.length > 0) {
      unread.push({ sheet: h, missing: recognition.missing });
      ignored.push({ order: h.order, name: String(h.sheet.name) });
      return null;
    }
    for (const id of recognition.overridesUsed) overridesUsed.add(id);
    return kindSheet(h, recognition);
  };
  const scheduleEvidence: CellEvidence = { known: new Set<string>(), aliases: {}, keySites: [], date1904, year: ctx.year };
  const schedules: KindSheet[] = [];
  for (const h of headered) {
    if (h.header.kind !== 'schedule') continue;
    const ks = read(h, scheduleEvidence);
    if (ks) schedules.push(ks);
  }
  if (schedules.length === 0) return noSchedule(sheetsIn, headered, unread, scheduleEvidence);

  const problems: Problem[] = columnSettings.problems.slice();
  const schedule = readSchedules(schedules, problems);
  const known = new Set<string>(schedule.leaders.map((l) => l.name));
  const settingsRead = readSettings(settingsSheets, known);
  const settings = settingsRead.settings;
  for (const p of settingsRead.problems) problems.push(p);
  if (settings.deadlineDaySource !== 'settings' && schedule.deadlineDay !== null) {
    settings.deadlineDay = schedule.deadlineDay;
    settings.deadlineDaySource = 'header';
  }

  // Roles (SPEC §1): a role column, else the 主要领导 setting, else a scope starting with 全镇.
  let roleSource: ParsedWorkbook['roleSource'];
  if (schedule.hasRoleColumn) {
    roleSource = 'column';
    for (const l of schedule.leaders) l.role = isMainRole(l.titles) ? 'main' : 'member';
  } else if (settings.mainLeaders !== null) {
    roleSource = 'settings';
    const main = settings.mainLeaders;
    for (const l of schedule.leaders) l.role = main.indexOf(l.name) >= 0 ? 'main' : 'member';
  } else {
    roleSource = 'inferred';
    for (const l of schedule.leaders) l.role = isWholeTownshipScope(l.scope) ? 'main' : 'member';
  }

  // 4. The other sheets, their columns weighed against the schedule's leaders and key sites.
  const keySites: string[] = [];
  for (const l of schedule.leaders) for (const site of l.sites) if (keySites.indexOf(site) < 0) keySites.push(site);
  const evidence: CellEvidence = { known, aliases: settings.aliases, keySites, date1904, year: ctx.year };
  const byKind: Record<HeaderKind, KindSheet[]> = { schedule: schedules, log: [], meetings: [], reports: [] };
  for (const h of headered) {
    if (h.header.kind === 'schedule') continue;
    const ks = read(h, evidence);
    if (ks) byKind[h.header.kind].push(ks);
  }
  if (byKind.log.length === 0) return noLog(sheetsIn, headered, unread);

  // 5. A 列 line whose header is no column of any sheet read is a problem naming its cell.
  columnSettings.lines.forEach((line, id) => {
    if (overridesUsed.has(id)) return;
    problems.push({
      code: 'bad-setting',
      sheet: line.sheet,
      row: line.row,
      column: line.column,
      columnName: '值',
      message: formatMessage('problem.column-setting-unused', {
        text: quoteCell(line.text, 40),
        header: quoteCell(line.header, 20),
        headers: quoteCell(headersOf(byKind, line.targets), 80),
      }),
    });
  });

  const readCtx: ReadContext = { ctx, date1904, known, aliases: settings.aliases, problems, asOfText: formatIso(ctx.asOf) };
  const log = readLogs(byKind.log, readCtx);
  const meetings = byKind.meetings.length > 0 ? readMeetings(byKind.meetings, readCtx) : null;
  const reports = byKind.reports.length > 0 ? readReports(byKind.reports, readCtx) : null;

  const all: KindSheet[] = ([] as KindSheet[]).concat(byKind.schedule, byKind.log, byKind.meetings, byKind.reports);
  const township = findTownship(all);
  const sheets: Array<{ order: number; d: DetectedSheet }> = all.map((s) => ({ order: s.order, d: s.detected }));
  for (const d of settingsRead.sheets) sheets.push({ order: sheetOrder.get(d.sheet) ?? 0, d });
  ignored.sort((a, b) => a.order - b.order);

  return {
    ok: true,
    parsed: {
      sheets: sortedSheets(sheets),
      leaders: schedule.leaders,
      log,
      meetings,
      reports,
      settings,
      roleSource,
      township,
      problems: sortProblems(problems, sheetOrder),
      ignoredSheets: ignored.map((x) => x.name),
    },
  };
}

/** A sheet ready to read: its columns as recognised, merged cells filled down, its readings for the clerk. */
function kindSheet(h: HeaderedSheet, recognition: Recognition): KindSheet {
  const sheet = h.sheet;
  const name = String(sheet.name);
  const kind = h.header.kind;
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  const { firstRow, firstColumn } = sheetOrigin(sheet);
  const header: HeaderDetection = {
    ...h.header,
    columns: recognition.columns,
    headers: recognition.headers,
    moreSites: recognition.moreSites.length > 0 ? recognition.moreSites : undefined,
  };
  const columns: Partial<Record<Field, number>> = {};
  const fieldIndexes: number[] = [];
  for (const f of Object.keys(header.columns) as Field[]) {
    columns[f] = firstColumn + (header.columns[f] as number);
    fieldIndexes.push(header.columns[f] as number);
  }
  const rows = fillMergedDown(values, sheet.merges, { firstRow, firstColumn }, header.headerIndex + 1, fieldIndexes);
  const readings: ColumnReading[] = recognition.readings.map((r) => {
    const reading: ColumnReading = {
      sheet: name,
      kind,
      field: r.field,
      label: fieldLabel(kind, r.field),
      header: r.header,
      column: r.index === null ? 0 : firstColumn + r.index,
      by: r.by,
      how: r.how,
    };
    if (r.extra) reading.extra = true;
    return reading;
  });
  const detected: DetectedSheet = {
    sheet: name,
    kind,
    headerRow: firstRow + header.headerIndex,
    columns,
    headers: header.headers,
    firstColumn: firstColumn + header.first,
    lastColumn: firstColumn + header.last,
    dataRows: [],
    readings,
  };
  return { order: h.order, name, values: rows, firstRow, firstColumn, header, detected };
}

/** The header texts of the sheets of the kinds a 列 line is about (检查记录：检查日期、带队领导…), for its problem. */
function headersOf(byKind: Record<HeaderKind, KindSheet[]>, targets: ReadonlyArray<{ kind: HeaderKind }>): string {
  const parts: string[] = [];
  for (const t of targets) {
    for (const ks of byKind[t.kind]) {
      const line = ks.name + '：' + ks.header.texts.map((x) => x.raw).join('、');
      if (parts.indexOf(line) < 0) parts.push(line);
    }
  }
  return parts.join('；');
}

/**
 * The error when no sheet reads as a schedule, naming what was looked for and where, and a fix
 * only where it is right for that sheet: a header below row 10 (remove the rows above it), a scope
 * without a leader column, a schedule whose 检查时间 column holds requirements, not dates (rename it).
 * A log with a 检查内容 column is never told to rename its date column.
 */
function noSchedule(sheetsIn: SheetInput[], headered: HeaderedSheet[], unread: Unread[], evidence: CellEvidence): ParseOutcome {
  for (const sheet of sheetsIn) {
    if (isSettingsSheet(String(sheet.name))) continue;
    // Only a sheet with no header in rows 1–10: a log's rows below row 10 are records, not a header.
    const low = headered.some((h) => h.sheet === sheet) ? null : scheduleHeaderBelow(sheet);
    if (low !== null) return fail('no-schedule', 'input.no-schedule-low-header', { sheet: quoteCell(String(sheet.name), 30), row: String(low) });
  }
  const partial = unread.filter((u) => u.sheet.header.kind === 'schedule')[0];
  if (partial) {
    const h = partial.sheet;
    return fail('no-schedule', 'input.no-schedule-no-leader', {
      sheet: quoteCell(String(h.sheet.name), 30),
      row: String(sheetOrigin(h.sheet).firstRow + h.header.headerIndex),
      scope: quoteCell(h.header.headers.scope || '', 20),
    });
  }
  // A schedule with a 检查时间 column reads as a log (SPEC §1): when that column holds no dates, say so.
  for (const h of headered) {
    if (!h.header.scheduleButDate || h.header.columns.date === undefined) continue;
    const values = Array.isArray(h.sheet.values) ? h.sheet.values : [];
    const p = profileColumn(columnSample(values, h.header.headerIndex + 1, h.header.columns.date), evidence);
    if (p.count > 0 && p.dates * 2 < p.count) {
      return fail('no-schedule', 'input.no-schedule-date-column', {
        sheet: quoteCell(String(h.sheet.name), 30),
        column: quoteCell(h.header.headers.date || '', 20),
      });
    }
  }
  return fail('no-schedule', 'input.no-schedule', {
    leaderWords: wordsOf('schedule', 'leader'),
    scopeWords: wordsOf('schedule', 'scope'),
    sheets: quoteCell(examinedSheets(sheetsIn, headered, unread), 120),
  });
}

/** The error when no sheet reads as an inspection log: what was looked for, where, and what each sheet was read as. */
function noLog(sheetsIn: SheetInput[], headered: HeaderedSheet[], unread: Unread[]): ParseOutcome {
  const partial = unread.filter((u) => u.sheet.header.kind === 'log')[0];
  if (partial && partial.missing.indexOf('leader') >= 0 && partial.missing.indexOf('date') < 0) {
    const h = partial.sheet;
    return fail('no-log', 'input.no-log-no-leader', {
      sheet: quoteCell(String(h.sheet.name), 30),
      row: String(sheetOrigin(h.sheet).firstRow + h.header.headerIndex),
      date: quoteCell(h.header.headers.date || '', 20),
    });
  }
  return fail('no-log', 'input.no-log', {
    dateWords: wordsOf('log', 'date'),
    leaderWords: wordsOf('log', 'leader'),
    sheets: quoteCell(examinedSheets(sheetsIn, headered, unread), 120),
  });
}

/** `安排表（读作安排表）、检查（未识别）`: every sheet looked at, and what it was read as. */
function examinedSheets(sheetsIn: SheetInput[], headered: HeaderedSheet[], unread: Unread[]): string {
  return sheetsIn
    .map((sheet) => {
      const name = String(sheet.name);
      if (isSettingsSheet(name)) return name + '（规则设置）';
      const h = headered.filter((x) => x.sheet === sheet)[0];
      if (!h || unread.some((u) => u.sheet === h)) return name + '（未识别）';
      return name + '（读作' + HEADER_WORDS[h.header.kind].label + '）';
    })
    .join('、');
}

function sortedSheets(list: Array<{ order: number; d: DetectedSheet }>): DetectedSheet[] {
  return list
    .map((x, i) => ({ x, i }))
    .sort((a, b) => a.x.order - b.x.order || a.i - b.i)
    .map((y) => y.x.d);
}

function sortProblems(problems: Problem[], order: Map<string, number>): Problem[] {
  return problems
    .map((p, i) => ({ p, i, o: order.get(p.sheet) ?? 0 }))
    .sort((a, b) => a.o - b.o || a.p.row - b.p.row || a.p.column - b.p.column || a.i - b.i)
    .map((x) => x.p);
}

function fail(code: InputError['code'], id: string, data: Record<string, string>): ParseOutcome {
  return { ok: false, error: { code, message: formatMessage(id, data) } };
}

function wordsOf(kind: HeaderKind, field: Field): string {
  return fieldWords(kind, field).join('/');
}

function hasAnyValue(sheet: SheetInput): boolean {
  const values = Array.isArray(sheet.values) ? sheet.values : [];
  for (const row of values) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return true;
  }
  return false;
}


// ---------------------------------------------------------------------------------------------
// Township

/** The township named by a title cell above a header (schedule sheets first). */
function findTownship(sheets: KindSheet[]): string | null {
  for (const sheet of sheets) {
    for (let r = 0; r < sheet.header.headerIndex; r++) {
      const row = sheet.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v !== 'string' || v === '') continue;
        const name = townshipFromTitle(v);
        if (name !== null) return name;
      }
    }
  }
  return null;
}

