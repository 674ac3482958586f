/** The six rules of SPEC §2, in the order they are run and reported. */
import { annualReport } from './annual-report';
import { dataQuality } from './data-quality';
import { hazardRectification } from './hazard-rectification';
import { monthlyQuota } from './monthly-quota';
import type { Rule } from './rule';
import { safetyMeetings } from './safety-meetings';
import { siteCoverage } from './site-coverage';

export { annualReport, memberUnits, unitMatches } from './annual-report';
export { dataQuality } from './data-quality';
export { hazardRectification, shorten as shortenHazard } from './hazard-rectification';
export { leaderMessage, monthlyQuota } from './monthly-quota';
export { LEADERSHIP_WORDS, meetingKind, safetyMeetings } from './safety-meetings';
export { siteCoverage, siteGaps } from './site-coverage';
export { makeRuleContext, monthDeadline, siteCovers, timelinessStatus, worstProgress } from './context';
export type * from './rule';

/** Every rule, in SPEC order. */
export const ALL_RULES: ReadonlyArray<Rule<unknown>> = [
  monthlyQuota,
  siteCoverage,
  hazardRectification,
  safetyMeetings,
  annualReport,
  dataQuality,
];
