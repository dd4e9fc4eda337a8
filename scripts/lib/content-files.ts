/**
 * The content stage's reading and writing (src/pipeline/build.ts does the rest without I/O):
 * the files of every document folder (versions/ too), the conversion overrides, the previous
 * index, the hash of the code that builds artefacts, and the artefacts and index it returns.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentInput, SourceFile, TextFile, VersionsInput } from '../../src/pipeline/build.ts';
import { hashOf } from '../../src/pipeline/hash.ts';
import { isIndex, type CollectionIndex } from '../../src/data/artefacts.ts';
import { OVERRIDES_PATH } from '../../src/variant/overrides.ts';

const readText = (path: string): TextFile | undefined =>
  existsSync(path) ? { path, text: readFileSync(path, 'utf8') } : undefined;
const readBytes = (path: string): SourceFile | undefined =>
  existsSync(path) ? { path, bytes: readFileSync(path) } : undefined;
const folders = (dir: string) =>
  readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isDirectory())
    .sort();

/** A document's versions/ folder and correspondence.yaml, when it has versions/. */
export function readVersions(doc: string): VersionsInput | undefined {
  const root = join(doc, 'versions');
  if (!existsSync(root)) return undefined;
  const correspondence = readText(join(doc, 'correspondence.yaml'));
  return {
    folders: folders(root).map((name) => {
      const dir = join(root, name);
      const yaml = readText(join(dir, 'version.yaml'));
      const source = readBytes(join(dir, 'source.txt'));
      const anchors = readText(join(dir, 'anchors.json'));
      return {
        name,
        dir,
        anchorsPath: join(dir, 'anchors.json'),
        ...(yaml && { yaml }),
        ...(source && { source }),
        ...(anchors && { anchors }),
      };
    }),
    ...(correspondence && { correspondence }),
  };
}

/** Every document folder of `contentDir`; a folder without source.txt and meta.yaml is an error. */
export function readDocuments(contentDir: string): { inputs: DocumentInput[]; errors: string[] } {
  const inputs: DocumentInput[] = [];
  const errors: string[] = [];
  for (const folder of folders(contentDir)) {
    const dir = join(contentDir, folder);
    const source = readBytes(join(dir, 'source.txt'));
    const meta = readText(join(dir, 'meta.yaml'));
    if (!source || !meta) {
      errors.push(`${dir}: expected source.txt and meta.yaml in every document folder`);
      continue;
    }
    const glossary = readText(join(dir, 'glossary.yaml'));
    const aliases = readText(join(dir, 'aliases.yaml'));
    const anchors = readText(join(dir, 'anchors.json'));
    const versions = readVersions(dir);
    inputs.push({
      folder,
      dir,
      source,
      meta,
      ...(glossary && { glossary }),
      ...(aliases && { aliases }),
      ...(anchors && { anchors }),
      ...(versions && { versions }),
    });
  }
  return { inputs, errors };
}

/** The collection's conversion overrides, or the project's when the folder has none. */
export function readOverrides(contentDir: string): TextFile {
  const path = existsSync(join(contentDir, 'conversion-overrides.yaml'))
    ? join(contentDir, 'conversion-overrides.yaml')
    : OVERRIDES_PATH;
  return { path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') };
}

/** The folders of the code that turns texts into artefacts. */
const CODE = [
  'src/anchors',
  'src/collection',
  'src/content',
  'src/data',
  'src/diagnostics',
  'src/parser',
  'src/pipeline',
  'src/references',
  'src/text',
  'src/variant',
  'src/versions',
];

/** A hash of the code that turns texts into artefacts: any change to it rebuilds every document. */
export function codeVersion(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const parts: string[] = [];
  for (const dir of CODE) {
    for (const f of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort()) {
      if (/\.(ts|json|yaml)$/.test(f)) parts.push(f, readFileSync(join(root, dir, f), 'utf8'));
    }
  }
  const opencc = join(root, 'node_modules/opencc-js/package.json');
  if (existsSync(opencc)) parts.push(readFileSync(opencc, 'utf8'));
  return hashOf(...parts);
}

/** The folder of a collection's artefacts, relative to the index: `collection.json` → `collection.documents`. */
export const artefactDir = (indexFile: string) => `${basename(indexFile, '.json')}.documents`;

/** The previous build's index, when it is one this version wrote; an entry whose artefact is gone is left out. */
export function readIndex(indexFile: string): CollectionIndex | undefined {
  if (!existsSync(indexFile)) return undefined;
  try {
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as unknown;
    if (!isIndex(index) || index.version !== 3) return undefined;
    return {
      ...index,
      documents: index.documents.filter((d) => existsSync(join(dirname(indexFile), d.artefact))),
    };
  } catch {
    return undefined;
  }
}

/** Write the artefacts built, drop those of documents gone, then the index (last, so a crash leaves the old one). */
export function writeCollection(
  indexFile: string,
  index: CollectionIndex,
  built: Array<{ path: string; artefact: unknown }>,
): void {
  const root = dirname(indexFile);
  const dir = join(root, artefactDir(indexFile));
  mkdirSync(dir, { recursive: true });
  for (const b of built) writeFileSync(join(root, b.path), JSON.stringify(b.artefact));
  const live = new Set(index.documents.map((d) => basename(d.artefact)));
  for (const f of readdirSync(dir)) if (!live.has(f)) rmSync(join(dir, f), { force: true });
  const tmp = `${indexFile}.tmp`;
  writeFileSync(tmp, JSON.stringify(index));
  renameSync(tmp, indexFile);
}
