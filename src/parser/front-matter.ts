/**
 * Front matter and trailer: which lines are the body of the rules, and why the others are not.
 * Guarantees: every line outside the body that is not blank is returned as a DroppedLine with a
 * reason, so no text disappears.
 */
import type { ArticleStyle, DroppedLine } from './types.ts';
import type { LineKind } from './classify.ts';
import type { LogicalLine } from './unwrap.ts';

export interface Classified extends LogicalLine {
  kind: LineKind;
}

/**
 * Titles of regulations end in a document-type word (法, 法典, 条例, 规定, 办法, 细则, 解释 …),
 * optionally followed by a bracket such as （试行） or （2021年修订）.
 */
const TITLE = new RegExp(
  '^《?[^，。；：,;:！!？?]{2,80}(法|法典|条例|规定|办法|规则|细则|决定|决议|规程|准则|章程|意见|通知|纲要|标准|' +
    '方案|守则|解释|规范|批复|答复|公告|修正案|命令|指引|指南|清单|目录|制度|要点|通告|令)》?([（(][^）)]{1,20}[）)])?$',
);
/** The adoption / amendment note: （2024年11月28日……通过） or several bracketed lines. */
const NOTE_WORDS = /通过|公布|发布|施行|修正|修订|修改|印发|批准/;

/** A heading line: short, with no sentence punctuation (a provision always has some). */
export function isHeadingLike(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 40 &&
    !/[。；;！!？?]/.test(text) &&
    !/[，,：:]$/.test(text) &&
    !/[|\t]/.test(text)
  );
}

/** Which article style a text uses (see ArticleStyle). */
export function detectStyle(lines: readonly Classified[]): ArticleStyle {
  let tiao = 0;
  let dun = 0;
  const digits: number[] = []; // numbers of 1. lines, in order
  const dunBefore: number[] = []; // how many 一、 lines precede each 1. line
  for (const l of lines) {
    const k = l.kind;
    if (k.kind === 'article' && k.spaced) tiao++;
    else if (k.kind === 'dun') dun++;
    else if (k.kind === 'enum' && k.enumerator === 'dot-digit') {
      digits.push(k.num);
      dunBefore.push(dun);
    }
  }
  if (tiao > 0) return 'tiao';
  // Articles 1. 2. … under 一、 group headings: the 1. numbers run on across the headings
  // instead of restarting under each, and they appear under at least two headings.
  if (dun >= 2 && digits.length >= 3) {
    const restarts = digits.filter((n, i) => i > 0 && n <= digits[i - 1]!).length;
    if (restarts === 0 && new Set(dunBefore).size >= 2) return 'digit';
  }
  if (dun > 0) return 'dun';
  return 'none';
}

/** Whether a line starts the body in a document of this style. */
export function startsBody(k: LineKind, style: ArticleStyle, text: string): boolean {
  switch (k.kind) {
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
    case 'bad-heading':
    case 'unnumbered-heading':
      return true;
    case 'article':
      return style === 'tiao' && k.spaced;
    case 'dun':
      return style === 'dun' || (style === 'digit' && isHeadingLike(text));
    case 'enum':
      return style === 'digit' && k.enumerator === 'dot-digit' && k.num === 1;
    default:
      return false;
  }
}

/** The key of a heading in a table of contents: a chapter counts again in another part. */
function tocKey(k: LineKind, part: number): string | undefined {
  if (k.kind === 'part') return `part-${k.num}`;
  if (k.kind === 'subpart') return `part-${part}-subpart-${k.num}`;
  if (k.kind === 'chapter') return `part-${part}-chapter-${k.num}`;
  if (k.kind === 'unnumbered-heading') return `heading-${k.heading.replace(/\s/g, '')}`;
  return undefined;
}

/**
 * Find a table of contents: the 目录 line and the heading lines after it — or, without the
 * word 目录, a run of headings before any article — up to the first heading that repeats one
 * already listed (where the body begins). Returns [start, end) indexes.
 */
function findToc(
  lines: readonly Classified[],
  from: number,
  firstArticle: number,
): [number, number] | undefined {
  let at = lines.findIndex((l, i) => i <= firstArticle && l.kind.kind === 'toc');
  const labelled = at >= 0;
  if (!labelled) at = from;
  const seen = new Set<string>();
  let part = 0;
  let i = labelled ? at + 1 : at;
  let repeated = false;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const k = l.kind;
    if (k.kind === 'blank') continue;
    if (k.kind === 'part') part = k.num;
    const key = tocKey(k, part);
    if (key !== undefined || k.kind === 'section') {
      if (key !== undefined && seen.has(key)) {
        repeated = true;
        break;
      }
      if (key !== undefined) seen.add(key);
      continue;
    }
    // 目录 entries may also be unnumbered parts such as 附件 without 第X章.
    if (labelled && (k.kind === 'text' || k.kind === 'attachment') && isHeadingLike(l.text)) continue;
    break;
  }
  if (!labelled && (!repeated || seen.size < 2)) return undefined;
  if (!labelled) {
    // The body starts at the repeat; step back over a part heading that opens it.
    return [at, i];
  }
  return [at, i];
}

export interface Bounds {
  bodyStart: number; // index of the first body line
  dropped: DroppedLine[]; // front matter, in order
  hints: { title?: string; note?: string };
}

/** Split the front matter from the body. */
export function findBodyStart(lines: readonly Classified[], style: ArticleStyle): Bounds {
  // A group heading (一、总体要求) right above the first article opens the body too.
  const groupHeading = (i: number) => {
    const l = lines[i]!;
    if (
      style !== 'tiao' ||
      !(l.kind.kind === 'dun' || (l.kind.kind === 'enum' && l.kind.enumerator === 'paren-cn'))
    )
      return false;
    if (!isHeadingLike(l.text)) return false;
    for (let j = i + 1; j < lines.length; j++) {
      const k = lines[j]!.kind;
      if (k.kind === 'blank') continue;
      if (k.kind === 'article' && k.spaced) return true;
      if (k.kind === 'enum' && k.enumerator === 'paren-cn' && isHeadingLike(lines[j]!.text)) continue;
      return false;
    }
    return false;
  };
  let first = lines.findIndex((l, i) => startsBody(l.kind, style, l.text) || groupHeading(i));
  if (first < 0) first = lines.length;
  const firstArticle = lines.findIndex((l) => l.kind.kind === 'article' && l.kind.spaced);
  const toc = findToc(lines, first, firstArticle < 0 ? lines.length : firstArticle);
  let bodyStart = first;
  if (toc && toc[0] <= first) {
    bodyStart = lines.findIndex((l, i) => i >= toc[1] && startsBody(l.kind, style, l.text));
    if (bodyStart < 0) bodyStart = lines.length;
  }
  const dropped: DroppedLine[] = [];
  const hints: Bounds['hints'] = {};
  let seenText = false;
  let inNote = false;
  // A document without articles (a 决定 published as paragraphs) starts after its title and note.
  const noBody = style === 'none' && first === lines.length;
  for (let i = 0; i < bodyStart; i++) {
    const l = lines[i]!;
    if (l.text === '') continue;
    let reason: DroppedLine['reason'];
    if (toc && i >= toc[0] && i < toc[1]) reason = 'toc';
    else if (!seenText && TITLE.test(l.text)) {
      reason = 'title';
      hints.title = l.text.replace(/^《|》$/g, '');
    } else if (
      inNote ||
      (NOTE_WORDS.test(l.text) &&
        /[0-9〇零一二三四五六七八九]{4}\s*年/.test(l.text) &&
        (/^[（(]/.test(l.text) || dropped.at(-1)?.reason === 'title' || dropped.at(-1)?.reason === 'note'))
    ) {
      reason = 'note';
      hints.note = hints.note === undefined ? l.text : `${hints.note}\n${l.text}`;
      // A bracketed note may run over several lines until its bracket closes.
      inNote = /^[（(]/.test(hints.note) && !/[）)]$/.test(l.text);
    } else if (noBody) {
      return { bodyStart: i, dropped, hints };
    } else reason = 'preamble';
    seenText = true;
    dropped.push({ line: l.line, text: l.raw, reason });
    for (const m of l.more ?? []) dropped.push({ line: m.line, text: m.raw, reason });
  }
  return { bodyStart, dropped, hints };
}

/** Lines that commonly wrap a reposted text on the web: share buttons, related links, editors. */
const WRAPPER =
  /^(分享到|分享|相关文章|相關文章|相关阅读|相關閱讀|阅读原文|閱讀原文|责任编辑|責任編輯|来源|來源|扫一扫|掃一掃|打印本页|关闭窗口|【打印】|【关闭】|附件下载|点击|點擊)/;
/** Rule text ends a sentence, a clause (；) or an introduction to items (：). */
const TERMINAL = /[。；;！!？?…”’」』）)〕】]$/;

/**
 * Where the body ends: after the last article, the first line that cannot be rule text starts
 * the trailer (a web page's share links, a signature block). A line ending in a colon counts as
 * rule text only when items follow it.
 */
export function findBodyEnd(lines: readonly Classified[], lastArticleLine: number, limit: number): number {
  for (let i = lastArticleLine + 1; i < limit; i++) {
    const l = lines[i]!;
    const k = l.kind.kind;
    // List entries and anything heading-like stay in the body, where the parser checks them.
    if (
      k === 'blank' ||
      k === 'enum' ||
      k === 'part' ||
      k === 'subpart' ||
      k === 'chapter' ||
      k === 'section' ||
      k === 'bad-heading' ||
      k === 'note-mark'
    ) {
      continue;
    }
    if (WRAPPER.test(l.text)) return i;
    if (TERMINAL.test(l.text)) continue;
    if (/[：:]$/.test(l.text)) {
      const next = lines.slice(i + 1, limit).find((n) => n.kind.kind !== 'blank');
      if (next && next.kind.kind === 'enum') continue;
    }
    return i;
  }
  return limit;
}

/** Whether a line is web-page wrapper text (share buttons, related links). */
export function isWrapper(text: string): boolean {
  return WRAPPER.test(text);
}
