/**
 * Cross-references in the browser. A two-document collection (tests/fixtures/references/site/:
 * 《某某市示例管理办法》 with every internal form, citing 《中华人民共和国示例法》第十二条第一款,
 * which cites it back) is parsed and built into its own folder; the seed site (TIAOWEN_OUT or
 * dist/) covers terms, the superseded predecessor, the 引用文件 panel and /citations/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  buildFixtureSite,
  BUILT_SITE,
  DESKTOP,
  launchChromium,
  PHONE,
  recordProblems,
  serveSite,
  settle,
  type SiteServer,
} from './harness.ts';

// Screenshots of the cards and back-links, to look at: TIAOWEN_SHOTS names the folder.
const SHOTS = process.env.TIAOWEN_SHOTS || 'test-results/references';
const RULES = 'example-rules';
const LAW = 'example-law';
const SEED = 'zibo-government-work-rules';

let work: string;
let fixture: SiteServer;
let seed: SiteServer;
let browser: Browser;
let problems: string[] = [];

beforeAll(async () => {
  let siteDir: string;
  ({ work, siteDir } = buildFixtureSite('tests/fixtures/references/site', 'refs'));
  fixture = await serveSite(siteDir);
  seed = await serveSite(BUILT_SITE);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await fixture?.close();
  await seed?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});
afterEach(() => {
  const seen = problems;
  problems = [];
  expect(seen, 'failed requests or page errors').toEqual([]);
});

async function open(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, ...options });
  const page = await context.newPage();
  recordProblems(page, problems);
  return page;
}

const targetId = (page: Page) => page.evaluate(() => document.querySelector(':target')?.id);
const card = (page: Page) => page.locator('#ref-card');

describe('links', () => {
  test('internal references of every form lead to their provision', async () => {
    const page = await open();
    await page.goto(`${fixture.url}${RULES}/`);
    const href = (text: string) =>
      page.locator('a.ref--internal', { hasText: text }).first().getAttribute('href');
    expect(await href('第五条第二款')).toBe('#art_5__para_2');
    expect(await href('前款第（一）项')).toBe('#art_3__para_1__item_1');
    expect(await href('本条第一款第（二）项')).toBe('#art_3__para_1__item_2');
    expect(await href('前条')).toBe('#art_4');
    expect(await href('前两款')).toBe('#art_5__para_1');
    const range = page.locator('a.ref--internal', { hasText: '第六条至第八条' });
    expect(await range.getAttribute('href')).toBe('#art_6');
    expect(await range.getAttribute('data-targets')).toBe('art_6 art_7 art_8');
    expect(await range.getAttribute('data-label')).toBe('第六条至第八条');
    // Defined terms link to their definition (glossary and the text's own 本办法所称…).
    expect(await page.locator('#art_5__para_1 a.ref--term').getAttribute('href')).toBe('#art_2__para_1');
    expect(await page.locator('#art_5__para_3 a.ref--term', { hasText: '个人信息' }).count()).toBe(0);
    // Self references do not jump: a span naming the document.
    const self = page.locator('#art_7 .ref--self');
    expect(await self.evaluate((el) => el.tagName)).toBe('SPAN');
    expect(await self.getAttribute('title')).toBe('《某某市示例管理办法》');

    await page.locator('#art_2__para_2 a.ref', { hasText: '第五条第二款' }).click();
    await page.waitForURL(/#art_5__para_2$/);
    expect(await targetId(page)).toBe('art_5__para_2');
  });

  test('a citation of another document lands on the cited provision', async () => {
    const page = await open();
    await page.goto(`${fixture.url}${RULES}/`);
    const cite = page.locator('a.ref--citation', { hasText: '第十二条第一款' });
    expect(await cite.getAttribute('href')).toBe(`/${LAW}/#art_12__para_1`);
    expect(await cite.getAttribute('data-label')).toBe('《中华人民共和国示例法》第十二条第一款');
    expect(await cite.getAttribute('data-preview')).toContain('未履行登记义务的');
    await cite.click();
    await page.waitForURL(`${fixture.url}${LAW}/#art_12__para_1`);
    expect(await targetId(page)).toBe('art_12__para_1');
    // External documents are marked up and not links; the superseded one says so.
    await page.goto(`${fixture.url}${RULES}/`);
    const external = page.locator('cite.ref--external', { hasText: '山东省' });
    expect(await external.getAttribute('data-title')).toBe('山东省〈示例条例〉实施办法（试行）');
    expect(await page.locator('cite.ref--superseded').getAttribute('data-preview')).toBe('已被本办法废止');
  });

  test('with JavaScript off the references are plain links', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${fixture.url}${RULES}/`);
    await page.locator('a.ref', { hasText: '第六条至第八条' }).click();
    await page.waitForURL(/#art_6$/);
    expect(await targetId(page)).toBe('art_6');
    await page.locator('#art_6 a.ref--citation').click();
    await page.waitForURL(`${fixture.url}${LAW}/#art_12__para_1`);
  });
});

describe('other pages', () => {
  test('traditional pages: links stay in traditional, labels and notes are converted', async () => {
    const page = await open();
    await page.goto(`${fixture.url}zh-hant/${RULES}/`);
    const cite = page.locator('a.ref--citation', { hasText: '第十二條第一款' });
    expect(await cite.getAttribute('href')).toBe(`/zh-hant/${LAW}/#art_12__para_1`);
    expect(await cite.getAttribute('data-label')).toBe('《中華人民共和國示例法》第十二條第一款');
    expect(await cite.getAttribute('data-preview')).toContain('未履行登記義務的');
    expect(await page.locator('a.ref', { hasText: '第六條至第八條' }).getAttribute('data-label')).toBe(
      '第六條至第八條',
    );
    expect(await page.locator('#art_5 > .backlinks').textContent()).toBe(
      '被引用：第四條、第二條第二款（引用第二款）',
    );
    expect(await page.locator('#art_2 > .backlinks a').getAttribute('href')).toBe(
      `/zh-hant/${LAW}/#art_3__para_1`,
    );
    expect(await page.locator('cite.ref--superseded').getAttribute('data-preview')).toBe('已被本辦法廢止');
    expect(await page.locator('#cited-documents summary').textContent()).toBe('引用文件（4）');
    expect(await page.locator('#cited-documents .cited-more a').getAttribute('href')).toBe(
      '/zh-hant/citations/',
    );
    await page.locator('#art_4 a.ref', { hasText: '第三條' }).hover();
    await expect.poll(() => card(page).locator('a').textContent()).toBe('第三條');
    await cite.click();
    await page.waitForURL(`${fixture.url}zh-hant/${LAW}/#art_12__para_1`);
    expect(await page.locator('#art_12 > .backlinks').textContent()).toBe(
      '被引用：《某某市示例管理辦法》第六條（引用第一款）',
    );

    await page.goto(`${fixture.url}zh-hant/citations/`);
    expect(await page.locator('h1').textContent()).toBe('引用文件一覽');
    const law = page.locator(`.cited-list > li:has(> a.cited-title[href="/zh-hant/${LAW}/"])`);
    expect(await law.locator('.cited-docs').textContent()).toBe('《某某市示例管理辦法》第一條、第六條');
  });

  test('article pages: other articles are reached in the full text, with an embedded preview', async () => {
    const page = await open();
    await page.goto(`${fixture.url}${RULES}/art_4/`);
    const ref = page.locator('a.ref', { hasText: '第三条' });
    expect(await ref.getAttribute('href')).toBe(`/${RULES}/#art_3`);
    expect(await ref.getAttribute('data-preview')).toMatch(/^第三条 示例机构应当履行下列职责：/);
    await ref.hover();
    await expect.poll(() => card(page).locator('p').textContent()).toMatch(/^示例机构应当履行下列职责/);
    expect(await page.locator('.backlinks a').getAttribute('href')).toBe(`/${RULES}/#art_5__para_3`);
    await ref.click();
    await page.waitForURL(`${fixture.url}${RULES}/#art_3`);
    expect(await targetId(page)).toBe('art_3');
    // Within the article, references stay on the page.
    await page.goto(`${fixture.url}${RULES}/art_5/`);
    expect(await page.locator('a.ref', { hasText: '前两款' }).getAttribute('href')).toBe('#art_5__para_1');
  });
});

describe('back-links', () => {
  test('the referred article lists who refers to it, in this document and across the collection', async () => {
    const page = await open();
    await page.goto(`${fixture.url}${RULES}/`);
    const line = (eId: string) => page.locator(`#${eId} > .backlinks`);
    expect(await line('art_5').textContent()).toBe('被引用：第四条、第二条第二款（引用第二款）');
    expect(await line('art_3').textContent()).toBe('被引用：第四条、第六条（引用第一款第（二）项）');
    expect(await line('art_2').textContent()).toBe('被引用：《中华人民共和国示例法》第三条');
    expect(await line('art_2').locator('a').getAttribute('href')).toBe(`/${LAW}/#art_3__para_1`);
    // Nothing when nothing refers to it; references from inside the article are left out.
    expect(await line('art_1').count()).toBe(0);
    expect(await page.locator('#art_5 > .backlinks a', { hasText: '第五条' }).count()).toBe(0);
    await line('art_5').locator('a', { hasText: '第四条' }).click();
    await page.waitForURL(/#art_4__para_1$/);
    expect(await targetId(page)).toBe('art_4__para_1');

    await page.goto(`${fixture.url}${LAW}/`);
    const back = page.locator('#art_12 > .backlinks a', { hasText: '某某市示例管理办法' });
    expect(await back.textContent()).toBe('《某某市示例管理办法》第六条');
    await back.click();
    await page.waitForURL(`${fixture.url}${RULES}/#art_6__para_1`);
    expect(await targetId(page)).toBe('art_6__para_1');
  });
});

describe('previews', () => {
  test('hover shows the target without moving the text; leaving hides it', async () => {
    const page = await open();
    await page.goto(`${fixture.url}${RULES}/`);
    const ref = page.locator('#art_2__para_2 a.ref', { hasText: '第五条第二款' });
    // Bring it to the middle first: hovering scrolls, and boxes are measured in the viewport.
    await ref.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const before = await page.locator('#art_3').boundingBox();
    await ref.hover();
    await expect.poll(() => card(page).isVisible()).toBe(true);
    expect(await card(page).locator('a').textContent()).toBe('第五条第二款');
    expect(await card(page).locator('a').getAttribute('href')).toBe('#art_5__para_2');
    expect(await card(page).locator('p').textContent()).toBe('示例机构不得泄露个人信息。');
    expect(await page.locator('#art_3').boundingBox()).toEqual(before);
    const [r, c] = [await ref.boundingBox(), await card(page).boundingBox()];
    expect(c!.y).toBeGreaterThanOrEqual(r!.y + r!.height);
    // The card stays while the pointer moves into it.
    await page.mouse.move(c!.x + 10, c!.y + 10, { steps: 3 });
    await settle(page, 400);
    expect(await card(page).isVisible()).toBe(true);
    await page.mouse.move(5, 5);
    await expect.poll(() => card(page).isVisible()).toBe(false);
    // A range previews every target; a citation its embedded text.
    await page.locator('a.ref', { hasText: '第六条至第八条' }).hover();
    await expect.poll(() => card(page).locator('p').textContent()).toMatch(/^第六条.*第七条.*第八条/);
    await page.locator('a.ref--citation', { hasText: '第十二条第一款' }).hover();
    await expect
      .poll(() => card(page).locator('a').textContent())
      .toBe('《中华人民共和国示例法》第十二条第一款');
    if (SHOTS) await shoot(page, 'fixture-citation-hover-desktop');
  });

  test('keyboard: Tab onto a reference shows the card, described by it; Esc closes it', async () => {
    const page = await open();
    await page.goto(`${fixture.url}${RULES}/`);
    await page.locator('#art_4 .art-label').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('第三条');
    expect(await card(page).isVisible()).toBe(true);
    expect(await focused.getAttribute('aria-describedby')).toBe('ref-card');
    expect(await card(page).getAttribute('role')).toBe('tooltip');
    expect(await card(page).locator('p').textContent()).toMatch(/^示例机构应当履行下列职责：（一）登记；/);
    await page.keyboard.press('Escape');
    expect(await card(page).isVisible()).toBe(false);
    expect(await focused.getAttribute('aria-describedby')).toBeNull();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('第五条');
    expect(await card(page).isVisible()).toBe(true);
    // Superseded and external citations can be focused too, and say what they are.
    await page.locator('cite.ref--superseded').focus();
    expect(await card(page).textContent()).toBe('《某某市示例管理办法》（某政发〔2015〕8号）已被本办法废止');
  });

  test('touch: the first tap shows the card, the second follows the link', async () => {
    const page = await open({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${fixture.url}${RULES}/`);
    // (A reference away from the provision's top right corner, where the copy buttons show on touch.)
    const ref = page.locator('#art_4 a.ref', { hasText: '第三条' });
    await ref.tap();
    await expect.poll(() => card(page).isVisible()).toBe(true);
    expect(page.url()).toBe(`${fixture.url}${RULES}/`);
    const box = await card(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    if (SHOTS) await shoot(page, 'fixture-tap-phone');
    await ref.tap();
    await page.waitForURL(/#art_3$/);
    expect(await targetId(page)).toBe('art_3');
    // Tapping elsewhere closes a card; the card's own link follows too.
    await page.locator('a.ref--citation', { hasText: '第十二条第一款' }).tap();
    await expect.poll(() => card(page).isVisible()).toBe(true);
    await page.locator('h1').tap();
    await expect.poll(() => card(page).isVisible()).toBe(false);
    await page.locator('a.ref--citation', { hasText: '第十二条第一款' }).tap();
    await card(page).locator('a').tap();
    await page.waitForURL(`${fixture.url}${LAW}/#art_12__para_1`);
  });
});

describe('the seed', () => {
  test('terms link to their definition, but not inside it', async () => {
    const page = await open();
    await page.goto(`${seed.url}${SEED}/`);
    const terms = page.locator('a.ref--term', { hasText: '市政府常务会议' });
    expect(await terms.count()).toBeGreaterThan(0);
    expect(new Set(await terms.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))).toEqual(
      new Set(['#art_47']),
    );
    expect(await page.locator('#art_47 a.ref--term[href="#art_47"]').count()).toBe(0);
    await terms.first().click();
    await page.waitForURL(/#art_47$/);
    expect(await targetId(page)).toBe('art_47');
  });

  test('the 引用文件 panel lists the 13 cited titles, the predecessor as superseded', async () => {
    const page = await open();
    await page.goto(`${seed.url}${SEED}/`);
    const panel = page.locator('#cited-documents');
    expect(await panel.locator('summary').textContent()).toBe('引用文件（13）');
    await panel.locator('summary').click();
    const items = panel.locator('.cited-list > li');
    expect(await items.count()).toBe(13);
    const old = items.filter({ hasText: '淄政发〔2017〕2号' });
    expect(await old.getAttribute('data-status')).toBe('superseded');
    expect(await old.locator('.cited-tag').textContent()).toBe('已被本规则废止');
    await old.locator('.cited-from a').click();
    await page.waitForURL(/#art_87__para_1$/);
    expect(await page.locator('cite.ref--superseded').getAttribute('data-preview')).toBe('已被本规则废止');
    expect(await items.filter({ hasText: '中华人民共和国宪法' }).getAttribute('data-status')).toBe(
      'external',
    );
  });

  test('/citations/ lists every cited title with the citing provisions', async () => {
    const page = await open();
    await page.goto(`${seed.url}citations/`);
    expect(await page.locator('h1').textContent()).toBe('引用文件一览');
    expect(await page.locator('.cited-list > li').count()).toBe(13);
    const item = page.locator('.cited-list > li', { hasText: '淄博市行政规范性文件管理办法' });
    const links = await item
      .locator('.cited-docs a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/${SEED}/`, `/${SEED}/#art_22__para_1`, `/${SEED}/#art_63__para_1`]);

    await page.goto(`${fixture.url}citations/`);
    const law = page.locator(`.cited-list > li:has(> a.cited-title[href="/${LAW}/"])`);
    expect(await law.locator('a.cited-title').getAttribute('href')).toBe(`/${LAW}/`);
    expect(await law.getAttribute('data-status')).toBe('collection');
    expect(await law.locator('.cited-docs').textContent()).toBe('《某某市示例管理办法》第一条、第六条');
    // The bare 文号 citation is folded into the titled one of the same number.
    expect(await page.locator('.cited-list > li', { hasText: '某政发〔2020〕3号' }).count()).toBe(1);
  });
});

describe('screenshots', () => {
  test('preview card and back-links, phone and desktop, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        const page = await open({
          viewport,
          colorScheme: scheme,
          ...(name === 'phone' ? { isMobile: true, hasTouch: true } : {}),
        });
        await page.goto(`${fixture.url}${RULES}/#art_5`);
        await page.locator('#art_5').scrollIntoViewIfNeeded();
        await page.locator('#art_5 > .backlinks a').first().focus();
        await expect.poll(() => card(page).isVisible()).toBe(true);
        await shoot(page, `fixture-backlinks-${name}-${scheme}`);
        await page.goto(`${seed.url}${SEED}/#art_47__para_1__item_6`);
        await page.locator('#art_47 a.ref--term').first().focus();
        await expect.poll(() => card(page).isVisible()).toBe(true);
        await shoot(page, `seed-term-${name}-${scheme}`);
        await page.context().close();
      }
    }
  }, 300_000);
});

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS!, `${name}.png`) });
}
