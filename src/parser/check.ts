/**
 * Check stage: numbering. Anchors are derived from numbers, so a duplicate, missing or
 * out-of-order number is an error (it would break or silently shift a public address).
 * Chapters and articles run through the document, sections restart in each chapter,
 * items in each paragraph and sub-items in each item; 第十条之一 may follow 第十条.
 */
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import type { Article, Document, Item, Paragraph, Section, SubItem } from './types.ts';
import { report } from './messages.ts';
import { toChineseNumeral } from './numerals.ts';

interface Numbered {
  num: number;
  sub?: number;
  label: string;
  position?: Position;
}

type Namer = (n: { num: number; sub?: number }) => string;

const at = (p: Position | undefined) => (p ? `${p.start.line}:${p.start.column}` : '?');
const cn = (n: number) => (n >= 1 && n <= 9999 ? toChineseNumeral(n) : String(n));
const withSub = (n: { num: number; sub?: number }, s: string) => (n.sub === undefined ? s : `${s}之${cn(n.sub)}`);

const NAMES: Record<string, Namer> = {
  chapter: (n) => `第${cn(n.num)}章`,
  section: (n) => `第${cn(n.num)}节`,
  'article-tiao': (n) => withSub(n, `第${cn(n.num)}条`),
  'article-dun': (n) => `${cn(n.num)}、`,
  item: (n) => `（${cn(n.num)}）`,
  subitem: (n) => `${n.num}.`,
};

/** Check one run of siblings numbered 1, 2, 3 … (with optional 之一 suffixes). */
function checkRun(file: VFile, nodes: Numbered[], kind: string, ruleId: string, what: string): void {
  const name = NAMES[kind]!;
  const seen = new Map<string, Numbered>();
  let prev: Numbered | undefined;
  for (const node of nodes) {
    const key = `${node.num}-${node.sub ?? 0}`;
    const first = seen.get(key);
    if (first) {
      report(file, `Unexpected duplicate ${what} ${node.label}, first defined at ${at(first.position)}; expected ${name(next(prev))}`, node.position, ruleId, true);
    } else {
      const expected = next(prev);
      const ok = node.sub === undefined
        ? node.num === expected.num
        : prev !== undefined && node.num === prev.num && node.sub === (prev.sub ?? 0) + 1;
      if (!ok) {
        const missing = node.sub === undefined && node.num > expected.num;
        report(
          file,
          missing
            ? `Missing ${what} ${name(expected)}: found ${node.label}, expected ${name(expected)}${prev ? ` after ${prev.label}` : ' first'}`
            : `Unexpected ${what} ${node.label} out of order, expected ${name(expected)}${prev ? ` after ${prev.label}` : ' first'}`,
          node.position,
          ruleId,
          true,
        );
      }
      seen.set(key, node);
    }
    prev = node;
  }
}

function next(prev: { num: number } | undefined): { num: number } {
  return { num: prev ? prev.num + 1 : 1 };
}

/** Report numbering problems and empty articles as messages on `file`. */
export function checkNumbering(file: VFile, doc: Document): void {
  const chapters = doc.children.filter((c) => c.type === 'chapter');
  checkRun(file, chapters, 'chapter', 'chapter-number', 'chapter');
  for (const c of chapters) {
    if (c.children.length === 0) report(file, `Unexpected empty chapter ${c.label}, expected articles after its heading`, c.position, 'empty-chapter', true);
  }
  const articles: Article[] = [];
  const sectionsOf = (children: Array<{ type: string }>) => children.filter((c): c is Section => c.type === 'section');
  for (const top of doc.children) {
    if (top.type === 'article') articles.push(top);
    else if (top.type === 'section') articles.push(...top.children);
    else {
      checkRun(file, sectionsOf(top.children), 'section', 'section-number', 'section');
      for (const c of top.children) c.type === 'section' ? articles.push(...c.children) : articles.push(c);
    }
  }
  checkRun(file, articles, `article-${doc.data.articleStyle}`, 'article-number', 'article');
  for (const article of articles) {
    if (article.children.length === 0) {
      report(file, `Unexpected empty article ${article.label}, expected its text after the label`, article.position, 'empty-article', true);
    }
    for (const p of article.children) checkParagraph(file, p);
  }
}

function checkParagraph(file: VFile, p: Paragraph): void {
  const items = p.children.filter((c): c is Item => c.type === 'item');
  checkRun(file, items, 'item', 'item-number', 'item');
  for (const item of items) {
    const subs = item.children.filter((c): c is SubItem => c.type === 'subitem');
    checkRun(file, subs, 'subitem', 'subitem-number', 'sub-item');
  }
}
