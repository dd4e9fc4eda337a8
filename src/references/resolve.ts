/**
 * Resolution: an internal reference path, read where it stands, → the eIds it points at.
 * Relative forms follow drafting practice: 本条 is the article the text is in, 前款 the
 * paragraph before, 前两款 the two before, 第二款 without 条 a paragraph of this article,
 * 第（一）项 without 款 an item of this paragraph (or of the article's first paragraph when an
 * article is named: 第五条第（一）项).
 */
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { Article, Document, Item, Paragraph, RegNode } from '../parser/types.ts';
import { labelOfEId } from '../parser/labels.ts';
import { toChineseNumeral } from '../parser/numerals.ts';
import type { RefPath } from './detect.ts';

/** Where a reference stands. */
export interface Place {
  article: Article;
  paragraph?: Paragraph;
  item?: Item;
}

export type Resolution = { ok: true; targets: string[] } | { ok: false; reason: string };

/** All articles of a document in order. */
export function articlesOf(doc: Document): Article[] {
  const out: Article[] = [];
  visit(doc as Node, (node) => {
    const n = node as RegNode;
    if (n.type !== 'article') return n.type === 'paragraph' ? 'skip' : undefined;
    out.push(n);
    return 'skip';
  });
  return out;
}

const itemsOf = (p: Paragraph) => p.children.filter((c): c is Item => c.type === 'item');

function span(list: { eId: string }[]): string {
  if (list.length === 0) return 'none';
  const first = labelOfEId(list[0]!.eId);
  const last = labelOfEId(list.at(-1)!.eId);
  return list.length === 1 ? first : `${first}…${last}`;
}

/**
 * Resolve a path at a place. `articles` is the document's articles in order.
 * @example resolvePath({ paragraph: { previous: 1 } }, place, articles) // { ok: true, targets: ['art_5__para_1'] }
 */
export function resolvePath(path: RefPath, place: Place, articles: Article[]): Resolution {
  let article: Article | undefined = place.article;
  const named = typeof path.article === 'object';
  if (typeof path.article === 'object') {
    const { num, sub } = path.article;
    article = articles.find((a) => a.num === num && a.sub === sub);
    if (!article) {
      const want = labelOfEId(`art_${num}${sub ? `-${sub}` : ''}`);
      return { ok: false, reason: `${want} does not exist; this document has ${span(articles)}` };
    }
  } else if (path.article === 'previous') {
    const i = articles.indexOf(place.article);
    article = articles[i - 1];
    if (!article) return { ok: false, reason: `前条 has no article before ${labelOfEId(place.article.eId)}` };
  }
  if (path.paragraph === undefined && path.item === undefined && path.subitem === undefined) {
    return { ok: true, targets: [article.eId] };
  }

  let paragraphs: Paragraph[];
  const here = article === place.article ? place.paragraph : undefined;
  if (typeof path.paragraph === 'number') {
    const p = article.children.find((x) => x.num === path.paragraph);
    if (!p)
      return {
        ok: false,
        reason: `${labelOfEId(article.eId)}第${toChineseNumeral(path.paragraph)}款 does not exist; ${labelOfEId(article.eId)} has ${article.children.length} paragraph(s)`,
      };
    paragraphs = [p];
  } else if (path.paragraph === 'this') {
    if (!here) return { ok: false, reason: '本款 used outside a paragraph' };
    paragraphs = [here];
  } else if (typeof path.paragraph === 'object') {
    const at = here ? article.children.indexOf(here) : -1;
    const count = path.paragraph.previous;
    if (at - count < 0) {
      const what =
        count === 1
          ? '前款 has no paragraph'
          : `前${toChineseNumeral(count)}款 has fewer than ${count} paragraphs`;
      return { ok: false, reason: `${what} before ${here ? labelOfEId(here.eId) : 'this text'}` };
    }
    paragraphs = article.children.slice(at - count, at);
  } else {
    // No 款: this paragraph when the article is this one, else the article's first paragraph.
    const p = !named && here ? here : article.children[0];
    if (!p) return { ok: false, reason: `${labelOfEId(article.eId)} has no paragraphs` };
    paragraphs = [p];
  }
  if (path.item === undefined && path.subitem === undefined)
    return { ok: true, targets: paragraphs.map((p) => p.eId) };

  const paragraph = paragraphs[paragraphs.length - 1]!;
  const items = itemsOf(paragraph);
  let item: Item | undefined;
  if (typeof path.item === 'number') {
    item = items.find((x) => x.num === path.item);
    if (!item)
      return {
        ok: false,
        reason: `${labelOfEId(paragraph.eId)}第（${toChineseNumeral(path.item)}）项 does not exist; ${labelOfEId(paragraph.eId)} has ${items.length === 0 ? 'no items' : span(items)}`,
      };
  } else if (path.item === 'this') {
    item = place.item;
    if (!item) return { ok: false, reason: '本项 used outside an item' };
  } else if (path.item === 'previous') {
    const i = place.item ? items.indexOf(place.item) : -1;
    item = items[i - 1];
    if (!item) return { ok: false, reason: '前项 has no item before it' };
  } else {
    item = place.item;
    if (!item) return { ok: false, reason: `a sub-item was named outside an item` };
  }
  if (path.subitem === undefined) return { ok: true, targets: [item.eId] };
  const sub = item.children.find((c) => c.type === 'subitem' && c.num === path.subitem);
  if (!sub || sub.type !== 'subitem')
    return { ok: false, reason: `${labelOfEId(item.eId)}第${path.subitem}目 does not exist` };
  return { ok: true, targets: [sub.eId] };
}

/** All articles from one to another, inclusive, in document order (第五条至第八条). */
export function articleRange(from: string, to: string, articles: Article[]): string[] | undefined {
  const a = articles.findIndex((x) => x.eId === from.split('__')[0]);
  const b = articles.findIndex((x) => x.eId === to.split('__')[0]);
  if (a < 0 || b < a) return undefined;
  return articles.slice(a, b + 1).map((x) => x.eId);
}
