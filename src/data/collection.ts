/**
 * The parsed collection, as `scripts/build-content.ts` writes it to `generated/collection.json`.
 * Astro pages read it at build time; nothing here runs in the browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../parser/types.ts';
import type { DocumentMeta } from '../content/meta-schema.ts';
import type { BackLinks, CitedDocument } from '../references/collection.ts';
import type { Term } from '../references/glossary.ts';
import type { Alias } from '../anchors/manifest.ts';
import type { TreeStats } from '../parser/stats.ts';
import { ContentError } from '../diagnostics/error.ts';
import { collectionSchema } from './collection-schema.ts';
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

/**
 * Read the generated collection (run `npm run content` first). `TIAOWEN_COLLECTION` names
 * another collection file, e.g. a test fixture, to build the site from.
 */
export function loadCollection(root = process.cwd()): Collection {
  if (cached) return cached;
  const path = process.env.TIAOWEN_COLLECTION || join(root, 'generated', 'collection.json');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new Error(`Cannot read ${path}: run \`npm run content\` first to parse content/.`, { cause });
  }
  const { data, file } = loadJson(text, path, collectionSchema, { rule: 'collection' });
  if (!data) throw new ContentError([file]);
  // The schema checks each entry's shell; the trees inside are as the parser wrote them.
  cached = data as unknown as Collection;
  return cached;
}
