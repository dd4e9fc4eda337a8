/**
 * Detection: find references in one string of regulation text (no tree, no resolution).
 * Kinds, after Chinese legislative drafting practice (《立法技术规范（试行）》 on 引用):
 * - citation: 《…》 titles (nesting 〈〉 / 《》 kept in one citation), an optional （试行）,
 *   an optional （文号） and an optional pinpoint (《…》第十二条); or a bare 文号 (淄政发〔2017〕2号);
 * - self: 本规则, 本《规则》, 本办法, 本条例, 本规定 …;
 * - internal: 第五条, 第五条第二款, 第五条第二款第（三）项, lists (第五条、第八条), ranges
 *   (第五条至第八条) and relative forms (本条, 前款, 前两款, 本款, 前条, 本项, 前项).
 * - citation by short name: a law named without 《》 right before a pinpoint (依照刑法第二百六十六条,
 *   民法典第五百一十条, 证券法第六十七条第二款) is that law's article, never this document's;
 * - a list or range after a cited title continues the citation: 《消费者权益保护法》第四十一条、
 *   第四十二条 cites both articles of that law.
 * Spans never overlap; earlier kinds win.
 */
import { parseNumeral } from '../parser/numerals.ts';
import { EDITION } from '../versions/cite.ts';

/** One step of an internal reference path; `undefined` levels are inherited from context. */
export interface RefPath {
  article?: { num: number; sub?: number } | 'this' | 'previous';
  /** A paragraph number, this paragraph, or the N paragraphs before this one (前款 = 1, 前两款 = 2). */
  paragraph?: number | 'this' | { previous: number };
  item?: number | 'this' | 'previous';
  subitem?: number;
}

export type Span =
  | {
      kind: 'citation';
      start: number;
      end: number;
      title?: string;
      documentNumber?: string;
      pinpoint?: RefPath;
      /** Named without 《》 (刑法第二百六十六条), or a later item of a list after a cited title. */
      form?: 'short' | 'list';
      /** The version cited: （2017年修正） after the title. */
      edition?: string;
    }
  | { kind: 'self'; start: number; end: number; title?: string }
  | { kind: 'internal'; start: number; end: number; path: RefPath; rangeTo?: RefPath };

const N = '[零〇一二三四五六七八九十百千两0-9０-９]+';
const CN = '[一二三四五六七八九十]+';
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,12}[〔［[(（][0-9]{4}[〕］\])）][0-9]+号/;
const DOC_NUMBER_ANYWHERE = /[\u4e00-\u9fff]{1,12}[〔［[][0-9]{4}[〕］\]][0-9]+号/g;
const DOC_TYPES = '实施细则|实施办法|规则|办法|条例|规定|细则|决定|法|意见|通知|准则|章程|方案|制度';
// 基本规则 is not 本规则: a self reference does not follow a character that makes 本 part of a word.
const SELF = new RegExp(
  `(?<![基根资成日版样文剧账课标副书脚读原手抄蓝摹底刻股户工血老话稿])本(?:(${DOC_TYPES})|《(${DOC_TYPES})》)`,
  'g',
);

// One unit of a reference, then how units join.
const UNIT = new RegExp(
  `第(${N})条(?:之(${CN}))?|第(${N})款|第[（(]?(${N})[）)]?项|第[（(]?(${N})[）)]?目|(本条|前条)|(本款|前款)|前([两二三四五六七八九])款|(本项|前项)`,
  'y',
);
const JOIN = /(、|，?以及|，?和|，?或者|，?及|，?或)(?=第|本[条款项]|前[条款项两二三四五六七八九])/y;
const RANGE = /(至|到)(?=第)/y;

type Level = 'article' | 'paragraph' | 'item' | 'subitem';
const LEVELS: Level[] = ['article', 'paragraph', 'item', 'subitem'];

function readUnit(
  text: string,
  at: number,
): { end: number; level: Level; value: RefPath[Level] } | undefined {
  UNIT.lastIndex = at;
  const m = UNIT.exec(text);
  if (!m) return undefined;
  const end = at + m[0].length;
  if (m[1] !== undefined) {
    const num = parseNumeral(m[1]);
    const sub = m[2] === undefined ? undefined : parseNumeral(m[2]);
    if (num === undefined) return undefined;
    return { end, level: 'article', value: sub === undefined ? { num } : { num, sub } };
  }
  if (m[3] !== undefined) return numeric(end, 'paragraph', m[3]);
  if (m[4] !== undefined) return numeric(end, 'item', m[4]);
  if (m[5] !== undefined) return numeric(end, 'subitem', m[5]);
  if (m[6] !== undefined) return { end, level: 'article', value: m[6] === '本条' ? 'this' : 'previous' };
  if (m[7] !== undefined)
    return { end, level: 'paragraph', value: m[7] === '本款' ? 'this' : { previous: 1 } };
  if (m[8] !== undefined) return { end, level: 'paragraph', value: { previous: parseNumeral(m[8])! } };
  return { end, level: 'item', value: m[9] === '本项' ? 'this' : 'previous' };
}

function numeric(end: number, level: Level, text: string) {
  const num = parseNumeral(text);
  return num === undefined ? undefined : { end, level, value: num };
}

/** Read one reference (units in descending order: 条 → 款 → 项 → 目). */
function readRef(text: string, at: number): { end: number; path: RefPath; top: number } | undefined {
  const path: RefPath = {};
  let pos = at;
  let last = -1;
  let top = -1;
  for (;;) {
    const unit = readUnit(text, pos);
    if (!unit) break;
    const rank = LEVELS.indexOf(unit.level);
    if (rank <= last) break; // 第五条第五条: a new reference starts
    (path as Record<Level, unknown>)[unit.level] = unit.value;
    if (top < 0) top = rank;
    last = rank;
    pos = unit.end;
  }
  return pos === at ? undefined : { end: pos, path, top };
}

/** Fill levels above a list member's first unit from the member before it: 第五条第一款、第二款. */
function inherit(prev: RefPath, next: RefPath, top: number): RefPath {
  const out: RefPath = { ...next };
  for (let i = 0; i < top; i++) {
    const level = LEVELS[i]!;
    if (out[level] === undefined && prev[level] !== undefined)
      (out as Record<Level, unknown>)[level] = prev[level];
  }
  return out;
}

function internalSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let i = from;
  while (i < to) {
    const first = readRef(text, i);
    if (!first || first.end > to) {
      i++;
      continue;
    }
    let prev = first.path;
    let end = first.end;
    spans.push({ kind: 'internal', start: i, end, path: prev });
    // Lists and ranges continue the reference: 第五条、第八条; 第五条至第八条.
    for (;;) {
      RANGE.lastIndex = end;
      const range = RANGE.exec(text);
      if (range) {
        const next = readRef(text, end + range[0].length);
        if (next && next.end <= to) {
          const last = spans[spans.length - 1] as Extract<Span, { kind: 'internal' }>;
          last.rangeTo = inherit(prev, next.path, next.top);
          last.end = next.end;
          prev = last.rangeTo;
          end = next.end;
          continue;
        }
      }
      JOIN.lastIndex = end;
      const join = JOIN.exec(text);
      if (!join) break;
      const start = end + join[0].length;
      const next = readRef(text, start);
      if (!next || next.end > to) break;
      prev = inherit(prev, next.path, next.top);
      spans.push({ kind: 'internal', start, end: next.end, path: prev });
      end = next.end;
    }
    i = end;
  }
  return spans;
}

/** The end of a 《…》 title starting at `at`, honouring nested 《》 and 〈〉; -1 if unclosed. */
function titleEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '《' || ch === '〈') depth++;
    else if (ch === '》' || ch === '〉') {
      depth--;
      if (depth === 0) return ch === '》' ? i + 1 : -1;
    } else if (ch === '\n') return -1;
  }
  return -1;
}

export interface DetectOptions {
  /** Short names of documents known to the collection (行政处罚法, 民法典), matched longest first. */
  names?: readonly string[];
}

/**
 * Find every reference in `text`.
 * @example detect('依照本办法第五条第二款') // [{ kind: 'self', … }, { kind: 'internal', path: { article: { num: 5 }, paragraph: 2 } }]
 */
export function detect(text: string, options: DetectOptions = {}): Span[] {
  const taken: Span[] = [];
  // 1. Citations by title.
  for (let i = text.indexOf('《'); i >= 0; i = text.indexOf('《', i + 1)) {
    if (taken.some((s) => i >= s.start && i < s.end)) continue;
    const end = titleEnd(text, i);
    if (end < 0) continue;
    const title = text.slice(i + 1, end - 1);
    // 本《规则》 is the document itself.
    if (i > 0 && text[i - 1] === '本' && new RegExp(`^(${DOC_TYPES})$`).test(title)) continue;
    let stop = end;
    const trial = /^[（(]试行[）)]/.exec(text.slice(stop));
    if (trial) stop += trial[0].length;
    const span: Extract<Span, { kind: 'citation' }> = {
      kind: 'citation',
      start: i,
      end: stop,
      title: title + (trial ? '（试行）' : ''),
    };
    // A version: 《…》（2017年修正）第二十八条 (src/versions/cite.ts).
    const edition = EDITION.exec(text.slice(stop));
    if (edition) {
      span.edition = edition[0].slice(1, -1);
      stop += edition[0].length;
    }
    const numbered = /^[（(]([^（）()]{2,30})[）)]/.exec(text.slice(stop));
    if (numbered && DOC_NUMBER.test(numbered[1]!) && DOC_NUMBER.exec(numbered[1]!)![0] === numbered[1]) {
      span.documentNumber = normalizeDocNumber(numbered[1]!);
      stop += numbered[0].length;
    }
    const pin = readRef(text, stop);
    if (pin && typeof pin.path.article === 'object') {
      span.pinpoint = pin.path;
      stop = pin.end;
    }
    span.end = stop;
    taken.push(span);
    if (span.pinpoint) taken.push(...continuation(text, span));
    i = (taken.at(-1)?.end ?? stop) - 1;
  }
  // 1b. Laws named by their short name before a pinpoint: 依照刑法第二百六十六条.
  for (const span of shortNameCitations(text, taken, options.names ?? [])) {
    taken.push(span);
    taken.push(...continuation(text, span));
  }
  // 2. Bare document numbers.
  for (const m of text.matchAll(DOC_NUMBER_ANYWHERE)) {
    // The issuer's code (机关代字, 淄政发) follows the words before it without a break: cut at
    // the last function word so 按照淄政发〔2017〕2号 cites 淄政发〔2017〕2号.
    const lead =
      /^.*(?:按照|依照|根据|依据|参照|执行|关于|印发|转发|见|和|及|与|或|的|是|于|以|经|由|将|对|在|了)/.exec(
        m[0].replace(/[〔［[].*$/, ''),
      );
    const start = m.index + (lead ? lead[0].length : 0);
    const end = m.index + m[0].length;
    if (overlaps(taken, start, end)) continue;
    taken.push({ kind: 'citation', start, end, documentNumber: normalizeDocNumber(text.slice(start, end)) });
  }
  // 3. The document itself.
  for (const m of text.matchAll(SELF)) {
    if (overlaps(taken, m.index, m.index + m[0].length)) continue;
    taken.push({ kind: 'self', start: m.index, end: m.index + m[0].length, title: m[1] ?? m[2] });
  }
  // 4. Internal references, in the gaps.
  taken.sort((a, b) => a.start - b.start);
  const spans = [...taken];
  let cursor = 0;
  for (const s of [...taken, { start: text.length, end: text.length }]) {
    spans.push(...internalSpans(text, cursor, s.start));
    cursor = s.end;
  }
  return spans.sort((a, b) => a.start - b.start);
}

function overlaps(spans: Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

/** 淄政发[2017]2号 and 淄政发〔2017〕2号 are the same number: GB/T 9704 writes the year in 〔〕. */
export function normalizeDocNumber(text: string): string {
  return text.replace(/[［[(（](\d{4})[］\])）]/, '〔$1〕');
}

/**
 * The later items of a list (or the end of a range) after a pinpointed citation, as citations
 * of the same document: 《消费者权益保护法》第四十一条、第四十二条; 第五条至第八条 extends the first.
 */
function continuation(text: string, first: Extract<Span, { kind: 'citation' }>): Span[] {
  const out: Span[] = [];
  let prev = first.pinpoint!;
  let end = first.end;
  for (;;) {
    RANGE.lastIndex = end;
    const range = RANGE.exec(text);
    if (range) {
      const next = readRef(text, end + range[0].length);
      if (next) {
        (out.at(-1) ?? first).end = next.end;
        prev = inherit(prev, next.path, next.top);
        end = next.end;
        continue;
      }
    }
    JOIN.lastIndex = end;
    const join = JOIN.exec(text);
    if (!join) break;
    const start = end + join[0].length;
    const next = readRef(text, start);
    // 本条, 前款 after a citation are this document's again.
    if (!next || !absolute(next.path)) break;
    prev = inherit(prev, next.path, next.top);
    if (typeof prev.article !== 'object') break;
    out.push({
      kind: 'citation',
      start,
      end: next.end,
      title: first.title,
      documentNumber: first.documentNumber,
      pinpoint: prev,
      form: 'list',
    });
    end = next.end;
  }
  return out;
}

const nameSets = new WeakMap<readonly string[], Set<string>>();
/** The names as a set, made once per list (a collection passes the same list for every text). */
function nameSet(names: readonly string[]): Set<string> {
  let set = nameSets.get(names);
  if (!set) nameSets.set(names, (set = new Set(names)));
  return set;
}

/** Whether a path names its units by number only (no 本条, 前款 …). */
const absolute = (p: RefPath) =>
  (p.article === undefined || typeof p.article === 'object') &&
  (p.paragraph === undefined || typeof p.paragraph === 'number') &&
  (p.item === undefined || typeof p.item === 'number');

/** Words that end like a law's name but are not one (依法, 违法 …) or are the document itself. */
const NOT_A_NAME = /^(?:[依合违非执立司守用办方做说算]法|本.*)$|的|应当|依法|可以|不得|规定/;
/** A name that points back at a law named just before it: 该法第五条, 上述条例第三条. */
const ANAPHOR = /^(?:该|此|上述|前述)(?:法|法律|条例|细则|规定|办法)$/;
/** Where a name written without 《》 can start: after punctuation or one of these words. */
const NAME_LEAD =
  /(?:依照|按照|根据|依据|参照|适用|违反|对照|执行|符合|遵守|并|和|及|与|或者|或|是|、|，|。|；|：|（|\(|“|”|\s)$/;
const SHORT_END = /(?:法典|法|条例|实施细则|细则)$/;

/**
 * Citations of a law by its short name: the name stands right before 第N条 and is either one of
 * `names` (longest first) or ends like a law (…法, …法典, …条例, …细则) after a word or mark that
 * can start a name (依照, 根据, 和, a comma …). 该法第五条 cites the law cited last before it.
 */
function shortNameCitations(
  text: string,
  taken: Span[],
  names: readonly string[],
): Extract<Span, { kind: 'citation' }>[] {
  const out: Extract<Span, { kind: 'citation' }>[] = [];
  const known = nameSet(names);
  for (const m of text.matchAll(/第[零〇一二三四五六七八九十百千两0-9０-９]+条/g)) {
    const at = m.index;
    if (at === 0 || overlaps(taken, at, at + 1) || overlaps(out, at, at + 1)) continue;
    const before = text.slice(Math.max(0, at - 24), at);
    // The longest known name the text before the pinpoint ends with.
    let name: string | undefined;
    for (let len = before.length; len >= 2 && !name; len--)
      if (known.has(before.slice(-len))) name = before.slice(-len);
    if (!name && SHORT_END.test(before)) {
      // Back up over Han characters to the nearest lead word or mark.
      for (let len = 2; len <= Math.min(before.length, 16); len++) {
        const candidate = before.slice(-len);
        // Past 本 the name is the document's own (有本条例第五条, 除本法第三条 …).
        if (!/^[\u4e00-\u9fff]+$/.test(candidate) || candidate.startsWith('本')) break;
        if (NAME_LEAD.test(before.slice(0, -len)) || (len === before.length && at === len)) {
          name = candidate;
          break;
        }
      }
    }
    if (!name) continue;
    let title: string | undefined = name;
    if (ANAPHOR.test(name)) {
      const cited = [...taken, ...out].filter(
        (s): s is Extract<Span, { kind: 'citation' }> => s.kind === 'citation',
      );
      title = cited
        .filter((s) => s.end <= at - name!.length && s.title)
        .sort((a, b) => a.end - b.end)
        .at(-1)?.title;
      if (!title) continue;
    } else if (NOT_A_NAME.test(name)) continue;
    const start = at - name.length;
    if (overlaps(taken, start, at)) continue;
    const pin = readRef(text, at);
    if (!pin || typeof pin.path.article !== 'object') continue;
    out.push({ kind: 'citation', start, end: pin.end, title, pinpoint: pin.path, form: 'short' });
  }
  return out;
}
