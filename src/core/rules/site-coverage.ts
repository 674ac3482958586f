/**
 * site-coverage — 重点场所每月检查 (SPEC §2.2): each key site of a leader is inspected in M by that
 * leader (alone or jointly), by the D-th. Someone else's inspection is named but does not count.
 */
import { formatMonthDay, ymdFromDay } from '../day';
import { DEFAULT_SETTINGS } from '../defaults';
import { formatMessage } from '../messages';
import type { Day, Finding, LogEntry, Status } from '../types';
import { distinctDays, hasColumn, makeFinding, timelinessStatus, worstProgress } from './context';
import type { Rule, RuleContext, SiteCheck, SiteCoverageDetail, SiteCoverageDetails } from './rule';

/**
 * One finding per leader with key sites, on each of the leader's schedule rows, with the worst site
 * status (a site not yet visited keeps the leader from ok). Leaders without key sites get a detail
 * with `sites: []`, status ok, and no finding. A site the leader's inspections may have covered, but
 * whose log sheet has no place column, is `unknown` (无法判断), never missing; the leader's status
 * then rests on the other sites and the quota.
 */
export const siteCoverage: Rule<SiteCoverageDetails> = {
  id: 'site-coverage',
  description: '重点场所每月检查：安排表中每位领导负责的重点场所，每月25日前须由本人带队（或联合）检查',
  defaultOptions: { deadlineDay: DEFAULT_SETTINGS.deadlineDay, warnDays: DEFAULT_SETTINGS.warnDays },
  check(ctx) {
    const findings: Finding[] = [];
    const details: SiteCoverageDetails = [];
    for (const leader of ctx.parsed.leaders) {
      const sites: SiteCheck[] = [];
      for (const name of leader.sites) {
        if (name === '' || sites.some((s) => s.name === name)) continue;
        sites.push(checkSite(ctx, leader.name, name, ctx.index.monthBySite.get(name) || []));
      }
      const status = worstProgress(sites.map((s) => s.status), 'ok');
      const detail: SiteCoverageDetail = { name: leader.name, sites, status, message: '' };
      if (sites.length > 0) {
        for (const ref of leaderRows(leader)) {
          const finding = siteFinding(ctx, ref, detail);
          detail.message = finding.message;
          findings.push(finding);
        }
      }
      details.push(detail);
    }
    return { findings, details };
  },
};

function checkSite(ctx: RuleContext, leader: string, site: string, covering: ReadonlyArray<LogEntry>): SiteCheck {
  const mine: LogEntry[] = [];
  const byOthers: Array<{ leader: string; date: Day }> = [];
  for (const entry of covering) {
    if (entry.leaders.indexOf(leader) >= 0) {
      mine.push(entry);
      continue;
    }
    for (const other of entry.leaders) {
      if (!byOthers.some((o) => o.leader === other && o.date === entry.date)) byOthers.push({ leader: other, date: entry.date });
    }
  }
  byOthers.sort((a, b) => a.date - b.date || (a.leader < b.leader ? -1 : a.leader > b.leader ? 1 : 0));
  const dates = distinctDays(mine);
  const onTime = dates.length > 0 && dates[0] <= ctx.deadline ? 1 : 0;
  let status: Status = timelinessStatus(dates.length, onTime, 1, ctx);
  // Inspections on a sheet without a place column may have been here: say so rather than 未检.
  if (status !== 'ok') {
    const could = (ctx.index.monthByLeader.get(leader) || []).some(
      (e) => !hasColumn(ctx, e.ref.sheet, 'site') && (dates.length === 0 || e.date <= ctx.deadline),
    );
    if (could) status = 'unknown';
  }
  const inspectedByOthers: string[] = [];
  for (const o of byOthers) if (inspectedByOthers.indexOf(o.leader) < 0) inspectedByOthers.push(o.leader);
  return { name: site, status, dates, inspectedByOthers, byOthers };
}

/** The schedule rows naming a leader: the first, and the others where a schedule lists him again (a second group). */
export function leaderRows(leader: { ref: { sheet: string; row: number }; rows?: Array<{ sheet: string; row: number }> }): Array<{ sheet: string; row: number }> {
  return leader.rows && leader.rows.length > 0 ? leader.rows : [leader.ref];
}

function siteFinding(ctx: RuleContext, ref: { sheet: string; row: number }, detail: SiteCoverageDetail): Finding {
  if (detail.status === 'unknown') {
    return makeFinding('site-coverage', ref, 'unknown', 'sites.unknown', { gaps: siteGaps(detail) });
  }
  if (detail.status === 'ok') {
    const done = detail.sites
      .filter((s) => s.status === 'ok')
      .map((s) => s.name + '（' + s.dates.map(formatMonthDay).join('、') + '）')
      .join('、');
    const gaps = siteGaps(detail);
    return gaps === ''
      ? makeFinding('site-coverage', ref, 'ok', 'sites.ok', { done })
      : makeFinding('site-coverage', ref, 'ok', 'sites.ok-but', { done, gaps });
  }
  return makeFinding('site-coverage', ref, detail.status, 'sites.' + detail.status, {
    gaps: siteGaps(detail),
    deadline: formatMonthDay(ctx.deadline),
    deadlineDay: ymdFromDay(ctx.deadline).day,
    daysLeft: Math.max(0, ctx.deadline - ctx.asOf),
  });
}

/**
 * What is not done of a leader's key sites ('' when all are done on time): `未检：A、B（鲁攀8月5日
 * 检查，不计入）；逾期检查：C（8月27日）`. Built from the details alone, so the engine may call it with
 * any SiteCoverageDetail.
 */
export function siteGaps(sites: SiteCoverageDetail): string {
  const unvisited: string[] = [];
  const late: string[] = [];
  const unknown: string[] = [];
  for (const site of sites.sites) {
    if (site.status === 'ok') continue;
    if (site.status === 'unknown') unknown.push(site.name);
    else if (site.dates.length > 0) {
      late.push(site.name + '（' + site.dates.map(formatMonthDay).join('、') + '）');
    } else if (site.byOthers && site.byOthers.length > 0) {
      unvisited.push(formatMessage('sites.by-others', { site: site.name, others: othersText(site.byOthers) }));
    } else {
      unvisited.push(site.name);
    }
  }
  const parts: string[] = [];
  if (unvisited.length > 0) parts.push(formatMessage('sites.unvisited', { sites: unvisited.join('、') }));
  if (late.length > 0) parts.push(formatMessage('sites.late-list', { sites: late.join('、') }));
  if (unknown.length > 0) parts.push(formatMessage('sites.unknown-list', { sites: unknown.join('、') }));
  return parts.join('；');
}

/** `鲁攀8月5日、熊丹8月9日`; at most three, then 等. */
function othersText(byOthers: ReadonlyArray<{ leader: string; date: Day }>): string {
  const shown = byOthers.slice(0, 3).map((o) => o.leader + formatMonthDay(o.date));
  return shown.join('、') + (byOthers.length > 3 ? '等' : '');
}
