/**
 * The inspection log reader (检查记录): each row's date, leaders, place and hazard, and the
 * hazard's deadline and whether and when it was put right.
 */
import { dayOnlyDeadline, isEmptyDateMark, monthEndDeadline, monthsDeadline, parseDateCell, quoteDateCell, relativeDeadlineDays, withoutBefore } from '../clean/dates';
import { doneDayText, isDoneState, isImmediateDeadline, isNoHazard, isNotDoneState } from '../clean/hazards';
import { cleanName, splitLeaders, titleFormLeaders } from '../clean/names';
import { cellText, cleanKey, isBlank, isErrorValue, quoteCell, trimAll } from '../clean/text';
import { dayFromYmd, isValidYmd, ymdFromDay } from '../day';
import { cellAt, errorValue, Fields, optionalText, problemAt, rowDate } from './sheet';
import { DuplicateRows, forEachDataRow, isDuplicate } from './rows';
import { LEADERS_WITH_OTHERS } from './words';
import type { DateParse } from '../clean/dates';
import type { LeaderSplit } from '../clean/names';
import type { KindSheet, ReadContext, Row } from './sheet';
import type { CellValue, Day, LogEntry } from '../types';

export function readLogs(sheets: KindSheet[], rc: ReadContext): LogEntry[] {
  const entries: LogEntry[] = [];
  const duplicates = new DuplicateRows();
  const dateCache = new Map<string, DateParse | null>();
  const leaderCache = new Map<string, LeaderSplit>();
  const noHazardCache = new Map<string, boolean>();
  const siteCache = new Map<string, string>();
  for (const sheet of sheets) {
    const f = new Fields(sheet);
    const iDate = f.index('date');
    const iLeader = f.index('leader');
    const iSite = f.index('site');
    const iHazard = f.index('hazard');
    const iDeadline = f.index('deadline');
    const iDone = f.index('doneDate');
    const iState = f.index('state');
    const moreSites = sheet.header.moreSites || [];
    forEachDataRow(sheet, (row, excelRow) => {
      if (isDuplicate(rc, duplicates, sheet, row, excelRow)) return;
      const date = rowDate(rc, sheet, f, 'date', excelRow, cellAt(row, iDate), dateCache, true);
      const leaders = rowLeaders(rc, sheet, f, excelRow, cellAt(row, iLeader), leaderCache);
      if (date === null || leaders === null) return;

      const siteRaw = siteText(rc, sheet, f, excelRow, row, iSite, moreSites);
      const hazardText = optionalText(rc, sheet, f, 'hazard', excelRow, cellAt(row, iHazard));
      const entry: LogEntry = {
        ref: { sheet: sheet.name, row: excelRow },
        date,
        leaders,
        site: siteRaw === '' ? '' : cachedCleanName(siteRaw, siteCache),
        siteRaw,
        hazard: null,
        deadline: null,
        deadlineMissing: false,
        done: false,
        doneDate: null,
      };
      let noHazard = hazardText === '' ? true : noHazardCache.get(hazardText);
      if (noHazard === undefined) {
        noHazard = isNoHazard(hazardText);
        if (hazardText.length <= 100) noHazardCache.set(hazardText, noHazard);
      }
      if (!noHazard) {
        entry.hazard = hazardText;
        readRectification(rc, sheet, f, excelRow, entry, cellAt(row, iDeadline), cellAt(row, iDone), cellAt(row, iState));
      }
      entries.push(entry);
    });
  }
  return entries;
}

/**
 * The site cell's text, with the text of the other site columns after it (检查地点 童子山村 beside
 * 被检查单位 童子山石场 → `童子山石场 童子山村`), so that a key site named in either is covered.
 */
function siteText(rc: ReadContext, sheet: KindSheet, f: Fields, excelRow: number, row: Row, iSite: number, moreSites: number[]): string {
  let text = optionalText(rc, sheet, f, 'site', excelRow, cellAt(row, iSite));
  for (let i = 0; i < moreSites.length; i++) {
    const v = row[moreSites[i]];
    if (v === null || v === undefined || v === '' || isErrorValue(v)) continue;
    const more = trimAll(cellText(v));
    if (more !== '' && text.indexOf(more) < 0) text = text === '' ? more : text + ' ' + more;
  }
  return text;
}

/** cleanName, remembered per text: a log names the same few hundred sites over and over. */
function cachedCleanName(text: string, cache: Map<string, string>): string {
  let name = cache.get(text);
  if (name === undefined) {
    name = cleanName(text);
    if (text.length <= 100) cache.set(text, name);
  }
  return name;
}

/**
 * The known leaders of a log row, or null (with the problem pushed) when there are none. Names that
 * are no leader beside known ones are a problem in a column for leaders only (带队领导, 带队人), not
 * in one that lists others too (带队领导及参加人员, 检查人员, 参加人员). A name written as surname and
 * title (梁副书记, 马书记带队) gets the alias line to add, wherever it stands.
 */
function rowLeaders(
  rc: ReadContext,
  sheet: KindSheet,
  f: Fields,
  excelRow: number,
  value: CellValue,
  cache: Map<string, LeaderSplit>,
): string[] | null {
  if (errorValue(rc, sheet, f, 'leader', excelRow, value)) return null;
  const text = cellText(value);
  let split = cache.get(text);
  if (split === undefined) {
    split = splitLeaders(text, rc.known, rc.aliases);
    // Entries share the cached list (logs repeat the same names); frozen so no one edits it for all.
    Object.freeze(split.leaders);
    if (text.length <= 200) cache.set(text, split);
  }
  if (split.leaders.length === 0 && split.unknown.length === 0) {
    problemAt(rc, sheet, f, 'leader', excelRow, 'empty-leader', 'problem.empty-leader', {});
    return null;
  }
  const hint = aliasHint(split.unknown, rc.known);
  if (split.leaders.length === 0) {
    problemAt(rc, sheet, f, 'leader', excelRow, 'unknown-leader', hint ? 'problem.unknown-leader-title' : 'problem.unknown-leader', {
      text: quoteCell(value),
      hint,
    });
    return null;
  }
  if (split.unknown.length > 0 && (hint !== '' || leadersOnly(f.header('leader')))) {
    problemAt(rc, sheet, f, 'leader', excelRow, 'unknown-leader', 'problem.unknown-leader-part', {
      text: quoteCell(value),
      names: quoteCell(split.unknown.join('、'), 30),
      known: split.leaders.join('、'),
      hint,
    });
  }
  return split.leaders;
}

/** True for a leader column that holds leaders only: headed 带队… and naming no others (人员, 参加…). */
function leadersOnly(header: string): boolean {
  const key = cleanKey(header);
  return key.indexOf('带队') >= 0 && !LEADERS_WITH_OTHERS.some((w) => key.indexOf(w) >= 0);
}

/** `如“梁副书记”是梁志强，请在规则设置的“别名”中加一行“梁副书记=梁志强”` for the first title form among the names; '' when none. */
function aliasHint(names: ReadonlyArray<string>, known: ReadonlySet<string>): string {
  for (const name of names) {
    const form = titleFormLeaders(name, known);
    if (form === null) continue;
    const who = form.leaders.length === 1 ? form.leaders[0] : form.leaders.slice(0, 3).join('或');
    return '如“' + form.alias + '”是' + who + '，请在规则设置的“别名”中加一行“' + form.alias + '=' + form.leaders[0] + '”';
  }
  return '';
}

/**
 * A date typed after the inspection (deadline, done date). Without a year it takes the inspection
 * date's year, and the next year when that would put it before the inspection (12月 inspection,
 * deadline `1月10日`).
 */
function laterDate(rc: ReadContext, value: CellValue, inspection: Day): DateParse | null {
  const year = ymdFromDay(inspection).year;
  const parsed = parseDateCell(value, { date1904: rc.date1904, defaultYear: year });
  if (parsed && parsed.ok && parsed.yearless && parsed.day < inspection) {
    const ymd = ymdFromDay(parsed.day);
    if (isValidYmd(year + 1, ymd.month, ymd.day)) return { ok: true, day: dayFromYmd(year + 1, ymd.month, ymd.day), yearless: true };
  }
  return parsed;
}

function readRectification(
  rc: ReadContext,
  sheet: KindSheet,
  f: Fields,
  excelRow: number,
  entry: LogEntry,
  deadlineCell: CellValue,
  doneCell: CellValue,
  stateCell: CellValue,
): void {
  // Deadline: empty (or /, —) → missing (the hazard rule reports it); unreadable → missing and a problem.
  if (isEmptyDateMark(deadlineCell) || isBlank(deadlineCell) || errorValue(rc, sheet, f, 'deadline', excelRow, deadlineCell)) {
    entry.deadlineMissing = true;
  } else {
    const text = typeof deadlineCell === 'string' ? cleanKey(deadlineCell) : '';
    const relative = text === '' ? null : relativeDeadlineDays(text);
    const calendarDay = text === '' ? null : monthEndDeadline(text, entry.date) ?? dayOnlyDeadline(text, entry.date) ?? monthsDeadline(text, entry.date);
    if (text !== '' && isImmediateDeadline(text)) {
      entry.deadline = entry.date;
    } else if (relative !== null) {
      entry.deadline = entry.date + relative;
    } else if (calendarDay !== null) {
      entry.deadline = calendarDay;
    } else {
      // 9月5日前: the date it is due by.
      const parsed = laterDate(rc, typeof deadlineCell === 'string' ? withoutBefore(deadlineCell) : deadlineCell, entry.date);
      if (parsed && parsed.ok) entry.deadline = parsed.day;
      else {
        entry.deadlineMissing = true;
        problemAt(rc, sheet, f, 'deadline', excelRow, 'bad-deadline', 'problem.bad-deadline', {
          text: quoteCell(deadlineCell),
          reason: parsed ? parsed.reason : '无法识别为日期',
        });
      }
    }
  }
  // Done: a done date, or a state such as 已整改.
  const stateText = optionalText(rc, sheet, f, 'state', excelRow, stateCell);
  if (!isBlank(doneCell) && !isEmptyDateMark(doneCell) && !errorValue(rc, sheet, f, 'doneDate', excelRow, doneCell)) {
    const parsed = laterDate(rc, doneCell, entry.date);
    if (parsed && parsed.ok && parsed.day <= rc.ctx.asOf) {
      entry.doneDate = parsed.day;
      entry.done = true;
      return;
    }
    // A state written in the done-date column (已整改, 整改中, 已于8月18日整改完毕) reads as a state.
    const doneText = typeof doneCell === 'string' && !(parsed && parsed.ok) ? doneCell : '';
    if (doneText !== '' && isDoneState(doneText)) {
      readDoneState(rc, entry, doneText);
      return;
    }
    if (doneText !== '' && isNotDoneState(doneText)) {
      readDoneState(rc, entry, stateText);
      return;
    }
    if (parsed && parsed.ok) {
      problemAt(rc, sheet, f, 'doneDate', excelRow, 'bad-done-date', 'problem.future-done-date', { text: quoteDateCell(doneCell, parsed.day), asOf: rc.asOfText });
    } else {
      problemAt(rc, sheet, f, 'doneDate', excelRow, 'bad-done-date', 'problem.bad-done-date', {
        text: quoteCell(doneCell),
        reason: parsed ? parsed.reason : '无法识别为日期',
      });
    }
  }
  readDoneState(rc, entry, stateText);
}

/**
 * Done or not from a state text (已整改, 未整改), with the day when it names one on or before T
 * (已于8月18日整改完毕); a day it names that cannot be read leaves it done without a day.
 */
function readDoneState(rc: ReadContext, entry: LogEntry, text: string): void {
  entry.done = text !== '' && isDoneState(text);
  const dayText = entry.done ? doneDayText(text) : null;
  const parsed = dayText === null ? null : laterDate(rc, dayText, entry.date);
  if (parsed && parsed.ok && parsed.day <= rc.ctx.asOf) entry.doneDate = parsed.day;
}

