/**
 * Parse stage: source text → regulation tree (docs/tree-spec.md), with positioned messages on
 * the VFile. Guarantees: never throws on any input; every non-blank source line ends up either
 * in the tree or in `data.dropped`; every node carries its source position. Anchors are not set
 * here (see eid.ts) and numbering is not checked here (see check.ts).
 */
import type { VFile } from 'vfile';
import type { Point, Position } from 'unist';
import type {
  Article, ArticleStyle, Chapter, Document, DroppedLine, Item, Paragraph, Section, SubItem, Text,
} from './types.ts';
import { indentOf, splitLines, trimLine } from './lines.ts';
import { classifyLine } from './classify.ts';
import { findBodyEnd, findBodyStart, type Classified } from './front-matter.ts';
import { report } from './messages.ts';

/** Which article style a text uses: 第X条 wins when any line starts with a spaced 第X条. */
function detectStyle(lines: Classified[]): ArticleStyle {
  let tiao = 0;
  let dun = 0;
  for (const l of lines) {
    if (l.kind.kind === 'article' && l.kind.spaced) l.kind.style === 'tiao' ? tiao++ : dun++;
  }
  return tiao > 0 || dun === 0 ? 'tiao' : 'dun';
}

function point(l: Classified, column: number): Point {
  return { line: l.line, column: column + 1, offset: l.offset + column };
}

/** Position of a whole (trimmed) line. */
function linePosition(l: Classified): Position {
  const start = indentOf(l.raw);
  return { start: point(l, start), end: point(l, start + l.text.length) };
}

/** A text node for the part of a line after its label, or nothing when that part is empty. */
function restText(l: Classified, rest: string): Text[] {
  if (rest === '') return [];
  const start = indentOf(l.raw) + l.text.length - rest.length;
  return [{ type: 'text', value: rest, position: { start: point(l, start), end: point(l, start + rest.length) } }];
}

function extend(node: { position?: Position }, to: Position | undefined): void {
  if (node.position && to) node.position = { start: node.position.start, end: to.end };
}

/**
 * Parse a regulation's text into a tree. Messages go to `file`.
 * @example fromText(new VFile({ path: 'a.txt', value: '第一条 为了……。' }))
 */
export function fromText(file: VFile): Document {
  const source = String(file.value);
  const lines: Classified[] = splitLines(source).map((l) => {
    const text = trimLine(l.raw);
    return { ...l, text, kind: classifyLine(text) };
  });
  const style = detectStyle(lines);
  const { bodyStart, dropped, hints } = findBodyStart(lines, style);

  const isArticle = (l: Classified) => l.kind.kind === 'article' && l.kind.style === style;
  let lastArticle = -1;
  for (let i = lines.length - 1; i >= bodyStart; i--) if (isArticle(lines[i]!)) { lastArticle = i; break; }
  const bodyEnd = lastArticle < 0 ? lines.length : findBodyEnd(lines, bodyStart, lastArticle);

  const doc: Document = { type: 'document', children: [], data: { articleStyle: style, dropped, hints } };
  let chapter: Chapter | undefined;
  let section: Section | undefined;
  let article: Article | undefined;
  let paragraph: Paragraph | undefined;
  let item: Item | undefined;
  let expectedArticle = 1; // an unspaced 第X条 counts as a heading only when it is the next number

  const orphan = (l: Classified, ruleId: string, reason: string) => {
    report(file, reason, linePosition(l), ruleId, true);
    dropped.push({ line: l.line, text: l.raw, reason: 'orphan' });
  };
  const grow = (pos: Position | undefined) => {
    for (const n of [chapter, section, article, paragraph, item]) if (n) extend(n, pos);
  };
  const newParagraph = (l: Classified, children: Text[]): Paragraph => {
    const p: Paragraph = { type: 'paragraph', num: article!.children.length + 1, eId: '', children, position: linePosition(l) };
    article!.children.push(p);
    return p;
  };

  for (let i = bodyStart; i < bodyEnd; i++) {
    const l = lines[i]!;
    let k = l.kind;
    const pos = linePosition(l);
    if (k.kind === 'blank') continue;
    if (k.kind === 'toc') k = { kind: 'text' };
    // 第X条 inside an 一、-style document, or 第五条规定的… starting a paragraph, is prose.
    if (k.kind === 'article' && (k.style !== style || (!k.spaced && k.num !== expectedArticle))) k = { kind: 'text' };

    switch (k.kind) {
      case 'chapter': {
        let heading = k.rest;
        // 第一章 on a line of its own with its heading on the next line.
        const next = lines[i + 1];
        if (heading === '' && next && next.kind.kind === 'text' && next.text.length <= 20 && !/[。；;，,：:]/.test(next.text)) {
          heading = next.text;
          i++;
        }
        chapter = { type: 'chapter', num: k.num, label: k.label, heading, eId: '', children: [], position: pos };
        if (heading !== k.rest) extend(chapter, linePosition(next!));
        doc.children.push(chapter);
        section = article = paragraph = item = undefined;
        break;
      }
      case 'section': {
        section = { type: 'section', num: k.num, label: k.label, heading: k.rest, eId: '', children: [], position: pos };
        if (chapter) {
          chapter.children.push(section);
          extend(chapter, pos);
        } else {
          report(file, `Unexpected section ${k.label} outside a chapter, expected a 第X章 heading before it`, pos, 'section-outside-chapter', true);
          doc.children.push(section);
        }
        article = paragraph = item = undefined;
        break;
      }
      case 'article': {
        article = { type: 'article', num: k.num, label: k.label, eId: '', children: [], position: pos };
        if (k.sub !== undefined) article.sub = k.sub;
        (section ?? chapter ?? doc).children.push(article as never);
        if (section) extend(section, pos);
        if (chapter) extend(chapter, pos);
        expectedArticle = k.num + 1;
        paragraph = item = undefined;
        const rest = restText(l, k.rest);
        if (rest.length > 0) paragraph = newParagraph(l, rest);
        if (paragraph) paragraph.position = rest[0]!.position;
        break;
      }
      case 'item': {
        if (!article) {
          orphan(l, 'item-outside-article', `Unexpected item ${k.label} outside an article, expected it after an article (${style === 'tiao' ? '第X条' : 'X、'})`);
          break;
        }
        paragraph ??= newParagraph(l, []);
        item = { type: 'item', num: k.num, label: k.label, eId: '', children: restText(l, k.rest), position: pos };
        paragraph.children.push(item);
        grow(pos);
        break;
      }
      case 'subitem': {
        if (item) {
          const sub: SubItem = { type: 'subitem', num: k.num, label: k.label, eId: '', children: restText(l, k.rest), position: pos };
          item.children.push(sub);
          grow(pos);
          break;
        }
        if (!article) {
          orphan(l, 'subitem-outside-item', `Unexpected sub-item ${k.label} outside an article, expected it under an item such as （一）`);
          break;
        }
        // 1. directly under a paragraph: kept as the text of a new paragraph, with a warning.
        report(file, `Unexpected sub-item ${k.label} outside an item, expected an item such as （一） before it; kept as a paragraph`, pos, 'subitem-outside-item', false);
        item = undefined;
        paragraph = newParagraph(l, restText(l, l.text));
        grow(pos);
        break;
      }
      case 'bad-heading':
        report(file, `Unexpected heading ${k.label}, expected ${k.expected}`, pos, 'unrecognised-heading', true);
      // falls through: the line is kept as text so nothing is lost
      case 'text':
      default: {
        if (!article) {
          if (k.kind !== 'bad-heading') {
            // A heading wrapped onto a second line (copied from a PDF or a narrow page) reads as
            // text here; say so, since joining the lines is the likely fix.
            let j = i - 1;
            while (j >= bodyStart && lines[j]!.kind.kind === 'blank') j--;
            const before = lines[j];
            const wrapped = before && (before.kind.kind === 'chapter' || before.kind.kind === 'section')
              ? `; if it continues the heading on line ${before.line}, join it to that line`
              : '';
            orphan(l, 'text-outside-article', `Unexpected text outside an article, expected a heading (第X章, 第X节) or an article (${style === 'tiao' ? '第X条' : 'X、'})${wrapped}`);
          } else dropped.push({ line: l.line, text: l.raw, reason: 'orphan' });
          break;
        }
        item = undefined;
        paragraph = newParagraph(l, restText(l, l.text));
        grow(pos);
      }
    }
  }

  for (let i = bodyEnd; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text !== '') dropped.push({ line: l.line, text: l.raw, reason: 'trailer' });
  }
  dropped.sort((a: DroppedLine, b: DroppedLine) => a.line - b.line);

  if (doc.children.length === 0) {
    const at = lines.find((l) => l.text !== '') ?? lines[0]!;
    report(file, `Unexpected end of file without any article, expected articles numbered ${style === 'tiao' ? '第一条, 第二条 …' : '一、二、…'}`, linePosition(at), 'no-articles', true);
  }
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  doc.position = { start: point(first, 0), end: point(last, last.raw.length) };
  return doc;
}
