/**
 * The parsed collection, as `scripts/build-content.ts` writes it: an index
 * (`generated/collection.json`) and an artefact per document beside it (src/data/artefacts.ts).
 * Pages get their document from the content layer (src/content.config.ts); what needs the
 * whole collection at build time (home, browse, search index, sitemap, previews of cited
 * documents) reads it here, each document's trees loaded from its artefact when first used and
 * only the last few kept. Nothing here runs in the browser.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Document } from '../parser/types.ts';
import type { DocumentMeta } from '../content/meta-schema.ts';
import type { BackLinks, CitedDocument } from '../references/collection.ts';
import type { Term } from '../references/glossary.ts';
import type { Alias } from '../anchors/manifest.ts';
import type { TreeStats } from '../parser/stats.ts';
import { ContentError } from '../diagnostics/error.ts';
import { collectionSchema, indexSchema } from './collection-schema.ts';
import { isIndex, type DocumentArtefact } from './artefacts.ts';
import { loadJson } from '../diagnostics/load.ts';
import type { Versions } from '../versions/model.ts';
import type { Relations } from '../collection/relations.ts';

/** Counts of a document's units, as the parser reports them. */
export type DocumentStats = TreeStats;

export interface DocumentEntry {
  /** The folder under content/ the document came from. */
  folder: string;
  meta: DocumentMeta;
  /** The display tree in simplified characters (punctuation normalised per GB/T 15834). */
  tree: Document;
  /** The same tree converted to traditional characters (identical anchors). */
  treeHant?: Document;
  /** The title in traditional characters. */
  titleHant?: string;
  stats: DocumentStats;
  /** Documents this one cites (引用文件), with the provisions that cite them. */
  citations: CitedDocument[];
  /** Who refers to each provision (被引用), across the collection; '' is the whole document. */
  backlinks: BackLinks;
  /** Defined terms: glossary entries and definitions found in the text. */
  terms: Term[];
  /** Published anchors that moved: old eId → the eId it now lives at. */
  aliases: Alias[];
  /** Earlier versions and the correspondence across them, when content/<folder>/versions/ has any (docs/versions.md). */
  versions?: Versions;
  /** How it relates to the other documents of the collection (src/collection/relations.ts). */
  relations?: Relations;
}

export interface Collection {
  documents: DocumentEntry[];
}

let cached: Collection | undefined;

/** How many documents' artefacts stay in memory: pages are built document by document. */
const KEEP = 8;
const recent = new Map<string, DocumentArtefact>();

/** A document's artefact (its trees and versions), from a small cache. */
export function readArtefact(path: string): DocumentArtefact {
  let artefact = recent.get(path);
  if (artefact) {
    recent.delete(path);
  } else {
    try {
      artefact = JSON.parse(readFileSync(path, 'utf8')) as DocumentArtefact;
    } catch (cause) {
      throw new Error(`Cannot read ${path}: run \`npm run content\` again to rebuild the collection.`, {
        cause,
      });
    }
    if (recent.size >= KEEP) recent.delete(recent.keys().next().value!);
  }
  recent.set(path, artefact);
  return artefact;
}

/**
 * A document as the index or the content layer holds it, with its trees: read from `artefact`
 * (an absolute path) when first used, or already inline (a test fixture's collection).
 */
export function contentEntry(data: Record<string, unknown>): DocumentEntry {
  const { artefact, versioned, ...rest } = data as unknown as DocumentEntry & {
    artefact?: string;
    versioned?: boolean;
    build?: unknown;
  };
  // What the next content build needs (src/data/artefacts.ts) is of no use to a page.
  delete rest.build;
  if (!artefact) return rest;
  const entry = { ...rest } as DocumentEntry;
  // Enumerable, so that a copy or JSON of the entry carries the trees as a whole entry would.
  Object.defineProperty(entry, 'tree', { enumerable: true, get: () => readArtefact(artefact).tree });
  Object.defineProperty(entry, 'treeHant', { enumerable: true, get: () => readArtefact(artefact).treeHant });
  // Only a versioned document's artefact is read for its versions: most have none.
  if (versioned)
    Object.defineProperty(entry, 'versions', {
      enumerable: true,
      get: () => readArtefact(artefact).versions,
    });
  return entry;
}

/**
 * Whether a document has its traditional tree, without reading its artefact: the content stage
 * writes a traditional tree and title for every document, so for an entry read from an index
 * the title tells (a whole pass over the trees of a statute book takes tens of seconds).
 */
export function hasTraditional(entry: DocumentEntry): boolean {
  const lazy = Object.getOwnPropertyDescriptor(entry, 'treeHant')?.get !== undefined;
  return lazy ? entry.titleHant !== undefined : Boolean(entry.treeHant);
}

/** The collection file: `TIAOWEN_COLLECTION`, or generated/collection.json. */
export const collectionPath = (root = process.cwd()) =>
  process.env.TIAOWEN_COLLECTION || join(root, 'generated', 'collection.json');

/**
 * Read the generated collection (run `npm run content` first). `TIAOWEN_COLLECTION` names
 * another collection file, e.g. a test fixture (whole entries in one file), to build the site from.
 */
export function loadCollection(root = process.cwd()): Collection {
  cached ??= readCollection(collectionPath(root));
  return cached;
}

/** Read a collection file: an index with its artefacts (the content stage's output) or whole entries (a fixture). */
export function readCollection(path: string): Collection {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read ${path}: run \`npm run content\` first to parse content/.`, { cause });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined; // loadJson reports it, positioned
  }
  const { data, file } = loadJson(text, path, isIndex(raw) ? indexSchema : collectionSchema, {
    rule: 'collection',
  });
  if (!data) throw new ContentError([file]);
  if (!isIndex(data)) {
    // The schema checks each entry's shell; the trees inside are as the parser wrote them.
    return data as unknown as Collection;
  }
  const dir = dirname(resolve(path));
  return { documents: data.documents.map((e) => contentEntry({ ...e, artefact: join(dir, e.artefact) })) };
}
