/**
 * Search on a site built under a sub-path (TIAOWEN_BASE=/rules/) from the test fixture
 * collection: the interface, the bundle and every result link stay under the base.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchChromium, serveSite, type SiteServer } from './harness.ts';
import { fixtureCollection } from './fixture.ts';

/** Poll with room for the first search to load Pagefind on a busy machine. */
const until = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

const BASE = '/rules/';
let work: string;
let site: SiteServer;
let browser: Browser;
const failures: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tiaowen-search-base-'));
  const collection = join(work, 'collection.json');
  writeFileSync(collection, JSON.stringify(fixtureCollection));
  // Vitest exposes its own Vite env (BASE_URL, MODE, …) on process.env; the build must not inherit it.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST')),
  );
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(work, 'site')], {
    env: { ...env, TIAOWEN_BASE: BASE, TIAOWEN_COLLECTION: collection, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'pipe',
  });
  site = await serveSite(join(work, 'site'), BASE);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  return page;
}

describe('search under /rules/', () => {
  test('the header box finds provisions and opens them under the base, highlighted', async () => {
    const page = await open();
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
    expect(requests.some((p) => p.startsWith(`${BASE}pagefind/`))).toBe(true);
    expect(failures).toEqual([]);
  });

  test('the shareable search page works under the base', async () => {
    const page = await open();
    await page.goto(`${site.url}search/?q=${encodeURIComponent('登记机关')}`);
    await until(() => page.locator('[data-search-page] [role="option"]').count()).toBeGreaterThan(0);
    const hrefs = await page.locator('[data-search-page] [role="option"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.every((h) => h.startsWith(BASE))).toBe(true);
    expect(await page.locator('#search-input').inputValue()).toBe('登记机关');
    expect(failures).toEqual([]);
  });
});
