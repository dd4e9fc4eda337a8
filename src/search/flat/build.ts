/**
 * Search records → the files of the flat search index (docs/search-scale.md). Pure: no I/O;
 * the caller writes the returned map.
 *
 * - Records are sorted in rank order (title, heading, provision; then document, then document
 *   order: records.ts rankKey) and packed into **parts**: consecutive records of one kind, up
 *   to a budget of text (`partBytes`). Part ids follow rank order, so a query reads its
 *   candidates in id order and meets title hits first, then headings, then provisions.
 * - For every normalised block text and alias (normalize.ts, folded), every character, pair and
 *   triple of adjacent characters is a **key**; its postings list is the ascending ids of the
 *   parts holding it. A key never spans two blocks, or a block and its alias.
 * - Lists are stored in **shards** chosen by a hash of the key (format.ts), as many shards as
 *   make each about `shardBytes`: a query reads one shard per key it looks up, whatever the
 *   size of the collection.
 */
import { createHash } from 'node:crypto';
import type { FoldMap } from '../../variant/fold.ts';
import { normalizeText, type Fold } from '../normalize.ts';
import { KIND_ORDER, type SearchRecord } from '../records.ts';
import {
  encodeShard,
  foldPath,
  FORMAT_VERSION,
  manifestPath,
  partPath,
  shardOf,
  shardPath,
  type KindCode,
  type Manifest,
  type PartBlock,
  type PartDoc,
  type PartFile,
  type ShardEntry,
} from './format.ts';

/** Facet values of a document (src/collection/facets.ts): type key, status, region code. */
export interface DocFacets {
  type: string;
  status: string;
  region: string;
  /** Defined terms (src/references/glossary.ts): indexed with the title, carried by title parts. */
  terms?: readonly string[];
}

export interface FlatBuildOptions {
  /** The script fold applied to indexed text (and, through fold.json, to queries). */
  fold: Fold;
  /** The fold map written as fold.json for the query engine; without it no fold.json is written. */
  foldMap?: FoldMap;
  /** Facet values by slug, copied into every part that holds the document. */
  facets?: ReadonlyMap<string, DocFacets>;
  /** Text budget of a part, in UTF-8 bytes of its blocks (default 3,072: about 1.3 KiB gzip; docs/search-scale.md). */
  partBytes?: number;
  /** Target size of a postings shard, in bytes before compression (default 8,192). */
  shardBytes?: number;
}

export interface FlatBuild {
  /** Path under the index directory → contents. */
  files: Map<string, Uint8Array>;
  manifest: Manifest;
  stats: {
    records: number;
    parts: number;
    shards: number;
    keys: number;
    postings: number;
    postingsBytes: number;
    partsBytes: number;
  };
}

export const DEFAULT_PART_BYTES = 3_072;
export const DEFAULT_SHARD_BYTES = 8_192;

const utf8 = new TextEncoder();

function compareRank(a: SearchRecord, b: SearchRecord): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.docIndex - b.docIndex || a.order - b.order;
}

/** Records in rank order → groups of one kind within the text budget. */
export function packParts(
  records: readonly SearchRecord[],
  partBytes = DEFAULT_PART_BYTES,
): SearchRecord[][] {
  const sorted = [...records].sort(compareRank);
  const parts: SearchRecord[][] = [];
  let current: SearchRecord[] = [];
  let size = 0;
  for (const r of sorted) {
    const bytes =
      utf8.encode(r.text).length +
      r.aliases.reduce((a, s) => a + utf8.encode(s).length, 0) +
      utf8.encode(r.label).length +
      16;
    const head = current[0];
    if (head && (head.kind !== r.kind || size + bytes > partBytes)) {
      parts.push(current);
      current = [];
      size = 0;
    }
    current.push(r);
    size += bytes;
  }
  if (current.length) parts.push(current);
  return parts;
}

function splitUrl(url: string): [page: string, fragment: string] {
  const i = url.indexOf('#');
  return i === -1 ? [url, ''] : [url.slice(0, i), url.slice(i)];
}

/** The part file of a group of records. */
export function partFile(group: readonly SearchRecord[], facets?: ReadonlyMap<string, DocFacets>): PartFile {
  const d: PartDoc[] = [];
  const at = new Map<string, number>();
  const b: PartBlock[] = group.map((r) => {
    const [page, fragment] = splitUrl(r.url);
    let i = at.get(r.slug);
    if (i === undefined) {
      const f = facets?.get(r.slug);
      i = d.length;
      at.set(r.slug, i);
      const entry: PartDoc = [
        r.docIndex,
        r.slug,
        r.docTitle,
        page,
        f?.type ?? '',
        f?.status ?? '',
        f?.region ?? '',
      ];
      if (r.kind === 'title' && f?.terms?.length) entry.push([...f.terms]);
      d.push(entry);
    }
    const block: PartBlock = [
      i,
      KIND_ORDER[r.kind] as KindCode,
      r.order,
      fragment,
      r.label,
      r.chapter,
      r.text,
    ];
    if (r.aliases.length) block.push(r.aliases);
    return block;
  });
  return { d, b };
}

/** The keys of one normalised run: every character, every two and three adjacent characters. */
export function runKeys(normalized: string, out: Set<string>): void {
  const cs = Array.from(normalized);
  for (let i = 0; i < cs.length; i++) {
    out.add(cs[i]!);
    if (i + 1 < cs.length) out.add(cs[i]! + cs[i + 1]!);
    if (i + 2 < cs.length) out.add(cs[i]! + cs[i + 1]! + cs[i + 2]!);
  }
}

export function buildFlatIndex(records: readonly SearchRecord[], options: FlatBuildOptions): FlatBuild {
  const { fold } = options;
  const groups = packParts(records, options.partBytes);
  const bodies: Array<[string, Uint8Array]> = [];
  const postings = new Map<string, number[]>();
  let partsBytes = 0;
  groups.forEach((group, id) => {
    const body = utf8.encode(JSON.stringify(partFile(group, options.facets)));
    partsBytes += body.length;
    bodies.push([`p/${id}.json`, body]);
    const keys = new Set<string>();
    for (const r of group) {
      const terms = r.kind === 'title' ? (options.facets?.get(r.slug)?.terms ?? []) : [];
      for (const s of [r.text, ...r.aliases, ...terms]) runKeys(normalizeText(s, { fold }), keys);
    }
    for (const k of keys) {
      const list = postings.get(k);
      if (list) list.push(id);
      else postings.set(k, [id]);
    }
  });

  // Shards: as many as make each about shardBytes (a list costs its ids and a few bytes of key).
  let estimate = 0;
  let pairs = 0;
  for (const ids of postings.values()) {
    estimate += 6 + Math.min(ids.length * 1.5, Math.ceil(groups.length / 8) + 2);
    pairs += ids.length;
  }
  const shards = Math.max(1, Math.ceil(estimate / (options.shardBytes ?? DEFAULT_SHARD_BYTES)));
  const byShard: ShardEntry[][] = Array.from({ length: shards }, () => []);
  for (const [key, ids] of postings) byShard[shardOf(key, shards)]!.push({ key, ids });
  let postingsBytes = 0;
  byShard.forEach((entries, i) => {
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const body = encodeShard(entries);
    postingsBytes += body.length;
    bodies.push([`s/${i}`, body]);
  });
  if (options.foldMap)
    bodies.push([
      'fold.json',
      utf8.encode(JSON.stringify({ from: options.foldMap.from, to: options.foldMap.to })),
    ]);

  // In path order, so anyone can recompute the name from the files as written.
  const hash = createHash('sha256');
  for (const [path, body] of [...bodies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    hash.update(path).update('\0').update(body);
  const build = hash.digest('hex').slice(0, 12);
  const files = new Map<string, Uint8Array>();
  for (const [path, body] of bodies) files.set(`${build}/${path}`, body);
  // The names follow format.ts (asserted here so the two cannot drift).
  if (groups.length && !files.has(partPath(build, 0))) throw new Error('flat index: part path mismatch');
  if (!files.has(shardPath(build, 0))) throw new Error('flat index: shard path mismatch');
  if (options.foldMap && !files.has(foldPath(build))) throw new Error('flat index: fold path mismatch');

  const firstOf = (kind: SearchRecord['kind']) => {
    const i = groups.findIndex((g) => KIND_ORDER[g[0]!.kind] >= KIND_ORDER[kind]);
    return i === -1 ? groups.length : i;
  };
  const manifest: Manifest = {
    v: FORMAT_VERSION,
    build,
    shards,
    parts: groups.length,
    headingsFrom: firstOf('heading'),
    bodyFrom: firstOf('provision'),
  };
  files.set(manifestPath, utf8.encode(JSON.stringify(manifest)));
  return {
    files,
    manifest,
    stats: {
      records: records.length,
      parts: groups.length,
      shards,
      keys: postings.size,
      postings: pairs,
      postingsBytes,
      partsBytes,
    },
  };
}
