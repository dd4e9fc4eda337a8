/**
 * Browser test harness: the static server and Chromium of scripts/lib/site-server.ts, the
 * builds of fixture sites, and the set-up every browser test shares.
 * Chromium is required: a missing browser fails the run, it never skips it.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, serveSite, type SiteServer } from '../../scripts/lib/site-server.ts';

export { findChromium, launchChromium, serveSite, type SiteServer } from '../../scripts/lib/site-server.ts';

/** The built site the tests run against: dist/, or TIAOWEN_OUT when set. */
export const BUILT_SITE = process.env.TIAOWEN_OUT || 'dist';

export interface BuildSiteOptions {
  /** Where the site goes. */
  outDir: string;
  /** The collection file to build from; written by scripts/build-content.ts when `content` is given. */
  collection: string;
  /** A content folder (as content/) to parse into `collection` first. */
  content?: string;
  /** Settings for the build, e.g. `{ TIAOWEN_BASE: '/rules/' }`. */
  env?: Record<string, string>;
}

/**
 * Build a site as `npm run build` does, into its own folder. The build sees neither Vitest's
 * own Vite variables (BASE_URL, MODE, …: Astro would take them for its own) nor the TIAOWEN_*
 * settings of the test run, only those in `env`.
 */
export function buildSite({ outDir, collection, content, env = {} }: BuildSiteOptions): void {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) &&
        !k.startsWith('VITEST') &&
        !k.startsWith('TIAOWEN_'),
    ),
  );
  if (content)
    execFileSync(process.execPath, ['scripts/build-content.ts', '--content', content, '--out', collection], {
      env: inherited,
      stdio: 'pipe',
    });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: {
      ...inherited,
      TIAOWEN_COLLECTION: collection,
      TIAOWEN_OUT: outDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: 'pipe',
  });
}

/**
 * Build a fixture collection (a folder of document folders under tests/fixtures/) into a site of
 * its own, with the project's conversion overrides, in a new temporary folder. Returns that
 * folder (remove it after the tests) and the site's folder within it. `env`: settings for the
 * build, e.g. `{ TIAOWEN_OFFLINE_THRESHOLD: '1' }`.
 */
export function buildFixtureSite(
  fixture: string,
  name: string,
  env: Record<string, string> = {},
): { work: string; siteDir: string } {
  const work = mkdtempSync(join(tmpdir(), `tiaowen-${name}-`));
  const content = join(work, 'content');
  mkdirSync(content);
  cpSync(fixture, content, { recursive: true });
  cpSync('content/conversion-overrides.yaml', join(content, 'conversion-overrides.yaml'));
  buildSite({ content, collection: join(work, 'collection.json'), outDir: join(work, 'site'), env });
  return { work, siteDir: join(work, 'site') };
}

/** Viewports the tests and screenshots use. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Record what should never happen on a page: responses of 400 and above, uncaught page errors
 * and, with `consoleErrors`, console errors. Tests check the list is empty afterwards.
 */
export function recordProblems(
  page: import('playwright-core').Page,
  problems: string[],
  { consoleErrors = false } = {},
): void {
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  if (consoleErrors) {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
  }
}

/**
 * Read response bodies without an async listener. Each read starts in the listener and is
 * settled at once, so a body that can no longer be read (Playwright rejects `response.text()`
 * and `body()` once the page has closed) never becomes an unhandled rejection that fails the
 * run. Awaiting the result rethrows a failed read, so a test never measures a body it lost.
 *
 *   const bodies = responseBodies(page, (r) => r.request().resourceType() === 'script');
 *   await page.goto(url, { waitUntil: 'networkidle' });
 *   const scripts = await bodies();
 */
export function responseBodies(
  page: Page,
  keep: (r: Response) => boolean = () => true,
): () => Promise<Buffer[]> {
  const reads: Array<Promise<{ body: Buffer } | { error: unknown }>> = [];
  page.on('response', (r) => {
    if (keep(r))
      reads.push(
        r.body().then(
          (body) => ({ body }),
          (error: unknown) => ({ error }),
        ),
      );
  });
  return async () =>
    (await Promise.all(reads)).map((read) => {
      if ('error' in read) throw read.error;
      return read.body;
    });
}

/**
 * Let the page settle for `ms` of its own time: after two animation frames (so pending scroll
 * and input events have been dispatched) a timer inside the page, which fires only after the
 * page's own earlier timers. A wall-clock sleep in the test can end before a busy page has run.
 */
export async function settle(page: Page, ms: number): Promise<void> {
  await page.evaluate(
    (wait) =>
      new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, wait))),
      ),
    ms,
  );
}

export interface BrowserSession {
  /** The served site (set before the file's first test). */
  readonly site: SiteServer;
  readonly browser: Browser;
  /**
   * A fresh page in its own context (own storage and service workers), desktop-sized unless
   * `options` say otherwise, watched by recordProblems: what it records fails the current test.
   */
  open(options?: BrowserContextOptions): Promise<Page>;
  /** Watch a page opened some other way, as open() does. */
  watch(page: Page): void;
}

/**
 * The lifecycle every browser test file shares: serve a built site and launch Chromium before
 * the file's tests, close both after them, and fail each test on the failed requests and page
 * errors (console errors too, with `consoleErrors`) of the pages it watched.
 *
 *   const session = useBuiltSite({ consoleErrors: true });
 *   const page = await session.open({ viewport: PHONE });
 *   await page.goto(session.site.url);
 */
export function useBuiltSite(
  options: { dir?: string; base?: string; consoleErrors?: boolean } = {},
): BrowserSession {
  let site: SiteServer | undefined;
  let browser: Browser | undefined;
  let problems: string[] = [];
  beforeAll(async () => {
    site = await serveSite(options.dir ?? BUILT_SITE, options.base);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  afterEach(() => {
    const seen = problems;
    problems = [];
    expect(seen, 'failed requests or page errors').toEqual([]);
  });
  const watch = (page: Page) =>
    recordProblems(page, problems, { consoleErrors: options.consoleErrors ?? false });
  return {
    get site() {
      if (!site) throw new Error('useBuiltSite: the site is served from beforeAll on');
      return site;
    },
    get browser() {
      if (!browser) throw new Error('useBuiltSite: Chromium is launched from beforeAll on');
      return browser;
    },
    watch,
    async open(contextOptions: BrowserContextOptions = {}) {
      const context = await this.browser.newContext({ viewport: DESKTOP, ...contextOptions });
      const page = await context.newPage();
      watch(page);
      return page;
    },
  };
}
