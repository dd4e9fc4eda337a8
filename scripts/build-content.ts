/**
 * Build stage for content/: every folder with a source.txt and a meta.yaml is parsed into a
 * tree; diagnostics are printed as file:line:column; the collection is written to
 * generated/collection.json for the site. Exit 1 when any document has an error.
 *
 * Usage: node scripts/build-content.ts [--content DIR] [--out FILE]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { VFile } from 'vfile';
import { parseRegulation, toDisplayTree, treeStats, unaccounted } from '../src/parser/index.ts';
import { loadMeta } from '../src/content/load-meta.ts';
import type { Collection, DocumentEntry } from '../src/data/collection.ts';
import { report } from '../src/parser/messages.ts';
import { addTraditional } from './lib/traditional.ts';
import { formatMessages } from './lib/report.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const contentDir = arg('--content', 'content');
const outFile = arg('--out', join('generated', 'collection.json'));

async function main(): Promise<number> {
  const files: VFile[] = [];
  const documents: DocumentEntry[] = [];
  const slugs = new Map<string, string>();
  const folders = readdirSync(contentDir)
    .filter((f) => statSync(join(contentDir, f)).isDirectory())
    .sort();
  for (const folder of folders) {
    const dir = join(contentDir, folder);
    const sourcePath = join(dir, 'source.txt');
    const metaPath = join(dir, 'meta.yaml');
    if (!existsSync(sourcePath) || !existsSync(metaPath)) {
      console.error(`${dir}: expected source.txt and meta.yaml in every document folder`);
      return 1;
    }
    const { meta, file: metaFile } = loadMeta(readFileSync(metaPath, 'utf8'), metaPath);
    files.push(metaFile);
    const source = readFileSync(sourcePath, 'utf8');
    const { tree, file } = parseRegulation(source, sourcePath);
    files.push(file);
    if (!meta) continue;
    const other = slugs.get(meta.slug);
    if (other) report(metaFile, `Unexpected duplicate slug ${meta.slug}, first used by ${other}; expected a slug of its own`, undefined, 'meta-slug', true);
    slugs.set(meta.slug, metaPath);
    const display = toDisplayTree(tree);
    const stats = treeStats(tree);
    documents.push({ folder, meta, tree: display, stats });
    const s = stats;
    console.log(
      `${relative('.', sourcePath)}: ${s.chapters} chapters, ${s.sections} sections, ${s.articles} articles, ` +
        `${s.paragraphs} paragraphs, ${s.items} items, ${s.subitems} sub-items; ${s.dropped} lines kept aside; ` +
        `${unaccounted(tree, source).missing} characters unaccounted for`,
    );
    for (const d of tree.data.dropped) console.log(`  ${relative('.', sourcePath)}:${d.line}  [${d.reason}] ${d.text.trim()}`);
  }
  const problems = files.filter((f) => f.messages.length > 0);
  if (problems.length > 0) console.error(formatMessages(problems));
  if (files.some((f) => f.messages.some((m) => m.fatal))) return 1;

  await addTraditional(documents, contentDir);
  const collection: Collection = { documents };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(collection));
  console.log(`${documents.length} document(s) → ${outFile}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Not a content problem: say what failed without a stack trace (set DEBUG=1 for one).
    console.error(`build-content failed: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack, error.cause);
    process.exit(2);
  },
);
