/**
 * Whether the build writes a page of its own for every article (`/<slug>/art_25/`, both
 * variants) besides the document page that holds it (`/<slug>/#art_25`).
 *
 * An article page is what a shared link to one article opens and what a crawler indexes, and the
 * addresses of published ones are kept (docs/anchors.md). But it repeats the page's chrome around
 * a few hundred characters, so at the size of a statute book the article pages are most of the
 * site: 106 of 177 MB and 11,786 of 27,742 files at 100 synthetic documents, which at 1,000
 * documents puts the site past what static hosts accept (GitHub Pages: 1 GB; Cloudflare Pages:
 * 20,000 files). So a large collection leaves them out, and the not-found page sends an article
 * address to the article's place on its document page (NotFoundPage.astro), where aliases of
 * renumbered articles resolve as on any document page.
 *
 * Setting: TIAOWEN_ARTICLE_PAGES = all | none | auto (the default: all up to ARTICLE_PAGES_LIMIT
 * articles in the collection, none above).
 */

export type ArticlePagesSetting = 'all' | 'none' | 'auto';

/** Articles in the collection up to which `auto` writes article pages (twice as many files). */
export const ARTICLE_PAGES_LIMIT = 20_000;

const SETTINGS: readonly ArticlePagesSetting[] = ['all', 'none', 'auto'];

/**
 * The setting from its environment variable; an unknown value is refused by name.
 * @example articlePagesSetting('none') // 'none'
 */
export function articlePagesSetting(
  value: string | undefined = process.env.TIAOWEN_ARTICLE_PAGES,
): ArticlePagesSetting {
  const v = (value ?? '').trim() || 'auto';
  if (!(SETTINGS as readonly string[]).includes(v)) {
    throw new Error(`Unexpected TIAOWEN_ARTICLE_PAGES=${value}, expected all, none or auto`);
  }
  return v as ArticlePagesSetting;
}

/**
 * Whether article pages are written for a collection of `articles` articles.
 * @example writesArticlePages(56, 'auto') // true
 */
export function writesArticlePages(
  articles: number,
  setting: ArticlePagesSetting = articlePagesSetting(),
): boolean {
  return setting === 'all' || (setting === 'auto' && articles <= ARTICLE_PAGES_LIMIT);
}
