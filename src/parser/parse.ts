/**
 * Parse stage: source text → regulation tree (docs/tree-spec.md), with positioned messages on
 * the VFile. Guarantees: never throws on any input; every non-blank source line ends up either
 * in the tree or in `data.dropped`; every node carries its source position; a defect of the
 * source is a warning (an error in strict mode) and the text is still placed. Anchors are not
 * set here (see eid.ts) and numbering is not checked here (see check.ts).
 */
import type { VFile } from 'vfile';
import type { Point as UnistPoint, Position } from 'unist';
import type {
  Article,
  Attachment,
  Block,
  Container,
  Continuation,
  Document,
  DroppedLine,
  ListEntry,
  Note,
  Paragraph,
  Text,
} from './types.ts';
import { indentOf, splitLines, trimLine } from './lines.ts';
import { classifyLine, type Enumerator, type LineKind } from './classify.ts';
import {
  detectStyle,
  findBodyEnd,
  findBodyStart,
  isHeadingLike,
  isWrapper,
  type Classified,
} from './front-matter.ts';
import { unwrapLines } from './unwrap.ts';
import { report } from '../diagnostics/message.ts';

export interface ParseOptions {
  /** Source defects are errors instead of warnings. */
  strict?: boolean;
}

/** How deep each heading nests: a heading closes every open heading of its rank or deeper. */
const RANK: Record<Container['type'], number> = {
  part: 1,
  subpart: 2,
  chapter: 3,
  section: 4,
  division: 5,
  hcontainer: 3,
};

function point(l: Classified, column: number): UnistPoint {
  return { line: l.line, column: column + 1, offset: l.offset + column };
}

/** The end of a (possibly joined) line. */
function endPoint(l: Classified): UnistPoint {
  const last = l.more?.at(-1);
  if (!last) return point(l, indentOf(l.raw) + trimLine(l.raw).length);
  const t = trimLine(last.raw);
  const col = indentOf(last.raw) + t.length;
  return { line: last.line, column: col + 1, offset: last.offset + col };
}

/** Position of a whole (trimmed) line. */
function linePosition(l: Classified): Position {
  return { start: point(l, indentOf(l.raw)), end: endPoint(l) };
}

/** A text node for the part of a line after its label, or nothing when that part is empty. */
function restText(l: Classified, rest: string): Text[] {
  if (rest === '') return [];
  const firstText = trimLine(l.raw);
  const joined = l.text.length - firstText.length; // characters that came from joined lines
  const start = indentOf(l.raw) + firstText.length - (rest.length - joined);
  return [{ type: 'text', value: rest, position: { start: point(l, start), end: endPoint(l) } }];
}

function extend(node: { position?: Position }, to: Position | undefined): void {
  if (node.position && to) node.position = { start: node.position.start, end: to.end };
}

/** Opening and closing quotation marks of Chinese text (GB/T 15834: “” ‘’ and 「」 『』). */
const OPEN = /[“「『]/g;
const CLOSE = /[”」』]/g;

/**
 * Lines inside a quotation that spans lines — the new text of an article in an amending act
 * (将第十条修改为：“第十条 …” over several lines) — are prose, whatever label they start with.
 * A quotation that does not close within 200 lines is taken as a typo and ignored.
 */
function markQuoted(lines: Classified[]): void {
  const depthAfter = (t: string) => (t.match(OPEN)?.length ?? 0) - (t.match(CLOSE)?.length ?? 0);
  for (let i = 0; i < lines.length; i++) {
    let depth = depthAfter(lines[i]!.text);
    if (depth <= 0) continue;
    let j = i + 1;
    for (; j < lines.length && j <= i + 200 && depth > 0; j++) depth += depthAfter(lines[j]!.text);
    if (depth > 0) continue;
    for (let k = i + 1; k < j; k++) {
      const l = lines[k]!;
      if (l.kind.kind !== 'blank') l.kind = { kind: 'text' };
    }
    i = j - 1;
  }
}

/** The text of a paragraph's own words (before its items). */
function lastText(p: Paragraph): string {
  const t = p.children.filter((c): c is Text => c.type === 'text').at(-1);
  return t?.value ?? '';
}

/** The next non-blank line at or after `from`, before `limit`. */
function nextLine(lines: readonly Classified[], from: number, limit: number): Classified | undefined {
  for (let i = from; i < limit; i++) if (lines[i]!.kind.kind !== 'blank') return lines[i];
  return undefined;
}

/** An open list entry with the enumerator it was written with. */
interface OpenEntry {
  node: ListEntry;
  enumerator: Enumerator;
}

/**
 * Parse a regulation's text into a tree. Messages go to `file`.
 * @example fromText(new VFile({ path: 'a.txt', value: '第一条 为了……。' }))
 */
export function fromText(file: VFile, options: ParseOptions = {}): Document {
  const source = String(file.value);
  const defect = options.strict === true; // whether a source defect is fatal
  const { lines: logical, joined } = unwrapLines(splitLines(source), file);
  const lines: Classified[] = logical.map((l) => ({ ...l, kind: classifyLine(l.text) }));
  markQuoted(lines);
  const style = detectStyle(lines);
  const { bodyStart, dropped, hints } = findBodyStart(lines, style);
  const warn = (reason: string, place: Position | undefined, ruleId: string) =>
    report(file, reason, { place, ruleId, fatal: defect });
  const articleWord =
    style === 'tiao' ? '第X条' : style === 'dun' ? 'X、' : style === 'digit' ? '1.' : '第X条';

  // Articles by style: 第X条 (an unspaced 第五条规定的… counts only when it is the next number),
  // 一、, or 1. under group headings (only the next number, so a list 1. 2. inside stays a list).
  let expectedArticle = 1;
  /** In a 1.-style document, the next article, or one a few numbers on (a skipped number is a defect, not a list). */
  const digitFollows = (num: number, expected: number) =>
    num === expected || (num > expected && num <= expected + 5 && expected > 1);
  const isArticleLine = (k: LineKind): boolean => {
    if (style === 'tiao') return k.kind === 'article' && (k.spaced || k.num === expectedArticle);
    if (style === 'dun') return k.kind === 'dun';
    if (style === 'digit')
      return k.kind === 'enum' && k.enumerator === 'dot-digit' && digitFollows(k.num, expectedArticle);
    return false;
  };

  // The tail: attachments (附件 after an article), then notes and the trailer.
  let firstArticle = -1;
  let attachStart = lines.length;
  {
    let probe = 1;
    for (let i = bodyStart; i < lines.length; i++) {
      const k = lines[i]!.kind;
      const digit =
        style === 'digit' && k.kind === 'enum' && k.enumerator === 'dot-digit' && digitFollows(k.num, probe);
      const article =
        (style === 'tiao' && k.kind === 'article' && k.spaced) ||
        (style === 'dun' && k.kind === 'dun') ||
        digit;
      if (article) {
        if (firstArticle < 0) firstArticle = i;
        if (digit) probe = (k as { num: number }).num + 1;
      }
      if (k.kind === 'attachment' && firstArticle >= 0) {
        attachStart = i;
        break;
      }
    }
  }
  let lastArticle = -1;
  {
    let probe = 1;
    for (let i = bodyStart; i < attachStart; i++) {
      const k = lines[i]!.kind;
      const digit =
        style === 'digit' && k.kind === 'enum' && k.enumerator === 'dot-digit' && digitFollows(k.num, probe);
      if (
        (style === 'tiao' && k.kind === 'article' && k.spaced) ||
        (style === 'dun' && k.kind === 'dun') ||
        digit
      ) {
        lastArticle = i;
        if (digit) probe = (k as { num: number }).num + 1;
      }
    }
  }
  const bodyEnd = lastArticle < 0 ? attachStart : findBodyEnd(lines, lastArticle, attachStart);
  // Notes: a run of ①… or 注：… lines closing the body (footnotes of the published text).
  let noteStart = bodyEnd;
  for (let i = bodyEnd - 1; i > lastArticle && i >= bodyStart; i--) {
    const k = lines[i]!.kind;
    if (k.kind === 'blank') continue;
    if (k.kind === 'note-mark' || (k.kind === 'enum' && k.enumerator === 'circled')) noteStart = i;
    else if (k.kind === 'text' && i > lastArticle + 1) continue;
    else break;
  }
  if (noteStart < bodyEnd) {
    const first = nextLine(lines, noteStart, bodyEnd)!;
    if (
      first.kind.kind !== 'note-mark' &&
      !(first.kind.kind === 'enum' && first.kind.enumerator === 'circled')
    ) {
      noteStart = bodyEnd;
    }
  }
  // A line after the last article that is itself a note or a list entry belongs to the body or notes.
  void noteStart;

  const doc: Document = { type: 'document', children: [], data: { articleStyle: style, dropped, hints } };
  if (joined > 0) doc.data.joined = joined;
  const hasParts = lines.some((l, i) => i >= bodyStart && i < bodyEnd && l.kind.kind === 'part');
  const hasChapters = lines.some((l, i) => i >= bodyStart && i < bodyEnd && l.kind.kind === 'chapter');
  const topRank = hasParts ? RANK.part : hasChapters ? RANK.chapter : RANK.division;

  const stack: Container[] = []; // open headings, outermost first
  let article: Article | undefined;
  let paragraph: Paragraph | undefined;
  let entries: OpenEntry[] = []; // open list entries of the paragraph, outermost first
  let dunAsText = false; // a 一、 line read as text: the 一、 lines after it are text too

  const parentOf = (): { children: Block[] } => stack.at(-1) ?? (doc as unknown as { children: Block[] });
  const grow = (pos: Position | undefined) => {
    for (const n of stack) extend(n, pos);
    for (const n of [article, paragraph]) if (n) extend(n, pos);
    for (const e of entries) extend(e.node, pos);
  };
  const ranks: number[] = []; // the rank each open heading was opened with
  const openHeading = (node: Container, rank: number) => {
    while (stack.length > 0 && ranks.at(-1)! >= rank) {
      stack.pop();
      ranks.pop();
    }
    const parent = parentOf();
    parent.children.push(node);
    // An unnumbered heading is counted among its siblings (Akoma Ntoso hcontainer).
    if (node.type === 'hcontainer') node.num = parent.children.filter((c) => c.type === 'hcontainer').length;
    for (const n of stack) extend(n, node.position);
    stack.push(node);
    ranks.push(rank);
    article = paragraph = undefined;
    entries = [];
  };
  const newParagraph = (
    l: Classified,
    children: Text[],
    into: { children: Block[] | Paragraph[] },
  ): Paragraph => {
    const num = (into.children as Array<{ type: string }>).filter((c) => c.type === 'paragraph').length + 1;
    const p: Paragraph = { type: 'paragraph', num, eId: '', children, position: linePosition(l) };
    (into.children as Paragraph[]).push(p);
    entries = [];
    return p;
  };
  /** Join a heading wrapped onto the next line(s): short, unpunctuated, then a heading or article. */
  const headingText = (
    i: number,
    rest: string,
    node: { position?: Position },
  ): { heading: string; next: number } => {
    let heading = rest;
    let j = i;
    for (;;) {
      const n = nextIndex(j + 1);
      if (n < 0) break;
      const l = lines[n]!;
      if (l.kind.kind !== 'text' || !isHeadingLike(l.text) || (heading + l.text).length > 60) break;
      const after = nextIndex(n + 1);
      const k = after < 0 ? undefined : lines[after]!.kind;
      const opens =
        k &&
        (isArticleLine(k) ||
          k.kind === 'part' ||
          k.kind === 'subpart' ||
          k.kind === 'chapter' ||
          k.kind === 'section' ||
          k.kind === 'dun');
      if (!opens && heading !== '') break;
      if (heading !== '') {
        file.info(
          `Joined line ${l.line} to the heading on line ${lines[i]!.line}: a heading wrapped onto two lines`,
          {
            place: linePosition(l),
            ruleId: 'wrapped-heading',
            source: 'tiaowen',
          },
        );
      }
      heading += heading === '' ? l.text : l.text;
      extend(node, linePosition(l));
      j = n;
      if (!opens) break;
    }
    return { heading, next: j };
  };
  const nextIndex = (from: number): number => {
    for (let k = from; k < bodyEnd; k++) if (lines[k]!.kind.kind !== 'blank') return k;
    return -1;
  };
  const addEntry = (l: Classified, k: LineKind & { kind: 'enum' }) => {
    const depthOf = entries.findIndex((e) => e.enumerator === k.enumerator);
    if (depthOf >= 0) entries = entries.slice(0, depthOf);
    const depth = entries.length; // 0: an item of the paragraph
    const type = depth === 0 ? 'item' : depth === 1 ? 'subitem' : 'point';
    const node = {
      type,
      num: k.num,
      label: k.label,
      eId: '',
      children: restText(l, k.rest),
      position: linePosition(l),
    } as ListEntry;
    const parent = entries.at(-1)?.node ?? paragraph!;
    (parent.children as ListEntry[]).push(node);
    entries.push({ node, enumerator: k.enumerator });
    grow(node.position);
  };
  /** Whether the list goes on after this unnumbered line: the next numbered line continues an open entry's numbering. */
  const listResumes = (from: number): boolean => {
    if (entries.length === 0) return false;
    for (let k = from; k < bodyEnd; k++) {
      const n = lines[k]!.kind;
      if (n.kind === 'blank') continue;
      if (n.kind === 'text' && !isHeadingLike(lines[k]!.text)) continue;
      if (n.kind !== 'enum') return false;
      const open = entries.find((e) => e.enumerator === n.enumerator);
      // The next number, or one a little further on (a skipped （二） is a defect of the list, not its end).
      return open !== undefined && n.num > open.node.num && n.num <= open.node.num + 3;
    }
    return false;
  };

  const drop = (l: Classified, reason: DroppedLine['reason']) => {
    dropped.push({ line: l.line, text: l.raw, reason });
    for (const m of l.more ?? []) dropped.push({ line: m.line, text: m.raw, reason });
  };

  for (let i = bodyStart; i < noteStart; i++) {
    const l = lines[i]!;
    let k = l.kind;
    const pos = linePosition(l);
    if (k.kind === 'blank') continue;
    if (k.kind === 'toc') k = { kind: 'text' };
    if (k.kind === 'attachment' || k.kind === 'note-mark') k = { kind: 'text' };
    if (k.kind === 'article' && !isArticleLine(k)) k = { kind: 'text' };
    // A group heading: 一、 (or （一）) standing alone above articles in a 第X条 or 1. document.
    if (
      (k.kind === 'dun' && style !== 'dun') ||
      (k.kind === 'enum' && k.enumerator === 'paren-cn' && style !== 'none')
    ) {
      const n = nextIndex(i + 1);
      const nk = n >= 0 ? lines[n]!.kind : undefined;
      let opens = nk !== undefined && isArticleLine(nk);
      if (
        !opens &&
        k.kind === 'dun' &&
        nk?.kind === 'enum' &&
        nk.enumerator === 'paren-cn' &&
        isHeadingLike(lines[n]!.text)
      ) {
        const nn = nextIndex(n + 1);
        opens = nn >= 0 && isArticleLine(lines[nn]!.kind);
      }
      // Not a heading when it goes on a list: a （二） after （一） items, or a line after an introduction ending in ：.
      const inList =
        (k.kind === 'enum' && entries.some((e) => e.enumerator === 'paren-cn')) ||
        (entries.length === 0 && paragraph !== undefined && /[：:]$/.test(lastText(paragraph)));
      if (opens && isHeadingLike(l.text) && !inList && !(k.kind === 'dun' && dunAsText)) {
        const rank = k.kind === 'dun' ? RANK.division : RANK.division + 1;
        const node: Container = {
          type: 'division',
          num: k.num,
          label: k.label,
          heading: k.rest,
          eId: '',
          children: [],
          position: pos,
        };
        openHeading(node, rank);
        continue;
      }
      if (k.kind === 'dun') {
        dunAsText = true;
        k = { kind: 'text' };
      }
    } else dunAsText = false;

    if (isArticleLine(k)) {
      const a = k as LineKind & { kind: 'article' | 'dun' | 'enum' };
      article = { type: 'article', num: a.num, label: a.label, eId: '', children: [], position: pos };
      if (a.kind === 'article' && a.sub !== undefined) article.sub = a.sub;
      if (a.kind === 'article' && a.defect === 'typo') {
        warn(
          `Unexpected 笫 in the label ${a.label}, expected 第; read as 第${a.label.slice(1)}`,
          pos,
          'label-typo',
        );
      } else if (a.kind === 'article' && a.defect === 'space') {
        warn(
          `Unexpected space inside the label ${a.label}, expected ${a.label.replace(/\s/g, '')}`,
          pos,
          'label-space',
        );
      }
      parentOf().children.push(article);
      for (const n of stack) extend(n, pos);
      expectedArticle = a.num + 1;
      paragraph = undefined;
      entries = [];
      const rest = restText(l, a.rest);
      if (rest.length > 0) paragraph = newParagraph(l, rest, article);
      if (paragraph) paragraph.position = rest[0]!.position;
      continue;
    }

    switch (k.kind) {
      case 'part':
      case 'subpart':
      case 'chapter':
      case 'section': {
        const node = {
          type: k.kind,
          num: k.num,
          label: k.label,
          heading: '',
          eId: '',
          children: [],
          position: pos,
        } as Container;
        if (k.defect === 'typo')
          warn(`Unexpected 笫 in the label ${k.label}, expected 第`, pos, 'label-typo');
        const { heading, next } = headingText(i, k.rest, node);
        node.heading = heading;
        i = next;
        if (k.kind === 'section' && !stack.some((s) => s.type === 'chapter')) {
          warn(
            `Unexpected section ${k.label} outside a chapter, expected a 第X章 heading before it`,
            pos,
            'section-outside-chapter',
          );
        }
        openHeading(node, RANK[k.kind]);
        break;
      }
      case 'unnumbered-heading': {
        const node: Container = {
          type: 'hcontainer',
          num: 0,
          label: '',
          heading: k.heading,
          eId: '',
          children: [],
          position: pos,
        };
        openHeading(node, topRank);
        break;
      }
      case 'enum': {
        if (!article && !paragraph) {
          warn(
            `Unexpected list entry ${k.label} outside an article, expected it after an article (${articleWord}) or a paragraph`,
            pos,
            'item-outside-article',
          );
          paragraph = newParagraph(l, [], parentOf() as { children: Block[] });
          entries = [];
        }
        paragraph ??= newParagraph(l, [], article!);
        addEntry(l, k);
        break;
      }
      case 'bad-heading':
        warn(
          `Unexpected heading ${k.label}, expected ${k.expected}; kept as text`,
          pos,
          'unrecognised-heading',
        );
      // falls through: the line is kept as text so nothing is lost
      default: {
        const n = nextIndex(i + 1);
        const nk = n >= 0 ? lines[n]!.kind : undefined;
        // A short unpunctuated line between articles, followed by an article: a heading whose
        // 第X章 label the source lost (or an unnumbered one). It gets an anchor of its own.
        if (
          k.kind === 'text' &&
          article &&
          isHeadingLike(l.text) &&
          nk !== undefined &&
          isArticleLine(nk) &&
          !listResumes(i + 1) &&
          style !== 'none'
        ) {
          const rank = hasChapters || hasParts ? RANK.chapter : topRank;
          const node: Container = {
            type: 'hcontainer',
            num: 0,
            label: '',
            heading: l.text,
            eId: '',
            children: [],
            position: pos,
          };
          warn(
            `Unexpected heading-like line “${l.text}” between articles, expected a labelled heading such as 第X章 ${l.text}; published as an unnumbered heading`,
            pos,
            'unlabelled-heading',
          );
          openHeading(node, rank);
          break;
        }
        const text = restText(l, l.text);
        if (entries.length > 0 && listResumes(i + 1)) {
          // An item that runs on over several lines: （一）…, this line, then （二）….
          const c: Continuation = { type: 'continuation', children: text, position: pos };
          (entries.at(-1)!.node.children as Continuation[]).push(c);
          grow(pos);
          break;
        }
        if (article) {
          if (
            k.kind === 'text' &&
            isHeadingLike(l.text) &&
            l.text.length <= 20 &&
            !/^[\p{P}\d]/u.test(l.text)
          ) {
            warn(
              `Unexpected heading-like line “${l.text}” inside ${article.label}, expected text ending in 。 or ；; kept as a paragraph`,
              pos,
              'heading-like-paragraph',
            );
          }
          paragraph = newParagraph(l, text, article);
          grow(pos);
          break;
        }
        // Text outside any article: a heading's own text (a 序言), the body of a document
        // without articles, or text before the first article of a chapter.
        const holder = parentOf() as { children: Block[] };
        const quiet =
          style === 'none' || stack.at(-1)?.type === 'hcontainer' || stack.at(-1)?.type === 'division';
        if (!quiet) {
          let j = i - 1;
          while (j >= bodyStart && lines[j]!.kind.kind === 'blank') j--;
          const before = lines[j];
          const wrapped =
            before && (before.kind.kind === 'chapter' || before.kind.kind === 'section')
              ? `; if it continues the heading on line ${before.line}, join it to that line`
              : '';
          warn(
            `Unexpected text outside an article, expected a heading (第X章, 第X节) or an article (${articleWord})${wrapped}; kept as a paragraph`,
            pos,
            'text-outside-article',
          );
        }
        paragraph = newParagraph(l, text, holder);
        for (const s of stack) extend(s, pos);
      }
    }
  }

  // Notes closing the body.
  let note: Note | undefined;
  for (let i = noteStart; i < bodyEnd; i++) {
    const l = lines[i]!;
    const k = l.kind;
    if (k.kind === 'blank') continue;
    const pos = linePosition(l);
    if (k.kind === 'note-mark' || (k.kind === 'enum' && k.enumerator === 'circled')) {
      const num = doc.children.filter((c) => c.type === 'note').length + 1;
      note = { type: 'note', num, label: k.label, eId: '', children: restText(l, k.rest), position: pos };
      doc.children.push(note);
    } else if (note) {
      note.children.push(...restText(l, l.text));
      extend(note, pos);
    }
  }

  // Attachments: from the first 附件 line after the articles to the end (less a web trailer).
  let attachment: Attachment | undefined;
  let trailerFrom = lines.length;
  for (let i = attachStart; i < lines.length; i++) {
    if (isWrapper(lines[i]!.text)) {
      trailerFrom = i;
      break;
    }
  }
  for (let i = attachStart; i < trailerFrom; i++) {
    const l = lines[i]!;
    const k = l.kind;
    if (k.kind === 'blank') continue;
    const pos = linePosition(l);
    if (k.kind === 'attachment') {
      const num = doc.children.filter((c) => c.type === 'attachment').length + 1;
      attachment = {
        type: 'attachment',
        num,
        label: k.label,
        heading: k.rest,
        eId: '',
        children: [],
        position: pos,
      };
      void num;
      attachment.num = k.num === 1 && k.label.replace(/\s/g, '').length <= 2 ? num : k.num;
      doc.children.push(attachment);
      continue;
    }
    const p: Paragraph = {
      type: 'paragraph',
      num: attachment!.children.length + 1,
      eId: '',
      children: restText(l, l.text),
      position: pos,
    };
    attachment!.children.push(p);
    extend(attachment!, pos);
  }

  for (let i = bodyEnd; i < attachStart; i++) {
    const l = lines[i]!;
    if (l.text !== '') drop(l, 'trailer');
  }
  for (let i = Math.max(trailerFrom, attachStart); i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text !== '' && attachStart < lines.length) drop(l, 'trailer');
  }
  dropped.sort((a: DroppedLine, b: DroppedLine) => a.line - b.line);

  const bodyNodes = doc.children.filter((c) => c.type !== 'note' && c.type !== 'attachment');
  if (bodyNodes.length === 0) {
    const at = lines.find((l) => l.text !== '') ?? lines[0]!;
    warn(
      `Unexpected end of file without any article or text, expected articles numbered ${style === 'dun' ? '一、二、…' : '第一条, 第二条 …'}`,
      linePosition(at),
      'no-articles',
    );
  } else if (style === 'none') {
    file.info('No articles: the text is published as paragraphs', {
      place: linePosition(lines[bodyStart]!),
      ruleId: 'no-articles',
      source: 'tiaowen',
    });
  }
  const first = lines[0]!;
  const last = lines.at(-1)!;
  doc.position = { start: point(first, 0), end: endPoint(last) };
  void attachStart;
  return doc;
}
