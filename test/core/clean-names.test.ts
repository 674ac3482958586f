import { cleanName, isUnitOrStaff, namesInCell, resolveLeader, splitLeaders, splitNames, titleFormLeaders } from '../../src/core/clean/names';

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
    // The leader of a group, the others not named.
    ['郭环球等', {}, '郭环球'],
    ['熊丹等3人', {}, '熊丹'],
    ['熊丹等三人', {}, '熊丹'],
    ['邓光明一行', {}, '邓光明'],
    ['秦尚带队', {}, '秦尚'],
    ['副镇长熊丹等', {}, '熊丹'],
    ['郭书记等', { 郭书记: '郭环球' }, '郭环球'],
    ['张三等', {}, null],
    ['等', {}, null],
    // 同志 before the “and the others”, and words saying who led: only a known leader may be left.
    ['熊丹同志等', {}, '熊丹'],
    ['熊丹同志一行', {}, '熊丹'],
    ['熊丹同志带队', {}, '熊丹'],
    ['鲁攀负责', {}, '鲁攀'],
    ['鲁攀主持', {}, '鲁攀'],
    ['鲁攀领队', {}, '鲁攀'],
    ['鲁攀组织', {}, '鲁攀'],
    ['鲁攀1人', {}, '鲁攀'],
    ['鲁攀一人', {}, '鲁攀'],
    ['副镇长鲁攀负责', {}, '鲁攀'],
    ['郭书记负责', { 郭书记: '郭环球' }, '郭环球'],
    ['张三同志等', {}, null],
    ['张三负责', {}, null],
    ['鲁攀负责人', {}, null],
    ['鲁攀组', {}, null],
    ['鲁攀攀负责', {}, null],
    ['负责', {}, null],
    ['1人', {}, null],
    ['同志等', {}, null],
    // A label or a title and a colon before the name.
    ['带队:郭环球', {}, '郭环球'],
    ['带队：郭环球', {}, '郭环球'],
    ['带队领导:郭环球', {}, '郭环球'],
    ['检查人:熊丹', {}, '熊丹'],
    ['负责人:秦尚', {}, '秦尚'],
    ['副镇长:鲁攀', {}, '鲁攀'],
    ['党委委员:邓光明等', {}, '邓光明'],
    ['带队:张三', {}, null],
    ['张三:郭环球', {}, null],
    ['郭环球:熊丹', {}, null],
    ['带队:', {}, null],
    [':郭环球', {}, null],
  ])('%s with aliases %j → %s', (name, aliases, expected) => {
    expect(resolveLeader(name, KNOWN, aliases)).toBe(expected);
  });

  // A known name that ends like a group word is found whole before anything is stripped.
  it.each([
    ['王主持', '王主持'],
    ['王主持等', '王主持'],
    ['王主持负责', '王主持'],
    ['王主', null],
  ])('%s with 王主持 known → %s', (name, expected) => {
    expect(resolveLeader(name, new Set(['王主持', '熊丹']))).toBe(expected);
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
    ['镇长 熊丹', ['熊丹'], []],
    ['熊丹 副镇长、党委委员 邓光明', ['熊丹', '邓光明'], []],
    ['镇长 张三', [], ['镇长', '张三']],
    ['', [], []],
    ['  ', [], []],
  ])('%j → leaders %j, unknown %j', (text, leaders, unknown) => {
    expect(splitLeaders(text, KNOWN, { 郭书记: '郭环球' })).toEqual({ leaders, unknown, others: [] });
  });
});

// Names that hold a joining character (和, 与, 同) are schedule leaders too.
const JOIN_KNOWN = new Set(['郭环球', '熊丹', '秦尚', '鲁攀', '王和平', '李与之', '何同']);

describe('splitLeaders: leaders joined by 和/与/及/同', () => {
  it.each([
    ['郭环球和熊丹', ['郭环球', '熊丹'], []],
    ['郭环球与熊丹', ['郭环球', '熊丹'], []],
    ['郭环球及熊丹', ['郭环球', '熊丹'], []],
    ['郭环球同熊丹', ['郭环球', '熊丹'], []],
    ['郭环球以及熊丹', ['郭环球', '熊丹'], []],
    ['郭环球会同熊丹', ['郭环球', '熊丹'], []],
    ['郭环球 和 熊丹', ['郭环球', '熊丹'], []],
    ['郭环球和熊丹、秦尚', ['郭环球', '熊丹', '秦尚'], []],
    ['郭环球、熊丹和秦尚', ['郭环球', '熊丹', '秦尚'], []],
    ['郭环球和熊丹和秦尚', ['郭环球', '熊丹', '秦尚'], []],
    ['郭环球同志和熊丹同志', ['郭环球', '熊丹'], []],
    ['郭环球和熊丹等', ['郭环球', '熊丹'], []],
    ['郭书记和熊丹', ['郭环球', '熊丹'], []],
    ['副镇长鲁攀和秦尚', ['鲁攀', '秦尚'], []],
    ['郭环球和郭环球', ['郭环球'], []],
    // A whole known name wins first; a name that holds a joiner is split only around it.
    ['王和平', ['王和平'], []],
    ['李与之', ['李与之'], []],
    ['何同', ['何同'], []],
    ['王和平和熊丹', ['王和平', '熊丹'], []],
    ['熊丹与李与之', ['熊丹', '李与之'], []],
    ['何同同熊丹', ['何同', '熊丹'], []],
    // Not every piece a known leader (or a unit): no split, nothing guessed.
    ['王和', [], ['王和']],
    ['王和平同', [], ['王和平同']],
    ['郭环球和张三', [], ['郭环球和张三']],
    ['张三和熊丹', [], ['张三和熊丹']],
    ['张三与李四', [], ['张三与李四']],
    ['和熊丹', [], ['和熊丹']],
    ['郭环球和', [], ['郭环球和']],
    ['郭环球和熊', [], ['郭环球和熊']],
    ['郭环球和熊丹丹', [], ['郭环球和熊丹丹']],
  ])('%j → leaders %j, unknown %j', (text, leaders, unknown) => {
    expect(splitLeaders(text, JOIN_KNOWN, { 郭书记: '郭环球' })).toEqual({ leaders, unknown, others: [] });
  });
});

describe('splitLeaders: a label or title and a colon before the names', () => {
  it.each([
    ['带队:郭环球', ['郭环球'], []],
    ['带队：郭环球', ['郭环球'], []],
    ['带队领导:郭环球', ['郭环球'], []],
    ['带队领导：郭环球、熊丹', ['郭环球', '熊丹'], []],
    ['带队： 郭环球  熊丹', ['郭环球', '熊丹'], []],
    ['带队：郭环球和熊丹', ['郭环球', '熊丹'], []],
    ['副镇长：鲁攀', ['鲁攀'], []],
    ['副镇长 : 鲁攀', ['鲁攀'], []],
    ['带队:张三', [], ['张三']],
    ['张三:郭环球', [], ['张三:郭环球']],
    ['带队:', [], []],
  ])('%j → leaders %j, unknown %j', (text, leaders, unknown) => {
    expect(splitLeaders(text, KNOWN)).toEqual({ leaders, unknown, others: [] });
  });
});

describe('splitLeaders: units and staff beside the leaders', () => {
  it.each([
    // Beside a known leader: set apart, not unknown.
    ['郭环球及安监站人员', ['郭环球'], [], ['安监站人员']],
    ['鲁攀带领安监站', ['鲁攀'], [], ['安监站']],
    ['鲁攀带领安监站人员等', ['鲁攀'], [], ['安监站人员等']],
    ['郭环球会同派出所民警', ['郭环球'], [], ['派出所民警']],
    ['郭环球、安监站', ['郭环球'], [], ['安监站']],
    ['郭环球、镇安监站', ['郭环球'], [], ['镇安监站']],
    ['郭环球、工作人员', ['郭环球'], [], ['工作人员']],
    ['郭环球、村支书', ['郭环球'], [], ['村支书']],
    ['郭环球、纪委', ['郭环球'], [], ['纪委']],
    ['郭环球 派出所民警', ['郭环球'], [], ['派出所民警']],
    ['安监站、郭环球', ['郭环球'], [], ['安监站']],
    ['郭环球和熊丹及安监站人员', ['郭环球', '熊丹'], [], ['安监站人员']],
    ['带队：郭环球；参加：安监站人员', ['郭环球'], [], ['参加:安监站人员']],
    ['带队：郭环球；参加：张三', ['郭环球'], ['参加:张三'], []],
    ['郭环球及安监站人员、张三', ['郭环球'], ['张三'], ['安监站人员']],
    // No known leader: still unknown, so the row is reported (nothing to count).
    ['安监站', [], ['安监站'], []],
    ['安监站人员', [], ['安监站人员'], []],
    ['安监站、派出所', [], ['安监站', '派出所'], []],
    ['安监站和派出所', [], ['安监站和派出所'], []],
    ['张三、安监站', [], ['张三', '安监站'], []],
    // Persons, or too short to tell: reported.
    ['郭环球、李所', ['郭环球'], ['李所'], []],
    ['郭环球、张三(安监站)', ['郭环球'], ['张三(安监站)'], []],
    ['郭环球、副镇长', ['郭环球'], ['副镇长'], []],
    ['熊丹、郭环球安监站人员', ['熊丹'], ['郭环球安监站人员'], []],
    ['熊丹、安监站郭环球', ['熊丹'], ['安监站郭环球'], []],
    ['郭环球和张三等', [], ['郭环球和张三等'], []],
  ])('%j → leaders %j, unknown %j, others %j', (text, leaders, unknown, others) => {
    expect(splitLeaders(text, KNOWN)).toEqual({ leaders, unknown, others });
  });
});

describe('isUnitOrStaff', () => {
  it.each([
    ['安监站', true],
    ['镇安监站', true],
    ['安监站人员', true],
    ['安监站人员等', true],
    ['安监站(2人)', true],
    ['派出所', true],
    ['派出所民警', true],
    ['工作人员', true],
    ['人员', true],
    ['镇干部', true],
    ['同志们', true],
    ['村支书', true],
    ['刘家村主任', true],
    ['社区书记', true],
    ['村两委', true],
    ['综治办', true],
    ['县应急局', true],
    ['消防大队', true],
    ['镇党委', true],
    ['纪委', true],
    ['卫生院', true],
    ['党政办公室', true],
    ['便民服务中心', true],
    ['村委会', true],
    ['社区', true],
    ['郭环球', false],
    ['张三', false],
    ['李所', false],
    ['王站', false],
    ['站', false],
    ['副镇长', false],
    ['党委委员', false],
    ['镇长', false],
    ['刘家村', false],
    ['湘域矿业', false],
    ['张三等', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isUnitOrStaff(text)).toBe(expected);
  });
});

describe('splitNames (no known leaders yet)', () => {
  it.each([
    ['熊  丹', ['熊丹']],
    ['郭环球 熊丹', ['郭环球', '熊丹']],
    ['郭环球、熊丹，秦尚', ['郭环球', '熊丹', '秦尚']],
    ['郭环球\n熊  丹', ['郭环球', '熊丹']],
    // Padding joins single characters; a name of two or more characters stands alone.
    ['胡小波　杨　剑', ['胡小波', '杨剑']],
    ['胡小波 杨剑', ['胡小波', '杨剑']],
    ['杨　剑　胡小波', ['杨剑', '胡小波']],
    ['李 卫萍', ['李卫萍']],
    // Four single characters could be 鲁攀 + 秦尚 or one name: never made up by joining.
    ['鲁 攀 秦 尚', []],
  ])('%j → %j', (text, expected) => {
    expect(splitNames(text)).toEqual(expected);
  });
});

describe('namesInCell: runs of single characters are split only into names the schedule holds', () => {
  it.each<[string, string[], string[], string[]]>([
    ['鲁 攀 秦 尚', [], [], ['鲁攀秦尚']],
    ['鲁 攀 秦 尚', ['鲁攀', '秦尚'], ['鲁攀', '秦尚'], []],
    // 鲁攀秦 + 尚? Not names it holds: left unread.
    ['鲁 攀 秦 尚', ['鲁攀秦'], [], ['鲁攀秦尚']],
    // Two ways to cut it (胡波 + 杨剑, 胡波杨 + 剑…): only names held, and only one way.
    ['胡 波 杨 剑', ['胡波', '杨剑', '胡波杨剑'], [], ['胡波杨剑']],
    // A name written alone is what it is: nothing joined.
    ['熊', [], ['熊'], []],
  ])('%j with %j → %j, unclear %j', (text, known, names, unclear) => {
    expect(namesInCell(text, new Set(known))).toEqual({ names, unclear });
  });
});
