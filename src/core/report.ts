/** SPEC §4: the machine-readable report. Stable fields first; extra fields may be added. */
import { columnLetters } from './address';
import { formatIso } from './day';
import { dataProblems } from './summary';
import type { CheckResult, JsonReport } from './types';

/** Turns a check result into the JSON report of SPEC §4 (plain data, ready for JSON.stringify). */
export function toJsonReport(result: CheckResult): JsonReport {
  return {
    month: result.month,
    asOf: result.asOf,
    deadlineDay: result.deadlineDay,
    township: result.township,
    roleSource: result.roleSource,
    settings: {
      mainQuota: result.settings.mainQuota,
      memberQuota: result.settings.memberQuota,
      deadlineDay: result.settings.deadlineDay,
      deadlineDaySource: result.settings.deadlineDaySource,
      warnDays: result.settings.warnDays,
      partyMeetings: result.settings.partyMeetings,
      leadershipMeetings: result.settings.leadershipMeetings,
      reportDeadline: result.settings.reportDeadline,
    },
    leaders: result.leaders.map((l) => ({
      name: l.name,
      role: l.role,
      required: l.required,
      total: l.total,
      onTime: l.onTime,
      status: l.status,
      dates: l.dates.map(formatIso),
      row: l.ref.row,
      sheet: l.ref.sheet,
      // A leader named on several schedule rows (two inspection groups): every row.
      ...(l.rows ? { rows: l.rows.map((r) => r.row) } : {}),
      message: l.message,
      sites: l.sites.map((s) => ({ name: s.name, status: s.status, dates: s.dates.map(formatIso), inspectedByOthers: s.inspectedByOthers })),
    })),
    rows: result.rows.map((r) => ({
      sheet: r.sheet,
      row: r.row,
      colour: r.colour,
      status: r.status,
      rule: r.rule,
      rules: r.rules,
      message: r.message,
    })),
    hazards: result.hazards.map((h) => ({
      sheet: h.ref.sheet,
      row: h.ref.row,
      date: formatIso(h.date),
      leaders: h.leaders,
      site: h.site,
      hazard: h.hazard,
      deadline: h.deadline === null ? null : formatIso(h.deadline),
      doneDate: h.doneDate === null ? null : formatIso(h.doneDate),
      status: h.status,
      message: h.message,
    })),
    meetings: (result.meetings || []).map((m) => ({
      kind: m.kind,
      year: m.year,
      count: m.count,
      required: m.required,
      status: m.status,
      dates: m.dates.map(formatIso),
      message: m.message,
    })),
    reports: (result.reports || []).map((r) => ({
      unit: r.unit,
      status: r.status,
      submitted: r.submitted === null ? null : formatIso(r.submitted),
      sheet: r.ref ? r.ref.sheet : null,
      row: r.ref ? r.ref.row : null,
      message: r.message,
    })),
    problems: dataProblems(result).map((p) => ({
      sheet: p.sheet,
      row: p.row,
      column: p.columnName,
      columnIndex: p.column,
      code: p.code,
      message: p.message,
    })),
    // SPEC §4: every column used and every field not found (header and column null), with how it was decided.
    columns: result.columns.map((c) => ({
      sheet: c.sheet,
      kind: c.kind,
      field: c.field,
      label: c.label,
      header: c.column > 0 ? c.header : null,
      column: c.column > 0 ? columnLetters(c.column) : null,
      by: c.by,
      how: c.how,
      ...(c.extra ? { extra: true } : {}),
    })),
    missingColumns: result.missingColumns.map((m) => ({ rule: m.rule, fields: m.fields, sheets: m.sheets, message: m.message })),
    sheets: result.sheets.map((s) => ({ sheet: s.sheet, kind: s.kind, headerRow: s.headerRow })),
    ignoredSheets: result.ignoredSheets,
  };
}
