/** Status order, colours and palette (SPEC §2, §3), in one place for every edge. */
import type { Colour, Status } from './types';

/** Most severe first. `problem` (grey) ranks below the timeliness statuses but above ok. */
export const STATUS_SEVERITY: Record<Status, number> = {
  missing: 6,
  overdue: 6,
  late: 5,
  'due-soon': 4,
  problem: 3,
  ok: 2,
  pending: 1,
  // Below everything: any verdict that could be made colours the row instead.
  unknown: 0,
};

export const STATUS_COLOUR: Record<Status, Colour | null> = {
  missing: 'red',
  overdue: 'red',
  late: 'orange',
  'due-soon': 'yellow',
  problem: 'grey',
  ok: 'green',
  pending: null,
  unknown: null,
};

/** Chinese labels the clerk sees. */
export const STATUS_LABEL: Record<Status, string> = {
  missing: '未完成',
  overdue: '已逾期',
  late: '逾期完成',
  'due-soon': '临期',
  problem: '数据问题',
  ok: '合规',
  pending: '进行中',
  unknown: '无法判断',
};

/**
 * Meetings behind the quarterly pace are yellow like a near deadline, but the year's end may be
 * months away: they are 进度偏慢, not 临期.
 */
export const MEETING_STATUS_LABEL: Record<Status, string> = { ...STATUS_LABEL, 'due-soon': '进度偏慢' };

/** The statuses that leave a row uncoloured, with what they mean (for legends). */
export const UNCOLOURED_LABEL: ReadonlyArray<{ status: Status; label: string }> = [
  { status: 'pending', label: '不标色：进行中（本月尚未到截止日）' },
  { status: 'unknown', label: '不标色：无法判断（缺少所需的列，见“读取说明”）' },
];

export const COLOUR_LABEL: Record<Colour, string> = {
  red: '红色（未完成/逾期）',
  orange: '橙色（逾期完成）',
  yellow: '黄色（临期/进度偏慢）',
  green: '绿色（合规）',
  grey: '灰色（数据问题）',
};

/** Excel's Good / Neutral / Bad styles, plus orange and grey. `font` null = leave the font as it is. */
export const PALETTE: Record<Colour, { fill: string; font: string | null }> = {
  red: { fill: '#FFC7CE', font: '#9C0006' },
  orange: { fill: '#F8CBAD', font: null },
  yellow: { fill: '#FFEB9C', font: '#9C5700' },
  green: { fill: '#C6EFCE', font: '#006100' },
  grey: { fill: '#D9D9D9', font: null },
};

export const COLOURS: Colour[] = ['red', 'orange', 'yellow', 'green', 'grey'];

/** The worse of two statuses. */
export function worse(a: Status, b: Status): Status {
  return STATUS_SEVERITY[b] > STATUS_SEVERITY[a] ? b : a;
}
