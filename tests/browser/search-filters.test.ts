/**
 * Search within: the filters of the search page (type, status, region, document) narrowing the
 * results and combining, their round trip through the address, the header box of a document
 * page searching that document first with one step to all documents, the order of documents
 * (the title the query fills most, then defined terms), and axe on the search page with its
 * filters (light and dark, phone and desktop). Both scripts. The six-document collection of
 * tests/fixtures/collection/ (five types, three statuses, two regions) is built into its own folder.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
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

// Screenshots of the search page with its filters, to look at: TIAOWEN_SHOTS names the folder.
const SHOTS = process.env.TIAOWEN_SHOTS || 'test-results/search-filters';
const PREFIX = { hans: '', hant: 'zh-hant/' } as const;
type Variant = keyof typeof PREFIX;

let work: string;
let site: SiteServer;
let browser: Browser;
let problems: string[] = [];

beforeAll(async () => {
  let siteDir: string;
  ({ work, siteDir } = buildFixtureSite('tests/fixtures/collection', 'search-filters'));
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

/** Poll with room for the first search to load Pagefind on a busy machine. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 20_000 });

const ALL = [
  'penalty-law',
  'penalty-law-interpretation',
  'penalty-law-regulations',
  'shandong-example-regulation',
  'zibo-example-rules-2017',
  'zibo-example-rules-2021',
];
const T = {
  hans: {
    found: /^找到 \d+ 条结果$/,
    some: /找到 \d+ 条结果/,
    inDoc: /^本文件中(已)?找到 \d+ 条结果/,
    widen: '在全部文件中搜索',
    type: '文件类型',
    status: '时效性',
    region: '地区',
    inForce: '现行有效',
    law: '中华人民共和国示例处罚法',
    penalty: '示例处罚',
  },
  hant: {
    found: /^找到 \d+ 條結果$/,
    some: /找到 \d+ 條結果/,
    inDoc: /^本文件中(已)?找到 \d+ 條結果/,
    widen: '在全部文件中搜尋',
    type: '文件類型',
    status: '時效性',
    region: '地區',
    inForce: '現行有效',
    law: '中華人民共和國示例處罰法',
    penalty: '示例處罰',
  },
};

/** The documents of the results shown, in order of their groups (slugs, from the result links). */
const slugsShown = (page: Page, scope: string) =>
  page
    .locator(`${scope} .search-group`)
    .evaluateAll((gs) =>
      gs.map(
        (g) =>
          new URL(g.querySelector('a[role="option"]')!.getAttribute('href')!, location.href).pathname
            .replace(/^\/(zh-hant\/)?/, '')
            .split('/')[0]!,
      ),
    );
const sorted = (xs: string[]) => [...xs].sort();

describe.each(['hans', 'hant'] as const)('%s', (variant: Variant) => {
  const url = (path: string) => `${site.url}${PREFIX[variant]}${path}`;
  const t = T[variant];
  const status = (page: Page) => page.locator('[data-search-page] [data-search-shown]').textContent();

  test('filters narrow the results and combine; the address keeps them; a reload restores them', async () => {
    const page = await open();
    await page.goto(url(`search/?q=${encodeURIComponent('起施行')}`));
    await until(() => status(page)).toMatch(t.found);
    expect(sorted(await slugsShown(page, '[data-search-page]'))).toEqual(ALL);
    // The controls: the collection's facet names and values, in the page's script.
    await expect(
      page.getByRole('group', { name: variant === 'hans' ? '筛选' : '篩選' }).count(),
    ).resolves.toBe(1);
    const type = page.getByLabel(t.type);
    const statusBox = page.getByLabel(t.status);
    const region = page.getByLabel(t.region);
    expect(
      await type.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual([
      '',
      'law',
      'administrative-regulation',
      'local-regulation',
      'judicial-interpretation',
      'normative-document',
    ]);
    expect(await statusBox.locator('option[value="in-force"]').textContent()).toBe(t.inForce);

    await type.selectOption('normative-document');
    await until(async () => sorted(await slugsShown(page, '[data-search-page]'))).toEqual([
      'zibo-example-rules-2017',
      'zibo-example-rules-2021',
    ]);
    await statusBox.selectOption('in-force');
    await until(async () => await slugsShown(page, '[data-search-page]')).toEqual([
      'zibo-example-rules-2021',
    ]);
    await until(() => new URL(page.url()).search).toBe(
      `?q=${encodeURIComponent('起施行')}&type=normative-document&status=in-force`,
    );

    // Reload: the same query, filters and results.
    await page.reload();
    await until(() => status(page)).toMatch(t.found);
    expect(await slugsShown(page, '[data-search-page]')).toEqual(['zibo-example-rules-2021']);
    expect(await type.inputValue()).toBe('normative-document');
    expect(await statusBox.inputValue()).toBe('in-force');
    expect(
      await page.getByRole('combobox', { name: variant === 'hans' ? '搜索条文' : '搜尋條文' }).inputValue(),
    ).toBe('起施行');

    // Another combination: any type, in force, national.
    await type.selectOption('');
    await region.selectOption('cn');
    await until(async () => sorted(await slugsShown(page, '[data-search-page]'))).toEqual([
      'penalty-law',
      'penalty-law-regulations',
    ]);
    await until(() => new URL(page.url()).search).toBe(
      `?q=${encodeURIComponent('起施行')}&status=in-force&region=cn`,
    );
    // A status no document of that kind has: nothing found, said so.
    await statusBox.selectOption('repealed');
    await until(() => status(page)).toMatch(/^沒有找到|^没有找到/);
    expect(await page.locator('[data-search-page] [role="option"]').count()).toBe(0);
  }, 120_000);

  test('on a document page the box searches that document first; one step widens to all documents, keeping the query', async () => {
    const page = await open();
    await page.goto(url('penalty-law/'));
    await page.keyboard.press('/');
    await until(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type(t.penalty);
    const live = page.locator('[data-search-live]');
    await until(() => live.textContent()).toMatch(t.inDoc);
    expect(await slugsShown(page, '[data-search-panel]')).toEqual(['penalty-law']);
    await page.screenshot({ path: join(SHOTS, `document-box-${variant}-desktop.png`) });
    const widen = page.locator('[data-search-panel] [data-search-widen]');
    expect(await widen.isVisible()).toBe(true);
    expect(await widen.textContent()).toBe(t.widen);
    await widen.click();
    await page.waitForURL(
      (u) =>
        u.pathname === `/${PREFIX[variant]}search/` &&
        u.searchParams.get('q') === t.penalty &&
        !u.searchParams.has('doc'),
    );
    await until(() => status(page)).toMatch(t.some);
    const all = await slugsShown(page, '[data-search-page]');
    expect(all).toContain('penalty-law');
    // More documents than the one the box was on (the first page of results shows at least two).
    expect(all.length).toBeGreaterThan(1);

    // Enter on a document page goes to the search page scoped to it, one button from all documents.
    await page.goto(url('penalty-law/'));
    await page.keyboard.press('/');
    await until(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type(t.penalty);
    await until(() => live.textContent()).toMatch(t.inDoc);
    await page.keyboard.press('Enter');
    await page.waitForURL(
      (u) => u.pathname === `/${PREFIX[variant]}search/` && u.searchParams.get('doc') === 'penalty-law',
    );
    await until(() => status(page)).toMatch(t.found);
    expect(await slugsShown(page, '[data-search-page]')).toEqual(['penalty-law']);
    const scope = page.locator('[data-search-scope]');
    await until(() => scope.locator('[data-search-scope-name]').textContent()).toContain(`《${t.law}》`);
    await scope.getByRole('button', { name: t.widen }).click();
    await until(async () => (await slugsShown(page, '[data-search-page]')).length).toBeGreaterThan(1);
    expect(new URL(page.url()).searchParams.has('doc')).toBe(false);
    expect(await scope.isVisible()).toBe(false);
  }, 120_000);

  test('documents whose title the query fills most, then those defining it, come first', async () => {
    const page = await open();
    await page.goto(url(`search/?q=${encodeURIComponent(variant === 'hans' ? '示例处罚法' : '示例處罰法')}`));
    await until(() => status(page)).toMatch(t.found);
    expect((await slugsShown(page, '[data-search-page]')).slice(0, 3)).toEqual([
      'penalty-law',
      'penalty-law-regulations',
      'penalty-law-interpretation',
    ]);
    // No excerpt repeats the article label printed above it (第一条 / 第一條).
    const repeated = await page.locator('[data-search-page] [role="option"]').evaluateAll((os) =>
      os.flatMap((o) => {
        const label = /^第.+?[条條]/.exec(o.querySelector('.search-hit-label')?.textContent ?? '')?.[0];
        const excerpt = o.querySelector('.search-hit-excerpt')?.textContent ?? '';
        return label && excerpt.startsWith(label) ? [excerpt] : [];
      }),
    );
    expect(repeated).toEqual([]);
    expect(await page.locator('[data-search-page] .search-hit-label').count()).toBeGreaterThan(3);
    // 市长负责制: the 2021 rules define it (glossary.yaml), the 2017 rules only use it.
    await page.goto(url(`search/?q=${encodeURIComponent(variant === 'hans' ? '市长负责制' : '市長負責制')}`));
    await until(() => status(page)).toMatch(t.found);
    expect(await slugsShown(page, '[data-search-page]')).toEqual([
      'zibo-example-rules-2021',
      'zibo-example-rules-2017',
    ]);
  }, 60_000);
});

describe('the search page with filters: axe-core and screenshots', () => {
  const devices = [
    ['desktop', { viewport: DESKTOP }],
    ['phone', { viewport: PHONE, isMobile: true, hasTouch: true }],
  ] as const;
  for (const [device, options] of devices) {
    test(`no violations on ${device}, light and dark, both scripts; nothing overflows`, async () => {
      const page = await open(options);
      const found: string[] = [];
      for (const variant of ['hans', 'hant'] as const) {
        for (const path of [
          `search/?q=${encodeURIComponent(T[variant].penalty)}&type=law`,
          `search/?q=${encodeURIComponent(T[variant].penalty)}&doc=penalty-law`,
        ]) {
          await page.goto(`${site.url}${PREFIX[variant]}${path}`);
          await until(() => page.locator('[data-search-page] [data-search-shown]').textContent()).toMatch(
            T[variant].found,
          );
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
            path,
          ).toBeLessThanOrEqual(0);
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            const { violations } = await new AxeBuilder({ page })
              .options({ resultTypes: ['violations'] })
              .analyze();
            for (const v of violations)
              found.push(
                `/${PREFIX[variant]}${path} ${colorScheme}: [${v.id}] ${v.help}: ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join(' | ')}`,
              );
            const name = `${variant}-${path.includes('doc=') ? 'doc' : 'type'}-${device}-${colorScheme}`;
            await page.screenshot({ path: join(SHOTS, `search-${name}.png`), fullPage: true });
          }
        }
      }
      expect(found).toEqual([]);
    }, 300_000);
  }
});
