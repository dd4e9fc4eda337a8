/**
 * sitemap.xml: every home, document, article (when written: src/views/article-pages.ts) and listing page in both scripts, each with its twin as an
 * `xhtml:link` alternate. Addresses are absolute when the site's origin is configured
 * (TIAOWEN_SITE=https://example.org), as the sitemap protocol requires; without it they are
 * site paths, good for checking but not for submitting.
 */
import type { APIRoute } from 'astro';
import { loadCollection } from '../data/collection.ts';
import { articlePlaces } from '../data/cite.ts';
import { LANG, VARIANTS, absoluteHref, variantHref } from '../i18n/locale.ts';
import { browsePath, browsePaths } from '../collection/browse-paths.ts';
import { hasArticlePages } from '../views/paths.ts';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = ({ site }) => {
  const paths = [''];
  const articles = hasArticlePages();
  for (const entry of loadCollection().documents) {
    const { slug } = entry.meta;
    // The tree (read from its artefact) only when there are article pages to list.
    paths.push(
      `${slug}/`,
      ...(articles ? articlePlaces(entry.tree).map((p) => `${slug}/${p.article.eId}/`) : []),
    );
  }
  // Listing pages (docs/collection.md): the same keys in both scripts.
  paths.push(...browsePaths('hans').map(({ props }) => browsePath(props.place)));
  const url = (variant: (typeof VARIANTS)[number], path: string) =>
    escape(absoluteHref(variantHref(variant, path), site));
  const entries = paths.flatMap((path) =>
    VARIANTS.map(
      (variant) =>
        `<url><loc>${url(variant, path)}</loc>${VARIANTS.map((s) => `<xhtml:link rel="alternate" hreflang="${LANG[s]}" href="${url(s, path)}"/>`).join('')}</url>`,
    ),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
