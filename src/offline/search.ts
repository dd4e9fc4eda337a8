/**
 * Offline search over what a reader kept, for large collections (docs/offline.md): when the
 * device is offline and the variant's search bundle is not kept whole, Pagefind's index chunks
 * are not there, so the query runs over the index records of the kept documents instead
 * (`<slug>/tiaowen-records.json`, the very records the bundle was built from), through the
 * client's own verification (`verify`: the same normalisation, the same excerpts). Every kept
 * record is examined, so within what was kept nothing is missed and nothing is wrong.
 *
 * Hooked into the search client at one point: `createSearchClient` returns
 * `withOfflineSearch(client, …)`.
 */
import type { Fold } from '../search/normalize.ts';
import { normalize } from '../search/normalize.ts';
import { RECORDS_FILE } from '../search/schema.ts';
import { pagefindFilters } from '../search/query-state.ts';
import type { KeepState } from './keep-worker.ts';
import type { SearchClient, SearchGroup, SearchHit, SearchOptions, SearchPage } from '../search/client.ts';

/** What the keeping worker stores its state under (keep-worker.ts STATE_URL), below the base. */
export const STATE_FILE = 'tiaowen-kept.json';

interface Fragment {
  url: string;
  raw_url?: string;
  filters: Record<string, string[] | undefined>;
}
interface StoredRecord extends Fragment {
  rank: string;
}

export interface OfflineSearchOptions {
  /** URL of the variant's root, ending in `/` (`/` or `/zh-hant/`): its documents' records are below it. */
  rootUrl: string;
  /** The client's verification of one fragment (client.ts `verify`). */
  verify: (
    f: Fragment,
    query: string,
    fold: Fold,
    excerpt?: { before?: number; length?: number },
  ) => SearchHit[];
  /** The search index's fold map, as the client loads it. */
  fold: () => Promise<Fold>;
  excerpt?: { before?: number; length?: number };
}

const KIND_RANK: Record<string, number> = { title: 0, heading: 1, provision: 2 };

/**
 * The slugs of the kept documents of the bundle's variant, or null when search should go to
 * Pagefind: online, no keeping worker state, or the whole variant (its bundle) kept.
 */
export async function keptDocuments(rootUrl: string): Promise<string[] | null> {
  if (typeof navigator === 'undefined' || navigator.onLine || typeof caches === 'undefined') return null;
  const url = new URL(rootUrl, location.href);
  const variantRoot = url.pathname;
  const hant = /\/zh-hant\/$/.test(variantRoot);
  const base = hant ? variantRoot.slice(0, -'zh-hant/'.length) : variantRoot;
  const res = await caches.match(`${url.origin}${base}${STATE_FILE}`);
  if (!res) return null;
  const state = (await res.json()) as KeepState;
  const kept = state.variants[hant ? 'hant' : 'hans'];
  if (!kept || kept.choices.includes('all')) return null;
  const prefix = `${base}${hant ? 'zh-hant/' : ''}`;
  return Object.keys(state.files)
    .filter(
      (f) =>
        f.startsWith(prefix) &&
        f.endsWith(`/${RECORDS_FILE}`) &&
        !f.slice(prefix.length).includes('zh-hant/'),
    )
    .map((f) => f.slice(prefix.length, -`/${RECORDS_FILE}`.length));
}

/** Search the records of `slugs` (already fetched or fetched now, from the worker's cache). */
export async function searchKept(
  query: string,
  slugs: readonly string[],
  options: OfflineSearchOptions,
  searchOptions: SearchOptions = {},
): Promise<SearchPage> {
  const fold = await options.fold();
  const normalized = normalize(query, { fold }).text;
  const root = options.rootUrl;
  const t0 = performance.now();
  const records: StoredRecord[] = [];
  for (const slug of slugs) {
    const res = await fetch(`${root}${slug}/${RECORDS_FILE}`);
    if (res.ok) records.push(...((await res.json()) as StoredRecord[]));
  }
  records.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  // The filters chosen (this document, a type, a status, a region) as Pagefind applies them: a
  // record passes when it carries every chosen value.
  const chosen = Object.entries(pagefindFilters(searchOptions.filters ?? {}));
  const passes = (r: StoredRecord) =>
    chosen.every(([key, value]) => r.filters[key]?.includes(value) === true);
  const groups: SearchGroup[] = [];
  let hits = 0;
  let rejected = 0;
  for (const r of normalized ? records.filter(passes) : []) {
    const verified = options.verify(r, normalized, fold, options.excerpt);
    if (verified.length === 0) rejected++;
    for (const hit of verified) {
      let g = groups.find((x) => x.slug === hit.slug);
      if (!g) groups.push((g = { slug: hit.slug, docTitle: hit.docTitle, docIndex: hit.docIndex, hits: [] }));
      g.hits.push(hit);
      hits++;
    }
  }
  for (const g of groups) g.hits.sort((a, b) => KIND_RANK[a.kind]! - KIND_RANK[b.kind]! || a.order - b.order);
  const page: SearchPage = {
    query,
    normalized,
    groups,
    hits,
    candidates: records.length,
    rejected,
    done: true,
    more: () => Promise.resolve(page),
    timings: { search: 0, verify: performance.now() - t0 },
  };
  return page;
}

/** The client, searching the kept documents instead of Pagefind while offline in a large collection. */
export function withOfflineSearch(client: SearchClient, options: OfflineSearchOptions): SearchClient {
  return {
    async search(query, searchOptions) {
      const kept = await keptDocuments(options.rootUrl).catch(() => null);
      return kept ? searchKept(query, kept, options, searchOptions) : client.search(query, searchOptions);
    },
    async preload() {
      if (!(await keptDocuments(options.rootUrl).catch(() => null))) await client.preload();
    },
  };
}
