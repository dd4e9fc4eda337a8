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
 * - **Navigations** to anything else go to the network; offline they get `/offline/`.
 */
import { generateSW } from 'workbox-build';
import { join } from 'node:path';

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
}

/** The service worker's file name, under the base. */
export const SW_FILE = 'sw.js';
/** The page served for navigations that are neither precached nor reachable. */
export const OFFLINE_PAGE = 'offline/index.html';

/** Files whose names carry a content hash: no revision needed in the manifest. */
const HASHED = /(?:^|\/)_astro\/|\.pf_(?:index|fragment|filter|meta)$/;

/** Generate `<outDir>/sw.js` for a site served under `base`. */
export async function writeServiceWorker({ outDir, base }: ServiceWorkerOptions): Promise<ServiceWorkerResult> {
  const prefix = base.replace(/\/?$/, '/');
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: [
      '**/index.html',
      '_astro/**/*',
      '**/pagefind/**/*',
      // The manifest, icons and fonts (none today: the site uses the reader's system fonts).
      '**/*.{webmanifest,svg,png,ico,woff,woff2}',
    ],
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
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: prefix + OFFLINE_PAGE } },
      },
    ],
  });
  return { count, size, warnings };
}
