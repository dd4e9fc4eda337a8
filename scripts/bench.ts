/**
 * Benchmarks, reported as numbers (never asserted): parser throughput, the full build (wall
 * time, peak memory), page weight by kind, and scale runs on synthetic collections.
 *
 *   npm run bench                         # parser + build + page weight on content/
 *   npm run bench -- --scale 100,300,1000 # also synthetic collections of these sizes
 *   npm run bench -- --only scale --scale 100
 *   npm run bench -- --only import --corpus DIR   # import: files/s by format, and a corpus's shares
 *   npm run bench -- --build DIR          # a cold build of a real content folder: steps, bytes by kind
 *
 * Prints Markdown tables (the README's performance section carries them).
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify, stripVTControlCharacters } from 'node:util';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseRegulation } from '../src/parser/index.ts';
import { writeCorpus } from './synth.ts';
import { variantPath, VARIANTS } from '../src/i18n/variant.ts';
import { firstVisitBytes, sharedBytes } from '../src/offline/service-worker.ts';
import { entriesFor, entryBytes, MANIFEST_FILE, type OfflineManifest } from '../src/offline/manifest.ts';
import { benchImport } from './lib/bench-import.ts';
import { readCollection } from '../src/data/collection.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const only = arg('--only');
const scales = (arg('--scale') ?? '').split(',').filter(Boolean).map(Number);
const node = process.execPath;
const execFileAsync = promisify(execFile);
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Parser throughput: the seed itself, and the seed repeated to 10 MB. */
function benchParser(): void {
  const seed = readFileSync('content/zibo-government-work-rules/source.txt', 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    parseRegulation(seed);
    times.push(performance.now() - t);
  }
  const big = seed.repeat(Math.ceil(10e6 / Buffer.byteLength(seed)));
  const mb = Buffer.byteLength(big) / 1e6;
  const t = performance.now();
  const { tree } = parseRegulation(big);
  const s = (performance.now() - t) / 1000;
  console.log('\n### Parser\n');
  console.log('| input | size | time | throughput |\n|---|---|---|---|');
  console.log(
    `| the seed (median of 30) | ${(Buffer.byteLength(seed) / 1024).toFixed(1)} KiB | ${median(times).toFixed(2)} ms | ${(Buffer.byteLength(seed) / 1e6 / (median(times) / 1000)).toFixed(1)} MB/s |`,
  );
  console.log(
    `| the seed repeated (${tree.data.dropped.length} lines aside) | ${mb.toFixed(1)} MB | ${s.toFixed(2)} s | ${(mb / s).toFixed(1)} MB/s |`,
  );
}

interface BuildRun {
  seconds: number;
  peakMiB: number;
  /** What the command printed (the build log). */
  log: string;
}

/** Run a command under GNU time: wall seconds and the peak resident memory of any process it waited for. */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): BuildRun {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', cmd, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr);
  return { seconds: Number(m?.[1]), peakMiB: Number(m?.[2]) / 1024, log: r.stdout + r.stderr };
}

/** A full build (content → site → both search bundles) into its own folders. */
function build(contentDir: string, work: string): { content: BuildRun; site: BuildRun } {
  mkdirSync(work, { recursive: true });
  const collection = join(work, 'collection.json');
  const env = {
    ...process.env,
    TIAOWEN_OUT: join(work, 'site'),
    TIAOWEN_COLLECTION: collection,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const content = timed(
    node,
    ['scripts/build-content.ts', '--content', contentDir, '--out', collection],
    env,
  );
  // Node's default heap: the 1,000-document build stays near 2.2 GiB in Node (Pagefind's own
  // process is the peak), so a build that needs more has regressed.
  const site = timed(node, ['node_modules/astro/bin/astro.mjs', 'build'], env);
  return { content, site };
}

/** The simplified search index of a built site, whichever engine wrote it. */
function searchIndexSize(site: string) {
  const flat = dirSize(join(site, 'flat'));
  return flat.files > 0 ? flat : dirSize(join(site, 'pagefind'));
}

function dirSize(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  if (!existsSync(dir)) return { bytes, files, pages };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files++;
      if (e.name === 'index.html') pages++;
    }
  }
  return { bytes, files, pages };
}

/** Compressed weight of a built page and what it loads at first view, by kind. */
function pageWeight(site: string, path: string): Record<string, number> {
  const file = join(site, path, 'index.html');
  const html = readFileSync(file, 'utf8');
  const out: Record<string, number> = { html: gz(html), css: 0, js: 0, fonts: 0, inlineJs: 0 };
  const seen = new Set<string>();
  const local = (href: string) => join(site, href.replace(/^\/(rules\/)?/, ''));
  for (const m of html.matchAll(
    /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/g,
  )) {
    const href = m[1] ?? m[2]!;
    if (!seen.has(href) && existsSync(local(href))) {
      seen.add(href);
      const css = readFileSync(local(href));
      out.css! += gz(css);
      for (const f of css.toString().matchAll(/url\(([^)]+\.(?:woff2?|ttf|otf))\)/g))
        out.fonts! += statSync(local(f[1]!)).size;
    }
  }
  // Inline scripts travel inside the HTML (counted there); `inlineJs` says how much of it they are.
  const queue = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const inline: string[] = [];
  for (const m of html.matchAll(
    /<script(?![^>]*src=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g,
  )) {
    inline.push(m[1]!);
    for (const i of m[1]!.matchAll(/import\s*(?:[\w{}\s,*]+from\s*)?["']([^"']+)["']/g)) queue.push(i[1]!);
  }
  out.inlineJs = gz(inline.join('\n'));
  // Scripts loaded at first view: <script src> and their static imports (not dynamic imports).

  while (queue.length > 0) {
    const src = queue.shift()!;
    const path = src.startsWith('/') ? local(src) : join(site, '_astro', src.replace(/^\.\//, ''));
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const js = readFileSync(path, 'utf8');
    out.js! += gz(js);
    for (const i of js.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["'](\.\/[^"']+)["']/g))
      queue.push(`/_astro/${i[1]!.slice(2)}`);
  }
  return out;
}

function benchSite(): void {
  const work = resolve('/tmp/tiaowen-bench/content');
  const run = build('content', work);
  const site = join(work, 'site');
  console.log('\n### Build (content/, both scripts, search index)\n');
  console.log('| step | wall time | peak memory |\n|---|---|---|');
  console.log(
    `| parse content/ | ${run.content.seconds.toFixed(2)} s | ${run.content.peakMiB.toFixed(0)} MiB |`,
  );
  console.log(
    `| astro build + search index | ${run.site.seconds.toFixed(2)} s | ${run.site.peakMiB.toFixed(0)} MiB |`,
  );
  const { documents } = readCollection(join(work, 'collection.json'));
  const slug = documents[0]!.meta.slug;
  const pages: Array<[string, string]> = [
    ['home', ''],
    ['document', slug],
    ['article page', `${slug}/art_47`],
    ['document (traditional)', variantPath('hant', slug)],
  ];
  console.log('\n### Page weight at first load (gzip -9)\n');
  console.log(
    '| page | HTML (with inline JS) | of which inline JS | CSS | external JS | fonts | total |\n|---|---|---|---|---|---|---|',
  );
  for (const [name, path] of pages) {
    if (!existsSync(join(site, path, 'index.html'))) continue;
    const w = pageWeight(site, path);
    const total = w.html! + w.css! + w.js! + w.fonts!;
    console.log(
      `| ${name} \`/${path}${path ? '/' : ''}\` | ${kib(w.html!)} | ${kib(w.inlineJs!)} | ${kib(w.css!)} | ${kib(w.js!)} | ${kib(w.fonts!)} | ${kib(total)} |`,
    );
  }
  console.log(
    '\nJavaScript before search opens = inline JS + external JS (the search code loads when the box is used).',
  );
  const idx = searchIndexSize(site);
  console.log(`\nSearch index (simplified): ${kib(idx.bytes)} in ${idx.files} files.`);
  benchOffline(site);
}

/**
 * What a first visit to the document page downloads in the background for offline reading,
 * gzip as a compressing host sends it, by variant (docs/offline.md), next to what keeping every
 * page and both search bundles (the precache before per-variant keeping) would download.
 */
function benchOffline(site: string): void {
  const shared = sharedBytes(site);
  console.log('\n### Offline: first visit, downloaded in the background (gzip)\n');
  console.log('| variant | mode | first visit | the variant whole |\n|---|---|---|---|');
  for (const v of VARIANTS) {
    const m = JSON.parse(readFileSync(join(site, variantPath(v), MANIFEST_FILE), 'utf8')) as OfflineManifest;
    console.log(
      `| ${v === 'hans' ? 'simplified' : 'traditional'} | ${m.mode} | ${kib(firstVisitBytes(m, shared))} | ${kib(shared + entryBytes(entriesFor(m, 'all')))} |`,
    );
  }
  let everything = shared;
  for (const e of readdirSync(site, { withFileTypes: true, recursive: true })) {
    const path = join(e.parentPath, e.name);
    if (e.isFile() && (e.name === 'index.html' || /\/(?:pagefind|flat)\//.test(path)))
      everything += gz(readFileSync(path));
  }
  console.log(
    `\nEvery page of both variants and both search bundles (what a first visit downloaded before): ${kib(everything)}.`,
  );
}

/**
 * A cold build of a real content folder (an imported corpus, never committed), as the scale runs
 * report theirs: each step with its share, peak memory, bytes and files by kind.
 */
function benchBuild(contentDir: string): void {
  const root = '/tmp/tiaowen-bench/build';
  for (const old of ['collection.json', 'collection.documents', 'site', 'site.astro-cache'])
    rmSync(join(root, old), { recursive: true, force: true });
  const run = build(resolve(contentDir), root);
  // The whole log, for the time of each page (Astro prints it beside the page's address).
  writeFileSync(join(root, 'astro-build.log'), stripVTControlCharacters(run.site.log));
  const { documents } = readCollection(join(root, 'collection.json'));
  const articles = documents.reduce((a, d) => a + d.stats.articles, 0);
  const site = dirSize(join(root, 'site'));
  console.log(`\n### Build of ${contentDir}: ${documents.length} documents, ${articles} articles\n`);
  console.log(`Site: ${(site.bytes / 1e6).toFixed(1)} MB in ${site.files} files (${site.pages} pages).`);
  console.log(scaleDetails(documents.length, root, run, false));
}

function benchScale(): void {
  const details: string[] = [];
  console.log('\n### Scale (synthetic collections, scripts/synth.ts)\n');
  console.log(
    '| documents | source text | articles | content build | site build | peak memory | pages | site size | search index (one script) |\n|---|---|---|---|---|---|---|---|---|',
  );
  for (const count of scales) {
    const root = `/tmp/tiaowen-bench/scale-${count}`;
    const { bytes } = writeCorpus(root, count);
    // A cold build: no artefacts or content-layer store from an earlier run.
    for (const old of ['collection.json', 'collection.documents', 'site.astro-cache'])
      rmSync(join(root, old), { recursive: true, force: true });
    const run = build(join(root, 'content'), root);
    const articles = readCollection(join(root, 'collection.json')).documents.reduce(
      (a, d) => a + d.stats.articles,
      0,
    );
    const site = dirSize(join(root, 'site'));
    const pages = site.pages;
    const idx = searchIndexSize(join(root, 'site'));
    console.log(
      `| ${count} | ${(bytes / 1e6).toFixed(1)} MB | ${articles} | ${run.content.seconds.toFixed(1)} s | ${run.site.seconds.toFixed(1)} s | ` +
        `${Math.max(run.content.peakMiB, run.site.peakMiB).toFixed(0)} MiB | ${pages} | ${(site.bytes / 1e6).toFixed(1)} MB | ${(idx.bytes / 1e6).toFixed(2)} MB, ${idx.files} files |`,
    );
    details.push(scaleDetails(count, root, run));
  }
  console.log(details.join('\n'));
}

/** Where a build's time went, from its log: the content stage, then astro build's steps. */
function buildSteps(content: BuildRun, site: BuildRun): Array<[string, number]> {
  const log = stripVTControlCharacters(site.log);
  const stamp = (re: RegExp) => {
    const m = new RegExp(`^(\\d\\d):(\\d\\d):(\\d\\d) .*${re.source}`, 'm').exec(log);
    return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
  };
  const ms = (re: RegExp) => Number(re.exec(log)?.[1] ?? NaN) / 1000;
  const synced = (stamp(/Synced content/) ?? 0) - (stamp(/Syncing content/) ?? 0);
  const vite = [...log.matchAll(/\[vite\] ✓ built in ([\d.]+)(m?s)/g)].reduce(
    (a, m) => a + Number(m[1]) / (m[2] === 'ms' ? 1000 : 1),
    0,
  );
  // Astro prints 850ms, 12.34s or 4m 12s.
  const took = /generating static routes[\s\S]*?Completed in (?:(\d+)m\s*)?(?:([\d.]+)(m?s))?/.exec(log);
  const pages = took ? Number(took[1] ?? 0) * 60 + Number(took[2] ?? 0) / (took[3] === 'ms' ? 1000 : 1) : NaN;
  const search = ms(/tiaowen-search\].* in (\d+) ms/);
  const offline = ms(/tiaowen-offline\].* in (\d+) ms/);
  const steps: Array<[string, number]> = [
    ['content stage (parse, references, traditional)', content.seconds],
    ['content layer sync', synced],
    ['bundling (vite)', vite],
    ['pages', pages],
    ['search index', search],
    ['service worker and single-file downloads', offline],
  ];
  const known = steps.slice(1).reduce((a, [, s]) => a + (Number.isFinite(s) ? s : 0), 0);
  steps.push(['the rest of astro build (start-up, _headers, …)', site.seconds - known]);
  return steps;
}

/** The kind of a file of the built site, for the bytes report. */
function kindOf(rel: string): string {
  if (/(^|\/)(?:pagefind|flat)\//.test(rel)) return 'search index';
  if (rel.startsWith('_astro/')) return 'CSS and JS (_astro/)';
  if (/\/art_[^/]+\/index\.html$/.test(rel)) return 'article pages';
  if (/^(zh-hant\/)?[^/]+\/index\.html$/.test(rel) && !/^(zh-hant\/)?(search|citations|offline)\//.test(rel))
    return 'document pages';
  if (/\.html$/.test(rel) && !rel.endsWith('index.html') && rel !== '404.html')
    return 'single-file downloads';
  if (/\/(data\.json|text\.md)$/.test(rel)) return 'open data (data.json, text.md)';
  if (rel.endsWith('.html')) return 'other pages';
  return 'other (sw.js, icons, sitemap, _headers, …)';
}

/** Bytes and files of a built site by kind of file. */
function bytesByKind(site: string): Map<string, { bytes: number; files: number }> {
  const out = new Map<string, { bytes: number; files: number }>();
  for (const e of readdirSync(site, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    const k = kindOf(relative(site, path).split('\\').join('/'));
    const acc = out.get(k) ?? { bytes: 0, files: 0 };
    acc.bytes += statSync(path).size;
    acc.files++;
    out.set(k, acc);
  }
  return out;
}

/**
 * Rebuilding after an edit: one document of the collection changed (a sentence added to an
 * article), the content stage run again; then the file is restored.
 */
function benchRebuild(root: string): BuildRun {
  const folders = readdirSync(join(root, 'content'))
    .filter((f) => statSync(join(root, 'content', f)).isDirectory())
    .sort();
  const source = join(root, 'content', folders[Math.floor(folders.length / 2)]!, 'source.txt');
  const original = readFileSync(source, 'utf8');
  writeFileSync(source, original.replace(/(第一条|一、)([^\n]*)/, '$1$2本条为测试修改而添加。'));
  try {
    const collection = join(root, 'collection.json');
    return timed(
      node,
      ['scripts/build-content.ts', '--content', join(root, 'content'), '--out', collection],
      process.env,
    );
  } finally {
    writeFileSync(source, original);
  }
}

/** The per-collection details of a scale run: steps with their share, bytes by kind, a rebuild after one edit. */
function scaleDetails(
  count: number,
  root: string,
  run: { content: BuildRun; site: BuildRun },
  rebuild = true,
): string {
  const out: string[] = [`\n#### ${count} documents\n`, '| step | time | share |', '|---|---|---|'];
  const steps = buildSteps(run.content, run.site);
  const total = run.content.seconds + run.site.seconds;
  for (const [name, s] of steps)
    out.push(`| ${name} | ${s.toFixed(1)} s | ${((100 * s) / total).toFixed(0)}% |`);
  out.push(
    `| total | ${total.toFixed(1)} s | peak ${Math.max(run.content.peakMiB, run.site.peakMiB).toFixed(0)} MiB |`,
  );
  out.push('', '| kind of file | files | bytes |', '|---|---|---|');
  const kinds = [...bytesByKind(join(root, 'site'))].sort((a, b) => b[1].bytes - a[1].bytes);
  for (const [k, v] of kinds) out.push(`| ${k} | ${v.files} | ${(v.bytes / 1e6).toFixed(1)} MB |`);
  if (!rebuild) return out.join('\n');
  const again = benchRebuild(root);
  const line = /(\d+) built, (\d+) unchanged/.exec(again.log);
  out.push(
    '',
    `Content stage after editing one document: ${again.seconds.toFixed(1)} s (${line?.[1]} built, ${line?.[2]} unchanged), ` +
      `against ${run.content.seconds.toFixed(1)} s for all; peak ${again.peakMiB.toFixed(0)} MiB.`,
  );
  return out.join('\n');
}

/**
 * Lighthouse (pinned devDependency) with Debian's Chromium, on the document page and an article
 * page, mobile emulation. The site is built with TIAOWEN_SITE set to the server's origin, so
 * canonical and hreflang addresses are absolute as in production, and served with the caching
 * the generated _headers asks for.
 */
async function benchLighthouse(): Promise<void> {
  const work = '/tmp/tiaowen-bench/lighthouse';
  const origin = 'http://127.0.0.1:4399';
  mkdirSync(work, { recursive: true });
  const collection = join(work, 'collection.json');
  const env = {
    ...process.env,
    TIAOWEN_OUT: join(work, 'site'),
    TIAOWEN_COLLECTION: collection,
    TIAOWEN_SITE: origin,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  timed(node, ['scripts/build-content.ts', '--out', collection], env);
  timed(node, ['node_modules/astro/bin/astro.mjs', 'build'], env);
  const { createServer } = await import('node:http');
  const root = join(work, 'site');
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.wasm': 'application/wasm',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.webmanifest': 'application/manifest+json',
  };
  const server = createServer((req, res) => {
    let file = join(root, decodeURIComponent(new URL(req.url ?? '/', origin).pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const hashed = /\/(_astro|pagefind\/(fragment|index|filter)|flat\/[0-9a-f]+)\//.test(file);
    res.writeHead(200, {
      'content-type': types[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(4399, '127.0.0.1', ok));
  console.log('\n### Lighthouse (mobile, simulated throttling)\n');
  console.log(
    '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |\n|---|---|---|---|---|---|---|---|---|',
  );
  const slug = 'zibo-government-work-rules';
  const pages: Array<[string, string]> = [
    ['document', `${slug}/`],
    ['article page', `${slug}/art_47/`],
    ['document (traditional)', variantPath('hant', `${slug}/`)],
  ];
  for (const [name, path] of pages) {
    const out = join(work, `lh-${name.replace(/\W+/g, '-')}.json`);
    // Asynchronous, so this process's server keeps answering while Lighthouse loads the page.
    const run = await execFileAsync(
      node,
      [
        'node_modules/lighthouse/cli/index.js',
        `${origin}/${path}`,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync',
      ],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, encoding: 'utf8', maxBuffer: 1 << 26 },
    ).catch((e: { stderr?: string }) => ({ failed: e.stderr ?? String(e) }));
    if ('failed' in run) {
      console.log(`| ${name} | lighthouse failed: ${run.failed.slice(-200).replace(/\n/g, ' ')} |`);
      continue;
    }
    const r = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number }>;
      audits: Record<string, { displayValue?: string }>;
    };
    const c = r.categories;
    const a = (id: string) => r.audits[id]?.displayValue ?? '';
    console.log(
      `| ${name} | ${c.performance!.score} | ${c.accessibility!.score} | ${c['best-practices']!.score} | ${c.seo!.score} | ${a('first-contentful-paint')} | ${a('largest-contentful-paint')} | ${a('total-blocking-time')} | ${a('cumulative-layout-shift')} |`,
    );
  }
  server.close();
}

console.log(`Benchmarks on ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
const corpus = arg('--corpus');
const buildDir = arg('--build');
if (buildDir) benchBuild(buildDir);
if (corpus && (!only || only === 'corpus')) {
  const { benchCorpus } = await import('./bench-corpus.ts');
  benchCorpus(corpus, process.argv.includes('--strict'), arg('--list'));
}
if (buildDir && !only) process.exit(0);
if ((!only && !corpus) || only === 'parser') benchParser();
if (!only || only === 'import') await benchImport(corpus);
if ((!only && !corpus) || only === 'site') benchSite();
if ((!only && !corpus) || only === 'lighthouse') await benchLighthouse();
if ((!only || only === 'scale') && scales.length > 0 && !corpus) benchScale();
