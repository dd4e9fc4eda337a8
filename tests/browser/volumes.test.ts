/**
 * A collection built in two volumes by two separate builds, joined (scripts/lib/volumes.ts) and
 * searched as one (src/search/flat/volumes.ts), in both scripts: the demonstration at small
 * scale of docs/scale.md. The six documents of tests/fixtures/collection/ are split three and
 * three; every title holds 示例, so a search for it must find all six.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  buildFixtureSite,
  DESKTOP,
  launchChromium,
  recordProblems,
  serveSite,
  type SiteServer,
} from './harness.ts';
import { assembleVolumes } from '../../scripts/lib/volumes.ts';
import { VARIANT_PREFIX } from '../../src/i18n/variant.ts';

const FIXTURE = 'tests/fixtures/collection';
const VOLUMES = {
  first: ['penalty-law', 'penalty-law-regulations', 'penalty-law-interpretation'],
  second: ['shandong-example-regulation', 'zibo-example-rules-2017', 'zibo-example-rules-2021'],
};

let split: string;
const built: Array<{ work: string; siteDir: string }> = [];
let site: SiteServer;
let browser: Browser;
let problems: string[] = [];

beforeAll(async () => {
  split = mkdtempSync(join(tmpdir(), 'tiaowen-volumes-'));
  for (const [name, slugs] of Object.entries(VOLUMES)) {
    const dir = join(split, name);
    mkdirSync(dir);
    for (const slug of slugs) cpSync(join(FIXTURE, slug), join(dir, slug), { recursive: true });
    built.push(buildFixtureSite(dir, `volume-${name}`));
  }
  assembleVolumes(built[0]!.siteDir, [{ name: 'second', dir: built[1]!.siteDir }]);
  site = await serveSite(built[0]!.siteDir);
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  for (const dir of [split, ...built.map((b) => b.work)])
    if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
  const page = await context.newPage();
  recordProblems(page, problems, { consoleErrors: true });
  return page;
}

describe('two volumes built apart, searched as one', () => {
  test('the site index names the other volume, and the volume brings its pages', () => {
    for (const prefix of Object.values(VARIANT_PREFIX)) {
      const manifest = JSON.parse(
        readFileSync(join(built[0]!.siteDir, prefix, 'flat', 'manifest.json'), 'utf8'),
      ) as {
        volumes?: string[];
      };
      expect(manifest.volumes).toEqual(['volumes/second/']);
      for (const slug of VOLUMES.second)
        expect(readFileSync(join(built[0]!.siteDir, prefix, slug, 'index.html'), 'utf8')).toContain('<h1');
    }
    // The second volume's index files are immutable like the first's.
    const headers = readFileSync(join(built[0]!.siteDir, '_headers'), 'utf8');
    expect(headers).toMatch(/^\/flat\/volumes\/second\/[0-9a-f]{12}\/\*$/m);
  });

  for (const [variant, prefix] of Object.entries(VARIANT_PREFIX)) {
    test(`a search finds the documents of both volumes (${variant})`, async () => {
      const page = await open();
      await page.goto(`${site.url}${prefix}search/?q=${encodeURIComponent('示例')}`);
      const options = page.locator('[data-search-page] [role="option"]');
      await options.first().waitFor({ timeout: 30_000 });
      // Read on until every result is shown.
      const more = page.locator('[data-search-page] [data-search-more]');
      for (let i = 0; i < 20 && (await more.isVisible()); i++) await more.click();
      const slugs = new Set(
        (await options.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).map(
          (href) => new URL(href, 'http://x').pathname.replace(/^\/(zh-hant\/)?/, '').split('/')[0],
        ),
      );
      expect([...slugs].sort()).toEqual([...VOLUMES.first, ...VOLUMES.second].sort());
      // A result of the second volume opens its page, at the hit.
      await page
        .locator(`[data-search-page] [role="option"][href*="/${VOLUMES.second[0]}/"]`)
        .first()
        .click();
      await page.waitForURL(new RegExp(`/${prefix}${VOLUMES.second[0]}/`));
      await expect(page.locator('mark.search-hl').first().textContent()).resolves.toMatch(/示例/);
      expect(problems).toEqual([]);
      problems = [];
    });
  }
});
