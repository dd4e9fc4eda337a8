/**
 * Untrusted text: a document whose title, metadata and provisions contain markup
 * (`<script>alert(1)</script>`, `<img src=x onerror=alert(1)>`, `&amp;`, `<b>`) is built
 * into a site of its own, and everywhere it appears — document and article pages in both
 * scripts, the home page, search excerpts, reference previews, meta/Open Graph tags, JSON-LD,
 * the single-file download, data.json and text.md — it is text: no dialog, no injected
 * element, the literal characters on screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite, DESKTOP, launchChromium, serveSite, type SiteServer } from './harness.ts';
import { pageTypes, singleFiles } from './built-site.ts';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const AMP = '&amp;';
const SLUG = 'untrusted-text';

const META = `title: "示例${SCRIPT}办法 ${AMP} ${IMG}"
slug: ${SLUG}
authority: "示例${IMG}机关"
docType: "规章${SCRIPT}"
documentNumber: "示例令第1号 ${AMP} <b>粗体</b>"
jurisdiction: CN-SD
status: in-force
dates: { issued: 2026-01-05 }
supersedes:
  - { title: "旧办法${SCRIPT}", issued: 2001-03-01 }
source:
  description: "测试${SCRIPT}来源 ${AMP} ${IMG}"
citeArticlesAs: tiao
`;
const SOURCE = `第一章　总则${SCRIPT}
第一条　为了检验${SCRIPT}的显示，制定本办法。
第二条　恶意文本${IMG}不得执行，${AMP}应当原样显示。
第三条　违反本办法第一条规定的，依照本办法第二条处理。
`;

let work: string;
let site: SiteServer;
let browser: Browser;
let outDir: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tiaowen-untrusted-'));
  const content = join(work, 'content');
  mkdirSync(join(content, SLUG), { recursive: true });
  writeFileSync(join(content, SLUG, 'meta.yaml'), META);
  writeFileSync(join(content, SLUG, 'source.txt'), SOURCE);
  copyFileSync(join('content', 'conversion-overrides.yaml'), join(content, 'conversion-overrides.yaml'));
  const collection = join(work, 'collection.json');
  outDir = join(work, 'site');
  buildSite({ content, collection, outDir });
  site = await serveSite(outDir);
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

async function open(path: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(site.url + path);
  await page.waitForLoadState('networkidle');
  return { page, dialogs, errors };
}

/** Elements the markup would have made, had it been parsed as HTML. */
function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const img of document.querySelectorAll('img'))
      if (img.getAttribute('src') === 'x' || img.hasAttribute('onerror')) found.push(img.outerHTML);
    for (const s of document.querySelectorAll('script'))
      if (/alert\(1\)/.test(s.textContent ?? '') && s.type !== 'application/ld+json') found.push(s.outerHTML);
    for (const b of document.querySelectorAll('b'))
      if (b.textContent === '粗体' || b.textContent === '粗體') found.push(b.outerHTML);
    for (const el of document.querySelectorAll('[onerror]')) found.push(el.outerHTML.slice(0, 80));
    return found;
  });
}

const text = (page: Page) => page.evaluate(() => document.body.innerText);

describe('untrusted text renders as text', () => {
  test('on every page of the site, both scripts', async () => {
    const types = pageTypes(outDir);
    expect(types.map((t) => t.type)).toEqual(expect.arrayContaining(['home', 'document']));
    for (const t of types) {
      const { page, dialogs, errors } = await open(t.path);
      expect(dialogs, `${t.path}: dialogs`).toEqual([]);
      expect(await injected(page), `${t.path}: injected elements`).toEqual([]);
      expect(errors, `${t.path}: page errors`).toEqual([]);
      const body = await text(page);
      if (t.type === 'home' || t.type === 'document') {
        expect(body, `${t.path} shows the title as written`).toContain(SCRIPT);
        expect(body).toContain(IMG);
        expect(body).toContain(AMP);
      }
      if (t.type === 'document') {
        expect(body).toContain(t.variant === 'hant' ? '惡意文本' : '恶意文本');
        expect(body).toContain('<b>');
      }
      // Head: description, Open Graph and Twitter tags carry the literal text, and JSON-LD parses.
      const head = await page.evaluate(() => ({
        metas: [...document.head.querySelectorAll('meta[content]')].map(
          (m) => m.getAttribute('content') ?? '',
        ),
        title: document.title,
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
          (s) => s.textContent ?? '',
        ),
      }));
      if (t.type === 'document') {
        expect(head.title).toContain(SCRIPT);
        expect(
          head.metas.some((m) => m.includes(SCRIPT) || m.includes(IMG)),
          `${t.path}: meta tags carry the literal text`,
        ).toBe(true);
        for (const ld of head.jsonLd) {
          const data: unknown = JSON.parse(ld); // a `</script>` in the text would have cut it short
          expect(JSON.stringify(data)).toContain(JSON.stringify(SCRIPT).slice(1, -1));
        }
      }
      await page.context().close();
    }
  }, 300_000);

  test('the article page of each provision', async () => {
    const articles = pageTypes(outDir).filter((t) => t.type.startsWith('document/'));
    for (const path of articles.length ? [`${SLUG}/art_1/`, `${SLUG}/art_2/`] : []) {
      const { page, dialogs } = await open(path);
      expect(dialogs).toEqual([]);
      expect(await injected(page)).toEqual([]);
      expect(await text(page)).toContain(path.includes('art_1') ? SCRIPT : IMG);
      await page.context().close();
    }
  }, 180_000);

  test('search excerpts', async () => {
    for (const [path, query] of [
      ['', '恶意文本'],
      ['zh-hant/', '惡意文本'],
    ] as const) {
      const { page, dialogs } = await open(path);
      const input = page.locator('input[type="search"]').first();
      await input.fill(query);
      const option = page.locator('[role="option"]', { hasText: query }).first();
      await option.waitFor({ timeout: 20_000 });
      expect(await option.innerText()).toContain(IMG);
      // The title hit shows the title as text too.
      await input.fill('示例');
      await page.locator('[role="option"]').first().waitFor({ timeout: 20_000 });
      expect(await injected(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.context().close();
    }
  }, 180_000);

  test('reference previews', async () => {
    const { page, dialogs } = await open(`${SLUG}/`);
    const refs = page.locator('a[data-ref]');
    const n = await refs.count();
    expect(n, 'the document has references').toBeGreaterThan(0);
    let shown = 0;
    for (let i = 0; i < n; i++) {
      await refs.nth(i).focus();
      const card = page.locator('.ref-card:not([hidden])');
      if (await card.count()) {
        shown++;
        expect(await injected(page)).toEqual([]);
      }
    }
    expect(shown, 'some preview opened').toBeGreaterThan(0);
    // The reference to 第一条 previews its text, markup and all, as text.
    const first = page.locator('a[data-ref][href$="#art_1"]').first();
    if (await first.count()) {
      await first.focus();
      await expect(page.locator('.ref-card').innerText()).resolves.toContain(SCRIPT);
    }
    expect(dialogs).toEqual([]);
    await page.context().close();
  }, 180_000);

  test('the single-file download', async () => {
    const files = singleFiles(outDir);
    for (const file of files) {
      const { page, dialogs } = await open(file);
      expect(dialogs).toEqual([]);
      expect(await injected(page)).toEqual([]);
      const body = await text(page);
      expect(body).toContain(SCRIPT);
      expect(body).toContain(IMG);
      await page.context().close();
    }
  }, 180_000);

  test('data.json and text.md', async () => {
    const data = await (await fetch(`${site.url}${SLUG}/data.json`)).text();
    const json = JSON.stringify(JSON.parse(data));
    for (const s of [SCRIPT, IMG, AMP]) expect(json).toContain(JSON.stringify(s).slice(1, -1));
    const md = await (await fetch(`${site.url}${SLUG}/text.md`)).text();
    // Markdown passes raw HTML through to whoever renders it: the markup must be escaped.
    expect(md, 'no raw <script> in text.md').not.toMatch(/(^|[^\\])<script/i);
    expect(md, 'no raw <img> in text.md').not.toMatch(/(^|[^\\])<img/i);
    expect(md).toMatch(/alert\(1\)/);
  });
});
