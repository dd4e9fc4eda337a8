import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, toCustomRecord } from '../../src/search/build-index.ts';
import { buildRecords } from '../../src/search/records.ts';
import { FOLD_FILE, INDEX_LANGUAGE, SORT_KEY } from '../../src/search/schema.ts';
import { dunDocument, tiaoDocument } from './fixture.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('toCustomRecord', () => {
  it('indexes the normalised, folded tokens of the text and the aliases', () => {
    const [, , art11] = buildRecords(dunDocument(), { base: '/', script: 'hans', docIndex: 0 });
    const rec = toCustomRecord(art11!, (s) => s.replace(/門/g, '门'));
    expect(rec.language).toBe(INDEX_LANGUAGE);
    expect(rec.content.startsWith('十一 一市 市政 政府')).toBe(true);
    expect(rec.content.endsWith('作 第十 十一 一条 条')).toBe(true);
    expect(rec.filters?.t).toEqual([art11!.text]);
    expect(rec.sort?.[SORT_KEY]).toBe('30000000002');
  });
});

describe('buildSearchIndex', () => {
  it('writes a Pagefind bundle per script with the fold map', async () => {
    const out = await mkdtemp(join(tmpdir(), 'tiaowen-search-'));
    dirs.push(out);
    const docs = [dunDocument(), tiaoDocument()];
    for (const d of docs) d.treeHant = structuredClone(d.tree);
    const foldMap = { from: '會議', to: '会议' };
    const hans = await buildSearchIndex({ outDir: out, base: '/', documents: docs, script: 'hans', foldMap });
    const hant = await buildSearchIndex({ outDir: out, base: '/', documents: docs, script: 'hant', foldMap });
    expect(hans.outputPath).toBe(join(out, 'pagefind/'));
    expect(hant.outputPath).toBe(join(out, 'zh-hant/pagefind/'));
    expect(hans.records).toBe(12);
    for (const dir of [hans.outputPath, hant.outputPath]) {
      const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8'));
      expect(Object.keys(entry.languages)).toEqual([INDEX_LANGUAGE]);
      expect(entry.languages[INDEX_LANGUAGE].page_count).toBe(12);
      expect(JSON.parse(await readFile(join(dir, FOLD_FILE), 'utf8'))).toEqual(foldMap);
      const files = await readdir(dir);
      expect(files).toContain('pagefind.js');
      expect(files).not.toContain('pagefind-ui.js');
      expect((await readdir(join(dir, 'fragment'))).length).toBe(12);
    }
  }, 60_000);
});
