/**
 * The settings sheet 规则设置 as clerks write it: with or without a header, a 序号 column, a key and
 * its value in one cell, a list key merged down over several rows, misspelt keys.
 */
import { readSettings } from '../../src/core/parse/settings';
import type { CellValue, Settings } from '../../src/core/types';

const KNOWN = new Set(['郭环球', '熊丹', '鲁攀']);

function read(rows: CellValue[][]) {
  return readSettings([{ name: '规则设置', values: rows }], KNOWN);
}

type Picked = Partial<Pick<Settings, 'mainQuota' | 'memberQuota' | 'deadlineDay' | 'warnDays' | 'aliases' | 'mainLeaders' | 'memberUnits'>>;

function pick(settings: Settings, fields: Picked): Picked {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(fields)) out[k] = settings[k as keyof Settings];
  return out as Picked;
}

describe('readSettings: where the key and the value are', () => {
  const cases: Array<[string, CellValue[][], Picked]> = [
    ['two columns under 项目 / 值', [['项目', '值'], ['其他成员每月次数', 1], ['每月截止日', '20日']], { memberQuota: 1, deadlineDay: 20 }],
    ['a 序号 column of numbers', [['序号', '项目', '值'], [1, '其他成员每月次数', 1], [2, '每月截止日', 20]], { memberQuota: 1, deadlineDay: 20 }],
    ['a 序号 column of text', [['1.', '其他成员每月次数', '1次'], ['2、', '临期提醒天数', '3天']], { memberQuota: 1, warnDays: 3 }],
    ['key and value in one cell', [['其他成员每月次数：1'], ['每月截止日 ： 20日'], ['临期提醒天数:3']], { memberQuota: 1, deadlineDay: 20, warnDays: 3 }],
    [
      '别名 merged down over three rows',
      [['项目', '值'], ['别名', '郭书记=郭环球'], ['', '熊镇长=熊丹'], [null, '攀攀=鲁攀'], ['每月截止日', 20]],
      { aliases: { 郭书记: '郭环球', 熊镇长: '熊丹', 攀攀: '鲁攀' }, deadlineDay: 20 },
    ],
    ['主要领导 merged down over two rows', [['主要领导', '郭环球'], ['', '熊丹']], { mainLeaders: ['郭环球', '熊丹'] }],
    ['安委成员单位 merged down with a 序号 column', [[1, '安委成员单位', '安监站'], [null, null, '派出所']], { memberUnits: ['安监站', '派出所'] }],
    [
      'a number key is never continued by the next row',
      [['其他成员每月次数', 1], ['', 3]],
      { memberQuota: 1 },
    ],
  ];
  test.each(cases)('%s', (_name, rows, expected) => {
    const { settings, problems } = read(rows);
    expect(problems.map((p) => p.message)).toEqual([]);
    expect(pick(settings, expected)).toEqual(expected);
  });
});

describe('readSettings: what is reported', () => {
  const cases: Array<[string, CellValue[][], Array<[number, number, string]>]> = [
    [
      'a misspelt key with a value',
      [['项目', '值'], ['其它成员每月次数', 1]],
      [[2, 1, '规则设置中没有“其它成员每月次数”这一项，本行未使用；可设置的项目：主要领导每月次数、其他成员每月次数、每月截止日、临期提醒天数、党委会每年次数、班子会每年次数、述职截止、别名、主要领导、安委成员单位、列（如“列:检查地点=受查单位”）']],
    ],
    ['a title row without a value', [['大栗港镇履职检查规则设置'], ['项目', '值']], []],
    ['a title row with a value', [['青山镇履职检查规则设置', '2019年9月修订'], ['项目', '值'], ['每月截止日', 20]], []],
    ['anything above the header', [['青山镇', '2019年'], ['项目', '值']], []],
    ['sign-off rows', [['项目', '值'], ['每月截止日', 20], ['填表人', '张三'], ['审核', '李四'], ['制表日期', '2019-09-01']], []],
    ['a note with text beside it', [['说明', '本表的值会覆盖默认值'], ['备注：', '每月截止日可改']], []],
    [
      'an unreadable value still names its cell',
      [['序号', '项目', '值'], [1, '每月截止日', 'abc']],
      [[2, 3, '设置“每月截止日”的值“abc”无法识别（应为1到31之间的整数），已使用默认值25日']],
    ],
  ];
  test.each(cases)('%s', (_name, rows, expected) => {
    expect(read(rows).problems.map((p) => [p.row, p.column, p.message])).toEqual(expected);
  });
});
