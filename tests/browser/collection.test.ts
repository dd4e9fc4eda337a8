/**
 * The collection in the browser, both scripts: the home page's facets, the static listing
 * pages (JavaScript off), in-place filtering with the choice in the address, the title box,
 * citations across documents by title and by short name with their pinpoints, relations,
 * supersession, and axe on every new page type (light and dark, phone and desktop). The
 * six-document collection of tests/fixtures/collection/ is built into its own folder.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  buildFixtureSite,
  DESKTOP,
  launchChromium,
  PHONE,
  recordProblems,
  serveSite,
  type SiteServer,
} from './harness.ts';

// Screenshots of the new pages, to look at: TIAOWEN_SHOTS names the folder.
const SHOTS = process.env.TIAOWEN_SHOTS || 'test-results/collection';
const PREFIX = { hans: '', hant: 'zh-hant/' } as const;
type Variant = keyof typeof PREFIX;

let work: string;
let siteDir: string;
let site: SiteServer;
let browser: Browser;
let problems: string[] = [];

beforeAll(async () => {
  // Built as a statute book is: without article pages (src/views/article-pages.ts), and paged
  // by four, so that the six documents take two pages and have a name index.
  ({ work, siteDir } = buildFixtureSite('tests/fixtures/collection', 'collection', {
    TIAOWEN_ARTICLE_PAGES: 'none',
    TIAOWEN_PAGE_SIZE: '4',
  }));
  site = await serveSite(siteDir);
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});
afterEach(() => {
  const seen = problems;
  problems = [];
  expect(seen, 'failed requests or page errors').toEqual([]);
});

async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block', ...options });
  const page = await context.newPage();
  recordProblems(page, problems, { consoleErrors: true });
  return page;
}

const titles = (page: Page) => page.locator('[data-listing-items] .listing-title').allTextContents();
const T = {
  hans: {
    law: '中华人民共和国示例处罚法',
    regs: '中华人民共和国示例处罚法实施条例',
    rules: '淄博市示例工作规则',
    type: '文件类型',
    lawType: '法律',
  },
  hant: {
    law: '中華人民共和國示例處罰法',
    regs: '中華人民共和國示例處罰法實施條例',
    rules: '淄博市示例工作規則',
    type: '文件類型',
    lawType: '法律',
  },
};

describe.each(['hans', 'hant'] as const)('%s', (variant: Variant) => {
  const url = (path: string) => `${site.url}${PREFIX[variant]}${path}`;
  const t = T[variant];

  test('the home page leads in by type in the order of the hierarchy of norms, with counts', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(url(''));
    const types = page.locator('details[data-kind="type"] a');
    expect(await types.evaluateAll((as) => as.map((a) => a.getAttribute('data-key')))).toEqual([
      'law',
      'administrative-regulation',
      'local-regulation',
      'judicial-interpretation',
      'normative-document',
    ]);
    expect(
      await page
        .locator('details[data-kind="type"] a[data-key="normative-document"] .facet-count')
        .textContent(),
    ).toBe('2');
    expect(
      await page
        .locator('details[data-kind]')
        .evaluateAll((ds) => ds.map((d) => d.getAttribute('data-kind'))),
    ).toEqual(['type', 'authority', 'region', 'status', 'year']);
    await page.screenshot({ path: join(SHOTS, `home-${variant}-phone.png`), fullPage: true });
    // Three taps or fewer to the law: 法律 (the type group is open), then its title.
    await page.locator('details[data-kind="type"] a[data-key="law"]').tap();
    await page.waitForURL(/browse\/type\/law\//);
    await page.locator('.listing-title', { hasText: t.law }).first().tap();
    await page.waitForURL(/penalty-law\/$/);
    expect(await page.locator('h1').textContent()).toBe(t.law);
  });

  test('without JavaScript every facet value is a listing page of its own', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(url('browse/'));
    expect(await titles(page)).toHaveLength(4);
    expect(await page.locator('[data-browse-sort]').isHidden()).toBe(true);
    await page.locator('[data-pager] a[rel="next"]').click();
    await page.waitForURL(/browse\/page\/2\/$/);
    expect(await titles(page)).toHaveLength(2);
    await page.goto(url('browse/type/law/'));
    expect(await titles(page)).toEqual([t.law]);
    expect(await page.locator('a[aria-current="page"][data-key="law"]').count()).toBe(1);
    await page.goto(url('browse/region/cn-sd/'));
    expect(await titles(page)).toHaveLength(3);
    await page.goto(url('browse/status/repealed/'));
    expect(await titles(page)).toEqual([t.rules]);
    await page.goto(url('browse/year/2022/'));
    expect(await titles(page)).toHaveLength(2);
    await page.goto(url('browse/authority/guowuyuan/'));
    expect(await titles(page)).toEqual([t.regs]);
    // Newest first, with status, authority, number and dates.
    await page.goto(url('browse/'));
    const first = page.locator('.listing-item').first();
    expect(await first.locator('.badge').getAttribute('data-status')).toBe('in-force');
    expect(await first.locator('time').first().getAttribute('datetime')).toBe('2023-09-28');
    expect(await page.locator('.listing-item', { hasText: '国务院令第711号' }).count()).toBe(
      variant === 'hans' ? 1 : 0,
    );
    await page.screenshot({ path: join(SHOTS, `browse-${variant}-nojs.png`), fullPage: true });
  });

  test('with JavaScript facets combine in place and the choice lives in the address', async () => {
    const page = await open();
    await page.goto(url('browse/'));
    expect(await page.locator('[data-name-letters]').isVisible()).toBe(true);
    await page.locator('a[data-kind="region"][data-key="cn-sd"]').click();
    await expect.poll(() => titles(page)).toHaveLength(3);
    expect(page.url()).toMatch(/browse\/\?region=cn-sd$/);
    // The letters are those of the whole listing, not of the choice: hidden once it changes.
    expect(await page.locator('[data-name-letters]').isHidden()).toBe(true);
    await page.locator('a[data-kind="type"][data-key="normative-document"]').click();
    await expect.poll(() => titles(page)).toEqual([t.rules, t.rules]);
    expect(new URL(page.url()).searchParams.get('type')).toBe('normative-document');
    // Counts follow the other selections: within 山东, no law.
    expect(await page.locator('a[data-kind="type"][data-key="law"]').isHidden()).toBe(true);
    await page.locator('#browse-sort').selectOption('title');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('title');
    // Shared: the same address opened afresh shows the same listing.
    const shared = page.url();
    const other = await open({ viewport: PHONE });
    await other.goto(shared);
    await expect.poll(() => titles(other)).toEqual([t.rules, t.rules]);
    await other.screenshot({ path: join(SHOTS, `browse-${variant}-filtered-phone.png`), fullPage: true });
    await page.screenshot({ path: join(SHOTS, `browse-${variant}-filtered-desktop.png`) });
    // Choosing a value again removes it.
    await page.locator('a[data-kind="region"][data-key="cn-sd"]').click();
    await page.locator('a[data-kind="type"][data-key="normative-document"]').click();
    await expect.poll(() => titles(page)).toHaveLength(4);
    await page.locator('[data-browse-more]').click();
    await expect.poll(() => titles(page)).toHaveLength(6);
  });

  test('without JavaScript a phone finds a document by name in three taps, by authority in two', async () => {
    const phone = { viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false };
    const page = await open(phone);
    await page.goto(url(''));
    // The home page's letters are those of the whole collection's name index.
    const letters = page.locator('[data-name-letters] a');
    expect(await letters.allTextContents()).toEqual(['S', 'Z']);
    await letters.filter({ hasText: 'S' }).tap();
    await page.waitForURL(/browse\/names\/s\/$/);
    // Under the first syllable of the name it is known by (without 中华人民共和国), in pinyin order.
    const groups = page.locator('.name-group');
    expect(await groups.locator('h2').allTextContents()).toEqual(['shan', 'shi']);
    expect(await groups.nth(1).locator('.listing-title').allTextContents()).toEqual([t.law, t.regs]);
    expect(await page.locator('[data-name-letters] a[aria-current="page"]').textContent()).toBe('S');
    // The syllables link to their headings.
    expect(await page.locator('.name-syllables a').allTextContents()).toEqual(['shan', 'shi']);
    expect(await page.locator('.name-syllables a').last().getAttribute('href')).toBe('#name-shi');
    await page.screenshot({ path: join(SHOTS, `names-${variant}-phone-nojs.png`), fullPage: true });
    await groups.nth(1).locator('.listing-title', { hasText: t.law }).first().tap();
    await page.waitForURL(/penalty-law\/$/);
    expect(await page.locator('h1').textContent()).toBe(t.law);
    // The other letter: 淄博 (zi) before 最高 (zui); the two 淄博 rules newest first.
    await page.goto(url('browse/names/z/'));
    expect(await page.locator('.name-group h2').allTextContents()).toEqual(['zi', 'zui']);
    expect(await page.locator('.name-group').first().locator('time').first().getAttribute('datetime')).toBe(
      '2021-01-05',
    );
    // By authority: the group is open on the home page, so its value is the first tap.
    await page.goto(url(''));
    await page
      .locator('details[data-kind="authority"] a', {
        hasText: variant === 'hans' ? '全国人民代表大会常务委员会' : '全國人民代表大會常務委員會',
      })
      .tap();
    await page.waitForURL(/browse\/authority\/[a-z]+\/$/);
    await page.locator('.listing-title', { hasText: t.law }).first().tap();
    await page.waitForURL(/penalty-law\/$/);
  });

  test('the title box finds by name, short name, abbreviation and 文号, in either script', async () => {
    const page = await open();
    await page.goto(url(''));
    await page.locator('#title-q').fill('示例处罚法');
    await page.locator('#title-q').press('Enter');
    await page.waitForURL(/browse\/\?q=/);
    await expect.poll(async () => (await titles(page))[0]).toBe(t.law);
    const find = async (q: string) => {
      await page.locator('#title-q').fill(q);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
      return titles(page);
    };
    expect(await find('示处法')).toEqual([t.law]);
    expect(await find('国务院令第711号')).toEqual([t.regs]);
    expect(await find('國務院令第711號')).toEqual([t.regs]);
    expect(await find('淄政发[2017]2号')).toEqual([t.rules]);
    expect(await find('處罰示例')).toEqual([]);
    expect(await page.locator('.listing-none').count()).toBe(1);
  });

  test('a citation by title or by short name opens the cited paragraph', async () => {
    const page = await open();
    await page.goto(url('shandong-example-regulation/'));
    const byTitle = page.locator('#art_1 a.ref--citation').first();
    expect(await byTitle.getAttribute('href')).toBe(`/${PREFIX[variant]}penalty-law/#art_5__para_2`);
    const byShortName = page.locator('#art_3 a.ref--citation');
    expect(await byShortName.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `/${PREFIX[variant]}penalty-law/#art_3`,
      `/${PREFIX[variant]}penalty-law/#art_4`,
    ]);
    // 刑法 is not in the collection: a citation, not a broken internal link.
    expect(await page.locator('#art_2 cite.ref--external').count()).toBe(1);
    await byTitle.click();
    await page.waitForURL(/penalty-law\/#art_5__para_2$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_5__para_2');
  });

  test('a document shows its relations and who cites it; supersession shows both ways', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(url('penalty-law/'));
    const relation = (key: string) =>
      page.locator(`[data-relation="${key}"] a`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(await relation('implemented-by')).toEqual([
      `/${PREFIX[variant]}penalty-law-regulations/`,
      `/${PREFIX[variant]}shandong-example-regulation/`,
    ]);
    expect(await relation('interpretations')).toEqual([`/${PREFIX[variant]}penalty-law-interpretation/`]);
    expect(await relation('cited-by')).toEqual([`/${PREFIX[variant]}zibo-example-rules-2021/`]);
    // 第五条 lists what cites it from other documents.
    expect(await page.locator('#art_5 .backlinks a').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SHOTS, `document-${variant}-phone.png`), fullPage: true });
    await page.goto(url('penalty-law-regulations/'));
    expect(await relation('implements')).toEqual([`/${PREFIX[variant]}penalty-law/`]);

    await page.goto(url('zibo-example-rules-2017/'));
    expect(await page.locator('.doc-head .badge').getAttribute('data-status')).toBe('repealed');
    expect(await page.locator('[data-successor] a').getAttribute('href')).toBe(
      `/${PREFIX[variant]}zibo-example-rules-2021/`,
    );
    await page.goto(url('zibo-example-rules-2021/'));
    expect(await relation('supersedes')).toEqual([`/${PREFIX[variant]}zibo-example-rules-2017/`]);
  });
});

describe('a collection built without article pages', () => {
  test('writes none and lists none, and an article address still opens the article, fragment kept', async () => {
    expect(existsSync(join(siteDir, 'penalty-law', 'art_3'))).toBe(false);
    expect(existsSync(join(siteDir, 'penalty-law', 'index.html'))).toBe(true);
    const sitemap = readFileSync(join(siteDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('/penalty-law/</loc>');
    expect(sitemap).not.toMatch(/\/art_\d+\/<\/loc>/);
    for (const prefix of Object.values(PREFIX)) {
      const page = await open();
      const notFound: string[] = [];
      page.on('response', (r) => r.status() === 404 && notFound.push(new URL(r.url()).pathname));
      await page.goto(`${site.url}${prefix}penalty-law/art_3/`);
      await page.waitForURL(`${site.url}${prefix}penalty-law/#art_3`);
      await expect(page.locator('#art_3').isVisible()).resolves.toBe(true);
      // A paragraph's fragment on the article address is kept.
      await page.goto(`${site.url}${prefix}penalty-law/art_5/#art_5__para_2`);
      await page.waitForURL(`${site.url}${prefix}penalty-law/#art_5__para_2`);
      await expect(page.locator('#art_5__para_2').textContent()).resolves.toMatch(/^地方性法[规規]/);
      // An address that names no provision stays on the not-found page.
      await page.goto(`${site.url}${prefix}penalty-law/no-such-page/`);
      await expect(page.locator('h1').textContent()).resolves.toMatch(/未找到页面/);
      expect(notFound).toEqual([
        `/${prefix}penalty-law/art_3/`,
        `/${prefix}penalty-law/art_5/`,
        `/${prefix}penalty-law/no-such-page/`,
      ]);
      problems = [];
    }
  });
});

describe('accessibility of the new page types (axe-core)', () => {
  const pages = [
    '',
    'browse/',
    'browse/type/law/',
    'browse/names/s/',
    'penalty-law/',
    'zibo-example-rules-2017/',
    'zh-hant/browse/region/cn-sd/',
    'zh-hant/browse/names/z/',
    'zh-hant/penalty-law/',
  ];
  const devices = [
    ['desktop', { viewport: DESKTOP }],
    ['phone', { viewport: PHONE, isMobile: true, hasTouch: true }],
  ] as const;
  for (const [device, options] of devices) {
    test(`no violations on ${device}, light and dark`, async () => {
      const page = await open(options);
      const found: string[] = [];
      for (const path of pages) {
        await page.goto(`${site.url}${path}${path.includes('browse') ? '?status=in-force' : ''}`);
        await page.waitForLoadState('networkidle');
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const { violations } = await new AxeBuilder({ page })
            .options({ resultTypes: ['violations'] })
            .analyze();
          for (const v of violations)
            found.push(
              `/${path} ${colorScheme}: [${v.id}] ${v.help}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
            );
        }
      }
      expect(found).toEqual([]);
    }, 300_000);
  }
});
