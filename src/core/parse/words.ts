/**
 * The one dictionary of header words (SPEC §1's table, and the words real registers use beyond it).
 * Header words are the first evidence of a column's meaning; `columns.ts` weighs them against what
 * the cells hold.
 */
import type { Field, SheetKind } from '../types';

/** The sheet kinds found by header (the settings sheet is found by its name). */
export type HeaderKind = Exclude<SheetKind, 'settings'>;

/** Header words of one kind: each field's words, and the fields a header must have. */
export interface KindWords {
  required: Field[];
  fields: Array<{ field: Field; words: string[] }>;
}

const DATE_WORDS = ['检查日期', '检查时间', '日期', '时间'];

/** SPEC §1's table of header words. */
export const HEADER_WORDS: Readonly<Record<HeaderKind, KindWords>> = {
  schedule: {
    required: ['leader', 'scope'],
    fields: [
      { field: 'leader', words: ['带队领导', '领导', '带队人', '姓名', '班子成员'] },
      // Beyond the SPEC list: 分管领域 / 责任范围 schedules (their key sites still come from quotes).
      { field: 'scope', words: ['检查范围', '负责范围', '检查内容', '联系点', '分管领域', '责任范围', '责任区域', '联系村'] },
      { field: 'department', words: ['牵头部门', '责任部门', '部门'] },
      { field: 'role', words: ['职务', '职位', '角色'] },
      // Beyond the SPEC list: key sites in a column of their own, listed without quotes.
      { field: 'keySites', words: ['重点场所', '重点检查场所', '重点检查单位', '重点单位', '重点企业', '包保企业', '重点检查对象'] },
    ],
  },
  log: {
    required: ['date', 'leader'],
    fields: [
      { field: 'date', words: DATE_WORDS },
      // Beyond the SPEC list; in a header with both 带队领导 and 分管领导 the longer word wins.
      { field: 'leader', words: ['带队领导', '带队人', '检查人', '带队', '领导', '带班', '检查组长'] },
      { field: 'site', words: ['检查地点', '检查对象', '被检查单位', '检查单位', '检查场所', '地点', '受检单位', '被检单位', '单位名称', '企业名称', '被检查企业', '检查企业', '场所名称', '检查点位', '检查区域'] },
      { field: 'hazard', words: ['发现隐患', '存在问题', '隐患', '问题'] },
      // 要求完成时间 and 计划完成时间 are deadlines: longer than 完成时间 (a done date), so they win.
      { field: 'deadline', words: ['整改期限', '整改时限', '限期', '整改截止日期', '时限', '整改截止时间', '要求整改时间', '限定整改时间', '要求完成时间', '计划完成时间'] },
      { field: 'doneDate', words: ['整改完成日期', '完成日期', '整改完成时间', '销号日期', '完成时间', '销号时间', '复查日期', '复查时间', '验收日期', '验收时间'] },
      { field: 'state', words: ['整改情况', '整改状态', '是否整改', '整改结果', '整改落实', '完成情况', '整改复查', '复查情况', '复查结果', '处理情况', '处理结果', '销号情况', '是否销号'] },
    ],
  },
  meetings: {
    required: ['date', 'name'],
    fields: [
      { field: 'date', words: DATE_WORDS },
      { field: 'name', words: ['会议名称', '会议类型', '会议'] },
      { field: 'topic', words: ['议题', '会议内容', '主要内容', '研究事项', '会议主题'] },
      { field: 'chair', words: ['主持人'] },
    ],
  },
  reports: {
    required: ['unit', 'submitted'],
    fields: [
      { field: 'unit', words: ['单位', '成员单位', '部门'] },
      // Beyond the SPEC list: the other ways registers name the day a report came in.
      { field: 'submitted', words: ['提交日期', '报送日期', '提交时间', '报送时间', '上报日期', '上报时间', '述职日期', '述职时间', '报告时间', '递交日期', '递交时间', '收到日期'] },
      { field: 'person', words: ['负责人', '主要负责人', '姓名'] },
      { field: 'year', words: ['年度', '述职年度'] },
    ],
  },
};

/** The header words of one field of a kind, the usual one first (SPEC §1's table, then ours). */
export function fieldWords(kind: HeaderKind, field: Field): ReadonlyArray<string> {
  const f = HEADER_WORDS[kind].fields.find((x) => x.field === field);
  return f ? f.words : [];
}

/** When several kinds fit one header row equally well, the first of these wins. */
export const KIND_PRIORITY: ReadonlyArray<HeaderKind> = ['meetings', 'reports', 'log', 'schedule'];

/** The name of the settings sheet (compared cleaned). */
export const SETTINGS_SHEET_NAME = '规则设置';

/** Only Excel rows 1–10 may hold the header. */
export const HEADER_SEARCH_ROWS = 10;

