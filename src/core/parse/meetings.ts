/**
 * The meetings reader (会议记录): each meeting's date, name (or type) and topic.
 */
import { cellText, cleanKey, isBlank, isErrorValue, nfkc, stripBracketed, trimAll } from '../clean/text';
import { LEADERSHIP_WORDS } from '../rules/safety-meetings';
import { cellAt, Fields, optionalText, problemAt, rowDate } from './sheet';
import { DuplicateRows, forEachDataRow, isDuplicate } from './rows';
import type { DateParse } from '../clean/dates';
import type { KindSheet, ReadContext } from './sheet';
import type { Meeting } from '../types';

export function readMeetings(sheets: KindSheet[], rc: ReadContext): Meeting[] {
  const meetings: Meeting[] = [];
  const duplicates = new DuplicateRows();
  const dateCache = new Map<string, DateParse | null>();
  for (const sheet of sheets) {
    const f = new Fields(sheet);
    const iDate = f.index('date');
    const iName = f.index('name');
    const iTopic = f.index('topic');
    const iType = meetingTypeColumn(sheet, iName);
    forEachDataRow(sheet, (row, excelRow) => {
      if (isDuplicate(rc, duplicates, sheet, row, excelRow)) return;
      const date = rowDate(rc, sheet, f, 'date', excelRow, cellAt(row, iDate), dateCache, true);
      const nameCell = cellAt(row, iName);
      const typeCell = cellAt(row, iType);
      const type = isBlank(typeCell) || isErrorValue(typeCell) ? '' : trimAll(cellText(typeCell));
      const written = optionalText(rc, sheet, f, 'name', excelRow, nameCell);
      // 第5次会议 | 党委会: the type says which meeting it was, when the name does not.
      const useType = type !== '' && isMeetingTypeText(type) && !namesMeetingKind(written);
      const name = !useType || written.indexOf(type) >= 0 ? written : written === '' ? type : type + ' ' + written;
      if (name === '' && !isErrorValue(nameCell)) {
        problemAt(rc, sheet, f, 'name', excelRow, 'other', 'problem.empty-meeting-name', {});
      }
      const topic = optionalText(rc, sheet, f, 'topic', excelRow, cellAt(row, iTopic));
      if (date === null || name === '') return;
      meetings.push({ ref: { sheet: sheet.name, row: excelRow }, date, name: cleanKey(name), topic: cleanKey(topic) });
    });
  }
  return meetings;
}

/**
 * A 会议类型 / 会议类别 column beside the 会议名称 column (the header reads the first as the name when
 * it stands alone), or -1.
 */
function meetingTypeColumn(sheet: KindSheet, nameColumn: number): number {
  const row = sheet.values[sheet.header.headerIndex] || [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (c === nameColumn || typeof v !== 'string') continue;
    const key = cleanKey(stripBracketed(nfkc(v)));
    if (key === '会议类型' || key === '会议类别' || key === '类型' || key === '类别' || key === '会议性质') return c;
  }
  return -1;
}

/** A 会议类型 cell that names a meeting the rules count (党委会, 班子会, 党政联席会议…). */
function isMeetingTypeText(type: string): boolean {
  const t = cleanKey(type);
  return /会(?:议)?$/.test(t) && namesMeetingKind(t);
}

function namesMeetingKind(text: string): boolean {
  const t = cleanKey(text);
  return t.indexOf('党委') >= 0 || LEADERSHIP_WORDS.some((w) => t.indexOf(w) >= 0);
}

