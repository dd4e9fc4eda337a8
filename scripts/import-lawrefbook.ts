/**
 * Import a LawRefBook/Laws checkout as a content folder, to build the whole corpus:
 *
 *   node scripts/import-lawrefbook.ts --corpus /path/to/Laws --out /tmp/laws [--limit 100]
 *   TIAOWEN_CONTENT=/tmp/laws/content npm run build   # or: node scripts/build-content.ts --content /tmp/laws/content
 *
 * Each document becomes content/<slug>/{source.txt,meta.yaml}; the slug is the title's pinyin
 * (src/collection/keys.ts) with the date of the version, so versions of one law stay apart.
 */
import { mkdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { pinyinKey } from '../src/collection/keys.ts';
import { importCorpus } from './lib/lawrefbook.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const corpus = arg('--corpus');
const out = arg('--out') ?? '/tmp/tiaowen-laws';
if (!corpus) {
  console.error(
    'Usage: node scripts/import-lawrefbook.ts --corpus <LawRefBook/Laws folder> [--out DIR] [--limit N]',
  );
  process.exit(2);
}
const docs = importCorpus(corpus).slice(0, Number(arg('--limit') ?? Infinity));
rmSync(join(out, 'content'), { recursive: true, force: true });
const slugs = new Set<string>();
for (const d of docs) {
  const date = d.dates.amended ?? d.dates.issued ?? d.dates.adopted;
  let slug = `${pinyinKey(d.title).slice(0, 48)}${date ? `-${date.replace(/-/g, '')}` : ''}`;
  for (let n = 2; slugs.has(slug); n++) slug = `${slug.replace(/-v\d+$/, '')}-v${n}`;
  slugs.add(slug);
  const dir = join(out, 'content', slug);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'source.txt'), d.text);
  const meta = {
    title: d.title,
    slug,
    authority: d.authority ?? '（未注明）',
    docType: d.docType,
    ...(d.documentNumber && { documentNumber: d.documentNumber }),
    jurisdiction: d.jurisdiction,
    status: 'in-force',
    dates: d.dates,
    source: { description: `LawRefBook/Laws: ${d.path}` },
  };
  writeFileSync(join(dir, 'meta.yaml'), stringify(meta));
}
copyFileSync('content/conversion-overrides.yaml', join(out, 'content', 'conversion-overrides.yaml'));
console.log(`${docs.length} documents → ${join(out, 'content')}`);
