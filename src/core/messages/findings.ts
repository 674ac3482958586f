import type { MessageData, MessageTemplate } from './index';

/*
 * Messages for rule findings. Owned by the rules. Each template takes the figures as data; lists
 * (dates, sites) arrive already joined with 、 so that `data` stays flat strings and numbers.
 */

function base(d: MessageData): string {
  return '应检' + d.required + '次，实检' + d.total + '次' + (d.dates ? '（' + d.dates + '）' : '');
}

/** `，距截止（8月25日）还剩3天` / `，今天（8月25日）截止` */
function daysLeft(d: MessageData): string {
  return Number(d.daysLeft) === 0 ? '，今天（' + d.deadline + '）截止' : '，距截止（' + d.deadline + '）还剩' + d.daysLeft + '天';
}

function sitesText(d: MessageData): string {
  return '重点场所' + d.gaps;
}

const MEETING_LABEL: Record<string, string> = {
  'party-committee': '党委会研究安全生产',
  leadership: '班子会研究安全生产',
};

export const FINDING_MESSAGES: Record<string, MessageTemplate> = {
  // monthly-quota, per leader: data {required, total, onTime, dates, deadline, deadlineDay, daysLeft}
  'quota.ok': (d) => base(d),
  'quota.late': (d) => base(d) + '，其中' + d.deadlineDay + '日前' + d.onTime + '次',
  'quota.missing': (d) => base(d),
  'quota.due-soon': (d) => base(d) + daysLeft(d),
  'quota.pending': (d) => base(d) + '，截止' + d.deadline,

  // monthly-quota, per log row (SPEC §3 timeliness): data {date, deadlineDay}
  'log.on-time': (d) => '按期检查（' + d.date + '）',
  'log.late': (d) => d.date + '检查，晚于当月' + d.deadlineDay + '日',

  // site-coverage pieces: data {site, others} / {sites}
  'sites.by-others': (d) => d.site + '（' + d.others + '检查，不计入）',
  'sites.unvisited': (d) => '未检：' + d.sites,
  'sites.late-list': (d) => '逾期检查：' + d.sites,
  'sites.unknown-list': (d) => '无法判断：' + d.sites + '（所在检查记录没有检查地点列）',
  // site-coverage, per leader: data {done, gaps, deadline, daysLeft}
  'sites.ok': (d) => '重点场所均已按期检查：' + d.done,
  'sites.ok-but': (d) => '重点场所已按期检查：' + d.done + '；' + d.gaps,
  'sites.unknown': (d) => '重点场所' + d.gaps,
  'sites.late': (d) => sitesText(d),
  'sites.missing': (d) => sitesText(d),
  'sites.due-soon': (d) => sitesText(d) + daysLeft(d),
  'sites.pending': (d) => sitesText(d) + '，截止' + d.deadline,
  // The per-leader line: data {quota, sites}
  'leader.line': (d) => d.quota + (d.sites ? '；' + d.sites : ''),

  // hazard-rectification: data {hazard, deadline, doneDate, days}
  'hazard.no-deadline': (d) => '发现隐患“' + d.hazard + '”但未填写整改期限',
  'hazard.ok': (d) => '隐患“' + d.hazard + '”已于' + d.doneDate + '整改（期限' + d.deadline + '）',
  'hazard.ok-undated': (d) => '隐患“' + d.hazard + '”已整改（期限' + d.deadline + '）',
  'hazard.late': (d) => '隐患“' + d.hazard + '”于' + d.doneDate + '整改，超过期限（' + d.deadline + '）' + d.days + '天',
  'hazard.overdue': (d) => '隐患“' + d.hazard + '”整改期限' + d.deadline + '，未整改，已逾期' + d.days + '天',
  'hazard.due-soon': (d) =>
    '隐患“' + d.hazard + '”整改期限' + d.deadline + '，未整改，' + (Number(d.days) === 0 ? '今天到期' : '还剩' + d.days + '天'),
  'hazard.pending': (d) => '隐患“' + d.hazard + '”整改期限' + d.deadline + '，整改中',
  'hazard.unknown-deadline': (d) =>
    '隐患“' + d.hazard + '”' + (Number(d.done) ? '已整改，但' : '：') + '检查记录没有整改期限列，无法判断是否逾期',
  'hazard.unknown-done': (d) => '隐患“' + d.hazard + '”整改期限' + d.deadline + '；检查记录没有整改情况或整改完成日期列，无法判断是否已整改',

  // safety-meetings: data {kind, year, count, required, quarter, expected}
  'meetings.year-end': (d) => MEETING_LABEL[d.kind] + '：' + d.year + '年共开' + d.count + '次，应开' + d.required + '次',
  'meetings.in-year': (d) =>
    MEETING_LABEL[d.kind] + '：今年已开' + d.count + '次，应开' + d.required + '次' +
    (Number(d.quarter) > 0 ? '（截至第' + d.quarter + '季度末应至少' + d.expected + '次）' : ''),
  'meetings.unknown': (d) =>
    MEETING_LABEL[d.kind] + '：今年名称或议题含“安全”的' + d.count + '次，应开' + d.required + '次；另有' + d.others +
    '次会议记录没有议题列，无法判断是否研究了安全生产',
  'meetings.done': (d) => MEETING_LABEL[d.kind] + '：今年已开' + d.count + '次，应开' + d.required + '次，已完成',

  // annual-report: data {unit, year, submitted, deadline, days}
  'report.ok': (d) => d.unit + '：' + d.year + '年度述职报告已于' + d.submitted + '提交',
  'report.late': (d) => d.unit + '：' + d.year + '年度述职报告于' + d.submitted + '提交，晚于截止日' + d.deadline,
  'report.missing': (d) => d.unit + '：未提交' + d.year + '年度述职报告（截止' + d.deadline + '）',
  'report.due-soon': (d) =>
    d.unit + '：尚未提交' + d.year + '年度述职报告，' +
    (Number(d.days) === 0 ? '今天（' + d.deadline + '）截止' : '距截止（' + d.deadline + '）还剩' + d.days + '天'),
  'report.pending': (d) => d.unit + '：尚未提交' + d.year + '年度述职报告（截止' + d.deadline + '）',

  // data-quality: the parser already wrote the problem's Chinese message; data {code, column, text}
  'data-problem': (d) => String(d.text),
};
