/**
 * Offline reading, under a sub-path (/rules/): the web app manifest; the service worker
 * precaches every page and both search bundles, so after one visit the site reads and
 * searches with the network off; a new deployment is noticed and applied on 刷新; the
 * single-file download opens from file:// with no request; print hides the chrome.
 *
 * One Astro build (the real collection plus the test fixture, so there are several documents);
 * the "new deployment" is a copy of it with a changed page and a regenerated service worker,
 * swapped in behind the same server through a symlink.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import {
  buildFixtureSite,
  buildSite,
  DESKTOP,
  launchChromium,
  PHONE,
  serveSite,
  settle,
  type SiteServer,
} from './harness.ts';
import type { OfflineManifest } from '../../src/offline/choices.ts';
import { fixtureCollection } from './fixture.ts';
import { readCollection, type Collection } from '../../src/data/collection.ts';
import { writeServiceWorker } from '../../src/offline/service-worker.ts';
import type { KeepState } from '../../src/offline/keep-worker.ts';
import { normalizeText } from '../../src/search/normalize.ts';

const BASE = '/rules/';
const SCREENSHOTS = 'test-results/offline';
let work: string;
let siteA: string;
let siteB: string;
/** The served directory: a symlink to build A, later to build B. */
let served: string;
let site: SiteServer;
let browser: Browser;
let slugs: string[];
/** The first document: the real one when generated/collection.json exists. */
let slug: string;
let title: string;

/** Every file under `dir`, relative to it, with forward slashes. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tiaowen-offline-'));
  // The collection this run built (TIAOWEN_COLLECTION, as the build reads it), else the default.
  const real = process.env.TIAOWEN_COLLECTION || join('generated', 'collection.json');
  const documents = [
    // Read through the index: each entry's trees come from its artefact, so the file written below holds whole entries.
    ...(existsSync(real) ? readCollection(real).documents : []),
    ...fixtureCollection.documents,
  ];
  const collection = join(work, 'collection.json');
  writeFileSync(collection, JSON.stringify({ documents } satisfies Collection));
  slugs = documents.map((d) => d.meta.slug);
  slug = slugs[0]!;
  title = documents[0]!.meta.title;

  siteA = join(work, 'a');
  siteB = join(work, 'b');
  buildSite({ collection, outDir: siteA, env: { TIAOWEN_BASE: BASE } });
  // Build B: the same site with one document changed, and its service worker regenerated.
  cpSync(siteA, siteB, { recursive: true });
  const changed = join(siteB, slug, 'index.html');
  writeFileSync(
    changed,
    readFileSync(changed, 'utf8').replace(`<h1>${title}</h1>`, `<h1>${title}（新版）</h1>`),
  );
  await writeServiceWorker({ outDir: siteB, base: BASE });

  served = join(work, 'served');
  symlinkSync(siteA, served);
  site = await serveSite(served, BASE);
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh context; page errors fail the test. */
async function open(
  context?: BrowserContext,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const ctx = context ?? (await browser.newContext({ viewport: DESKTOP }));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context: ctx, page, errors };
}

/** Wait until the service worker is activated (so its precache is complete) and controls the page. */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const active = reg.active!;
    if (active.state !== 'activated') {
      await new Promise<void>((done) =>
        active.addEventListener('statechange', () => active.state === 'activated' && done()),
      );
    }
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
      );
    }
  });
}

/** Paths (below the base) in the Workbox precache. */
async function precached(page: Page): Promise<Set<string>> {
  const urls = await page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.includes('precache'));
    if (!name) return [];
    return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  });
  return new Set(urls.map((u) => u.slice(BASE.length)));
}

/** The keeping worker's state (src/offline/keep-worker.ts) for a site under `base`, or null before it saved one. */
async function keptState(page: Page, base: string): Promise<KeepState | null> {
  return page.evaluate(async (b) => {
    const name = (await caches.keys()).find((k) => k.startsWith('tiaowen-keep-'));
    if (!name) return null;
    const res = await (await caches.open(name)).match(new URL(`${b}tiaowen-kept.json`, location.href).href);
    return res ? ((await res.json()) as KeepState) : null;
  }, base);
}

/** Wait until the state satisfies `done` (the worker keeps in the background). */
const waitKept = (page: Page, done: (s: KeepState) => boolean) => waitKeptAt(page, BASE, done);
async function waitKeptAt(page: Page, base: string, done: (s: KeepState) => boolean): Promise<KeepState> {
  const until = Date.now() + 60_000;
  for (;;) {
    const s = await keptState(page, base);
    if (s && done(s)) return s;
    if (Date.now() > until)
      throw new Error(`the worker did not keep what was expected: ${JSON.stringify(s)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Paths (below the base) in the keeping worker's cache. */
const kept = (page: Page) => keptAt(page, BASE);
async function keptAt(page: Page, base: string): Promise<Set<string>> {
  const urls = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('tiaowen-keep-'));
    if (names.length !== 1) throw new Error(`keep caches: ${names.join(', ')}`);
    return (await (await caches.open(names[0]!)).keys()).map((r) => new URL(r.url).pathname);
  });
  return new Set(urls.map((u) => u.slice(base.length)).filter((u) => u !== 'tiaowen-kept.json'));
}

/** Compressed bytes (gzip, as a compressing host sends them) of the files behind requested paths. */
function downloaded(paths: readonly string[]): number {
  let sum = 0;
  for (const p of paths) {
    if (!p.startsWith(BASE)) continue;
    let file = join(siteA, decodeURIComponent(p.slice(BASE.length)));
    if (p.endsWith('/')) file = join(file, 'index.html');
    if (existsSync(file) && statSync(file).isFile()) sum += gzipSync(readFileSync(file)).length;
  }
  return sum;
}

/**
 * Search through the site's own search page of a variant (`''` or `zh-hant/`), with whatever
 * engine the site was built with: the number of results shown and the first one's text.
 */
async function search(page: Page, prefix: string, phrase: string): Promise<{ count: number; first: string }> {
  await page.goto(`${site.url}${prefix}search/?q=${encodeURIComponent(phrase)}`);
  const options = page.locator('[data-search-page] [role="option"]');
  await options.first().waitFor({ timeout: 20_000 });
  return { count: await options.count(), first: (await options.first().textContent()) ?? '' };
}

describe('installable', () => {
  test('the manifest starts at and is scoped to the base, with SVG and PNG icons', async () => {
    const { page } = await open();
    await page.goto(site.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`${BASE}manifest.webmanifest`);
    const res = await fetch(site.origin + href);
    expect(res.headers.get('content-type')).toContain('manifest+json');
    const manifest = (await res.json()) as {
      short_name: string;
      start_url: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.short_name).toBe('条文');
    expect([manifest.start_url, manifest.scope]).toEqual([BASE, BASE]);
    expect(manifest.icons.map((i) => i.type)).toEqual(expect.arrayContaining(['image/svg+xml', 'image/png']));
    for (const icon of manifest.icons) {
      const bytes = Buffer.from(await (await fetch(site.origin + icon.src)).arrayBuffer());
      if (icon.type === 'image/png') {
        // PNG IHDR: width and height at bytes 16 and 20.
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
      } else {
        expect(bytes.toString('utf8')).toContain('<svg');
      }
    }
    await page.context().close();
  });
});

describe('offline', () => {
  test("the first visit keeps only the reader's variant, within 1 MiB compressed; pages and search work with the network off", async () => {
    const { context, page, errors } = await open();
    const before = site.requests.length;
    await page.goto(`${site.url}${slug}/`);
    await serviceWorkerReady(page);
    await waitKept(page, (s) => Boolean(s.variants.hans?.choices.includes('all')));

    // Every page of the simplified variant but article pages, its whole search bundle (the
    // worker script aside), nothing of the traditional one, and no download.
    const cache = await kept(page);
    const built = files(siteA);
    const variantFiles = (prefix: string) =>
      built
        .filter(
          (f) =>
            (prefix ? f.startsWith(prefix) : !f.startsWith('zh-hant/')) &&
            f !== '404.html' &&
            !/\/art_[^/]+\/index\.html$/.test(f),
        )
        .filter(
          (f) =>
            f.endsWith('index.html') ||
            (/(^|\/)(?:pagefind|flat)\//.test(f) && !f.endsWith('pagefind-worker.js')),
        )
        .map((f) => f.replace(/index\.html$/, ''));
    const mustHave = variantFiles('');
    expect(mustHave.filter((f) => !cache.has(f))).toEqual([]);
    expect(mustHave.filter((f) => /(?:pagefind|flat)\//.test(f)).length).toBeGreaterThan(10);
    expect([...cache].filter((f) => f.startsWith('zh-hant/'))).toEqual([]);
    expect([...cache].filter((f) => /\/art_/.test(f) || /\.(md|html)$/.test(f))).toEqual([]);
    expect((await precached(page)).size).toBeGreaterThan(0);

    // What the first visit downloaded, compressed as a host would send it: at most 1 MiB.
    const bytes = downloaded(site.requests.slice(before));
    console.log(`offline: first visit of /${slug}/ downloaded ${(bytes / 1024).toFixed(1)} KiB compressed`);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(bytes).toBeGreaterThan(100 * 1024);

    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toBe(title);
    await expect(page.locator('[data-offline-badge]').isVisible()).resolves.toBe(true);
    await expect(page.locator('[data-offline-badge]').textContent()).resolves.toBe('离线');
    // The stylesheet came from the cache too.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('PingFang SC');

    // Another document, and a deep link into it.
    const other = slugs[slugs.length - 1]!;
    await page.goto(`${site.url}${other}/#art_1`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_1');

    // An article page (not kept): its document page, at the article.
    const article = built.find((f) => f.startsWith(`${slug}/art_`) && f.endsWith('/index.html'))!;
    const id = article.split('/')[1]!;
    await page.goto(site.url + article.replace(/index\.html$/, ''));
    expect(page.url()).toBe(`${site.url}${slug}/#${id}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);

    // Search (index chunks, wasm and fragments from the cache).
    await page.goto(site.url);
    const hans = await search(page, '', '政府工作');
    expect(hans.count).toBeGreaterThan(0);
    expect(hans.first).toMatch(/\S/);
    await page.goto(`${site.url}search/?q=${encodeURIComponent('常务会议')}`);
    const hit = page.locator('[data-search-page] [role="option"]').first();
    await hit.waitFor({ timeout: 20_000 });
    const href = (await hit.getAttribute('href'))!;
    expect(href).toContain('hl=');
    const response = await page.goto(new URL(href, page.url()).href);
    expect(response?.ok(), href).toBe(true);
    await expect(page.locator('main').textContent()).resolves.toMatch(/\S/);

    // A page that was never saved: the offline page, in Chinese, listing the documents.
    await page.goto(`${site.url}no-such-page/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('离线阅读');
    await expect(page.locator('[data-keep-offline]').isVisible()).resolves.toBe(true);
    expect(await page.locator('main li a').count()).toBeGreaterThanOrEqual(slugs.length);
    // Under /zh-hant/ (not kept), still the offline page rather than a browser error.
    await page.goto(`${site.url}zh-hant/no-such-page/`);
    await expect(page.locator('h1').textContent()).resolves.toMatch(/^離線閱讀|离线阅读$/);

    expect(errors).toEqual([]);
    await context.close();
  });

  test('switching to the traditional variant keeps it too; its pages and search then work offline', async () => {
    const { context, page, errors } = await open();
    await page.goto(`${site.url}${slug}/`);
    await serviceWorkerReady(page);
    await waitKept(page, (s) => Boolean(s.variants.hans?.choices.includes('all')));
    expect([...(await kept(page))].filter((f) => f.startsWith('zh-hant/'))).toEqual([]);

    const before = site.requests.length;
    await page.goto(`${site.url}zh-hant/${slug}/`);
    await waitKept(page, (s) => Boolean(s.variants.hant?.choices.includes('all')));
    const cache = await kept(page);
    const hant = files(siteA).filter(
      (f) =>
        f.startsWith('zh-hant/') &&
        ((f.endsWith('/index.html') && !/\/art_/.test(f)) ||
          /(?:pagefind|flat)\/(?!pagefind-worker)/.test(f)),
    );
    expect(hant.map((f) => f.replace(/index\.html$/, '')).filter((f) => !cache.has(f))).toEqual([]);
    console.log(
      `offline: switching to /zh-hant/ downloaded ${(downloaded(site.requests.slice(before)) / 1024).toFixed(1)} KiB compressed`,
    );

    await context.setOffline(true);
    await page.goto(`${site.url}zh-hant/${slugs[slugs.length - 1]}/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-Hant');
    await expect(page.locator('h1').textContent()).resolves.toMatch(/\S/);
    const found = await search(page, 'zh-hant/', '政府工作');
    expect(found.count).toBeGreaterThan(0);
    await page.goto(`${site.url}zh-hant/no-such-page/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('離線閱讀');
    const hantLinks = await page
      .locator('main li a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hantLinks.length).toBeGreaterThanOrEqual(1);
    for (const href of hantLinks) expect(href).toContain('/zh-hant/');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a new deployment is announced, and 刷新 brings it in', async () => {
    const { context, page, errors } = await open();
    try {
      await page.goto(`${site.url}${slug}/`);
      await serviceWorkerReady(page);
      await waitKept(page, (s) => Boolean(s.variants.hans?.choices.includes('all')));
      await expect(page.locator('[data-update-notice]').isVisible()).resolves.toBe(false);

      rmSync(served);
      symlinkSync(siteB, served);
      await page.reload();
      const notice = page.locator('[data-update-notice]');
      await notice.waitFor({ state: 'visible', timeout: 30_000 });
      await expect(notice.textContent()).resolves.toContain('有新版本，刷新后更新');
      // Until the reader agrees, the saved version stays.
      await expect(page.locator('h1').textContent()).resolves.toBe(title);
      await page.screenshot({ path: `${SCREENSHOTS}/update-notice.png` });

      await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: '刷新' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe(`${title}（新版）`);
      await expect(notice.isVisible()).resolves.toBe(false);
      // One keep cache, the new build's, holding the changed page; offline it is the new one.
      expect((await kept(page)).has(`${slug}/`)).toBe(true);
      await context.setOffline(true);
      await page.reload();
      await expect(page.locator('h1').textContent()).resolves.toBe(`${title}（新版）`);
      await context.setOffline(false);
      expect(errors).toEqual([]);
    } finally {
      rmSync(served);
      symlinkSync(siteA, served);
      await context.close();
    }
  });
});

describe('single-file download', () => {
  test('is linked from the page, opens from file:// with no other request, and keeps every anchor', async () => {
    const { context, page } = await open();
    await page.goto(`${site.url}${slug}/`);
    const link = page.getByRole('link', { name: '下载单文件版' });
    expect(await link.getAttribute('href')).toBe(`${BASE}${slug}/${slug}.html`);
    expect(await link.getAttribute('download')).not.toBeNull();
    const siteIds = await page
      .locator('.doc-body [id], .toc [id]')
      .evaluateAll((els) => els.map((e) => e.id));

    for (const prefix of ['', 'zh-hant/']) {
      const file = join(siteA, prefix, slug, `${slug}.html`);
      if (!prefix || existsSync(join(siteA, prefix, slug, 'index.html')))
        expect(existsSync(file), file).toBe(true);
      if (!existsSync(file)) continue;
      const fileContext = await browser.newContext({ viewport: DESKTOP });
      const requests: string[] = [];
      fileContext.on('request', (r) => requests.push(r.url()));
      const local = await fileContext.newPage();
      const url = pathToFileURL(file).href;
      await local.goto(`${url}#art_1`, { waitUntil: 'load' });
      await settle(local, 200);
      expect(requests).toEqual([url]);
      expect(await local.evaluate(() => document.scripts.length)).toBe(0);
      expect(await local.evaluate(() => document.querySelector(':target')?.id)).toBe('art_1');
      // Styled (inline CSS), with the contents and every anchor of the site page.
      expect(await local.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('PingFang SC');
      const { ids, missing } = await local.evaluate(() => ({
        ids: [...document.querySelectorAll('.doc-body [id], .toc [id]')].map((e) => e.id),
        missing: [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
          .map((a) => a.getAttribute('href')!.slice(1))
          .filter((id) => id && !document.getElementById(id)),
      }));
      if (!prefix) expect(ids).toEqual(siteIds);
      expect(ids.length).toBeGreaterThan(50);
      expect(missing).toEqual([]);
      await fileContext.close();
    }
    await context.close();
  });
});

describe('print', () => {
  test('paper shows the text, the title and the address, without navigation or controls', async () => {
    const { context, page } = await open();
    const url = `${site.url}${slug}/`;
    await page.goto(url);
    await page.emulateMedia({ media: 'print' });
    const visible = (selector: string) =>
      page
        .locator(selector)
        .evaluateAll(
          (els) =>
            els.filter(
              (e) =>
                (e as HTMLElement).offsetParent !== null ||
                (getComputedStyle(e).position === 'fixed' && getComputedStyle(e).display !== 'none'),
            ).length,
        );
    for (const selector of [
      '.site-header',
      '.toc',
      'nav',
      'button',
      'input',
      '.skip-link',
      '[data-prefs]',
      '[data-update-notice]',
      '[data-site-only]',
    ]) {
      expect(await visible(selector), selector).toBe(0);
    }
    await expect(page.locator('.print-head').isVisible()).resolves.toBe(true);
    await expect(page.locator('.print-url').textContent()).resolves.toBe(url);
    await expect(page.locator('.print-title').textContent()).resolves.toContain(title);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('#art_1').isVisible()).resolves.toBe(true);
    const [afterHeading, body] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.chapter > h2') ?? document.querySelector('h1')!).breakAfter,
      getComputedStyle(document.body).backgroundColor,
    ]);
    expect(afterHeading).toBe('avoid');
    expect(body).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: `${SCREENSHOTS}/print.png` });
    await page.pdf({ path: `${SCREENSHOTS}/print.pdf`, format: 'A4' });
    await context.close();
  });
});

/**
 * A large collection: tests/fixtures/collection built with TIAOWEN_OFFLINE_THRESHOLD=1, so no
 * variant is small. The first visit keeps the opened page and the search engine; the offline
 * page shows each choice's size; a kept document reads and searches offline, one not kept does not.
 */
describe('large collection', () => {
  let largeWork: string;
  let largeDir: string;
  let large: SiteServer;
  beforeAll(async () => {
    ({ work: largeWork, siteDir: largeDir } = buildFixtureSite('tests/fixtures/collection', 'offline-large', {
      TIAOWEN_OFFLINE_THRESHOLD: '1',
    }));
    large = await serveSite(largeDir);
  }, 360_000);
  afterAll(async () => {
    await large?.close();
    if (largeWork) rmSync(largeWork, { recursive: true, force: true });
  });

  const PREFIX = { hans: '', hant: 'zh-hant/' } as const;
  const manifestOf = (v: 'hans' | 'hant') =>
    JSON.parse(readFileSync(join(largeDir, PREFIX[v], 'tiaowen-offline.json'), 'utf8')) as OfflineManifest;
  /** Normalised text of every record of a document, in a variant. */
  const texts = (v: 'hans' | 'hant', docSlug: string) =>
    (
      JSON.parse(readFileSync(join(largeDir, PREFIX[v], docSlug, 'tiaowen-records.json'), 'utf8')) as Array<{
        filters: Record<string, string[]>;
      }>
    ).flatMap((r) => (JSON.parse(r.filters.p![0]!) as Array<[string, string, string]>).map((p) => p[2]));
  /** A stretch of `of`'s text (`length` characters) found in no record of the documents `not`. */
  function phrase(v: 'hans' | 'hant', of: string, not: string[], length = 8): string {
    const others = not
      .flatMap((d) => texts(v, d))
      .map((t) => normalizeText(t))
      .join('\n');
    for (const text of texts(v, of)) {
      for (let i = 0; i + length <= text.length; i++) {
        const s = text.slice(i, i + length);
        const n = normalizeText(s);
        if (Array.from(n).length >= 6 && !others.includes(n)) return s;
      }
    }
    throw new Error(`no phrase of ${of} outside ${not.join(', ')}`);
  }

  /** Run the site's search page offline; the result count and the documents found. */
  async function siteSearch(
    page: Page,
    prefix: string,
    query: string,
  ): Promise<{ count: number; slugs: string[] }> {
    await page.goto(`${large.url}${prefix}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      () => /找到/.test(document.querySelector('[data-search-live]')?.textContent ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    const hrefs = await page
      .locator('[data-search-page] [role="option"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    return {
      count: hrefs.length,
      slugs: [...new Set(hrefs.map((h) => h.replace(/^\/(zh-hant\/)?/, '').split('/')[0]!))],
    };
  }

  test('the build says large for both variants, with sizes', () => {
    for (const v of ['hans', 'hant'] as const) {
      const m = manifestOf(v);
      expect(m.mode).toBe('large');
      expect(m.threshold).toBe(1);
      expect(m.documents.length).toBeGreaterThanOrEqual(5);
      for (const d of m.documents) expect(d.entries.every((e) => e[2] > 0)).toBe(true);
    }
  });

  describe.each(['hans', 'hant'] as const)('%s', (v) => {
    const prefix = PREFIX[v];
    test('first visit keeps the opened page and the search engine; a kept document reads and searches offline, others do not', async () => {
      const m = manifestOf(v);
      const [opened, keptDoc, notKept] = [m.documents[0]!, m.documents[1]!, m.documents[2]!];
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));

      await page.goto(`${large.url}${prefix}${opened.slug}/`);
      await serviceWorkerReady(page);
      const openedUrl = `/${prefix}${opened.slug}/`;
      await waitKeptAt(page, '/', (s) => Boolean(s.variants[v]?.opened.includes(openedUrl)));
      const first = await keptAt(page, '/');
      const expected = new Set(
        [...m.shell, ...m.engine]
          .map((e) => e[0])
          .concat(openedUrl)
          .map((u) => u.slice(1)),
      );
      expect([...first].sort()).toEqual([...expected].sort());
      expect(
        [...first].filter((f) => /pagefind\/(index|fragment)\/|flat\/[0-9a-f]+\/[sp]\//.test(f)),
      ).toEqual([]);

      // The offline page: every choice with a size, before anything is downloaded.
      await page.goto(`${large.url}${prefix}offline/`);
      const row = page.locator(`[data-choice="doc:${keptDoc.slug}"]`);
      await row.locator('[data-keep-button]').waitFor({ state: 'visible' });
      const sizes = await page.locator('[data-choice] [data-size]').allTextContents();
      expect(sizes.length).toBe(1 + new Set(m.documents.map((d) => d.type)).size + m.documents.length);
      for (const size of sizes) expect(size).toMatch(/^\d+(\.\d)? [KM]B$/);
      const keep = '保存';
      await expect(row.locator('[data-keep-button]').textContent()).resolves.toBe(keep);
      await page.screenshot({ path: `${SCREENSHOTS}/keep-${v}-phone.png`, fullPage: true });

      await row.locator('[data-keep-button]').tap();
      await expect
        .poll(() => row.locator('[data-keep-button]').textContent(), { timeout: 30_000 })
        .toBe('已保存');
      expect(await row.locator('[data-keep-button]').isDisabled()).toBe(true);
      const after = await keptAt(page, '/');
      for (const [url] of keptDoc.entries) expect(after.has(url.slice(1)), url).toBe(true);
      expect(
        [...after].filter((f) => f.includes(`/${notKept.slug}/`) || f.startsWith(`${notKept.slug}/`)),
      ).toEqual([]);

      // Offline: the kept document reads; the one not kept gets the offline page.
      await context.setOffline(true);
      await page.goto(`${large.url}${prefix}${keptDoc.slug}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(keptDoc.title);
      await page.goto(`${large.url}${prefix}${notKept.slug}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(v === 'hant' ? '離線閱讀' : '离线阅读');

      // Offline search covers the kept document, and only it.
      const inKept = phrase(
        v,
        keptDoc.slug,
        m.documents.filter((d) => d !== keptDoc).map((d) => d.slug),
      );
      const found = await siteSearch(page, prefix, inKept);
      expect(found.count, inKept).toBeGreaterThan(0);
      expect(found.slugs).toEqual([keptDoc.slug]);
      const inOther = phrase(v, notKept.slug, [keptDoc.slug]);
      const missing = await siteSearch(page, prefix, inOther);
      expect(missing.count, inOther).toBe(0);

      expect(errors).toEqual([]);
      await context.close();
    });
  });

  test('the offline page passes axe, light and dark, phone and desktop, both variants; screenshots', async () => {
    const found: string[] = [];
    for (const v of ['hans', 'hant'] as const) {
      for (const [name, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        await page.goto(`${large.url}${PREFIX[v]}offline/`);
        await serviceWorkerReady(page);
        await page.reload();
        await page.locator('[data-keep-button]').first().waitFor({ state: 'visible' });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const { violations } = await new AxeBuilder({ page })
            .options({ resultTypes: ['violations'] })
            .analyze();
          for (const x of violations)
            found.push(
              `${v} ${name} ${colorScheme}: [${x.id}] ${x.help}: ${x.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
            );
          await page.screenshot({
            path: `${SCREENSHOTS}/keep-${v}-${name}-${colorScheme}.png`,
            fullPage: true,
          });
        }
        await context.close();
      }
    }
    expect(found).toEqual([]);
  });
});
