import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  chunkStarts,
  documentFacets,
  indexRecords,
  toCustomRecord,
} from '../../src/search/build-index.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import {
  buildRecords,
  PACK_CHARS,
  PACK_FROM_RECORDS,
  packBudget,
  packRecords,
} from '../../src/search/records.ts';
import {
  CHUNKS_FILE,
  docFilter,
  FIELD,
  FILTER,
  FOLD_FILE,
  INDEX_LANGUAGE,
  SORT_KEY,
} from '../../src/search/schema.ts';
import { dunDocument, tiaoDocument } from './fixture.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('toCustomRecord', () => {
  it('indexes the normalised, folded tokens of the text and the aliases', () => {
    const [, , art11] = buildRecords(dunDocument(), { base: '/', variant: 'hans', docIndex: 0 });
    const rec = toCustomRecord([art11!], (s) => s.replace(/門/g, '门'));
    expect(rec.language).toBe(INDEX_LANGUAGE);
    expect(rec.content.startsWith('十一 一市 市政 政府')).toBe(true);
    expect(rec.content.endsWith('作 第十 十一 一条 条')).toBe(true);
    expect(JSON.parse(rec.filters!.p![0]!)).toEqual([
      ['#' + art11!.url.split('#')[1], art11!.label, art11!.text, art11!.aliases],
    ]);
    expect(rec.sort?.[SORT_KEY]).toBe('30000000002');
  });

  it('packs whole articles of one chapter into one record, each block its own run', () => {
    const records = [dunDocument(), tiaoDocument()].flatMap((d, i) =>
      buildRecords(d, { base: '/', variant: 'hans', docIndex: i }),
    );
    const groups = packRecords(records);
    // Every search record is in exactly one group, in order.
    expect(groups.flat()).toEqual(records);
    for (const g of groups) {
      if (g[0]!.kind !== 'provision') expect(g).toHaveLength(1);
      // One document, one chapter.
      expect(new Set(g.map((r) => `${r.slug} ${r.chapter}`)).size).toBe(1);
    }
    // An article is never split between two groups.
    const groupOf = new Map<string, number>();
    groups.forEach((g, i) => {
      for (const r of g) {
        if (!r.article) continue;
        const key = `${r.slug} ${r.article}`;
        expect(groupOf.get(key) ?? i).toBe(i);
        groupOf.set(key, i);
      }
    });
    expect(groupOf.size).toBeGreaterThan(1);
    expect(groups.length).toBeLessThan(records.length);
    const multi = groups.find((g) => g.length > 1)!;
    const rec = toCustomRecord(multi, (s) => s);
    const parts = JSON.parse(rec.filters!.p![0]!) as unknown[][];
    expect(parts.map((p) => p[0])).toEqual(multi.map((r) => '#' + r.url.split('#')[1]));
    // Each block ends with its closing unigram: no bigram joins the end of one block to the next.
    const tokens = rec.content.split(' ');
    const lastOfFirst = Array.from(normalizeText(multi[0]!.aliases.at(-1) ?? multi[0]!.text)).at(-1)!;
    const firstOfSecond = Array.from(normalizeText(multi[1]!.text))[0]!;
    expect(tokens).toContain(lastOfFirst);
    expect(tokens).not.toContain(lastOfFirst + firstOfSecond);
  });

  it('adds the records in rank order (Pagefind numbers pages in that order)', () => {
    const docs = [dunDocument(), tiaoDocument()];
    const recs = indexRecords(
      docs.flatMap((d, i) => buildRecords(d, { base: '/', variant: 'hans', docIndex: i })),
      (s) => s,
    );
    const keys = recs.map((r) => r.sort![SORT_KEY]!);
    expect(keys).toEqual([...keys].sort());
    expect(recs[0]!.filters!.k).toEqual(['title']);
  });

  it('packs articles only in a collection past PACK_FROM_RECORDS article records', () => {
    const one = buildRecords(tiaoDocument(), { base: '/', variant: 'hans', docIndex: 0 });
    expect(packBudget(one)).toBe(0);
    const perDoc = packRecords(one, 0).length;
    const copies = Math.ceil((PACK_FROM_RECORDS + 1) / perDoc);
    const many = Array.from({ length: copies }, (_, i) =>
      buildRecords(tiaoDocument(), { base: '/', variant: 'hans', docIndex: i }).map((r) => ({
        ...r,
        slug: `doc-${i}`,
      })),
    ).flat();
    expect(packRecords(many, 0).length).toBeGreaterThan(PACK_FROM_RECORDS);
    expect(packBudget(many)).toBe(PACK_CHARS);
  });

  it('starts a new record once a group holds the text budget, and never splits an article', () => {
    const records = buildRecords(tiaoDocument(), { base: '/', variant: 'hans', docIndex: 0 });
    const articles = new Set(records.flatMap((r) => (r.article ? [r.article] : [])));
    // A budget of one character: every article a record of its own.
    const tight = packRecords(records, 1).filter((g) => g[0]!.article);
    expect(tight).toHaveLength(articles.size);
    for (const g of tight) expect(new Set(g.map((r) => r.article)).size).toBe(1);
    // An unbounded budget: one record per chapter's run of articles, fewer than the articles.
    const loose = packRecords(records, Infinity).filter((g) => g[0]!.article);
    expect(loose.length).toBeLessThan(articles.size);
    expect(loose.length).toBe(new Set(records.filter((r) => r.article).map((r) => r.chapter)).size);
  });
});

describe('buildSearchIndex', () => {
  it('writes a Pagefind bundle per script with the fold map', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tiaowen-search-'));
    dirs.push(out);
    const docs = [dunDocument(), tiaoDocument()];
    for (const d of docs) d.treeHant = structuredClone(d.tree);
    const foldMap = { from: '會議', to: '会议' };
    const hans = await buildSearchIndex({
      outDir: out,
      base: '/',
      documents: docs,
      variant: 'hans',
      foldMap,
    });
    const hant = await buildSearchIndex({
      outDir: out,
      base: '/',
      documents: docs,
      variant: 'hant',
      foldMap,
    });
    expect(hans.outputPath).toBe(join(out, 'pagefind/'));
    expect(hant.outputPath).toBe(join(out, 'zh-hant/pagefind/'));
    expect(hans.records).toBe(12);
    for (const dir of [hans.outputPath, hant.outputPath]) {
      const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8'));
      expect(Object.keys(entry.languages)).toEqual([INDEX_LANGUAGE]);
      expect(entry.languages[INDEX_LANGUAGE].page_count).toBe(hans.indexRecords);
      expect(hans.indexRecords).toBeLessThan(hans.records);
      expect(JSON.parse(await readFile(join(dir, FOLD_FILE), 'utf8'))).toEqual(foldMap);
      // The first word of every index chunk, in index order, one per chunk file.
      const starts = JSON.parse(await readFile(join(dir, CHUNKS_FILE), 'utf8')) as string[];
      expect(starts).toEqual(await chunkStarts(dir));
      expect(starts.length).toBe((await readdir(join(dir, 'index'))).length);
      expect([...starts].sort()).toEqual(starts);
      const files = await readdir(dir);
      expect(files).toContain('pagefind.js');
      expect(files).not.toContain('pagefind-ui.js');
      expect((await readdir(join(dir, 'fragment'))).length).toBe(hans.indexRecords);
    }
  }, 60_000);

  it('writes an empty chunk list for a script with no documents', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tiaowen-search-'));
    dirs.push(out);
    const hant = await buildSearchIndex({
      outDir: out,
      base: '/',
      documents: [],
      variant: 'hant',
      foldMap: { from: '', to: '' },
    });
    expect(hant.indexRecords).toBe(0);
    expect(JSON.parse(await readFile(join(hant.outputPath, CHUNKS_FILE), 'utf8'))).toEqual([]);
  }, 60_000);
});

describe('filters and defined terms on the index records', () => {
  const docs = () => {
    const d = [dunDocument(), tiaoDocument()];
    d[0]!.terms = [{ term: '全体会议', defines: 'art_12__para_1', source: 'glossary' }];
    return d;
  };

  it('gives every record its document’s type, status and region, with the collection’s facet keys', () => {
    const d = docs();
    const facets = documentFacets(d, 'hans');
    expect(facets.get('test-rules')).toEqual({
      type: 'normative-document',
      status: 'in-force',
      region: 'cn-sd',
      terms: ['全体会议'],
    });
    expect(facets.get('tiao')).toEqual({
      type: 'administrative-regulation',
      status: 'repealed',
      region: 'cn',
      terms: [],
    });
    const recs = indexRecords(
      d.flatMap((x, i) => buildRecords(x, { base: '/', variant: 'hans', docIndex: i })),
      (s) => s,
      facets,
    );
    for (const r of recs) {
      const slug = r.filters![FIELD.slug]![0]!;
      expect(r.filters![docFilter(slug)]).toEqual([slug]);
      const f = facets.get(slug)!;
      expect([r.filters![FILTER.type], r.filters![FILTER.status], r.filters![FILTER.region]]).toEqual([
        [f.type],
        [f.status],
        [f.region],
      ]);
    }
  });

  it('indexes the defined terms in the title record only, each its own run, and carries them for the client', () => {
    const d = docs();
    const facets = documentFacets(d, 'hans');
    const recs = indexRecords(
      d.flatMap((x, i) => buildRecords(x, { base: '/', variant: 'hans', docIndex: i })),
      (s) => s,
      facets,
    );
    const title = recs.find(
      (r) => r.filters!.k![0] === 'title' && r.filters![FIELD.slug]![0] === 'test-rules',
    )!;
    expect(JSON.parse(title.filters![FIELD.terms]![0]!)).toEqual(['全体会议']);
    expect(title.content.split(' ')).toEqual(expect.arrayContaining(['全体', '体会', '会议', '议']));
    // The term is a run of its own: no bigram joins the title's last character to the term.
    expect(title.content.split(' ')).not.toContain('则全');
    expect(recs.filter((r) => r.filters![FIELD.terms]).length).toBe(1);
  });
});
