/**
 * The hazard columns of the log (SPEC §2 hazard-rectification): "no hazard" words, done states
 * and immediate deadlines.
 */
import { cleanKey } from './text';

const NO_HAZARD = [
  '无', '无隐患', '未发现隐患', '未发现', '无问题', '0',
  // Beyond the SPEC list, same meaning in clerks' words:
  '暂无', '没有', '无安全隐患', '未发现安全隐患', '无明显隐患', '未发现明显隐患', '未发现问题', '未发现明显问题',
  '无异常', '正常', '无此项', '无。',
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
  // 经检查未发现隐患, 现场无明显安全隐患, 正常，无隐患: every clause says there is none.
  const clauses = t.split(CLAUSE_BREAK).filter((c) => c !== '' && !LEAD_IN.test(c));
  return clauses.length > 0 && clauses.every((c) => NO_HAZARD_CLAUSE.test(c) || NO_HAZARD.indexOf(c) >= 0);
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
    '(?:任何|明显|重大|较大|突出|的|安全|生产)*(?:隐患|问题|异常)+$|' +
    '^(?:一切|总体|基本|运行|情况)?(?:正常|良好)$',
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
 * Other ways to say it was done: 已当场整改, 已于当日整改, 已按要求整改, 当场整改完毕, 整改已完成,
 * and a thing put right (已更换, 已拆除, 已补齐 …). 立即整改 alone is an order, not this.
 */
const DONE_PHRASE = new RegExp(
  '^已(?:于?当日|于?当天|当场|现场|立即|按要求|全部|及时)(?:进行)?整改(?:完毕|完成|到位)?$|' +
    '^(?:当场|现场|立即|当日|当天)(?:已)?整改(?:完毕|完成|到位)$|' +
    '^整改已(?:完成|完毕|到位)$|' +
    '^已(?:更换|清理|清除|拆除|补齐|补充|配备|配齐|维修|修复|安装|张贴|更新|撤除)',
);
const CLAUSES = /[,;。、]+/;

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
  for (const d of DONE) if (key.indexOf(d) === 0) return true;
  return DONE_ON_DAY.test(key) || DONE_PHRASE.test(key);
}

/** True when a state cell says the hazard is not rectified yet: 未整改, 整改中, 否, 待整改, 正在整改, 部分整改 … */
export function isNotDoneState(text: string): boolean {
  return startsNotDone(hazardKey(text));
}

function startsNotDone(key: string): boolean {
  for (const n of NOT_DONE) if (key.indexOf(n) === 0) return true;
  return false;
}

/** The day written in a done state (`8月18日` of 已于8月18日整改完毕), or null when it names none. */
export function doneDayText(text: string): string | null {
  const m = DONE_ON_DAY.exec(hazardKey(text));
  return m ? m[1] : null;
}

const IMMEDIATE = ['立即', '当场', '现场整改', '立行立改', '即时整改', '马上整改', '当天', '当日', '即日', '即时'];

/**
 * True when a deadline cell means "at once": 立即整改, 当场整改, 立即 (also 当场, 现场整改, 立行立改),
 * i.e. the inspection date is the deadline.
 */
export function isImmediateDeadline(text: string): boolean {
  const t = hazardKey(text);
  for (const w of IMMEDIATE) if (t.indexOf(w) === 0) return true;
  return false;
}
