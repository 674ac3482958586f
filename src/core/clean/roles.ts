/**
 * Roles (SPEC §1 Roles): a leader is a main leader (主要领导) when one of the titles is the
 * party secretary's or the mayor's, and holds neither 副 nor 纪委.
 */
import { cleanKey, nfkc, SPACE_CLASS, splitList, stripBracketed } from './text';

const MAIN_ENDINGS = ['党委书记', '党工委书记', '镇长', '乡长'];
const MAIN_EXACT = ['书记', '主要领导', '主要负责人'];
const SPACES = new RegExp('[' + SPACE_CLASS + ']+');

/**
 * True for a single title of a main leader: ends with 党委书记 (or 街道's 党工委书记), 镇长 or
 * 乡长, or is 书记, 主要领导 or 主要负责人, and holds neither 副 nor 纪委. Bracketed notes such as
 * `（代）` are ignored. 副镇长, 党委副书记 and 纪委书记 are not main.
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

/**
 * The titles a role cell holds, as written (trimmed): split on 、，,/；; and line breaks.
 * `党委副书记、镇长` → [党委副书记, 镇长].
 */
export function splitTitles(text: string): string[] {
  return splitList(text);
}

/**
 * True when the titles make a main leader (SPEC §1 Roles). Accepts a role cell's text or its
 * titles. Each title is tested whole with its spaces removed (`镇  长`), and, when it holds
 * spaces, piece by piece (`党委副书记 镇长` is the mayor).
 */
export function isMainRole(titles: ReadonlyArray<string> | string): boolean {
  const list = typeof titles === 'string' ? splitTitles(titles) : titles;
  for (const title of list) {
    if (isMainTitle(title)) return true;
    const pieces = nfkc(title).split(SPACES);
    if (pieces.length > 1) {
      for (const p of pieces) if (p.length >= 2 && isMainTitle(p)) return true;
    }
  }
  return false;
}

/** The schedule scope text of a leader responsible for the whole township (全镇辖区, 全乡, 全街道). */
export function isWholeTownshipScope(scope: string): boolean {
  const t = cleanKey(scope);
  return t.indexOf('全镇') === 0 || t.indexOf('全乡') === 0 || t.indexOf('全街道') === 0;
}
