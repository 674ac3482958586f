/**
 * What a column's data rows hold, as evidence of its meaning beside the header words: dates,
 * leaders of the schedule, person names, unit and place names, addresses, short repeated categories
 * (消防安全, 一般隐患) or sentences, rectification states, deadlines. Each is a count over a sample
 * of the column's first data rows, so a long log costs no more than a short one.
 */
import { isEmptyDateMark, parseDateCell, relativeDeadlineDays } from '../clean/dates';
import { isDoneState, isImmediateDeadline, isNotDoneState } from '../clean/hazards';
import { cleanName, isUnitOrStaff, splitLeaders, splitNames, TITLE_ENDINGS } from '../clean/names';
import type { Aliases } from '../clean/names';
import { cellText, cleanKey, isBlank, isErrorValue, nfkc, stripBracketed } from '../clean/text';
import type { CellValue, Grid } from '../types';

/** How many data rows of a column are looked at. */
export const SAMPLE_ROWS = 300;

/** What the cells are compared with. */
export interface CellEvidence {
  /** The schedule's leaders (cleaned); empty while the schedule itself is being read. */
  known: ReadonlySet<string>;
  aliases: Aliases;
  /** The key sites of every leader (cleaned). */
  keySites: ReadonlyArray<string>;
  date1904: boolean;
  /** The year given to dates written without one. */
  year: number;
}

/** Counts over the sampled non-empty cells of one column. */
export interface ColumnProfile {
  /** Cells looked at: not empty, not an error value, not a `/` or `—` mark. */
  count: number;
  dates: number;
  /** Cells naming at least one schedule leader. */
  leaders: number;
  /** Cells holding only person names (2–4 characters each, no unit, no title alone). */
  names: number;
  /** Unit or place names (…公司, …村, …加油站, or a key site), not addresses, not sentences. */
  places: number;
  addresses: number;
  /** Short category or level words (消防安全, 一般隐患, 重大). */
  categories: number;
  /** Rectification states other than a bare 是 / 否 (已整改, 未整改, 整改中). */
  states: number;
  /** Deadlines: dates and deadline phrases (立即整改, 7天, 月底前). */
  deadlines: number;
  /** Different texts among the cells. */
  distinct: number;
}

/** The column's sampled cells: data rows from `from`, empty ones and marks left out. */
export function columnSample(values: Grid, from: number, index: number): CellValue[] {
  const out: CellValue[] = [];
  for (let r = from; r < values.length && r < from + SAMPLE_ROWS; r++) {
    const row = values[r];
    if (!row) continue;
    const v = row[index];
    if (isBlank(v) || isErrorValue(v) || isEmptyDateMark(v)) continue;
    out.push(v);
  }
  return out;
}

/** Counts what the sampled cells of a column hold. */
export function profileColumn(cells: ReadonlyArray<CellValue>, ev: CellEvidence): ColumnProfile {
  const p: ColumnProfile = { count: 0, dates: 0, leaders: 0, names: 0, places: 0, addresses: 0, categories: 0, states: 0, deadlines: 0, distinct: 0 };
  const seen = new Set<string>();
  for (const v of cells) {
    p.count++;
    const text = typeof v === 'string' ? v : cellText(v);
    if (!seen.has(text)) seen.add(text);
    const date = isDateCell(v, ev);
    if (date) p.dates++;
    if (date || isDeadlineText(v)) p.deadlines++;
    if (typeof v !== 'string') continue;
    if (ev.known.size > 0 && splitLeaders(v, ev.known, ev.aliases).leaders.length > 0) p.leaders++;
    if (isNameCell(v)) p.names++;
    const address = isAddressText(v);
    if (address) p.addresses++;
    else if (isPlaceText(v, ev.keySites)) p.places++;
    if (isCategoryText(v)) p.categories++;
    if (isStateText(v)) p.states++;
  }
  p.distinct = seen.size;
  return p;
}

/** A date as any edge hands it over (a Date, a serial of a plausible year, or date text). */
function isDateCell(v: CellValue, ev: CellEvidence): boolean {
  // Serials of 1955–2119: a 序号 or an amount is no date.
  if (typeof v === 'number') return v >= 20000 && v <= 80000;
  if (!(v instanceof Date) && typeof v !== 'string') return false;
  const parsed = parseDateCell(v, { date1904: ev.date1904, defaultYear: ev.year });
  return parsed !== null && parsed.ok;
}

const DEADLINE_WORDS = /(?:前|止|底|末|内)(?:完成|整改|整改完毕|整改到位)?$/;

function isDeadlineText(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const t = cleanKey(v);
  if (t === '' || t.length > 30) return false;
  return isImmediateDeadline(t) || relativeDeadlineDays(t) !== null || (/\d|[一二三四五六七八九十]/.test(t) && DEADLINE_WORDS.test(t));
}

const PERSON = /^[\u3400-\u9fff·]{2,4}$/;
const TITLE_ONLY = new RegExp('^[^\\s]{0,8}?' + TITLE_ENDINGS + '$');
const NOT_A_PERSON_END = /(?:领导|成员|班子|干部|人员|小组|组长)$/;

/** Only person names: every name 2–4 Han characters, not a unit, not a title, not a group heading. */
function isNameCell(text: string): boolean {
  const names = splitNames(stripBracketed(nfkc(text)));
  if (names.length === 0) return false;
  for (const n of names) {
    if (!PERSON.test(n) || isUnitOrStaff(n) || TITLE_ONLY.test(n) || NOT_A_PERSON_END.test(n)) return false;
  }
  return true;
}

/** Street numbers, 路 / 街 / 巷 with a number, sides and corners: where a place is, not what it is. */
const ADDRESS = /\d+(?:号|弄|栋|幢|单元|室|米|公里|组)|(?:路|街|巷|道|大道|村|镇|乡)\d|(?:[东南西北]侧|对面|旁边|附近|交叉口|路口)|(?:路|街|巷|大道)$/;

export function isAddressText(text: string): boolean {
  const t = cleanKey(nfkc(text));
  return t.length >= 3 && ADDRESS.test(t);
}

/** What unit and place names end with (shops, firms, villages, schools, sites). */
const PLACE_END = new RegExp(
  '(?:公司|厂|店|站|村|社区|居委会|学校|小学|中学|幼儿园|中心|医院|卫生院|诊所|超市|酒店|宾馆|饭店|餐馆|商店|商行|市场|矿|矿业|' +
    '采石场|石场|砖厂|场|库|园|馆|所|院|门市|门面|小区|工地|项目|项目部|基地|合作社|作坊|加工点|网吧|广场|码头|渡口|水库|电站|' +
    '大桥|桥|批发|批发部|经营部|养殖场|农庄|山庄|景区|寺|庙|祠堂|车间|仓库|机关|办|局|队)$',
);
const SENTENCE = /[，。；;！!？?]/;
/** What was done, not where: 检查加油站, 督查燃气站, 对福利院开展检查, 走访了幸福村. */
const ACTION = /^(?:检查|督查|督导|排查|巡查|抽查|复查|查看|察看|走访|调研|暗访|了解|开展|组织|督促|深入|前往|赴|到|对|在|召开|参加)|了/;

/** A unit or place name (湘域矿业有限公司, 刘家村, 和平加油站), or a cell naming a key site; not what was done there. */
function isPlaceText(text: string, keySites: ReadonlyArray<string>): boolean {
  const t = cleanName(text);
  if (t.length < 2 || t.length > 40 || SENTENCE.test(t) || ACTION.test(t)) return false;
  for (const site of keySites) if (site !== '' && t.indexOf(site) >= 0) return true;
  return PLACE_END.test(stripBracketed(t));
}

/** A category or level, as hazard ledgers classify: 消防安全, 用电安全, 一般隐患, 重大, 其他. */
const CATEGORY = /^(?:(?:一般|较大|重大|特别重大|轻微|严重)(?:事故)?(?:隐患|问题)?|[一二三四]级|[ⅠⅡⅢⅣ]级|.{1,6}(?:安全|类)|消防|用电|电气|燃气|交通|建筑|特种设备|危化品|危险化学品|食品|其他|其它|管理|现场|设备|环境)$/;

export function isCategoryText(text: string): boolean {
  const t = cleanKey(nfkc(text));
  return t !== '' && t.length <= 8 && CATEGORY.test(t);
}

const YES_NO = /^(?:是|否|√|×|✓|✔|有|无)$/;

/** A rectification state (已整改, 未整改, 整改中, 6月8日已整改); a bare 是 / 否 is too thin to tell a column by. */
function isStateText(text: string): boolean {
  const t = cleanKey(nfkc(text));
  if (t === '' || YES_NO.test(t)) return false;
  return isDoneState(t) || isNotDoneState(t);
}

/**
 * How well the sampled cells fit a field, 0–1: the share of cells of the kind the field holds
 * (dates for a date, schedule leaders for a log's leader, names for a schedule's leader, places
 * that are no address for a place, anything but categories for a hazard, states for a state).
 * Null for fields the cells cannot tell (scope, department, topic…).
 */
export function fieldFit(field: string, log: boolean, p: ColumnProfile): number | null {
  if (p.count === 0) return null;
  switch (field) {
    case 'date':
    case 'submitted':
      return p.dates / p.count;
    case 'leader':
      return (log ? p.leaders : p.names) / p.count;
    case 'site':
      return p.places / p.count;
    case 'hazard':
      // A hazard is said in words: not a category (消防安全), not a unit or place (隐患所在单位).
      return Math.max(0, 1 - (p.categories + p.places) / p.count);
    case 'deadline':
      return p.deadlines / p.count;
    case 'doneDate':
      return Math.min(1, (p.dates + p.states) / p.count);
    case 'state':
      return p.states / p.count;
    default:
      return null;
  }
}

/** The evidence in words, for the 读取说明 (`30行中28行是安排表中的领导`). */
export function describeFit(field: string, log: boolean, p: ColumnProfile): string {
  const of = p.count + '行中';
  switch (field) {
    case 'date':
    case 'submitted':
      return of + p.dates + '行是日期';
    case 'leader':
      return log ? of + p.leaders + '行是安排表中的领导' : of + p.names + '行是人名';
    case 'site':
      return p.addresses * 2 > p.count ? of + p.addresses + '行是地址' : of + p.places + '行是单位或地点名称';
    case 'hazard':
      if (p.categories * 2 > p.count) return of + p.categories + '行是类别或等级';
      if (p.places * 2 > p.count) return of + p.places + '行是单位或地点名称';
      return of + Math.max(0, p.count - p.categories - p.places) + '行是隐患描述';
    case 'deadline':
      return of + p.deadlines + '行是日期或期限';
    case 'doneDate':
      return of + Math.min(p.count, p.dates + p.states) + '行是日期或整改情况';
    case 'state':
      return of + p.states + '行是整改情况';
    default:
      return of + p.distinct + '种内容';
  }
}
