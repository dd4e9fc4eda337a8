/**
 * Simplified and traditional: every page type in both scripts with its language, hreflang
 * twins and canonical address; the 简/繁 switch keeps the reader at the same provision (with a
 * fragment, and after scrolling without one) and is a plain link without JavaScript; the
 * remembered choice and the browser's language pick the script at the root.
 */
import { describe, expect, test } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, PHONE, settle, useBuiltSite } from './harness.ts';

const SLUG = 'zibo-government-work-rules';
const ITEM = 'art_47__para_1__item_2';
/** One page of every type that has a twin, as paths below the script prefix. */
const PAGE_TYPES = ['', `${SLUG}/`, `${SLUG}/art_25/`, 'search/'];
const PREFIX = { hans: '', hant: 'zh-hant/' } as const;
const LANG = { hans: 'zh-Hans', hant: 'zh-Hant' } as const;

const session = useBuiltSite();
const open = (options: BrowserContextOptions = {}): Promise<Page> => session.open(options);

const pathOf = (page: Page) => new URL(page.url()).pathname;
const targetId = (page: Page) => page.evaluate(() => document.querySelector(':target')?.id);
const topOf = (page: Page, id: string) =>
  page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);

describe('every page in both scripts', () => {
  for (const variant of ['hans', 'hant'] as const) {
    test(`${variant}: lang and the twin page on every page type, no relative canonical or hreflang`, async () => {
      const page = await open({ javaScriptEnabled: false });
      for (const path of PAGE_TYPES) {
        const response = await page.goto(session.site.url + PREFIX[variant] + path);
        expect(response?.status(), path).toBe(200);
        expect(await page.getAttribute('html', 'lang'), path).toBe(LANG[variant]);
        // Canonical and hreflang links are absolute, so only a site built with TIAOWEN_SITE has them
        // (base-path.test.ts builds one); `npm run build` alone writes none.
        const links = await page
          .locator('link[rel="canonical"], link[rel="alternate"][hreflang]')
          .evaluateAll((ls) => ls.map((l) => l.getAttribute('href')!));
        const site = process.env.TIAOWEN_SITE;
        if (!site) expect(links, path).toEqual([]);
        else if (path !== 'search/') expect(links[0], path).toBe(new URL(PREFIX[variant] + path, site).href);
        // The twin page, linked from the 简/繁 switch, exists at the same path in the other script.
        const other = variant === 'hans' ? 'hant' : 'hans';
        const twin = await page.locator(`.script-switch a[data-script-link="${other}"]`).getAttribute('href');
        expect(twin, path).toBe(other === 'hant' ? `/zh-hant/${path}` : `/${path}`);
        expect((await fetch(session.site.origin + twin!)).status, twin!).toBe(200);
      }
    });
  }

  test('the traditional pages: converted text and interface, the same anchors, the notice linking to the original', async () => {
    const page = await open();
    const ids: Record<string, string[]> = {};
    for (const variant of ['hans', 'hant'] as const) {
      await page.goto(`${session.site.url}${PREFIX[variant]}${SLUG}/`);
      ids[variant] = await page.evaluate(() => [...document.querySelectorAll('main [id]')].map((e) => e.id));
    }
    expect(ids.hant).toEqual(ids.hans);
    expect(ids.hant!.length).toBeGreaterThan(200);
    await expect(page.locator('h1').textContent()).resolves.toBe('淄博市人民政府工作規則');
    await expect(page.locator('.toc summary').textContent()).resolves.toBe('目錄');
    await expect(page.locator('.skip-link').textContent()).resolves.toBe('跳到正文');
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('現行有效');
    await expect(page.locator('#art_47 .para').first().textContent()).resolves.toContain('市政府常務會議');
    const notice = page.locator('.hant-notice');
    await expect(notice.textContent()).resolves.toContain('以簡體字原文為準');
    await expect(notice.locator('a').getAttribute('href')).resolves.toBe(`/${SLUG}/`);
    // Open data is the authoritative simplified text, linked from both scripts.
    const downloads = await page
      .locator('a[download]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(downloads).toEqual(expect.arrayContaining([`/${SLUG}/text.md`, `/${SLUG}/data.json`]));
    // The simplified pages carry no notice.
    await page.goto(`${session.site.url}${SLUG}/`);
    expect(await page.locator('.hant-notice').count()).toBe(0);
  });
});

describe('the 简/繁 switch', () => {
  test('carries the fragment to the same provision in the other script, and back', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/#${ITEM}`);
    await page.locator('.script-switch a', { hasText: '繁' }).click();
    await page.waitForURL(`${session.site.url}zh-hant/${SLUG}/#${ITEM}`);
    expect(await targetId(page)).toBe(ITEM);
    expect(await topOf(page, ITEM)).toBeLessThan(100);
    expect(await page.evaluate(() => localStorage.getItem('tiaowen:script'))).toBe('hant');
    await page.locator('.script-switch a', { hasText: '简' }).click();
    await page.waitForURL(`${session.site.url}${SLUG}/#${ITEM}`);
    expect(await page.evaluate(() => localStorage.getItem('tiaowen:script'))).toBe('hans');
  });

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    test(`after scrolling without a fragment, carries the provision in view (${name})`, async () => {
      const page = await open({ viewport });
      await page.goto(`${session.site.url}${SLUG}/`);
      await page.evaluate(() => {
        document.getElementById('art_60')!.scrollIntoView();
        scrollBy(0, 5);
      });
      // The reader rests there, then scrolls back up to the switch in the header.
      await settle(page, 400);
      await page.evaluate(() => scrollTo(0, 0));
      await page.locator('.script-switch a', { hasText: '繁' }).click();
      await page.waitForURL(new RegExp(`/zh-hant/${SLUG}/#art_60(__|$)`));
      const hash = decodeURIComponent(new URL(page.url()).hash.slice(1));
      const top = await topOf(page, hash);
      expect(top).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(100);
    });
  }

  test('at the top of a page no fragment is added; the article page switches to its twin', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/art_25/`);
    await page.locator('.script-switch a', { hasText: '繁' }).click();
    await page.waitForURL(`${session.site.url}zh-hant/${SLUG}/art_25/`);
    expect(new URL(page.url()).hash).toBe('');
  });

  test('without JavaScript it is a plain link to the same page in the other script', async () => {
    const page = await open({ javaScriptEnabled: false });
    for (const variant of ['hans', 'hant'] as const) {
      for (const path of PAGE_TYPES) {
        await page.goto(session.site.url + PREFIX[variant] + path);
        const other = variant === 'hans' ? 'hant' : 'hans';
        await expect(page.locator('.script-switch a').getAttribute('href'), path).resolves.toBe(
          `/${PREFIX[other]}${path}`,
        );
      }
    }
    await page.goto(`${session.site.url}${SLUG}/`);
    await page.locator('.script-switch a').click();
    await page.waitForURL(`${session.site.url}zh-hant/${SLUG}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
  });
});

describe('the root picks the script', () => {
  test('from the remembered choice', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    await page.locator('.script-switch a', { hasText: '繁' }).click();
    await page.waitForURL(/\/zh-hant\//);
    await page.goto(session.site.url);
    await page.waitForURL(`${session.site.url}zh-hant/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    // Choosing simplified again keeps the reader at the root.
    await page.locator('.script-switch a', { hasText: '简' }).click();
    await page.waitForURL(session.site.url);
    await page.goto(session.site.url);
    expect(pathOf(page)).toBe('/');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hans');
  });

  for (const locale of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant-SG']) {
    test(`from the browser's language, ${locale} → traditional`, async () => {
      const page = await open({ locale });
      await page.goto(session.site.url);
      await page.waitForURL(`${session.site.url}zh-hant/`);
    });
  }

  for (const locale of ['zh-CN', 'en-US']) {
    test(`from the browser's language, ${locale} → simplified; only the root redirects`, async () => {
      const page = await open({ locale });
      await page.goto(session.site.url);
      expect(pathOf(page)).toBe('/');
      await page.goto(`${session.site.url}${SLUG}/`);
      expect(pathOf(page)).toBe(`/${SLUG}/`);
    });
  }

  test('a remembered simplified choice wins over a traditional browser language; other pages never redirect', async () => {
    const page = await open({ locale: 'zh-TW' });
    await page.goto(`${session.site.url}${SLUG}/`);
    expect(pathOf(page)).toBe(`/${SLUG}/`);
    await page.evaluate(() => localStorage.setItem('tiaowen:script', 'hans'));
    await page.goto(session.site.url);
    expect(pathOf(page)).toBe('/');
  });
});
