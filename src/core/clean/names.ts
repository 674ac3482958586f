/**
 * Leader names (SPEC §1 Cleaning values → Names): compare after NFKC, without any white space or
 * zero-width character and without a trailing 同志; joint-inspection cells name several leaders.
 */
import { nfkc, SPACE_CLASS, stripBracketed, stripSpaces } from './text';

const HONORIFIC = '同志';

// cleanName runs on every log row's leader and site cell; logs repeat the same few strings, so a
// bounded memo keeps it cheap without changing its meaning.
const memo = new Map<string, string>();
const MEMO_LIMIT = 20000;

/**
 * The key a name is compared by: NFKC, every white space (ASCII, U+3000, U+00A0, …) and zero-width
 * character (U+200B–U+200D, U+2060, U+FEFF) removed, and a trailing 同志 dropped.
 * `熊  丹` → `熊丹`; `ＬＩ　Ｍｉｎｇ` → `LIMing`; `郭环球同志` → `郭环球`.
 */
export function cleanName(text: string): string {
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  let name = stripSpaces(nfkc(text));
  if (name.length > HONORIFIC.length && name.slice(-HONORIFIC.length) === HONORIFIC) {
    name = name.slice(0, -HONORIFIC.length);
  }
  if (text.length <= 200) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, name);
  }
  return name;
}

/** Aliases from the settings sheet: cleaned alias → cleaned leader name. */
export type Aliases = Readonly<Record<string, string>>;

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The known leader a cleaned name stands for: itself, its alias target (郭书记 → 郭环球), or the
 * same with bracketed text removed (`郭环球（书记）`), with “and the others” removed (`郭环球等`,
 * `熊丹一行`), or with a title written against it (`副镇长熊丹`); null when it names no known leader.
 */
export function resolveLeader(name: string, known: ReadonlySet<string>, aliases: Aliases = {}): string | null {
  if (name === '') return null;
  if (known.has(name)) return name;
  if (hasOwn.call(aliases, name)) {
    const target = aliases[name];
    if (known.has(target)) return target;
  }
  const bare = stripBracketed(name);
  if (bare !== name) return resolveLeader(bare, known, aliases);
  const leading = name.replace(WITH_OTHERS, '');
  if (leading !== name && leading !== '') return resolveLeader(leading, known, aliases);
  return withoutTitle(name, known);
}

/** “and the others” after the leader of a group: 郭环球等, 熊丹等3人, 邓光明一行, 秦尚带队. */
const WITH_OTHERS = /(?:等(?:\d+|[一二三四五六七八九十两]+)?(?:人|名同志)?|一行(?:\d+人)?|带队|率队|牵头)$/;

/** The words a title written beside a name ends with (副镇长, 党委委员, 人大主席, 书记 …). */
export const TITLE_ENDINGS = '(?:书记|镇长|乡长|主任|委员|主席|部长|站长|所长|局长|队长|干事|专干|助理|调研员|科员)';
/** A whole text that is a title: up to 8 characters, then a title ending (党委副书记, 副镇长). */
const WHOLE_TITLE = new RegExp('^[^\\s]{0,8}?' + TITLE_ENDINGS + '$');

/**
 * The known leader a name is written with a title against, with no space between (副镇长熊丹,
 * 党委委员邓光明, 郭环球书记), or null. The rest must be a title as a whole, so nothing is guessed:
 * the leader is named in full.
 */
function withoutTitle(name: string, known: ReadonlySet<string>): string | null {
  if (name.length < 4) return null;
  let found: string | null = null;
  known.forEach((leader) => {
    if (leader.length < 2 || leader.length >= name.length || (found !== null && found.length >= leader.length)) return;
    let rest: string | null = null;
    if (name.slice(-leader.length) === leader) rest = name.slice(0, name.length - leader.length);
    else if (name.slice(0, leader.length) === leader) rest = name.slice(leader.length);
    if (rest !== null && WHOLE_TITLE.test(rest)) found = leader;
  });
  return found;
}

/** The result of reading a leader cell. */
export interface LeaderSplit {
  /** Known leaders named in the cell (cleaned, aliases resolved), first mention first, no repeats. */
  leaders: string[];
  /** The parts that name no known leader (cleaned), for the problem message. */
  unknown: string[];
}

// After NFKC: 、，,；;/／|\＋+＆& (full-width forms are ASCII by then).
const NAME_SEPARATORS = /[、,;/|\\+&]+/;
const SPACES = new RegExp('[' + SPACE_CLASS + ']+');

/**
 * Splits a leader cell into known leaders (SPEC §1): first on 、，,；;/／ (and | + &); a part that
 * is not a known leader once its spaces are removed is split on white space, and its pieces are
 * taken when every piece is a known leader (`郭环球 熊丹`), while `熊 丹` stays 熊丹. When the
 * pieces are all at least two characters long (so the spaces are not padding), the known ones are
 * taken and the others reported unknown.
 */
export function splitLeaders(text: string, known: ReadonlySet<string>, aliases: Aliases = {}): LeaderSplit {
  const leaders: string[] = [];
  const unknown: string[] = [];
  const add = (name: string) => {
    if (leaders.indexOf(name) < 0) leaders.push(name);
  };
  const parts = nfkc(text).split(NAME_SEPARATORS);
  for (const part of parts) {
    const key = cleanName(part);
    if (key === '') continue;
    const whole = resolveLeader(key, known, aliases);
    if (whole !== null) {
      add(whole);
      continue;
    }
    const pieces: string[] = [];
    for (const raw of part.split(SPACES)) {
      const piece = cleanName(raw);
      if (piece !== '') pieces.push(piece);
    }
    if (pieces.length < 2) {
      unknown.push(key);
      continue;
    }
    const resolved = pieces.map((p) => resolveLeader(p, known, aliases));
    const allKnown = resolved.every((r) => r !== null);
    const notPadding = pieces.every((p) => p.length >= 2);
    if (allKnown || notPadding) {
      const anyKnown = resolved.some((r) => r !== null);
      for (let i = 0; i < pieces.length; i++) {
        const r = resolved[i];
        if (r !== null) add(r);
        // 镇长 熊丹: the title beside a leader's name is no one else.
        else if (!(anyKnown && WHOLE_TITLE.test(pieces[i]))) unknown.push(pieces[i]);
      }
    } else {
      unknown.push(key);
    }
  }
  return { leaders, unknown };
}

/**
 * The names a cell holds when no list of known leaders exists yet (the schedule itself, the
 * 主要领导 setting): split on punctuation and line breaks, and on spaces only when every piece is at
 * least two characters long (`郭环球 熊丹` is two names, `熊  丹` is one).
 */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  for (const part of nfkc(text).split(/[、,;/|\\+&\r\n]+/)) {
    const pieces: string[] = [];
    for (const raw of part.split(SPACES)) {
      const piece = cleanName(raw);
      if (piece !== '') pieces.push(piece);
    }
    if (pieces.length === 0) continue;
    const separate = pieces.length >= 2 && pieces.every((p) => p.length >= 2);
    const names = separate ? pieces : [cleanName(part)];
    for (const n of names) if (n !== '' && out.indexOf(n) < 0) out.push(n);
  }
  return out;
}
