/**
 * Build stage for a folder of documents (content/ unless TIAOWEN_CONTENT or --content names
 * another): every folder with a source.txt and a meta.yaml is parsed into a tree by
 * buildCollection (src/pipeline/build.ts); diagnostics are printed as file:line:column; each
 * document's artefact is written beside the collection's index (generated/collection.json and
 * generated/collection.documents/), and only documents whose inputs changed are built again.
 * Exit 1 when any document has an error.
 *
 * Usage: node scripts/build-content.ts [--content DIR] [--out FILE]
 * (defaults: TIAOWEN_CONTENT or content/, TIAOWEN_COLLECTION or generated/collection.json)
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildCollection } from '../src/pipeline/build.ts';
import { formatMessages } from '../src/diagnostics/reporter.ts';
import {
  artefactDir,
  codeVersion,
  readDocuments,
  readIndex,
  readOverrides,
  writeCollection,
} from './lib/content-files.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const contentDir = arg('--content', process.env.TIAOWEN_CONTENT || 'content');
const outFile = arg('--out', process.env.TIAOWEN_COLLECTION || join('generated', 'collection.json'));

function main(): number {
  const started = performance.now();
  if (!existsSync(contentDir)) {
    console.error(
      `${contentDir}: no such folder; expected a folder of documents (TIAOWEN_CONTENT or --content)`,
    );
    return 1;
  }
  const { inputs, errors: missing } = readDocuments(contentDir);
  if (missing.length > 0) {
    console.error(missing.join('\n'));
    return 1;
  }
  const result = buildCollection(inputs, {
    overrides: readOverrides(contentDir),
    codeVersion: codeVersion(),
    previous: readIndex(outFile),
    artefactDir: artefactDir(outFile),
    showPath: (p) => relative('.', p),
  });
  for (const line of result.log) console.log(line);
  if (result.errors.length > 0) console.error(result.errors.join('\n'));
  if (result.files.length > 0) console.error(formatMessages(result.files));
  if (!result.ok) return 1;
  // Manifests record additions: new anchors, a first publication (commit them).
  for (const m of result.manifests) writeFileSync(m.path, m.text);
  writeCollection(outFile, result.index, result.built);
  const n = result.index.documents.length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${n} document(s) → ${outFile}: ${result.built.length} built, ${n - result.built.length} unchanged (${seconds} s)`,
  );
  return 0;
}

try {
  // exitCode, not exit(): a piped stdout is written asynchronously and exit() would cut it short.
  process.exitCode = main();
} catch (error) {
  // Not a content problem: say what failed without a stack trace (set DEBUG=1 for one).
  console.error(`build-content failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack, error.cause);
  process.exitCode = 2;
}
