/**
 * The hazard columns of the log (SPEC §2 hazard-rectification): "no hazard" words, done states
 * and immediate deadlines.
 */
import { cleanKey, stripBracketed } from './text';

const NO_HAZARD = [
  '无', '无隐患', '未发现隐患', '未发现', '无问题', '0',
  // Beyond the SPEC list, same meaning in clerks' words:
  '暂无', '没有', '无安全隐患', '未发现安全隐患', '无明显隐患', '未发现明显隐患', '未发现问题', '未发现明显问题',
  '无异常', '正常', '无此项', '无。',
  '合格', '符合要求', '基本符合要求', '较好', '规范', '暂未发现', '不存在', '无违规', '无违规行为', '〇', '0处',
];
// Cells made only of dashes, slashes, dots or backslashes: /, -, —, ——, --, \, ·, …
const PLACEHOLDER = /^[-/\\—–―－·.。…_~〜]+$/;

function hazardKey(text: string): string {
  // Trailing full stops or exclamation marks do not change the meaning: 无。 / 未发现隐患.
  return cleanKey(text).replace(/[。.!！]+$/, '');
}

/**
 * True when a hazard cell reports no hazard: empty, one of 无, 无隐患, 未发现隐患, 未发现, 无问题,
 * 0 (and 暂无, 没有, 无安全隐患, 未发现问题, 正常 …), or only dashes and slashes (/, -, —, ——).
 */
export function isNoHazard(text: string): boolean {
  const t = hazardKey(text);
  if (t === '') return true;
  if (PLACEHOLDER.test(t)) return true;
  if (NO_HAZARD.indexOf(t) >= 0) return true;
  // 经检查未发现隐患, 现场无明显安全隐患, 正常，无隐患: every clause says there is none; advice after
  // it (无隐患（已督促加强管理）, 未发现隐患，要求加强值班值守) changes nothing.
  const clauses = stripBracketed(t).split(CLAUSE_BREAK).filter((c) => c !== '' && !LEAD_IN.test(c));
  if (clauses.length === 0 || !isNoHazardClause(clauses[0])) return false;
  for (let i = 1; i < clauses.length; i++) if (!isNoHazardClause(clauses[i]) && !isAdvice(clauses[i])) return false;
  return true;
}

function isNoHazardClause(clause: string): boolean {
  return NO_HAZARD_CLAUSE.test(clause) || NO_HAZARD.indexOf(clause) >= 0;
}

/** Advice given where nothing was found: 要求加强…, 继续保持, 提醒注意…; never one that names a fault. */
const ADVICE = /加强|继续|保持|注意|做好|落实|强化|巩固|提高|严格|规范/;
const FAULT = /整改|隐患|问题|但|存在|发现|缺|坏|损|过期|堵|违/;

function isAdvice(clause: string): boolean {
  return ADVICE.test(clause) && !FAULT.test(clause);
}

/** A clause that only says how it was found (经排查，…). */
const LEAD_IN = /^(?:经过?|通过)(?:现场)?(?:检查|排查|查看)$/;

const CLAUSE_BREAK = /[,;。.!！、]+/;
/**
 * A clause saying nothing was found: an optional 经检查 / 现场 / 检查, a “none found” word, then
 * only qualifiers and 隐患 / 问题 / 异常. A thing that is missing (无灭火器) is a hazard, not this.
 */
const NO_HAZARD_CLAUSE = new RegExp(
  '^(?:经过?|通过)?(?:现场)?(?:检查|排查|查看)?(?:后|中)?(?:暂|均|都|基本|暂时)?' +
    '(?:未发现|未见|未查出|未排查出|没有发现|没发现|无|没有)' +
    '(?:任何|明显|重大|较大|突出|的|安全|生产|非法|违法|违规)*(?:隐患|问题|异常|违规行为|违法行为|行为|情况)+$|' +
    '^(?:一切|总体|整体|基本|运行|情况|状态|安全生产状况|安全状况|生产秩序)?(?:正常|良好|较好|平稳|规范|有序)$',
);

const DONE = [
  '已整改', '已完成', '完成', '整改完毕', '已销号', '是', '整改完成', '已处理', '已落实', '已解决', '已闭环', '√', '✓', '✔',
  '已经整改', '已经完成', '整改到位', '已全部整改',
];
/**
 * 已于8月18日整改完毕, 已于18日完成整改: a done state with the day it was done. Only a date may stand
 * between 已于 and the completion (已于8月18日督促整改 or …开始整改 is not done).
 */
const DONE_ON_DAY = /^已于([\d年月日号.\/-]{1,15})(?:整改完毕|整改完成|完成整改|整改到位|整改|完成|完毕|到位|销号)$/;
const NOT_DONE = ['未', '否', '没', '不', '尚未', '待', '正在', '整改中', '部分', '仍在', '仍未', '尚在', '还未', '暂未'];
/**
 * Other ways to say it was done: 已当场整改, 已于当日整改, 已按要求整改, 当场整改完毕, 整改已完成
 * (a thing put right is FIXED). 立即整改 alone is an order, not this.
 */
const DONE_PHRASE = new RegExp(
  '^已(?:于?当日|于?当天|当场|现场|立即|按要求|全部|及时)(?:进行)?整改(?:完毕|完成|到位)?$|' +
    '^(?:当场|现场|立即|当日|当天)(?:已)?整改(?:完毕|完成|到位)$|' +
    '^整改已(?:完成|完毕|到位)$',
);
const CLAUSES = /[,;。、]+/;
/**
 * Done said inside a clause (8月9日已整改, 于8月9日整改完毕, 经复查已整改, 隐患已消除, 已按期整改,
 * 复查合格), taken only when the clause gives no order and no doubt (see NOT_DONE_INSIDE).
 */
const DONE_INSIDE = /已经?(?:按期|按时|及时|全部|当场|现场|立即)?(?:完成)?整改|整改(?:已经?)?(?:完毕|完成|到位)|已经?(?:消除|排除|销号|关停|取缔|停业|停止营业|拆除|整治)|(?:复查|验收)(?:合格|通过)/;
const NOT_DONE_INSIDE = /未|没|不|否|尚|督促|通知|要求|责令|限期|正在|仍|计划|拟|需|待整改|整改中/;
/** A thing put right, said at the clause's start: 已更换, 已拆除私拉电线, 已购置灭火器, 已加装防护栏. */
const FIXED = /^已(?:经)?(?:购置|加装|增设|设置|完善|清运|疏通|封堵|停用|更换|清理|清除|拆除|补齐|补充|配备|配齐|维修|修复|安装|张贴|更新|撤除)/;

/**
 * True when a state cell says the hazard is rectified: it equals or starts with 已整改, 已完成,
 * 完成, 整改完毕, 已销号 or 是 (also 整改完成, 已处理, 已落实, 已解决, 已闭环, 整改到位, √), says when
 * it was done (已于8月18日整改完毕), says so in other words (已当场整改, 整改已完成, 已更换), or says so
 * in a later clause (已复查，整改到位). Cells starting with 未, 否, 没, 不, 待, 正在, 部分 (未整改,
 * 未完成, 否), or with a clause that does (已督促，未整改), are not done.
 */
export function isDoneState(text: string): boolean {
  const t = hazardKey(text);
  if (t === '' || startsNotDone(t)) return false;
  if (isDoneClause(t)) return true;
  // 已复查，整改到位: a later clause says it is done, and none says it is not (已督促，未整改).
  const clauses = t.split(CLAUSES).filter((c) => c !== '');
  if (clauses.length < 2 || clauses.some(startsNotDone)) return false;
  return clauses.some(isDoneClause);
}

function isDoneClause(key: string): boolean {
  // 6月8日已整改, 12月30日整改完毕: the clause after the day it names.
  const dated = DATED_CLAUSE.exec(key);
  const rest = dated && dated[2] !== '' && !NOT_ON_DAY.test(dated[2]) ? dated[2] : key;
  for (const d of DONE) if (rest.indexOf(d) === 0) return true;
  if (DONE_ON_DAY.test(key) || DONE_PHRASE.test(rest) || FIXED.test(rest)) return true;
  // 按要求 is how it was done, not an order.
  const plain = rest.replace(/按要求/g, '');
  return DONE_INSIDE.test(plain) && !NOT_DONE_INSIDE.test(plain);
}

/**
 * A clause that starts with a day (with 于 or 已于 before it): 6月8日已整改, 已于8月18日整改完毕,
 * 2019年3月24日已更换, 12月30日整改完毕. [1] the day, [2] the rest.
 */
const DATED_CLAUSE = /^(?:已经?于|于)?(\d{4}年\d{1,2}月\d{1,2}[日号]?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}月\d{1,2}[日号]?|\d{1,2}[日号])(.*)$/;
/** What after a day says it is not the day it was done: 8月9日前已整改 (by then), 8月9日起整改 (from then). */
const NOT_ON_DAY = /^(?:前|以前|之前|起|后|以后|之后|至)/;

/** True when a state cell says the hazard is not rectified yet: 未整改, 整改中, 否, 待整改, 正在整改, 部分整改 … */
export function isNotDoneState(text: string): boolean {
  return startsNotDone(hazardKey(text));
}

function startsNotDone(key: string): boolean {
  for (const n of NOT_DONE) if (key.indexOf(n) === 0) return true;
  return false;
}

/**
 * The day a done state says the work was done, or null: the day that opens the clause saying it
 * is done (`3月24日已更换`, `6月8日已整改`, `12月30日整改完毕`, `已于8月18日整改完毕`, and
 * `已整改，8月9日复查` has none). A day opening another clause (`3月14日复查，已整改`: the re-check) is
 * not the day the work was done.
 */
export function doneDayText(text: string): string | null {
  const t = hazardKey(text);
  for (const clause of t.split(CLAUSES)) {
    if (clause === '' || !isDoneClause(clause)) continue;
    const dated = DATED_CLAUSE.exec(clause);
    return dated && dated[2] !== '' && !NOT_ON_DAY.test(dated[2]) ? dated[1] : null;
  }
  return null;
}

const IMMEDIATE = ['立即', '当场', '现场整改', '立行立改', '即时整改', '马上', '当天', '当日', '即日', '即时', '立查立改', '即查即改', '随查随改', '边查边改'];

/**
 * True when a deadline cell means "at once": 立即整改, 当场整改, 立即 (also 当场, 现场整改, 立行立改),
 * i.e. the inspection date is the deadline.
 */
export function isImmediateDeadline(text: string): boolean {
  const t = hazardKey(text);
  for (const w of IMMEDIATE) if (t.indexOf(w) === 0) return true;
  return false;
}
