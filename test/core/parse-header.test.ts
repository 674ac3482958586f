/**
 * Sheet kinds by header (SPEC §1): the words each kind's columns are recognised by, including the
 * ones registers use beyond the SPEC list.
 */
import { matchHeaderRow } from '../../src/core/parse/header';

describe('matchHeaderRow', () => {
  test.each<[string, string[], string | null, Record<string, number>]>([
    ['a report register with 提交日期', ['序号', '单位', '提交日期'], 'reports', { unit: 1, submitted: 2 }],
    ['报送时间', ['成员单位', '报送时间', '负责人'], 'reports', { unit: 0, submitted: 1, person: 2 }],
    ['上报日期', ['单位', '上报日期'], 'reports', { unit: 0, submitted: 1 }],
    ['上报时间 with 年度', ['部门', '上报时间', '述职年度'], 'reports', { unit: 0, submitted: 1, year: 2 }],
    ['述职日期', ['单位名称', '述职日期'], 'reports', { unit: 0, submitted: 1 }],
    ['述职时间', ['单位', '述职时间', '述职人'], 'reports', { unit: 0, submitted: 1 }],
    // A log naming the unit inspected and when it was reported stays a log: it has more fields.
    ['a log with 被检查单位 and 上报时间', ['检查日期', '带队领导', '被检查单位', '上报时间'], 'log', { date: 0, leader: 1, site: 2 }],
    ['a unit list without any day is no report register', ['单位', '负责人', '联系电话'], null, {}],
    ['报告时间', ['述职单位', '报告时间'], 'reports', { unit: 0, submitted: 1 }],
    // Logs as registers head them.
    ['a log with 检查领导 and 被检查企业', ['检查日期', '检查领导', '被检查企业', '存在问题'], 'log', { date: 0, leader: 1, site: 2, hazard: 3 }],
    ['带队领导 beats 分管领导', ['检查日期', '分管领导', '带队领导', '检查地点'], 'log', { date: 0, leader: 2, site: 3 }],
    ['带班领导, 受检单位', ['日期', '带班领导', '受检单位'], 'log', { date: 0, leader: 1, site: 2 }],
    [
      '要求完成时间 is the deadline, 完成时间 the done date, 整改完成情况 the state',
      ['检查日期', '带队领导', '检查地点', '存在问题', '要求完成时间', '完成时间', '整改完成情况'],
      'log',
      { date: 0, leader: 1, site: 2, hazard: 3, deadline: 4, doneDate: 5, state: 6 },
    ],
    ['复查日期 and 复查情况', ['检查日期', '带队领导', '企业名称', '存在问题', '完成时限', '复查日期', '复查情况'], 'log', { date: 0, leader: 1, site: 2, hazard: 3, deadline: 4, doneDate: 5, state: 6 }],
    ['处理结果, 验收时间', ['检查日期', '带队人', '检查场所', '发现问题', '整改时限', '验收时间', '处理结果'], 'log', { date: 0, leader: 1, site: 2, hazard: 3, deadline: 4, doneDate: 5, state: 6 }],
    ['企业负责人 is no site', ['检查日期', '带队领导', '企业负责人'], 'log', { date: 0, leader: 1 }],
    // Schedules headed by 分管领域 / 班子成员.
    ['班子成员 and 分管领域', ['班子成员', '职务', '分管领域'], 'schedule', { leader: 0, role: 1, scope: 2 }],
    ['责任范围', ['姓名', '责任范围'], 'schedule', { leader: 0, scope: 1 }],
    ['a 重点场所 column', ['带队领导', '分管领域', '重点检查场所'], 'schedule', { leader: 0, scope: 1, keySites: 2 }],
    // Meetings with 研究事项.
    ['研究事项', ['会议时间', '会议名称', '研究事项'], 'meetings', { date: 0, name: 1, topic: 2 }],
  ])('%s', (_name, header, kind, columns) => {
    const match = matchHeaderRow(header);
    expect(match ? match.kind : null).toBe(kind);
    if (match) expect(match.columns).toEqual(columns);
  });
});
