/**
 * What the index builder (Node) and the search client (browser) agree on. Browser-safe: no imports.
 */

/** The Pagefind language of the index (ISO 639-2 "no linguistic content": no segmenter, no stemmer). */
export const INDEX_LANGUAGE = 'zxx';

/** The fold map written next to each bundle and loaded by the client: `{ "from": "會議…", "to": "会议…" }` (src/script/fold.ts). */
export const FOLD_FILE = 'tiaowen-fold.json';

/**
 * Filter names carrying each record's display data (short: they are in every fragment).
 * Filters come back with a result's fragment but are not word-indexed.
 */
export const FIELD = {
  kind: 'k',
  docTitle: 'd',
  slug: 's',
  label: 'l',
  chapter: 'c',
  text: 't',
  aliases: 'a',
  docIndex: 'i',
  order: 'o',
} as const;

/** Joins a record's aliases in the single `a` filter value. */
export const ALIAS_SEPARATOR = '\n';

/** The Pagefind sort key: kind (title, heading, provision), document, document order. */
export const SORT_KEY = 'rank';

/** Where the bundle of a script lives, relative to the site root (and to the base path). */
export function bundlePath(script: 'hans' | 'hant'): string {
  return script === 'hant' ? 'zh-hant/pagefind/' : 'pagefind/';
}
