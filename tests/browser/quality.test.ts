/**
 * Quality gates in Chromium over one page of every page type (discovered from the built
 * folder), in both scripts:
 * - no console errors, page errors, failed requests or Content-Security-Policy violations,
 *   including after opening search and running a query;
 * - accessibility: axe-core finds no violations, light and dark, desktop and phone;
 * - a keyboard-only walk (home → document → contents → article → search → result → article
 *   page) with a visible focus indicator at every step.
 */
import { describe, expect, test } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { BUILT_SITE, DESKTOP, PHONE, useBuiltSite } from './harness.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtBase, pageTypes, singleFiles, type PageType } from './built-site.ts';

const BASE = builtBase(BUILT_SITE);
const TYPES = pageTypes(BUILT_SITE);
const QUERY = { hans: '会议', hant: '會議' } as const;

const session = useBuiltSite({ base: BASE });

interface Watched {
  page: Page;
  /** Console errors, page errors, failed requests, CSP violations. */
  problems: string[];
  close(): Promise<void>;
}

/** A page in a fresh context that records every problem, CSP violations included. */
async function watched(options: BrowserContextOptions = {}, headerPolicy?: string): Promise<Watched> {
  const context = await session.browser.newContext({ viewport: DESKTOP, ...options });
  const problems: string[] = [];
  if (headerPolicy) {
    // Serve every response with the policy of _headers too, as Netlify or Cloudflare would.
    await context.route('**/*', async (route) => {
      // The service worker keeps precaching in the background; once the context is closed,
      // its requests in flight are simply dropped.
      try {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'content-security-policy': headerPolicy },
        });
      } catch {
        await route.abort().catch(() => {});
      }
    });
  }
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text()))
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A navigation away (the root page picking a script, a click) aborts what was loading.
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? ''))
      problems.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
  });
  return {
    page,
    problems,
    close: async () => {
      await context.unrouteAll({ behavior: 'ignoreErrors' });
      await context.close();
    },
  };
}

const label = (t: PageType) => `${t.variant} ${t.type} (/${t.path})`;

/** Let the page settle: scripts run, the service worker registers. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
}

describe('every page type, both scripts', () => {
  test('page types were found', () => {
    const found = TYPES.map((t) => `${t.variant} ${t.type}`);
    expect(found).toEqual(expect.arrayContaining(['hans home', 'hans document']));
    console.info(`page types: ${found.join(', ')}`);
  });

  test('no console errors, failed requests or CSP violations', async () => {
    const problems: string[] = [];
    for (const t of TYPES) {
      const w = await watched({ locale: t.variant === 'hant' ? 'zh-TW' : 'zh-CN' });
      await w.page.goto(session.site.url + t.path);
      await settle(w.page);
      problems.push(...w.problems.map((p) => `${label(t)}: ${p}`));
      await w.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('the same with the _headers policy sent as a header (it covers the whole page)', async () => {
    const lines = readFileSync(join(BUILT_SITE, '_headers'), 'utf8').split('\n');
    const block = lines.slice(lines.indexOf(`${BASE}*`) + 1);
    const rule = block.slice(
      0,
      Math.max(
        0,
        block.findIndex((l) => !/^\s/.test(l)),
      ) || block.length,
    );
    const policy = rule.map((l) => /^\s+Content-Security-Policy:\s*(.+)$/i.exec(l)?.[1]).find(Boolean);
    expect(policy, 'a Content-Security-Policy for every path in _headers').toBeTruthy();
    const problems: string[] = [];
    for (const t of TYPES) {
      const w = await watched({ locale: t.variant === 'hant' ? 'zh-TW' : 'zh-CN' }, policy);
      await w.page.goto(session.site.url + t.path);
      await settle(w.page);
      if (t.type === 'home') {
        await w.page.locator('input[type="search"]').first().fill(QUERY[t.variant]);
        await w.page.locator('[role="option"]').first().waitFor({ timeout: 20_000 });
      }
      problems.push(...w.problems.map((p) => `${label(t)}: ${p}`));
      await w.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  test('single-file downloads open from disk with no request, error or CSP violation', async () => {
    const problems: string[] = [];
    for (const file of singleFiles(BUILT_SITE)) {
      const w = await watched();
      w.page.on('request', (r) => {
        if (!/^(?:file|data|about):/.test(r.url())) problems.push(`${file}: requested ${r.url()}`);
      });
      await w.page.goto(pathToFileURL(resolve(BUILT_SITE, file)).href);
      await w.page.waitForLoadState('load');
      // Its inlined stylesheet applied (a policy blocking it would leave the browser's defaults).
      const styled = await w.page.evaluate(() => getComputedStyle(document.body).fontFamily);
      if (!/PingFang|Noto|sans/i.test(styled)) problems.push(`${file}: unstyled (font-family ${styled})`);
      problems.push(...w.problems.map((p) => `${file}: ${p}`));
      await w.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);

  test('no CSP violation or error after opening search and running a query', async () => {
    const problems: string[] = [];
    for (const variant of ['hans', 'hant'] as const) {
      const home = TYPES.find((t) => t.type === 'home' && t.variant === variant);
      if (!home) continue;
      const w = await watched({ locale: variant === 'hant' ? 'zh-TW' : 'zh-CN' });
      await w.page.goto(session.site.url + home.path);
      await settle(w.page);
      const input = w.page.locator('input[type="search"]').first();
      expect(await input.count(), `${variant}: a search box on the home page`).toBe(1);
      await input.click();
      await input.fill(QUERY[variant]);
      await w.page.locator('[role="option"]').first().waitFor({ timeout: 20_000 });
      await settle(w.page);
      problems.push(...w.problems.map((p) => `${variant} search: ${p}`));
      await w.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);
});

/** axe-core with every rule it has (WCAG 2.x A/AA and best practices), reporting violations only. */
const axe = (page: Page) => new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();

describe('accessibility (axe-core)', () => {
  const devices = [
    ['desktop', { viewport: DESKTOP }],
    ['phone', { viewport: PHONE, isMobile: true, hasTouch: true }],
  ] as const;
  for (const [device, options] of devices) {
    test(`no violations on ${device}, light and dark`, async () => {
      // No service worker here: its precaching would only slow every page down.
      const context = await session.browser.newContext({ ...options, serviceWorkers: 'block' });
      const found: string[] = [];
      for (const t of TYPES) {
        const page = await context.newPage();
        await page.goto(session.site.url + t.path);
        await settle(page);
        // One load, both schemes: the stylesheet follows prefers-color-scheme live.
        const backgrounds = new Set<string>();
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
          backgrounds.add(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
          const { violations } = await axe(page);
          for (const v of violations) {
            const nodes = v.nodes
              .slice(0, 3)
              .map(
                (n) =>
                  `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1, 2).join('').trim()}` : ''}`,
              );
            found.push(
              `${label(t)}, ${colorScheme}: [${v.id}] ${v.help} (${v.nodes.length}×): ${nodes.join(' | ')}`,
            );
          }
        }
        expect(backgrounds.size, `${label(t)}: dark differs from light`).toBe(2);
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    }, 900_000);
  }

  test('the search panel with results has no violations', async () => {
    const context = await session.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(session.site.url);
    await settle(page);
    await page.locator('input[type="search"]').first().fill(QUERY.hans);
    await page.locator('[role="option"]').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('ArrowDown');
    const { violations } = await axe(page);
    await context.close();
    expect(
      violations.map(
        (v) =>
          `[${v.id}] ${v.help}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
  }, 180_000);
});

/** Describe the focused element and whether its focus indicator is visible. */
async function focusState(
  page: Page,
): Promise<{ what: string; visible: boolean; tag: string; href: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: '(nothing)', visible: false, tag: '', href: '' };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    const what = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}> ${(el.textContent ?? '').trim().slice(0, 30)}`;
    return {
      what,
      visible: (outline || shadow) && onScreen,
      tag: el.tagName,
      href: el.getAttribute('href') ?? '',
    };
  });
}

/** Press Tab until `want` matches the focused element (at most `max` times). */
async function tabTo(
  page: Page,
  want: (f: { tag: string; href: string; what: string }) => boolean,
  max = 300,
): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (want(await focusState(page))) return true;
  }
  return false;
}

describe('keyboard only', () => {
  test('home → document → contents → article → search → result → article page, focus always visible', async () => {
    const w = await watched({ locale: 'zh-CN' });
    const { page } = w;
    const steps: string[] = [];
    const check = async (step: string) => {
      const f = await focusState(page);
      steps.push(`${step}: ${f.what}`);
      expect(f.visible, `focus indicator at "${step}" on ${f.what}`).toBe(true);
    };
    await page.goto(session.site.url);
    await settle(page);

    // Home → a document link.
    const docHref = await page.locator('.doc-card h2 a, main a[href]').first().getAttribute('href');
    expect(await tabTo(page, (f) => f.href === docHref), `Tab reaches the document link ${docHref}`).toBe(
      true,
    );
    await check('document link');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === docHref);
    await settle(page);

    // The contents: Tab into the table of contents, then Enter on an article.
    expect(
      await tabTo(page, (f) => /^#art_\d+$/.test(f.href)),
      'Tab reaches an article in the contents',
    ).toBe(true);
    expect(
      await tabTo(page, (f) => f.href === '#art_3', 20),
      'Tab reaches the third article in the contents',
    ).toBe(true);
    await check('contents link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#art_3$/);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('art_3');
    // Reading on: the next Tab stop is inside the article, and visibly focused.
    expect(await tabTo(page, (f) => f.what.length > 0 && f.tag !== 'BODY', 5)).toBe(true);
    await check('inside the article');

    // The search box: `/`, a query, arrow down, Enter lands on a provision.
    await page.keyboard.press('/');
    await check('search box');
    await page.keyboard.type(QUERY.hans);
    await page.locator('[role="option"]').first().waitFor({ timeout: 20_000 });
    // Arrow down past the title and heading hits to the first provision.
    const chosen = page.locator('[role="option"][aria-selected="true"]');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('ArrowDown');
      if (/#art_/.test((await chosen.getAttribute('href', { timeout: 10_000 })) ?? '')) break;
    }
    await check('search box with a result chosen');
    expect(await chosen.count(), 'ArrowDown chooses a result').toBe(1);
    const marked = await chosen.evaluate((el) => {
      const s = getComputedStyle(el);
      const other = el.parentElement?.querySelector('[role="option"][aria-selected="false"]');
      const o = other ? getComputedStyle(other) : null;
      return (
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
        s.boxShadow !== 'none' ||
        (o !== null && o.backgroundColor !== s.backgroundColor)
      );
    });
    expect(marked, 'the chosen result is visibly marked').toBe(true);
    const target = new URL((await chosen.getAttribute('href'))!, page.url());
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target.pathname && u.hash === target.hash);
    await settle(page);
    const landed = decodeURIComponent(target.hash.slice(1));
    expect(landed, 'the result is a provision').toMatch(/^art_/);
    expect(await page.evaluate((id) => !!document.getElementById(id), landed)).toBe(true);

    // An article page, when the site has them: follow a link to one by keyboard.
    const articlePage = TYPES.find((t) => t.type.startsWith('document/'));
    if (articlePage) {
      const isArticleLink = (f: { href: string }) => /\/art_[^/#]+\/(?:#.*)?$/.test(f.href);
      if (await tabTo(page, isArticleLink, 400)) {
        await check('link to an article page');
        const href = (await focusState(page)).href;
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname === new URL(href, page.url()).pathname);
      } else {
        steps.push('(no link to an article page on the document page: opened directly)');
        await page.goto(session.site.url + articlePage.path);
      }
      await settle(page);
      expect(await tabTo(page, (f) => f.what !== '(nothing)', 3)).toBe(true);
      await check('article page');
    }
    console.info(steps.join('\n'));
    expect(w.problems).toEqual([]);
    await w.close();
  }, 300_000);
});
