/**
 * Check stage: numbering. Anchors are derived from numbers, so a duplicate, missing or
 * out-of-order number is reported: a warning by default (real collections carry such defects
 * and must still publish them; the anchor stays unique, see docs/anchors.md), an error in
 * strict mode. Parts run through the document, sub-parts restart in each part, chapters
 * restart in each part and run on through its sub-parts, sections restart in each chapter,
 * articles run through the whole document, items in each paragraph, and each deeper list in
 * its entry; 第十条之一 may follow 第十条. An amending act (修正案, 关于修改…的决定) may start
 * past 第一条: that is stated, not reported as a defect.
 */
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import type { Article, Block, Container, Document, ListEntry, Paragraph } from './types.ts';
import { report } from '../diagnostics/message.ts';
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
const withSub = (n: { num: number; sub?: number }, s: string) =>
  n.sub === undefined ? s : `${s}之${cn(n.sub)}`;

const NAMES: Record<string, Namer> = {
  part: (n) => `第${cn(n.num)}编`,
  subpart: (n) => `第${cn(n.num)}分编`,
  chapter: (n) => `第${cn(n.num)}章`,
  section: (n) => `第${cn(n.num)}节`,
  division: (n) => `${cn(n.num)}、`,
  'article-tiao': (n) => withSub(n, `第${cn(n.num)}条`),
  'article-dun': (n) => `${cn(n.num)}、`,
  'article-digit': (n) => `${n.num}.`,
  'article-none': (n) => withSub(n, `第${cn(n.num)}条`),
  item: (n) => `（${cn(n.num)}）`,
  subitem: (n) => `${n.num}.`,
  point: (n) => `（${n.num}）`,
  attachment: (n) => `附件${cn(n.num)}`,
};

interface RunOptions {
  fatal: boolean;
  /** The number the run starts at (an amending act continues another act's numbering). */
  start?: number;
}

/** Check one run of siblings numbered 1, 2, 3 … (with optional 之一 suffixes). */
function checkRun(
  file: VFile,
  nodes: readonly Numbered[],
  kind: string,
  ruleId: string,
  what: string,
  options: RunOptions,
): void {
  const name = NAMES[kind]!;
  const seen = new Map<string, Numbered>();
  let prev: Numbered | undefined;
  const next = (p: { num: number } | undefined) => ({ num: p ? p.num + 1 : (options.start ?? 1) });
  for (const node of nodes) {
    const key = `${node.num}-${node.sub ?? 0}`;
    const first = seen.get(key);
    if (first) {
      report(
        file,
        `Unexpected duplicate ${what} ${node.label}, first defined at ${at(first.position)}; expected ${name(next(prev))}`,
        { place: node.position, ruleId, fatal: options.fatal },
      );
    } else {
      const expected = next(prev);
      const ok =
        node.sub === undefined
          ? node.num === expected.num
          : prev !== undefined && node.num === prev.num && node.sub === (prev.sub ?? 0) + 1;
      if (!ok) {
        const missing = node.sub === undefined && node.num > expected.num;
        report(
          file,
          missing
            ? `Missing ${what} ${name(expected)}: found ${node.label}, expected ${name(expected)}${prev ? ` after ${prev.label}` : ' first'}`
            : `Unexpected ${what} ${node.label} out of order, expected ${name(expected)}${prev ? ` after ${prev.label}` : ' first'}`,
          { place: node.position, ruleId, fatal: options.fatal },
        );
      }
      seen.set(key, node);
    }
    prev = node;
  }
}

const AMENDING = /修正案|修改|决定/;

/** Report numbering problems, empty articles and empty headings as messages on `file`. */
export function checkNumbering(file: VFile, doc: Document, options: { strict?: boolean } = {}): void {
  const fatal = options.strict === true;
  const run = (nodes: readonly Numbered[], kind: string, ruleId: string, what: string, start?: number) =>
    checkRun(file, nodes, kind, ruleId, what, { fatal, ...(start === undefined ? {} : { start }) });
  const articles: Article[] = [];
  const byType = (children: readonly Block[], type: Container['type']) =>
    children.filter((c): c is Container => c.type === type);

  /** Walk the headings under a parent; chapters are checked per part (through its sub-parts). */
  const walk = (children: readonly Block[], chapters: Container[] | undefined) => {
    run(byType(children, 'part'), 'part', 'part-number', 'part');
    run(byType(children, 'subpart'), 'subpart', 'subpart-number', 'sub-part');
    run(byType(children, 'section'), 'section', 'section-number', 'section');
    run(byType(children, 'division'), 'division', 'division-number', 'group heading');
    for (const c of children) {
      if (c.type === 'article') articles.push(c);
      else if (c.type === 'paragraph') checkParagraph(c);
      else if (c.type === 'chapter') {
        chapters?.push(c);
        walkOwn(c, undefined);
      } else if (c.type === 'part') {
        const own: Container[] = [];
        walkOwn(c, own);
        run(own, 'chapter', 'chapter-number', 'chapter');
      } else walkOwn(c, chapters);
    }
  };
  const walkOwn = (c: Container, chapters: Container[] | undefined) => {
    if (c.children.length === 0) {
      report(
        file,
        `Unexpected empty ${c.type === 'chapter' ? 'chapter' : 'heading'} ${c.label}${c.heading}, expected articles after its heading`,
        { place: c.position, ruleId: 'empty-chapter', fatal },
      );
    }
    walk(c.children, chapters);
  };
  const checkParagraph = (p: Paragraph) => {
    const items = p.children.filter((c) => c.type === 'item') as ListEntry[];
    run(items, 'item', 'item-number', 'item');
    for (const item of items) checkEntries(item);
  };
  const checkEntries = (entry: ListEntry) => {
    const subs = (entry.children as Array<{ type: string }>).filter(
      (c) => c.type === 'subitem' || c.type === 'point',
    ) as ListEntry[];
    if (subs.length > 0)
      run(subs, subs[0]!.type === 'subitem' ? 'subitem' : 'point', 'subitem-number', 'sub-item');
    for (const s of subs) checkEntries(s);
  };

  const top: Container[] = [];
  const body = doc.children.filter((c): c is Block => c.type !== 'attachment' && c.type !== 'note');
  walk(body, top);
  run(top, 'chapter', 'chapter-number', 'chapter');

  const style = doc.data.articleStyle;
  const first = articles[0];
  let start: number | undefined;
  if (first && first.num > 1 && first.sub === undefined && AMENDING.test(doc.data.hints.title ?? '')) {
    // An amending act numbers its articles on from the act it amends (宪法修正案 第四十四条 …).
    start = first.num;
    file.info(
      `Articles start at ${first.label}: an amending act continues the numbering of the act it amends`,
      {
        place: first.position,
        ruleId: 'article-number',
        source: 'tiaowen',
      },
    );
  }
  run(articles, `article-${style}`, 'article-number', 'article', start);
  for (const article of articles) {
    if (article.children.length === 0) {
      report(file, `Unexpected empty article ${article.label}, expected its text after the label`, {
        place: article.position,
        ruleId: 'empty-article',
        fatal,
      });
    }
    for (const p of article.children) checkParagraph(p);
  }
  const attachments = doc.children.filter((c) => c.type === 'attachment');
  run(attachments, 'attachment', 'attachment-number', 'attachment');
  for (const a of attachments) for (const p of a.children) checkParagraph(p);
}
