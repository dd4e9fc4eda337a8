/**
 * The query engine of the flat search index (docs/search-scale.md), over any
 * `fetch(path) → bytes` function: the browser passes one around `fetch()`, Node tests one over
 * the map build.ts returns.
 *
 * A query is normalised (normalize.ts, with the index's fold map), then:
 * 1. keys: a query of up to three characters is its own key; a longer one looks up up to three
 *    of its three-character runs (the first, the last and one from the middle for seven
 *    characters or more), so that they cover the query;
 * 2. the shard of each key is read and the postings lists intersected: the candidate parts,
 *    in id order, which is rank order (build.ts);
 * 3. candidate parts are read a few at a time, and every block of each is checked against the
 *    normalised query (its text, then its aliases), until a page of hits is found.
 * A block holding the query holds every run of up to three of its characters, so its part is a candidate
 * (recall 1); every hit was checked (precision 1).
 */
import { normalize, type Fold } from '../normalize.ts';
import { foldToSimplified, type FoldMap } from '../../variant/fold.ts';
import {
  findInShard,
  foldPath,
  manifestPath,
  partPath,
  shardOf,
  shardPath,
  type Manifest,
  type PartDoc,
  type PartFile,
} from './format.ts';

export type FetchBytes = (path: string) => Promise<Uint8Array>;

export type HitKind = 'title' | 'heading' | 'provision';
const KINDS: readonly HitKind[] = ['title', 'heading', 'provision'];

export interface FlatDoc {
  docIndex: number;
  slug: string;
  title: string;
  url: string;
  type: string;
  status: string;
  region: string;
  /** From a title part: the document's defined terms (ranking only). */
  terms?: string[];
}

export interface FlatHit {
  /** Page URL and fragment. */
  url: string;
  kind: HitKind;
  label: string;
  chapter: string;
  /** The displayed text; `alias` is set when only an alias holds the query. */
  text: string;
  alias?: string;
  order: number;
  doc: FlatDoc;
}

export interface FlatPage {
  query: string;
  normalized: string;
  /** Verified hits so far, in rank order. */
  hits: FlatHit[];
  /** Candidate parts, and those read so far; parts read that held no hit. */
  candidates: number;
  read: number;
  rejected: number;
  /** The documents with defined terms in the parts read so far that the filter accepts. */
  defining: FlatDoc[];
  done: boolean;
  more(): Promise<FlatPage>;
}

export interface FlatSearchOptions {
  /** Hits per page, at least (default 10). */
  pageSize?: number;
  /** Keep only documents it accepts (facet values travel in every part). */
  filter?: (doc: FlatDoc) => boolean;
}

export interface FlatEngineOptions {
  /** Script fold for queries; default the index's fold.json (identity when it has none). */
  fold?: Fold;
  /** Parts read at once (default 3). */
  parallel?: number;
  /** Parts a page reads at most once it has a hit (default PARTS_PER_PAGE). */
  partsPerPage?: number;
}

/**
 * Parts a page reads at most once it has a hit: 12 parts are about 16 KiB compressed, so a
 * page costs at most that beyond its one to three shards (docs/search-scale.md).
 */
export const PARTS_PER_PAGE = 12;

export interface FlatEngine {
  search(query: string, options?: FlatSearchOptions): Promise<FlatPage>;
  /** Read the manifest and the fold map (e.g. when the search box gets focus). */
  preload(): Promise<void>;
  /** The fold the engine normalises with (the index's fold.json, or the one given). */
  fold(): Promise<Fold>;
  /** The other volumes the manifest names (format.ts `Manifest.volumes`), relative to the index. */
  volumes(): Promise<string[]>;
}

const decoder = new TextDecoder();

/** The keys a normalised query looks up (see the module comment). */
export function queryKeys(normalized: string): string[] {
  const cs = Array.from(normalized);
  const n = cs.length;
  if (n <= 3) return n === 0 ? [] : [cs.join('')];
  const at = new Set([0, n - 3]);
  if (n >= 7) at.add(Math.floor((n - 3) / 2));
  return [...at].sort((a, b) => a - b).map((i) => cs.slice(i, i + 3).join(''));
}

/** Intersection of ascending id lists. */
export function intersect(lists: ReadonlyArray<readonly number[]>): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let out = [...sorted[0]!];
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const id of out) {
      while (j < list.length && list[j]! < id) j++;
      if (j < list.length && list[j] === id) next.push(id);
    }
    out = next;
  }
  return out;
}

const toDoc = ([docIndex, slug, title, url, type, status, region, terms]: PartDoc): FlatDoc => ({
  docIndex,
  slug,
  title,
  url,
  type,
  status,
  region,
  ...(terms ? { terms } : {}),
});

/** The blocks of a part that hold the normalised query, as hits. */
export function verifyPart(
  part: PartFile,
  query: string,
  fold: Fold,
  filter?: (doc: FlatDoc) => boolean,
): FlatHit[] {
  const docs = part.d.map(toDoc);
  const hits: FlatHit[] = [];
  for (const [d, kind, order, fragment, label, chapter, text, aliases = []] of part.b) {
    const doc = docs[d];
    if (!doc || (filter && !filter(doc))) continue;
    const hit: FlatHit = {
      url: doc.url + fragment,
      kind: KINDS[kind] ?? 'provision',
      label,
      chapter,
      text,
      order,
      doc,
    };
    if (normalize(text, { fold }).text.includes(query)) hits.push(hit);
    else {
      const alias = aliases.find((a) => normalize(a, { fold }).text.includes(query));
      if (alias !== undefined) hits.push({ ...hit, alias });
    }
  }
  return hits;
}

export function openFlatIndex(fetchBytes: FetchBytes, options: FlatEngineOptions = {}): FlatEngine {
  const parallel = Math.max(1, options.parallel ?? 3);
  const partsPerPage = Math.max(parallel, options.partsPerPage ?? PARTS_PER_PAGE);
  const cache = new Map<string, Promise<Uint8Array>>();
  const get = (path: string): Promise<Uint8Array> => {
    let p = cache.get(path);
    if (!p) {
      p = fetchBytes(path);
      p.catch(() => cache.delete(path)); // allow a retry
      cache.set(path, p);
    }
    return p;
  };
  const json = async <T>(path: string): Promise<T> => JSON.parse(decoder.decode(await get(path))) as T;

  let ready: Promise<[Manifest, Fold]> | undefined;
  const load = () =>
    (ready ??= (async (): Promise<[Manifest, Fold]> => {
      const manifest = await json<Manifest>(manifestPath);
      if (options.fold) return [manifest, options.fold];
      try {
        const map = await json<FoldMap>(foldPath(manifest.build));
        foldToSimplified('', map); // validates the map
        return [manifest, (text: string) => foldToSimplified(text, map)];
      } catch {
        return [manifest, (text: string) => text];
      }
    })().catch((cause: unknown) => {
      ready = undefined;
      throw new Error('Search: cannot load the search index', { cause });
    }));

  async function candidates(manifest: Manifest, normalized: string): Promise<number[]> {
    const keys = queryKeys(normalized);
    if (keys.length === 0) return [];
    const byShard = new Map<number, Set<string>>();
    for (const k of keys) {
      const s = shardOf(k, manifest.shards);
      let set = byShard.get(s);
      if (!set) byShard.set(s, (set = new Set()));
      set.add(k);
    }
    const found = new Map<string, number[]>();
    await Promise.all(
      [...byShard].map(async ([s, set]) => {
        for (const [k, ids] of findInShard(await get(shardPath(manifest.build, s)), set)) found.set(k, ids);
      }),
    );
    if (keys.some((k) => !found.has(k))) return [];
    return intersect(keys.map((k) => found.get(k)!));
  }

  async function search(query: string, searchOptions: FlatSearchOptions = {}): Promise<FlatPage> {
    const [manifest, fold] = await load();
    const pageSize = searchOptions.pageSize ?? 10;
    const normalized = normalize(query, { fold }).text;
    const ids = await candidates(manifest, normalized);
    const hits: FlatHit[] = [];
    let next = 0;
    let rejected = 0;
    const defining: FlatDoc[] = [];
    const step = async (): Promise<FlatPage> => {
      let found = 0;
      const from = next;
      // A page ends with pageSize hits, or once it has some hits and has read partsPerPage parts:
      // a query whose candidates are many and hits few then shows what it found and reads on
      // when asked (more()), instead of downloading every candidate first. A page never ends
      // empty while candidates remain.
      while (next < ids.length && found < pageSize && (found === 0 || next - from < partsPerPage)) {
        const batch = ids.slice(next, next + parallel);
        next += batch.length;
        const parts = await Promise.all(
          batch.map(
            async (id) => JSON.parse(decoder.decode(await get(partPath(manifest.build, id)))) as PartFile,
          ),
        );
        for (const part of parts) {
          for (const entry of part.d) {
            if (!entry[7]) continue;
            const doc = toDoc(entry);
            if (!searchOptions.filter || searchOptions.filter(doc)) defining.push(doc);
          }
          const verified = verifyPart(part, normalized, fold, searchOptions.filter);
          hits.push(...verified);
          found += verified.length;
          if (verified.length === 0) rejected++;
        }
      }
      return snapshot();
    };
    let pending: Promise<FlatPage> | undefined;
    const snapshot = (): FlatPage => {
      const done = next >= ids.length;
      const page: FlatPage = {
        query,
        normalized,
        hits,
        candidates: ids.length,
        read: next,
        rejected,
        defining,
        done,
        more: () =>
          done ? Promise.resolve(page) : (pending ??= step().finally(() => (pending = undefined))),
      };
      return page;
    };
    return step();
  }

  return {
    search,
    preload: async () => {
      await load();
    },
    fold: async () => (await load())[1],
    volumes: async () => (await load())[0].volumes ?? [],
  };
}
