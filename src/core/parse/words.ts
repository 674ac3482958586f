/**
 * The one dictionary of header words (SPEC §1's table, and the words real registers use beyond it).
 * Header words are the first evidence of a column's meaning; `columns.ts` weighs them against what
 * the cells hold, so this table names the usual words, not every word a register may use.
 */
import type { Field, SheetKind } from '../types';

/** The sheet kinds found by header (the settings sheet is found by its name). */
export type HeaderKind = Exclude<SheetKind, 'settings'>;

/** One field of a kind: its name for the clerk, its header words, and words that say a header is something else. */
export interface FieldWords {
  field: Field;
  /** What the summary, the pane and `列:` settings call the field (检查地点). */
  label: string;
  /** Header words, the usual one first. A header matches when, cleaned, it contains one; the longest wins. */
  words: string[];
  /**
   * Words that make a matching header something else (隐患类别 is a category, not the hazard;
   * 被检查单位地址 is an address, not the place): such a column is taken only when no other column matches.
   */
  not?: string[];
}

/** Header words of one kind: each field's words, and the fields a header must have. */
export interface KindWords {
  /** What the clerk calls this kind of sheet. */
  label: string;
  required: Field[];
  fields: FieldWords[];
}

const DATE_WORDS = ['检查日期', '检查时间', '日期', '时间'];

/** SPEC §1's table of header words, with the words registers use beyond it. */
export const HEADER_WORDS: Readonly<Record<HeaderKind, KindWords>> = {
  schedule: {
    label: '安排表',
    required: ['leader', 'scope'],
    fields: [
      // 责任领导, 包保领导, 联系领导 contain 领导; a column headed only 人员 is found by its cells (names).
      { field: 'leader', label: '带队领导', words: ['带队领导', '领导', '带队人', '姓名', '班子成员'] },
      // Beyond the SPEC list: 分管领域 / 责任范围 / 督导范围 schedules (their key sites still come from quotes).
      {
        field: 'scope',
        label: '检查范围',
        words: ['检查范围', '负责范围', '检查内容', '联系点', '分管领域', '责任范围', '责任区域', '联系村', '督导范围', '包保范围', '分管范围'],
      },
      { field: 'department', label: '牵头部门', words: ['牵头部门', '责任部门', '部门', '责任单位', '牵头单位'] },
      { field: 'role', label: '职务', words: ['职务', '职位', '角色'] },
      // Beyond the SPEC list: key sites in a column of their own, listed without quotes.
      { field: 'keySites', label: '重点场所', words: ['重点场所', '重点检查场所', '重点检查单位', '重点单位', '重点企业', '包保企业', '重点检查对象'] },
    ],
  },
  log: {
    label: '检查记录',
    required: ['date', 'leader'],
    fields: [
      { field: 'date', label: '检查日期', words: DATE_WORDS },
      // In a header with both 带队领导 and 分管领导 the longer word wins; a 参加人员 column counts the
      // leaders it names (see LEADERS_WITH_OTHERS).
      { field: 'leader', label: '带队领导', words: ['带队领导', '带队人', '检查人', '带队', '领导', '带班', '检查组长', '参加人员', '参检人员'] },
      {
        field: 'site',
        label: '检查地点',
        words: [
          '检查地点', '检查对象', '被检查单位', '检查单位', '检查场所', '地点', '受检单位', '被检单位', '受查单位', '被查单位', '被检查部门',
          '受检部门', '单位名称', '企业名称', '被检查企业', '检查企业', '场所名称', '检查点位', '检查区域',
        ],
        not: ['地址', '住址', '位置', '负责人', '联系人', '电话'],
      },
      {
        field: 'hazard',
        label: '隐患',
        words: ['发现隐患', '存在问题', '隐患', '问题'],
        not: ['类别', '类型', '分类', '等级', '级别', '性质', '部位', '数量', '编号', '措施', '责任人', '责任单位', '所在', '单位', '地点', '场所', '时间', '日期'],
      },
      // 要求完成时间 and 计划完成时间 are deadlines: longer than 完成时间 (a done date), so they win.
      {
        field: 'deadline',
        label: '整改期限',
        words: ['整改期限', '整改时限', '限期', '整改截止日期', '时限', '整改截止时间', '要求整改时间', '限定整改时间', '要求完成时间', '计划完成时间'],
      },
      {
        field: 'doneDate',
        label: '整改完成日期',
        words: ['整改完成日期', '完成日期', '整改完成时间', '销号日期', '完成时间', '销号时间', '复查日期', '复查时间', '验收日期', '验收时间'],
      },
      {
        field: 'state',
        label: '整改情况',
        words: ['整改情况', '整改状态', '是否整改', '整改结果', '整改落实', '完成情况', '落实情况', '整改复查', '复查情况', '复查结果', '处理情况', '处理结果', '销号情况', '是否销号'],
      },
    ],
  },
  meetings: {
    label: '会议记录',
    required: ['date', 'name'],
    fields: [
      { field: 'date', label: '会议日期', words: DATE_WORDS },
      { field: 'name', label: '会议名称', words: ['会议名称', '会议类型', '会议'] },
      { field: 'topic', label: '议题', words: ['议题', '会议内容', '主要内容', '研究事项', '会议主题'] },
      { field: 'chair', label: '主持人', words: ['主持人'] },
    ],
  },
  reports: {
    label: '述职报告',
    required: ['unit', 'submitted'],
    fields: [
      { field: 'unit', label: '单位', words: ['单位', '成员单位', '部门'] },
      // Beyond the SPEC list: the other ways registers name the day a report came in.
      {
        field: 'submitted',
        label: '提交日期',
        words: ['提交日期', '报送日期', '提交时间', '报送时间', '上报日期', '上报时间', '述职日期', '述职时间', '报告时间', '递交日期', '递交时间', '收到日期'],
      },
      { field: 'person', label: '负责人', words: ['负责人', '主要负责人', '姓名'] },
      { field: 'year', label: '年度', words: ['年度', '述职年度'] },
    ],
  },
};

/**
 * Words in a log's leader header that say the column lists others beside the leaders
 * (带队领导及参加人员, 检查人员): it counts the leaders it names, and the rest is no data problem.
 */
export const LEADERS_WITH_OTHERS = ['人员', '参加', '参与', '成员', '组员', '随行', '检查人'];

/** The header words of one field of a kind, the usual one first (SPEC §1's table, then ours). */
export function fieldWords(kind: HeaderKind, field: Field): ReadonlyArray<string> {
  const f = fieldEntry(kind, field);
  return f ? f.words : [];
}

/** What the clerk calls a field of a kind (检查地点); the field id when the kind has no such field. */
export function fieldLabel(kind: HeaderKind, field: Field): string {
  const f = fieldEntry(kind, field);
  return f ? f.label : field;
}

function fieldEntry(kind: HeaderKind, field: Field): FieldWords | undefined {
  const fields = HEADER_WORDS[kind].fields;
  for (let i = 0; i < fields.length; i++) if (fields[i].field === field) return fields[i];
  return undefined;
}

/** When several kinds fit one header row equally well, the first of these wins. */
export const KIND_PRIORITY: ReadonlyArray<HeaderKind> = ['meetings', 'reports', 'log', 'schedule'];

/** The name of the settings sheet (compared cleaned). */
export const SETTINGS_SHEET_NAME = '规则设置';

/** Only Excel rows 1–10 may hold the header. */
export const HEADER_SEARCH_ROWS = 10;
