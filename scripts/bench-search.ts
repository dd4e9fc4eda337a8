/**
 * Measure the search engine on the collection: index size, first-query bytes, and recall /
 * precision in Chromium against a brute-force substring scan of the same records.
 *
 *   npm run content && node scripts/bench-search.ts [--queries 1500] [--seed 1] [--keep]
 *
 * Builds both bundles into a temporary directory, bundles src/search/client.ts with esbuild,
 * serves the directory on a loopback port and drives /usr/bin/chromium with playwright-core.
 * If the collection has no traditional trees yet, they are made here with src/variant's converter.
 *
 * First, when a built site exists (`npm run build`; `--site dist` by default), the search as
 * readers get it: a document page in Chromium, the header box opened with `/`, a first and a
 * second query typed; every byte fetched from the moment the box opens (gzip -9 sizes, as a
 * compressing server would send them; Pagefind's .pf_* files are already gzip) and the time
 * from the keystroke to the results, with whichever engine the site was built with (the flat
 * index by default, docs/search.md "Engines"). `--site-only` stops after that; the recall and
 * precision run that follows measures the Pagefind bundles (the flat index's own figures:
 * scripts/bench-flat-search.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { loadCollection, type DocumentEntry } from '../src/data/collection.ts';
import type { Document, RegNode } from '../src/parser/types.ts';
import { buildSearchIndex, collectionFoldMap } from '../src/search/build-index.ts';
import { normalize, normalizeText } from '../src/search/normalize.ts';
import { buildCollectionRecords, type SearchRecord } from '../src/search/records.ts';
import { variantPath, type Variant } from '../src/i18n/variant.ts';
import type { createSearchClient, ExcerptPart, SearchGroup } from '../src/search/client.ts';

/** The page's global after the bench bundle has loaded: the client factory it exposes. */
type BenchGlobal = typeof globalThis & { createSearchClient: typeof createSearchClient };
import { bundlePath } from '../src/search/schema.ts';
import { createConverter, loadOverrides } from '../src/variant/convert.ts';
import { foldToSimplified } from '../src/variant/fold.ts';

const { values: args } = parseArgs({
  options: {
    queries: { type: 'string', default: '1500' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    chunk: { type: 'string' },
    cold: { type: 'string', default: '40' },
    site: { type: 'string', default: 'dist' },
    'site-only': { type: 'boolean', default: false },
  },
});

// ---------- the built site, through the interface ----------
if (existsSync(join(args.site, 'index.html'))) {
  await benchSite(args.site);
  if (args['site-only']) process.exit(0);
} else {
  console.log(`(no built site in ${args.site}: run "npm run build" to measure the search box)`);
}

async function benchSite(dir: string): Promise<void> {
  const { serveSite, launchChromium } = await import('./lib/site-server.ts');
  const site = await serveSite(dir);
  const browser = await launchChromium();
  const gzSize = (b: Buffer) => Math.min(b.length, gzipSync(b, { level: 9 }).length);
  const slug = loadCollection().documents[0]?.meta.slug ?? '';
  if (!existsSync(join(dir, slug, 'index.html'))) {
    throw new Error(
      `${dir} has no page for /${slug}/: set TIAOWEN_COLLECTION to the collection the site was built from.`,
    );
  }
  console.log(`Search box on the built site (${dir}), document page /${slug}/, cold cache:`);
  for (const [variant, prefix, queries] of [
    ['hans', variantPath('hans'), ['常务会议', '5个工作日']],
    ['hant', variantPath('hant'), ['常務會議', '會議制度']],
  ] as const) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    let log: Array<{ url: string; body: Promise<Buffer> }> = [];
    page.on('response', (r) => log.push({ url: r.url(), body: r.body().catch(() => Buffer.alloc(0)) }));
    await page.goto(`${site.url}${prefix}${slug}/`, { waitUntil: 'networkidle' });
    const pageBytes = (await Promise.all(log.map((l) => l.body))).reduce((a, b) => a + gzSize(b), 0);
    const rows: string[] = [];
    for (const [i, q] of queries.entries()) {
      log = [];
      const t0 = performance.now();
      if (i === 0) await page.keyboard.press('/');
      else await page.locator('#search-input').fill('');
      // Wait for this query's announcement, not the previous one's.
      await page.evaluate(() => document.querySelector('[data-search-live]')!.replaceChildren());
      await page.locator('#search-input').pressSequentially(q);
      const typed = performance.now();
      await page.waitForFunction(() =>
        /结果|結果|没有找到|沒有找到/.test(document.querySelector('[data-search-live]')?.textContent ?? ''),
      );
      const ms = performance.now() - typed;
      const withTyping = performance.now() - t0;
      const announced = await page.locator('[data-search-live]').textContent();
      await page.waitForLoadState('networkidle');
      const bodies = await Promise.all(log.map(async (l) => ({ url: l.url, size: gzSize(await l.body) })));
      const kind = (u: string) =>
        /\/_astro\//.test(u)
          ? 'search code'
          : /pagefind\.js$/.test(u)
            ? 'pagefind.js'
            : /wasm/.test(u)
              ? 'wasm'
              : /\/flat\/[0-9a-f]+\/s\//.test(u)
                ? 'shards'
                : /\/flat\/[0-9a-f]+\/p\//.test(u)
                  ? 'parts'
                  : /\/index\//.test(u)
                    ? 'index'
                    : /\/fragment\//.test(u)
                      ? 'fragments'
                      : /pf_meta|entry|fold|manifest\.json/.test(u)
                        ? 'meta'
                        : 'other';
      const by: Record<string, { n: number; b: number }> = {};
      for (const b of bodies) {
        const k = (by[kind(b.url)] ??= { n: 0, b: 0 });
        k.n++;
        k.b += b.size;
      }
      const total = bodies.reduce((a, b) => a + b.size, 0);
      rows.push(
        `  ${variant} ${i === 0 ? 'first' : 'second'} query "${q}": ${kb(total)} in ${bodies.length} requests, results ${ms.toFixed(0)} ms after the last key (${withTyping.toFixed(0)} ms with typing) — ${announced}\n    ` +
          Object.entries(by)
            .map(([k, v]) => `${k}${v.n > 1 ? `×${v.n}` : ''} ${kb(v.b)}`)
            .join(' + '),
      );
    }
    console.log(`  ${variant} page before search opens: ${kb(pageBytes)} (HTML, CSS, scripts)`);
    console.log(rows.join('\n'));
    await page.context().close();
  }
  await browser.close();
  await site.close();
  console.log('');
}

// ---------- data ----------
const documents: DocumentEntry[] = loadCollection().documents.map((d) => ({ ...d }));
if (documents.some((d) => !d.treeHant)) {
  const convert = createConverter(loadOverrides());
  const walk = (n: RegNode): RegNode => {
    const c = { ...n } as Record<string, unknown>;
    if ('value' in n && typeof n.value === 'string') c.value = convert(n.value);
    if ('heading' in n && typeof n.heading === 'string') c.heading = convert(n.heading);
    if ('label' in n && typeof n.label === 'string') c.label = convert(n.label);
    if ('children' in n) c.children = (n.children as RegNode[]).map(walk);
    return c as unknown as RegNode;
  };
  for (const d of documents) {
    if (d.treeHant) continue;
    const t = walk(d.tree) as Document;
    d.treeHant = t;
    d.titleHant = convert(d.meta.title);
  }
  console.log('(traditional trees made with src/variant/convert.ts for this run)');
}

const out = await mkdtemp(join(tmpdir(), 'tiaowen-bench-'));
const base = '/';
const foldMap = collectionFoldMap(documents);
const fold = (s: string) => foldToSimplified(s, foldMap);

const records: Record<Variant, SearchRecord[]> = {
  hans: buildCollectionRecords(documents, { base, variant: 'hans' }),
  hant: buildCollectionRecords(documents, { base, variant: 'hant' }),
};
const t0 = performance.now();
for (const variant of ['hans', 'hant'] as const) {
  const r = await buildSearchIndex({
    outDir: out,
    base,
    documents,
    variant,
    foldMap,
    ...(args.chunk ? { chunkSize: Number(args.chunk) } : {}),
  });
  console.log(`built ${variant}: ${r.records} records, ${r.words} record-words → ${r.outputPath}`);
}
const buildMs = performance.now() - t0;

// ---------- sizes on disk ----------
async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}
const gz = (b: Buffer) => Math.min(b.length, gzipSync(b, { level: 9 }).length);
for (const variant of ['hans', 'hant'] as const) {
  const dir = join(out, bundlePath(variant));
  const all = await files(dir);
  let index = 0,
    fragments = 0,
    fragmentCount = 0,
    filters = 0,
    meta = 0;
  for (const f of all) {
    const size = (await stat(f)).size;
    if (f.includes('/index/')) index += size;
    else if (f.includes('/fragment/')) {
      fragments += size;
      fragmentCount++;
    } else if (f.includes('/filter/')) filters += size;
    else if (f.endsWith('.pf_meta')) meta += size;
  }
  console.log(
    `${variant} bundle: index chunks ${kb(index)}, pf_meta ${kb(meta)}, ${fragmentCount} fragments ${kb(fragments)}, filter index (never fetched) ${kb(filters)}`,
  );
}

// ---------- client bundle ----------
const entry = join(out, 'bench-entry.ts');
await writeFile(
  entry,
  `import { createSearchClient } from ${JSON.stringify(new URL('../src/search/client.ts', import.meta.url).pathname)};\n(globalThis as Record<string, unknown>).createSearchClient = createSearchClient;\n`,
);
await build({
  entryPoints: [entry],
  bundle: true,
  format: 'esm',
  minify: true,
  outfile: join(out, 'bench-client.js'),
  logLevel: 'error',
});
const clientJs = await readFile(join(out, 'bench-client.js'));
console.log(`client.ts bundled+minified: ${kb(clientJs.length)} raw, ${kb(gz(clientJs))} gzip`);
await writeFile(
  join(out, 'index.html'),
  '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>',
);

// ---------- server ----------
let requested: string[] = [];
const server: Server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = join(out, path.endsWith('/') ? path + 'index.html' : path);
  try {
    const body = await readFile(file);
    requested.push(file);
    const type = {
      '.js': 'text/javascript',
      '.html': 'text/html; charset=utf-8',
      '.json': 'application/json',
    }[extname(file)];
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const origin = `http://127.0.0.1:${port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function firstQueryBytes(variant: Variant, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  requested = [];
  const t = performance.now();
  await page.addScriptTag({ url: '/bench-client.js', type: 'module' });
  await page.waitForFunction(() => typeof (globalThis as BenchGlobal).createSearchClient === 'function');
  const shown = await page.evaluate(
    async ([bundleUrl, q]) => {
      const c = (globalThis as BenchGlobal).createSearchClient({ bundleUrl });
      const p = await c.search(q);
      return { hits: p.hits, candidates: p.candidates };
    },
    [`/${bundlePath(variant)}`, query] as const,
  );
  const ms = performance.now() - t;
  await context.close();
  const byKind: Record<string, { n: number; raw: number; gz: number }> = {};
  for (const f of requested) {
    const b = await readFile(f);
    const kind = f.includes('/fragment/')
      ? 'fragments'
      : f.includes('/index/')
        ? 'index chunks'
        : f.endsWith('.pf_meta')
          ? 'pf_meta'
          : f
              .split('/')
              .pop()!
              .replace(/\.[0-9a-f_]+\./, '.');
    const k = (byKind[kind] ??= { n: 0, raw: 0, gz: 0 });
    k.n++;
    k.raw += b.length;
    k.gz += gz(b);
  }
  return { shown, ms, byKind };
}

// Warm-up page with the client loaded.
async function openSearchPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`${origin}/`);
  await page.addScriptTag({ url: '/bench-client.js', type: 'module' });
  await page.waitForFunction(() => typeof (globalThis as BenchGlobal).createSearchClient === 'function');
  return { context, page };
}

function kb(n: number) {
  return `${(n / 1024).toFixed(1)} KiB`;
}

// ---------- first-query bytes ----------
console.log(
  '\nFirst query on a cold page (gzip -9 sizes of every file fetched; .pf_* files are already gzip):',
);
for (const [variant, q] of [
  ['hans', '会议'],
  ['hans', '市政府'],
  ['hant', '會議'],
  ['hans', '督'],
] as const) {
  const r = await firstQueryBytes(variant, q);
  let total = 0;
  const parts = Object.entries(r.byKind).map(([k, v]) => {
    total += v.gz;
    return `${k}${v.n > 1 ? `×${v.n}` : ''} ${kb(v.gz)}`;
  });
  console.log(
    `  ${variant} "${q}": ${r.shown.hits} shown of ${r.shown.candidates} candidates, ${r.ms.toFixed(0)} ms (incl. loading); total ${kb(total)} = ${parts.join(' + ')}`,
  );
}

// ---------- first-query bytes over random queries ----------
{
  const r0 = rng(Number(args.seed) + 7);
  const totals: number[] = [];
  const rs = records.hans;
  for (let i = 0; i < Number(args.cold); i++) {
    const r = rs[Math.floor(r0() * rs.length)]!;
    const cs = Array.from(r.text);
    const len = Math.min(cs.length, 2 + Math.floor(r0() * 5));
    const at = Math.floor(r0() * (cs.length - len + 1));
    const res = await firstQueryBytes('hans', cs.slice(at, at + len).join(''));
    totals.push(Object.values(res.byKind).reduce((a, v) => a + v.gz, 0));
  }
  totals.sort((a, b) => a - b);
  if (totals.length) {
    console.log(
      `  ${totals.length} random cold queries (2–6 chars): median ${kb(totals[Math.floor(totals.length / 2)]!)}, p90 ${kb(totals[Math.floor(totals.length * 0.9)]!)}, max ${kb(totals[totals.length - 1]!)}; over 100 KiB: ${totals.filter((t) => t > 100 * 1024).length}`,
    );
  }
}

// ---------- recall / precision ----------
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
const random = rng(Number(args.seed));
const nQueries = Number(args.queries);

function expected(variant: Variant, q: string): Set<string> {
  const nq = normalizeText(q, { fold });
  const set = new Set<string>();
  if (!nq) return set;
  for (const r of records[variant]) {
    if ([r.text, ...r.aliases].some((s) => normalizeText(s, { fold }).includes(nq))) set.add(r.url);
  }
  return set;
}

function sampleQueries(variant: Variant, n: number, min: number, max: number): string[] {
  const rs = records[variant];
  const qs: string[] = [];
  while (qs.length < n) {
    const r = rs[Math.floor(random() * rs.length)]!;
    const cs = Array.from(r.text);
    const len = min + Math.floor(random() * (max - min + 1));
    if (cs.length < len) continue;
    const at = Math.floor(random() * (cs.length - len + 1));
    const q = cs.slice(at, at + len).join('');
    if (Array.from(normalize(q, { fold }).text).length < Math.min(min, 2)) continue;
    qs.push(q);
  }
  return qs;
}

async function measure(label: string, variant: Variant, queries: string[]) {
  const { context, page } = await openSearchPage();
  const t = performance.now();
  const found: Array<{ urls: string[]; candidates: number; rejected: number; ms: number }> =
    await page.evaluate(
      async ([bundleUrl, qs]) => {
        const c = (globalThis as BenchGlobal).createSearchClient({ bundleUrl, pageSize: 1000 });
        const out = [];
        for (const q of qs) {
          const t0 = performance.now();
          let p = await c.search(q);
          while (!p.done) p = await p.more();
          out.push({
            urls: p.groups.flatMap((g: SearchGroup) => g.hits.map((h) => h.url)),
            candidates: p.candidates,
            rejected: p.rejected,
            ms: performance.now() - t0,
          });
        }
        return out;
      },
      [`/${bundlePath(variant)}`, queries] as const,
    );
  const ms = performance.now() - t;
  await context.close();
  let tp = 0,
    fn = 0,
    fp = 0,
    candTp = 0,
    candTotal = 0,
    rejected = 0,
    missQueries = 0;
  const misses: string[] = [];
  const times = found.map((f) => f.ms).sort((a, b) => a - b);
  queries.forEach((q, i) => {
    const exp = expected(variant, q);
    const got = new Set(found[i]!.urls);
    let miss = 0;
    for (const u of exp) {
      if (got.has(u)) tp++;
      else {
        fn++;
        miss++;
      }
    }
    for (const u of got) if (!exp.has(u)) fp++;
    candTotal += found[i]!.candidates;
    candTp += found[i]!.candidates - found[i]!.rejected;
    rejected += found[i]!.rejected;
    if (miss) {
      missQueries++;
      if (misses.length < 10) misses.push(`${q} (${miss} of ${exp.size})`);
    }
  });
  const recall = tp / (tp + fn || 1);
  const precision = tp / (tp + fp || 1);
  console.log(
    `  ${label}: ${queries.length} queries, ${tp + fn} expected hits; recall ${recall.toFixed(4)}, precision ${precision.toFixed(4)}; ` +
      `Pagefind candidates ${candTotal} of which ${rejected} rejected by verification (candidate precision ${(candTp / (candTotal || 1)).toFixed(4)}); ` +
      `median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms per query (all pages), ${(ms / 1000).toFixed(1)} s total` +
      (missQueries ? `\n    queries with misses: ${missQueries}: ${misses.join(', ')}` : ''),
  );
}

console.log(
  '\nRecall / precision (every hit of every page; expected = brute-force normalised substring scan):',
);
const fixed = [
  '5个工作日',
  '1—2次',
  '1-2次',
  '24小时',
  '淄政发〔2017〕2号',
  '淄政发(2017)2号',
  '第十一条',
  '第三十一条',
  '会议',
  '會議',
  '八十七、',
  '第八十七条',
  '全面正确履行政府职能',
  '淄博市人民政府工作规则',
];
for (const variant of ['hans', 'hant'] as const) {
  const { context, page } = await openSearchPage();
  const res = await page.evaluate(
    async ([bundleUrl, qs]) => {
      const c = (globalThis as BenchGlobal).createSearchClient({ bundleUrl, pageSize: 1000 });
      const out: string[] = [];
      for (const q of qs) {
        const p = await c.search(q);
        const first = p.groups[0]?.hits[0];
        out.push(
          `${q} → ${p.hits} hit(s)${first ? `, first ${first.label || first.kind} ${first.url.split('#')[1] ?? ''}: ${first.excerpt.map((x: ExcerptPart) => (x.mark ? `[${x.text}]` : x.text)).join('')}` : ''}`,
        );
      }
      return out;
    },
    [`/${bundlePath(variant)}`, fixed] as const,
  );
  await context.close();
  console.log(`  ${variant} bundle:\n    ${res.join('\n    ')}`);
}

const hansQ = sampleQueries('hans', nQueries, 2, 6);
await measure('hans bundle, simplified substrings (2–6 chars)', 'hans', hansQ);
const hantQ = sampleQueries('hant', Math.ceil(nQueries / 3), 2, 6);
await measure('hant bundle, traditional substrings', 'hant', hantQ);
await measure('hant bundle, simplified queries', 'hant', hansQ.slice(0, Math.ceil(nQueries / 3)));
await measure('hans bundle, traditional queries', 'hans', hantQ);
await measure('hans bundle, single characters', 'hans', sampleQueries('hans', 300, 1, 1));
await measure('hant bundle, single characters', 'hant', sampleQueries('hant', 300, 1, 1));

await browser.close();
server.close();
console.log(`\nindex build (both scripts): ${(buildMs / 1000).toFixed(1)} s`);
if (args.keep) console.log(`kept ${out}`);
else await rm(out, { recursive: true, force: true });
