/**
 * Leader names (SPEC §1 Cleaning values → Names): compare after NFKC, without any white space or
 * zero-width character and without a trailing 同志; joint-inspection cells name several leaders.
 */
import { nfkc, SPACE_CLASS, stripBracketed, stripSpaces, trimAll } from './text';

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
 * same with bracketed text removed (`郭环球（书记）`), with a label or title and a colon before it
 * (`带队：郭环球`, `副镇长：鲁攀`), with “and the others” or a word saying they led it removed
 * (`郭环球等`, `熊丹同志等`, `熊丹一行`, `鲁攀负责`, `鲁攀1人`), or with a title written against it
 * (`副镇长熊丹`); null when it names no known leader. Whatever is removed, what is left must be a
 * known leader exactly: nothing is guessed.
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
  const unlabelled = stripLabel(name);
  if (unlabelled !== name) return unlabelled === '' ? null : resolveLeader(unlabelled, known, aliases);
  // One ending at a time, so a known name that ends like one (a 王主持) is still found whole; no
  // part that long names one leader, and the cap keeps the recursion shallow.
  const leading = name.length <= MAX_GROUP_LENGTH ? name.replace(WITH_OTHERS, '') : name;
  if (leading !== name && leading !== '') return resolveLeader(leading, known, aliases);
  return withoutTitle(name, known);
}

const MAX_GROUP_LENGTH = 40;
const CN_COUNT = '(?:\\d+|[一二三四五六七八九十两]+)';
/**
 * What follows the leader of a group and is no one else: “and the others” (郭环球等, 熊丹等3人,
 * 邓光明一行), a word saying who led (秦尚带队, 鲁攀负责, 鲁攀主持), a head count (鲁攀1人), and
 * 同志 (熊丹同志等 → 熊丹同志 → 熊丹). Stripped one at a time, and only a known leader may be left.
 */
const WITH_OTHERS = new RegExp(
  '(?:等' + CN_COUNT + '?(?:人|名同志)?|一行(?:\\d+人)?|带队|率队|牵头|领队|负责|主持|组织|同志|' + CN_COUNT + '人)$',
);

/**
 * A label before a colon in a leader cell (带队：, 带队领导：, 检查人：, 负责人：); a title before a colon
 * (副镇长：) is dropped too (see WHOLE_TITLE).
 */
const LABEL = /^(?:(?:带队|牵头|检查|责任|联系|分管|包片|包村|值班|督查)(?:领导|人员?|组长|负责人)?|领导|组长|负责人)$/;
const LABEL_COLON = /^([^:：]{1,10}?)[:：]/;

/**
 * The text after a leading `label:` or `title:` (`带队：郭环球` → `郭环球`, `副镇长: 鲁攀` → ` 鲁攀`),
 * or the text itself when what is before the first colon is neither (`张三:郭环球` stays).
 */
function stripLabel(text: string): string {
  const m = LABEL_COLON.exec(text);
  if (m === null) return text;
  const label = stripSpaces(m[1]);
  return label !== '' && (LABEL.test(label) || WHOLE_TITLE.test(label)) ? text.slice(m[0].length) : text;
}

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

/** A surname and a title with nothing else (梁副书记, 马书记, 刘副镇长, 陈主席). */
const TITLE_FORM = new RegExp('^([\\u3400-\\u9fff]{1,2}?)((?:党委|党工委|纪委|人大|政协)?(?:常务)?副?' + TITLE_ENDINGS + ')$');

/**
 * The leaders a name written as surname + title may stand for (梁副书记, 马书记带队 → the schedule's
 * leaders surnamed 梁 / 马), with the alias to write in 规则设置; null when the name is no such form
 * or no schedule leader has that surname. Nothing is resolved: the clerk says who it is.
 */
export function titleFormLeaders(name: string, known: ReadonlySet<string>): { alias: string; leaders: string[] } | null {
  let alias = cleanName(name);
  for (let i = 0; i < 3; i++) alias = alias.length <= MAX_GROUP_LENGTH ? alias.replace(WITH_OTHERS, '') : alias;
  const m = TITLE_FORM.exec(alias);
  if (!m) return null;
  const leaders: string[] = [];
  known.forEach((leader) => {
    if (leader.length > m[1].length && leader.indexOf(m[1]) === 0) leaders.push(leader);
  });
  return leaders.length > 0 ? { alias, leaders: leaders.sort() } : null;
}

/** The result of reading a leader cell. */
export interface LeaderSplit {
  /** Known leaders named in the cell (cleaned, aliases resolved), first mention first, no repeats. */
  leaders: string[];
  /**
   * The parts that name no known leader (cleaned), for the problem message. Units and staff
   * (安监站, 派出所民警) are here too when the cell names no known leader: then nothing counts.
   */
  unknown: string[];
  /**
   * Units and staff named beside known leaders (`郭环球及安监站人员` → 安监站人员): no person, so
   * no one who should have been a leader; not reported.
   */
  others: string[];
}

// After NFKC: 、，,；;/／|\＋+＆& (full-width forms are ASCII by then).
const NAME_SEPARATORS = /[、,;/|\\+&]+/;
const SPACES = new RegExp('[' + SPACE_CLASS + ']+');

/**
 * Words that join two names in one part (郭环球和熊丹, 郭环球及安监站人员, 鲁攀带领安监站). Names hold
 * these characters too (王和平, 李与之), so a part is split on them only when every piece is then
 * a known leader, a unit or staff (see readJoined).
 */
const JOINERS = ['以及', '会同', '带领', '和', '与', '及', '同'];
/** Parts longer than this, or with more joiners, are not split on joiners (no name is that long). */
const MAX_JOINED_LENGTH = 40;
const MAX_JOINERS = 6;

/** The “and the others” of a unit or staff piece (安监站人员等, 派出所民警2人). */
const GROUP_TAIL = new RegExp('(?:等' + CN_COUNT + '?(?:人|名)?|一行(?:\\d+人)?|' + CN_COUNT + '人)$');
/** Staff, not a person's name: 人员, 工作人员, 干部, 民警, 同志们, 网格员 … (any length). */
const STAFF = /(?:人员|干部|民警|辅警|同志们|职工|工作组|检查组|网格员|安全员|协管员|信息员)$/;
/** Village staff written by their title, not their name (村支书, 刘家村主任, 社区书记, 村两委). */
const VILLAGE_STAFF = /^(?:[^\s]{0,6}村|社区|居委会)(?:党支部|支部|党总支)?(?:支书|书记|主任|会计|文书|委员|专干|两委|干部)$/;
/** Units: 安监站, 派出所, 综治办, 应急局, 消防大队, 镇党委, 办公室, 卫生院, 服务中心, 村委会, 社区. */
const UNIT = /(?:[站所办局队委室院]|中心|村委会|居委会|委员会|社区)$/;
/** Two-character units that the three-character rule for one-character endings would miss. */
const SHORT_UNITS = ['纪委', '党委', '政府', '社区'];

/**
 * True when a cleaned part of a leader cell is a unit or staff, not a person (安监站, 镇安监站,
 * 安监站人员, 派出所民警, 工作人员, 村支书). A unit ending in one character (站, 所, 办, 局, 队,
 * 委, 室, 院) must be at least three characters long, so that no two-character name is taken for
 * a unit.
 */
export function isUnitOrStaff(key: string): boolean {
  const t = stripBracketed(key).replace(GROUP_TAIL, '');
  if (t.length < 2) return false;
  if (STAFF.test(t) || VILLAGE_STAFF.test(t) || SHORT_UNITS.indexOf(t) >= 0) return true;
  const m = UNIT.exec(t);
  return m !== null && (m[0].length > 1 || t.length >= 3);
}

/** What one piece of a cell names: known leaders, and units or staff; null when it is neither. */
interface Reading {
  leaders: string[];
  others: string[];
}

/**
 * True when a piece is a unit or staff and holds no known leader's name or alias: `郭环球安监站人员`
 * is no unit, it is a leader written without a separator, and is reported.
 */
function isOthers(key: string, known: ReadonlySet<string>, aliases: Aliases): boolean {
  if (!isUnitOrStaff(key)) return false;
  let named = false;
  known.forEach((leader) => {
    if (!named && leader.length >= 2 && key.indexOf(leader) >= 0) named = true;
  });
  for (const alias in aliases) {
    if (named) break;
    if (hasOwn.call(aliases, alias) && alias.length >= 2 && key.indexOf(alias) >= 0) named = true;
  }
  return !named;
}

/**
 * Reads a cleaned piece (no white space): a known leader; known leaders, units and staff joined by
 * 和/与/及/同/以及/会同/带领; or a unit or staff. A whole known name wins first (王和平); a split is
 * taken only when every piece is a known leader, a unit or staff, at least one is a leader, and
 * every way to split gives the same leaders (else it would be a guess).
 */
function readPiece(key: string, known: ReadonlySet<string>, aliases: Aliases): Reading | null {
  const leader = resolveLeader(key, known, aliases);
  if (leader !== null) return { leaders: [leader], others: [] };
  const joined = readJoined(key, known, aliases);
  if (joined !== null) return joined;
  return isOthers(key, known, aliases) ? { leaders: [], others: [key] } : null;
}

function readJoined(key: string, known: ReadonlySet<string>, aliases: Aliases): Reading | null {
  if (key.length > MAX_JOINED_LENGTH) return null;
  // Every place a joiner is written, overlaps included (会同 and its 同), first to last.
  const joiners: Array<{ at: number; end: number }> = [];
  for (let i = 1; i < key.length; i++) {
    for (const word of JOINERS) {
      if (key.slice(i, i + word.length) === word) joiners.push({ at: i, end: i + word.length });
    }
  }
  if (joiners.length === 0 || joiners.length > MAX_JOINERS) return null;
  let found: Reading | null = null;
  let foundKey = '';
  // Every non-empty subset of the joiners is one way to split (at most 2^6 - 1).
  for (let mask = 1; mask < 1 << joiners.length; mask++) {
    const reading: Reading = { leaders: [], others: [] };
    let start = 0;
    let ok = true;
    for (let i = 0; i <= joiners.length && ok; i++) {
      if (i < joiners.length && !(mask & (1 << i))) continue;
      const end = i < joiners.length ? joiners[i].at : key.length;
      const piece = end > start ? cleanName(key.slice(start, end)) : '';
      const r = piece === '' ? null : resolveLeader(piece, known, aliases);
      if (r !== null) {
        if (reading.leaders.indexOf(r) < 0) reading.leaders.push(r);
      } else if (piece !== '' && isOthers(piece, known, aliases)) {
        reading.others.push(piece);
      } else {
        ok = false;
      }
      if (i < joiners.length) start = joiners[i].end;
    }
    if (!ok || reading.leaders.length === 0) continue;
    const leadersKey = reading.leaders.slice().sort().join('、');
    if (found === null) {
      found = reading;
      foundKey = leadersKey;
    } else if (leadersKey !== foundKey) {
      return null; // two readings name different leaders: not ours to choose
    }
  }
  return found;
}

/**
 * Splits a leader cell into known leaders (SPEC §1): first on 、，,；;/／ (and | + &); a label or
 * title and a colon before a part is dropped (`带队领导：郭环球`); a part that is not a known leader
 * once its spaces are removed is split on 和/与/及/同/以及/会同/带领 when every piece is then a known
 * leader, a unit or staff (`郭环球和熊丹`, `郭环球及安监站人员`), else on white space, and its
 * pieces are taken when every piece is a known leader (`郭环球 熊丹`), while `熊 丹` stays 熊丹.
 * When the pieces are all at least two characters long (so the spaces are not padding), the known
 * ones are taken and the others reported unknown. Units and staff beside a known leader go to
 * `others`; when the cell names no known leader they stay in `unknown`.
 */
export function splitLeaders(text: string, known: ReadonlySet<string>, aliases: Aliases = {}): LeaderSplit {
  const leaders: string[] = [];
  // In order of mention; `unit` says whether the part is a unit or staff.
  const rest: Array<{ name: string; unit: boolean }> = [];
  const add = (name: string) => {
    if (leaders.indexOf(name) < 0) leaders.push(name);
  };
  const take = (reading: Reading) => {
    for (const l of reading.leaders) add(l);
    for (const o of reading.others) rest.push({ name: o, unit: true });
  };
  const parts = nfkc(text).split(NAME_SEPARATORS);
  for (const written of parts) {
    const part = stripLabel(trimAll(written));
    const key = cleanName(part);
    if (key === '') continue;
    const whole = readPiece(key, known, aliases);
    if (whole !== null) {
      take(whole);
      continue;
    }
    const spaced: string[] = [];
    for (const raw of part.split(SPACES)) {
      const piece = cleanName(raw);
      if (piece !== '') spaced.push(piece);
    }
    if (spaced.length < 2) {
      rest.push({ name: key, unit: false });
      continue;
    }
    // 胡小波 杨 剑: single characters side by side are one padded name; a run the schedule's names
    // cannot split one way stays as it was written.
    const grouped = padded(spaced, known);
    const pieces = grouped.unclear.length === 0 ? grouped.names : spaced;
    const read = pieces.map((p) => readPiece(p, known, aliases));
    const anyKnown = read.some((r) => r !== null && r.leaders.length > 0);
    const allRead = anyKnown && read.every((r) => r !== null);
    const notPadding = pieces.every((p) => p.length >= 2);
    if (allRead || notPadding) {
      for (let i = 0; i < pieces.length; i++) {
        const r = read[i];
        if (r !== null) take(r);
        // 镇长 熊丹: the title beside a leader's name is no one else.
        else if (!(anyKnown && WHOLE_TITLE.test(pieces[i]))) rest.push({ name: pieces[i], unit: false });
      }
    } else {
      rest.push({ name: key, unit: false });
    }
  }
  const unknown: string[] = [];
  const others: string[] = [];
  for (const r of rest) {
    if (r.unit && leaders.length > 0) others.push(r.name);
    else unknown.push(r.name);
  }
  return { leaders, unknown, others };
}

/**
 * Pieces of a name cell split on white space, read by the padding rule (SPEC §1): single characters
 * next to each other are one name padded to width (`杨　剑` is 杨剑, `熊  丹` is 熊丹); pieces of two or
 * more characters are names of their own (`胡小波　杨　剑` is 胡小波 and 杨剑). A lone character
 * belongs to the two-character piece after it (`李 卫萍` is 李卫萍). A run of four or more single
 * characters (`胡 波 杨 剑`) is read only when `known` splits it one way into names it holds, else it
 * is `unclear`: no name is made up by joining.
 */
export function padded(pieces: ReadonlyArray<string>, known?: ReadonlySet<string>): { names: string[]; unclear: string[] } {
  const names: string[] = [];
  const unclear: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    if (pieces[i].length > 1) {
      names.push(pieces[i++]);
      continue;
    }
    let run = '';
    while (i < pieces.length && pieces[i].length === 1) run += pieces[i++];
    if (run.length === 1) {
      // 李 卫萍: a lone character and the two after it.
      if (i < pieces.length && pieces[i].length === 2) names.push(run + pieces[i++]);
      else unclear.push(run);
    } else if (run.length <= 3) {
      names.push(run);
    } else {
      const split = known ? segmentInto(run, known) : null;
      if (split) for (const n of split) names.push(n);
      else unclear.push(run);
    }
  }
  return { names, unclear };
}

/** The one way to cut `text` into names `known` holds (2–4 characters each), or null when there is none or several. */
export function segmentInto(text: string, known: ReadonlySet<string>): string[] | null {
  const ways: string[][] = [];
  const walk = (at: number, acc: string[]) => {
    if (ways.length > 1) return;
    if (at === text.length) {
      ways.push(acc.slice());
      return;
    }
    for (let len = 2; len <= 4 && at + len <= text.length; len++) {
      const piece = text.slice(at, at + len);
      if (known.has(piece)) {
        acc.push(piece);
        walk(at + len, acc);
        acc.pop();
      }
    }
  };
  if (text.length <= 16) walk(0, []);
  return ways.length === 1 ? ways[0] : null;
}

/**
 * The names a cell holds when no list of known leaders exists yet (the schedule itself, the
 * 主要领导 setting): split on punctuation and line breaks, then on white space by the padding rule
 * (`郭环球 熊丹` is two names, `熊  丹` is one, `胡小波　杨　剑` is 胡小波 and 杨剑). Runs it cannot read
 * are left out (see namesInCell).
 */
export function splitNames(text: string): string[] {
  return namesInCell(text).names;
}

/** splitNames, with the runs of single characters it could not read (`胡 波 杨 剑`), for a message. */
export function namesInCell(text: string, known?: ReadonlySet<string>): { names: string[]; unclear: string[] } {
  const out: string[] = [];
  const unclear: string[] = [];
  for (const part of nfkc(text).split(/[、,;/|\\+&\r\n]+/)) {
    const pieces: string[] = [];
    for (const raw of part.split(SPACES)) {
      const piece = cleanName(raw);
      if (piece !== '') pieces.push(piece);
    }
    if (pieces.length === 0) continue;
    const read = pieces.length === 1 ? { names: pieces, unclear: [] } : padded(pieces, known);
    for (const n of read.names) if (n !== '' && out.indexOf(n) < 0) out.push(n);
    for (const u of read.unclear) unclear.push(u);
  }
  return { names: out, unclear };
}
