/**
 * The service worker, generated with Workbox (`generateSW`) into the finished build as
 * `<out>/sw.js`. What it keeps, and why, is written up in docs/offline.md:
 *
 * - **Precached** on install (versioned by content hash, so a new deployment changes sw.js
 *   and the browser installs the new version): every page (`**∕index.html`: home, documents,
 *   articles, both scripts, the offline page), the bundled CSS and JS (`_astro/`), icons,
 *   the web app manifest, fonts if any, and both Pagefind bundles in full (`pagefind/`,
 *   `zh-hant/pagefind/`: pagefind.js, worker, wasm, entry, metadata, index chunks,
 *   fragments, filters, the fold map).
 * - **Cached on first use**: the downloads (Markdown, JSON, single-file HTML) — large
 *   copies of what the pages already hold, only kept once a reader asked for one.
 * - **Navigations** to anything else go to the network; offline they get `/offline/`, or
 *   `/zh-hant/offline/` under `/zh-hant/`.
 */
import { generateSW } from 'workbox-build';
import { join } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { VARIANT_PREFIX } from '../i18n/variant.ts';

const HANT = VARIANT_PREFIX.hant;

export interface ServiceWorkerOptions {
  /** The built site, as a path. */
  outDir: string;
  /** The site base path, `/` or `/rules/`. */
  base: string;
}

export interface ServiceWorkerResult {
  /** Files in the precache manifest. */
  count: number;
  /** Their total size in bytes (uncompressed). */
  size: number;
  warnings: string[];
  /** `full`: everything precached; `large`: shell, document pages and search engine (see PRECACHE_BUDGET). */
  mode: 'full' | 'large';
}

/** The service worker's file name, under the base. */
export const SW_FILE = 'sw.js';
/** The page served for navigations that are neither precached nor reachable, per script. */
export const OFFLINE_PAGE = 'offline/index.html';
export const OFFLINE_PAGE_HANT = `${HANT}offline/index.html`;

/** Files whose names carry a content hash: no revision needed in the manifest. */
const HASHED = /(?:^|\/)_astro\/|\.pf_(?:index|fragment|filter|meta)$/;

/**
 * How much a first visit may precache. Past this, precaching every page and index chunk stops
 * being sensible (a 1,000-document collection is ~0.5 million files and gigabytes; the build's
 * service-worker step alone runs out of memory), so large collections precache the shell, every
 * document page (which holds all of its articles) and the search engine, and cache article
 * pages and search index chunks when first used.
 */
export const PRECACHE_BUDGET = { files: 20_000, bytes: 200 * 1024 * 1024 };

/** Everything, for collections within the budget. */
const FULL = ['**/index.html', '_astro/**/*', '**/pagefind/**/*', '**/*.{webmanifest,svg,png,ico,woff,woff2}'];
/** The shell, document pages and the search engine (not its chunks), for larger ones. */
const LARGE = [
  'index.html', `${HANT}index.html`, '*/index.html', `${HANT}*/index.html`, 'search/index.html', `${HANT}search/index.html`,
  'offline/index.html', `${HANT}offline/index.html`, '_astro/**/*', '**/pagefind/*.{js,json,wasm,pf_meta}', '**/pagefind/wasm.*', '**/*.{webmanifest,svg,png,ico,woff,woff2}',
];

/** Which precache a built site gets: `full` within the budget, `large` beyond it. */
export function precacheMode(outDir: string, budget = PRECACHE_BUDGET): 'full' | 'large' {
  let files = 0;
  let bytes = 0;
  for (const e of readdirSync(outDir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = join(e.parentPath, e.name).slice(outDir.length + 1);
    if (!(e.name === 'index.html' || rel.startsWith('_astro/') || rel.includes('pagefind/'))) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
    if (files > budget.files || bytes > budget.bytes) return 'large';
  }
  return 'full';
}

/** Generate `<outDir>/sw.js` for a site served under `base`. */
export async function writeServiceWorker({ outDir, base }: ServiceWorkerOptions): Promise<ServiceWorkerResult> {
  const prefix = base.replace(/\/?$/, '/');
  const mode = precacheMode(outDir.replace(/\/$/, ''));
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    // The manifest, icons and fonts (none today: the site uses the reader's system fonts) go in both.
    globPatterns: mode === 'full' ? FULL : LARGE,
    // Astro's 404 page is for the server; downloads are cached on first use (see above).
    globIgnores: ['404.html', SW_FILE, '**/*.map'],
    swDest: join(outDir, SW_FILE),
    // Manifest entries are relative to outDir; the site lives under the base.
    modifyURLPrefix: { '': prefix },
    dontCacheBustURLsMatching: HASHED,
    // The site is static: no query changes the file served (`?hl=` highlighting, `?goto=`,
    // `/search/?q=`, Pagefind's `pagefind-entry.json?ts=<now>`), so the lookup ignores them all.
    ignoreURLParametersMatching: [/./],
    // Pagefind's wasm and large index chunks must not be left out silently.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    cacheId: 'tiaowen',
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    // A new version waits until the reader agrees (the page posts {type: 'SKIP_WAITING'}).
    skipWaiting: false,
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    runtimeCaching: [
      // Large collections: article pages and search index chunks are kept once used.
      ...(mode === 'large'
        ? [
            {
              urlPattern: ({ url, sameOrigin }: { url: URL; sameOrigin: boolean }) => sameOrigin && /\/pagefind\/(?:index|fragment|filter)\//.test(url.pathname),
              handler: 'CacheFirst' as const,
              options: { cacheName: 'tiaowen-search-chunks', cacheableResponse: { statuses: [200] } },
            },
            {
              urlPattern: ({ url, request, sameOrigin }: { url: URL; request: Request; sameOrigin: boolean }) =>
                sameOrigin && request.mode === 'navigate' && /\/art_[\d_-]+\/$/.test(url.pathname),
              handler: 'StaleWhileRevalidate' as const,
              options: { cacheName: 'tiaowen-article-pages', cacheableResponse: { statuses: [200] } },
            },
          ]
        : []),
      {
        // Downloads next to a document page: text.md, data.json, <slug>.html.
        urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/[^/]+\.(?:md|json|html)$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: {
          cacheName: 'tiaowen-downloads',
          expiration: { maxEntries: 60 },
          cacheableResponse: { statuses: [200] },
        },
      },
      {
        // Workbox writes these functions into sw.js as source text: no variables from here.
        urlPattern: ({ request, url }) => request.mode === 'navigate' && url.pathname.includes('/zh-hant/'),
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: prefix + OFFLINE_PAGE_HANT } },
      },
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: prefix + OFFLINE_PAGE } },
      },
    ],
  });
  return { count, size, warnings, mode };
}
