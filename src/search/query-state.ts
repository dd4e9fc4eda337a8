/**
 * The state of a search in its address, so a search can be shared and reloaded:
 * `/search/?q=会议&type=law&status=in-force&region=cn-sd&doc=<slug>`. The filter values are
 * the collection's facet keys (src/collection/facets.ts) and the document's slug; they map to
 * the index records' Pagefind filters (schema.ts FILTER). Browser-safe: no imports but types
 * and the filter names.
 */
import { docFilter, FILTER, FILTER_KINDS, type SearchFilters } from './schema.ts';

export interface SearchState {
  /** The query as typed ('' for none). */
  q: string;
  filters: SearchFilters;
}

/** What a facet key or slug may look like in an address; anything else is ignored. */
const KEY = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * The search state of an address's query string; unknown parameters and malformed values are
 * left out, and a filter given twice keeps its first value.
 * @example readState('?q=会议&type=law').filters // { type: 'law' }
 */
export function readState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: SearchFilters = {};
  for (const kind of FILTER_KINDS) {
    const value = params.get(kind);
    if (value !== null && KEY.test(value)) filters[kind] = value;
  }
  return { q: params.get('q') ?? '', filters };
}

/**
 * Write a search state into a URL's query string (in place, and returned): `q` first when
 * there is a query, then the filters in FILTER order; other parameters are kept.
 * @example writeState(new URL('https://x/search/'), { q: '会议', filters: { status: 'in-force' } }).search
 *   // '?q=%E4%BC%9A%E8%AE%AE&status=in-force'
 */
export function writeState(url: URL, state: SearchState): URL {
  const rest = [...url.searchParams].filter(([k]) => k !== 'q' && !(FILTER_KINDS as string[]).includes(k));
  const params = new URLSearchParams();
  const q = state.q.trim();
  if (q) params.set('q', q);
  for (const kind of FILTER_KINDS) {
    const value = state.filters[kind];
    if (value && KEY.test(value)) params.set(kind, value);
  }
  for (const [k, v] of rest) params.append(k, v);
  url.search = params.toString();
  return url;
}

/** The Pagefind filters of a selection: `{ t: 'law', v: 'in-force', s3: '<slug>' }`; {} for none. */
export function pagefindFilters(filters: SearchFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kind of FILTER_KINDS) {
    const value = filters[kind];
    if (value) out[kind === 'doc' ? docFilter(value) : FILTER[kind]] = value;
  }
  return out;
}

/** Whether any filter is chosen. */
export const hasFilters = (filters: SearchFilters): boolean => FILTER_KINDS.some((k) => !!filters[k]);
