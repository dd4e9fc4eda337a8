/**
 * The offline manifest's shape and what a reader's choices stand for: browser-safe, shared by
 * the build (src/offline/manifest.ts), the service worker (keep-worker.ts) and the offline page.
 */
import type { Variant } from '../i18n/variant.ts';
import { RECORDS_FILE } from '../search/schema.ts';

/** A file a reader can keep: its address (base included), revision, and compressed size in bytes. */
export type Entry = [url: string, revision: string, bytes: number];

export interface DocumentGroup {
  slug: string;
  title: string;
  /** The document type (`法律`, `规范性文件`…), for keeping a whole type. */
  type: string;
  /** Its pages other than article pages, and its search records. */
  entries: Entry[];
}

export interface OfflineManifest {
  /** The build: changes whenever any kept file of either variant changes. */
  version: string;
  variant: Variant;
  /** `small`: the first visit keeps the variant whole; `large`: the reader chooses. */
  mode: 'small' | 'large';
  /** The threshold the mode was decided with (compressed bytes). */
  threshold: number;
  /** The offline page (the fallback for navigations nothing else answers) and the search page. */
  shell: Entry[];
  /** The search engine: pagefind.js, its wasm, entry, metadata, the fold map and chunk list. */
  engine: Entry[];
  /** The rest of the search bundle: index chunks, fragments, filters. */
  index: Entry[];
  /** Pages outside documents: home, search, citations, listings. */
  pages: Entry[];
  documents: DocumentGroup[];
}

/** What a reader can choose to keep: everything, one document, or every document of a type. */
export type Choice = 'all' | `doc:${string}` | `type:${string}`;

/** The entries a choice stands for (without duplicates, in manifest order). */
export function entriesFor(manifest: OfflineManifest, choice: Choice): Entry[] {
  const out: Entry[] = [...manifest.shell, ...manifest.engine];
  if (choice === 'all') {
    out.push(...manifest.index, ...manifest.pages);
    // The whole index is kept, so documents' own search records are not needed.
    for (const d of manifest.documents) out.push(...d.entries.filter(([url]) => !url.endsWith(RECORDS_FILE)));
  } else {
    const [kind, key] = [choice.slice(0, choice.indexOf(':')), choice.slice(choice.indexOf(':') + 1)];
    for (const d of manifest.documents)
      if (kind === 'doc' ? d.slug === key : d.type === key) out.push(...d.entries);
  }
  const seen = new Set<string>();
  return out.filter(([url]) => !seen.has(url) && seen.add(url));
}

/** Compressed bytes of a list of entries. */
export function entryBytes(entries: readonly Entry[]): number {
  return entries.reduce((sum, e) => sum + e[2], 0);
}

/** Large when keeping the variant whole would download more than `threshold` compressed bytes. */
export function modeFor(allBytes: number, threshold: number): 'small' | 'large' {
  return allBytes > threshold ? 'large' : 'small';
}

/** Article pages are not kept: offline, `…/slug/art_5/` opens as `…/slug/#art_5` (the same text). */
export const ARTICLE_PAGE = /\/art_[^/]+\/$/;
