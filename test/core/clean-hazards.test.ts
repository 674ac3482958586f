import { doneDayText, isDoneState, isImmediateDeadline, isNoHazard, isNotDoneState } from '../../src/core/clean/hazards';

describe('isDoneState: the state cell says the hazard is rectified', () => {
  test.each([
    ['已整改', true],
    ['已完成', true],
    ['完成', true],
    ['整改完毕', true],
    ['已销号', true],
    ['是', true],
    ['√', true],
    ['已整改。', true],
    ['已整改到位', true],
    ['整改到位', true],
    ['已经整改', true],
    ['已全部整改', true],
    // The day it was done, written in the state cell.
    ['已于8月18日整改完毕', true],
    ['已于18日完成整改', true],
    ['已于2019年8月18日销号', true],
    ['', false],
    ['未整改', false],
    ['未完成', false],
    ['否', false],
    ['整改中', false],
    ['正在整改', false],
    ['部分整改', false],
    ['待整改', false],
    ['已于8月18日下发整改通知', false],
    // Orders given or work under way, however they end.
    ['已于8月18日督促整改', false],
    ['已于8月18日责令限期整改', false],
    ['已于8月18日复查，仍在整改', false],
    ['已于8月18日开始整改', false],
    ['已于8月18日通知企业整改', false],
    ['已于8月18日下发整改通知书要求落实', false],
    ['已于8月18日整改', true],
    ['已于8月18日督促，未整改', false],
    ['已通知', false],
    // Other words for done, and done in a later clause.
    ['已当场整改', true],
    ['已现场整改', true],
    ['已立即整改', true],
    ['已于当日整改', true],
    ['已按要求整改到位', true],
    ['当场整改完毕', true],
    ['现场整改完毕', true],
    ['整改已完成', true],
    ['已更换', true],
    ['已拆除私拉电线', true],
    ['已补齐台账', true],
    ['已复查，整改到位', true],
    ['已整改，待复查', true],
    ['立即整改', false],
    ['当场整改', false],
    ['已督促，未整改', false],
    ['已于8月18日复查，仍在整改', false],
    ['暂未整改', false],
    ['已下发通知，限期整改', false],
    // Done said inside the clause, or a thing put right.
    ['复查合格', true],
    ['8月9日已整改', true],
    ['于8月9日整改完毕', true],
    ['全部整改完毕', true],
    ['已按要求完成整改', true],
    ['已按期整改', true],
    ['隐患已消除', true],
    ['经复查已整改', true],
    ['已购置灭火器', true],
    ['已关停', true],
    ['该店已停业', true],
    ['要求整改完毕后上报', false],
    ['督促整改到位', false],
    ['限期整改完成', false],
    ['计划9月整改完成', false],
    ['需整改', false],
  ])('%s → %s', (text, done) => {
    expect(isDoneState(text)).toBe(done);
  });
});

describe('isNotDoneState and doneDayText', () => {
  test.each<[string, boolean, string | null]>([
    ['未整改', true, null],
    ['整改中', true, null],
    ['待整改', true, null],
    ['否', true, null],
    ['部分整改', true, null],
    ['已整改', false, null],
    ['张三负责', false, null],
    ['', false, null],
    ['已于8月18日整改完毕', false, '8月18日'],
    ['已于 2019年8月18日 销号。', false, '2019年8月18日'],
    ['已于8月18日督促整改', false, null],
  ])('%s → not done %s, day %s', (text, notDone, dayText) => {
    expect(isNotDoneState(text)).toBe(notDone);
    expect(doneDayText(text)).toBe(dayText);
  });
});

// SPEC §1 *Dates inside a state*: the day that opens the done clause is the day the work was done.
describe('dates inside a done state', () => {
  test.each<[string, boolean, string | null]>([
    ['3月24日已更换', true, '3月24日'],
    ['6月8日已整改', true, '6月8日'],
    ['12月30日整改完毕', true, '12月30日'],
    ['已于8月18日整改完毕', true, '8月18日'],
    ['于8月9日整改完毕', true, '8月9日'],
    ['2019年3月24日已更换灭火器', true, '2019年3月24日'],
    ['8月18日完成整改', true, '8月18日'],
    // A re-check day is not the day the work was done: done, day unknown.
    ['3月14日复查，已整改', true, null],
    ['已整改，8月20日复查合格', true, null],
    // By a day, or from a day: not the day it was done.
    ['8月9日前已整改', true, null],
    // A day with no done clause: not done.
    ['8月9日督促整改', false, null],
    ['8月9日未整改', false, null],
    ['3月14日复查', false, null],
  ])('%s → done %s on %s', (text, done, dayText) => {
    expect(isDoneState(text)).toBe(done);
    expect(doneDayText(text)).toBe(dayText);
  });
});

describe('isNoHazard', () => {
  test.each([
    ['', true],
    ['无', true],
    ['无隐患', true],
    ['未发现隐患', true],
    ['/', true],
    ['——', true],
    ['灭火器过期', false],
    ['无证经营', false],
    // Clerks' sentences that say nothing was found.
    ['现场未发现隐患', true],
    ['经检查未发现隐患', true],
    ['检查未发现问题', true],
    ['现场无隐患', true],
    ['未发现安全隐患问题', true],
    ['无重大隐患', true],
    ['未见明显隐患', true],
    ['没有发现隐患', true],
    ['暂未发现隐患', true],
    ['经排查，未发现明显安全隐患。', true],
    ['一切正常', true],
    ['正常，无隐患', true],
    // Something missing or found is a hazard, whatever else the cell says.
    ['无灭火器', false],
    ['无安全警示标志', false],
    ['未发现隐患，但消防通道堵塞', false],
    ['无隐患，已督促整改灭火器', false],
    ['无隐患，要求更换损坏插座', false],
    ['不规范', false],
    ['台账不规范', false],
    // None found, with advice, or in other words.
    ['无隐患，已督促加强管理', true],
    ['无隐患（已督促加强管理）', true],
    ['未发现隐患，已要求加强值班值守', true],
    ['无安全隐患，继续保持', true],
    ['合格', true],
    ['基本符合要求', true],
    ['安全生产状况良好', true],
    ['整体较好', true],
    ['总体平稳', true],
    ['未发现违规行为', true],
    ['未发现非法违法行为', true],
    ['未发现异常情况', true],
    ['不存在', true],
    ['〇', true],
    ['发现隐患2处', false],
    ['隐患', false],
    ['无证上岗问题', false],
  ])('%s → %s', (text, none) => {
    expect(isNoHazard(text)).toBe(none);
  });
});

describe('isImmediateDeadline', () => {
  test.each([
    ['立即整改', true],
    ['当场整改', true],
    ['立行立改', true],
    ['3日内', false],
    ['2019-08-20', false],
  ])('%s → %s', (text, immediate) => {
    expect(isImmediateDeadline(text)).toBe(immediate);
  });
});
