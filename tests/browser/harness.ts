/**
 * Browser test harness: a tiny static server for a built site (base path, directory
 * index.html, 404) on a free loopback port, and Chromium driven by playwright-core.
 * Chromium is required: a missing browser fails the run, it never skips it.
 */
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export interface SiteServer {
  /** Origin plus base, with a trailing slash: `http://127.0.0.1:PORT/rules/`. */
  url: string;
  origin: string;
  /** Every path the server was asked for, for asserting on requests. */
  requests: string[];
  close(): Promise<void>;
}

/** The built site the tests run against: dist/, or TIAOWEN_OUT when set. */
export const BUILT_SITE = process.env.TIAOWEN_OUT || 'dist';

/** Serve `dir` (a built site) under `base` (`/` or `/rules/`) on 127.0.0.1 and a free port. */
export async function serveSite(dir: string, base = '/'): Promise<SiteServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built site in ${root} (index.html missing): run "npm run build" first.`);
  }
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const notFound = async () => {
      const page = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(existsSync(page) ? await readFile(page) : '404 Not Found');
    };
    if (!url.pathname.startsWith(base)) return notFound();
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return notFound();
    }
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return notFound(); // no climbing out
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    requests,
    close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}

/** The Chromium executable: /usr/bin/chromium, else `chromium` on PATH; throws loudly when absent. */
export function findChromium(): string {
  const candidates = ['/usr/bin/chromium'];
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    if (onPath) candidates.push(onPath);
  } catch {
    /* not on PATH */
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: run "apt-get install -y chromium"');
  return found;
}

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
      ([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'].includes(k) && !k.startsWith('VITEST') && !k.startsWith('TIAOWEN_'),
    ),
  );
  if (content) execFileSync(process.execPath, ['scripts/build-content.ts', '--content', content, '--out', collection], { env: inherited, stdio: 'pipe' });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    env: { ...inherited, TIAOWEN_COLLECTION: collection, TIAOWEN_OUT: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: 'pipe',
  });
}

/**
 * Build a fixture collection (a folder of document folders under tests/fixtures/) into a site of
 * its own, with the project's conversion overrides, in a new temporary folder. Returns that
 * folder (remove it after the tests) and the site's folder within it. `env`: settings for the
 * build, e.g. `{ TIAOWEN_OFFLINE_THRESHOLD: '1' }`.
 */
export function buildFixtureSite(fixture: string, name: string, env: Record<string, string> = {}): { work: string; siteDir: string } {
  const work = mkdtempSync(join(tmpdir(), `tiaowen-${name}-`));
  const content = join(work, 'content');
  mkdirSync(content);
  cpSync(fixture, content, { recursive: true });
  cpSync('content/conversion-overrides.yaml', join(content, 'conversion-overrides.yaml'));
  buildSite({ content, collection: join(work, 'collection.json'), outDir: join(work, 'site'), env });
  return { work, siteDir: join(work, 'site') };
}

/** Launch headless Chromium with no network beyond loopback and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Viewports the tests and screenshots use. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * Record what should never happen on a page: responses of 400 and above, uncaught page errors
 * and, with `consoleErrors`, console errors. Tests check the list is empty afterwards.
 */
export function recordProblems(page: import('playwright-core').Page, problems: string[], { consoleErrors = false } = {}): void {
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
export function responseBodies(page: Page, keep: (r: Response) => boolean = () => true): () => Promise<Buffer[]> {
  const reads: Array<Promise<{ body: Buffer } | { error: unknown }>> = [];
  page.on('response', (r) => {
    if (keep(r)) reads.push(r.body().then((body) => ({ body }), (error: unknown) => ({ error })));
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
    (wait) => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, wait)))),
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
export function useBuiltSite(options: { dir?: string; base?: string; consoleErrors?: boolean } = {}): BrowserSession {
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
  const watch = (page: Page) => recordProblems(page, problems, { consoleErrors: options.consoleErrors ?? false });
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
