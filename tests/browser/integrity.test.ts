/**
 * The built site as files (no browser): every internal link and fragment of every HTML file
 * resolves, ids are unique, the HTML validates (html-validate, .htmlvalidate.json), every
 * inline script is allowed by its page's Content-Security-Policy, and _headers carries the
 * policy, the security headers and the caching rules.
 */
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { BUILT_SITE } from './harness.ts';
import {
  builtBase,
  nearest,
  pageTypes,
  readSitePage,
  singleFiles,
  siteFiles,
  sitePages,
  type PageFacts,
} from './built-site.ts';
import { cspHash, parsePolicy } from '../../src/security/csp.ts';

const SITE = BUILT_SITE;
const BASE = builtBase(SITE);

const files = siteFiles(SITE);
const fileSet = new Set(files);
const pages = sitePages(SITE);
const downloads = singleFiles(SITE);
const html = [...pages, ...downloads];
const facts = new Map<string, PageFacts>(html.map((f) => [f, readSitePage(SITE, f)]));

const decode = (s: string) =>
  s.replace(
    /&(amp|quot|#39|apos|lt|gt);/g,
    (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e]!,
  );

/** The built file a site path names (path below the origin), or undefined. */
function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(BASE)) return undefined;
  let rel = decodeURIComponent(pathname.slice(BASE.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  if (fileSet.has(rel)) return rel;
  if (
    existsSync(join(SITE, rel)) &&
    statSync(join(SITE, rel)).isDirectory() &&
    fileSet.has(`${rel}/index.html`)
  )
    return `${rel}/index.html`;
  return undefined;
}

/** The URL a page file is served at. */
const pageUrl = (file: string) =>
  new URL(BASE + (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1')), 'http://site.test');

describe('built site', () => {
  test('there is a built site with pages of several types', () => {
    expect(pages.length, `no pages in ${SITE}: run "npm run build" first`).toBeGreaterThan(0);
    const types = pageTypes(SITE).map((p) => `${p.variant} ${p.type}`);
    expect(types).toContain('hans home');
    expect(types).toContain('hans document');
  });

  test('every internal link and fragment resolves', () => {
    const broken: string[] = [];
    for (const file of html) {
      const from = pageUrl(file);
      // A single-file download is opened from disk: its links must be fragments or absolute.
      const isDownload = downloads.includes(file);
      for (const { attr, value, tag, rel } of facts.get(file)!.links) {
        const raw = decode(value).trim();
        if (/^(?:mailto|tel|data):/i.test(raw)) continue;
        if (/^javascript:/i.test(raw)) {
          broken.push(`${file}: <${tag} ${attr}="${raw}"> (javascript: URL)`);
          continue;
        }
        let url: URL;
        try {
          url = new URL(raw, from);
        } catch {
          broken.push(`${file}: <${tag} ${attr}="${raw}"> is not a URL`);
          continue;
        }
        if (url.origin !== from.origin) continue; // external (or the configured site origin)
        if (rel && /\b(?:canonical|alternate)\b/.test(rel) && /^[a-z]+:/i.test(raw)) continue;
        if (isDownload && !raw.startsWith('#')) continue; // checked by the single-file tests
        const target = url.pathname === from.pathname && raw.startsWith('#') ? file : fileFor(url.pathname);
        if (!target) {
          broken.push(`${file}: <${tag} ${attr}="${raw}"> → ${url.pathname} is not in the build`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (!fragment || fragment === 'top' || !target.endsWith('.html')) continue;
        const ids = facts.get(target)?.ids ?? [];
        if (!ids.includes(fragment)) {
          broken.push(
            `${file}: <${tag} ${attr}="${raw}"> → no id "${fragment}" in ${target}; nearest: ${nearest(fragment, ids).join(', ')}`,
          );
        }
      }
    }
    expect([...new Set(broken)].slice(0, 40), `${broken.length} broken link(s)`).toEqual([]);
  });

  test('no page has duplicate ids', () => {
    const dupes: string[] = [];
    for (const file of html) {
      const seen = new Set<string>();
      for (const id of facts.get(file)!.ids) {
        if (seen.has(id)) dupes.push(`${file}: #${id}`);
        seen.add(id);
      }
    }
    expect(dupes.slice(0, 40), `${dupes.length} duplicate id(s)`).toEqual([]);
  });

  test('every page validates (html-validate, .htmlvalidate.json)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const failed: string[] = [];
    // Every page type in full, and every page of the site: pages of one type share a template,
    // but their content (references, labels, ids) differs.
    for (const file of html) {
      const report = await validator.validateFile(join(SITE, file));
      if (!report.valid) failed.push(formatterFactory('text')(report.results));
    }
    expect(failed.slice(0, 5).join('\n'), `${failed.length} page(s) fail html-validate`).toBe('');
  }, 600_000);

  test('every page carries a Content-Security-Policy that allows its inline scripts and no inline script at large', () => {
    const problems: string[] = [];
    for (const file of pages) {
      const { csp, inlineScripts } = facts.get(file)!;
      if (!csp) {
        problems.push(`${file}: no <meta http-equiv="content-security-policy">`);
        continue;
      }
      const policy = parsePolicy(csp);
      const scripts = policy.get('script-src') ?? [];
      if (scripts.includes("'unsafe-inline'") || scripts.includes("'unsafe-eval'"))
        problems.push(`${file}: script-src allows ${scripts.join(' ')}`);
      if (!scripts.includes("'wasm-unsafe-eval'"))
        problems.push(`${file}: script-src lacks 'wasm-unsafe-eval' (search runs WebAssembly)`);
      if ((policy.get('style-src') ?? []).includes("'unsafe-inline'"))
        problems.push(`${file}: style-src allows 'unsafe-inline'`);
      if (!(policy.get('worker-src') ?? []).includes("'self'"))
        problems.push(`${file}: worker-src lacks 'self'`);
      if (policy.has('frame-ancestors'))
        problems.push(`${file}: frame-ancestors in a <meta> is ignored (and logged); it belongs in _headers`);
      for (const code of inlineScripts) {
        if (!scripts.includes(`'${cspHash(code)}'`))
          problems.push(
            `${file}: inline script not in script-src ('${cspHash(code)}'): ${code.slice(0, 80)}…`,
          );
      }
    }
    expect(problems.slice(0, 30), `${problems.length} problem(s)`).toEqual([]);
  });

  test('_headers: the same policy plus frame-ancestors, security headers, caching', () => {
    const path = join(SITE, '_headers');
    expect(existsSync(path), '_headers is written by the build').toBe(true);
    const rules = new Map<string, Map<string, string>>();
    let current: Map<string, string> | undefined;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (!/^\s/.test(line)) rules.set(line.trim(), (current = new Map()));
      else {
        const at = line.indexOf(':');
        current!.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
      }
    }
    const all = rules.get(`${BASE}*`);
    expect(all, `a ${BASE}* rule`).toBeDefined();
    expect(all!.get('x-content-type-options')).toBe('nosniff');
    expect(all!.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(all!.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(
      all!.has('cache-control'),
      'no Cache-Control on the catch-all (hosts merge duplicate headers)',
    ).toBe(false);
    const header = parsePolicy(all!.get('content-security-policy') ?? '');
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    // The header never blocks what a page's own policy allows (downloads opened from the site too).
    for (const file of html) {
      const meta = parsePolicy(facts.get(file)!.csp ?? '');
      for (const [name, sources] of meta) {
        const allowed = sources.filter((s) => s !== "'none'");
        expect(header.get(name) ?? [], `${name} of ${file} in the header`).toEqual(
          expect.arrayContaining(allowed),
        );
      }
    }
    // 'none' beside other sources is ignored (and logged by Chromium).
    for (const [name, sources] of header)
      expect(sources.length === 1 || !sources.includes("'none'"), `${name}: ${sources.join(' ')}`).toBe(true);
    // Caching: hashed assets immutable, the rest revalidated; no path gets both.
    const cacheOf = (pathname: string) => {
      const matching = [...rules].filter(
        ([p, h]) =>
          h.has('cache-control') && (p.endsWith('*') ? pathname.startsWith(p.slice(0, -1)) : pathname === p),
      );
      return matching.map(([, h]) => h.get('cache-control')!);
    };
    const immutable = (p: string) => expect(cacheOf(p), p).toEqual(['public, max-age=31536000, immutable']);
    const revalidated = (p: string) => expect(cacheOf(p), p).toEqual(['no-cache']);
    const astroAsset = files.find((f) => f.startsWith('_astro/'));
    if (astroAsset) immutable(BASE + astroAsset);
    const fragment = files.find((f) => /^pagefind\/fragment\/|^flat\/[0-9a-f]+\/p\//.test(f));
    expect(fragment, 'a file of the search index').toBeDefined();
    immutable(BASE + fragment!);
    // The flat index's manifest names the build folder: revalidated by the host's default.
    if (fileSet.has('flat/manifest.json')) expect(cacheOf(`${BASE}flat/manifest.json`)).toEqual([]);
    for (const page of pages) revalidated(BASE + page.replace(/(^|\/)index\.html$/, '$1'));
    for (const f of ['sw.js', 'manifest.webmanifest']) if (fileSet.has(f)) revalidated(BASE + f);
  });

  test('search index files are named by content hashes (so immutable caching is safe)', () => {
    // The flat index: every file but manifest.json is below the hash of the whole index, which
    // the manifest names (src/search/flat/build.ts).
    for (const dir of ['flat/', 'zh-hant/flat/']) {
      if (!fileSet.has(`${dir}manifest.json`)) continue;
      const { build } = JSON.parse(readFileSync(join(SITE, `${dir}manifest.json`), 'utf8')) as {
        build: string;
      };
      expect(build).toMatch(/^[0-9a-f]{12}$/);
      const hash = createHash('sha256');
      const inside = files.filter((f) => f.startsWith(dir) && f !== `${dir}manifest.json`).sort();
      expect(inside.length).toBeGreaterThan(2);
      for (const f of inside) expect(f.startsWith(`${dir}${build}/`), f).toBe(true);
      // Recomputed from the files as written, in path order (path, NUL, bytes), as the builder does.
      const bodies = inside.map(
        (f) => [f.slice(`${dir}${build}/`.length), readFileSync(join(SITE, f))] as const,
      );
      for (const [path, body] of bodies.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        hash.update(path).update('\0').update(body);
      expect(hash.digest('hex').slice(0, 12)).toBe(build);
    }
    // Pagefind (TIAOWEN_SEARCH_ENGINE=pagefind): same name ⇒ same bytes, across both bundles;
    // and the names carry the hash of the content.
    const chunks = files.filter((f) => /pagefind\/(?:fragment|index)\/[^/]+\.pf_(?:fragment|index)$/.test(f));
    expect(chunks.length + files.filter((f) => f.startsWith('flat/')).length).toBeGreaterThan(0);
    const byName = new Map<string, Buffer>();
    for (const f of chunks) {
      const name = f.split('/').slice(-2).join('/');
      const bytes = readFileSync(join(SITE, f));
      const had = byName.get(name);
      if (had) expect(had.equals(bytes), `${name} differs between bundles`).toBe(true);
      byName.set(name, bytes);
      expect(name).toMatch(/_[0-9a-f]{7,}\.pf_/);
    }
  });
});
