/**
 * Build the Pagefind bundle of one script from the collection, with Pagefind's Node API.
 *
 * Records are added as custom records whose content is pre-tokenised (see tokenize.ts) and
 * whose language is `zxx` ("no linguistic content"): Pagefind neither segments nor stems it,
 * and splits it on whitespace only, so every token is one word. The display fields travel as
 * Pagefind *filters*, not metadata: filters are returned with each result's fragment but are not
 * word-indexed (metadata is), and their index files are only fetched when a search filters.
 */
import * as pagefind from 'pagefind';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cbor2';
import { join } from 'node:path';
import type { DocumentEntry } from '../data/collection.ts';
import { normalizeText, type Fold } from './normalize.ts';
import { contentTokens } from './tokenize.ts';
import { buildCollectionRecords, packBudget, packRecords, rankKey, type SearchRecord } from './records.ts';
import { variantPath, type Variant } from '../i18n/variant.ts';
import { buildFoldMap } from '../variant/fold-map.ts';
import { foldToSimplified, type FoldMap } from '../variant/fold.ts';
import { toText } from '../parser/to-string.ts';
import {
  bundlePath,
  CHUNKS_FILE,
  docFilter,
  FIELD,
  FILTER,
  FOLD_FILE,
  INDEX_LANGUAGE,
  RECORDS_FILE,
  SORT_KEY,
  type Part,
} from './schema.ts';
import { listedDocuments } from '../collection/listing.ts';
import { buildFlatIndex } from './flat/build.ts';
import { flatIndexPath } from './schema.ts';
import { dirname } from 'node:path';

export { bundlePath, INDEX_LANGUAGE };

const CHUNK_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
/**
 * Word locations per index chunk. Pagefind's default (20,000) makes a first query fetch a
 * chunk of ~30 KiB; smaller chunks keep a query's download small at the cost of more files.
 * A query may touch one chunk per bigram sent (up to three): at 2,000 each is ~3.4 KiB
 * compressed, which keeps a first query, everything included, near 92 KiB (budget 100 KiB;
 * `npm run bench:search`); at 4,000 it was ~102 KiB.
 */
export const DEFAULT_CHUNK_SIZE = 2000;

/** Pagefind files the site does not use (its own UIs). */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

export interface BuildSearchIndexOptions {
  /** The built site (Astro's `dir`), as a path. */
  outDir: string;
  /** The site base path, e.g. `/` or `/rules/`. */
  base: string;
  documents: readonly DocumentEntry[];
  variant: Variant;
  /**
   * Traditional → simplified map (src/variant/fold.ts) used for the tokens and written to the
   * bundle for the query; default `buildFoldMap` over the collection's simplified text.
   */
  foldMap?: FoldMap;
  /** The page path of a document under the base (default `slug/`, `zh-hant/slug/`). */
  pagePath?: (slug: string, variant: Variant) => string;
  /** Word locations per index chunk (default DEFAULT_CHUNK_SIZE). */
  chunkSize?: number;
}

export interface BuildSearchIndexResult {
  outputPath: string;
  /** Search records (results can link to) and the Pagefind records holding them. */
  records: number;
  indexRecords: number;
  /** Distinct tokens, summed over records (Pagefind's uniqueWords). */
  words: number;
}

/** The fragment part of a record URL (`#art_5`), '' when it has none. */
function fragmentOf(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? '' : url.slice(i);
}

/**
 * What a document's index records carry besides its text: its facet keys, as the collection's
 * browse pages have them (src/collection/listing.ts), for the search filters, and its defined
 * terms (src/references/glossary.ts), which the title record indexes so that a document
 * defining the query ranks with those whose title holds it. Terms are only matched (folded),
 * never shown, so they stay in simplified characters in both bundles.
 */
export interface DocFacets {
  type: string;
  status: string;
  region: string;
  terms: string[];
}

/** The facets of every document of a collection in a script, by slug. */
export function documentFacets(
  documents: readonly DocumentEntry[],
  variant: Variant,
): Map<string, DocFacets> {
  const listed = listedDocuments(documents, variant);
  return new Map(
    listed.map((d, i) => [
      d.slug,
      {
        type: d.type,
        status: d.status,
        region: d.region,
        terms: [...new Set(documents[i]!.terms.map((t) => t.term))],
      },
    ]),
  );
}

/**
 * The Pagefind custom record of a group of search records (records.ts packRecords): the tokens
 * of every block's normalised, folded text and aliases, each block its own run (so a phrase
 * never spans two blocks), and the blocks themselves as the `p` filter for the client; the slug
 * also under its document filter (schema.ts docFilter). With
 * `facets`, the document's type, status and region as filters (FILTER); a title record also
 * indexes the defined terms, each its own run, and carries them as the `g` field.
 */
export function toCustomRecord(
  group: readonly SearchRecord[],
  fold: Fold,
  facets?: DocFacets,
): pagefind.CustomRecord {
  const head = group[0];
  if (!head) throw new Error('toCustomRecord: an empty group');
  const terms = head.kind === 'title' ? (facets?.terms ?? []) : [];
  const runs = [...group.flatMap((r) => [r.text, ...r.aliases]), ...terms]
    .map((s) => normalizeText(s, { fold }))
    .filter((s) => s !== '');
  const parts: Part[] = group.map((r) =>
    r.aliases.length ? [fragmentOf(r.url), r.label, r.text, r.aliases] : [fragmentOf(r.url), r.label, r.text],
  );
  const filters: Record<string, string[]> = {
    [FIELD.kind]: [head.kind],
    [FIELD.docTitle]: [head.docTitle],
    [FIELD.slug]: [head.slug],
    [docFilter(head.slug)]: [head.slug],
    [FIELD.parts]: [JSON.stringify(parts)],
    [FIELD.docIndex]: [String(head.docIndex)],
    [FIELD.order]: [String(head.order)],
  };
  if (head.chapter) filters[FIELD.chapter] = [head.chapter];
  if (facets) {
    filters[FILTER.type] = [facets.type];
    filters[FILTER.status] = [facets.status];
    filters[FILTER.region] = [facets.region];
  }
  if (terms.length) filters[FIELD.terms] = [JSON.stringify(terms)];
  return {
    url: head.url,
    content: contentTokens(runs),
    language: INDEX_LANGUAGE,
    filters,
    sort: { [SORT_KEY]: rankKey(head) },
  };
}

/**
 * The index records of a collection's search records, in rank order: Pagefind numbers pages in
 * the order they are added, so the sort list in its metadata file is then 0, 1, 2, …, which
 * compresses to a fraction of a shuffled one.
 */
export function indexRecords(
  records: readonly SearchRecord[],
  fold: Fold,
  facets?: ReadonlyMap<string, DocFacets>,
): pagefind.CustomRecord[] {
  return packRecords(records, packBudget(records))
    .map((g) => toCustomRecord(g, fold, facets?.get(g[0]!.slug)))
    .sort((a, b) =>
      a.sort![SORT_KEY]! < b.sort![SORT_KEY]! ? -1 : a.sort![SORT_KEY]! > b.sort![SORT_KEY]! ? 1 : 0,
    );
}

function check(what: string, errors: readonly string[] | undefined): void {
  if (errors && errors.length > 0) {
    throw new Error(`Pagefind: ${what} failed: ${errors.join('; ')}`, { cause: errors });
  }
}

/** Add records to a fresh Pagefind index and write it to `outputPath`. */
export async function writeRecords(
  records: readonly pagefind.CustomRecord[],
  outputPath: string,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<number> {
  let created: pagefind.NewIndexResponse;
  // Pagefind reads its index chunk size (in word locations, default 20,000) from the environment
  // of the indexer process, which the Node API spawns synchronously inside the first call.
  const previous = process.env[CHUNK_ENV];
  process.env[CHUNK_ENV] = String(chunkSize);
  try {
    const pending = pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
    if (previous === undefined) delete process.env[CHUNK_ENV];
    else process.env[CHUNK_ENV] = previous;
    created = await pending;
  } catch (cause) {
    throw new Error('Pagefind: cannot start the indexer', { cause });
  }
  check('createIndex', created.errors);
  const index = created.index;
  if (!index) throw new Error('Pagefind: createIndex returned no index');
  let words = 0;
  try {
    const BATCH = 64;
    for (let i = 0; i < records.length; i += BATCH) {
      const batch = records.slice(i, i + BATCH);
      const responses = await Promise.all(batch.map((r) => index.addCustomRecord(r)));
      responses.forEach((res, k) => {
        check(`adding the record ${batch[k]!.url}`, res.errors);
        words += res.file.uniqueWords;
      });
    }
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    check(`writing ${outputPath}`, written.errors);
    await index.deleteIndex();
  } catch (cause) {
    if (cause instanceof Error && cause.message.startsWith('Pagefind:')) throw cause;
    throw new Error(`Pagefind: building the index for ${outputPath} failed`, { cause });
  }
  await Promise.all(UNUSED_FILES.map((f) => rm(join(outputPath, f), { force: true })));
  return words;
}

/** What Pagefind's metadata file starts with, before its CBOR body. */
const META_SIGNATURE = 'pagefind_dcd';

/**
 * The first word of every index chunk of a written bundle, read from Pagefind's metadata file
 * (gzip, the signature, then CBOR: `[version, pages, chunks: [from, to, hash][], filters,
 * sorts, …]`). A prefix search loads only the chunk where the prefix itself sorts; the client
 * preloads the others from this list (docs/search.md).
 */
export async function chunkStarts(outputPath: string): Promise<string[]> {
  const name = (await readdir(outputPath)).find((f) => f.endsWith('.pf_meta'));
  if (!name) throw new Error(`Pagefind: no metadata file (*.pf_meta) in ${outputPath}`);
  const bytes = gunzipSync(await readFile(join(outputPath, name)));
  if (bytes.subarray(0, META_SIGNATURE.length).toString() !== META_SIGNATURE) {
    throw new Error(`Pagefind: ${name} does not start with "${META_SIGNATURE}"; the metadata format changed`);
  }
  const meta = decode(bytes.subarray(META_SIGNATURE.length)) as unknown;
  const chunks = Array.isArray(meta) ? meta[2] : undefined;
  if (!Array.isArray(chunks) || !chunks.every((c) => Array.isArray(c) && typeof c[0] === 'string')) {
    throw new Error(`Pagefind: ${name} has no chunk list where it was expected; the metadata format changed`);
  }
  return chunks.map((c: string[]) => c[0]!);
}

/** The fold map restricted to the characters of the collection (titles and trees, simplified). */
export function collectionFoldMap(documents: readonly DocumentEntry[]): FoldMap {
  return buildFoldMap(documents.map((d) => `${d.meta.title}\n${toText(d.tree)}`).join('\n'));
}

/**
 * One record of a document's records file (RECORDS_FILE): what Pagefind returns for the index
 * record as its fragment (`url`, `filters`), and its sort key.
 */
export interface StoredRecord {
  url: string;
  filters: Record<string, string[]>;
  rank: string;
}

/**
 * Write each document's index records, in rank order, to `<variant>/<slug>/tiaowen-records.json`:
 * offline search scans the records of the documents a reader kept when the bundle's index chunks
 * are not on the device (src/offline/search.ts), with the client's own verification.
 */
async function writeDocumentRecords(
  outDir: string,
  variant: Variant,
  indexed: readonly pagefind.CustomRecord[],
): Promise<void> {
  const bySlug = new Map<string, StoredRecord[]>();
  for (const r of indexed) {
    const slug = r.filters?.[FIELD.slug]?.[0];
    if (!slug) continue;
    const list = bySlug.get(slug) ?? bySlug.set(slug, []).get(slug)!;
    list.push({ url: r.url, filters: r.filters!, rank: r.sort![SORT_KEY]! });
  }
  for (const [slug, list] of bySlug) {
    const dir = join(outDir, variantPath(variant, `${slug}/`));
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, RECORDS_FILE), JSON.stringify(list));
  }
}

/** Build the search bundle of one script into `<outDir>/pagefind/` or `<outDir>/zh-hant/pagefind/`. */
export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const { outDir, base, documents, variant } = options;
  const foldMap = options.foldMap ?? collectionFoldMap(documents);
  const fold: Fold = (text) => foldToSimplified(text, foldMap);
  const records = buildCollectionRecords(documents, {
    base,
    variant,
    ...(options.pagePath ? { pagePath: options.pagePath } : {}),
  });
  const outputPath = join(outDir, bundlePath(variant));
  try {
    const indexed = indexRecords(records, fold, documentFacets(documents, variant));
    const words = await writeRecords(indexed, outputPath, options.chunkSize);
    await mkdir(outputPath, { recursive: true });
    await writeFile(
      join(outputPath, FOLD_FILE),
      JSON.stringify({ from: foldMap.from, to: foldMap.to } satisfies FoldMap),
    );
    // An empty index (a collection with no document in this script) has no metadata file.
    await writeFile(
      join(outputPath, CHUNKS_FILE),
      JSON.stringify(indexed.length > 0 ? await chunkStarts(outputPath) : []),
    );
    await writeDocumentRecords(outDir, variant, indexed);
    return { outputPath, records: records.length, indexRecords: indexed.length, words };
  } finally {
    await pagefind.close();
  }
}

export interface BuildFlatSearchIndexResult {
  outputPath: string;
  records: number;
  parts: number;
  shards: number;
  files: number;
}

/**
 * Write the flat index (src/search/flat/, docs/search-scale.md) of one script into
 * `<outDir>/flat/` or `<outDir>/zh-hant/flat/`, from the same records and facets as the Pagefind
 * bundle would be, and each document's records file for offline search over kept documents.
 * Every file but `manifest.json` is under a hash of the whole index, so an unchanged collection
 * keeps its addresses across rebuilds.
 */
export async function buildFlatSearchIndex(
  options: Omit<BuildSearchIndexOptions, 'chunkSize'>,
): Promise<BuildFlatSearchIndexResult> {
  const { outDir, base, documents, variant } = options;
  const foldMap = options.foldMap ?? collectionFoldMap(documents);
  const fold: Fold = (text) => foldToSimplified(text, foldMap);
  const records = buildCollectionRecords(documents, {
    base,
    variant,
    ...(options.pagePath ? { pagePath: options.pagePath } : {}),
  });
  const facets = documentFacets(documents, variant);
  const built = buildFlatIndex(records, { fold, foldMap, facets });
  const outputPath = join(outDir, flatIndexPath(variant));
  await rm(outputPath, { recursive: true, force: true });
  for (const [path, body] of built.files) {
    const file = join(outputPath, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  await writeDocumentRecords(outDir, variant, indexRecords(records, fold, facets));
  return {
    outputPath,
    records: records.length,
    parts: built.stats.parts,
    shards: built.stats.shards,
    files: built.files.size,
  };
}
