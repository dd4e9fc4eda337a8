import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFlatIndex, packParts, type FlatBuildOptions } from '../../src/search/flat/build.ts';
import {
  BITMAP,
  decodeList,
  DELTAS,
  encodeList,
  encodeShard,
  findInShard,
  manifestPath,
  type Manifest,
} from '../../src/search/flat/format.ts';
import {
  intersect,
  openFlatIndex,
  queryKeys,
  type FlatHit,
  type FlatSearchOptions,
} from '../../src/search/flat/query.ts';
import { normalizeText, type Fold } from '../../src/search/normalize.ts';
import { buildRecords, type SearchRecord } from '../../src/search/records.ts';
import { mergeVolumes } from '../../src/search/flat/volumes.ts';
import { foldToSimplified } from '../../src/variant/fold.ts';
import { dunDocument, tiaoDocument } from './fixture.ts';

const foldMap = { from: '會議規則', to: '会议规则' };
const fold: Fold = (s) => foldToSimplified(s, foldMap);

/** A document's records, written directly: a title, optional heading, then provisions. */
function doc(
  docIndex: number,
  title: string,
  texts: string[],
  heading?: string,
  aliases: string[][] = [],
): SearchRecord[] {
  const slug = `d${docIndex}`;
  const base = { docIndex, docTitle: title, slug, chapter: '', variant: 'hans' as const };
  const out: SearchRecord[] = [
    { ...base, url: `/${slug}/`, kind: 'title', order: 0, label: '', text: title, aliases: [] },
  ];
  if (heading)
    out.push({
      ...base,
      url: `/${slug}/#chp_1`,
      kind: 'heading',
      order: out.length,
      label: '第一章',
      text: heading,
      aliases: [],
    });
  texts.forEach((text, i) => {
    out.push({
      ...base,
      url: `/${slug}/#art_${i + 1}`,
      kind: 'provision',
      order: out.length,
      label: `第${i + 1}条`,
      text,
      aliases: aliases[i] ?? [],
    });
  });
  return out;
}

function index(records: readonly SearchRecord[], options: Partial<FlatBuildOptions> = {}) {
  const built = buildFlatIndex(records, { fold, foldMap, partBytes: 120, shardBytes: 48, ...options });
  let fetched = 0;
  const engine = openFlatIndex(async (path) => {
    const body = built.files.get(path);
    if (!body) throw new Error(`no file ${path}`);
    fetched += body.length;
    return body;
  });
  return { built, engine, fetched: () => fetched };
}

async function all(
  engine: ReturnType<typeof openFlatIndex>,
  q: string,
  options?: FlatSearchOptions,
): Promise<FlatHit[]> {
  let page = await engine.search(q, options);
  while (!page.done) page = await page.more();
  return page.hits;
}

/** Every record whose normalised text or alias holds the normalised query. */
function bruteForce(records: readonly SearchRecord[], q: string): string[] {
  const nq = normalizeText(q, { fold });
  if (!nq) return [];
  return records
    .filter((r) => [r.text, ...r.aliases].some((s) => normalizeText(s, { fold }).includes(nq)))
    .map((r) => r.url)
    .sort();
}

const urls = (hits: readonly FlatHit[]) => hits.map((h) => h.url).sort();

const fixture: SearchRecord[] = [
  ...buildRecords(dunDocument(), { base: '/', variant: 'hans', docIndex: 0 }),
  ...buildRecords(tiaoDocument(), { base: '/', variant: 'hans', docIndex: 1 }),
  ...doc(
    2,
    '市政府会议规则',
    ['市政府全体会议一般每年召开1—2次。', '会议纪要由办公厅起草。', '甲乙', '丙丁'],
    '会议制度',
  ),
  ...doc(
    3,
    '人民政府工作规定',
    ['行政处罚应当依法进行。', '人民政府规定的其他事项。', '第十一条所称会议，是指常务会议。'],
    undefined,
    [[], ['第二条'], []],
  ),
];

describe('flat index format', () => {
  it('round-trips postings lists and keeps the smaller encoding', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(5000), { maxLength: 300 }), (raw) => {
        const ids = [...raw].sort((a, b) => a - b);
        const [encoding, payload] = encodeList(ids);
        expect(decodeList(encoding, payload)).toEqual(ids);
      }),
    );
    const dense = Array.from({ length: 400 }, (_, i) => i);
    expect(encodeList(dense)[0]).toBe(BITMAP);
    expect(encodeList(dense)[1].length).toBeLessThan(60);
    expect(encodeList([3, 900, 4000])[0]).toBe(DELTAS);
  });

  it('finds the keys of a shard and leaves absent ones out', () => {
    const shard = encodeShard([
      { key: '会', ids: [0, 2] },
      { key: '会议', ids: [2] },
      { key: '𠀀议', ids: [1, 7] },
      { key: '市政府', ids: [3] },
    ]);
    const found = findInShard(shard, new Set(['会议', '𠀀议', '政府', '市政府']));
    expect([...found]).toEqual([
      ['会议', [2]],
      ['𠀀议', [1, 7]],
      ['市政府', [3]],
    ]);
  });

  it('intersects lists and picks keys that cover the query', () => {
    expect(
      intersect([
        [1, 3, 5, 9],
        [3, 4, 5],
        [0, 3, 5, 10],
      ]),
    ).toEqual([3, 5]);
    expect(queryKeys('会')).toEqual(['会']);
    expect(queryKeys('会议')).toEqual(['会议']);
    expect(queryKeys('市政府')).toEqual(['市政府']);
    expect(queryKeys('人民政府')).toEqual(['人民政', '民政府']);
    expect(queryKeys('行政处罚决定')).toEqual(['行政处', '罚决定']);
    expect(queryKeys('中华人民共和国')).toEqual(['中华人', '人民共', '共和国']);
  });
});

describe('flat index build', () => {
  it('packs parts of one kind in rank order within the budget', () => {
    const parts = packParts(fixture, 120);
    const kinds = parts.map((p) => p[0]!.kind);
    expect(kinds).toEqual(
      [...kinds].sort(
        (a, b) => ['title', 'heading', 'provision'].indexOf(a) - ['title', 'heading', 'provision'].indexOf(b),
      ),
    );
    for (const p of parts) expect(new Set(p.map((r) => r.kind)).size).toBe(1);
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.flat().length).toBe(fixture.length);
  });

  it('names every file under the build hash, which changes with the content', () => {
    const a = buildFlatIndex(fixture, { fold, foldMap });
    const b = buildFlatIndex(
      fixture.map((r) => (r.kind === 'title' ? { ...r, text: r.text + '修订' } : r)),
      { fold, foldMap },
    );
    const manifest = JSON.parse(new TextDecoder().decode(a.files.get(manifestPath))) as Manifest;
    expect(manifest.build).toBe(a.manifest.build);
    for (const path of a.files.keys())
      if (path !== manifestPath) expect(path.startsWith(`${manifest.build}/`)).toBe(true);
    expect(b.manifest.build).not.toBe(a.manifest.build);
    expect(buildFlatIndex(fixture, { fold, foldMap }).manifest.build).toBe(a.manifest.build);
  });
});

describe('flat index queries', () => {
  const { engine, built } = index(fixture);

  it('uses several shards and parts on the fixture (so the tests below cross files)', () => {
    expect(built.stats.shards).toBeGreaterThan(3);
    expect(built.stats.parts).toBeGreaterThan(4);
  });

  it('finds exactly the blocks a brute-force scan finds', async () => {
    const queries = [
      '会议',
      '市政府',
      '会议制度',
      '1—2次',
      '1-2次',
      '淄政发(2017)2号',
      '第十一条',
      '第二条',
      '十一',
      '规定',
      '人民政府',
      '行政处罚',
      '测政发〔2020〕1号',
      '没有的词',
      '常务会议',
    ];
    for (const q of queries) expect(urls(await all(engine, q)), q).toEqual(bruteForce(fixture, q));
    expect((await all(engine, '第十一条')).length).toBeGreaterThan(1);
  });

  it('finds single characters everywhere they occur', async () => {
    const chars = new Set(fixture.flatMap((r) => Array.from(normalizeText(r.text, { fold }))));
    expect(chars.size).toBeGreaterThan(50);
    for (const c of chars) expect(urls(await all(engine, c)), c).toEqual(bruteForce(fixture, c));
  });

  it('does not match a query spanning two blocks, or a block and its alias', async () => {
    expect(bruteForce(fixture, '乙丙')).toEqual([]);
    expect(await all(engine, '乙丙')).toEqual([]);
    expect(await all(engine, '甲乙')).toHaveLength(1);
    expect(await all(engine, '事项第二')).toEqual([]);
  });

  it('reports a hit found through an alias only, with the alias', async () => {
    const hits = await all(engine, '第二条');
    const viaAlias = hits.find((h) => h.url === '/d3/#art_2');
    expect(viaAlias?.alias).toBe('第二条');
    expect(hits.find((h) => h.url === '/tiao/#art_2')?.alias).toBeUndefined();
  });

  it('folds traditional queries like normalize.ts does', async () => {
    expect(urls(await all(engine, '會議'))).toEqual(bruteForce(fixture, '会议'));
    expect(urls(await all(engine, '市政府會議規則'))).toEqual(['/d2/']);
    expect(urls(await all(engine, 'ＡＢ'))).toEqual([]);
  });

  it('ranks title hits first, then headings, then provisions', async () => {
    const hits = await all(engine, '会议');
    const kinds = hits.map((h) => h.kind);
    expect(kinds[0]).toBe('title');
    expect(kinds.indexOf('heading')).toBeGreaterThan(kinds.lastIndexOf('title'));
    expect(kinds.lastIndexOf('heading')).toBeLessThan(kinds.indexOf('provision'));
    expect(hits.filter((h) => h.kind === 'title').map((h) => h.doc.slug)).toEqual(['tiao', 'd2']);
    expect(hits[0]!.doc).toMatchObject({ slug: 'tiao', title: '会议办法', url: '/tiao/', docIndex: 1 });
  });

  it('reads parts a page at a time', async () => {
    const { engine: e } = index(fixture, { partBytes: 40 });
    const page = await e.search('会', { pageSize: 1 });
    expect(page.hits.length).toBeGreaterThanOrEqual(1);
    expect(page.done).toBe(false);
    expect(page.read).toBeLessThan(page.candidates);
    let p = page;
    while (!p.done) p = await p.more();
    expect(urls(p.hits)).toEqual(bruteForce(fixture, '会'));
  });

  it('filters by the facet values the parts carry', async () => {
    const facets = new Map([
      ['d2', { type: 'local-government-rule', status: 'in-force', region: 'cn-sd' }],
      ['d3', { type: 'law', status: 'repealed', region: 'cn' }],
    ]);
    const { engine: e } = index(fixture, { facets });
    const hits = await all(e, '会议', { filter: (d) => d.status === 'in-force' });
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((h) => h.doc.slug))).toEqual(new Set(['d2']));
    expect(hits[0]!.doc.type).toBe('local-government-rule');
  });

  it('returns nothing for a query without searchable characters', async () => {
    const page = await engine.search('，。 ');
    expect(page).toMatchObject({ normalized: '', hits: [], candidates: 0, done: true });
  });
});

describe('flat index exactness (property)', () => {
  const alphabet = [...'会议市政府人民规定第一二条甲乙丙。、（）１2'];
  const text = fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 14 })
    .map((cs) => cs.join(''));
  it('equals a brute-force scan for any collection and query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 6 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 5 }).map((cs) => cs.join('')),
        fc.integer({ min: 20, max: 200 }),
        async (docs, q, partBytes) => {
          const records = docs.flatMap(([title, texts], i) => doc(i, title, texts));
          const { engine } = index(records, { partBytes, shardBytes: 32 });
          expect(urls(await all(engine, q))).toEqual(bruteForce(records, q));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('volumes searched as one (volumes.ts)', () => {
  const alphabet = [...'会议市政府人民规定第一二条甲乙丙。、（）１2'];
  const text = fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 14 })
    .map((cs) => cs.join(''));
  it('finds what one index of the whole collection finds, titles first, each volume in its order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(text, fc.array(text, { minLength: 1, maxLength: 6 })), {
          minLength: 2,
          maxLength: 8,
        }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 4 }).map((cs) => cs.join('')),
        async (docs, cut, q) => {
          const at = Math.min(cut, docs.length - 1);
          const records = docs.flatMap(([title, texts], i) => doc(i, title, texts));
          // Two separate builds: each volume numbers its own documents from 0.
          const first = docs.slice(0, at).flatMap(([title, texts], i) => doc(i, title, texts));
          const second = docs
            .slice(at)
            .flatMap(([title, texts], i) => doc(i, title, texts))
            .map((r) => ({ ...r, slug: `v2-${r.slug}`, url: r.url.replace(/^\//, '/v2-') }));
          const merged = mergeVolumes([index(first).engine, index(second).engine]);
          let page = await merged.search(q, { pageSize: 3 });
          while (!page.done) page = await page.more();
          const expected = bruteForce(records, q).map((u) => {
            const n = Number(/^\/d(\d+)\//.exec(u)![1]);
            return n < at ? u : u.replace(/^\/d\d+\//, `/v2-d${n - at}/`);
          });
          expect(urls(page.hits)).toEqual(expected.sort());
          // Titles before provisions; within a kind, the first volume's documents first.
          const ranks = page.hits.map((h) => [h.kind === 'title' ? 0 : 1, h.doc.docIndex] as const);
          const sorted = [...ranks].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          expect(ranks).toEqual(sorted);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a page reads a bounded number of parts once it has a hit', () => {
  // Forty documents whose texts hold both runs of 会议规定 (会议规 and 议规定) but the phrase only
  // in a few: every document's part is a candidate, few hold a hit.
  const records = Array.from({ length: 40 }, (_, i) =>
    doc(i, `文件${i}`, [i % 10 === 3 ? '本会议规定适用' : '会议规则与议规定']),
  ).flat();
  const built = buildFlatIndex(records, { fold, foldMap, partBytes: 30, shardBytes: 64 });
  const engineWith = (partsPerPage: number) =>
    openFlatIndex(async (path) => built.files.get(path)!, { parallel: 1, partsPerPage });
  it('ends a page after partsPerPage parts when it has found something, and reads on with more()', async () => {
    const engine = engineWith(4);
    let page = await engine.search('会议规定', { pageSize: 10 });
    expect(page.candidates).toBeGreaterThan(20);
    expect(page.hits.length).toBeGreaterThan(0);
    expect(page.read).toBeLessThanOrEqual(4 + 1);
    expect(page.done).toBe(false);
    while (!page.done) page = await page.more();
    expect(urls(page.hits)).toEqual(bruteForce(records, '会议规定'));
  });
  it('never ends a page empty while candidates remain', async () => {
    const page = await engineWith(4).search('会议规定', { pageSize: 10, filter: (d) => d.slug === 'd33' });
    expect(urls(page.hits)).toEqual(['/d33/#art_1']);
  });
});
