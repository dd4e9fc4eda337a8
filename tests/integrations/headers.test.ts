import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHeaders, IMMUTABLE, REVALIDATE } from '../../src/integrations/headers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PAGE = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self'"></head><body></body></html>`;

/** A built site with `documents` document folders in both scripts, and the fixed files. */
function site(documents: number): string {
  const out = mkdtempSync(join(tmpdir(), 'tiaowen-headers-'));
  dirs.push(out);
  const files = [
    'index.html',
    '404.html',
    'sw.js',
    'manifest.webmanifest',
    'search/index.html',
    'zh-hant/index.html',
    'zh-hant/search/index.html',
    '_astro/app.0a1b2c3d.js',
    'pagefind/pagefind.js',
    'pagefind/index/zxx_1.pf_index',
    'pagefind/fragment/zxx_2.pf_fragment',
    'zh-hant/pagefind/index/zxx_3.pf_index',
  ];
  for (let i = 0; i < documents; i++)
    files.push(`doc-${i}/index.html`, `doc-${i}/art_1/index.html`, `zh-hant/doc-${i}/index.html`);
  for (const f of files) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    writeFileSync(join(out, f), f.endsWith('.html') ? PAGE : 'x');
  }
  return out;
}

/** path → Cache-Control of the rules of a _headers text. */
function cacheRules(text: string): Map<string, string | undefined> {
  const rules = new Map<string, string | undefined>();
  let path = '';
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.set((path = line.trim()), undefined);
    else if (/^\s*Cache-Control:/i.test(line)) rules.set(path, line.split(':')[1]!.trim());
  }
  return rules;
}

describe('buildHeaders', () => {
  it('gives a small collection a revalidate rule per page folder and immutable rules to hashed folders', () => {
    const { text, rules, warnings } = buildHeaders(site(3), '/');
    const cache = cacheRules(text);
    expect(warnings).toEqual([]);
    expect(cache.get('/doc-0/*')).toBe(REVALIDATE);
    expect(cache.get('/zh-hant/doc-2/*')).toBe(REVALIDATE);
    expect(cache.get('/_astro/*')).toBe(IMMUTABLE);
    expect(cache.get('/zh-hant/pagefind/index/*')).toBe(IMMUTABLE);
    expect(cache.get('/sw.js')).toBe(REVALIDATE);
    expect(cache.get('/*')).toBeUndefined();
    expect(rules).toBe(cache.size);
  });

  it('keeps a large collection within the 100 rules Cloudflare Pages reads: page folders take the host default', () => {
    const { text, rules, warnings } = buildHeaders(site(120), '/rules/');
    const cache = cacheRules(text);
    expect(warnings).toEqual([]);
    expect(rules).toBeLessThanOrEqual(100);
    expect(rules).toBe(cache.size);
    expect([...cache.keys()].some((p) => p.startsWith('/rules/doc-'))).toBe(false);
    // Hashed files and the fixed paths keep their rules.
    expect(cache.get('/rules/_astro/*')).toBe(IMMUTABLE);
    expect(cache.get('/rules/pagefind/fragment/*')).toBe(IMMUTABLE);
    for (const p of [
      '/rules/',
      '/rules/zh-hant/',
      '/rules/sw.js',
      '/rules/manifest.webmanifest',
      '/rules/404.html',
    ])
      expect(cache.get(p), p).toBe(REVALIDATE);
    expect(text).toMatch(/page folders get no rule/);
  });
});
