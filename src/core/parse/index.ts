/**
 * The parsing half of the core: grids of cell values in, a ParsedWorkbook out (SPEC §1). The
 * pipeline, one file per step:
 *   header.ts    find each sheet's header row and kind (words.ts is the dictionary of header words)
 *   schedule.ts  read the schedule: the known leaders
 *   settings.ts  read 规则设置 (aliases need the known leaders)
 *   log.ts, meetings.ts, reports.ts   read the other sheets (rows.ts: which rows are records;
 *                sheet.ts: reading one cell of a field, and the Problem when it cannot be read)
 * Every unreadable cell becomes a Problem naming it. Never throws on any grid.
 */
import { isMainRole, isWholeTownshipScope } from '../clean/roles';
import { isBlank, quoteCell } from '../clean/text';
import { formatIso } from '../day';
import { detectHeader, isSettingsSheet, sheetOrigin, townshipFromTitle } from './header';
import { fieldWords } from './words';
import { formatMessage } from '../messages';
import { fillMergedDown } from '../merges';
import { readSettings } from './settings';
import { readSchedules } from './schedule';
import { readLogs } from './log';
import { readMeetings } from './meetings';
import { readReports } from './reports';
import type { HeaderKind } from './words';
import type { KindSheet, ParseContext, ReadContext } from './sheet';
import type { DetectedSheet, Field, Grid, InputError, ParsedWorkbook, Problem, SheetInput, WorkbookInput } from '../types';

export type { ParseContext };

export type ParseOutcome = { ok: true; parsed: ParsedWorkbook } | { ok: false; error: InputError };


/**
 * Reads a workbook (SPEC §1). Needs a schedule and an inspection log, else `{ ok: false }` with an
 * InputError that names the header words looked for. Log rows dated after T, with a bad or empty
 * date, no leader, no known leader, or repeating an earlier row are Problems, not entries.
 */
export function parseWorkbook(input: WorkbookInput, ctx: ParseContext): ParseOutcome {
  const sheetsIn: SheetInput[] = input && Array.isArray(input.sheets) ? input.sheets.filter((s) => !!s) : [];
  const date1904 = !!(input && input.date1904 === true);
  if (!sheetsIn.some(hasAnyValue)) return fail('no-sheets', 'input.no-sheets', {});

  const byKind: Record<HeaderKind, KindSheet[]> = { schedule: [], log: [], meetings: [], reports: [] };
  const settingsSheets: SheetInput[] = [];
  const ignoredSheets: string[] = [];
  const sheetOrder = new Map<string, number>();
  sheetsIn.forEach((sheet, order) => {
    const name = String(sheet.name);
    if (!sheetOrder.has(name)) sheetOrder.set(name, order);
    const values: Grid = Array.isArray(sheet.values) ? sheet.values : [];
    if (isSettingsSheet(name)) {
      settingsSheets.push(sheet);
      return;
    }
    const header = detectHeader(sheet);
    if (!header) {
      // An empty sheet (Sheet2, Sheet3 of a new workbook) is not worth a word.
      if (hasAnyValue(sheet)) ignoredSheets.push(name);
      return;
    }
    const { firstRow, firstColumn } = sheetOrigin(sheet);
    const columns: Partial<Record<Field, number>> = {};
    const fieldIndexes: number[] = [];
    for (const f of Object.keys(header.columns) as Field[]) {
      columns[f] = firstColumn + (header.columns[f] as number);
      fieldIndexes.push(header.columns[f] as number);
    }
    const rows = fillMergedDown(values, sheet.merges, { firstRow, firstColumn }, header.headerIndex + 1, fieldIndexes);
    const detected: DetectedSheet = {
      sheet: name,
      kind: header.kind,
      headerRow: firstRow + header.headerIndex,
      columns,
      headers: header.headers,
      firstColumn: firstColumn + header.first,
      lastColumn: firstColumn + header.last,
      dataRows: [],
    };
    byKind[header.kind].push({ order, name, values: rows, firstRow, firstColumn, header, detected });
  });

  const examined = sheetsIn.map((s) => String(s.name)).join('、');
  if (byKind.schedule.length === 0) {
    // A schedule with a 检查时间 column reads as a log (SPEC §1): say so, it is easy to fix.
    const dated = ([] as KindSheet[]).concat(byKind.log, byKind.meetings, byKind.reports).filter((k) => k.header.scheduleButDate)[0];
    if (dated) {
      return fail('no-schedule', 'input.no-schedule-date-column', { sheet: quoteCell(dated.name, 30), column: quoteCell(dated.header.headers.date || '', 20) });
    }
    return fail('no-schedule', 'input.no-schedule', {
      leaderWords: wordsOf('schedule', 'leader'),
      scopeWords: wordsOf('schedule', 'scope'),
      sheets: quoteCell(examined, 80),
    });
  }
  if (byKind.log.length === 0) {
    return fail('no-log', 'input.no-log', {
      dateWords: wordsOf('log', 'date'),
      leaderWords: wordsOf('log', 'leader'),
      sheets: quoteCell(examined, 80),
    });
  }

  const problems: Problem[] = [];
  const schedule = readSchedules(byKind.schedule, problems);
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

  const readCtx: ReadContext = { ctx, date1904, known, aliases: settings.aliases, problems, asOfText: formatIso(ctx.asOf) };
  const log = readLogs(byKind.log, readCtx);
  const meetings = byKind.meetings.length > 0 ? readMeetings(byKind.meetings, readCtx) : null;
  const reports = byKind.reports.length > 0 ? readReports(byKind.reports, readCtx) : null;

  const all: KindSheet[] = ([] as KindSheet[]).concat(byKind.schedule, byKind.log, byKind.meetings, byKind.reports);
  const township = findTownship(all);
  const sheets: Array<{ order: number; d: DetectedSheet }> = all.map((s) => ({ order: s.order, d: s.detected }));
  for (const d of settingsRead.sheets) sheets.push({ order: sheetOrder.get(d.sheet) ?? 0, d });

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
      ignoredSheets,
    },
  };
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

