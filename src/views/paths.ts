/**
 * getStaticPaths for the page views, shared by the simplified routes (src/pages/…) and the
 * traditional ones (src/pages/zh-hant/…), so both scripts always have the same pages. Each
 * page gets its document as a prop, from the content layer (src/content.config.ts).
 */
import { getCollection } from 'astro:content';
import { contentEntry, loadCollection, type DocumentEntry } from '../data/collection.ts';
import { articlePlaces, isArticleEId, type ArticlePlace } from '../data/cite.ts';
import { writesArticlePages } from './article-pages.ts';

/** Every document, in the collection's order (the content layer's store keeps its own). */
export async function documentEntries(): Promise<DocumentEntry[]> {
  const order = new Map(loadCollection().documents.map((d, i) => [d.meta.slug, i]));
  const entries = (await getCollection('documents')).map((e) => contentEntry(e.data));
  return entries.sort((a, b) => (order.get(a.meta.slug) ?? 0) - (order.get(b.meta.slug) ?? 0));
}

/** One path per document: `/<slug>/`. */
export async function documentPaths() {
  return (await documentEntries()).map((entry) => ({ params: { slug: entry.meta.slug }, props: { entry } }));
}

/** Whether this collection gets article pages (./article-pages.ts): not at the size of a statute book. */
export function hasArticlePages(): boolean {
  return writesArticlePages(loadCollection().documents.reduce((n, entry) => n + entry.stats.articles, 0));
}

/** One path per article: `/<slug>/art_25/` (the place is found again per script, anchors being the same). */
export async function articlePaths() {
  if (!hasArticlePages()) return [];
  return (await documentEntries()).flatMap((entry) =>
    articlePlaces(entry.tree).map(({ article }) => ({
      params: { slug: entry.meta.slug, article: article.eId },
      props: { entry, eId: article.eId },
    })),
  );
}

/** One path per recorded alias of an article (`from` is an article eId that no longer exists). */
export async function aliasPaths() {
  if (!hasArticlePages()) return [];
  return (await documentEntries()).flatMap((entry) => {
    const live = new Set(articlePlaces(entry.tree).map((p) => p.article.eId));
    return (entry.aliases ?? [])
      .filter((a) => isArticleEId(a.from) && !live.has(a.from))
      .map((a) => ({ params: { slug: entry.meta.slug, article: a.from }, props: { entry, to: a.to } }));
  });
}

export type { ArticlePlace, DocumentEntry };
