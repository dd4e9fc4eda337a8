/**
 * The offline manifests (src/offline/manifest.ts): files grouped per variant with revisions and
 * compressed sizes, article pages and the unused worker left out, the small/large mode from the
 * threshold, what each choice stands for, and the threshold setting.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  buildManifests,
  DEFAULT_THRESHOLD,
  entriesFor,
  entryBytes,
  modeFor,
  thresholdFromEnv,
  THRESHOLD_ENV,
} from '../../src/offline/manifest.ts';

let dir: string;
const FILES: Record<string, string> = {
  'index.html': 'home',
  '404.html': 'not found',
  'offline/index.html': 'offline',
  'search/index.html': 'search',
  'browse/index.html': 'browse',
  '_astro/a.123.css': 'css',
  'a-law/index.html': '<h1>a law</h1>'.repeat(50),
  'a-law/art_1/index.html': 'article one',
  'a-law/text.md': 'markdown',
  'a-law/data.json': '{}',
  'a-law/tiaowen-records.json': '[]',
  'a-law/v/2020/index.html': 'an earlier version',
  'b-rule/index.html': 'b rule',
  'b-rule/tiaowen-records.json': '[]',
  'pagefind/pagefind.js': 'js',
  'pagefind/pagefind-worker.js': 'worker',
  'pagefind/wasm.unknown.pagefind': 'wasm',
  'pagefind/pagefind-entry.json': '{}',
  'pagefind/pagefind.zxx_1.pf_meta': 'meta',
  'pagefind/tiaowen-fold.json': '{}',
  'pagefind/tiaowen-chunks.json': '[]',
  'pagefind/index/zxx_1.pf_index': 'chunk',
  'pagefind/fragment/zxx_1.pf_fragment': 'fragment',
  'zh-hant/index.html': 'home hant',
  'zh-hant/offline/index.html': 'offline hant',
  'zh-hant/a-law/index.html': 'a law hant',
  'zh-hant/a-law/tiaowen-records.json': '[]',
  'zh-hant/b-rule/index.html': 'no traditional text',
  'zh-hant/pagefind/pagefind.js': 'js',
  'zh-hant/pagefind/index/zxx_2.pf_index': 'chunk',
};
const documents = [
  { slug: 'a-law', title: '甲法', titleHant: '甲法（繁）', type: '法律', hasHant: true },
  { slug: 'b-rule', title: '乙规则', type: '规范性文件', hasHant: false },
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiaowen-manifest-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const urls = (entries: Array<[string, string, number]>) => entries.map((e) => e[0]);

describe('buildManifests', () => {
  test("groups each variant's files, leaving out article pages, downloads, the 404 page and the worker script", () => {
    const { hans, hant } = buildManifests({
      outDir: dir,
      base: '/rules/',
      documents,
      threshold: DEFAULT_THRESHOLD,
    });
    expect(urls(hans.shell).sort()).toEqual(['/rules/offline/', '/rules/search/']);
    expect(urls(hans.engine).sort()).toEqual([
      '/rules/pagefind/pagefind-entry.json',
      '/rules/pagefind/pagefind.js',
      '/rules/pagefind/pagefind.zxx_1.pf_meta',
      '/rules/pagefind/tiaowen-chunks.json',
      '/rules/pagefind/tiaowen-fold.json',
      '/rules/pagefind/wasm.unknown.pagefind',
    ]);
    expect(urls(hans.index).sort()).toEqual([
      '/rules/pagefind/fragment/zxx_1.pf_fragment',
      '/rules/pagefind/index/zxx_1.pf_index',
    ]);
    expect(urls(hans.pages).sort()).toEqual(['/rules/', '/rules/browse/']);
    expect(hans.documents.map((d) => [d.slug, d.title, d.type, urls(d.entries)])).toEqual([
      [
        'a-law',
        '甲法',
        '法律',
        ['/rules/a-law/', '/rules/a-law/v/2020/', '/rules/a-law/tiaowen-records.json'],
      ],
      ['b-rule', '乙规则', '规范性文件', ['/rules/b-rule/', '/rules/b-rule/tiaowen-records.json']],
    ]);
    // Traditional: only what is under zh-hant/; a document without traditional text is a plain page.
    expect(hant.documents.map((d) => [d.slug, d.title])).toEqual([['a-law', '甲法（繁）']]);
    expect(urls(hant.pages).sort()).toEqual(['/rules/zh-hant/', '/rules/zh-hant/b-rule/']);
    expect(urls(hant.engine)).toEqual(['/rules/zh-hant/pagefind/pagefind.js']);
  });

  test('sizes are gzip sizes; revisions follow the content; the version follows any change', () => {
    const first = buildManifests({ outDir: dir, base: '/', documents, threshold: DEFAULT_THRESHOLD });
    const page = first.hans.documents[0]!.entries[0]!;
    expect(page[2]).toBe(gzipSync(FILES['a-law/index.html']!).length);
    expect(first.hans.version).toBe(first.hant.version);
    writeFileSync(join(dir, 'zh-hant/a-law/index.html'), 'changed');
    const second = buildManifests({ outDir: dir, base: '/', documents, threshold: DEFAULT_THRESHOLD });
    expect(second.hans.documents[0]!.entries[0]![1]).toBe(page[1]);
    expect(second.hant.documents[0]!.entries[0]![1]).not.toBe(first.hant.documents[0]!.entries[0]![1]);
    expect(second.hans.version).not.toBe(first.hans.version);
    writeFileSync(join(dir, 'zh-hant/a-law/index.html'), FILES['zh-hant/a-law/index.html']!);
  });

  test('the mode: small up to the threshold, large past it, per variant', () => {
    const small = buildManifests({ outDir: dir, base: '/', documents, threshold: DEFAULT_THRESHOLD });
    const all = entryBytes(entriesFor(small.hans, 'all'));
    expect(small.hans.mode).toBe('small');
    expect(buildManifests({ outDir: dir, base: '/', documents, threshold: all }).hans.mode).toBe('small');
    expect(buildManifests({ outDir: dir, base: '/', documents, threshold: all - 1 }).hans.mode).toBe('large');
    expect(modeFor(10, 10)).toBe('small');
    expect(modeFor(11, 10)).toBe('large');
  });
});

describe('entriesFor', () => {
  test('all: shell, engine, whole index, pages and document pages, without the records; a document or a type: shell, engine and its files', () => {
    const { hans } = buildManifests({ outDir: dir, base: '/', documents, threshold: DEFAULT_THRESHOLD });
    const all = urls(entriesFor(hans, 'all'));
    expect(all).toContain('/pagefind/index/zxx_1.pf_index');
    expect(all).toContain('/a-law/');
    expect(all.filter((u) => u.endsWith('tiaowen-records.json'))).toEqual([]);
    const doc = urls(entriesFor(hans, 'doc:a-law'));
    expect(doc).toEqual([
      ...urls(hans.shell),
      ...urls(hans.engine),
      '/a-law/',
      '/a-law/v/2020/',
      '/a-law/tiaowen-records.json',
    ]);
    expect(urls(entriesFor(hans, 'type:规范性文件'))).toEqual([
      ...urls(hans.shell),
      ...urls(hans.engine),
      '/b-rule/',
      '/b-rule/tiaowen-records.json',
    ]);
    expect(urls(entriesFor(hans, 'doc:no-such'))).toEqual([...urls(hans.shell), ...urls(hans.engine)]);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('thresholdFromEnv', () => {
  test('bytes from TIAOWEN_OFFLINE_THRESHOLD, else the default; anything else is an error', () => {
    expect(thresholdFromEnv({})).toBe(DEFAULT_THRESHOLD);
    expect(thresholdFromEnv({ [THRESHOLD_ENV]: '' })).toBe(DEFAULT_THRESHOLD);
    expect(thresholdFromEnv({ [THRESHOLD_ENV]: '1' })).toBe(1);
    expect(thresholdFromEnv({ [THRESHOLD_ENV]: '1048576' })).toBe(1048576);
    expect(() => thresholdFromEnv({ [THRESHOLD_ENV]: '1MiB' })).toThrow(/whole number of bytes/);
    expect(() => thresholdFromEnv({ [THRESHOLD_ENV]: '-5' })).toThrow(/whole number/);
  });
});
