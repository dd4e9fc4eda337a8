/**
 * The file format of the flat search index (docs/search-scale.md), shared by the builder
 * (build.ts, Node) and the query engine (query.ts, browser and Node). Browser-safe: no imports.
 *
 * Files, under the index directory:
 * - `manifest.json` (`Manifest`): the only file whose name does not change; small and flat in
 *   the collection's size. Everything else lives under `<build>/`, a hash of the whole index,
 *   so it can be cached forever.
 * - `<build>/fold.json`: the traditional → simplified fold map (src/variant/fold.ts).
 * - `<build>/s/<i>`: postings shard i (binary, `Shard` below).
 * - `<build>/p/<i>.json`: part i (`PartFile`): consecutive search records and their documents.
 */

export const FORMAT_VERSION = 1;

export interface Manifest {
  v: number;
  /** Hash of every file of the index: the directory of this build's files. */
  build: string;
  /** Number of postings shards and of parts. */
  shards: number;
  parts: number;
  /** Part ids where heading parts and body parts start (title parts start at 0). */
  headingsFrom: number;
  bodyFrom: number;
  /**
   * Other flat indexes searched with this one as one collection, addresses relative to this
   * index's folder (`volumes/b/`): the volumes of a collection built in several runs
   * (docs/scale.md). Written by scripts/assemble-volumes.ts, never by the builder.
   */
  volumes?: string[];
}

/** 0: document title, 1: chapter or section heading, 2: provision (records.ts RecordKind). */
export type KindCode = 0 | 1 | 2;

/**
 * One document as a part lists it: position in the collection, slug, title (in the part's
 * script), page URL (base included), and the facet values filters need (src/collection/facets.ts:
 * type key, status, region code), '' when unknown.
 */
export type PartDoc = [
  docIndex: number,
  slug: string,
  title: string,
  url: string,
  type: string,
  status: string,
  region: string,
  /** In a title part only: the document's defined terms, which rank and never show (client.ts termShare). */
  terms?: string[],
];

/**
 * One block: the index of its document in the part's `d`, kind, order in the document, the
 * fragment it links to ('' for the page), label, chapter, displayed text and searchable aliases.
 */
export type PartBlock = [
  doc: number,
  kind: KindCode,
  order: number,
  fragment: string,
  label: string,
  chapter: string,
  text: string,
  aliases?: string[],
];

export interface PartFile {
  d: PartDoc[];
  b: PartBlock[];
}

export const manifestPath = 'manifest.json';
export const foldPath = (build: string) => `${build}/fold.json`;
export const shardPath = (build: string, i: number) => `${build}/s/${i}`;
export const partPath = (build: string, i: number) => `${build}/p/${i}.json`;

/** FNV-1a (32 bit) over the UTF-16 units of a key: which shard holds it. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const shardOf = (key: string, shards: number): number => keyHash(key) % shards;

// ---------- varints ----------

export class Writer {
  private buf = new Uint8Array(256);
  length = 0;
  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }
  varint(n: number): void {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`varint: ${n} is not a non-negative integer`);
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.length++] = n;
  }
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class Reader {
  pos = 0;
  private readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
  }
  get end(): boolean {
    return this.pos >= this.buf.length;
  }
  varint(): number {
    let n = 0;
    let mul = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new RangeError('varint: truncated');
      const b = this.buf[this.pos++]!;
      n += (b & 0x7f) * mul;
      if (b < 0x80) return n;
      mul *= 128;
    }
  }
  skip(n: number): void {
    this.pos += n;
  }
  slice(n: number): Uint8Array {
    const s = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return s;
  }
}

const varintSize = (n: number): number =>
  n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : 5;

// ---------- postings lists ----------

/** List encodings: gaps as varints (first id, then differences), or a bitmap from the first id. */
export const DELTAS = 0;
export const BITMAP = 1;

/** The smaller encoding of a sorted, duplicate-free list of ids: [encoding, payload]. */
export function encodeList(ids: readonly number[]): [number, Uint8Array] {
  if (ids.length === 0) return [DELTAS, new Uint8Array(0)];
  let deltaBytes = 0;
  let prev = -1;
  for (const id of ids) {
    deltaBytes += varintSize(id - prev - 1);
    prev = id;
  }
  const first = ids[0]!;
  const span = ids[ids.length - 1]! - first + 1;
  const bitmapBytes = varintSize(first) + Math.ceil(span / 8);
  const w = new Writer();
  if (bitmapBytes < deltaBytes) {
    w.varint(first);
    const bits = new Uint8Array(Math.ceil(span / 8));
    for (const id of ids) bits[(id - first) >> 3]! |= 1 << ((id - first) & 7);
    w.bytes(bits);
    return [BITMAP, w.done()];
  }
  prev = -1;
  for (const id of ids) {
    w.varint(id - prev - 1);
    prev = id;
  }
  return [DELTAS, w.done()];
}

export function decodeList(encoding: number, payload: Uint8Array): number[] {
  const r = new Reader(payload);
  const out: number[] = [];
  if (encoding === BITMAP) {
    const first = r.varint();
    const bits = r.slice(payload.length - r.pos);
    for (let i = 0; i < bits.length; i++) {
      const b = bits[i]!;
      if (b === 0) continue;
      for (let k = 0; k < 8; k++) if (b & (1 << k)) out.push(first + i * 8 + k);
    }
    return out;
  }
  let prev = -1;
  while (!r.end) {
    prev += r.varint() + 1;
    out.push(prev);
  }
  return out;
}

/**
 * A shard: entries sorted by key, each
 *   varint(first code point) varint(second, 0 for one character) [varint(third, 0 for two)]
 *   varint(payload length × 2 + encoding) payload
 */
export interface ShardEntry {
  key: string;
  ids: readonly number[];
}

export function encodeShard(entries: readonly ShardEntry[]): Uint8Array {
  const w = new Writer();
  for (const { key, ids } of entries) {
    const cps = Array.from(key, (c) => c.codePointAt(0)!);
    w.varint(cps[0]!);
    w.varint(cps[1] ?? 0);
    if (cps[1] !== undefined) w.varint(cps[2] ?? 0);
    const [encoding, payload] = encodeList(ids);
    w.varint(payload.length * 2 + encoding);
    w.bytes(payload);
  }
  return w.done();
}

/** The postings (part ids, ascending) of some keys in a shard; absent keys are left out. */
export function findInShard(shard: Uint8Array, keys: ReadonlySet<string>): Map<string, number[]> {
  const r = new Reader(shard);
  const found = new Map<string, number[]>();
  while (!r.end && found.size < keys.size) {
    const a = r.varint();
    const b = r.varint();
    const c = b ? r.varint() : 0;
    const lenEnc = r.varint();
    const len = Math.floor(lenEnc / 2);
    const key =
      String.fromCodePoint(a) + (b ? String.fromCodePoint(b) : '') + (c ? String.fromCodePoint(c) : '');
    if (keys.has(key)) found.set(key, decodeList(lenEnc % 2, r.slice(len)));
    else r.skip(len);
  }
  return found;
}
