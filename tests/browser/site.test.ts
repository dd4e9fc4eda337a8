/**
 * The built site (dist/) in Chromium: deep links to provisions, the page without
 * JavaScript, phone and desktop layouts, reading preferences, script budget, contrast.
 */
import { describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, PHONE, responseBodies, settle, useBuiltSite } from './harness.ts';

const SLUG = 'zibo-government-work-rules';
const ITEM = 'art_47__para_1__item_2';

const session = useBuiltSite({ consoleErrors: true });
const open = (options: BrowserContextOptions = {}): Promise<Page> => session.open(options);

/** Whether the element's box is inside the viewport (at least its top part). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight - 20 && r.height > 0;
  });
}

describe('deep links', () => {
  test('home → document → an item anchor lands on the item and marks it', async () => {
    const page = await open();
    await page.goto(session.site.url);
    const card = page.locator(`[data-slug="${SLUG}"]`);
    await expect(card.locator('.badge').textContent()).resolves.toMatch(/现行有效|已废止|尚未施行/);
    await card.locator('h2 a').click();
    await page.waitForURL(`${session.site.url}${SLUG}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('淄博市人民政府工作规则');

    await page.goto(`${session.site.url}${SLUG}/#${ITEM}`);
    const targetId = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(targetId).toBe(ITEM);
    expect(await inView(page, `#${ITEM}`)).toBe(true);
    // The target is tinted: its background differs from the page's, and its neighbour's is not.
    const [target, neighbour, pageBg] = await page.evaluate((id) => {
      const bg = (el: Element | null) => (el ? getComputedStyle(el).backgroundColor : '');
      const el = document.getElementById(id);
      return [bg(el), bg(el?.nextElementSibling ?? null), getComputedStyle(document.body).backgroundColor];
    }, ITEM);
    expect(target).not.toBe(pageBg);
    expect(target).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(neighbour).toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await expect(page.locator(`#${ITEM}`).textContent()).resolves.toMatch(/^（二）/);
  });

  test('every table-of-contents link points at exactly one provision; ids are unique', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const { hrefs, missing, duplicates, articles } = await page.evaluate(() => {
      const hrefs = [...document.querySelectorAll<HTMLAnchorElement>('.toc a')].map((a) =>
        a.getAttribute('href')!,
      );
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      const seen = new Set<string>();
      const duplicates = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
      const missing = hrefs.filter((h) => !document.getElementById(h.slice(1)));
      return { hrefs, missing, duplicates, articles: document.querySelectorAll('article.art').length };
    });
    expect(missing).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(hrefs.filter((h) => h.startsWith('#art_')).length).toBe(articles);
    expect(articles).toBeGreaterThan(0);
    expect(hrefs).toContain('#chp_1');
  });

  test('articles show their label as the source writes it, in bold, linking to itself', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/#art_25`);
    const label = page.locator('#art_25 .art-label');
    await expect(label.textContent()).resolves.toBe('二十五、');
    await expect(
      label.evaluate((el) => Number(getComputedStyle(el).fontWeight)),
    ).resolves.toBeGreaterThanOrEqual(700);
    await expect(page.locator('.toc a[href="#art_25"] .toc-label').textContent()).resolves.toBe('二十五、');
    // Labels link to their own provision, so a reader can copy the address.
    await page.locator('#art_47 a.art-label').click();
    await page.waitForURL(/#art_47$/);
    await page.locator(`#${ITEM} > a.item-label`).click();
    await page.waitForURL(new RegExp(`#${ITEM}$`));
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(ITEM);
  });

  test('the skip link is the first stop and is visible when focused', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect(focused.textContent()).resolves.toBe('跳到正文');
    expect(await inView(page, '.skip-link')).toBe(true);
  });

  test('the full-text downloads next to the page resolve', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const hrefs = await page
      .locator('a[download]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual([
      `${session.site.url}${SLUG}/text.md`,
      `${session.site.url}${SLUG}/data.json`,
      `${session.site.url}${SLUG}/${SLUG}.html`,
    ]);
    for (const href of hrefs) expect((await fetch(href)).status, href).toBe(200);
  });

  test('an unknown address gets the 404 page', async () => {
    const response = await fetch(`${session.site.url}no-such-document/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('未找到页面');
  });
});

describe('without JavaScript', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`the document reads fine on ${name}`, async () => {
      const page = await open({ javaScriptEnabled: false, viewport });
      await page.goto(`${session.site.url}${SLUG}/#art_47`);
      await expect(page.locator('#art_1').textContent()).resolves.toContain('制定本规则');
      expect(await page.locator('.toc a').count()).toBeGreaterThan(90);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_47');
      expect(await inView(page, '#art_47')).toBe(true);
      // Preference buttons cannot work without scripts, so they stay hidden.
      expect(await page.locator('[data-prefs]').isVisible()).toBe(false);
      // The table of contents: open in the sidebar on desktop, a closed panel on phones.
      expect(await page.locator('.toc a[href="#chp_1"]').isVisible()).toBe(name === 'desktop');
      expect(await page.locator('.toc summary').isVisible()).toBe(name === 'phone');
    });
  }
});

describe('layouts', () => {
  test('phone: a collapsed contents panel that closes after a jump; nothing overflows', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${session.site.url}${SLUG}/`);
    const summary = page.locator('.toc summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await page.locator('.toc details').getAttribute('open')).toBeNull();
    expect(await page.locator('.toc a[href="#art_25"]').isVisible()).toBe(false);
    await summary.click();
    await page.locator('.toc a[href="#art_25"]').click();
    await page.waitForURL(/#art_25$/);
    expect(await page.locator('.toc details').getAttribute('open')).toBeNull();
    expect(await inView(page, '#art_25')).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const bodySize = await page
      .locator('#art_25 .para')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(17);
  });

  test('desktop: the contents are a sticky sidebar beside the text', async () => {
    const page = await open({ viewport: DESKTOP });
    await page.goto(`${session.site.url}${SLUG}/`);
    expect(await page.locator('.toc summary').isVisible()).toBe(false);
    const toc = await page.locator('.toc').boundingBox();
    const text = await page.locator('.doc-body').boundingBox();
    expect(toc && text && toc.x + toc.width <= text.x).toBe(true);
    await page.locator('.toc a[href="#art_60"]').click();
    await page.waitForURL(/#art_60$/);
    expect(await inView(page, '#art_60')).toBe(true);
    // Still in view after the jump far down the page.
    const tocTop = await page.locator('.toc').evaluate((el) => el.getBoundingClientRect().top);
    expect(tocTop).toBeGreaterThanOrEqual(0);
    expect(tocTop).toBeLessThan(10);
    // The entry of the article being read is marked and visible in the sidebar.
    const current = page.locator('.toc a[aria-current]');
    await expect.poll(() => current.getAttribute('href')).toBe('#art_60');
    const [entry, box] = [await current.boundingBox(), await page.locator('.toc').boundingBox()];
    expect(entry && box && entry.y >= box.y && entry.y + entry.height <= box.y + box.height).toBe(true);
    const measure = await page
      .locator('.doc-body')
      .evaluate((el) => el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize));
    expect(measure).toBeLessThanOrEqual(40);
  });
});

describe('layout stability', () => {
  // Layout shifts while a page loads (Cumulative Layout Shift): the header's reading preferences
  // appear with scripts, and must not push the text down when they do.
  test.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)('%s: loading the document and an article page shifts nothing', async (_name, viewport) => {
    for (const path of [
      'zibo-government-work-rules/',
      'zibo-government-work-rules/art_47/',
      'zh-hant/zibo-government-work-rules/',
    ]) {
      const page = await open({
        viewport,
        ...(viewport === PHONE ? { isMobile: true, hasTouch: true } : {}),
      });
      await page.addInitScript(() => {
        const w = window as unknown as { shift: number };
        w.shift = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as Array<
            PerformanceEntry & { value: number; hadRecentInput: boolean }
          >)
            if (!e.hadRecentInput) w.shift += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(`${session.site.url}${path}`);
      await settle(page, 800);
      const shift = await page.evaluate(() => (window as unknown as { shift: number }).shift);
      expect(shift, path).toBeLessThan(0.01);
      await page.context().close();
    }
  });
});

describe('reading preferences', () => {
  test('theme choice persists across reload and overrides the system scheme', async () => {
    const page = await open({ colorScheme: 'light' });
    await page.goto(`${session.site.url}${SLUG}/`);
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBg = await bg();
    await page.getByRole('button', { name: '深色' }).click();
    const darkBg = await bg();
    expect(darkBg).not.toBe(lightBg);
    // Record the theme at the moment <body> starts: the pre-paint snippet must have run by then.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody?: string }).themeAtBody =
          document.documentElement.dataset.theme ?? 'none';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody?: string }).themeAtBody)).toBe(
      'dark',
    );
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await bg()).toBe(darkBg);
    expect(await page.getByRole('button', { name: '深色' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: '自动' }).click();
    await page.reload();
    expect(await bg()).toBe(lightBg);
    expect(await page.evaluate(() => localStorage.getItem('tiaowen:theme'))).toBeNull();
  });

  test('text size persists across reload and stops at its limits', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const size = () =>
      page
        .locator('#art_1 .para')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    const bigger = page.getByRole('button', { name: '放大字号' });
    await bigger.click();
    await bigger.click();
    const after = await size();
    expect(after).toBeGreaterThan(before * 1.15);
    expect(await bigger.isDisabled()).toBe(true);
    await page.reload();
    expect(await size()).toBe(after);
    await page.getByRole('button', { name: '缩小字号' }).click();
    expect(await size()).toBeLessThan(after);
  });
});

describe('budgets and contrast', () => {
  test('scripts stay under 5 KiB compressed', async () => {
    const page = await open();
    const bodies = responseBodies(page, (r) => r.request().resourceType() === 'script');
    await page.goto(`${session.site.url}${SLUG}/`, { waitUntil: 'networkidle' });
    const scripts = (await bodies()).map((b) => b.toString('utf8'));
    const inline = await page.evaluate(() =>
      [...document.scripts]
        .filter((s) => !s.src && s.type !== 'application/ld+json')
        .map((s) => s.textContent ?? ''),
    );
    const total = gzipSync([...inline, ...scripts].join('\n')).length;
    expect(inline.length).toBeGreaterThan(0);
    expect(total).toBeLessThan(5 * 1024);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`text contrast is at least 4.5:1 in the ${scheme} theme`, async () => {
      const page = await open({ colorScheme: scheme });
      await page.goto(`${session.site.url}${SLUG}/#${ITEM}`);
      const ratios = await page.evaluate(() => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string) => {
          const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        const background = (el: Element | null): string => {
          for (; el; el = el.parentElement) {
            const c = getComputedStyle(el).backgroundColor;
            if (!/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c;
          }
          return 'rgb(255, 255, 255)';
        };
        const ratio = (sel: string) => {
          const el = document.querySelector(sel);
          if (!el) return [sel, 0] as const;
          const [a = 0, b = 0] = [lum(getComputedStyle(el).color), lum(background(el))].sort((x, y) => y - x);
          return [sel, Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100] as const;
        };
        return Object.fromEntries(
          [
            '.para',
            '.meta dt',
            '.source',
            '.badge',
            ':target',
            '.toc .toc-article a',
            '.site-footer',
            'a.brand small',
          ].map(ratio),
        );
      });
      for (const [selector, value] of Object.entries(ratios)) {
        expect.soft(value, selector).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
