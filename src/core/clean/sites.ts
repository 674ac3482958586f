/**
 * Key sites (SPEC §1 Cleaning values → Sites): the schedule's scope text names a leader's key
 * sites inside quotes and after 重点检查 in brackets; a log row covers a site when its site cell
 * contains the site's name.
 */
import { cleanName } from './names';
import { nfkc, splitList } from './text';

// After NFKC: “…” and 「…」『…』 are unchanged, ＂…＂ became "…".
const QUOTED_G = /“([^“”]*)”|"([^"]*)"|「([^「」]*)」|『([^『』]*)』|‘([^‘’]*)’/g;
// After NFKC the brackets are ASCII: (重点检查负责刘家村), also with 【】 or [].
const KEY_CHECK_G = /[(【[]\s*重点(?:检查(?:负责)?|负责)\s*[:：]?\s*([^()【】[\]]+?)\s*[)】\]]/g;

/**
 * The key sites a scope text names, cleaned like names, first mention first, without repeats:
 * every name inside “…” "…" 「…」 『…』 ‘…’ (`“ 环宇烟花批发”` → 环宇烟花批发), and the place after
 * 重点检查 / 重点检查负责 / 重点负责 inside brackets (`（重点检查负责刘家村）` → 刘家村). A quoted or bracketed
 * list (`刘家村、童子山村`) gives each place.
 */
export function extractSites(scope: string): string[] {
  const text = nfkc(scope);
  const found: Array<{ at: number; names: string }> = [];
  let m: RegExpExecArray | null;
  QUOTED_G.lastIndex = 0;
  while ((m = QUOTED_G.exec(text)) !== null) {
    found.push({ at: m.index, names: m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '' });
  }
  KEY_CHECK_G.lastIndex = 0;
  while ((m = KEY_CHECK_G.exec(text)) !== null) {
    found.push({ at: m.index, names: m[1] });
  }
  found.sort((a, b) => a.at - b.at);
  const sites: string[] = [];
  for (const f of found) {
    for (const part of splitList(f.names)) {
      const site = cleanName(part);
      if (site !== '' && sites.indexOf(site) < 0) sites.push(site);
    }
  }
  return sites;
}

const QUOTE_MARKS_G = /[“”"「」『』‘’]/g;
const NO_SITE = /^(?:无|暂无|没有|\/|-+|—+)$/;

/**
 * Key sites listed in a column of their own (重点场所: `和平加油站、环宇烟花批发`): each entry,
 * cleaned like a name, quotes dropped; 无 and dashes name none.
 */
export function listedSites(text: string): string[] {
  const sites: string[] = [];
  for (const part of splitList(text)) {
    const site = cleanName(part.replace(QUOTE_MARKS_G, ''));
    if (site !== '' && !NO_SITE.test(site) && sites.indexOf(site) < 0) sites.push(site);
  }
  return sites;
}

/**
 * True when a log row's site cell covers a key site: the cell, cleaned like a name, contains the
 * site's cleaned name (湘域矿业有限公司 covers 湘域矿业). Both arguments are cleaned here, so raw
 * or already-cleaned text may be passed. An empty site covers nothing.
 */
export function siteCovers(siteCell: string, site: string): boolean {
  const name = cleanName(site);
  return name !== '' && cleanName(siteCell).indexOf(name) >= 0;
}
