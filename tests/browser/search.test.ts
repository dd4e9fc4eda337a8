/**
 * Search on the built site (dist/) in Chromium: a query table and a cross-script table run
 * through the shipped client, each compared with a brute-force scan of the collection; and
 * the interface — the header box (/, Ctrl+K, arrows, Enter, Esc, the live region), arriving
 * at a highlighted provision, the shareable /search/?q= page, phones, the script budget.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { gzipSync } from 'node:zlib';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { DESKTOP, PHONE, responseBodies, useBuiltSite } from './harness.ts';
import { anchor, builtFold, expectedUrls, runQueries, siteRecords, type Found } from './search-helpers.ts';
import { labelLead } from '../../src/search/client.ts';

/** Hits whose excerpt starts with the label shown above it (the match not being in it). */
const repeatedLabels = (runs: Found[]) =>
  runs.flatMap((r) =>
    r.excerpts
      .map((e, i) => [r.labels[i]!, e] as const)
      .filter(([label, e]) => label && !e.startsWith('[') && labelLead(e, label) > 0),
  );

/** Poll with room for the first search to load Pagefind on a busy machine. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const SLUG = 'zibo-government-work-rules';
const records = siteRecords();
const fold = builtFold();

const session = useBuiltSite({ consoleErrors: true });
const open = (options: BrowserContextOptions = {}): Promise<Page> => session.open(options);

describe('query table (simplified site)', () => {
  // [query, anchors that must be found, anchors that must not be]
  const table: Array<[string, string[], string[]]> = [
    ['会议', ['art_8', 'art_45', 'chp_8'], []],
    ['市长', ['art_8'], []],
    ['务会', ['art_8', 'art_47__para_2'], []], // crosses 常务|会议
    ['市政府常务会议一般每两周召开1次', ['art_47__para_2'], []],
    ['5个工作日', ['art_52'], []],
    ['1—2次', ['art_46__para_2'], []],
    ['1-2次', ['art_46__para_2'], []],
    ['12次', [], ['art_46__para_2']],
    ['24小时', ['art_75__para_3'], []],
    ['淄政发〔2017〕2号', ['art_87'], []],
    ['淄政发(2017)2号', ['art_87'], []],
    ['第十一条', ['art_11__para_1'], ['art_31']],
    ['第三十一条', ['art_31'], ['art_11__para_1']],
    ['会议制度', ['chp_8', 'art_45'], []],
    ['全面正确履行政府职能', ['chp_3', 'art_2'], []],
    ['淄博市人民政府工作规则', [''], []], // the title record has no anchor
  ];
  let found: Awaited<ReturnType<typeof runQueries>> = [];

  beforeAll(async () => {
    const page = await open();
    await page.goto(session.site.url);
    found = await runQueries(
      page,
      'hans',
      table.map(([q]) => q),
    );
  });

  for (const [i, [query, must, mustNot]] of table.entries()) {
    test(`${query}`, () => {
      const got = found[i]!;
      const expected = expectedUrls(records.hans, query, fold);
      // Exactly the provisions whose normalised text contains the normalised query.
      expect(new Set(got.urls)).toEqual(new Set(expected));
      expect(got.urls.length).toBe(new Set(got.urls).size);
      const anchors = got.urls.map(anchor);
      for (const a of must)
        expect(
          anchors.some((x) => x === a || (a !== '' && x.startsWith(`${a}__`))),
          `${query} finds ${a || 'the title'}`,
        ).toBe(true);
      for (const a of mustNot)
        expect(
          anchors.some((x) => x === a || x.startsWith(`${a}__`)),
          `${query} does not find ${a}`,
        ).toBe(false);
      // Titles, then headings, then provisions.
      const rank = { title: 0, heading: 1, provision: 2 } as Record<string, number>;
      const ranks = got.kinds.map((k) => rank[k]!);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // Every excerpt marks the match.
      for (const e of got.excerpts) expect(e).toMatch(/\[.+\]/);
    });
  }
});

describe('either script finds the same provisions', () => {
  const pairs: Array<[string, string]> = [
    ['会议', '會議'],
    ['常务会议', '常務會議'],
    ['市政府工作部门', '市政府工作部門'],
    ['决策', '決策'],
  ];
  const path = (url: string) => url.replace(/^\/zh-hant\//, '/');

  test('traditional queries on the simplified site, simplified queries on the traditional site', async () => {
    const page = await open();
    await page.goto(session.site.url);
    const hansRuns = await runQueries(page, 'hans', pairs.flat());
    const hantRuns = await runQueries(page, 'hant', pairs.flat());
    pairs.forEach(([simplified, traditional], i) => {
      const [hs, ht] = [hansRuns[2 * i]!, hansRuns[2 * i + 1]!];
      const [ts, tt] = [hantRuns[2 * i]!, hantRuns[2 * i + 1]!];
      const expected = expectedUrls(records.hans, simplified, fold);
      expect(expected.length, simplified).toBeGreaterThan(0);
      // Simplified site: both scripts of the query give the same provisions.
      expect(new Set(hs.urls)).toEqual(new Set(expected));
      expect(new Set(ht.urls), traditional).toEqual(new Set(expected));
      // Traditional site: the same provisions, on the traditional pages.
      for (const run of [ts, tt]) {
        expect(
          run.urls.every((u) => u.startsWith('/zh-hant/')),
          run.query,
        ).toBe(true);
        expect(new Set(run.urls.map(path)), run.query).toEqual(new Set(expected));
      }
      // Excerpts are in the script being read, the match marked.
      for (const run of [hs, ht]) {
        expect(run.excerpts.join(''), run.query).toContain(`[${simplified}]`);
        expect(run.excerpts.join(''), run.query).not.toContain(traditional);
      }
      for (const run of [ts, tt]) {
        expect(run.excerpts.join(''), run.query).toContain(`[${traditional}]`);
        expect(run.excerpts.join(''), run.query).not.toContain(simplified);
      }
      // No excerpt repeats the label printed above it, in either script.
      expect(repeatedLabels([hs, ht, ts, tt])).toEqual([]);
    });
  });
});

/** Press 更多结果 until every result is shown (each press waits for the list to grow). */
async function showAll(page: Page, scope: string): Promise<void> {
  const more = page.locator(`${scope} [data-search-more]`);
  const options = page.locator(`${scope} [role="option"]`);
  while (await more.isVisible()) {
    const before = await options.count();
    await more.click();
    await until(async () => (await options.count()) > before || !(await more.isVisible())).toBe(true);
  }
}

/** The search UI on a page: open with a key, type, and wait for the results and the announcement. */
async function typeQuery(page: Page, query: string, key = '/'): Promise<void> {
  // The key again while the box has no focus: on a busy machine a key pressed just after the
  // page went network-idle is sometimes never delivered to it (the page then shows no change).
  await until(async () => {
    const id = await page.evaluate(() => document.activeElement?.id);
    if (id !== 'search-input') await page.keyboard.press(key);
    return id;
  }).toBe('search-input');
  await page.keyboard.type(query);
  await page.waitForSelector('[data-search-panel] [role="option"]');
}

describe('search box', () => {
  test('/ opens it; results announced; arrows and Enter open the provision with the match marked; Esc closes', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`);
    const input = page.getByRole('combobox', { name: '搜索条文' });
    await typeQuery(page, '两周');
    // On a document page the box searches that document, and says so.
    await until(() => page.locator('[data-search-live]').textContent()).toBe('本文件中找到 1 条结果');
    const widen = page.locator('[data-search-panel] [data-search-widen]');
    await expect(widen.textContent()).resolves.toBe('在全部文件中搜索');
    await expect(widen.getAttribute('href')).resolves.toBe(
      `${session.site.url}search/?q=${encodeURIComponent('两周')}`,
    );
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    const option = page.locator('[data-search-panel] [role="option"]');
    expect(await option.count()).toBe(1);
    await expect(option.locator('.search-hit-label').textContent()).resolves.toBe('四十七、第二款');
    await expect(option.locator('.search-hit-chapter').textContent()).resolves.toBe('第八章\u3000会议制度');
    await expect(option.locator('mark').textContent()).resolves.toBe('两周');

    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?hl=.*#art_47__para_2$/);
    await until(() => page.locator('mark.search-hl').count()).toBe(1);
    await expect(page.locator('mark.search-hl').textContent()).resolves.toBe('两周');
    expect(await page.evaluate(() => document.querySelector('mark.search-hl')?.closest('[id]')?.id)).toBe(
      'art_47__para_2',
    );
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_47__para_2');
    const box = await page.locator('mark.search-hl').boundingBox();
    expect(box && box.y >= 0 && box.y < DESKTOP.height).toBe(true);

    // Esc closes the panel and leaves the query in the box.
    await typeQuery(page, '常务会议');
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-search-panel]').isVisible()).toBe(false);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('常务会议');
  });

  test('Ctrl+K and Cmd+K open it; the count is announced; 更多结果 adds the rest', async () => {
    const page = await open();
    await page.goto(session.site.url);
    await typeQuery(page, '会议', 'Control+K');
    const expected = expectedUrls(records.hans, '会议', fold).length;
    expect(expected).toBeGreaterThan(10);
    // The first page holds at least 10 hits (one article's record may add several), not all.
    await until(() => page.locator('[data-search-live]').textContent()).toMatch(/^已找到 \d+ 条结果/);
    const shown = Number(
      /已找到 (\d+)/.exec((await page.locator('[data-search-live]').textContent()) ?? '')?.[1],
    );
    expect(shown).toBeGreaterThanOrEqual(10);
    expect(shown).toBeLessThan(expected);
    await showAll(page, '[data-search-panel]');
    await until(() => page.locator('[data-search-live]').textContent()).toBe(`找到 ${expected} 条结果`);
    expect(await page.locator('[data-search-panel] [role="option"]').count()).toBe(expected);
    // Heading hits come first in their document.
    await expect(
      page.locator('[data-search-panel] [role="option"]').first().getAttribute('href'),
    ).resolves.toMatch(/#chp_8$/);
    await page.keyboard.press('Escape');

    await page.goto(`${session.site.url}${SLUG}/`);
    await page.keyboard.press('Meta+K');
    await until(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('没有这个词语');
    await until(() => page.locator('[data-search-live]').textContent()).toBe(
      '本文件中没有找到“没有这个词语”',
    );
  });

  test('the traditional site searches in traditional characters and says so in its own script', async () => {
    const page = await open();
    await page.goto(`${session.site.url}zh-hant/search/`);
    const input = page.getByRole('combobox', { name: '搜尋條文' });
    await input.fill('会议制度');
    await until(() => page.locator('[data-search-live]').textContent()).toMatch(/^找到 \d+ 條結果$/);
    const first = page.locator('[data-search-page] [role="option"]').first();
    await expect(first.getAttribute('href')).resolves.toMatch(
      /^\/zh-hant\/zibo-government-work-rules\/\?hl=.*#chp_8$/,
    );
    await expect(first.locator('mark').first().textContent()).resolves.toBe('會議制度');
  });

  test('the shareable search page shows the results of ?q= with the box filled in', async () => {
    const page = await open();
    await page.goto(`${session.site.url}search/?q=${encodeURIComponent('常务会议')}`);
    const expected = expectedUrls(records.hans, '常务会议', fold);
    await until(() => page.locator('[data-search-page] [role="option"]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('combobox', { name: '搜索条文' }).inputValue()).toBe('常务会议');
    await expect(page.locator('h1').textContent()).resolves.toBe('“常务会议”的搜索结果');
    await showAll(page, '[data-search-page]');
    const hrefs = await page
      .locator('[data-search-page] [role="option"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(new Set(hrefs.map((h) => h.replace(/\?hl=[^#]*/, '')))).toEqual(new Set(expected));
    // Typing on the page updates the results and the address.
    await page.getByRole('combobox').fill('两周');
    await until(() => decodeURIComponent(page.url())).toMatch(/\/search\/\?q=两周$/);
    await until(() => page.locator('[data-search-page] [role="option"]').count()).toBe(1);
  });

  test('without JavaScript the search page says search needs it and lists the documents', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${session.site.url}search/?q=会议`);
    await expect(page.locator('main').textContent()).resolves.toContain('搜索需要启用 JavaScript');
    await expect(page.locator(`main a[href="/${SLUG}/"]`).count()).resolves.toBe(1);
    // The header box is a plain form that goes to this page.
    await page.goto(`${session.site.url}${SLUG}/`);
    await page.locator('#search-input').fill('会议');
    await page.locator('#search-input').press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
  });

  test('phone: the box opens full screen, results are tappable, nothing overflows', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${session.site.url}${SLUG}/`);
    await page.locator('#search-input').tap();
    await page.keyboard.type('会议制度');
    await page.waitForSelector('[data-search-panel] [role="option"]');
    const panel = await page.locator('[data-search-panel]').boundingBox();
    expect(panel && Math.round(panel.width)).toBe(PHONE.width);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('[data-search-panel] [role="option"]').first().tap();
    await page.waitForURL(/#chp_8$/);
    await until(() => page.locator('mark.search-hl').textContent()).toBe('会议制度');
    expect(await page.locator('[data-search-panel]').isVisible()).toBe(false);
  });

  test('a first query fetches at most 100 KiB compressed, everything included', async () => {
    const page = await open();
    await page.goto(`${session.site.url}${SLUG}/`, { waitUntil: 'networkidle' });
    const bodies: Array<Promise<Buffer>> = [];
    page.on('response', (r) => bodies.push(r.body().catch(() => Buffer.alloc(0))));
    await typeQuery(page, '常务会议');
    await until(() => page.locator('[data-search-live]').textContent()).toMatch(/条结果/);
    await page.waitForLoadState('networkidle');
    // Pagefind's .pf_* files are gzip already; everything else as a compressing server sends it.
    const sizes = (await Promise.all(bodies)).map((b) => Math.min(b.length, gzipSync(b).length));
    const total = sizes.reduce((a, b) => a + b, 0);
    // The figure docs/search.md records, for the engine the site was built with.
    console.info(`first query: ${sizes.length} files, ${(total / 1024).toFixed(1)} KiB`);
    expect(sizes.length).toBeGreaterThan(5);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });

  test('before search opens, a page ships under 5 KiB of compressed script and no search code', async () => {
    const shipped = async (path: string) => {
      const page = await open();
      const urls: string[] = [];
      page.on('response', (r) => urls.push(r.url()));
      const bodies = responseBodies(page, (r) => r.request().resourceType() === 'script');
      await page.goto(session.site.url + path, { waitUntil: 'networkidle' });
      const scripts = (await bodies()).map((b) => b.toString('utf8'));
      const inline = await page.evaluate(() =>
        [...document.scripts]
          .filter((s) => !s.src && s.type !== 'application/ld+json')
          .map((s) => s.textContent ?? ''),
      );
      return { total: gzipSync([...inline, ...scripts].join('\n')).length, inline, urls };
    };
    const plain = await shipped(`${SLUG}/`);
    expect(plain.total).toBeLessThan(5 * 1024);
    expect(plain.urls.filter((u) => /pagefind|\/flat\/|\/_astro\/(ui|highlight|client)\./.test(u))).toEqual(
      [],
    );
    // The listener itself stays small.
    const listener = plain.inline.find((s) => s.includes('data-search'));
    expect(listener && gzipSync(listener).length).toBeLessThan(512);
    // Arriving from a result adds only the small highlighter, never the search client.
    const arrived = await shipped(`${SLUG}/?hl=${encodeURIComponent('常务会议')}#art_47__para_1`);
    expect(arrived.total - plain.total).toBeLessThan(700);
    expect(arrived.urls.filter((u) => /pagefind|\/flat\/|\/_astro\/(ui|client)\./.test(u))).toEqual([]);
  });
});
