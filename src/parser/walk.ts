/**
 * Walking a finished tree by what readers and indexes need: every article with the headings
 * above it, and every list entry of a paragraph however deep. Pure; no positions needed.
 */
import type { Article, Block, Container, Document, ListEntry, Paragraph } from './types.ts';
import { isContainer } from './types.ts';

/** An article with the headings it sits under, outermost first. */
export interface ArticleInContext {
  article: Article;
  headings: Container[];
}

/**
 * Every article of a document in reading order, with its headings.
 * @example articlesInContext(tree)[0].headings.map((h) => h.label) // ['第一编', '第一章']
 */
export function articlesInContext(doc: Document): ArticleInContext[] {
  const out: ArticleInContext[] = [];
  const walk = (children: readonly Block[], headings: Container[]) => {
    for (const c of children) {
      if (c.type === 'article') out.push({ article: c, headings });
      else if (isContainer(c)) walk(c.children, [...headings, c]);
    }
  };
  walk(
    doc.children.filter((c): c is Block => c.type !== 'attachment' && c.type !== 'note'),
    [],
  );
  return out;
}

/** Every list entry under a paragraph or an entry, depth first, in reading order. */
export function listEntries(node: Paragraph | ListEntry): ListEntry[] {
  const out: ListEntry[] = [];
  for (const c of node.children as Array<{ type: string }>) {
    if (c.type === 'item' || c.type === 'subitem' || c.type === 'point') {
      out.push(c as ListEntry, ...listEntries(c as ListEntry));
    }
  }
  return out;
}

/** The heading text of a container as shown: `第一章　总则`, or `附则` for an unnumbered one. */
export function headingText(node: Container, separator = '\u3000'): string {
  return [node.label, node.heading].filter(Boolean).join(separator);
}
