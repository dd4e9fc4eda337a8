/**
 * The content stage's output: one artefact per document (its trees in both variants, its
 * earlier versions and the references found in it) and an index of the collection (what every
 * page needs to know about every document, and what the next build needs to reuse an
 * artefact). Formats only; src/pipeline/build.ts makes them and scripts/build-content.ts writes them.
 */
import type { DocumentEntry } from './collection.ts';
import type { FoundReference, KnownDocument } from '../references/transform.ts';
import type { StoredFile } from '../diagnostics/stored.ts';

/** A document's artefact file: what the index leaves out, the heavy part. */
export interface DocumentArtefact {
  /** The key it was built under (IndexEntry.build.key). */
  key: string;
  tree: DocumentEntry['tree'];
  treeHant: NonNullable<DocumentEntry['treeHant']>;
  versions?: DocumentEntry['versions'];
  references: FoundReference[];
}

/** What the index keeps of a document: everything but the trees and versions. */
export type DocumentSummary = Omit<DocumentEntry, 'tree' | 'treeHant' | 'versions'>;

/** The document as other documents' citations see it (KnownDocument, as plain JSON). */
export type StoredKnown = Omit<KnownDocument, 'eIds'> & { eIds: string[] };

/** What the next build needs to reuse a document's artefact. */
export interface BuildRecord {
  /** A hash of the document's own inputs: its files (versions too), the code, the conversion overrides. */
  own: string;
  /** `own` and a hash of what the document's build reads of the collection (every document's KnownDocument). */
  key: string;
  known: StoredKnown;
  references: FoundReference[];
  /** Messages of the document's files, reported again when it is reused. */
  messages: StoredFile[];
  /** The build log's lines for the document. */
  log: string[];
}

/** One document in the index. */
export type IndexEntry = DocumentSummary & {
  /** Its artefact, relative to the index's folder. */
  artefact: string;
  /** Whether the artefact holds earlier versions. */
  versioned?: true;
  build: BuildRecord;
};

/** `collection.json`: the collection's index. */
export interface CollectionIndex {
  format: 'tiaowen-collection';
  version: 3;
  documents: IndexEntry[];
}

/** Whether a collection file is an index (the content stage's output) rather than whole entries (test fixtures). */
export const isIndex = (raw: unknown): raw is CollectionIndex =>
  (raw as CollectionIndex | undefined)?.format === 'tiaowen-collection';
