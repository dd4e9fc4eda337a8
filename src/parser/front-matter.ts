/**
 * Front matter and trailer: which lines are the body of the rules, and why the others are not.
 * Guarantees: every line outside [bodyStart, bodyEnd) that is not blank is returned as a
 * DroppedLine with a reason, so no text disappears.
 */
import type { DroppedLine } from './types.ts';
import type { SourceLine } from './lines.ts';
import { trimLine } from './lines.ts';
import { classifyLine, type LineKind } from './classify.ts';

export interface Classified extends SourceLine {
  text: string; // trimmed
  kind: LineKind;
}

/** Titles of regulations end in a document-type word, optionally （试行）. */
const TITLE = /^《?[^，。；：,;:！!？?]{2,60}(法|条例|规定|办法|规则|细则|决定|规程|准则|章程|意见|通知|纲要|标准|实施方案|守则)(（试行）|\(试行\)|（暂行）)?》?$/;
/** The adoption / amendment note: （2024年11月28日……通过） or several bracketed lines. */
const NOTE_WORDS = /通过|公布|发布|施行|修正|修订|修改|印发|批准/;

/**
 * Find the 目录 block: the 目录 line and the heading lines after it, up to the first heading
 * that repeats one already listed (where the body begins). Returns [start, end) indexes.
 */
function findToc(lines: Classified[], limit: number): [number, number] | undefined {
  const at = lines.findIndex((l, i) => i < limit && l.kind.kind === 'toc');
  if (at < 0) return undefined;
  const seen = new Set<number>();
  let i = at + 1;
  for (; i < lines.length; i++) {
    const k = lines[i]!.kind;
    if (k.kind === 'blank') continue;
    if (k.kind === 'chapter' || k.kind === 'section') {
      // The body begins where a chapter number comes round again.
      if (k.kind === 'chapter' && seen.has(k.num)) break;
      if (k.kind === 'chapter') seen.add(k.num);
      continue;
    }
    // 目录 entries may also be unnumbered parts such as 附则 or 附件 without 第X章.
    if (k.kind === 'text' && lines[i]!.text.length <= 20 && !/[。；;]$/.test(lines[i]!.text)) continue;
    break;
  }
  return [at, i];
}

/** Is this line the start of the body (a heading or an article of the document's style)? */
function startsBody(k: LineKind, style: 'tiao' | 'dun'): boolean {
  // A malformed heading (第X编, 第十十章) also opens the body, so it is reported, not set aside.
  return k.kind === 'chapter' || k.kind === 'section' || k.kind === 'bad-heading' || (k.kind === 'article' && k.style === style && k.spaced);
}

export interface Bounds {
  bodyStart: number; // index of the first body line
  dropped: DroppedLine[]; // front matter, in order
  hints: { title?: string; note?: string };
}

/** Split the front matter from the body. */
export function findBodyStart(lines: Classified[], style: 'tiao' | 'dun'): Bounds {
  let first = lines.findIndex((l) => startsBody(l.kind, style));
  if (first < 0) first = lines.length;
  const toc = findToc(lines, first + 1);
  let bodyStart = first;
  if (toc && toc[0] <= first) {
    bodyStart = lines.findIndex((l, i) => i >= toc[1] && startsBody(l.kind, style));
    if (bodyStart < 0) bodyStart = lines.length;
  }
  const dropped: DroppedLine[] = [];
  const hints: Bounds['hints'] = {};
  let seenText = false;
  let inNote = false;
  for (let i = 0; i < bodyStart; i++) {
    const l = lines[i]!;
    if (l.text === '') continue;
    let reason: DroppedLine['reason'];
    if (toc && i >= toc[0] && i < toc[1]) reason = 'toc';
    else if (!seenText && TITLE.test(l.text)) {
      reason = 'title';
      hints.title = l.text.replace(/^《|》$/g, '');
    } else if (inNote || (NOTE_WORDS.test(l.text) && /[0-9〇零一二三四五六七八九]{4}年/.test(l.text) && (/^[（(]/.test(l.text) || dropped.at(-1)?.reason === 'title' || dropped.at(-1)?.reason === 'note'))) {
      reason = 'note';
      hints.note = hints.note === undefined ? l.text : `${hints.note}\n${l.text}`;
      // A bracketed note may run over several lines until its bracket closes.
      inNote = /^[（(]/.test(hints.note) && !/[）)]$/.test(l.text);
    } else reason = 'preamble';
    seenText = true;
    dropped.push({ line: l.line, text: l.raw, reason });
  }
  return { bodyStart, dropped, hints };
}

/** Lines that commonly wrap a reposted text on the web: share buttons, related links, editors. */
const WRAPPER = /^(分享到|分享|相关文章|相關文章|相关阅读|相關閱讀|阅读原文|閱讀原文|责任编辑|責任編輯|来源|來源|扫一扫|掃一掃|打印本页|关闭窗口|【打印】|【关闭】|附件下载|点击|點擊)/;
/** Rule text ends a sentence, a clause (；) or an introduction to items (：). */
const TERMINAL = /[。；;！!？?…”’」』）)〕】]$/;

/**
 * Where the body ends: after the last article, the first line that cannot be rule text starts
 * the trailer (a web page's share links, a signature block). A line ending in a colon counts as
 * rule text only when items follow it.
 */
export function findBodyEnd(lines: Classified[], bodyStart: number, lastArticleLine: number): number {
  for (let i = lastArticleLine + 1; i < lines.length; i++) {
    const l = lines[i]!;
    const k = l.kind.kind;
    // Items and anything heading-like stay in the body, where the parser checks them.
    if (k === 'blank' || k === 'item' || k === 'subitem' || k === 'chapter' || k === 'section' || k === 'bad-heading') continue;
    if (WRAPPER.test(l.text)) return i;
    if (TERMINAL.test(l.text)) continue;
    if (/[：:]$/.test(l.text)) {
      const next = lines.slice(i + 1).find((n) => n.kind.kind !== 'blank');
      if (next && (next.kind.kind === 'item' || next.kind.kind === 'subitem')) continue;
    }
    return i;
  }
  void bodyStart;
  return lines.length;
}
