/**
 * The offline manifests: one per variant, written by the build next to the variant's home as
 * `tiaowen-offline.json` (`/tiaowen-offline.json`, `/zh-hant/tiaowen-offline.json`). They list
 * what a reader can keep offline, grouped, with each file's revision and its compressed size,
 * and say whether the variant is a small collection (kept whole on the first visit) or a large
 * one (the reader chooses). The service worker (src/offline/keep-worker.ts) and the offline
 * page (src/offline/keep-ui.ts) read them; docs/offline.md explains the choices.
 *
 * Node only (reads the built site).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VARIANT_PREFIX, VARIANTS, type Variant } from '../i18n/variant.ts';
import { RECORDS_FILE } from '../search/schema.ts';
import {
  ARTICLE_PAGE,
  entriesFor,
  entryBytes,
  modeFor,
  type Entry,
  type OfflineManifest,
} from './choices.ts';

export { RECORDS_FILE };
export * from './choices.ts';

/** The manifest's file name, under the base and under `zh-hant/`. */
export const MANIFEST_FILE = 'tiaowen-offline.json';
/** The environment setting for the threshold, in bytes (compressed). */
export const THRESHOLD_ENV = 'TIAOWEN_OFFLINE_THRESHOLD';
/**
 * Past this many compressed bytes for a variant kept whole, a collection is large: the first
 * visit keeps only what was opened and the search engine, and the reader chooses the rest.
 * 5 MiB is a background download a phone on a metered plan should not be surprised by.
 */
export const DEFAULT_THRESHOLD = 5 * 1024 * 1024;

/** The threshold from the environment (bytes), else the default; a malformed value is an error. */
export function thresholdFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env[THRESHOLD_ENV];
  if (raw === undefined || raw === '') return DEFAULT_THRESHOLD;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${THRESHOLD_ENV} must be a whole number of bytes, not "${raw}"`);
  return n;
}

export interface BuildManifestsOptions {
  outDir: string;
  /** `/` or `/rules/`. */
  base: string;
  documents: ReadonlyArray<{
    slug: string;
    title: string;
    titleHant?: string | undefined;
    type: string;
    hasHant: boolean;
  }>;
  threshold: number;
}

/** Files of the built site below `dir`, relative to `root`, `/`-separated. */
function walk(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Pagefind files the site never fetches: the client searches on the main thread (noWorker). */
const ENGINE =
  /(?:^|\/)pagefind\/(?:pagefind\.js|pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+|tiaowen-(?:fold|chunks)\.json)$/;
const UNUSED = /(?:^|\/)pagefind\/pagefind-worker\.js$/;
/** The flat index's files every query needs (TIAOWEN_SEARCH_ENGINE=flat; src/search/flat/format.ts). */
const FLAT_ENGINE = /^flat\/(?:volumes\/[^/]+\/)?(?:manifest\.json|[0-9a-f]{12}\/fold\.json)$/;
/**
 * The manifests of both variants, from the built site. The page address of `x/index.html` is
 * `x/`; sizes are gzip sizes (what a compressing host sends; Pagefind's files are compressed
 * already and barely change).
 */
export function buildManifests({
  outDir,
  base,
  documents,
  threshold,
}: BuildManifestsOptions): Record<Variant, OfflineManifest> {
  const prefix = base.replace(/\/?$/, '/');
  const entry = (file: string): Entry => {
    const bytes = readFileSync(join(outDir, file));
    const url = prefix + (file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file);
    return [url, createHash('md5').update(bytes).digest('hex').slice(0, 12), gzipSync(bytes).length];
  };
  const slugs = new Set(documents.map((d) => d.slug));
  const result = {} as Record<Variant, OfflineManifest>;
  for (const variant of VARIANTS) {
    const vp = VARIANT_PREFIX[variant];
    const all = walk(outDir, join(outDir, vp)).filter((f) =>
      vp === '' ? !f.startsWith(VARIANT_PREFIX.hant) : true,
    );
    const manifest: OfflineManifest = {
      version: '',
      variant,
      mode: 'small',
      threshold,
      shell: [],
      engine: [],
      index: [],
      pages: [],
      documents: [],
    };
    const bySlug = new Map<string, Entry[]>();
    for (const file of all) {
      const rest = file.slice(vp.length);
      const top = rest.split('/')[0]!;
      if (rest.startsWith('pagefind/')) {
        if (UNUSED.test(rest)) continue;
        (ENGINE.test(rest) ? manifest.engine : manifest.index).push(entry(file));
      } else if (rest.startsWith('flat/') && !slugs.has('flat')) {
        (FLAT_ENGINE.test(rest) ? manifest.engine : manifest.index).push(entry(file));
      } else if (rest === 'offline/index.html' || rest === 'search/index.html') {
        manifest.shell.push(entry(file));
      } else if (slugs.has(top) && rest.includes('/')) {
        const e =
          (rest.endsWith('/index.html') && !ARTICLE_PAGE.test('/' + rest.slice(0, -'index.html'.length))) ||
          rest === `${top}/${RECORDS_FILE}`
            ? entry(file)
            : undefined;
        if (e) (bySlug.get(top) ?? bySlug.set(top, []).get(top)!).push(e);
      } else if (rest.endsWith('index.html') && rest !== '404.html') {
        manifest.pages.push(entry(file));
      }
    }
    // The document page first, then its other pages, then its records.
    for (const d of documents) {
      const entries = bySlug.get(d.slug);
      if (!entries) continue;
      // A document with no traditional text: its /zh-hant/ page says so, a page like the others.
      if (variant === 'hant' && !d.hasHant) {
        manifest.pages.push(...entries.filter(([url]) => !url.endsWith(RECORDS_FILE)));
        continue;
      }
      const page = `${prefix}${vp}${d.slug}/`;
      entries.sort(
        (a, b) =>
          Number(b[0] === page) - Number(a[0] === page) ||
          Number(a[0].endsWith(RECORDS_FILE)) - Number(b[0].endsWith(RECORDS_FILE)),
      );
      manifest.documents.push({
        slug: d.slug,
        title: variant === 'hant' ? (d.titleHant ?? d.title) : d.title,
        type: d.type,
        entries,
      });
    }
    manifest.mode = modeFor(entryBytes(entriesFor(manifest, 'all')), threshold);
    result[variant] = manifest;
  }
  const hash = createHash('md5');
  for (const variant of VARIANTS) {
    const m = result[variant];
    for (const e of [
      ...m.shell,
      ...m.engine,
      ...m.index,
      ...m.pages,
      ...m.documents.flatMap((d) => d.entries),
    ])
      hash.update(`${e[0]} ${e[1]}\n`);
    hash.update(m.mode);
  }
  const version = hash.digest('hex').slice(0, 12);
  for (const variant of VARIANTS) result[variant].version = version;
  return result;
}
