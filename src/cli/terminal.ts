/**
 * The summary printed in the terminal, in Chinese: one line per leader, the colour counts, the
 * hazards, meetings, reports, data problems and sheets not read, and where the result went.
 * Colours (ANSI) only when the terminal shows them. Text from cells is cleaned of control
 * characters first, so a workbook cannot move the cursor or recolour the clerk's terminal.
 */
import { COLOURS, MEETING_STATUS_LABEL, STATUS_COLOUR, STATUS_LABEL } from '../core/palette';
import { clerkListing, colourName } from '../core/listing';
import { readingGroups, readingLine } from '../core/reading';
import { dataProblems, ignoredSheetsLine, sitesCell } from '../core/summary';
import type { CheckResult, Colour, Status } from '../core/types';
import type { LostPart } from '../xlsx';
import { textWidth } from '../xlsx/patch/summary';

export interface ColourChoice {
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** FORCE_COLOR wins (0 turns colour off), then NO_COLOR, then whether stdout is a terminal. */
export function useColour({ isTTY, env }: ColourChoice): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY && env.TERM !== 'dumb';
}

const ANSI: Record<Colour, string> = {
  red: '\x1b[1;31m',
  orange: '\x1b[38;5;208m',
  yellow: '\x1b[33m',
  green: '\x1b[32m',
  grey: '\x1b[90m',
};
const RESET = '\x1b[0m';

const MEETING_NAME = { 'party-committee': '党委会', leadership: '班子会' } as const;

/** Removes what a terminal would interpret: control characters, escapes, bidi overrides. */
export function clean(text: unknown): string {
  return String(text)
    .replace(/[\r\n\t\v\f]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '?');
}

function pad(text: string, width: number): string {
  const w = textWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

export interface TerminalReport {
  result: CheckResult;
  input: string;
  output: string;
  json: string | null;
  summaryReplaced: boolean;
  /** The result of an earlier run no longer matched its formats: its colours were left as they were. */
  memoryIgnored?: boolean;
  lostParts: LostPart[];
  colour: boolean;
}

const LIST_LIMIT = 10;

export function formatTerminalReport(report: TerminalReport): string {
  const { result, colour } = report;
  const paint = (c: Colour | null, text: string) => (colour && c ? ANSI[c] + text + RESET : text);
  const status = (s: Status) => paint(STATUS_COLOUR[s], STATUS_LABEL[s]);
  const bold = (text: string) => (colour ? '\x1b[1m' + text + RESET : text);
  const lines: string[] = [];

  const [y, m] = result.month.split('-');
  lines.push(
    bold('安全生产履职检查' + (result.township ? '：' + clean(result.township) : '')) +
      '  检查月份 ' + y + '年' + Number(m) + '月  截至 ' + result.asOf + '  每月 ' + result.deadlineDay + ' 日前完成',
  );
  lines.push('工作簿：' + clean(report.input));
  if (result.roleSource === 'inferred') {
    const mains = result.leaders.filter((l) => l.role === 'main').map((l) => clean(l.name));
    lines.push('（安排表没有职务列、规则设置也未列主要领导，按检查范围为“全镇”推定主要领导：' + (mains.join('、') || '无') + '）');
  }
  for (const m of result.missingColumns) lines.push(paint('orange', '注意：') + clean(m.message));

  lines.push('');
  lines.push(bold('带队检查（' + Number(m) + '月）'));
  const nameWidth = Math.max(6, ...result.leaders.map((l) => textWidth(clean(l.name))));
  for (const leader of result.leaders) {
    const missingSites = leader.sites.filter((s) => s.status === 'missing').map((s) => clean(s.name));
    const openSites = leader.sites.filter((s) => s.status === 'pending' || s.status === 'due-soon').map((s) => clean(s.name));
    const lateSites = leader.sites.filter((s) => s.status === 'late').map((s) => clean(s.name));
    const unknownSites = leader.sites.filter((s) => s.status === 'unknown').map((s) => clean(s.name));
    let line =
      '  ' + pad(clean(leader.name), nameWidth) + '  ' + pad(leader.role === 'main' ? '主要领导' : '班子成员', 8) +
      '  应检 ' + pad(String(leader.required), 2) + ' 实检 ' + pad(String(leader.total), 2) +
      ' 按时 ' + pad(String(leader.onTime), 2) + ' 重点场所 ' +
      pad(sitesCell(leader.sites), 4) + '  ' +
      paint(STATUS_COLOUR[leader.status], pad(STATUS_LABEL[leader.status], 8));
    if (missingSites.length) line += '  未检：' + missingSites.join('、');
    if (openSites.length) line += '  待检：' + openSites.join('、');
    if (lateSites.length) line += '  逾期检查：' + lateSites.join('、');
    if (unknownSites.length) line += '  无法判断：' + unknownSites.join('、');
    lines.push(line.replace(/\s+$/, ''));
  }
  if (result.leaders.length === 0) lines.push('  （安排表中没有读到带队领导）');

  lines.push('');
  // The counts the summary's table 五, the pane's message and the ribbon give (core/listing.ts).
  const counts = clerkListing(result).rowCounts;
  lines.push(
    bold('行标色') + '：' + COLOURS.map((c) => paint(c, colourName(c) + ' ' + counts[c] + ' 行')).join(' · ') +
      '（共 ' + result.rows.length + ' 行）',
  );

  const overdue = result.hazards.filter((h) => h.status === 'overdue');
  const dueSoon = result.hazards.filter((h) => h.status === 'due-soon');
  const late = result.hazards.filter((h) => h.status === 'late');
  const noDeadline = result.hazards.filter((h) => h.status === 'problem');
  const unknownHazards = result.hazards.filter((h) => h.status === 'unknown');
  lines.push(
    bold('隐患整改') + '：共 ' + result.hazards.length + ' 项，' + status('overdue') + ' ' + overdue.length + ' 项，' +
      status('due-soon') + ' ' + dueSoon.length + ' 项，' + status('late') + ' ' + late.length + ' 项，缺整改期限 ' + noDeadline.length + ' 项' +
      (unknownHazards.length > 0 ? '，' + status('unknown') + ' ' + unknownHazards.length + ' 项' : ''),
  );
  const listed = overdue.concat(dueSoon);
  for (const h of listed.slice(0, LIST_LIMIT)) {
    lines.push('  ' + paint(STATUS_COLOUR[h.status], '●') + ' ' + clean(h.ref.sheet) + ' 第 ' + h.ref.row + ' 行：' + clean(h.message));
  }
  if (listed.length > LIST_LIMIT) lines.push('  …… 另有 ' + (listed.length - LIST_LIMIT) + ' 项，见汇总表');

  if (result.meetings === null) {
    lines.push(bold('会议') + '：工作簿中没有会议记录表，未检查');
  } else {
    const parts = result.meetings.map(
      (mt) => MEETING_NAME[mt.kind] + ' ' + mt.count + '/' + mt.required + ' 次 ' + paint(STATUS_COLOUR[mt.status], MEETING_STATUS_LABEL[mt.status]),
    );
    lines.push(bold('会议（' + (result.meetings[0] ? result.meetings[0].year : y) + '年）') + '：' + (parts.join('；') || '无'));
  }

  if (result.reports === null) {
    lines.push(bold('述职报告') + '：工作簿中没有述职报告表，未检查');
  } else {
    const byStatus = new Map<Status, string[]>();
    for (const r of result.reports) {
      if (!byStatus.has(r.status)) byStatus.set(r.status, []);
      byStatus.get(r.status)!.push(clean(r.unit));
    }
    const order: Status[] = ['missing', 'late', 'due-soon', 'pending', 'unknown', 'problem', 'ok'];
    const parts = order
      .filter((s) => byStatus.has(s))
      .map((s) => status(s) + ' ' + byStatus.get(s)!.length + (s === 'ok' ? '' : '（' + byStatus.get(s)!.join('、') + '）'));
    lines.push(bold('述职报告') + '：' + (parts.join(' · ') || '无'));
  }

  // The same list the summary sheet shows (hazards without a deadline included), so the counts agree.
  const problemCount = dataProblems(result).length;
  lines.push(
    bold('数据问题') + '：' + (problemCount === 0 ? '无' : paint('grey', problemCount + ' 处') + '（逐条列在汇总表“数据问题”部分' + (report.json ? '和 JSON 中' : '') + '）'),
  );
  // The summary sheet's line: a log on a skipped sheet would otherwise show only as 实检0次.
  const ignored = ignoredSheetsLine(result.ignoredSheets);
  if (ignored !== null) {
    const label = ignored.indexOf('：');
    lines.push(bold(ignored.slice(0, label)) + clean(ignored.slice(label)));
  }

  // How each sheet was read, one line per sheet (sheets read alike, e.g. one log a month, share a line).
  lines.push('');
  lines.push(bold('读取说明') + '（认错的列可在“规则设置”中写一行“列:字段=表头”）：');
  for (const group of readingGroups(result.sheets)) lines.push('  ' + clean(readingLine(group)));

  if (report.lostParts.length > 0) {
    lines.push('');
    lines.push(paint('orange', '注意：以下内容无法带入结果文件（原文件不受影响，请在原文件中查看）。') + ' Note: these parts of the input could not be carried into the output:');
    for (const p of report.lostParts) {
      const where = p.sheet === null ? '整个工作簿' : '“' + clean(p.sheet) + '”';
      const names = p.names && p.names.length ? '：' + p.names.map(clean).join('、') : '';
      lines.push('  - ' + where + '：' + p.zh + ' ' + p.count + ' 处' + names + ' (' + p.en + ')');
    }
  }

  if (report.memoryIgnored) {
    lines.push('');
    lines.push(
      paint('orange', '注意：这个工作簿里上次检查的标色已被其他程序改动过格式，无法还原成原来的格式；上次标色的行如本次不再标色，仍保留上次的颜色。') +
        ' Note: the colours of an earlier run could not be taken back (the formats were changed by another program).',
    );
  }

  lines.push('');
  lines.push(
    '已写入结果工作簿：' + clean(report.output) + '（汇总表“' + clean(result.summary.sheetName) + '”' +
      (report.summaryReplaced ? '，已替换原有同名汇总表' : '') + '）',
  );
  if (report.json) lines.push('已写入 JSON 报告：' + clean(report.json));
  return lines.join('\n') + '\n';
}
