import { cleanName, resolveLeader, splitLeaders, splitNames } from '../../src/core/clean/names';

const KNOWN = new Set(['郭环球', '熊丹', '秦尚', '鲁攀', '邓光明']);

describe('cleanName', () => {
  it.each([
    ['熊  丹', '熊丹'],
    ['熊\u3000\u3000丹', '熊丹'],
    ['熊\u00a0丹', '熊丹'],
    ['熊\u200b丹', '熊丹'],
    ['\ufeff熊丹\u2060', '熊丹'],
    ['熊\u200c\u200d丹', '熊丹'],
    [' 郭环球 \n', '郭环球'],
    ['郭环球同志', '郭环球'],
    ['郭环球 同志', '郭环球'],
    ['同志', '同志'],
    ['ＬＩ　Ｍｉｎｇ', 'LIMing'],
    ['Ｌｉｕ１２', 'Liu12'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanName(input)).toBe(expected);
  });
});

describe('resolveLeader', () => {
  it.each([
    ['郭环球', {}, '郭环球'],
    ['郭书记', { 郭书记: '郭环球' }, '郭环球'],
    ['郭书记', { 郭书记: '张三' }, null],
    ['郭环球(书记)', {}, '郭环球'],
    ['张三', {}, null],
    ['constructor', {}, null],
    ['', {}, null],
    // A title written against the name, no space between: the rest must be a whole title.
    ['副镇长熊丹', {}, '熊丹'],
    ['党委委员邓光明', {}, '邓光明'],
    ['党委副书记秦尚', {}, '秦尚'],
    ['郭环球书记', {}, '郭环球'],
    ['熊丹副镇长', {}, '熊丹'],
    ['人大主席鲁攀', {}, '鲁攀'],
    ['镇长熊丹丹', {}, null],
    ['熊丹丹', {}, null],
    ['小熊丹', {}, null],
    ['熊丹的秘书', {}, null],
    ['副镇长张三', {}, null],
    ['副镇长', {}, null],
  ])('%s with aliases %j → %s', (name, aliases, expected) => {
    expect(resolveLeader(name, KNOWN, aliases)).toBe(expected);
  });
});

describe('splitLeaders (joint inspections)', () => {
  it.each([
    ['郭环球', ['郭环球'], []],
    ['熊  丹', ['熊丹'], []],
    ['熊 丹', ['熊丹'], []],
    ['郭环球、熊丹', ['郭环球', '熊丹'], []],
    ['郭环球，熊丹', ['郭环球', '熊丹'], []],
    ['郭环球,熊丹;秦尚', ['郭环球', '熊丹', '秦尚'], []],
    ['郭环球；熊丹', ['郭环球', '熊丹'], []],
    ['郭环球/秦尚', ['郭环球', '秦尚'], []],
    ['郭环球／秦尚', ['郭环球', '秦尚'], []],
    ['郭环球 熊丹', ['郭环球', '熊丹'], []],
    ['郭环球\u3000熊丹', ['郭环球', '熊丹'], []],
    ['郭环球\n熊丹', ['郭环球', '熊丹'], []],
    ['郭环球、熊  丹', ['郭环球', '熊丹'], []],
    ['郭环球同志、熊丹同志', ['郭环球', '熊丹'], []],
    ['郭环球、郭环球', ['郭环球'], []],
    ['郭环球、张三', ['郭环球'], ['张三']],
    ['郭环球 张三', ['郭环球'], ['张三']],
    ['张三', [], ['张三']],
    ['张 三', [], ['张三']],
    ['郭书记、熊丹', ['郭环球', '熊丹'], []],
    ['副镇长熊丹、党委委员邓光明', ['熊丹', '邓光明'], []],
    ['副镇长熊丹 张三', ['熊丹'], ['张三']],
    ['', [], []],
    ['  ', [], []],
  ])('%j → leaders %j, unknown %j', (text, leaders, unknown) => {
    expect(splitLeaders(text, KNOWN, { 郭书记: '郭环球' })).toEqual({ leaders, unknown });
  });
});

describe('splitNames (no known leaders yet)', () => {
  it.each([
    ['熊  丹', ['熊丹']],
    ['郭环球 熊丹', ['郭环球', '熊丹']],
    ['郭环球、熊丹，秦尚', ['郭环球', '熊丹', '秦尚']],
    ['郭环球\n熊  丹', ['郭环球', '熊丹']],
    ['鲁 攀 秦 尚', ['鲁攀秦尚']],
  ])('%j → %j', (text, expected) => {
    expect(splitNames(text)).toEqual(expected);
  });
});
