import { isMainRole, isMainTitle, isWholeTownshipScope, splitTitles } from '../../src/core/clean/roles';

describe('isMainTitle', () => {
  it.each([
    ['党委书记', true],
    ['镇党委书记', true],
    ['镇委书记', true],
    ['乡委书记', true],
    ['书记', true],
    ['镇长', true],
    ['乡长', true],
    ['镇  长', true],
    ['镇长（代）', true],
    ['主要领导', true],
    ['主要负责人', true],
    // A 街道: the 党工委书记 and the head of the 办事处 are its main leaders.
    ['党工委书记', true],
    ['街道党工委书记', true],
    ['办事处主任', true],
    ['街道办事处主任', true],
    ['街道办主任', true],
    ['副镇长', false],
    ['常务副镇长', false],
    ['党委副书记', false],
    ['镇委副书记', false],
    ['党工委副书记', false],
    ['办事处副主任', false],
    ['街道办事处副主任', false],
    ['纪委书记', false],
    ['镇纪委书记', false],
    ['纪工委书记', false],
    ['人大主席', false],
    ['党委委员', false],
    ['主任', false],
    ['片区办事处主任', false],
    ['村支部书记', false],
    ['', false],
  ])('%j → %s', (title, expected) => {
    expect(isMainTitle(title)).toBe(expected);
  });
});

describe('splitTitles', () => {
  it.each([
    ['党委副书记、镇长', ['党委副书记', '镇长']],
    ['党委委员，副镇长', ['党委委员', '副镇长']],
    ['党委书记兼人大主席', ['党委书记', '人大主席']],
    ['党委副书记兼任镇长', ['党委副书记', '镇长']],
    ['党委委员、副镇长兼派出所所长', ['党委委员', '副镇长', '派出所所长']],
    ['兼职安全员', ['兼职安全员']],
    ['副镇长（兼职）', ['副镇长(兼职)']],
    ['镇长（兼党委副书记）', ['镇长(兼党委副书记)']],
    ['兼', ['兼']],
    ['', []],
  ])('%j → %j', (text, expected) => {
    expect(splitTitles(text)).toEqual(expected);
  });
});

describe('isMainRole', () => {
  it.each([
    ['党委副书记、镇长', true],
    ['党委副书记 镇长', true],
    ['党委书记兼人大主席', true],
    ['党委书记 兼 人大主席', true],
    ['党委副书记兼镇长', true],
    ['镇长（兼党委副书记）', true],
    ['党委副书记（兼镇长）', false],
    ['镇委书记', true],
    ['党工委书记', true],
    ['党工委副书记、办事处主任', true],
    ['人大主席兼党委副书记', false],
    ['党委委员、副镇长兼派出所所长', false],
    ['纪委书记兼监察办主任', false],
    ['党工委副书记', false],
    ['副镇长', false],
    ['兼职安全员', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isMainRole(text)).toBe(expected);
  });

  it.each([
    [['党委书记兼人大主席'], true],
    [['党委副书记', '镇长'], true],
    [['人大主席兼党委副书记'], false],
    [[], false],
  ])('titles %j → %s', (titles, expected) => {
    expect(isMainRole(titles)).toBe(expected);
  });
});

describe('isWholeTownshipScope (roles inferred without a role column)', () => {
  it.each([
    ['全镇辖区内（重点检查负责刘家村）各行业、各系统的安全生产工作情况', true],
    ['全镇范围', true],
    ['全乡', true],
    ['全街道', true],
    [' 全 镇辖区', true],
    ['负责全镇安全生产工作', true],
    ['全面负责全镇安全生产工作', true],
    ['负责全乡各行业', true],
    ['负责分管领域、联系村（社区）及“和平加油站”安全生产工作', false],
    ['负责联系全镇各村', false],
    ['协助负责全镇安全生产工作', false],
    ['全面负责', false],
    ['负责', false],
    ['分管全镇安全生产', false],
    ['', false],
  ])('%j → %s', (scope, expected) => {
    expect(isWholeTownshipScope(scope)).toBe(expected);
  });
});
