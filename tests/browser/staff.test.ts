/**
 * Tools for staff: copy link / copy citation on every provision (mouse, keyboard, touch; no
 * layout shift), article pages with their own title and link-preview tags, the go-to box and
 * ?goto=, alias fragments, Legislation JSON-LD, the sitemap, and the page budgets.
 */
import { describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, PHONE, responseBodies, settle, useBuiltSite } from './harness.ts';

const SLUG = 'zibo-government-work-rules';
const TITLE = '淄博市人民政府工作规则';
const ITEM = 'art_47__para_1__item_2';

const session = useBuiltSite();

/** A page as session.open() gives it, allowed to use the clipboard. */
async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await session.browser.newContext({ viewport: DESKTOP, ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.site.origin });
  const page = await context.newPage();
  session.watch(page);
  return page;
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const bar = (page: Page, eId: string) => page.locator(`[id="${eId}"] > .cp`);
const opacity = (page: Page, eId: string) => bar(page, eId).evaluate((el) => getComputedStyle(el).opacity);

/** Copy both ways through the buttons of a provision, hovering it first. */
async function copyBoth(page: Page, eId: string): Promise<[string, string]> {
  const el = page.locator(`[id="${eId}"]`);
  await el.scrollIntoViewIfNeeded();
  // Hover the provision's own text (not a nested provision); an article by its label.
  if (/^art_[\d-]+$/.test(eId)) await el.locator('.art-label').hover();
  else await el.hover({ position: { x: 200, y: 8 } });
  await expect.poll(() => opacity(page, eId)).toBe('1');
  await bar(page, eId).locator('button[data-copy="l"]').click();
  const link = await clipboard(page);
  await bar(page, eId).locator('button[data-copy="c"]').click();
  return [link, await clipboard(page)];
}

describe('copy link and copy citation', () => {
  for (const [eId, label] of [
    ['art_25', '第二十五条'],
    ['art_46__para_3', '第四十六条第三款'],
    [ITEM, '第四十七条第一款第（二）项'],
  ] as const) {
    test(`${eId}: the permanent address and 《title》${label}`, async () => {
      const page = await open();
      await page.goto(`${session.site.url}${SLUG}/`);
      const [link, cite] = await copyBoth(page, eId);
      expect(link).toBe(`${session.site.url}${SLUG}/#${eId}`);
      expect(cite).toBe(`《${TITLE}》${label}`);
      await expect(page.locator('[data-copy-toast]').textContent()).resolves.toBe('已复制引用');
      await expect(page.locator('[data-copy-toast]').getAttribute('aria-live')).resolves.toBe('polite');
    });
  }

  test('traditional pages copy the /zh-hant/ address and a traditional citation', async () => {
    const page = await open();
    await page.goto(`${session.site.url}zh-hant/${SLUG}/`);
    const [link, cite] = await copyBoth(page, ITEM);
    expect(link).toBe(`${session.site.url}zh-hant/${SLUG}/#${ITEM}`);
    expect(cite).toBe('《淄博市人民政府工作規則》第四十七條第一款第（二）項');
    await expect(page.locator('[data-copy-toast]').textContent()).resolves.toBe('已複製引用');
  });

  test('the article page copies the same permanent address', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/art_47/`);
    const [link, cite] = await copyBoth(page, ITEM);
    expect(link).toBe(`${session.site.url}${SLUG}/#${ITEM}`);
    expect(cite).toBe(`《${TITLE}》第四十七条第一款第（二）项`);
  });

  test('the article bar shows on its label; buttons are reachable by keyboard and named', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    await page.locator('#art_46 .art-label').hover();
    await expect.poll(() => opacity(page, 'art_46')).toBe('1');
    expect(await opacity(page, 'art_46__para_1')).toBe('0');
    // Keyboard: each provision's buttons come first in it and show when focused.
    await page.mouse.move(0, 0);
    await page.locator('#art_46 .art-label').focus();
    await page.keyboard.press('Shift+Tab');
    const focused = page.locator(':focus');
    await expect(focused.getAttribute('aria-label')).resolves.toBe('复制引用：第四十六条第一款');
    expect(await opacity(page, 'art_46__para_1')).toBe('1');
    await page.keyboard.press('Enter');
    expect(await clipboard(page)).toBe(`《${TITLE}》第四十六条第一款`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator(':focus').getAttribute('aria-label')).resolves.toBe('复制引用：第四十六条');
    expect(await opacity(page, 'art_46')).toBe('1');
    expect(await opacity(page, 'art_46__para_1')).toBe('0');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    expect(await clipboard(page)).toBe(`${session.site.url}${SLUG}/#art_46`);
  });

  test('touch: a tap on a label shows its buttons, which are big enough to tap', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${session.site.url}${SLUG}/`);
    expect(await opacity(page, ITEM)).toBe('0');
    await page.locator(`#${ITEM} > .item-label`).tap();
    await expect.poll(() => opacity(page, ITEM)).toBe('1');
    const box = await bar(page, ITEM).locator('button').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(32);
    await bar(page, ITEM).locator('button[data-copy="c"]').tap();
    expect(await clipboard(page)).toBe(`《${TITLE}》第四十七条第一款第（二）项`);
    // Tapping the text of another provision moves the buttons there.
    await page.locator('#art_46__para_3').tap({ position: { x: 100, y: 10 } });
    await expect.poll(() => opacity(page, 'art_46__para_3')).toBe('1');
    expect(await opacity(page, ITEM)).toBe('0');
  });

  test('touch: a tap on a reference previews it and leaves the buttons closed, so they never cover it', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${session.site.url}${SLUG}/`);
    // 市政府全体会议 in article 8 is a defined term linking to article 46.
    const term = page.locator('#art_8 a.ref--term').first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await settle(page, 300);
    expect(await opacity(page, 'art_8')).toBe('0');
    expect(await page.locator('.cp-open').count()).toBe(0);
  });

  test('showing the buttons and the confirmation shifts nothing', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('#art_46, #art_47, #art_48, .doc-body')].map((e) =>
          JSON.stringify(e.getBoundingClientRect()),
        ),
      );
    await page.locator('#art_47').scrollIntoViewIfNeeded();
    const before = await boxes();
    await page.locator(`#${ITEM}`).hover({ position: { x: 200, y: 8 } });
    await bar(page, ITEM).locator('button[data-copy="l"]').click();
    await expect.poll(() => page.locator('[data-copy-toast]').textContent()).toBe('已复制链接');
    expect(await boxes()).toEqual(before);
  });

  test('without JavaScript there are no dead buttons', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${session.site.url}${SLUG}/`);
    expect(await page.locator('.cp').count()).toBe(0);
    expect(await page.locator('[data-goto]').isVisible()).toBe(false);
    await expect(page.locator(`#${ITEM}`).getAttribute('data-cite')).resolves.toBe(
      '第四十七条第一款第（二）项',
    );
  });
});

describe('article pages', () => {
  test('title, description, Open Graph and Twitter tags carry the article', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${session.site.url}${SLUG}/art_25/`);
    const head = await page.evaluate(() => {
      const meta = (sel: string) => document.querySelector(`meta[${sel}]`)?.getAttribute('content');
      return {
        title: document.title,
        description: meta('name="description"'),
        ogTitle: meta('property="og:title"'),
        ogDescription: meta('property="og:description"'),
        ogType: meta('property="og:type"'),
        ogUrl: meta('property="og:url"'),
        twitter: meta('name="twitter:card"'),
        twitterTitle: meta('name="twitter:title"'),
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      };
    });
    expect(head.title).toBe(`《${TITLE}》第二十五条 · 条文`);
    expect(head.ogTitle).toBe(head.title);
    expect(head.twitterTitle).toBe(head.title);
    expect(head.description).toMatch(new RegExp(`^《${TITLE}》第二十五条：`));
    const text = (await page.locator('#art_25').textContent())!.replace(/\s+/g, '');
    expect(text.startsWith('二十五、')).toBe(true);
    expect(head.description!.replace(/\s+/g, '')).toContain(text.slice(4, 30));
    expect([...head.description!].length).toBeLessThanOrEqual(120);
    expect(head.ogDescription).toBe(head.description);
    expect(head.ogType).toBe('article');
    // og:url and canonical must be absolute: only a site built with TIAOWEN_SITE has them (base-path.test.ts).
    const site = process.env.TIAOWEN_SITE;
    expect(head.ogUrl).toBe(site ? new URL(`${SLUG}/art_25/`, site).href : undefined);
    expect(head.canonical).toBe(head.ogUrl);
    expect(head.twitter).toBe('summary');
    await expect(page.locator('.crumbs').textContent()).resolves.toContain(TITLE);
    await expect(page.locator('.crumbs').textContent()).resolves.toContain('第五章');
  });

  test('previous, next and the place in the full text', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/art_25/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(`${session.site.url}${SLUG}/art_26/`);
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL(`${session.site.url}${SLUG}/art_25/`);
    await page.locator('.in-full a').click();
    await page.waitForURL(`${session.site.url}${SLUG}/#art_25`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_25');
    await page.goto(`${session.site.url}${SLUG}/art_1/`);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
  });

  test('traditional article pages', async () => {
    const page = await open();
    await page.goto(`${session.site.url}zh-hant/${SLUG}/art_47/`);
    expect(await page.title()).toBe('《淄博市人民政府工作規則》第四十七條 · 條文');
    await expect(page.locator('.in-full a').getAttribute('href')).resolves.toBe(`/zh-hant/${SLUG}/#art_47`);
  });

  test('an article page weighs under 15 KiB compressed, HTML, CSS and scripts together', async () => {
    const page = await open();
    const read = responseBodies(page, (r) =>
      ['document', 'stylesheet', 'script'].includes(r.request().resourceType()),
    );
    await page.goto(`${session.site.url}${SLUG}/art_47/`, { waitUntil: 'networkidle' });
    const total = (await read()).reduce((sum, b) => sum + gzipSync(b).length, 0);
    expect(total).toBeLessThan(15 * 1024);
  });

  for (const path of [`${SLUG}/art_47/`, `zh-hant/${SLUG}/`]) {
    test(`scripts on /${path} stay under 5 KiB compressed`, async () => {
      const page = await open();
      const bodies = responseBodies(page, (r) => r.request().resourceType() === 'script');
      await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
      const scripts = (await bodies()).map((b) => b.toString('utf8'));
      const inline = await page.evaluate(() =>
        [...document.scripts]
          .filter((s) => !s.src && s.type !== 'application/ld+json')
          .map((s) => s.textContent ?? ''),
      );
      expect(gzipSync([...inline, ...scripts].join('\n')).length).toBeLessThan(5 * 1024);
    });
  }
});

describe('go to a provision', () => {
  const forms = [
    ['25', 'art_25'],
    ['二十五', 'art_25'],
    ['第二十五条', 'art_25'],
    ['四十七条一款二项', ITEM],
    ['47.1.2', ITEM],
  ] as const;

  test('the box takes every form and jumps to the anchor', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const input = page.getByRole('textbox', { name: '转到条款' });
    for (const [typed, eId] of forms) {
      await input.fill(typed);
      await input.press('Enter');
      await page.waitForURL(`${session.site.url}${SLUG}/#${eId}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id), typed).toBe(eId);
      await page.goto(`${session.site.url}${SLUG}/`);
    }
  });

  test('a provision that does not exist: a polite message, the box stays', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const input = page.getByRole('textbox', { name: '转到条款' });
    await input.fill('第二百条');
    await page.getByRole('button', { name: '转到', exact: true }).click();
    await expect(page.locator('[data-goto-msg]').textContent()).resolves.toContain('本文件中没有“第二百条”');
    expect(new URL(page.url()).hash).toBe('');
    expect(await input.isVisible()).toBe(true);
    expect(await input.inputValue()).toBe('第二百条');
    await input.fill('不是条款');
    await input.press('Enter');
    await expect(page.locator('[data-goto-msg]').textContent()).resolves.toContain('不是条款');
  });

  test('?goto= in the address, in both scripts', async () => {
    const page = await open();
    for (const prefix of ['', 'zh-hant/']) {
      await page.goto(`${session.site.url}${prefix}${SLUG}/?goto=${encodeURIComponent('四十七条一款二项')}`);
      await page.waitForURL(`${session.site.url}${prefix}${SLUG}/#${ITEM}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(ITEM);
    }
    await page.goto(`${session.site.url}${SLUG}/?goto=999`);
    await expect(page.locator('[data-goto-msg]').textContent()).resolves.toContain('999');
    expect(await page.locator('#goto-input').inputValue()).toBe('999');
  });

  test('alias fragments land on the canonical anchor', async () => {
    const page = await open();
    for (const [fragment, eId] of [
      ['第二十五条', 'art_25'],
      ['25', 'art_25'],
      ['47.1.2', ITEM],
      ['二十五', 'art_25'],
    ] as const) {
      await page.goto(`${session.site.url}${SLUG}/#${encodeURIComponent(fragment)}`);
      await page.waitForURL(`${session.site.url}${SLUG}/#${eId}`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id), fragment).toBe(eId);
      const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, eId);
      expect(top).toBeLessThan(100);
    }
    // Typing a fragment on a loaded page (hashchange) works too.
    await page.evaluate(() => (location.hash = '#第四十六条第三款'));
    await page.waitForURL(`${session.site.url}${SLUG}/#art_46__para_3`);
  });
});

describe('machine-readable', () => {
  test('document pages carry schema.org Legislation JSON-LD, in both scripts', async () => {
    const page = await open();
    for (const [prefix, lang, name] of [
      ['', 'zh-Hans', TITLE],
      ['zh-hant/', 'zh-Hant', '淄博市人民政府工作規則'],
    ] as const) {
      await page.goto(`${session.site.url}${prefix}${SLUG}/`);
      const raw = await page.locator('script[type="application/ld+json"]').textContent();
      const ld = JSON.parse(raw!);
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Legislation',
        name,
        inLanguage: lang,
        legislationJurisdiction: 'CN-SD',
        legislationLegalForce: 'https://schema.org/InForce',
        url: `/${prefix}${SLUG}/`,
      });
      expect(raw).not.toContain('<');
    }
  });

  test('the sitemap lists every page in both scripts', async () => {
    const xml = await (await fetch(`${session.site.url}sitemap.xml`)).text();
    for (const path of ['', `${SLUG}/`, `${SLUG}/art_25/`, `${SLUG}/art_87/`]) {
      expect(xml).toContain(`<loc>/${path}</loc>`);
      expect(xml).toContain(`<loc>/zh-hant/${path}</loc>`);
    }
    expect(xml).toContain(`hreflang="zh-Hant" href="/zh-hant/${SLUG}/art_25/"`);
  });
});
