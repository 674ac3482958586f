import type { MessageData, MessageTemplate } from './index';

/*
 * Messages for data problems (cleaning, detection, settings) and for the input errors the parser
 * raises. Owned by the parsing code. `column` is the header text as written, `text` the cell's
 * content already quoted-safe and shortened, `reason` a Chinese phrase from the date reader.
 */

function cell(d: MessageData): string {
  return d.column + '“' + d.text + '”';
}

export const PROBLEM_MESSAGES: Record<string, MessageTemplate> = {
  // Log, meetings and reports rows.
  'problem.bad-date': (d) => cell(d) + d.reason + '，本行不计入',
  'problem.empty-date': (d) => d.column + '为空，本行不计入',
  'problem.future-date': (d) => cell(d) + '晚于截至日期' + d.asOf + '，本行不计入',
  'problem.empty-leader': (d) => d.column + '为空，本行不计入',
  'problem.unknown-leader': (d) => cell(d) + '不是安排表中的带队领导，本行不计入',
  'problem.unknown-leader-title': (d) => cell(d) + '不是安排表中的带队领导，本行不计入；' + d.hint,
  'problem.unknown-leader-part': (d) =>
    cell(d) + '中的“' + d.names + '”不是安排表中的带队领导，本行只计入' + d.known + (d.hint ? '；' + d.hint : ''),
  'problem.duplicate-row': (d) => '与' + d.where + '完全相同（重复录入），本行不计入',
  'problem.bad-deadline': (d) => cell(d) + d.reason + '，视为未填写整改期限',
  'problem.bad-done-date': (d) => cell(d) + d.reason + '，不能作为整改完成日期',
  'problem.future-done-date': (d) => cell(d) + '晚于截至日期' + d.asOf + '，视为尚未整改',
  'problem.error-value': (d) => d.column + '是错误值' + d.text + '，请检查公式或引用',
  'problem.empty-unit': (d) => d.column + '为空，本行不计入',
  'problem.empty-meeting-name': (d) => d.column + '为空，无法判断会议类型，本行不计入',
  'problem.bad-year': (d) => cell(d) + '无法识别为年份',

  // Schedule rows.
  'problem.duplicate-leader': (d) =>
    '带队领导“' + d.name + '”在第' + d.firstRow + '行已出现，本行的牵头部门和重点场所并入第' + d.firstRow + '行',
  'problem.unclear-names': (d) =>
    cell(d) + '中的“' + d.run + '”分不清是哪几位领导（逐字隔开的名字连在一起），未读取；请用顿号隔开，如“胡波、杨剑”',
  'problem.orphan-schedule-row': () => '本行没有带队领导，也不接在某位领导之后，未读取',
  'problem.not-a-name': (d) => cell(d) + '不像人名，未作为带队领导读取',
  'problem.no-leaders': () => '安排表中没有读到任何带队领导',

  // Settings sheet 规则设置.
  'problem.bad-setting': (d) =>
    '设置“' + d.key + '”的值“' + d.text + '”无法识别（应为' + d.expected + '），已使用默认值' + d.fallback,
  'problem.unknown-setting': (d) => '规则设置中没有“' + d.key + '”这一项，本行未使用；可设置的项目：' + d.keys,
  'problem.bad-alias': (d) => '别名“' + d.text + '”无法识别，应写成“郭书记=郭环球”，每行或每个顿号一条',
  'problem.alias-unknown': (d) => '别名“' + d.alias + '=' + d.target + '”中的“' + d.target + '”不是安排表中的带队领导',
  'problem.main-leader-unknown': (d) => '主要领导“' + d.names + '”不是安排表中的带队领导',
  'problem.column-setting-format': (d) => '列设置“' + d.text + '”无法识别，应写成“字段=表头”，如“检查地点=受查单位”，未使用',
  'problem.column-setting-field': (d) => '列设置“' + d.text + '”中的“' + d.name + '”不是可指定的字段（可写：' + d.names + '），未使用',
  'problem.column-setting-unused': (d) =>
    '列设置“' + d.text + '”：没有哪张表的表头是“' + d.header + '”，未使用' + (d.headers ? '（' + d.headers + '）' : ''),

  // Input errors: Chinese, then an English part.
  'input.no-sheets': () => '工作簿是空的，没有可读取的工作表。 (The workbook is empty: no sheet holds any value.)',
  'input.no-schedule': (d) =>
    '未找到带队检查安排表：在每张表的前10行中查找同时有带队领导列（' + d.leaderWords + '）和检查范围列（' + d.scopeWords +
    '）的表头行，没有找到（已查看：' + d.sheets + '）。请在安排表的表头行写明这两列。' +
    ' (No schedule sheet found: looked in the first 10 rows of every sheet for a header row with a leader column and a scope column.)',
  'input.no-schedule-low-header': (d) =>
    '未找到带队检查安排表：工作表“' + d.sheet + '”第' + d.row + '行像安排表的表头，但表头须在前10行内。请删去表头上方多余的行，或把标题合并到一行。' +
    ' (No schedule sheet found: sheet “' + d.sheet + '” has a schedule header in row ' + d.row + ', but the header must be within the first 10 rows.)',
  'input.no-schedule-no-leader': (d) =>
    '未找到带队检查安排表：工作表“' + d.sheet + '”第' + d.row + '行有检查范围列“' + d.scope +
    '”，但没有找到带队领导列（表头没有“带队领导”“领导”“姓名”等词，单元格也不像人名）。请把领导那一列的表头改成“带队领导”，或在规则设置中写“列:带队领导=该列表头”。' +
    ' (No schedule sheet found: sheet “' + d.sheet + '” has a scope column but no leader column.)',
  'input.no-schedule-date-column': (d) =>
    '未找到带队检查安排表：工作表“' + d.sheet + '”有带队领导和检查范围列，但也有日期列“' + d.column +
    '”（其中写的不是日期），按规则有日期列的表不当作安排表。请把这一列的表头改成“完成时限”或删去，或把其中的要求写进“检查范围”。' +
    ' (No schedule sheet found: sheet “' + d.sheet + '” has leader and scope columns but also a date column “' + d.column +
    '” holding no dates, so it was read as an inspection log. Rename that column, e.g. to 完成时限, or remove it.)',
  'input.no-log': (d) =>
    '未找到检查记录表：在每张表的前10行中查找同时有日期列（' + d.dateWords + '）和带队领导列（' + d.leaderWords +
    '）的表头行，没有找到（已查看：' + d.sheets + '）。请在检查记录的表头行写明这两列。' +
    ' (No inspection log found: looked in the first 10 rows of every sheet for a header row with a date column and a leader column.)',
  'input.no-log-no-leader': (d) =>
    '未找到检查记录表：工作表“' + d.sheet + '”第' + d.row + '行有日期列“' + d.date +
    '”，但没有找到带队领导列（表头没有“带队领导”“检查人”等词，也没有哪一列多为安排表中的领导）。请把带队领导那一列的表头改成“带队领导”，或在规则设置中写“列:带队领导=该列表头”。' +
    ' (No inspection log found: sheet “' + d.sheet + '” has a date column but no column of schedule leaders.)',
};
