/**
 * What the index builder (Node) and the search client (browser) agree on. Browser-safe: it
 * imports only the variant names, which import nothing.
 */
import { variantPath, type Variant } from '../i18n/variant.ts';

/** The Pagefind language of the index (ISO 639-2 "no linguistic content": no segmenter, no stemmer). */
export const INDEX_LANGUAGE = 'zxx';

/** The fold map written next to each bundle and loaded by the client: `{ "from": "會議…", "to": "会议…" }` (src/variant/fold.ts). */
export const FOLD_FILE = 'tiaowen-fold.json';

/**
 * The first word of every index chunk, as a JSON array, written next to each bundle: a
 * single-character query preloads the chunks whose first word starts with that character
 * (docs/search.md, "Single characters").
 */
export const CHUNKS_FILE = 'tiaowen-chunks.json';

/**
 * Filter names carrying each index record's display data (short: they are in every fragment).
 * Filters come back with a result's fragment but are not word-indexed.
 */
export const FIELD = {
  kind: 'k',
  docTitle: 'd',
  slug: 's',
  chapter: 'c',
  /** The blocks of the record, JSON: `Part[]` (see below). */
  parts: 'p',
  docIndex: 'i',
  /** Document order of the first block; block n is at order + n. */
  order: 'o',
  /** On the title record only: the document's defined terms, JSON `string[]` (ranking, not hits). */
  terms: 'g',
} as const;

/**
 * The filters a search can narrow by, each a Pagefind filter on every index record: the
 * document (its slug, FIELD.slug), its type in the hierarchy of norms, its status and its
 * region, with the collection's facet keys (src/collection/facets.ts, listing.ts): `law`,
 * `in-force`, `cn-sd`. Pagefind loads a filter's index file only when a search uses it.
 */
export const FILTER = {
  doc: FIELD.slug,
  type: 't',
  status: 'v',
  region: 'r',
} as const;

export type FilterKind = keyof typeof FILTER;
export const FILTER_KINDS = Object.keys(FILTER) as FilterKind[];

/** Chosen filter values by kind (one value each; kinds combine with AND). */
export type SearchFilters = Partial<Record<FilterKind, string>>;

/**
 * One block of an index record (records.ts packRecords): the fragment it links to on the
 * record's page (`#art_5_para_2`, or '' for the page itself), how the document numbers it, its
 * displayed text, and searchable aliases that are not displayed (第十一条 for 十一、).
 */
export type Part = [fragment: string, label: string, text: string, aliases?: string[]];

/** The Pagefind sort key: kind (title, heading, provision), document, document order. */
export const SORT_KEY = 'rank';

/** Where the bundle of a script lives, relative to the site root (and to the base path). */
export function bundlePath(script: Variant): string {
  return variantPath(script, 'pagefind/');
}
