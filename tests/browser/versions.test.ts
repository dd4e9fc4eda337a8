/**
 * Versions in the browser, both scripts. The fixture document (tests/fixtures/versions/site/:
 * 《中华人民共和国示例复议法》, 2017 修正 and 2023 修订, with an inserted article that renumbers
 * those after it, a removed article, and 具体行政行为 → 行政行为 in article 1) is built into a
 * site of its own: the earlier version at its own address, the timeline and go-to-date, the
 * history under each article, the 对照表, the comparison; html-validate and axe on each page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import {
  buildFixtureSite,
  DESKTOP,
  launchChromium,
  PHONE,
  recordProblems,
  serveSite,
  type SiteServer,
} from './harness.ts';

// Screenshots to look at: TIAOWEN_SHOTS names the folder.
const SHOTS = process.env.TIAOWEN_SHOTS || 'test-results/versions';
const SLUG = 'example-review-law';
const OLD = '2017-09-01';
const NEW = '2023-09-01';
const PAGES = [
  `${SLUG}/`,
  `${SLUG}/v/${OLD}/`,
  `${SLUG}/compare/${OLD}/${NEW}/`,
  `${SLUG}/compare/${OLD}/${NEW}/inline/`,
  `${SLUG}/correspondence/${OLD}/${NEW}/`,
];
const VARIANTS = [
  ['hans', ''],
  ['hant', 'zh-hant/'],
] as const;

let work: string;
let site: SiteServer;
let browser: Browser;
let problems: string[] = [];

beforeAll(async () => {
  let siteDir: string;
  ({ work, siteDir } = buildFixtureSite('tests/fixtures/versions/site', 'versions'));
  site = await serveSite(siteDir);
  browser = await launchChromium();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
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

describe('the document page', () => {
  for (const [variant, prefix] of VARIANTS) {
    test(`${variant}: a timeline of both versions, and the history of each article`, async () => {
      const page = await open();
      await page.goto(`${site.url}${prefix}${SLUG}/`);
      const items = page.locator('.timeline-item');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.nth(0).innerText()).toContain('2017年9月1日');
      expect(await items.nth(1).locator('.timeline-tag').first().innerText()).toBe(
        variant === 'hans' ? '现行' : '現行',
      );
      expect(await items.nth(0).locator('a').first().getAttribute('href')).toBe(
        `/${prefix}${SLUG}/v/${OLD}/`,
      );
      // Article 5 was article 4 and was amended; article 4 was article 3 and kept its words; article 3 is new.
      const h5 = page.locator('#art_5 .history');
      expect(await h5.getAttribute('data-history')).toBe('renumbered-amended');
      expect(await h5.innerText()).toContain(variant === 'hans' ? '修改，原第四条' : '修改，原第四條');
      expect(await h5.locator('a').first().getAttribute('href')).toBe(`/${prefix}${SLUG}/v/${OLD}/#art_4`);
      expect(await page.locator('#art_4 .history').getAttribute('data-history')).toBe('renumbered');
      expect(await page.locator('#art_3 .history').getAttribute('data-history')).toBe('new');
      expect(await page.locator('#art_8 .history').getAttribute('data-history')).toBe('unchanged');
      // The removed article 7 of 2017 is listed where it stood: after article 7 (its old article 6).
      const removed = page.locator('#art_7 .history-removed');
      expect(await removed.innerText()).toContain(
        variant === 'hans' ? '删去2017年修正第七条' : '刪去2017年修正第七條',
      );
      expect(await removed.locator('a').getAttribute('href')).toBe(`/${prefix}${SLUG}/v/${OLD}/#art_7`);
      await page.context().close();
    });

    test(`${variant}: the version in force on a day, inline with JavaScript`, async () => {
      const page = await open();
      await page.goto(`${site.url}${prefix}${SLUG}/`);
      const form = page.locator('[data-version-date]');
      await expect.poll(() => form.isVisible()).toBe(true);
      await form.locator('input').fill('2020-06-01');
      await form.locator('button').click();
      const out = form.locator('output');
      await expect.poll(() => out.innerText()).toContain('2017年修正');
      expect(await out.locator('a').getAttribute('href')).toBe(`/${prefix}${SLUG}/v/${OLD}/`);
      await form.locator('input').fill('2024-02-01');
      await form.locator('button').click();
      await expect.poll(() => out.locator('a').getAttribute('href')).toBe(`/${prefix}${SLUG}/`);
      await form.locator('input').fill('1990-01-01');
      await form.locator('button').click();
      await expect
        .poll(() => out.innerText())
        .toBe(variant === 'hans' ? '该日期早于最早的版本。' : '該日期早於最早的版本。');
      await page.context().close();
    });
  }

  test('without JavaScript the static list answers: each version with the period it was in force', async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(`${site.url}${SLUG}/`);
    expect(await page.locator('[data-version-date]').isVisible()).toBe(false);
    const periods = await page.locator('.timeline-period').allInnerTexts();
    expect(periods).toEqual(['施行：2017年9月1日至2023年12月31日', '施行：2024年1月1日起']);
    await page.context().close();
  });
});

describe('an earlier version', () => {
  for (const [variant, prefix] of VARIANTS) {
    test(`${variant}: its own address, a banner linking the text in force, every provision at its anchor`, async () => {
      const page = await open();
      await page.goto(`${site.url}${prefix}${SLUG}/v/${OLD}/#art_4`);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_4');
      expect(await page.locator('#art_4').innerText()).toContain(
        variant === 'hans' ? '具体行政行为' : '具體行政行為',
      );
      const banner = page.locator('.notice--earlier');
      expect(await banner.innerText()).toContain(
        variant === 'hans' ? '不是现行有效的文本' : '不是現行有效的文本',
      );
      expect(await banner.locator('a').getAttribute('href')).toBe(`/${prefix}${SLUG}/`);
      expect(await page.locator('h1').innerText()).toContain(
        variant === 'hans' ? '（2017年修正）' : '（2017年修正）',
      );
      // History and back-links belong to the text in force, not here.
      expect(await page.locator('.history, .backlinks').count()).toBe(0);
      // Copying a citation names the version.
      expect(await page.locator('[data-tools]').getAttribute('data-cite-title')).toBe(
        variant === 'hans'
          ? '《中华人民共和国示例复议法》（2017年修正）'
          : '《中華人民共和國示例複議法》（2017年修正）',
      );
      expect(await page.locator('[data-tools]').getAttribute('data-href')).toBe(
        `/${prefix}${SLUG}/v/${OLD}/`,
      );
      await page.context().close();
    });
  }

  test('open data of the version, and the correspondence as JSON', async () => {
    const data = await (await fetch(`${site.url}${SLUG}/v/${OLD}/data.json`)).json();
    expect(data.edition).toMatchObject({ date: OLD, event: '修正' });
    expect(JSON.stringify(data.tree)).toContain('具体行政行为');
    const md = await (await fetch(`${site.url}${SLUG}/v/${OLD}/text.md`)).text();
    expect(md).toContain('中华人民共和国示例复议法（2017年修正）');
    const corr = await (await fetch(`${site.url}${SLUG}/correspondence.json`)).json();
    expect(corr.correspondences[0].pairs).toContainEqual({
      old: 'art_4',
      new: ['art_5'],
      kind: 'renumbered-amended',
      similarity: expect.any(Number),
      source: 'computed',
    });
  });
});

describe('a citation of an earlier version', () => {
  for (const [variant, prefix] of VARIANTS) {
    test(`${variant}: 《…》（2017年修正）第四条 opens that version and previews the article in force`, async () => {
      const page = await open();
      await page.goto(`${site.url}${prefix}example-review-rules/`);
      const ref = page.locator('#art_1 a.ref--citation');
      expect(await ref.getAttribute('href')).toBe(`/${prefix}${SLUG}/v/${OLD}/#art_4`);
      expect(await ref.getAttribute('data-label')).toBe(
        variant === 'hans'
          ? '《中华人民共和国示例复议法》（2017年修正）第四条'
          : '《中華人民共和國示例複議法》（2017年修正）第四條',
      );
      expect(await ref.getAttribute('data-preview')).toContain(
        variant === 'hans' ? '（现行第五条）' : '（現行第五條）',
      );
      expect(await page.locator('#art_2 a.ref--citation').getAttribute('data-preview')).toContain(
        variant === 'hans' ? '现行文本已删去此条' : '現行文本已刪去此條',
      );
      await ref.click();
      await page.waitForURL(/\/v\/2017-09-01\/#art_4$/);
      expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_4');
      await page.context().close();
    });
  }
});

describe('the comparison and the 对照表', () => {
  for (const [variant, prefix] of VARIANTS) {
    test(`${variant}: article 1 marks 具体行政行为 → 行政行为, side by side and inline`, async () => {
      const page = await open();
      for (const inline of ['', 'inline/']) {
        await page.goto(`${site.url}${prefix}${SLUG}/compare/${OLD}/${NEW}/${inline}#art_1`);
        const row = page.locator('#art_1');
        expect(await row.locator('del').allInnerTexts()).toEqual([variant === 'hans' ? '具体' : '具體']);
        expect(await row.locator('ins').count()).toBe(0);
        // Article 4 only changed its commas' width: nothing marked.
        expect(await page.locator('#art_4 del, #art_4 ins').count()).toBe(0);
        expect(await page.locator('#art_3 ins').allInnerTexts()).toEqual([
          variant === 'hans' ? '复议工作坚持中国共产党的领导。' : '複議工作堅持中國共產黨的領導。',
        ]);
        expect(await page.locator('#was-art_7 del').count()).toBe(1);
        expect(await row.getAttribute('data-cite')).toBe(
          `（2017年修正）${variant === 'hans' ? '第一条' : '第一條'}`,
        );
      }
      await page.context().close();
    });

    test(`${variant}: the 对照表 pairs each old article with its new one`, async () => {
      const page = await open();
      await page.goto(`${site.url}${prefix}${SLUG}/correspondence/${OLD}/${NEW}/`);
      const rows = (await page.locator('.corr tbody tr').allInnerTexts()).map((r) =>
        r.replace(/\s+/g, ' ').trim(),
      );
      const t = (s: string) =>
        variant === 'hans'
          ? s
          : s
              .replace(/条/g, '條')
              .replace(/删/g, '刪')
              .replace(/号/g, '號')
              .replace(/变动/g, '變動')
              .replace(/人工核对/g, '人工核對');
      expect(rows).toEqual([
        t('第一条 第一条 修改'),
        t('第二条 第二条 修改'),
        t('— 第三条 新增'),
        t('第三条 第四条 条号变动'),
        t('第四条 第五条 修改，条号变动'),
        t('第五条 第六条 修改，条号变动'),
        t('第六条 第七条 条号变动'),
        t('第七条 — 删去（人工核对）'),
        t('第八条 第八条 未修改'),
        t('第九条 第九条 修改'),
      ]);
      await page.context().close();
    });
  }
});

describe('quality', () => {
  test('every version page validates (html-validate)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const failed: string[] = [];
    for (const [, prefix] of VARIANTS) {
      for (const p of PAGES) {
        const report = await validator.validateFile(join(work, 'site', prefix, p, 'index.html'));
        if (!report.valid) failed.push(formatterFactory('text')(report.results));
      }
    }
    expect(failed.join('\n')).toBe('');
  });

  for (const [device, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    test(`axe finds no violations, ${device}, light and dark, both scripts; screenshots`, async () => {
      const page = await open({ viewport });
      const found: string[] = [];
      for (const [variant, prefix] of VARIANTS) {
        for (const p of PAGES) {
          await page.goto(`${site.url}${prefix}${p}`);
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            const { violations } = await new AxeBuilder({ page })
              .options({ resultTypes: ['violations'] })
              .analyze();
            for (const v of violations)
              found.push(
                `${prefix}${p} ${colorScheme}: [${v.id}] ${v.help}: ${v.nodes
                  .slice(0, 2)
                  .map((n) => n.target.join(' '))
                  .join(' | ')}`,
              );
            if (SHOTS)
              await page.screenshot({
                path: join(SHOTS, `${variant}-${p.replace(/\//g, '_')}${device}-${colorScheme}.png`),
              });
          }
        }
      }
      expect(found).toEqual([]);
      await page.context().close();
    }, 400_000);
  }

  test('an earlier version and a comparison print without navigation or controls', async () => {
    const page = await open();
    for (const p of [`${SLUG}/v/${OLD}/`, `${SLUG}/compare/${OLD}/${NEW}/`]) {
      await page.goto(`${site.url}${p}`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      expect(await page.locator('.timeline-links, .compare-views').first().isVisible()).toBe(false);
      expect(await page.locator('main h1').isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.context().close();
  });
});
