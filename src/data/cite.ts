/**
 * Pinpoint citations and article listings, computed at build time so the browser only copies
 * strings. Pure functions over the tree and metadata.
 */
import type { DocumentMeta } from '../content/meta-schema.ts';
import type { Article, Container, Document } from '../parser/types.ts';
import { articlesInContext } from '../parser/walk.ts';
import { labelOfEId } from '../parser/labels.ts';
import { plainText } from './display.ts';

/**
 * The citation label of a provision, in the order of Chinese legal citation. `citeArticlesAs:
 * 'label'` cites the articles of a 一、-numbered document by their own label (二十五、).
 * @example citationLabel('art_47__para_1__item_2', 'tiao', 'dun') // '第四十七条第一款第（二）项'
 * @example citationLabel('art_25', 'label', 'dun') // '二十五、'
 */
export function citationLabel(
  eId: string,
  citeArticlesAs: DocumentMeta['citeArticlesAs'],
  articleStyle: Document['data']['articleStyle'],
): string {
  return labelOfEId(eId, {
    articleForm: citeArticlesAs === 'label' && articleStyle === 'dun' ? 'dun' : 'tiao',
  });
}

/**
 * A full citation: 《title》 and the label.
 * @example citation('淄博市人民政府工作规则', '第四十七条第一款第（二）项') // '《淄博市人民政府工作规则》第四十七条第一款第（二）项'
 */
export function citation(title: string, label: string): string {
  return `《${title}》${label}`;
}

/** An article with where it sits: the headings above it (its chapter and section), and its neighbours. */
export interface ArticlePlace {
  article: Article;
  /** Every heading above the article, outermost first (编, 章, 节, group headings). */
  headings: Container[];
  /** The chapter-level heading (a 章, or an unnumbered one such as 附则) and the section. */
  chapter?: Container;
  section?: Container;
  prev?: Article;
  next?: Article;
}

/** Every article of a document in reading order, with its headings and neighbours. */
export function articlePlaces(doc: Document): ArticlePlace[] {
  const out: ArticlePlace[] = articlesInContext(doc).map(({ article, headings }) => {
    const chapter = headings.filter((h) => h.type !== 'section').at(-1);
    const section = headings.findLast((h) => h.type === 'section');
    return { article, headings, ...(chapter && { chapter }), ...(section && { section }) };
  });
  out.forEach((place, i) => {
    const prev = out[i - 1]?.article;
    const next = out[i + 1]?.article;
    if (prev) place.prev = prev;
    if (next) place.next = next;
  });
  return out;
}

/** The whole text of an article (labels of items included), on one line. */
export function articleText(article: Article): string {
  const parts: string[] = [];
  const walk = (nodes: ReadonlyArray<{ type: string }>) => {
    let line = '';
    for (const n of nodes) {
      if (n.type === 'text' || n.type === 'reference') line += plainText([n]);
      else if (n.type === 'item' || n.type === 'subitem' || n.type === 'point' || n.type === 'continuation') {
        const node = n as unknown as { label: string; children: Array<{ type: string }> };
        if (line) parts.push(line);
        line = '';
        if (node.label) parts.push(node.label);
        walk(node.children);
      }
    }
    if (line) parts.push(line);
  };
  for (const p of article.children) walk(p.children);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/**
 * Text shortened for a description or a link preview: at most `max` characters, ending in …
 * @example truncate('一二三四五', 3) // '一二…'
 */
export function truncate(text: string, max = 120): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Whether an eId names an article (art_25, art_10-1), as opposed to a part of one. */
export { isArticleEId } from '../anchors/eid.ts';
