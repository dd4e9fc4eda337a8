/**
 * The flat search index (src/search/flat/) side by side with the Pagefind bundle
 * (src/search/build-index.ts) on the same collections: bytes a first and a later query fetch,
 * files and bytes of the index, build time and peak memory, and the flat engine's recall and
 * precision against a brute-force scan.
 *
 *   node scripts/bench-flat-search.ts [--synth 300,1000] [--corpus DIR] [--collection FILE …]
 *                                     [--queries 40] [--seed 1] [--part-bytes N] [--shard-bytes N]
 *
 * `--synth` writes scripts/synth.ts collections of those sizes and runs the content stage on
 * them; `--corpus DIR` runs the content stage on a copy of a folder of documents (source.txt,
 * meta.yaml); `--collection FILE` (repeatable) takes a collection JSON the content stage wrote.
 *
 * Bytes are gzip -9 sizes of each file fetched, as a compressing static host sends them
 * (Pagefind's .pf_* files are gzip already and count as they are). The first query counts
 * the engine's code (esbuild bundle, minified), the fold map and everything the query reads;
 * a later query is measured after another query on the same page, so what that one fetched is
 * cached.
 *
 * Pagefind's fetches are derived, not observed (no browser here): its fixed files, the metadata
 * file, the index chunk holding each bigram sent (src/search/tokenize.ts pagefindQuery; for a
 * single character the chunks client.ts preloads), and the fragments client.ts reads, batch by
 * batch, until it has a page of verified hits. The candidates are the index records whose
 * tokens hold the phrase sent, i.e. a block or alias holding the query's first four characters.
 * scripts/bench-search.ts measures the same in Chromium on the site's own collection.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { decode } from 'cbor2';
import { readCollection, type DocumentEntry } from '../src/data/collection.ts';
import { buildSearchIndex, collectionFoldMap, indexRecords } from '../src/search/build-index.ts';
import { normalizeText, type Fold } from '../src/search/normalize.ts';
import { buildCollectionRecords, packRecords, type SearchRecord } from '../src/search/records.ts';
import { pagefindQuery } from '../src/search/tokenize.ts';
import { bundlePath, CHUNKS_FILE, FOLD_FILE } from '../src/search/schema.ts';
import { buildFlatIndex, type DocFacets } from '../src/search/flat/build.ts';
import { openFlatIndex } from '../src/search/flat/query.ts';
import { typeKey } from '../src/collection/facets.ts';
import { foldToSimplified } from '../src/variant/fold.ts';
import type { Variant } from '../src/i18n/variant.ts';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');
const { values: args } = parseArgs({
  options: {
    synth: { type: 'string' },
    corpus: { type: 'string' },
    collection: { type: 'string', multiple: true },
    queries: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    'part-bytes': { type: 'string' },
    'shard-bytes': { type: 'string' },
    /** Only the flat index (for tuning its sizes). */
    'flat-only': { type: 'boolean', default: false },
    // Internal: build one index in a process of its own (for its time and peak memory).
    'build-only': { type: 'string' },
    out: { type: 'string' },
  },
});

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (b: Uint8Array) => Math.min(b.length, gzipSync(b, { level: 9 }).length);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function loadDocuments(file: string): DocumentEntry[] {
  // An index with per-document artefacts (the content stage's output) or whole entries.
  return readCollection(file).documents;
}

function facetsOf(documents: readonly DocumentEntry[]): Map<string, DocFacets> {
  return new Map(
    documents.map((d) => [
      d.meta.slug,
      {
        type: typeKey(d.meta.docType ?? '', d.meta.authority ?? ''),
        status: d.meta.status ?? '',
        region: (d.meta.jurisdiction ?? '').toLowerCase(),
      },
    ]),
  );
}

const flatOptions = () => ({
  ...(args['part-bytes'] ? { partBytes: Number(args['part-bytes']) } : {}),
  ...(args['shard-bytes'] ? { shardBytes: Number(args['shard-bytes']) } : {}),
});

// ---------- one build in a process of its own ----------
if (args['build-only']) {
  const documents = loadDocuments(args.collection![0]!);
  const out = args.out!;
  const t0 = performance.now();
  if (args['build-only'] === 'pagefind') {
    const foldMap = collectionFoldMap(documents);
    for (const variant of ['hans', 'hant'] as const)
      await buildSearchIndex({ outDir: out, base: '/', documents, variant, foldMap });
  } else {
    const foldMap = collectionFoldMap(documents);
    const fold: Fold = (s) => foldToSimplified(s, foldMap);
    const facets = facetsOf(documents);
    for (const variant of ['hans', 'hant'] as const) {
      const records = buildCollectionRecords(documents, { base: '/', variant });
      const { files } = buildFlatIndex(records, { fold, foldMap, facets, ...flatOptions() });
      const dir = join(out, variant === 'hans' ? 'flat' : 'zh-hant/flat');
      for (const [path, body] of files) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), body);
      }
    }
  }
  console.log(`BUILD_MS ${(performance.now() - t0).toFixed(0)}`);
  process.exit(0);
}

interface BuildRun {
  seconds: number;
  buildSeconds: number;
  peakMiB: number;
}

function timedBuild(kind: 'pagefind' | 'flat', collection: string, out: string): BuildRun {
  const extra = [
    ...(args['part-bytes'] ? ['--part-bytes', args['part-bytes']] : []),
    ...(args['shard-bytes'] ? ['--shard-bytes', args['shard-bytes']] : []),
  ];
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %M',
      process.execPath,
      '--max-old-space-size=16000',
      self,
      '--build-only',
      kind,
      '--collection',
      collection,
      '--out',
      out,
      ...extra,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    },
  );
  if (r.status !== 0) throw new Error(`${kind} build failed:\n${r.stderr.slice(-3000)}`);
  const t = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
  const b = /BUILD_MS (\d+)/.exec(r.stdout);
  return { seconds: Number(t?.[1]), buildSeconds: Number(b?.[1]) / 1000, peakMiB: Number(t?.[2]) / 1024 };
}

function contentStage(contentDir: string, outFile: string): void {
  const r = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=16000',
      join(root, 'scripts/build-content.ts'),
      '--content',
      contentDir,
      '--out',
      outFile,
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`content stage failed on ${contentDir}:\n${r.stderr.slice(-3000)}`);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Files, bytes on disk and gzip bytes of an index directory. */
function census(dir: string): { files: number; bytes: number; gzip: number } {
  let bytes = 0;
  let gzip = 0;
  const all = filesUnder(dir);
  for (const f of all) {
    const b = readFileSync(f);
    bytes += b.length;
    gzip += gz(b);
  }
  return { files: all.length, bytes, gzip };
}

/** The engines' code as the browser would get it: esbuild bundle, minified, gzip -9. */
async function codeBytes(work: string): Promise<{ flat: number; pagefindClient: number }> {
  const bundle = async (name: string, source: string) => {
    const entry = join(work, `${name}.ts`);
    writeFileSync(entry, source);
    const out = join(work, `${name}.js`);
    await esbuild({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      minify: true,
      outfile: out,
      logLevel: 'error',
    });
    return gz(readFileSync(out));
  };
  return {
    flat: await bundle(
      'flat-entry',
      `export { openFlatIndex } from ${JSON.stringify(join(root, 'src/search/flat/query.ts'))};\n`,
    ),
    pagefindClient: await bundle(
      'client-entry',
      `export { createSearchClient } from ${JSON.stringify(join(root, 'src/search/client.ts'))};\n`,
    ),
  };
}

// ---------- queries ----------
function drawQueries(records: readonly SearchRecord[], n: number, seed: number, fold: Fold): string[] {
  const random = rng(seed);
  const body = records.filter((r) => r.kind === 'provision' && r.text.length >= 8);
  const fixed = ['规定', '人民政府', '行政处罚'];
  const singles = 3;
  const out: string[] = [];
  while (out.length < n - fixed.length - singles) {
    const cs = Array.from(body[Math.floor(random() * body.length)]!.text);
    const len = 2 + Math.floor(random() * 5);
    const at = Math.floor(random() * (cs.length - len + 1));
    const q = cs.slice(at, at + len).join('');
    if (Array.from(normalizeText(q, { fold })).length >= 2) out.push(q);
  }
  while (out.length < n - fixed.length) {
    const cs = Array.from(normalizeText(body[Math.floor(random() * body.length)]!.text, { fold }));
    const c = cs[Math.floor(random() * cs.length)]!;
    if (/\p{Script=Han}/u.test(c)) out.push(c);
  }
  return [...out, ...fixed];
}

// ---------- the flat engine, over the files on disk ----------
function flatFetcher(dir: string) {
  const log: string[] = [];
  const sizes = new Map<string, number>();
  const fetchBytes = async (path: string) => {
    const body = await readFile(join(dir, path));
    log.push(path);
    if (!sizes.has(path)) sizes.set(path, gz(body));
    return new Uint8Array(body);
  };
  const take = () => {
    const bytes = log.reduce((a, p) => a + sizes.get(p)!, 0);
    const shards = log.filter((p) => p.includes('/s/')).reduce((a, p) => a + sizes.get(p)!, 0);
    const parts = log.filter((p) => p.includes('/p/'));
    const n = log.length;
    log.length = 0;
    return {
      bytes,
      files: n,
      shards,
      parts: parts.length,
      partBytes: parts.reduce((a, p) => a + sizes.get(p)!, 0),
    };
  };
  return { fetchBytes, take };
}

// ---------- Pagefind, derived ----------
interface PagefindModel {
  fixed: Array<[string, number]>;
  chunks: Array<[from: string, to: string, file: string, bytes: number]>;
  chunkList: number;
  /** Per index record in rank order: its fragment's bytes, its runs, its blocks' runs. */
  records: Array<{ fragment: string; bytes: number; runs: string[]; blocks: string[][] }>;
}

function pagefindModel(dir: string, records: readonly SearchRecord[], fold: Fold): PagefindModel {
  const size = (f: string) => gz(readFileSync(join(dir, f)));
  const metaName = readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!;
  const wasm = readdirSync(dir).find((f) => f.startsWith('wasm.'))!;
  const fixed: Array<[string, number]> = [
    ['pagefind.js', size('pagefind.js')],
    [wasm, size(wasm)],
    ['pagefind-entry.json', size('pagefind-entry.json')],
    [metaName, size(metaName)],
    [FOLD_FILE, size(FOLD_FILE)],
  ];
  const raw = gunzipSync(readFileSync(join(dir, metaName)));
  const meta = decode(raw.subarray('pagefind_dcd'.length)) as unknown[];
  const indexFiles = new Map(readdirSync(join(dir, 'index')).map((f) => [f.replace(/\.pf_index$/, ''), f]));
  const chunks = (meta[2] as Array<[string, string, string]>).map(([from, to, hash]) => {
    const file = indexFiles.get(hash) ?? [...indexFiles.values()].find((f) => f.includes(hash));
    if (!file) throw new Error(`Pagefind chunk ${hash} has no file`);
    return [from, to, `index/${file}`, size(`index/${file}`)] as [string, string, string, number];
  });
  // Fragment files by the URL they hold.
  const byUrl = new Map<string, [string, number]>();
  for (const f of readdirSync(join(dir, 'fragment'))) {
    const body = readFileSync(join(dir, 'fragment', f));
    const json = JSON.parse(gunzipSync(body).subarray('pagefind_dcd'.length).toString()) as {
      url: string;
      raw_url?: string;
    };
    byUrl.set(json.raw_url ?? json.url, [`fragment/${f}`, body.length]);
  }
  const groups = indexRecords(records, fold);
  const packed = new Map(packRecords(records).map((g) => [g[0]!.url, g]));
  return {
    fixed,
    chunks,
    chunkList: size(CHUNKS_FILE),
    records: groups.map((g) => {
      const [fragment, bytes] = byUrl.get(g.url) ?? byUrl.get(decodeURI(g.url)) ?? ['?', 0];
      if (fragment === '?') throw new Error(`no fragment for ${g.url}`);
      const blocks = packed
        .get(g.url)!
        .map((r) => [r.text, ...r.aliases].map((s) => normalizeText(s, { fold })));
      return { fragment, bytes, runs: blocks.flat(), blocks };
    }),
  };
}

/** Files Pagefind and client.ts fetch for a query, in order. */
function pagefindFetches(model: PagefindModel, normalized: string, pageSize = 10): Array<[string, number]> {
  const out: Array<[string, number]> = [...model.fixed];
  const cs = Array.from(normalized);
  if (cs.length === 0) return out;
  const term = pagefindQuery(normalized)!;
  if (cs.length === 1) {
    out.push([CHUNKS_FILE, model.chunkList]);
    for (const [from, to, file, bytes] of model.chunks)
      if ((from <= term && term <= to) || from.startsWith(term) || to.startsWith(term))
        out.push([file, bytes]);
  } else {
    for (const word of term.slice(1, -1).split(' ')) {
      const c = model.chunks.find(([from, to]) => from <= word && word <= to);
      if (c) out.push([c[2], c[3]]);
    }
  }
  const phrase = cs.slice(0, 4).join('');
  const candidates = model.records.filter((r) =>
    r.runs.some((s) => s.includes(cs.length === 1 ? normalized : phrase)),
  );
  let next = 0;
  let found = 0;
  while (next < candidates.length && found < pageSize) {
    const batch = candidates.slice(next, next + Math.max(1, pageSize - found));
    next += batch.length;
    for (const r of batch) {
      out.push([r.fragment, r.bytes]);
      found += r.blocks.filter((b) => b.some((s) => s.includes(normalized))).length;
    }
  }
  return out;
}

/** Bytes of the files not fetched before (a page's cache). */
function uncached(files: Array<[string, number]>, seen: Set<string>): number {
  let bytes = 0;
  for (const [f, b] of files) {
    if (seen.has(f)) continue;
    seen.add(f);
    bytes += b;
  }
  return bytes;
}

// ---------- one collection ----------
async function benchCollection(label: string, collectionFile: string): Promise<string[]> {
  const work = await mkdtemp(join(tmpdir(), 'tiaowen-flat-bench-'));
  console.log(`\n## ${label}`);
  const flatOnly = args['flat-only'];
  const pagefindRun = flatOnly
    ? { seconds: 0, buildSeconds: 0, peakMiB: 0 }
    : timedBuild('pagefind', collectionFile, work);
  const flatRun = timedBuild('flat', collectionFile, work);
  const documents = loadDocuments(collectionFile);
  const foldMap = collectionFoldMap(documents);
  const fold: Fold = (s) => foldToSimplified(s, foldMap);
  const variant: Variant = 'hans';
  const records = buildCollectionRecords(documents, { base: '/', variant });
  const textBytes = records.reduce((a, r) => a + Buffer.byteLength(r.text), 0);
  console.log(
    `${documents.length} documents, ${records.length} search records (simplified), ${(textBytes / 1e6).toFixed(1)} MB of text`,
  );
  const code = await codeBytes(work);

  const pfDir = join(work, bundlePath(variant));
  const flatDir = join(work, 'flat');
  const pfCensus = [census(join(work, bundlePath('hans'))), census(join(work, bundlePath('hant')))];
  const flatCensus = [census(flatDir), census(join(work, 'zh-hant/flat'))];
  const model = flatOnly ? undefined : pagefindModel(pfDir, records, fold);
  const manifest = JSON.parse(readFileSync(join(flatDir, 'manifest.json'), 'utf8')) as {
    shards: number;
    parts: number;
  };

  const queries = drawQueries(records, Number(args.queries), Number(args.seed), fold);
  const normalizedRecords = records.map((r) => [r.text, ...r.aliases].map((s) => normalizeText(s, { fold })));
  const pf = { first: [] as number[], later: [] as number[] };
  const fl = {
    first: [] as number[],
    later: [] as number[],
    firstFiles: [] as number[],
    shards: [] as number[],
    parts: [] as number[],
    partBytes: [] as number[],
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const worst: Array<[string, number, number]> = [];
  for (const [i, q] of queries.entries()) {
    const nq = normalizeText(q, { fold });
    const prev = queries[(i + queries.length - 1) % queries.length]!;
    // Pagefind: cold, then after the previous query.
    let pfFirst = 0;
    let pfLater = 0;
    if (model) {
      pfFirst = uncached([['client.js', code.pagefindClient], ...pagefindFetches(model, nq)], new Set());
      const seen = new Set<string>();
      uncached(
        [['client.js', code.pagefindClient], ...pagefindFetches(model, normalizeText(prev, { fold }))],
        seen,
      );
      pfLater = uncached(pagefindFetches(model, nq), seen);
    }
    pf.first.push(pfFirst);
    pf.later.push(pfLater);
    // Flat: cold, then after the previous query on the same engine.
    const cold = flatFetcher(flatDir);
    await openFlatIndex(cold.fetchBytes).search(q);
    const c = cold.take();
    fl.first.push(code.flat + c.bytes);
    fl.firstFiles.push(c.files);
    fl.shards.push(c.shards);
    fl.parts.push(c.parts);
    fl.partBytes.push(c.partBytes);
    const warm = flatFetcher(flatDir);
    const engine = openFlatIndex(warm.fetchBytes);
    await engine.search(prev);
    warm.take();
    await engine.search(q);
    fl.later.push(warm.take().bytes);
    worst.push([q, pfFirst, code.flat + c.bytes]);
    // Exactness: every page, against the brute-force scan.
    let page = await openFlatIndex(async (p) => new Uint8Array(await readFile(join(flatDir, p)))).search(q, {
      pageSize: 1_000_000,
    });
    while (!page.done) page = await page.more();
    const got = new Set(page.hits.map((h) => h.url));
    const want = new Set(
      records
        .filter((_, k) => normalizedRecords[k]!.some((s) => nq !== '' && s.includes(nq)))
        .map((r) => r.url),
    );
    for (const u of want)
      if (got.has(u)) tp++;
      else fn++;
    for (const u of got) if (!want.has(u)) fp++;
  }
  worst.sort((a, b) => b[2] - a[2]);
  const rows = [
    `| ${label} | Pagefind | ${kib(median(pf.first))} | ${kib(max(pf.first))} | ${kib(median(pf.later))} | ${kib(max(pf.later))} | ${pfCensus[0]!.files + pfCensus[1]!.files} | ${kib(pfCensus[0]!.gzip + pfCensus[1]!.gzip)} | ${pagefindRun.seconds.toFixed(1)} s | ${pagefindRun.peakMiB.toFixed(0)} MiB |`,
    `| ${label} | flat | ${kib(median(fl.first))} | ${kib(max(fl.first))} | ${kib(median(fl.later))} | ${kib(max(fl.later))} | ${flatCensus[0]!.files + flatCensus[1]!.files} | ${kib(flatCensus[0]!.gzip + flatCensus[1]!.gzip)} | ${flatRun.seconds.toFixed(1)} s | ${flatRun.peakMiB.toFixed(0)} MiB |`,
  ];
  console.log(
    `engine code (gzip): flat ${kib(code.flat)}, client.ts ${kib(code.pagefindClient)}; Pagefind fixed files: ${(model?.fixed ?? []).map(([f, b]) => `${f.replace(/_[0-9a-f]+\./, '.')} ${kib(b)}`).join(', ')}`,
  );
  console.log(
    `flat index (simplified): ${manifest.parts} parts, ${manifest.shards} shards; median files per first query ${median(fl.firstFiles)}; first query: shards median ${kib(median(fl.shards))} (worst ${kib(max(fl.shards))}), parts read median ${median(fl.parts)} (worst ${max(fl.parts)}), ${kib(median(fl.partBytes))} (worst ${kib(max(fl.partBytes))})`,
  );
  console.log(
    `flat engine over ${queries.length} queries (every page): recall ${(tp / (tp + fn || 1)).toFixed(4)}, precision ${(tp / (tp + fp || 1)).toFixed(4)} (${tp} hits, ${fn} missed, ${fp} wrong)`,
  );
  console.log(
    `builds (both scripts; process wall time incl. reading the collection / index build alone): Pagefind ${pagefindRun.seconds.toFixed(1)} s / ${pagefindRun.buildSeconds.toFixed(1)} s, flat ${flatRun.seconds.toFixed(1)} s / ${flatRun.buildSeconds.toFixed(1)} s`,
  );
  console.log(
    `heaviest first queries (flat): ${worst
      .slice(0, 5)
      .map(([q, p, f]) => `${q} ${kib(f)} (Pagefind ${kib(p)})`)
      .join('; ')}`,
  );
  console.log(
    '\n| collection | engine | first query, median | first, worst | later, median | later, worst | files (both scripts) | index gzip | build | peak memory |\n|---|---|---|---|---|---|---|---|---|---|',
  );
  console.log(rows.join('\n'));
  rmSync(work, { recursive: true, force: true });
  return rows;
}

// ---------- main ----------
const all: string[] = [];
const generated = await mkdtemp(join(tmpdir(), 'tiaowen-flat-collections-'));
for (const n of (args.synth ?? '').split(',').filter(Boolean).map(Number)) {
  const { writeCorpus } = await import('./synth.ts');
  const dir = join(generated, `synth-${n}`);
  writeCorpus(dir, n);
  const file = join(generated, `synth-${n}.json`);
  contentStage(join(dir, 'content'), file);
  all.push(...(await benchCollection(`synthetic, ${n} documents`, file)));
}
if (args.corpus) {
  // The content stage writes anchors.json into every document folder: run it on a copy.
  const copy = join(generated, 'corpus');
  cpSync(args.corpus, copy, { recursive: true });
  if (!existsSync(join(copy, 'conversion-overrides.yaml')))
    cpSync(join(root, 'content/conversion-overrides.yaml'), join(copy, 'conversion-overrides.yaml'));
  const file = join(generated, 'corpus.json');
  contentStage(copy, file);
  all.push(...(await benchCollection(`corpus ${args.corpus}`, file)));
}
for (const file of args.collection ?? []) all.push(...(await benchCollection(`collection ${file}`, file)));
rmSync(generated, { recursive: true, force: true });
if (all.length > 2) {
  console.log(
    '\n## All\n\n| collection | engine | first query, median | first, worst | later, median | later, worst | files (both scripts) | index gzip | build | peak memory |\n|---|---|---|---|---|---|---|---|---|---|',
  );
  console.log(all.join('\n'));
}
