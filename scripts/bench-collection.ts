/**
 * Collection measurements, reported as numbers (never asserted):
 *
 *   node scripts/bench-collection.ts --site <built site>   # bytes at first load on a phone
 *   node scripts/bench-collection.ts --corpus <LawRefBook/Laws checkout>  # citations across documents
 *
 * --site: the home page and listing pages of both scripts are opened in Chromium at phone size
 * (no service worker, cold cache); every response is counted gzip -9 as a compressing server
 * sends it. The listing JSON, fetched on the first in-place filter, is counted apart.
 * --corpus: every Markdown document (converted simply: `#`, `**` and HTML comments removed,
 * the header's lines before <!-- INFO END --> give the dates) is parsed, its references linked
 * across the whole corpus, and the citations resolved to another document counted, with the
 * most frequent titles that are not in the corpus.
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { VFile } from 'vfile';
import { chromium } from 'playwright-core';
import { parseRegulation, toDisplayTree } from '../src/parser/index.ts';
import { linkReferences, type FoundReference, type KnownDocument } from '../src/references/transform.ts';
import { provisionIds } from '../src/references/ids.ts';
import { typeKey } from '../src/collection/facets.ts';
import { importCorpus } from './lib/lawrefbook.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serve a built folder on a free loopback port. */
function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    let path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) return void res.writeHead(404).end();
    res
      .writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' })
      .end(readFileSync(path));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

async function benchSite(dir: string): Promise<void> {
  const { url, close } = await serve(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const docs = (JSON.parse(readFileSync(join(dir, 'browse', 'listing.json'), 'utf8')) as { docs: unknown[] })
    .docs.length;
  const firstType = readdirSync(join(dir, 'browse', 'type'))[0];
  const pages = [
    '',
    'browse/',
    `browse/type/${firstType}/`,
    'zh-hant/',
    'zh-hant/browse/',
    `zh-hant/browse/type/${firstType}/`,
  ];
  console.log(`\n### Home and listing pages at first load on a phone (${docs} documents, gzip -9)\n`);
  console.log(
    '| page | HTML | CSS | JS | other | total | listing JSON (on first filter) |\n|---|---|---|---|---|---|---|',
  );
  for (const path of pages) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const sizes: Record<string, number> = { html: 0, css: 0, js: 0, other: 0, json: 0 };
    const pending: Array<Promise<void>> = [];
    const settled = async () => {
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
    };
    page.on('response', (r) => pending.push(count(r)));
    const count = async (r: import('playwright-core').Response) => {
      const body = await r.body().catch(() => undefined);
      if (!body) return;
      const ext = extname(new URL(r.url()).pathname);
      const kind =
        r.request().resourceType() === 'document'
          ? 'html'
          : ext === '.css'
            ? 'css'
            : ext === '.js'
              ? 'js'
              : ext === '.json'
                ? 'json'
                : 'other';
      sizes[kind]! += gz(body);
    };
    await page.goto(url + path);
    await settled();
    const first = { ...sizes };
    let json = '–';
    if (path.includes('browse')) {
      // On a phone the facet groups are closed: open one, then choose its first value.
      await page.evaluate(() =>
        document
          .querySelectorAll<HTMLDetailsElement>('details.filters, details[data-kind="status"]')
          .forEach((d) => (d.open = true)),
      );
      await page.locator('a[data-kind="status"]').first().click();
      await page
        .locator('[data-browse-count]')
        .filter({ hasNotText: String(docs) })
        .waitFor();
      await settled();
      json = kib(sizes.json! - first.json!);
    }
    const total = first.html! + first.css! + first.js! + first.other! + first.json!;
    console.log(
      `| \`/${path}\` | ${kib(first.html!)} | ${kib(first.css!)} | ${kib(first.js!)} | ${kib(first.other! + first.json!)} | ${kib(total)} | ${json} |`,
    );
    await context.close();
  }
  const listing = readdirSync(join(dir, 'browse'), { recursive: true }).filter((f) =>
    String(f).endsWith('index.html'),
  ).length;
  console.log(`\nStatic listing pages: ${listing} per script.`);
  await browser.close();
  close();
}

function benchCorpus(root: string): void {
  const start = performance.now();
  const imported = importCorpus(root);
  const parsed = imported.map((d, i) => {
    const { tree, file } = parseRegulation(d.text, d.path);
    return { ...d, slug: `d${i}`, tree: toDisplayTree(tree), fatal: file.messages.some((m) => m.fatal) };
  });
  const known: KnownDocument[] = parsed.map((d) => ({
    slug: d.slug,
    title: d.title,
    eIds: provisionIds(d.tree),
    status: 'in-force',
  }));
  const refs: FoundReference[] = [];
  const messages: Record<string, number> = {};
  for (const d of parsed) {
    const file = new VFile({ path: d.path });
    refs.push(
      ...linkReferences(d.tree, {
        file,
        self: { slug: d.slug, title: d.title, supersedes: [] },
        collection: known,
        terms: [],
      }).map((r) => ({ ...r, from: d.slug })),
    );
    for (const m of file.messages) messages[m.ruleId ?? '?'] = (messages[m.ruleId ?? '?'] ?? 0) + 1;
  }
  const seconds = (performance.now() - start) / 1000;
  const citations = refs.filter((r) => r.kind === 'citation');
  const across = citations.filter((r) => r.status === 'collection' && r.doc !== r.from);
  const form = (r: FoundReference) =>
    r.text.startsWith('《') ? 'title' : /^第/.test(r.text) ? 'list' : r.title ? 'short name' : 'number';
  const count = (xs: FoundReference[], f: string) => xs.filter((r) => form(r) === f).length;
  const types = new Map<string, number>();
  for (const d of parsed) types.set(typeKey(d.docType), (types.get(typeKey(d.docType)) ?? 0) + 1);
  console.log(
    `\n### Citations across documents in ${root} (${parsed.length} documents, ${parsed.filter((d) => !d.fatal).length} without a parse error; ${seconds.toFixed(1)} s)\n`,
  );
  console.log(
    '| citations | of them resolved to another document | with a pinpoint | by title 《》 | by short name | later items of a list | by 文号 |\n|---|---|---|---|---|---|---|',
  );
  console.log(
    `| ${citations.length} | ${across.length} | ${across.filter((r) => r.eIds.length > 0).length} | ${count(across, 'title')} | ${count(across, 'short name')} | ${count(across, 'list')} | ${count(across, 'number')} |`,
  );
  console.log(
    `\nMessages: ${Object.entries(messages)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  );
  const external = new Map<string, number>();
  // Titles of regulations only: 《企业法人营业执照》 is cited too, but is no document to import.
  const regulation =
    /(?:法|法典|条例|规定|办法|细则|规则|决定|解释|意见|通知|准则|标准|目录|章程|纲要|方案)(?:[（(][^）)]*[）)])?$/;
  for (const r of citations)
    if (r.status === 'external' && r.title && regulation.test(r.title))
      external.set(r.title, (external.get(r.title) ?? 0) + 1);
  console.log('\nMost frequent cited titles not in the corpus (what to import next):\n');
  console.log('| title | citations |\n|---|---|');
  for (const [title, n] of [...external].sort((a, b) => b[1] - a[1]).slice(0, 15))
    console.log(`| ${title} | ${n} |`);
}

const site = arg('--site');
const corpus = arg('--corpus');
if (!site && !corpus) {
  console.error(
    'Usage: node scripts/bench-collection.ts --site <built site> | --corpus <LawRefBook/Laws folder>',
  );
  process.exit(2);
}
if (corpus) benchCorpus(corpus);
if (site) await benchSite(site);
