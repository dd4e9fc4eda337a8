/**
 * getStaticPaths for the page views, shared by the simplified routes (src/pages/…) and the
 * traditional ones (src/pages/zh-hant/…), so both scripts always have the same pages.
 */
import { loadCollection, type DocumentEntry } from '../data/collection.ts';
import { articlePlaces, isArticleEId, type ArticlePlace } from '../data/cite.ts';
import { writesArticlePages } from './article-pages.ts';

/** One path per document: `/<slug>/`. */
export function documentPaths() {
  return loadCollection().documents.map((entry) => ({ params: { slug: entry.meta.slug }, props: { entry } }));
}

/** Whether this collection gets article pages (./article-pages.ts): not at the size of a statute book. */
export function hasArticlePages(): boolean {
  return writesArticlePages(loadCollection().documents.reduce((n, entry) => n + entry.stats.articles, 0));
}

/** One path per article: `/<slug>/art_25/` (the place is found again per script, anchors being the same). */
export function articlePaths() {
  if (!hasArticlePages()) return [];
  return loadCollection().documents.flatMap((entry) =>
    articlePlaces(entry.tree).map(({ article }) => ({ params: { slug: entry.meta.slug, article: article.eId }, props: { entry, eId: article.eId } })),
  );
}

/** One path per recorded alias of an article (`from` is an article eId that no longer exists). */
export function aliasPaths() {
  if (!hasArticlePages()) return [];
  return loadCollection().documents.flatMap((entry) => {
    const live = new Set(articlePlaces(entry.tree).map((p) => p.article.eId));
    return (entry.aliases ?? [])
      .filter((a) => isArticleEId(a.from) && !live.has(a.from))
      .map((a) => ({ params: { slug: entry.meta.slug, article: a.from }, props: { entry, to: a.to } }));
  });
}

export type { ArticlePlace, DocumentEntry };
