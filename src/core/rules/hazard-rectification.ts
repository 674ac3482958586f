/**
 * hazard-rectification — 隐患整改 (SPEC §2.3): every log row with a hazard, dated ≤ T, whatever its
 * month, is judged against its rectification deadline.
 */
import { ymdFromDay } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import type { Finding, HazardResult, LogEntry, Status } from '../types';
import { dayLabel, hasColumn, makeFinding } from './context';
import type { HazardDetails, Rule, RuleContext } from './rule';

/** Hazard text longer than this is cut in messages (the full text stays in the details). */
export const HAZARD_TEXT_LIMIT = 30;

/**
 * ok: done by the deadline (or done with no done date) · late: done after it · overdue: not done
 * and T after the deadline · due-soon: not done, deadline within W days · pending: later deadline ·
 * problem: hazard without a readable deadline · unknown (无法判断, no colour): the row's sheet has no
 * deadline column, or no state and no done-date column while the hazard is not shown done. One
 * finding per hazard row; details in row order of the workbook (sheet order, then row), whatever the
 * order of the log.
 */
export const hazardRectification: Rule<HazardDetails> = {
  id: 'hazard-rectification',
  description: '隐患整改：发现的隐患须填写整改期限，并在期限内整改完毕（填写整改完成日期或整改情况）',
  defaultOptions: { warnDays: DEFAULT_SETTINGS.warnDays },
  check(ctx) {
    const sheetOrder = new Map<string, number>();
    ctx.parsed.sheets.forEach((s, i) => {
      if (!sheetOrder.has(s.sheet)) sheetOrder.set(s.sheet, i);
    });
    const order = (name: string) => (sheetOrder.has(name) ? sheetOrder.get(name)! : sheetOrder.size);
    const compare = (a: LogEntry, b: LogEntry) =>
      order(a.ref.sheet) - order(b.ref.sheet) || (a.ref.sheet < b.ref.sheet ? -1 : a.ref.sheet > b.ref.sheet ? 1 : 0) || a.ref.row - b.ref.row;
    // The log is read in workbook order, so this is usually sorted already: check before sorting.
    let entries = ctx.index.hazards;
    for (let i = 1; i < entries.length; i++) {
      if (compare(entries[i - 1], entries[i]) > 0) {
        entries = entries.slice().sort(compare);
        break;
      }
    }
    const findings: Finding[] = [];
    const details: HazardDetails = [];
    // Hazard texts and deadlines repeat across rows: shorten and format each once per check.
    const texts: Texts = { hazards: new Map(), days: new Map(), refYear: ymdFromDay(ctx.asOf).year };
    for (const entry of entries) {
      const finding = judge(ctx, entry, texts);
      findings.push(finding);
      details.push(result(entry, finding.status, finding.message));
    }
    return { findings, details };
  },
};

interface Texts {
  hazards: Map<string, string>;
  days: Map<number, string>;
  refYear: number;
}

function label(texts: Texts, d: number): string {
  let text = texts.days.get(d);
  if (text === undefined) texts.days.set(d, (text = dayLabel(d, texts.refYear)));
  return text;
}

function judge(ctx: RuleContext, entry: LogEntry, texts: Texts): Finding {
  const raw = entry.hazard || '';
  let hazard = texts.hazards.get(raw);
  if (hazard === undefined) {
    hazard = shorten(raw);
    if (raw.length <= 200) texts.hazards.set(raw, hazard);
  }
  // No deadline column: whether it is overdue cannot be judged (no clerk left a cell empty).
  if (!hasColumn(ctx, entry.ref.sheet, 'deadline')) {
    return makeFinding('hazard-rectification', entry.ref, 'unknown', 'hazard.unknown-deadline', { hazard, done: entry.done ? 1 : 0 });
  }
  if (entry.deadlineMissing || entry.deadline === null) {
    return makeFinding('hazard-rectification', entry.ref, 'problem', 'hazard.no-deadline', { hazard });
  }
  const deadline = label(texts, entry.deadline);
  // No state and no done-date column: whether it was put right cannot be judged.
  if (!entry.done && !hasColumn(ctx, entry.ref.sheet, 'state') && !hasColumn(ctx, entry.ref.sheet, 'doneDate')) {
    return makeFinding('hazard-rectification', entry.ref, 'unknown', 'hazard.unknown-done', { hazard, deadline });
  }
  if (entry.done) {
    if (entry.doneDate === null) return makeFinding('hazard-rectification', entry.ref, 'ok', 'hazard.ok-undated', { hazard, deadline });
    const doneDate = label(texts, entry.doneDate);
    if (entry.doneDate <= entry.deadline) {
      return makeFinding('hazard-rectification', entry.ref, 'ok', 'hazard.ok', { hazard, deadline, doneDate });
    }
    return makeFinding('hazard-rectification', entry.ref, 'late', 'hazard.late', {
      hazard,
      deadline,
      doneDate,
      days: entry.doneDate - entry.deadline,
    });
  }
  if (ctx.asOf > entry.deadline) {
    return makeFinding('hazard-rectification', entry.ref, 'overdue', 'hazard.overdue', { hazard, deadline, days: ctx.asOf - entry.deadline });
  }
  const days = entry.deadline - ctx.asOf;
  const status: Status = days <= ctx.settings.warnDays ? 'due-soon' : 'pending';
  return makeFinding('hazard-rectification', entry.ref, status, 'hazard.' + status, { hazard, deadline, days });
}

function result(entry: LogEntry, status: Status, message: string): HazardResult {
  return {
    ref: entry.ref,
    date: entry.date,
    leaders: entry.leaders,
    site: entry.siteRaw.trim(),
    hazard: entry.hazard || '',
    deadline: entry.deadline,
    doneDate: entry.doneDate,
    done: entry.done,
    status,
    message,
  };
}

/** Cuts long hazard text to HAZARD_TEXT_LIMIT characters (code points, not UTF-16 units), with …. */
export function shorten(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= HAZARD_TEXT_LIMIT ? chars.join('') : chars.slice(0, HAZARD_TEXT_LIMIT - 1).join('') + '…';
}
