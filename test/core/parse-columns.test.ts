/**
 * Column recognition (SPEC §1 *Recognising columns, and saying so*): each example of issue 13 with
 * the cases that must not be read that way. Every case is the seed's schedule plus a log written out
 * cell by cell, checked for August 2019 as of 2 September 2019, and says which header serves each
 * field, how that was decided (表头 / 单元格 / 规则设置), and what it means for the rows.
 */
import { parseWorkbook } from '../../src/core/parse';
import type { CellValue, Field, ParsedWorkbook } from '../../src/core/types';
import { AUG_2019, day, log, parseOk, serial, sheet, withSeed } from '../helpers/grids';
import { seedSchedule } from '../helpers/seed';

const d = (day: number) => serial(2019, 8, day);

/** The log's fields as read: field → header text ('' when not found). */
function columnsOf(parsed: ParsedWorkbook, sheetName = '检查记录'): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const r of parsed.sheets.find((s) => s.sheet === sheetName)!.readings) if (!r.extra) out[r.field] = r.header;
  return out;
}

function readingOf(parsed: ParsedWorkbook, field: Field, sheetName = '检查记录') {
  return parsed.sheets.find((s) => s.sheet === sheetName)!.readings.filter((r) => r.field === field && !r.extra)[0];
}

function extras(parsed: ParsedWorkbook): string[] {
  return parsed.sheets.find((s) => s.sheet === '检查记录')!.readings.filter((r) => r.extra).map((r) => r.header);
}

describe('a hazard ledger: 隐患类别 / 隐患具体描述 / 隐患等级 side by side', () => {
  const HEADER = ['序号', '排查日期', '带队领导', '被检查单位', '隐患类别', '隐患具体描述', '隐患等级', '整改时限', '整改完成时间'];
  const ROWS: CellValue[][] = [
    [1, d(5), '郭环球', '刘家村', '消防安全', '灭火器过期未更换', '一般隐患', d(15), d(12)],
    [2, d(6), '鲁攀', '和平加油站', '用电安全', '私拉乱接电线', '一般隐患', d(20), ''],
    [3, d(9), '邓光明', '大栗港加油站', '/', '无', '/', '/', '/'],
    [4, d(12), '秦尚', '湘域矿业', '消防安全', '消防通道堵塞', '较大隐患', d(30), ''],
    [5, d(20), '熊丹', '童子山村', '燃气安全', '液化气瓶无防倒措施', '一般隐患', '立即整改', d(20)],
  ];

  test('the description is the hazard, decided by the cells; categories and levels are not', () => {
    const parsed = parseOk(withSeed(log(HEADER, ROWS)));
    expect(columnsOf(parsed)).toMatchObject({ hazard: '隐患具体描述', site: '被检查单位', deadline: '整改时限', doneDate: '整改完成时间' });
    const hazard = readingOf(parsed, 'hazard');
    expect(hazard.by).toBe('cells');
    // The row whose cells say 无 and / is no evidence either way: 4 rows each.
    expect(hazard.how).toContain('“隐患具体描述”4行中4行是隐患描述');
    expect(hazard.how).toContain('“隐患类别”4行中4行是类别或等级');
    // No hazard is named after its category, and the row whose description says 无 has none.
    expect(parsed.log.map((e) => e.hazard)).toEqual(['灭火器过期未更换', '私拉乱接电线', null, '消防通道堵塞', '液化气瓶无防倒措施']);
    // `/` in the deadline and done-date cells of the row without a hazard is no problem.
    expect(parsed.problems).toEqual([]);
  });

  test.each<[string, string[], CellValue[][], string | undefined, string]>([
    [
      'a 隐患 column of sentences beside a 隐患类型 column: the sentences',
      ['检查日期', '带队领导', '检查地点', '隐患类型', '隐患'],
      [[d(5), '郭环球', '刘家村', '消防安全', '灭火器过期'], [d(6), '鲁攀', '和平加油站', '用电安全', '电线老化破损']],
      '隐患',
      'cells',
    ],
    [
      'a 隐患类别 column alone, holding categories: no hazard column (a category says no hazard was found)',
      ['检查日期', '带队领导', '检查地点', '隐患类别'],
      [[d(5), '郭环球', '刘家村', '消防安全'], [d(6), '鲁攀', '和平加油站', '用电安全'], [d(7), '秦尚', '湘域矿业', '消防安全']],
      undefined,
      'missing',
    ],
    [
      'a 隐患类别 column alone, holding descriptions: it is what the clerk wrote the hazards in',
      ['检查日期', '带队领导', '检查地点', '隐患类别'],
      [[d(5), '郭环球', '刘家村', '灭火器过期'], [d(6), '鲁攀', '和平加油站', '电线老化破损'], [d(7), '秦尚', '湘域矿业', '消防通道堵塞']],
      '隐患类别',
      'header',
    ],
    [
      'no data rows yet: the header without 类别 or 等级',
      ['检查日期', '带队领导', '隐患类别', '隐患具体描述', '隐患等级'],
      [],
      '隐患具体描述',
      'header',
    ],
    ['存在问题 beside 问题类别: the longer word, no tie', ['检查日期', '带队领导', '存在问题', '问题类别'], [[d(5), '郭环球', '消防安全', '灭火器过期']], '存在问题', 'header'],
  ])('%s', (_name, header, rows, hazard, by) => {
    const parsed = parseOk(withSeed(log(header, rows)));
    expect(columnsOf(parsed).hazard || undefined).toBe(hazard);
    expect(readingOf(parsed, 'hazard').by).toBe(by);
  });
});

describe('the inspected place', () => {
  test('被检查单位名称 beside 被检查单位地址: the name is the place, the address is not read', () => {
    const parsed = parseOk(
      withSeed(
        log(
          ['检查日期', '带队领导', '被检查单位名称', '被检查单位地址'],
          [
            [d(5), '郭环球', '环宇烟花批发部', '刘家村3组'],
            [d(6), '鲁攀', '和平加油站', '大栗港镇和平路12号'],
            [d(7), '邓光明', '湘域矿业有限公司', '童子山村东侧'],
          ],
        ),
      ),
    );
    expect(columnsOf(parsed).site).toBe('被检查单位名称');
    expect(extras(parsed)).toEqual([]);
    // 郭环球's key site 刘家村 is in the address only: he inspected a shop there, not the village.
    expect(parsed.log.map((e) => e.siteRaw)).toEqual(['环宇烟花批发部', '和平加油站', '湘域矿业有限公司']);
  });

  test.each<[string, string[], CellValue[], string, string[]]>([
    ['检查地点 beside 被检查单位: both are places, read together', ['检查日期', '带队领导', '检查地点', '被检查单位'], [d(5), '郭环球', '刘家村', '刘家村砖厂'], '被检查单位', ['检查地点']],
    ['受查单位 is a place', ['检查时间', '检查人员', '受查单位', '检查内容'], [d(5), '郭环球', '刘家村砖厂', '消防安全检查'], '受查单位', []],
    ['被检查部门 is a place', ['检查日期', '带队领导', '被检查部门', '存在问题'], [d(5), '郭环球', '刘家村村委会', '无'], '被检查部门', []],
    ['an address alone is the place: nothing better was written', ['检查日期', '带队领导', '被检查单位地址'], [d(5), '郭环球', '刘家村3组'], '被检查单位地址', []],
    ['受检单位 beside 受检单位负责人: the person is not the place', ['检查日期', '带队领导', '受检单位', '受检单位负责人'], [d(5), '郭环球', '刘家村砖厂', '张三'], '受检单位', []],
  ])('%s', (_name, header, row, site, more) => {
    const parsed = parseOk(withSeed(log(header, [row, row.map((v, i) => (i === 0 ? d(6) : v))])));
    expect(columnsOf(parsed).site).toBe(site);
    expect(extras(parsed)).toEqual(more);
  });

  test('a header the words lack is found by its cells: unit and place names', () => {
    const parsed = parseOk(
      withSeed(
        log(
          ['检查日期', '带队领导', '去向', '存在问题'],
          [
            [d(5), '郭环球', '刘家村', '无'],
            [d(6), '鲁攀', '和平加油站', '无'],
            [d(7), '秦尚', '湘域矿业有限公司', '无'],
          ],
        ),
      ),
    );
    expect(columnsOf(parsed).site).toBe('去向');
    expect(readingOf(parsed, 'site')).toMatchObject({ by: 'cells', how: '单元格：3行中3行是单位或地点名称（表头“去向”）' });
  });

  test.each<[string, CellValue[]]>([
    ['what was checked', ['消防安全检查', '督促企业落实主体责任', '燃气安全']],
    // Ends like a place, but says what was done there: 检查加油站 names no place.
    ['what was done, ending in a place word', ['检查加油站', '检查了福利院', '对液化气站开展检查']],
  ])('but a column of %s is no place', (_name, cells) => {
    const parsed = parseOk(withSeed(log(['检查日期', '带队领导', '检查情况'], cells.map((c, i) => [d(5 + i), '郭环球', c]))));
    expect(readingOf(parsed, 'site')).toMatchObject({ by: 'missing', how: '未找到' });
  });
});

describe('the leader column', () => {
  const MIXED = '郭环球、安监站张三、李四';
  test.each<[string, string, number]>([
    // Leaders and participants: count the leaders, report nobody beside them.
    ['带队领导及参加人员', '带队领导及参加人员', 0],
    ['参加人员', '参加人员', 0],
    ['检查人员', '检查人员', 0],
    // A column for leaders only: the others are named as not in the schedule.
    ['带队领导', '带队领导', 1],
  ])('%s with “%s” holding a leader and staff', (header, _h, problems) => {
    const parsed = parseOk(withSeed(log(['检查日期', header, '检查地点'], [[d(5), MIXED, '刘家村']])));
    expect(columnsOf(parsed).leader).toBe(header);
    expect(parsed.log.map((e) => e.leaders)).toEqual([['郭环球']]);
    expect(parsed.problems.length).toBe(problems);
  });

  test.each<[string, string]>([
    ['a log whose leader column is headed only 姓名', '姓名'],
    ['a log whose leader column is headed only 人员', '人员'],
  ])('%s: the cells are schedule leaders', (_name, header) => {
    const parsed = parseOk(
      withSeed(log(['检查日期', header, '检查地点'], [[d(5), '郭环球', '刘家村'], [d(6), '熊  丹', '童子山村'], [d(7), '鲁攀', '和平加油站']])),
    );
    expect(readingOf(parsed, 'leader')).toMatchObject({ header, by: 'cells', how: '单元格：3行中3行是安排表中的领导（表头“' + header + '”）' });
    expect(parsed.log.map((e) => e.leaders)).toEqual([['郭环球'], ['熊丹'], ['鲁攀']]);
  });

  test('but a 姓名 column of people who are no leaders is no leader column: the log is not read, and the error says why', () => {
    const outcome = parseWorkbook(
      withSeed(log(['检查日期', '姓名', '检查地点'], [[d(5), '张三', '刘家村'], [d(6), '李四', '童子山村'], [d(7), '王五', '和平加油站']])),
      AUG_2019,
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('no-log');
      expect(outcome.error.message).toContain('工作表“检查记录”第1行有日期列“检查日期”，但没有找到带队领导列');
    }
  });

  test('a column whose cells are schedule leaders is the leader column, whatever its header says', () => {
    const parsed = parseOk(
      withSeed(log(['检查日期', '检查单位', '检查地点'], [[d(5), '郭环球', '刘家村'], [d(6), '鲁攀', '和平加油站'], [d(7), '秦尚', '湘域矿业']])),
    );
    expect(columnsOf(parsed)).toMatchObject({ leader: '检查单位', site: '检查地点' });
    expect(readingOf(parsed, 'leader').by).toBe('cells');
  });

  test('a schedule whose leader column is headed 人员: the cells are names', () => {
    const schedule = sheet('安排表', [
      ['人员', '职务', '检查范围'],
      ['郭环球', '党委书记', '全镇辖区（重点检查负责刘家村）'],
      ['熊  丹', '镇长', '全镇辖区（重点检查负责童子山村）'],
      ['鲁攀', '副镇长', '负责“和平加油站”'],
    ]);
    const parsed = parseOk({ sheets: [schedule, log(['检查日期', '带队领导', '检查地点'], [[d(5), '郭环球', '刘家村']])] });
    expect(parsed.leaders.map((l) => l.name)).toEqual(['郭环球', '熊丹', '鲁攀']);
    expect(readingOf(parsed, 'leader', '安排表')).toMatchObject({ by: 'cells', how: '单元格：3行中3行是人名（表头“人员”）' });
  });

  test('but a schedule-like sheet whose 人员 column holds units has no leader column, and the error says so', () => {
    const schedule = sheet('安排表', [
      ['人员', '职务', '检查范围'],
      ['安监站', '站长', '全镇辖区'],
      ['派出所', '所长', '道路交通'],
    ]);
    const outcome = parseWorkbook({ sheets: [schedule, log(['检查日期', '带队领导'], [[d(5), '郭环球']])] }, AUG_2019);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toContain('工作表“安排表”第1行有检查范围列“检查范围”，但没有找到带队领导列');
  });
});

describe('deadline beside done date', () => {
  test.each<[string, string[], Partial<Record<Field, string>>]>([
    ['计划完成时间 beside 整改完成时间', ['检查日期', '带队领导', '存在问题', '计划完成时间', '整改完成时间'], { deadline: '计划完成时间', doneDate: '整改完成时间' }],
    ['完成时间 alone is the done date', ['检查日期', '带队领导', '存在问题', '完成时间'], { doneDate: '完成时间', deadline: '' }],
    ['要求完成时间 alone is the deadline', ['检查日期', '带队领导', '存在问题', '要求完成时间'], { deadline: '要求完成时间', doneDate: '' }],
  ])('%s', (_name, header, expected) => {
    const parsed = parseOk(withSeed(log(header, [[d(5), '郭环球', '灭火器过期', d(15), d(12)].slice(0, header.length)])));
    expect(columnsOf(parsed)).toMatchObject(expected);
  });

  test('the hazard is judged with them: done on the 12th, due the 15th', () => {
    const parsed = parseOk(withSeed(log(['检查日期', '带队领导', '存在问题', '计划完成时间', '整改完成时间'], [[d(5), '郭环球', '灭火器过期', d(15), d(12)]])));
    expect(parsed.log.map((e) => [e.deadline, e.doneDate])).toEqual([[day('2019-08-15'), day('2019-08-12')]]);
  });
});

describe('列:字段=表头 in 规则设置', () => {
  const LOG = log(
    ['检查日期', '带队领导', '检查地点', '实际检查单位'],
    [
      [d(5), '郭环球', '镇政府', '刘家村'],
      [d(6), '鲁攀', '镇政府', '和平加油站'],
    ],
  );
  const settings = (...rows: CellValue[][]) => sheet('规则设置', [['项目', '值'], ...rows]);

  test.each<[string, CellValue[][]]>([
    ['one cell', [['列:检查地点=实际检查单位']]],
    ['key and value', [['列', '检查地点=实际检查单位']]],
    ['the field in the key cell', [['列：检查地点', '实际检查单位']]],
    ['a word of the field for its name, full-width signs', [['列', '地点＝实际检查单位']]],
  ])('names the column, which wins over the header words (%s)', (_name, rows) => {
    const parsed = parseOk({ sheets: [seedSchedule(), LOG, settings(...rows)] });
    expect(readingOf(parsed, 'site')).toMatchObject({ header: '实际检查单位', by: 'settings' });
    // The clerk said which column is the place: the other is not read with it.
    expect(extras(parsed)).toEqual([]);
    expect(parsed.log.map((e) => e.site)).toEqual(['刘家村', '和平加油站']);
    expect(parsed.problems).toEqual([]);
  });

  test('a column no header word names: the log is read through it', () => {
    const parsed = parseOk({
      sheets: [seedSchedule(), log(['检查日期', '负责同志', '检查地点'], [[d(5), '张三', '刘家村']]), settings(['列', '带队领导=负责同志'])],
    });
    expect(readingOf(parsed, 'leader')).toMatchObject({ header: '负责同志', by: 'settings', how: '规则设置：列:带队领导=负责同志' });
  });

  test('it wins over the cells too: the column it names stays, though another holds the leaders', () => {
    const rows: CellValue[][] = [
      [d(5), '张三', '郭环球', '刘家村'],
      [d(6), '李四', '鲁攀', '和平加油站'],
      [d(7), '王五', '秦尚', '湘域矿业'],
    ];
    const HEADER = ['检查日期', '负责同志', '陪同', '检查地点'];
    const plain = parseOk({ sheets: [seedSchedule(), log(HEADER, rows)] });
    expect(readingOf(plain, 'leader')).toMatchObject({ header: '陪同', by: 'cells' });
    const named = parseOk({ sheets: [seedSchedule(), log(HEADER, rows), settings(['列', '带队领导=负责同志'])] });
    expect(readingOf(named, 'leader')).toMatchObject({ header: '负责同志', by: 'settings' });
    expect(named.log).toEqual([]);
  });

  test.each<[string, string, RegExp]>([
    ['a header no sheet has', '检查地点=受查单位', /^列设置“检查地点=受查单位”：没有哪张表的表头是“受查单位”，未使用（检查记录：检查日期、带队领导、检查地点、实际检查单位）$/],
    ['a field that is none', '地方=实际检查单位', /^列设置“地方=实际检查单位”中的“地方”不是可指定的字段（可写：检查日期、带队领导、检查地点、隐患/],
    ['no equals sign', '检查地点', /^列设置“检查地点”无法识别，应写成“字段=表头”/],
  ])('is itself checked: %s is a data problem naming its cell', (_name, line, message) => {
    const parsed = parseOk({ sheets: [seedSchedule(), LOG, settings(['列', line])] });
    expect(parsed.problems.map((p) => [p.sheet, p.row, p.column])).toEqual([['规则设置', 2, 2]]);
    expect(parsed.problems[0].message).toMatch(message);
    // The line changes nothing: the columns are recognised as without it.
    expect(readingOf(parsed, 'site').by).not.toBe('settings');
  });
});

describe('names written as surname and title', () => {
  const SCHEDULE = sheet('安排表', [
    ['带队领导', '职务', '检查范围'],
    ['梁志强', '党委副书记', '负责“刘家村”'],
    ['马俊', '党委书记', '全镇辖区'],
  ]);
  test.each<[string, string, string]>([
    ['梁副书记', 'problem.unknown-leader-title', '带队领导“梁副书记”不是安排表中的带队领导，本行不计入；如“梁副书记”是梁志强，请在规则设置的“别名”中加一行“梁副书记=梁志强”'],
    ['马书记带队', 'problem.unknown-leader-title', '带队领导“马书记带队”不是安排表中的带队领导，本行不计入；如“马书记”是马俊，请在规则设置的“别名”中加一行“马书记=马俊”'],
    // No leader of the schedule has that surname: nothing to suggest.
    ['王镇长', 'problem.unknown-leader', '带队领导“王镇长”不是安排表中的带队领导，本行不计入'],
  ])('%s', (cell, _id, message) => {
    const parsed = parseOk({ sheets: [SCHEDULE, log(['检查日期', '带队领导', '检查地点'], [[d(5), cell, '刘家村']])] });
    expect(parsed.problems.map((p) => p.message)).toEqual([message]);
    expect(parsed.log).toEqual([]);
  });

  test('with the alias line the row counts', () => {
    const parsed = parseOk({
      sheets: [SCHEDULE, log(['检查日期', '带队领导', '检查地点'], [[d(5), '梁副书记', '刘家村']]), sheet('规则设置', [['别名', '梁副书记=梁志强']])],
    });
    expect(parsed.log.map((e) => e.leaders)).toEqual([['梁志强']]);
  });
});

describe('a sheet that is not a schedule is never blamed as one (issue 18)', () => {
  test('no schedule, and a log with a 检查内容 column: the message says what was looked for, and tells the log nothing', () => {
    const outcome = parseWorkbook(
      { sheets: [log(['检查日期', '带队领导', '检查内容', '存在问题'], [[d(5), '郭环球', '消防安全检查', '无'], [d(6), '鲁攀', '加油站检查', '无']])] },
      AUG_2019,
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('no-schedule');
    expect(outcome.error.message).not.toContain('日期列');
    expect(outcome.error.message).not.toContain('完成时限');
    expect(outcome.error.message).toContain('在每张表的前10行中查找同时有带队领导列');
    expect(outcome.error.message).toContain('已查看：检查记录（读作检查记录）');
  });

  test('a schedule whose header is below row 10: the message names its sheet and row, and says to remove the rows above', () => {
    const notes: CellValue[][] = Array.from({ length: 11 }, (_v, i) => [i === 0 ? '关于印发带队检查安排的通知' : '说明第' + i + '条']);
    const schedule = sheet('安排表', [...notes, ['带队领导', '检查范围'], ['郭环球', '全镇辖区']]);
    const outcome = parseWorkbook({ sheets: [schedule, log(['检查日期', '带队领导'], [[d(5), '郭环球']])] }, AUG_2019);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toContain('工作表“安排表”第12行像安排表的表头，但表头须在前10行内。请删去表头上方多余的行');
  });

  test('a schedule with a 检查时间 column of requirements is still told to rename it', () => {
    const schedule = sheet('安排表', [['带队领导', '检查时间', '检查范围'], ['郭环球', '每月25日前', '全镇辖区']]);
    const outcome = parseWorkbook({ sheets: [schedule, log(['检查日期', '带队领导'], [[d(5), '郭环球']])] }, AUG_2019);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toContain('工作表“安排表”有带队领导和检查范围列，但也有日期列“检查时间”（其中写的不是日期）');
  });
});

describe('more register layouts', () => {
  test.each<[string, string[], CellValue[][], Partial<Record<Field, string>>]>([
    [
      '带队领导 beside 参加人员: the cells say which holds the leaders',
      ['序号', '日期', '带队领导', '参加人员', '检查单位', '检查内容', '存在问题', '整改措施', '整改时限', '整改情况', '备注'],
      [
        [1, d(5), '郭环球', '安监站张三、李四', '刘家村砖厂', '消防安全', '灭火器过期', '更换', d(10), '已整改', ''],
        [2, d(6), '鲁攀', '安监站王五', '和平加油站', '加油站检查', '无', '', '', '', ''],
        [3, d(7), '邓光明', '派出所民警', '大栗港加油站', '消防', '通道堵塞', '清理', d(12), '未整改', ''],
      ],
      { leader: '带队领导', site: '检查单位', hazard: '存在问题', deadline: '整改时限', state: '整改情况' },
    ],
    [
      'a ledger whose place is headed 隐患所在单位: a place, not the hazard',
      ['序号', '隐患排查时间', '带队领导', '隐患所在单位', '隐患内容', '隐患级别', '整改责任人', '整改期限', '整改完成时间', '整改结果'],
      [
        [1, d(5), '郭环球', '红星烟花爆竹批发部', '灭火器压力不足', '一般', '李老板', d(10), d(9), '已整改'],
        [2, d(6), '鲁攀', '和平加油站', '私拉乱接电线', '一般', '王站长', d(20), '', '整改中'],
        [3, d(7), '邓光明', '大栗港加油站', '消防通道堵塞', '较大', '张站长', d(25), '', ''],
      ],
      { date: '隐患排查时间', site: '隐患所在单位', hazard: '隐患内容', deadline: '整改期限', doneDate: '整改完成时间', state: '整改结果' },
    ],
    [
      'a 记录 with 落实情况 and 整改要求及时限',
      ['日期', '带队领导', '参加人员', '被检查单位（地点）', '检查发现的主要问题', '整改要求及时限', '落实情况'],
      [
        [d(5), '郭环球', '张三', '刘家村', '灭火器过期', '3日内整改', '已整改'],
        [d(6), '鲁攀', '李四', '和平加油站', '无', '/', '/'],
      ],
      { site: '被检查单位（地点）', hazard: '检查发现的主要问题', deadline: '整改要求及时限', state: '落实情况' },
    ],
  ])('%s', (_name, header, rows, expected) => {
    const parsed = parseOk(withSeed(log(header, rows)));
    expect(columnsOf(parsed)).toMatchObject(expected);
    expect(parsed.problems).toEqual([]);
  });
});
