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
 * Each document's index records, next to its page (`<slug>/tiaowen-records.json`), for offline
 * search over the documents a reader kept (src/offline/search.ts).
 */
export const RECORDS_FILE = 'tiaowen-records.json';

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
 * document's type in the hierarchy of norms, its status and its region, with the collection's
 * facet keys (src/collection/facets.ts, listing.ts): `law`, `in-force`, `cn-sd`; and the
 * document itself (its slug, under `docFilter(slug)`). Pagefind loads a filter's file, which
 * lists every record by value, only when a search uses that filter.
 */
export const FILTER = {
  type: 't',
  status: 'v',
  region: 'r',
} as const;

export type FilterKind = 'doc' | keyof typeof FILTER;
export const FILTER_KINDS: readonly FilterKind[] = ['doc', 'type', 'status', 'region'];

/**
 * The filter that holds a document's slug: one of DOC_BUCKETS (`s0` … `sf`), by a hash of the
 * slug. Narrowing to one document then loads the record list of about a sixteenth of the
 * collection, not all of it: at 1,000 documents one list of every record by slug would be about
 * 130 KiB compressed, on the first query of every document page (docs/search.md).
 * @example docFilter('zibo-government-work-rules') // 's' + one hex digit
 */
export function docFilter(slug: string): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 0x01000193);
  return `s${((h >>> 0) % DOC_BUCKETS).toString(16)}`;
}
export const DOC_BUCKETS = 16;

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
export function bundlePath(variant: Variant): string {
  return variantPath(variant, 'pagefind/');
}

/**
 * The search engine a build wires into the site: `flat` (default), the index of src/search/flat/
 * (docs/search-scale.md), or `pagefind`, chosen with TIAOWEN_SEARCH_ENGINE at build time. Why
 * the flat index is the default, with the figures: docs/search.md, "Engines".
 */
export type SearchEngine = 'pagefind' | 'flat';

/** The engine named by a TIAOWEN_SEARCH_ENGINE value ('' or unset: flat). */
export function searchEngine(raw: string | undefined): SearchEngine {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'flat') return 'flat';
  if (v === 'pagefind') return 'pagefind';
  throw new Error(`TIAOWEN_SEARCH_ENGINE must be "pagefind" or "flat", not "${v}"`);
}

/** Where the flat index of a script lives, relative to the site root. */
export function flatIndexPath(variant: Variant): string {
  return variantPath(variant, 'flat/');
}
