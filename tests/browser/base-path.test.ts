/**
 * The site built under a sub-path (TIAOWEN_BASE=/rules/) from the test fixture collection:
 * every link, stylesheet and script resolves there, the fixture's 第X条 labels, sections,
 * sub-items, references and statuses render, and search (the interface, the bundle and every
 * result link) stays under the base.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildSite, DESKTOP, launchChromium, serveSite, type SiteServer } from './harness.ts';
import { fixtureCollection } from './fixture.ts';

/** Poll with room for the first search to load Pagefind on a busy machine. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const BASE = '/rules/';
/** The public origin the site is built for: canonical and hreflang links are absolute under it. */
const SITE = 'https://rules.example.org';
let work: string;
let site: SiteServer;
let browser: Browser;
const failures: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tiaowen-base-'));
  const collection = join(work, 'collection.json');
  writeFileSync(collection, JSON.stringify(fixtureCollection));
  buildSite({ collection, outDir: join(work, 'site'), env: { TIAOWEN_BASE: BASE, TIAOWEN_SITE: SITE } });
  site = await serveSite(join(work, 'site'), BASE);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh page whose failed requests (and, with `pageErrors`, uncaught errors) go to `failures`. */
async function open({ pageErrors = false } = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  if (pageErrors) page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  return page;
}

describe('under /rules/', () => {
  test('canonical, hreflang and og:url are absolute addresses under TIAOWEN_SITE and the base', async () => {
    const page = await open();
    await page.goto(`${site.url}example-registration-measures/`);
    const links = await page.evaluate(() => ({
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
      alternates: Object.fromEntries(
        [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [
          l.getAttribute('hreflang'),
          l.getAttribute('href'),
        ]),
      ),
    }));
    const doc = `${SITE}${BASE}example-registration-measures/`;
    expect(links).toEqual({
      canonical: doc,
      ogUrl: doc,
      alternates: {
        'zh-Hans': doc,
        'zh-Hant': `${SITE}${BASE}zh-hant/example-registration-measures/`,
        'x-default': doc,
      },
    });
  });

  test('every link and asset on every page stays under the base and resolves', async () => {
    const page = await open();
    await page.goto(site.url);
    const docLinks = await page
      .locator('.doc-card h2 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(docLinks).toEqual(['/rules/example-registration-measures/', '/rules/example-old-measures/']);
    for (const path of ['', ...docLinks.map((l) => l.slice(BASE.length))]) {
      await page.goto(site.url + path, { waitUntil: 'networkidle' });
      const urls = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('a[href], link[href], script[src]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src')!)
          .filter((u) => !u.startsWith('#') && !/^[a-z]+:/.test(u)),
      );
      expect(
        urls.filter((u) => !u.startsWith(BASE)),
        `links outside the base on /${path}`,
      ).toEqual([]);
      for (const u of new Set(urls)) {
        const res = await fetch(site.origin + u);
        expect(res.status, u).toBe(200);
      }
    }
    // The stylesheet applied: the body uses the CJK font stack.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('PingFang SC');
    expect(failures).toEqual([]);
    expect((await fetch(`${site.origin}/example-old-measures/`)).status).toBe(404);
  });

  test('statuses read as badges and notices', async () => {
    const page = await open();
    await page.goto(site.url);
    expect(await page.locator('.badge').allTextContents()).toEqual(['尚未施行', '已废止']);
    await page.goto(`${site.url}example-old-measures/`);
    await expect(page.locator('.notice').textContent()).resolves.toBe(
      '本文件已于2027年1月1日废止，仅供查阅。',
    );
    await page.goto(`${site.url}example-registration-measures/`);
    await expect(page.locator('.notice').textContent()).resolves.toContain('自2027年1月1日起施行');
    await expect(page.locator('.meta').textContent()).resolves.toContain('示例市人民政府令第1号');
  });

  test('第X条 labels, sections, sub-items and references', async () => {
    const page = await open();
    await page.goto(`${site.url}example-registration-measures/#art_2__para_1__item_2__subitem_2`);
    expect(await page.evaluate(() => document.querySelector(':target')?.textContent)).toBe(
      '2.伪造、涂改有关证件。',
    );
    await expect(page.locator('#art_2-1 .art-label').textContent()).resolves.toBe('第二条之一');
    await expect(page.locator('h3#chp_2__sec_1').textContent()).resolves.toBe('第一节一般规定');
    await expect(page.locator('.toc a[href="#chp_2__sec_1"]').isVisible()).resolves.toBe(true);
    await expect(page.locator('#art_2__para_1__item_2 > .item-label').textContent()).resolves.toBe('（二）');
    // References: internal → same-page fragment; not in the collection → cite; site path → under the base.
    await expect(page.locator('a.ref[href="#art_2__para_1"]').textContent()).resolves.toBe('第二条第一款');
    await expect(page.locator('cite.ref').textContent()).resolves.toBe('《中华人民共和国行政处罚法》');
    await page.locator('a.ref', { hasText: '原办法第一条' }).click();
    await page.waitForURL(`${site.url}example-old-measures/#art_1`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_1');
    expect(failures).toEqual([]);
  });

  test('copy link and citation of a sub-item, under the base, in both scripts', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    const id = 'art_2__para_1__item_2__subitem_2';
    for (const [prefix, cite] of [
      ['', '《示例市登记管理办法》第二条第一款第（二）项第2目'],
      ['zh-hant/', '《示例市登記管理辦法》第二條第一款第（二）項第2目'],
    ] as const) {
      await page.goto(`${site.url}${prefix}example-registration-measures/`);
      await page.locator(`#${id}`).hover({ position: { x: 150, y: 8 } });
      await page.locator(`#${id} > .cp button[data-copy="l"]`).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        `${site.url}${prefix}example-registration-measures/#${id}`,
      );
      await page.locator(`#${id} > .cp button[data-copy="c"]`).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cite);
    }
    // The buttons' words are not part of the text.
    expect(await page.locator(`#${id}`).textContent()).toBe('2.偽造、塗改有關證件。');
    expect(failures).toEqual([]);
  });

  test('recorded aliases: old fragments and old article addresses lead to the new ones', async () => {
    const page = await open();
    await page.goto(`${site.url}example-registration-measures/#art_2__para_3`);
    await page.waitForURL(`${site.url}example-registration-measures/#art_2__para_2`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_2__para_2');
    await page.goto(`${site.url}example-registration-measures/#3`);
    await page.waitForURL(`${site.url}example-registration-measures/#art_2-1`);
    for (const prefix of ['', 'zh-hant/']) {
      await page.goto(`${site.url}${prefix}example-registration-measures/art_3/`);
      await page.waitForURL(`${site.url}${prefix}example-registration-measures/art_2-1/`);
      await expect(page.locator('h1').textContent()).resolves.toContain(prefix ? '第二條之一' : '第二条之一');
    }
    // Article pages of the fixture: 之一 articles and sections.
    await page.goto(`${site.url}example-registration-measures/art_2-1/`);
    await expect(page.locator('.crumbs').textContent()).resolves.toContain('第一节');
    await expect(page.locator('a[rel="prev"]').getAttribute('href')).resolves.toBe('../art_2/');
    expect(failures).toEqual([]);
  });
});

describe('search under /rules/', () => {
  test('the header box finds provisions and opens them under the base, highlighted', async () => {
    const page = await open({ pageErrors: true });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(site.url);
    await page.keyboard.press('/');
    await page.keyboard.type('示例登记');
    const option = page.locator('[data-search-panel] [role="option"]').first();
    await option.waitFor();
    const href = await option.getAttribute('href');
    expect(href).toMatch(/^\/rules\/example-registration-measures\/\?hl=[^#]+#art_1/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rules\/example-registration-measures\/\?hl=/);
    await until(() => page.locator('mark.search-hl').textContent()).toBe('示例登记');
    expect(requests.filter((p) => !p.startsWith(BASE))).toEqual([]);
    expect(requests.some((p) => p.startsWith(`${BASE}pagefind/`) || p.startsWith(`${BASE}flat/`))).toBe(true);
    expect(failures).toEqual([]);
  });

  test('the shareable search page works under the base', async () => {
    const page = await open({ pageErrors: true });
    await page.goto(`${site.url}search/?q=${encodeURIComponent('登记机关')}`);
    await until(() => page.locator('[data-search-page] [role="option"]').count()).toBeGreaterThan(0);
    const hrefs = await page
      .locator('[data-search-page] [role="option"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.every((h) => h.startsWith(BASE))).toBe(true);
    expect(await page.locator('#search-input').inputValue()).toBe('登记机关');
    expect(failures).toEqual([]);
  });
});
