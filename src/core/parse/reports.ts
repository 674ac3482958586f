/**
 * The annual reports reader (述职报告): each unit's report and the day it came in.
 */
import { cellText, cleanKey, isBlank, quoteCell, trimAll } from '../clean/text';
import { splitUnits } from '../clean/units';
import { cellAt, errorValue, Fields, optionalText, problemAt, rowDate } from './sheet';
import { DuplicateRows, forEachDataRow, isDuplicate } from './rows';
import type { DateParse } from '../clean/dates';
import type { KindSheet, ReadContext } from './sheet';
import type { CellValue, Report } from '../types';

const YEAR_TEXT = /^(\d{4})(?:年度?|年)?$/;

export function readReports(sheets: KindSheet[], rc: ReadContext): Report[] {
  const reports: Report[] = [];
  const duplicates = new DuplicateRows();
  const dateCache = new Map<string, DateParse | null>();
  for (const sheet of sheets) {
    const f = new Fields(sheet);
    const iUnit = f.index('unit');
    const iSubmitted = f.index('submitted');
    const iPerson = f.index('person');
    const iYear = f.index('year');
    forEachDataRow(sheet, (row, excelRow) => {
      if (isDuplicate(rc, duplicates, sheet, row, excelRow)) return;
      const unitCell = cellAt(row, iUnit);
      if (errorValue(rc, sheet, f, 'unit', excelRow, unitCell)) return;
      const unitRaw = trimAll(cellText(unitCell));
      const units = splitUnits(unitRaw);
      if (units.length === 0) {
        problemAt(rc, sheet, f, 'unit', excelRow, 'empty-unit', 'problem.empty-unit', {});
        return;
      }
      // An empty submission date is normal: the unit has not submitted yet.
      const submitted = rowDate(rc, sheet, f, 'submitted', excelRow, cellAt(row, iSubmitted), dateCache, false);
      const person = optionalText(rc, sheet, f, 'person', excelRow, cellAt(row, iPerson));
      const year = reportYear(rc, sheet, f, excelRow, cellAt(row, iYear));
      for (const unit of units) {
        reports.push({ ref: { sheet: sheet.name, row: excelRow }, unit, unitRaw, submitted, year, person });
      }
    });
  }
  return reports;
}

function reportYear(rc: ReadContext, sheet: KindSheet, f: Fields, excelRow: number, value: CellValue): number | null {
  if (isBlank(value) || errorValue(rc, sheet, f, 'year', excelRow, value)) return null;
  let year: number | null = null;
  if (typeof value === 'number') year = Math.floor(value) === value ? value : null;
  else if (typeof value === 'string') {
    const m = YEAR_TEXT.exec(cleanKey(value));
    year = m ? +m[1] : null;
  }
  if (year === null || year < 1900 || year > 9999) {
    problemAt(rc, sheet, f, 'year', excelRow, 'other', 'problem.bad-year', { text: quoteCell(value) });
    return null;
  }
  return year;
}

