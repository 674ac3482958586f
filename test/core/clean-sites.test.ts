/**
 * Key sites from the schedule (SPEC §1 Sites): names in quotes and after 重点检查 in brackets in the
 * scope text, and, beyond the SPEC, a column of their own.
 */
import { checkWorkbook } from '../../src/core';
import { extractSites, listedSites } from '../../src/core/clean/sites';
import type { CellValue } from '../../src/core/types';
import { serial } from '../helpers/grids';

describe('extractSites', () => {
  test.each<[string, string[]]>([
    ['负责分管领域、联系村（社区）及“大栗港加油站”、“ 环宇烟花批发”安全生产工作', ['大栗港加油站', '环宇烟花批发']],
    ['全镇辖区内（重点检查负责刘家村）各行业', ['刘家村']],
    ['全镇辖区内（重点负责刘家村）各行业', ['刘家村']],
    ['（重点检查：刘家村、童子山村）', ['刘家村', '童子山村']],
    ['及‘和平加油站’安全生产工作', ['和平加油站']],
    ['学习《安全生产法》，负责“和平加油站”', ['和平加油站']],
    ['重点检查消防安全', []],
    ['（重点工作）负责“和平加油站”', ['和平加油站']],
    ['（重点防范火灾）', []],
    ['负责分管领域', []],
  ])('%s → %j', (scope, sites) => {
    expect(extractSites(scope)).toEqual(sites);
  });
});

describe('listedSites (a 重点场所 column)', () => {
  test.each<[string, string[]]>([
    ['和平加油站、环宇烟花批发', ['和平加油站', '环宇烟花批发']],
    ['“和平加油站”，“首溪金矿尾矿库”', ['和平加油站', '首溪金矿尾矿库']],
    ['和平加油站\n湘域矿业', ['和平加油站', '湘域矿业']],
    ['和平 加油站', ['和平加油站']],
    ['无', []],
    ['/', []],
    ['', []],
  ])('%j → %j', (text, sites) => {
    expect(listedSites(text)).toEqual(sites);
  });
});

test('a schedule with a 重点场所 column: its sites are the leaders’ key sites, checked like quoted ones', () => {
  const schedule: CellValue[][] = [
    ['带队领导', '职务', '分管领域', '重点场所'],
    ['郭环球', '党委书记', '全面工作', '刘家村'],
    ['鲁攀', '副镇长', '扶贫、交通', '和平加油站、环宇烟花批发'],
  ];
  const log: CellValue[][] = [
    ['检查日期', '带队领导', '检查地点'],
    [serial(2019, 8, 5), '郭环球', '刘家村'],
    [serial(2019, 8, 6), '鲁攀', '和平加油站'],
    [serial(2019, 8, 9), '鲁攀', '集镇'],
  ];
  const outcome = checkWorkbook({ sheets: [{ name: '安排表', values: schedule }, { name: '检查记录', values: log }] }, { month: '2019-08', asOf: '2019-09-02' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const lu = outcome.result.leaders.find((l) => l.name === '鲁攀')!;
  expect(lu.sites.map((s) => [s.name, s.status])).toEqual([
    ['和平加油站', 'ok'],
    ['环宇烟花批发', 'missing'],
  ]);
  expect(lu.status).toBe('missing');
  expect(outcome.result.leaders.find((l) => l.name === '郭环球')!.status).toBe('ok');
});

test('a log with two place columns (检查地点, 被检查单位): a key site named in either is covered', () => {
  const schedule: CellValue[][] = [
    ['带队领导', '职务', '检查范围'],
    ['熊丹', '镇长', '全镇辖区内（重点检查负责童子山村）'],
    ['鲁攀', '副镇长', '负责“和平加油站”'],
  ];
  const log: CellValue[][] = [
    ['检查日期', '带队领导', '检查地点', '被检查单位'],
    [serial(2019, 8, 4), '熊丹', '童子山村', '童子山石场'],
    [serial(2019, 8, 6), '鲁攀', '集镇', '和平加油站'],
    [serial(2019, 8, 9), '鲁攀', '', ''],
  ];
  const outcome = checkWorkbook({ sheets: [{ name: '安排表', values: schedule }, { name: '检查记录', values: log }] }, { month: '2019-08', asOf: '2019-09-02' });
  if (!outcome.ok) throw new Error(outcome.error.message);
  const sitesOf = (name: string) => outcome.result.leaders.find((l) => l.name === name)!.sites.map((s) => [s.name, s.status]);
  expect(sitesOf('熊丹')).toEqual([['童子山村', 'ok']]);
  expect(sitesOf('鲁攀')).toEqual([['和平加油站', 'ok']]);
  expect(outcome.result.problems).toEqual([]);
});
