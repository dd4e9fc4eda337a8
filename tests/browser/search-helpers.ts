/**
 * Shared by the search browser tests: expectations computed in Node straight from
 * generated/collection.json (a brute-force scan of the normalised text of every record), and
 * a runner that drives the search client shipped in the built site (the header's on-demand
 * chunk re-exports it) over the built index, whichever engine wrote it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { loadCollection } from '../../src/data/collection.ts';
import { buildCollectionRecords, type SearchRecord } from '../../src/search/records.ts';
import type { Variant } from '../../src/i18n/variant.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import { foldToSimplified, type FoldMap } from '../../src/variant/fold.ts';
import { bundlePath, flatIndexPath } from '../../src/search/schema.ts';
import { BUILT_SITE } from './harness.ts';

/** The built site the tests read: TIAOWEN_OUT when set, as the rest of the harness does. */
export const DIST = BUILT_SITE;

/** The collection's records of each script, as the site publishes them (base `/`). */
export function siteRecords(): Record<Variant, SearchRecord[]> {
  const { documents } = loadCollection();
  return {
    hans: buildCollectionRecords(documents, { base: '/', variant: 'hans' }),
    hant: buildCollectionRecords(
      documents.filter((d) => d.treeHant),
      { base: '/', variant: 'hant' },
    ),
  };
}

/**
 * The fold the built index ships, as a function: the flat index's fold.json (named by its
 * manifest), or the Pagefind bundle's tiaowen-fold.json.
 */
export function builtFold(variant: Variant = 'hans'): (s: string) => string {
  const flat = join(DIST, flatIndexPath(variant));
  const file = existsSync(join(flat, 'manifest.json'))
    ? join(
        flat,
        (JSON.parse(readFileSync(join(flat, 'manifest.json'), 'utf8')) as { build: string }).build,
        'fold.json',
      )
    : join(DIST, bundlePath(variant), 'tiaowen-fold.json');
  const map = JSON.parse(readFileSync(file, 'utf8')) as FoldMap;
  return (s) => foldToSimplified(s, map);
}

/** The URLs (page + #anchor) of the records whose normalised text or aliases contain the normalised query. */
export function expectedUrls(
  records: readonly SearchRecord[],
  query: string,
  fold: (s: string) => string,
): string[] {
  const q = normalizeText(query, { fold });
  if (!q) return [];
  return records
    .filter((r) => [r.text, ...r.aliases].some((s) => normalizeText(s, { fold }).includes(q)))
    .map((r) => r.url);
}

/** The address of the flat index of `script` when the site was built with it, else ''. */
export function builtFlatIndex(variant: Variant): string {
  return existsSync(join(DIST, flatIndexPath(variant), 'manifest.json')) ? `/${flatIndexPath(variant)}` : '';
}

/** The address of the header's on-demand search chunk, read from a built page. */
export function uiChunkPath(): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const m = /\/_astro\/ui\.[\w-]+\.js/.exec(html);
  if (!m) throw new Error('No /_astro/ui.*.js address in dist/index.html: is the search box in the header?');
  return m[0];
}

export interface Found {
  query: string;
  urls: string[];
  /** Kinds of the hits in display order. */
  kinds: string[];
  /** Excerpts with marks as [..]. */
  excerpts: string[];
  /** The label shown above each hit. */
  labels: string[];
}

/**
 * Run every query to completion (all pages) in the browser with the shipped client over the
 * bundle of `script`; the page must be on the site (same origin).
 */
export async function runQueries(page: Page, variant: Variant, queries: readonly string[]): Promise<Found[]> {
  return page.evaluate(
    async ([chunk, bundleUrl, indexUrl, qs]) => {
      type Part = { text: string; mark: boolean };
      type Hit = { url: string; kind: string; label: string; excerpt: Part[] };
      type P = { done: boolean; groups: Array<{ hits: Hit[] }>; more(): Promise<P> };
      // Through Function: the test runner would rewrite an import() written here.
      const load = new Function('u', 'return import(u)') as (u: string) => Promise<unknown>;
      type Client = { search(q: string): Promise<P> };
      const m = (await load(chunk)) as {
        createSearchClient(o: { bundleUrl: string; pageSize: number }): Client;
        createFlatSearchClient(o: { indexUrl: string; pageSize: number }): Client;
      };
      // The engine the site was built with (TIAOWEN_SEARCH_ENGINE): the flat index when it is there.
      const client = indexUrl
        ? m.createFlatSearchClient({ indexUrl, pageSize: 500 })
        : m.createSearchClient({ bundleUrl, pageSize: 500 });
      const out = [];
      for (const query of qs) {
        let p = await client.search(query);
        while (!p.done) p = await p.more();
        const hits = p.groups.flatMap((g) => g.hits);
        out.push({
          query,
          urls: hits.map((h) => h.url),
          kinds: hits.map((h) => h.kind),
          excerpts: hits.map((h) => h.excerpt.map((x) => (x.mark ? `[${x.text}]` : x.text)).join('')),
          labels: hits.map((h) => h.label),
        });
      }
      return out;
    },
    [uiChunkPath(), `/${bundlePath(variant)}`, builtFlatIndex(variant), queries] as const,
  );
}

/** The fragment (anchor) of a URL, '' for none. */
export const anchor = (url: string): string => url.split('#')[1] ?? '';
