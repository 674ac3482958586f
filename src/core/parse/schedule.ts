/**
 * The schedule reader (带队检查安排表): its leaders, their roles, departments, scope and key sites,
 * and the deadline day its header states.
 */
import { namesInCell, TITLE_ENDINGS } from '../clean/names';
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

const NAME_LETTER = /[A-Za-z\u3400-\u9fff]/;
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
  // Rows naming several leaders (a group: 胡小波　杨　剑); a leader named there may be named again.
  const inGroup = new Set<Leader>();
  let hasRoleColumn = false;
  let deadlineDay: number | null = null;
  // Names written plainly anywhere in the schedule, to split a run such as 胡 波 杨 剑 elsewhere.
  const plain = new Set<string>();
  for (const sheet of sheets) {
    const i = sheet.header.columns.leader;
    if (i === undefined) continue;
    forEachDataRow(sheet, (row) => {
      const v = row[i];
      if (typeof v === 'string') for (const n of cellNames(v).names) plain.add(n);
    }, false);
  }
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
    // The leaders of the previous data row: a row without a leader continues them (a merged cell).
    let current: Leader[] = [];
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
        current = [];
        return;
      }
      const leaderText = cellText(leaderCell);
      if (trimAll(leaderText) === '') {
        if (current.length > 0 && adjacent) {
          for (const l of current) mergeInto(l, scope, sites, deptText, roleText);
        } else {
          push('empty-leader', excelRow, fields.column('leader'), leaderHeader, 'problem.orphan-schedule-row', {});
          current = [];
        }
        return;
      }
      if (NOTE_ROW.test(cleanKey(leaderText))) {
        current = [];
        return;
      }
      const { names, unclear } = cellNames(leaderText, plain);
      if (unclear.length > 0) {
        push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.unclear-names', { text: quoteCell(leaderText), run: unclear.join('、') });
      }
      if (names.length === 0) {
        current = [];
        return;
      }
      // A name is letters (汉字 or Latin): `=1+1` or `2` is no one.
      if (names.some((n) => n.length > MAX_NAME_LENGTH || !NAME_LETTER.test(n))) {
        push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.not-a-name', { text: quoteCell(leaderText) });
        current = [];
        return;
      }
      const ref = { sheet: sheet.name, row: excelRow };
      const group = names.length > 1;
      const previous = current;
      current = [];
      for (const name of names) {
        const existing = byName.get(name);
        if (existing) {
          // The same leader on the next row is a continuation (a merged cell filled in by the reader);
          // a leader in two groups is normal; the same single leader twice is a slip worth a word.
          const continuation = adjacent && previous.indexOf(existing) >= 0;
          if (!continuation) {
            if (group || inGroup.has(existing)) {
              (existing.rows || (existing.rows = [existing.ref])).push(ref);
            } else {
              push('other', excelRow, fields.column('leader'), leaderHeader, 'problem.duplicate-leader', { name, firstRow: existing.ref.row });
            }
          }
          if (group) inGroup.add(existing);
          mergeInto(existing, scope, sites, deptText, roleText);
          current.push(existing);
          continue;
        }
        const leader: Leader = {
          name,
          raw: group ? name : trimAll(leaderText),
          role: 'member',
          titles: roleText === '' ? [] : splitTitles(roleText),
          departments: splitUnits(deptText),
          sites: sites.slice(),
          scope,
          ref,
        };
        leaders.push(leader);
        byName.set(name, leader);
        if (group) inGroup.add(leader);
        current.push(leader);
      }
    });
    if (sheet.detected.dataRows.length === 0 || !leaders.some((l) => l.ref.sheet === sheet.name)) {
      problems.push(
        makeProblem('other', sheet.name, sheet.detected.headerRow, fields.column('leader'), leaderHeader, 'problem.no-leaders', {}),
      );
    }
  }
  return { leaders, hasRoleColumn, deadlineDay };
}

/**
 * The leaders a schedule cell names (SPEC §1): split on punctuation and by the padding rule
 * (胡小波　杨　剑 → 胡小波, 杨剑), titles beside a name left out (党委委员 邓光明 → 邓光明). A run of
 * single characters is split only into names written plainly elsewhere in the schedule (`known`).
 */
function cellNames(text: string, known?: ReadonlySet<string>): { names: string[]; unclear: string[] } {
  const read = namesInCell(stripBracketed(nfkc(text)).replace(TITLE_PREFIX, ''), known);
  const untitled = read.names.filter((n) => !TITLE_WORD.test(n));
  const names = untitled.length > 0 && untitled.length < read.names.length ? untitled : read.names;
  return { names, unclear: read.unclear };
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

