import { cellText, cleanKey, isBlank, isErrorValue, nfkc, nfkcFallback, quoteCell, splitList, stripBracketed, stripSpaces, trimAll } from '../../src/core/clean/text';

describe('nfkc', () => {
  it.each([
    ['２０１９年８月３日', '2019年8月3日'],
    ['ＡＢＣ　ｘｙｚ', 'ABC xyz'],
    ['郭环球，熊丹；秦尚／鲁攀', '郭环球,熊丹;秦尚/鲁攀'],
    ['（每月25日以前完成）', '(每月25日以前完成)'],
    ['大栗港镇', '大栗港镇'],
  ])('%s → %s', (input, expected) => {
    expect(nfkc(input)).toBe(expected);
  });

  it.each([
    ['２０１９－０８－０３', '2019-08-03'],
    ['ＡＢＣ　ｘｙｚ', 'ABC xyz'],
    ['郭环球，熊丹', '郭环球,熊丹'],
    ['￥５', '¥5'],
    ['熊丹', '熊丹'],
  ])('the IE11 fallback maps %s → %s', (input, expected) => {
    expect(nfkcFallback(input)).toBe(expected);
  });

  it('gives the same as String.prototype.normalize on full-width ASCII', () => {
    let all = '';
    for (let c = 0xff01; c <= 0xff5e; c++) all += String.fromCharCode(c);
    expect(nfkcFallback(all + '\u3000')).toBe(all.normalize('NFKC') + ' ');
  });
});

describe('white space', () => {
  it.each([
    ['熊  丹', '熊丹'],
    ['熊\u3000丹', '熊丹'],
    ['熊\u00a0丹', '熊丹'],
    ['熊\u200b丹\u200c\u200d\ufeff\u2060', '熊丹'],
    ['\t熊\r\n丹 ', '熊丹'],
  ])('stripSpaces(%j) → %s', (input, expected) => {
    expect(stripSpaces(input)).toBe(expected);
  });

  it.each([
    ['  熊丹\u3000', '熊丹'],
    ['\u200b熊 丹\u00a0', '熊 丹'],
    ['熊丹', '熊丹'],
    ['', ''],
  ])('trimAll(%j) → %j', (input, expected) => {
    expect(trimAll(input)).toBe(expected);
  });

  it('cleanKey applies NFKC and drops every space', () => {
    expect(cleanKey('检查\u3000日期 （ 每月 ）')).toBe('检查日期(每月)');
  });

  it.each([
    ['检查范围（每月25日以前完成）', '检查范围'],
    ['【必填】检查日期', '检查日期'],
    ['检查日期[yyyy-mm-dd]', '检查日期'],
    ['检查日期(年月日)', '检查日期'],
  ])('stripBracketed(nfkc(%s)) → %s', (input, expected) => {
    expect(stripBracketed(nfkc(input))).toBe(expected);
  });
});

describe('cells', () => {
  it.each([
    ['#N/A', true],
    [' #REF! ', true],
    ['#VALUE!', true],
    ['#DIV/0!', true],
    ['#NAME?', true],
    ['#NULL!', true],
    ['#NUM!', true],
    ['#SPILL!', true],
    ['#CALC!', true],
    ['#GETTING_DATA', true],
    ['#n/a', true],
    ['#1', false],
    ['N/A', false],
    [42, false],
    [null, false],
  ])('isErrorValue(%j) → %s', (value, expected) => {
    expect(isErrorValue(value)).toBe(expected);
  });

  it.each([
    [null, true],
    [undefined, true],
    ['', true],
    [' \u3000\u200b', true],
    [0, false],
    [false, false],
    ['x', false],
  ])('isBlank(%j) → %s', (value, expected) => {
    expect(isBlank(value)).toBe(expected);
  });

  it.each([
    ['abc', 'abc'],
    [43680, '43680'],
    [true, 'TRUE'],
    [null, ''],
    [undefined, ''],
    [new Date(Date.UTC(2019, 7, 3)), '2019-08-03'],
    [new Date(NaN), 'Invalid Date'],
  ])('cellText(%j) → %j', (value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  it('quoteCell keeps one line and at most 50 characters', () => {
    expect(quoteCell('第一行\n第二行')).toBe('第一行 第二行');
    const long = quoteCell('隐'.repeat(200));
    expect(long).toBe('隐'.repeat(50) + '…');
  });

  it.each([
    ['政法办、纪委、\n\n财政所', ['政法办', '纪委', '财政所']],
    ['安监站，党政办；扶贫办/国保所', ['安监站', '党政办', '扶贫办', '国保所']],
    ['  城乡管理执法办 、 重点办 ', ['城乡管理执法办', '重点办']],
    ['、、', []],
  ])('splitList(%j) → %j', (input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });
});
