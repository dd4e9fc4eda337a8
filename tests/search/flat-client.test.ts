/**
 * The flat index's SearchClient (src/search/flat/client.ts): the SearchPage of client.ts over an
 * index built in memory, fetched through a stubbed fetch().
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildFlatIndex } from '../../src/search/flat/build.ts';
import { acceptsDoc, createFlatSearchClient } from '../../src/search/flat/client.ts';
import type { SearchPage } from '../../src/search/client.ts';
import type { SearchRecord } from '../../src/search/records.ts';
import { foldToSimplified } from '../../src/variant/fold.ts';

const foldMap = { from: '會議規則', to: '会议规则' };
const fold = (s: string) => foldToSimplified(s, foldMap);

function doc(docIndex: number, title: string, texts: string[], aliases: string[][] = []): SearchRecord[] {
  const slug = `d${docIndex}`;
  const base = { docIndex, docTitle: title, slug, chapter: '', variant: 'hans' as const };
  return [
    { ...base, url: `/${slug}/`, kind: 'title', order: 0, label: '', text: title, aliases: [] },
    ...texts.map((text, i) => ({
      ...base,
      url: `/${slug}/#art_${i + 1}`,
      kind: 'provision' as const,
      order: i + 1,
      label: `第${['一', '二', '三', '四'][i]}条`,
      text,
      aliases: aliases[i] ?? [],
    })),
  ];
}

const records = [
  ...doc(0, '会议规则', [
    '第一条　为了规范会议，制定本规则。',
    '第二条　会议由主任召集。',
    '第三条　文件的印发。',
  ]),
  ...doc(1, '文件管理办法', ['第一条　文件由办公室管理。', '一、会议纪要的印发。'], [[], ['第二条']]),
];
const facets = new Map([
  ['d0', { type: 'rule', status: 'in-force', region: 'cn' }],
  ['d1', { type: 'measure', status: 'repealed', region: 'cn-sd', terms: ['印发'] }],
]);
const built = buildFlatIndex(records, { fold, foldMap, facets, partBytes: 60, shardBytes: 48 });
const files = new Map([...built.files].map(([p, b]) => [`/flat/${p}`, b]));
const fetched: string[] = [];

beforeEach(() => {
  fetched.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const body = files.get(url);
    return body ? new Response(body.slice(), { status: 200 }) : new Response('not found', { status: 404 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const client = (pageSize = 10) => createFlatSearchClient({ indexUrl: '/flat/', pageSize });

async function complete(page: SearchPage): Promise<SearchPage> {
  while (!page.done) page = await page.more();
  return page;
}
const urls = (p: SearchPage) => p.groups.flatMap((g) => g.hits.map((h) => h.url));
const text = (p: SearchPage, url: string) =>
  p.groups
    .flatMap((g) => g.hits)
    .find((h) => h.url === url)!
    .excerpt.map((x) => (x.mark ? `[${x.text}]` : x.text))
    .join('');

describe('createFlatSearchClient', () => {
  it('finds every block holding the query, grouped by document, title first, in both scripts', async () => {
    const page = await complete(await client().search('会议'));
    expect(page.groups.map((g) => g.slug)).toEqual(['d0', 'd1']);
    expect(urls(page)).toEqual(['/d0/', '/d0/#art_1', '/d0/#art_2', '/d1/#art_2']);
    expect(page.hits).toBe(4);
    expect(urls(await complete(await client().search('會議')))).toEqual(urls(page));
    expect(fetched.every((u) => u.startsWith('/flat/') || u === '/pagefind/tiaowen-fold.json')).toBe(true);
  });

  it('writes excerpts as client.ts does: the label printed above is left out, matches marked', async () => {
    const page = await complete(await client().search('召集'));
    const hit = page.groups[0]!.hits[0]!;
    expect(hit.label).toBe('第二条');
    expect(text(page, '/d0/#art_2')).toBe('会议由主任[召集]。');
  });

  it('marks the alias when only the alias holds the query', async () => {
    const page = await complete(await client().search('第二条'));
    expect(text(page, '/d1/#art_2')).toMatch(/^\[第二条\] /);
  });

  it('applies the filters: a document, a type, a status, a region', async () => {
    const c = client();
    const byDoc = await complete(await c.search('印发', { filters: { doc: 'd1' } }));
    expect(urls(byDoc)).toEqual(['/d1/#art_2']);
    expect(urls(await complete(await c.search('印发', { filters: { type: 'rule' } })))).toEqual([
      '/d0/#art_3',
    ]);
    expect(urls(await complete(await c.search('文件', { filters: { status: 'repealed' } })))).toEqual([
      '/d1/',
      '/d1/#art_1',
    ]);
    expect(await complete(await c.search('文件', { filters: { region: 'cn-x' } }))).toMatchObject({
      hits: 0,
    });
    expect(
      acceptsDoc(
        { doc: 'd0', type: 'rule' },
        { ...facets.get('d0')!, docIndex: 0, slug: 'd0', title: '', url: '' },
      ),
    ).toBe(true);
    expect(
      acceptsDoc(
        { doc: 'd0', type: 'measure' },
        { ...facets.get('d0')!, docIndex: 0, slug: 'd0', title: '', url: '' },
      ),
    ).toBe(false);
  });

  it('ranks a document defining the query with those whose title holds it, showing no hit for the term', async () => {
    const page = await complete(await client().search('印发'));
    expect(page.groups.map((g) => g.slug)).toEqual(['d1', 'd0']);
    expect(urls(page)).toEqual(['/d1/#art_2', '/d0/#art_3']);
    // Filtered out, a defining document does not rank.
    expect(urls(await complete(await client().search('印发', { filters: { doc: 'd0' } })))).toEqual([
      '/d0/#art_3',
    ]);
  });

  it('pages with more(), merging groups, until done', async () => {
    const first = await client(1).search('会议');
    expect(first.done).toBe(false);
    expect(first.hits).toBeLessThan(4);
    const last = await complete(first);
    expect(last.hits).toBe(4);
    expect(urls(last)).toEqual(['/d0/', '/d0/#art_1', '/d0/#art_2', '/d1/#art_2']);
    expect(await last.more()).toBe(last);
  });

  it('answers a query with no searchable character, or no match, with nothing', async () => {
    expect(await client().search('，')).toMatchObject({ hits: 0, done: true, normalized: '' });
    expect(await client().search('不存在的词')).toMatchObject({ hits: 0, done: true });
  });
});
