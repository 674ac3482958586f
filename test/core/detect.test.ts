/**
 * Sheet kinds by header (SPEC §1): the words each kind's columns are recognised by, including the
 * ones registers use beyond the SPEC list.
 */
import { matchHeaderRow } from '../../src/core/detect';

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
  ])('%s', (_name, header, kind, columns) => {
    const match = matchHeaderRow(header);
    expect(match ? match.kind : null).toBe(kind);
    if (match) expect(match.columns).toEqual(columns);
  });
});
