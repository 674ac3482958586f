/**
 * Roles (SPEC §1 Roles): a leader is a main leader (主要领导) when one of the titles is the
 * party secretary's or the mayor's (or, in a 街道, the 党工委书记's or the 办事处主任's), and holds
 * neither 副 nor 纪委.
 */
import { cleanKey, nfkc, SPACE_CLASS, splitList, stripBracketed, trimAll } from './text';

// 镇委书记 is how many registers write 镇党委书记. A 街道's 办事处主任 heads its office as a 镇长
// does; a 镇's 片区办事处主任 does not, so only 办事处主任 alone or after 街道 is main.
const MAIN_ENDINGS = ['党委书记', '党工委书记', '镇委书记', '乡委书记', '镇长', '乡长', '街道办事处主任', '街道办主任'];
const MAIN_EXACT = ['书记', '主要领导', '主要负责人', '办事处主任'];
const SPACES = new RegExp('[' + SPACE_CLASS + ']+');

/**
 * True for a single title of a main leader: ends with 党委书记 (镇委书记, or a 街道's 党工委书记),
 * 镇长, 乡长 or 街道办事处主任 (街道办主任), or is 书记, 主要领导, 主要负责人 or 办事处主任, and holds
 * neither 副 nor 纪委. Bracketed notes such as `（代）` are ignored. 副镇长, 党委副书记, 党工委副书记, 办事处副主任
 * and 纪委书记 are not main.
 */
export function isMainTitle(title: string): boolean {
  const t = stripBracketed(cleanKey(title));
  if (t === '' || t.indexOf('副') >= 0 || t.indexOf('纪委') >= 0) return false;
  if (MAIN_EXACT.indexOf(t) >= 0) return true;
  for (const end of MAIN_ENDINGS) {
    if (t.length >= end.length && t.slice(-end.length) === end) return true;
  }
  return false;
}

// 兼 (兼任) joins two posts one person holds: 党委书记兼人大主席. 兼职 (part-time) is no join, and
// neither is a 兼 inside brackets (镇长（兼党委副书记）), which isMainTitle ignores whole.
const OPENING = '(（【[〔';
const CLOSING = ')）】]〕';

/** A title split where it says the person also holds another post (兼, 兼任); empty pieces dropped. */
function splitConcurrent(title: string): string[] {
  if (title.indexOf('兼') < 0) return [title];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const t = trimAll(title.slice(start, end));
    if (t !== '') out.push(t);
  };
  for (let i = 0; i < title.length; i++) {
    const c = title.charAt(i);
    if (OPENING.indexOf(c) >= 0) depth++;
    else if (CLOSING.indexOf(c) >= 0) depth = Math.max(0, depth - 1);
    else if (c === '兼' && depth === 0 && title.charAt(i + 1) !== '职') {
      push(i);
      start = title.charAt(i + 1) === '任' ? i + 2 : i + 1;
    }
  }
  push(title.length);
  return out.length > 0 ? out : [title];
}

/**
 * The titles a role cell holds, as written (trimmed): split on 、，,/；; and line breaks, and on
 * 兼 (兼任) between two posts. `党委副书记、镇长` → [党委副书记, 镇长]; `党委书记兼人大主席` →
 * [党委书记, 人大主席].
 */
export function splitTitles(text: string): string[] {
  const out: string[] = [];
  for (const title of splitList(text)) for (const t of splitConcurrent(title)) out.push(t);
  return out;
}

/**
 * True when the titles make a main leader (SPEC §1 Roles). Accepts a role cell's text or its
 * titles; a title is split on 兼 (党委书记兼人大主席 is main). Each title is tested whole with its spaces removed (`镇  长`), and, when it holds
 * spaces, piece by piece (`党委副书记 镇长` is the mayor).
 */
export function isMainRole(titles: ReadonlyArray<string> | string): boolean {
  const given = typeof titles === 'string' ? splitTitles(titles) : titles;
  // Titles given as a list may still hold 兼 (党委书记兼人大主席).
  const list: string[] = [];
  for (const t of given) for (const p of splitConcurrent(t)) list.push(p);
  for (const title of list) {
    if (isMainTitle(title)) return true;
    const pieces = nfkc(title).split(SPACES);
    if (pieces.length > 1) {
      for (const p of pieces) if (p.length >= 2 && isMainTitle(p)) return true;
    }
  }
  return false;
}

// A scope that starts with the whole township, or says the leader is (fully) responsible for it.
const WHOLE_TOWNSHIP = /^(?:全面)?(?:负责)?(?:全镇|全乡|全街道)/;

/**
 * The schedule scope text of a leader responsible for the whole township (全镇辖区, 全乡, 全街道),
 * also when it says so with 负责 or 全面负责 first (负责全镇…, 全面负责全镇…). `负责分管领域…` is not.
 */
export function isWholeTownshipScope(scope: string): boolean {
  return WHOLE_TOWNSHIP.test(cleanKey(scope));
}
