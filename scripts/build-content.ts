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
import { decodeText } from '../src/text/decode.ts';
import { loadMeta } from '../src/content/load-meta.ts';
import type { Collection, DocumentEntry } from '../src/data/collection.ts';
import { hasErrors, report } from '../src/diagnostics/message.ts';
import { addTraditional } from './lib/traditional.ts';
import { findDefinitions, loadGlossary, type Term } from '../src/references/glossary.ts';
import { linkReferences, type FoundReference } from '../src/references/transform.ts';
import { backLinks, citedDocuments } from '../src/references/collection.ts';
import { checkAnchors } from './lib/anchors.ts';
import { formatMessages } from '../src/diagnostics/reporter.ts';
import { addVersions } from '../src/versions/build.ts';
import { applyRelations, knownOf } from '../src/collection/relations.ts';
import { provisionIds } from '../src/references/ids.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const contentDir = arg('--content', 'content');
const outFile = arg('--out', process.env.TIAOWEN_COLLECTION || join('generated', 'collection.json'));

async function main(): Promise<number> {
  const files: VFile[] = [];
  const documents: DocumentEntry[] = [];
  const slugs = new Map<string, string>();
  const fileOf = new Map<string, VFile>();
  const glossaryOf = new Map<string, string>();
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
    const { meta, file: metaFile, placeOf } = loadMeta(readFileSync(metaPath, 'utf8'), metaPath);
    files.push(metaFile);
    const decoded = decodeText(readFileSync(sourcePath));
    if (!decoded.ok) {
      console.error(`${sourcePath}: cannot decode the file: ${decoded.reason}`);
      return 1;
    }
    const source = decoded.text;
    // Source defects are warnings, unless the document asks for strict mode.
    const { tree, file } = parseRegulation(source, sourcePath, { strict: meta?.strict === true });
    files.push(file);
    if (!meta) continue;
    const other = slugs.get(meta.slug);
    const reason = `Unexpected duplicate slug ${meta.slug}, first used by ${other}; expected a slug of its own`;
    if (other) report(metaFile, reason, { place: placeOf(['slug']), ruleId: 'meta-slug', fatal: true });
    slugs.set(meta.slug, metaPath);
    const display = toDisplayTree(tree);
    const stats = treeStats(tree);
    // The glossary is optional; the text's own definitions (本规则所称X，是指…) are added to it.
    const glossaryPath = join(dir, 'glossary.yaml');
    let terms: Term[] = [];
    if (existsSync(glossaryPath)) {
      const g = loadGlossary(readFileSync(glossaryPath, 'utf8'), glossaryPath);
      files.push(g.file);
      terms = g.terms;
    }
    for (const t of findDefinitions(display)) if (!terms.some((x) => x.term === t.term)) terms.push(t);
    documents.push({ folder, meta, tree: display, stats, citations: [], backlinks: {}, terms, aliases: [] });
    fileOf.set(meta.slug, file);
    glossaryOf.set(meta.slug, glossaryPath);
    const s = stats;
    console.log(
      `${relative('.', sourcePath)}: ${s.chapters} chapters, ${s.sections} sections, ${s.articles} articles, ` +
        `${s.paragraphs} paragraphs, ${s.items} items, ${s.subitems} sub-items; ${s.dropped} lines kept aside; ` +
        `${unaccounted(tree, source).missing} characters unaccounted for`,
    );
    for (const d of tree.data.dropped) console.log(`  ${relative('.', sourcePath)}:${d.line}  [${d.reason}] ${d.text.trim()}`);
  }
  files.push(...addVersions(documents, contentDir));
  // Cross-references need every document parsed first: citations resolve across the collection.
  const known = documents.map((d) => ({ ...knownOf(d), eIds: provisionIds(d.tree), versions: d.versions }));
  const references: Record<string, FoundReference[]> = {};
  for (const d of documents) {
    const file = fileOf.get(d.meta.slug)!;
    const ids = new Set<string>();
    JSON.stringify(d.tree, (k, v) => (k === 'eId' && ids.add(v), v));
    for (const t of d.terms) {
      const reason = `Unexpected glossary entry ${t.term} → ${t.defines} in ${glossaryOf.get(d.meta.slug)}: no such provision`;
      if (!ids.has(t.defines)) report(file, reason, { ruleId: 'glossary-target', fatal: true });
    }
    references[d.meta.slug] = linkReferences(d.tree, {
      file,
      self: { slug: d.meta.slug, title: d.meta.title, documentNumber: d.meta.documentNumber, supersedes: d.meta.supersedes },
      collection: known,
      terms: d.terms,
      strict: d.meta.strict,
    });
    d.citations = citedDocuments(references[d.meta.slug]!);
  }
  const links = backLinks(references);
  for (const d of documents) d.backlinks = links[d.meta.slug] ?? {};
  applyRelations(documents);
  const problems = files.filter((f) => f.messages.length > 0);
  if (problems.length > 0) console.error(formatMessages(problems));
  if (files.some((f) => f.messages.some((m) => m.fatal))) return 1;
  // The anchor contract: published anchors may not disappear without an alias.
  const anchorFiles = checkAnchors(documents, contentDir);
  if (anchorFiles.length > 0) console.error(formatMessages(anchorFiles));
  if (hasErrors(...anchorFiles)) return 1;

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
