/**
 * safety-meetings — 党委会/班子会研究安全生产 (SPEC §2.4): per calendar year of M, meetings dated ≤ T
 * that study safety, counted against the yearly number.
 */
import { dayFromYmd } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import { formatMessage } from '../messages';
import type { Day, Meeting, MeetingResult, Status } from '../types';
import { hasColumn } from './context';
import type { MeetingDetails, Rule } from './rule';

type MeetingKind = MeetingResult['kind'];

/** Name words of a leadership meeting (乡长办公会 too: townships called 乡 have 乡长). */
export const LEADERSHIP_WORDS = ['班子', '党政联席', '镇长办公会', '乡长办公会', '政府常务会', '政府办公会', '党政办公会'];
/** Name words of a party-committee meeting: 党委, and 镇委会 / 乡委会 as townships also call it. */
const PARTY_WORDS = ['党委', '镇委会', '乡委会', '镇委扩大会', '乡委扩大会'];

/**
 * The kind of a meeting that studied safety, or null. A name with 党委 is a party-committee meeting
 * even when it also says 班子 (党委班子会), so no meeting counts twice. Only meetings whose name or
 * topic mentions 安全 count.
 */
export function meetingKind(meeting: Pick<Meeting, 'name' | 'topic'>): MeetingKind | null {
  const name = squeeze(meeting.name);
  if (name.indexOf('安全') < 0 && squeeze(meeting.topic).indexOf('安全') < 0) return null;
  return kindByName(name);
}

/** The kind a meeting's name says, whatever it studied. */
function kindByName(name: string): MeetingKind | null {
  for (const word of PARTY_WORDS) if (name.indexOf(word) >= 0) return 'party-committee';
  for (const word of LEADERSHIP_WORDS) if (name.indexOf(word) >= 0) return 'leadership';
  return null;
}

function squeeze(text: string): string {
  return (text || '').replace(/[\s\u3000\u00a0\u200b-\u200d\ufeff]+/g, '');
}

/**
 * Two results, party-committee then leadership. After 31 December of M's year: ok or missing.
 * During the year: ok once the yearly number is reached; due-soon (a warning) when fewer than
 * expected by the quarters already ended (one a quarter for 4 a year; ceil(N × quarters / 4) in
 * general); else pending. No row findings: meeting rows are not coloured (SPEC §3 colours schedule,
 * log and report rows only). details null when the workbook has no meetings sheet.
 */
export const safetyMeetings: Rule<MeetingDetails> = {
  id: 'safety-meetings',
  description: '党委会、班子会研究安全生产：每年各不少于4次（会议名称或议题须含“安全”）',
  defaultOptions: { partyMeetings: DEFAULT_SETTINGS.partyMeetings, leadershipMeetings: DEFAULT_SETTINGS.leadershipMeetings },
  check(ctx) {
    const meetings = ctx.parsed.meetings;
    if (meetings === null) return { findings: [], details: null };
    const year = ctx.year;
    const yearStart = dayFromYmd(year, 1, 1);
    const yearEnd = dayFromYmd(year, 12, 31);
    const upTo = Math.min(ctx.asOf, yearEnd);
    const dates: Record<MeetingKind, Day[]> = { 'party-committee': [], leadership: [] };
    // Meetings on a sheet without a topic column whose name does not say 安全: they may have studied it.
    const untold: Record<MeetingKind, Day[]> = { 'party-committee': [], leadership: [] };
    for (const meeting of meetings) {
      if (meeting.date < yearStart || meeting.date > upTo) continue;
      const kind = meetingKind(meeting);
      if (kind) dates[kind].push(meeting.date);
      else if (!hasColumn(ctx, meeting.ref.sheet, 'topic')) {
        const byName = kindByName(squeeze(meeting.name));
        if (byName) untold[byName].push(meeting.date);
      }
    }
    const quarterEnds = [dayFromYmd(year, 3, 31), dayFromYmd(year, 6, 30), dayFromYmd(year, 9, 30)];
    let quarter = 0;
    for (const end of quarterEnds) if (ctx.asOf > end) quarter++;
    const yearOver = ctx.asOf > yearEnd;

    const one = (kind: MeetingKind, required: number): MeetingResult => {
      // Distinct days: the same meeting written twice (e.g. in two monthly sheets) is one meeting.
      const list = dates[kind].sort((a, b) => a - b).filter((d, i, all) => i === 0 || all[i - 1] !== d);
      const count = list.length;
      const expected = Math.ceil((required * quarter) / 4);
      let status: Status;
      let messageId: string;
      if (yearOver) {
        status = count >= required ? 'ok' : 'missing';
        messageId = 'meetings.year-end';
      } else if (count >= required) {
        status = 'ok';
        messageId = 'meetings.done';
      } else {
        status = count < expected ? 'due-soon' : 'pending';
        messageId = 'meetings.in-year';
      }
      // Not enough, but meetings that may have studied safety cannot be told: 无法判断, not missing.
      const others = untold[kind].filter((d, i, all) => all.indexOf(d) === i && list.indexOf(d) < 0).length;
      if ((status === 'missing' || status === 'due-soon') && others > 0) {
        status = 'unknown';
        messageId = 'meetings.unknown';
      }
      const message = formatMessage(messageId, { kind, year, count, required, quarter, expected, others });
      return { kind, year, count, required, status, dates: list, message };
    };
    return {
      findings: [],
      details: [one('party-committee', ctx.settings.partyMeetings), one('leadership', ctx.settings.leadershipMeetings)],
    };
  },
};
