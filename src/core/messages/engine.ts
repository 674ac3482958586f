import type { MessageTemplate } from './index';

/** Messages of the engine itself: input errors (Chinese first, then English) and summary text. */
export const ENGINE_MESSAGES: Record<string, MessageTemplate> = {
  'input.bad-as-of': (d) => '截至日期“' + d.value + '”无法识别，请写成 YYYY-MM-DD，例如 2019-09-02。 (Bad as-of date: use YYYY-MM-DD.)',
  'input.bad-month': (d) => '检查月份“' + d.value + '”无法识别，请写成 YYYY-MM，例如 2019-08。 (Bad month: use YYYY-MM.)',
  'input.as-of-before-month': (d) =>
    '截至日期 ' + d.asOf + ' 早于检查月份 ' + d.month + ' 的第一天，无法检查。 (The as-of date is before the month being checked.)',

  // Summary info line and terminal line for sheets read as no known kind. data {names (the names
  // shown, joined with 、), shown, total, shortened (1 when the one name shown is cut), rows (rows
  // searched for a header), dateWord, leaderWord (the log's header words)}
  'summary.ignored-sheets': (d) =>
    '未读取的工作表：' + d.names +
    (Number(d.shortened) || Number(d.total) > Number(d.shown) ? '…' : '') +
    (Number(d.total) > Number(d.shown) ? '等' + d.total + '张' : '') +
    '（前' + d.rows + '行中没有可识别的表头行；如其中有检查记录，请在表头行写明“' + d.dateWord + '”和“' + d.leaderWord + '”）',
};
