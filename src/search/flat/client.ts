/**
 * A SearchClient (client.ts) over the flat index (query.ts): the same SearchPage (groups by
 * document, hits with excerpts, `more()`), the same filters, and the same excerpts and labels,
 * since every block the engine finds is passed through client.ts `verify` as a one-block
 * fragment. Offline, kept documents are searched as with Pagefind (src/offline/search.ts).
 *
 *   const client = createFlatSearchClient({ indexUrl: `${BASE_URL}flat/` });
 */
import { openFlatIndex, type FetchBytes, type FlatDoc, type FlatEngine, type FlatHit } from './query.ts';
import { mergeVolumes } from './volumes.ts';
import {
  addToGroups,
  sortGroups,
  termShare,
  verify,
  type PagefindFragment,
  type SearchClient,
  type SearchGroup,
  type SearchOptions,
  type SearchPage,
} from '../client.ts';
import { FIELD, type SearchFilters } from '../schema.ts';
import type { Fold } from '../normalize.ts';
import { withOfflineSearch } from '../../offline/search.ts';

export interface FlatSearchClientOptions {
  /** URL of the flat index directory, ending in `/`: `${BASE_URL}flat/` or `${BASE_URL}zh-hant/flat/`. */
  indexUrl: string;
  pageSize?: number;
  excerptBefore?: number;
  excerptLength?: number;
  fold?: Fold;
}

/** Whether a document passes the chosen filters (kinds combine with AND). */
export function acceptsDoc(filters: SearchFilters, doc: FlatDoc): boolean {
  return (
    (filters.doc === undefined || filters.doc === doc.slug) &&
    (filters.type === undefined || filters.type === doc.type) &&
    (filters.status === undefined || filters.status === doc.status) &&
    (filters.region === undefined || filters.region === doc.region)
  );
}

/** The hit as a fragment of one block, as `verify` reads a Pagefind fragment. */
export function hitFragment(hit: FlatHit): PagefindFragment {
  const i = hit.url.indexOf('#');
  const fragment = i === -1 ? '' : hit.url.slice(i);
  const part =
    hit.alias === undefined ? [fragment, hit.label, hit.text] : [fragment, hit.label, hit.text, [hit.alias]];
  const filters: Record<string, string[]> = {
    [FIELD.kind]: [hit.kind],
    [FIELD.docTitle]: [hit.doc.title],
    [FIELD.slug]: [hit.doc.slug],
    [FIELD.parts]: [JSON.stringify([part])],
    [FIELD.docIndex]: [String(hit.doc.docIndex)],
    [FIELD.order]: [String(hit.order)],
  };
  if (hit.chapter) filters[FIELD.chapter] = [hit.chapter];
  return { url: hit.doc.url, filters };
}

export function createFlatSearchClient(options: FlatSearchClientOptions): SearchClient {
  const indexUrl = options.indexUrl.replace(/\/?$/, '/');
  const pageSize = options.pageSize ?? 10;
  const excerpt = { before: options.excerptBefore ?? 24, length: options.excerptLength ?? 72 };
  const under =
    (url: string): FetchBytes =>
    async (path) => {
      const res = await fetch(url + path);
      if (!res.ok) throw new Error(`HTTP ${res.status} for ${url + path}`);
      return new Uint8Array(await res.arrayBuffer());
    };
  const engineOptions = options.fold ? { fold: options.fold } : {};
  const main = openFlatIndex(under(indexUrl), engineOptions);
  // A collection built in volumes (docs/scale.md): the manifest names the others, searched as one.
  let opening: Promise<FlatEngine> | undefined;
  const open = () =>
    (opening ??= main
      .volumes()
      .then((volumes) =>
        mergeVolumes([
          main,
          ...volumes.map((v) =>
            openFlatIndex(under(new URL(v, new URL(indexUrl, location.href)).href), engineOptions),
          ),
        ]),
      ));
  let folding: Promise<Fold> | undefined;
  const fold = () =>
    (folding ??= options.fold ? Promise.resolve(options.fold) : open().then((engine) => engine.fold()));

  async function search(query: string, searchOptions: SearchOptions = {}): Promise<SearchPage> {
    const filters = searchOptions.filters ?? {};
    const t0 = performance.now();
    const engine = await open();
    const [first, f] = await Promise.all([
      engine.search(query, { pageSize, filter: (doc) => acceptsDoc(filters, doc) }),
      fold(),
    ]);
    const t1 = performance.now();
    const groups: SearchGroup[] = [];
    let verifyMs = 0;
    // Hits already grouped, by block: volumes merged into one list may insert new hits between
    // earlier ones, so what is new is not simply the tail.
    const seen = new Set<string>();
    const toPage = (flat: typeof first): SearchPage => {
      const v0 = performance.now();
      for (const hit of flat.hits) {
        const key = `${hit.doc.slug}\0${hit.kind}\0${hit.order}`;
        if (seen.has(key)) continue;
        seen.add(key);
        for (const h of verify(hitFragment(hit), flat.normalized, f, excerpt)) addToGroups(groups, h);
      }
      // Documents defining the query rank with those whose title holds it, as with Pagefind.
      const terms = new Map<string, number>();
      for (const d of flat.defining) {
        const share = termShare(
          { url: d.url, filters: { [FIELD.terms]: [JSON.stringify(d.terms)] } },
          flat.normalized,
          f,
        );
        if (share > 0) terms.set(d.slug, Math.max(share, terms.get(d.slug) ?? 0));
      }
      sortGroups(groups, flat.normalized, f, terms);
      verifyMs += performance.now() - v0;
      let pending: Promise<SearchPage> | undefined;
      const page: SearchPage = {
        query,
        normalized: flat.normalized,
        groups,
        hits: groups.reduce((n, g) => n + g.hits.length, 0),
        candidates: flat.candidates,
        rejected: flat.rejected,
        done: flat.done,
        more: () =>
          flat.done
            ? Promise.resolve(page)
            : (pending ??= flat
                .more()
                .then(toPage)
                .finally(() => (pending = undefined))),
        timings: { search: t1 - t0, verify: verifyMs },
      };
      return page;
    };
    return toPage(first);
  }

  const client: SearchClient = {
    search,
    preload: async () => {
      const engine = await open();
      await Promise.all([engine.preload(), fold()]);
    },
  };
  // Offline in a large collection, the documents the reader kept are searched instead (docs/offline.md).
  return withOfflineSearch(client, { rootUrl: indexUrl.replace(/flat\/$/, ''), verify, excerpt, fold });
}
