/** The township document's numbers, as defaults a workbook's 规则设置 sheet may override (SPEC §3). */
import type { Settings } from './types';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  mainQuota: 1,
  memberQuota: 2,
  deadlineDay: 25,
  warnDays: 5,
  partyMeetings: 4,
  leadershipMeetings: 4,
  reportDeadline: Object.freeze({ month: 1, day: 31 }),
  mainLeaders: null,
  memberUnits: null,
  aliases: Object.freeze({}) as Record<string, string>,
  deadlineDaySource: 'default',
}) as Readonly<Settings>;
