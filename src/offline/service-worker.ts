/**
 * The service worker, generated into the finished build as `<out>/sw.js`: Workbox
 * (`generateSW`) precaches what every page needs (the bundled CSS and JS, icons, the web app
 * manifest) and runs the update flow and the downloads cache; in front of it, the keeping of
 * pages and search files per variant (src/offline/keep-worker.ts, bundled here), driven by the
 * offline manifests this step writes (src/offline/manifest.ts). docs/offline.md explains it:
 *
 * - a small collection keeps the reader's variant whole on the first visit (the other one when
 *   the reader switches to it); a large one keeps the opened page and the search engine, and
 *   the reader chooses the rest on the offline page;
 * - a new build changes sw.js (the manifests' version is in it), keeps again what was kept,
 *   and removes the old caches when it takes over;
 * - the downloads (Markdown, JSON, single-file HTML) are cached on first use;
 * - offline, a navigation nothing kept answers gets the document page at the article (article
 *   pages) or the offline page, in the reader's variant.
 */
import { generateSW } from 'workbox-build';
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { VARIANT_PREFIX, VARIANTS, type Variant } from '../i18n/variant.ts';
import {
  buildManifests,
  entriesFor,
  entryBytes,
  MANIFEST_FILE,
  thresholdFromEnv,
  type BuildManifestsOptions,
  type OfflineManifest,
} from './manifest.ts';

export interface ServiceWorkerOptions {
  /** The built site, as a path. */
  outDir: string;
  /** The site base path, `/` or `/rules/`. */
  base: string;
  /** The collection's documents; default: those of the manifests already in `outDir`. */
  documents?: BuildManifestsOptions['documents'];
  /** Small/large threshold in compressed bytes; default: the manifests' already there, else TIAOWEN_OFFLINE_THRESHOLD or the default. */
  threshold?: number;
}

export interface ServiceWorkerResult {
  /** Files in Workbox's precache (what every page needs). */
  count: number;
  /** Their total size in bytes (uncompressed). */
  size: number;
  warnings: string[];
  /** The offline manifests written. */
  manifests: Record<Variant, OfflineManifest>;
  /** Per variant: compressed bytes of the whole variant, and of what the first visit keeps (Workbox's precache included). */
  bytes: Record<Variant, { all: number; firstVisit: number }>;
}

/** The service worker's file name, under the base. */
export const SW_FILE = 'sw.js';
/** What Workbox precaches: what every page of either variant needs. */
const SHARED = ['_astro/**/*', '*.{webmanifest,svg}', 'icons/**/*'];

const gzipSize = (file: string) => gzipSync(readFileSync(file)).length;

/** The files SHARED matches (for the byte count; Workbox does the matching for sw.js). */
function sharedFiles(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(outDir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter(
      (f) =>
        f.startsWith('_astro/') ||
        f.startsWith('icons/') ||
        /^[^/]+\.(?:webmanifest|svg|png|ico)$/.test(f) ||
        /\.woff2?$/.test(f),
    )
    .filter((f) => !f.endsWith('.map'));
}

/** Compressed bytes of what Workbox precaches (every page's CSS, JS, icons, web app manifest). */
export function sharedBytes(outDir: string): number {
  return sharedFiles(outDir).reduce((sum, f) => sum + gzipSize(join(outDir, f)), 0);
}

/**
 * Compressed bytes a first visit to a document page downloads in the background: what the
 * shared precache holds, plus the variant whole (small) or the offline and search pages, the
 * search engine and the opened document page (large; the first document's page).
 */
export function firstVisitBytes(m: OfflineManifest, shared: number): number {
  const kept =
    m.mode === 'small'
      ? entriesFor(m, 'all')
      : [...m.shell, ...m.engine, ...(m.documents[0]?.entries.slice(0, 1) ?? [])];
  return shared + entryBytes(kept);
}

/** The service worker's own part, bundled for the browser (no imports left). */
async function keepWorkerSource(): Promise<string> {
  const entry = fileURLToPath(new URL('./keep-worker.ts', import.meta.url));
  const out = await esbuild({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
  });
  return out.outputFiles[0]!.text;
}

/** The manifests already written to a built site, if any. */
function readManifests(outDir: string): Partial<Record<Variant, OfflineManifest>> {
  const out: Partial<Record<Variant, OfflineManifest>> = {};
  for (const v of VARIANTS) {
    const file = join(outDir, VARIANT_PREFIX[v], MANIFEST_FILE);
    if (existsSync(file)) out[v] = JSON.parse(readFileSync(file, 'utf8')) as OfflineManifest;
  }
  return out;
}

/** Generate `<outDir>/sw.js` for a site served under `base`. */
export async function writeServiceWorker(options: ServiceWorkerOptions): Promise<ServiceWorkerResult> {
  const { outDir, base } = options;
  const prefix = base.replace(/\/?$/, '/');
  const previous = readManifests(outDir);
  const documents =
    options.documents ??
    (previous.hans?.documents ?? []).map((d) => {
      const hant = previous.hant?.documents.find((h) => h.slug === d.slug);
      return { slug: d.slug, title: d.title, titleHant: hant?.title, type: d.type, hasHant: Boolean(hant) };
    });
  const threshold = options.threshold ?? previous.hans?.threshold ?? thresholdFromEnv();
  const manifests = buildManifests({ outDir, base: prefix, documents, threshold });
  for (const v of VARIANTS)
    writeFileSync(join(outDir, VARIANT_PREFIX[v], MANIFEST_FILE), JSON.stringify(manifests[v]));

  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    // No fonts: the site uses the reader's system fonts.
    globPatterns: SHARED,
    // Astro's 404 page is for the server; downloads are cached on first use (see above).
    globIgnores: ['404.html', SW_FILE, '**/*.map'],
    swDest: join(outDir, SW_FILE),
    // Manifest entries are relative to outDir; the site lives under the base.
    modifyURLPrefix: { '': prefix },
    dontCacheBustURLsMatching: /(?:^|\/)_astro\//,
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
        // Downloads next to a document page: text.md, data.json, <slug>.html (never the search
        // files or manifests, which the keeping part answers).
        urlPattern: ({ url, sameOrigin }) =>
          sameOrigin &&
          /\/[^/]+\.(?:md|json|html)$/.test(url.pathname) &&
          !/\/pagefind\/|\/flat\/|\/tiaowen-[a-z]+\.json$/.test(url.pathname),
        handler: 'NetworkFirst',
        options: {
          cacheName: 'tiaowen-downloads',
          expiration: { maxEntries: 60 },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  });
  // The keeping part goes first: its fetch listener answers navigations and search files before
  // Workbox's router (whose routes match none of them) is asked. The version makes every build's
  // sw.js differ where any kept file differs.
  const config = { base: prefix, version: manifests.hans.version, manifest: MANIFEST_FILE };
  const sw = join(outDir, SW_FILE);
  writeFileSync(
    sw,
    `self.__TIAOWEN_OFFLINE__=${JSON.stringify(config)};\n${await keepWorkerSource()}\n${readFileSync(sw, 'utf8')}`,
  );

  const shared = sharedBytes(outDir);
  const bytes = {} as ServiceWorkerResult['bytes'];
  for (const v of VARIANTS)
    bytes[v] = {
      all: entryBytes(entriesFor(manifests[v], 'all')),
      firstVisit: firstVisitBytes(manifests[v], shared),
    };
  return { count, size, warnings, manifests, bytes };
}
