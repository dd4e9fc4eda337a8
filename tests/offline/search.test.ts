/**
 * Offline search over kept documents (src/offline/search.ts): it scans the records the search
 * bundle is built from (build-index.ts writes them per document) with the client's own
 * verification, so within the kept documents it finds exactly the blocks that contain the
 * query (precision and recall 1), and nothing of documents not kept.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fixtureCollection } from '../browser/fixture.ts';
import { buildCollectionRecords } from '../../src/search/records.ts';
import { collectionFoldMap, indexRecords } from '../../src/search/build-index.ts';
import { foldToSimplified } from '../../src/variant/fold.ts';
import { normalizeText, type Fold } from '../../src/search/normalize.ts';
import { verify } from '../../src/search/client.ts';
import { searchKept } from '../../src/offline/search.ts';
import { FIELD, type Part } from '../../src/search/schema.ts';

const { documents } = fixtureCollection;
const foldMap = collectionFoldMap(documents);
const fold: Fold = (text) => foldToSimplified(text, foldMap);
const indexed = indexRecords(buildCollectionRecords(documents, { base: '/', variant: 'hans' }), fold);
/** Each document's records file, as the build writes it. */
const files = new Map<string, unknown[]>();
for (const r of indexed) {
  const slug = r.filters![FIELD.slug]![0]!;
  files.set(slug, [...(files.get(slug) ?? []), { url: r.url, filters: r.filters, rank: r.sort!.rank }]);
}
const slugs = [...files.keys()];

afterEach(() => vi.unstubAllGlobals());

/** Every block of the kept documents whose text or alias contains the query: the exact answer. */
function expected(query: string, kept: readonly string[]): string[] {
  const q = normalizeText(query, { fold });
  return indexed
    .filter((r) => kept.includes(r.filters![FIELD.slug]![0]!))
    .flatMap((r) =>
      (JSON.parse(r.filters![FIELD.parts]![0]!) as Part[])
        .filter(([, , text, aliases = []]) =>
          [text, ...aliases].some((s) => normalizeText(s, { fold }).includes(q)),
        )
        .map(([f]) => r.url.replace(/#.*$/, '') + f),
    )
    .sort();
}

async function run(query: string, kept: readonly string[]): Promise<string[]> {
  const requested: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url);
    const slug = url.split('/').at(-2)!;
    return new Response(JSON.stringify(files.get(slug) ?? []), { status: files.has(slug) ? 200 : 404 });
  });
  const page = await searchKept(query, kept, {
    rootUrl: '/',
    verify,
    fold: () => Promise.resolve(fold),
  });
  expect(requested.sort()).toEqual(kept.map((s) => `/${s}/tiaowen-records.json`).sort());
  expect(page.done).toBe(true);
  return page.groups.flatMap((g) => g.hits.map((h) => h.url)).sort();
}

describe('searchKept', () => {
  test('finds exactly the blocks of the kept documents that hold the query', async () => {
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    const kept = slugs.slice(0, 1);
    for (const query of ['工作', '规定', '第一条', '会议', '（一）', '会']) {
      const want = expected(query, kept);
      expect(await run(query, kept), query).toEqual(want);
    }
    // Something to find, in the kept document and in one not kept.
    expect(expected('的', kept).length).toBeGreaterThan(0);
    const everywhere = expected('的', slugs);
    expect(everywhere.length).toBeGreaterThan(expected('的', kept).length);
    expect(await run('的', slugs)).toEqual(everywhere);
  });

  test('groups follow the index order: documents in order, hits within a document by kind then position', async () => {
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(JSON.stringify(files.get(url.split('/').at(-2)!) ?? [])),
    );
    const page = await searchKept('的', slugs, {
      rootUrl: '/',
      verify,
      fold: () => Promise.resolve(fold),
    });
    const order = page.groups.map((g) => g.docIndex);
    expect(order.length).toBeGreaterThan(1);
    for (const g of page.groups) {
      const ranks = g.hits.map(
        (h) => [h.kind === 'title' ? 0 : h.kind === 'heading' ? 1 : 2, h.order] as const,
      );
      expect(ranks).toEqual([...ranks].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    }
    expect(page.hits).toBe(page.groups.reduce((n, g) => n + g.hits.length, 0));
  });

  test('the filters chosen apply offline as online: search within one document finds only its blocks', async () => {
    vi.stubGlobal(
      'fetch',
      async (url: string) => new Response(JSON.stringify(files.get(url.split('/').at(-2)!) ?? [])),
    );
    const within = slugs[1]!;
    const page = await searchKept(
      '的',
      slugs,
      { rootUrl: '/', verify, fold: () => Promise.resolve(fold) },
      { filters: { doc: within } },
    );
    const urls = page.groups.flatMap((g) => g.hits.map((h) => h.url)).sort();
    expect(urls).toEqual(expected('的', [within]));
    expect(urls.length).toBeGreaterThan(0);
  });

  test('a query with nothing searchable finds nothing', async () => {
    expect(await run('，。', slugs)).toEqual([]);
  });
});
