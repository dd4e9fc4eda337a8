/**
 * Measure the versions feature on a real corpus (LawRefBook/Laws, one Markdown file per dated
 * version, `<title>(<YYYY-MM-DD>).md`): for every title with two or more versions, parse each
 * version and compute the correspondence of consecutive ones; report the pairs found by kind,
 * how many of the hand-checked pairs of tests/fixtures/versions/bench-pairs.yaml it gets
 * right, and the time per extra version. Needs the corpus; not part of the tests.
 *
 * Usage: node scripts/bench-versions.ts [--corpus /work/corpus]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { parseRegulation, toDisplayTree, type Document } from '../src/parser/index.ts';
import { correspond, type Correspondence, type PairKind } from '../src/versions/correspond.ts';

const i = process.argv.indexOf('--corpus');
const corpus = i > 0 ? process.argv[i + 1]! : '/work/corpus';

function walk(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (f.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The corpus Markdown as plain text, as scripts/versions-from-corpus.ts writes source.txt. */
const toSource = (md: string) =>
  md
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.replace(/[\u200b\ufeff]/g, '').trim())
    .filter((l) => l && !l.startsWith('<!--'))
    .map((l) => l.replace(/^#+\s*/, '').replace(/\*\*/g, ''))
    .join('\n');

const byTitle = new Map<string, Array<{ file: string; date: string }>>();
for (const file of walk(corpus)) {
  const m = /^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(basename(file));
  if (!m) continue;
  const key = `${file.split('/').slice(-2, -1)[0]}/${m[1]}`;
  byTitle.set(key, [...(byTitle.get(key) ?? []), { file, date: m[2]! }]);
}
const multi = [...byTitle]
  .filter(([, v]) => v.length > 1)
  .map(([k, v]) => [k, v.sort((a, b) => a.date.localeCompare(b.date))] as const);

const kinds: Record<PairKind, number> = {
  unchanged: 0,
  amended: 0,
  renumbered: 0,
  'renumbered-amended': 0,
  removed: 0,
  new: 0,
};
let documents = 0;
let parsedVersions = 0;
let failedVersions = 0;
let tables = 0;
let oldArticles = 0;
let parseMs = 0;
let correspondMs = 0;
const tablesByTitle = new Map<string, Correspondence>();
for (const [title, versions] of multi) {
  const trees: Array<{ date: string; tree: Document }> = [];
  for (const v of versions) {
    const t0 = performance.now();
    const { tree, ok } = parseRegulation(toSource(readFileSync(v.file, 'utf8')), v.file);
    parseMs += performance.now() - t0;
    if (!ok) {
      failedVersions++;
      continue;
    }
    parsedVersions++;
    trees.push({ date: v.date, tree: toDisplayTree(tree) });
  }
  if (trees.length < 2) continue;
  documents++;
  for (let k = 1; k < trees.length; k++) {
    const t0 = performance.now();
    const c = correspond(trees[k - 1]!.tree, trees[k]!.tree, {
      from: trees[k - 1]!.date,
      to: trees[k]!.date,
    });
    correspondMs += performance.now() - t0;
    tables++;
    for (const p of c.pairs) {
      kinds[p.kind]++;
      if (p.old) oldArticles++;
    }
    tablesByTitle.set(`${title.split('/')[1]} ${c.from}→${c.to}`, c);
  }
}
const paired = kinds.unchanged + kinds.amended + kinds.renumbered + kinds['renumbered-amended'];
console.log(
  `${multi.length} titles with two or more dated versions; ${documents} with at least two versions that parse (${parsedVersions} versions parsed, ${failedVersions} with parse errors left out)`,
);
console.log(
  `${tables} correspondence tables, ${oldArticles} articles of earlier versions: ${paired} paired (${((100 * paired) / oldArticles).toFixed(1)} %), ${kinds.removed} removed; ${kinds.new} new articles in later versions`,
);
console.log(
  `  by kind: ${Object.entries(kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
console.log(
  `  time: parse ${(parseMs / parsedVersions).toFixed(1)} ms per version, correspondence ${(correspondMs / tables).toFixed(1)} ms per table (${correspondMs.toFixed(0)} ms in all)`,
);

const fixture = parse(readFileSync('tests/fixtures/versions/bench-pairs.yaml', 'utf8')) as {
  title: string;
  from: string;
  to: string;
  pairs: Array<[string, string]>;
};
const table = tablesByTitle.get(`${fixture.title} ${fixture.from}→${fixture.to}`);
if (!table) {
  console.log(`hand-checked pairs: ${fixture.title} ${fixture.from}→${fixture.to} not found in the corpus`);
} else {
  const wrong: string[] = [];
  for (const [old, now] of fixture.pairs) {
    const got = table.pairs.find((p) => p.old === old)?.new ?? [];
    if (!got.includes(now)) wrong.push(`${old} → ${now} (got ${got.join('+') || 'none'})`);
  }
  console.log(
    `hand-checked pairs (${fixture.title} ${fixture.from}→${fixture.to}): ${fixture.pairs.length - wrong.length} of ${fixture.pairs.length} right`,
  );
  for (const w of wrong) console.log(`  wrong: ${w}`);
}
for (const name of [
  '行政复议法 2017-09-01→2023-09-01',
  '立法法 2015-03-15→2023-03-13',
  '公司法 2018-10-26→2023-12-29',
]) {
  const c = tablesByTitle.get(name);
  if (!c) continue;
  const k: Record<string, number> = {};
  for (const p of c.pairs) k[p.kind] = (k[p.kind] ?? 0) + 1;
  console.log(
    `${name}: ${Object.entries(k)
      .map(([a, n]) => `${a} ${n}`)
      .join(', ')}`,
  );
}
