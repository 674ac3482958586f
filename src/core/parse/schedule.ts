/**
 * The schedule reader (带队检查安排表): its leaders, their roles, departments, scope and key sites,
 * and the deadline day its header states.
 */
import { splitNames, TITLE_ENDINGS } from '../clean/names';
import { makeProblem } from '../clean/problem';
import { splitTitles } from '../clean/roles';
import { extractSites, listedSites } from '../clean/sites';
import { cellText, cleanKey, isErrorValue, nfkc, quoteCell, stripBracketed, trimAll } from '../clean/text';
import { splitUnits } from '../clean/units';
import { deadlineDayFromText } from './header';
import { cellAt, Fields } from './sheet';
import { forEachDataRow } from './rows';
import type { KindSheet } from './sheet';
import type { Leader, Problem, ProblemCode } from '../types';

/** Longest leader name the schedule accepts; longer text is a note, not a name. */
const MAX_NAME_LENGTH = 10;
const NOTE_ROW = /^(?:注|备注|说明|附注)(?:[:：\d]|$)/;
/** Titles written in the leader cell beside the name (党委委员 邓光明): not names. */
const TITLE_WORD = new RegExp(TITLE_ENDINGS + '$');
/** A title before the name with a space or colon between (镇长 熊  丹, 党委委员：邓光明). */
const TITLE_PREFIX = new RegExp('^[^\\s:：、，,]{0,8}?' + TITLE_ENDINGS + '[\\s:：]+(?=\\S)');

export interface ScheduleRead {
  leaders: Leader[];
  hasRoleColumn: boolean;
  deadlineDay: number | null;
}

export function readSchedules(sheets: KindSheet[], problems: Problem[]): ScheduleRead {
  const leaders: Leader[] = [];
  const byName = new Map<string, Leader>();
  let hasRoleColumn = false;
  let deadlineDay: number | null = null;
  for (const sheet of sheets) {
    const fields = new Fields(sheet);
    if (fields.index('role') >= 0) hasRoleColumn = true;
    const fromHeader = scheduleDeadlineDay(sheet);
    if (fromHeader !== null) {
      sheet.detected.deadlineDayFromHeader = fromHeader;
      if (deadlineDay === null) deadlineDay = fromHeader;
    }
    const iLeader = fields.index('leader');
    const iScope = fields.index('scope');
    const iDept = fields.index('department');
    const iRole = fields.index('role');
    const iKeySites = fields.index('keySites');
    // The leader of the previous data row: a row without a leader continues it (a merged cell).
    let current: Leader | null = null;
    let previousRow = -1;
    const leaderHeader = fields.header('leader');
    const push = (code: ProblemCode, excelRow: number, column: number, columnName: string, id: string, data: Record<string, string | number>) =>
      problems.push(makeProblem(code, sheet.name, excelRow, column, columnName, id, Object.assign({ column: columnName }, data)));

    forEachDataRow(sheet, (row, excelRow) => {
      const leaderCell = cellAt(row, iLeader);
      const scope = trimAll(cellText(cellAt(row, iScope)));
      const deptText = cellText(cellAt(row, iDept));
      const roleText = cellText(cellAt(row, iRole));
      const sites = extractSites(scope);
      for (const s of iKeySites < 0 ? [] : listedSites(cellText(cellAt(row, iKeySites)))) if (sites.indexOf(s) < 0) sites.push(s);
      const adjacent = previousRow === excelRow - 1;
      previousRow = excelRow;
      if (isErrorValue(leaderCell)) {
        push('error-value', excelRow, fields.column('leader'), leaderHeader, 'problem.error-value', { text: quoteCell(leaderCell) });
        current = null;
        return;
      }
      const leaderText = cellText(leaderCell);
      if (trimAll(leaderText) === '') {
        if (current && adjacent) {
          mergeInto(current, scope, sites, deptText, roleText);
        } else {
          push('empty-leader', excelRow, fields.column('leader'), leaderHeader, 'problem.orphan-schedule-row', {});
          current = null;
        }
        return;
      }
      if (NOTE_ROW.test(cleanKey(leaderText))) {
        current = null;
        return;
      }
      const written = splitNames(stripBracketed(nfkc(leaderText)).replace(TITLE_PREFIX, ''));
      const untitled = written.filter((n) => !TITLE_WORD.test(n));
      const names = untitled.length > 0 && untitled.length < written.length ? untitled : written;
      if (names.length === 0) {
        current = null;
        return;
      }
      const name = names[0];
      if (name.length > MAX_NAME_LENGTH) {
        push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.not-a-name', { text: quoteCell(leaderText) });
        current = null;
        return;
      }
      if (names.length > 1) {
        push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.several-leaders', { text: quoteCell(leaderText), name });
      }
      const existing = byName.get(name);
      if (existing) {
        // The same leader on the next row is a continuation (a merged cell filled in by the reader).
        if (!(existing === current && adjacent)) {
          push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.duplicate-leader', { name, firstRow: existing.ref.row });
        }
        mergeInto(existing, scope, sites, deptText, roleText);
        current = existing;
        return;
      }
      const leader: Leader = {
        name,
        raw: names.length === 1 ? trimAll(leaderText) : name,
        role: 'member',
        titles: roleText === '' ? [] : splitTitles(roleText),
        departments: splitUnits(deptText),
        sites,
        scope,
        ref: { sheet: sheet.name, row: excelRow },
      };
      leaders.push(leader);
      byName.set(name, leader);
      current = leader;
    });
    if (sheet.detected.dataRows.length === 0 || !leaders.some((l) => l.ref.sheet === sheet.name)) {
      problems.push(
        makeProblem('other', sheet.name, sheet.detected.headerRow, fields.column('leader'), leaderHeader, 'problem.no-leaders', {}),
      );
    }
  }
  return { leaders, hasRoleColumn, deadlineDay };
}

function mergeInto(leader: Leader, scope: string, sites: string[], deptText: string, roleText: string): void {
  for (const s of sites) if (leader.sites.indexOf(s) < 0) leader.sites.push(s);
  for (const d of splitUnits(deptText)) if (leader.departments.indexOf(d) < 0) leader.departments.push(d);
  for (const t of roleText === '' ? [] : splitTitles(roleText)) if (leader.titles.indexOf(t) < 0) leader.titles.push(t);
  if (scope !== '' && leader.scope.indexOf(scope) < 0) leader.scope = leader.scope === '' ? scope : leader.scope + '\n' + scope;
}

/** The deadline day a schedule header states: the scope header first, then any header cell. */
function scheduleDeadlineDay(sheet: KindSheet): number | null {
  const scope = sheet.header.headers.scope;
  const fromScope = scope ? deadlineDayFromText(scope) : null;
  if (fromScope !== null) return fromScope;
  const row = sheet.values[sheet.header.headerIndex] || [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && v.length < 200) {
      const d = deadlineDayFromText(v);
      if (d !== null) return d;
    }
  }
  return null;
}

