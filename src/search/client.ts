/**
 * The search client (browser). Load it on demand (dynamic `import()`) from the search box:
 * it loads Pagefind's `pagefind.js` from the bundle on first use, runs the tokenised query,
 * verifies every candidate against its normalised text (so no result lacks the query),
 * groups the hits by document and builds excerpts with the match marked.
 *
 * Ranking comes from the index's sort key (see records.ts `rankKey`): title hits, then
 * heading hits, then provisions; within each kind by document, then document order.
 * Groups appear in the order of their best hit; hits within a group in (kind, document order).
 *
 * Usage:
 *   const { createSearchClient, renderExcerpt } = await import('../search/client.ts');
 *   const client = createSearchClient({ bundleUrl: `${import.meta.env.BASE_URL}pagefind/` });
 *   let page = await client.search('会议');          // first page (pageSize verified hits)
 *   if (!page.done) page = await page.more();        // next page, groups merged
 *   li.append(renderExcerpt(hit.excerpt));           // DOM nodes, <mark> around matches
 *   await client.search('会议', { filters: { doc: slug } }); // within one document (or type, status, region)
 */
import { normalize, type Fold, type Normalized } from './normalize.ts';
import { pagefindQuery } from './tokenize.ts';
import { foldToSimplified, type FoldMap } from '../variant/fold.ts';
import { withOfflineSearch } from '../offline/search.ts';
import {
  CHUNKS_FILE,
  FIELD,
  FOLD_FILE,
  INDEX_LANGUAGE,
  SORT_KEY,
  type Part,
  type SearchFilters,
} from './schema.ts';
import { pagefindFilters } from './query-state.ts';

export type RecordKind = 'title' | 'heading' | 'provision';

/**
 * Hits a candidate is assumed to yield before any is verified: an index record packs a few
 * articles (records.ts packRecords), so the first batch asks for a few fragments, not a page.
 */
const FIRST_BATCH_HITS = 3;

export interface SearchClientOptions {
  /** URL of the Pagefind bundle directory, ending in `/`: `${BASE_URL}pagefind/` or `${BASE_URL}zh-hant/pagefind/`. */
  bundleUrl: string;
  /** Verified hits per page, at least (default 10; a candidate costs one fragment fetch of a few articles, which may hold several hits). */
  pageSize?: number;
  /** Original characters of context around the first match in an excerpt (default 24 before, 72 in all). */
  excerptBefore?: number;
  excerptLength?: number;
  /** Script fold for the query; default: the bundle's fold map (`tiaowen-fold.json`). */
  fold?: Fold;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface SearchHit {
  url: string;
  kind: RecordKind;
  /** How the document numbers the provision (`第二十五条`, `二十五、第二款（一）`), '' for the title. */
  label: string;
  /** Chapter (and section) holding it, or ''. */
  chapter: string;
  docTitle: string;
  slug: string;
  docIndex: number;
  order: number;
  /** The excerpt, with the matches marked; starts/ends with … when cut. */
  excerpt: ExcerptPart[];
}

export interface SearchGroup {
  slug: string;
  docTitle: string;
  docIndex: number;
  hits: SearchHit[];
}

export interface SearchPage {
  query: string;
  /** The normalised query ('' when it has no searchable character). */
  normalized: string;
  groups: SearchGroup[];
  /** Verified hits so far (sum over groups). */
  hits: number;
  /** Candidates returned by Pagefind (index records: an article, a heading or a title). */
  candidates: number;
  /** Candidates examined so far and found not to contain the query. */
  rejected: number;
  /** All candidates examined: `hits` is final. */
  done: boolean;
  /** Examine further candidates; resolves to the next state (groups merged). */
  more(): Promise<SearchPage>;
  timings: { search: number; verify: number };
}

export interface SearchOptions {
  /** Narrow to a document, a type, a status, a region (schema.ts FILTER; kinds combine with AND). */
  filters?: SearchFilters;
}

export interface SearchClient {
  search(query: string, options?: SearchOptions): Promise<SearchPage>;
  /** Start loading Pagefind and the fold map (e.g. when the search box gets focus). */
  preload(): Promise<void>;
}

/** A Pagefind fragment as `verify` reads it (the flat client builds one per block). */
export interface PagefindFragment {
  url: string;
  raw_url?: string;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
  preload(term: string, options?: Record<string, unknown>): Promise<void>;
}

/** Import pagefind.js with Pagefind's language set to the index's, not the page's (see below). */
async function loadPagefind(bundleUrl: string): Promise<PagefindApi> {
  // An address in a variable: Vite leaves the import() alone (no preload helper in the bundle).
  const url = `${bundleUrl}pagefind.js`;
  const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
  // Pagefind takes its language from <html lang> when it starts, and segments queries with
  // Intl.Segmenter when that language is zh/ja/th — which would split our bigram tokens.
  // It reads the attribute synchronously inside init(); present the index language for that
  // instant and restore the page's attribute before anything can render.
  // Search on the main thread: the index is small and queries take milliseconds, and it saves
  // fetching pagefind-worker.js (12 KiB gzip) on the first query.
  await api.options({ noWorker: true });
  const html = document.documentElement;
  const lang = html.getAttribute('lang');
  html.setAttribute('lang', INDEX_LANGUAGE);
  let started: Promise<void>;
  try {
    started = api.init();
  } finally {
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
  }
  await started;
  return api;
}

export async function loadFold(bundleUrl: string): Promise<Fold> {
  try {
    const res = await fetch(`${bundleUrl}${FOLD_FILE}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const map = (await res.json()) as FoldMap;
    foldToSimplified('', map); // validates the map
    return (text) => foldToSimplified(text, map);
  } catch (cause) {
    console.warn('Search: no script fold map; traditional queries match traditional text only.', cause);
    return (text) => text;
  }
}

/** The first word of every index chunk (CHUNKS_FILE); [] when it cannot be had. */
async function loadChunkStarts(bundleUrl: string): Promise<string[]> {
  try {
    const res = await fetch(`${bundleUrl}${CHUNKS_FILE}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const starts: unknown = await res.json();
    return Array.isArray(starts) ? starts.filter((w): w is string => typeof w === 'string') : [];
  } catch (cause) {
    console.warn('Search: no chunk list; a single-character query may miss results.', cause);
    return [];
  }
}

const first = (f: PagefindFragment, key: string): string => f.filters[key]?.[0] ?? '';

/** All occurrences of `needle` in `hay`, overlapping ones merged: [from, to) pairs. */
function occurrences(hay: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const last = out[out.length - 1];
    if (last && i <= last[1]) last[1] = i + needle.length;
    else out.push([i, i + needle.length]);
  }
  return out;
}

/**
 * The excerpt of `text` around the first match of the normalised query: original characters,
 * every match inside the window marked.
 */
export function buildExcerpt(
  text: string,
  n: Normalized,
  query: string,
  before = 24,
  length = 72,
): ExcerptPart[] {
  const spans = occurrences(n.text, query).map(([a, b]) => [n.start[a]!, n.end[b - 1]!] as [number, number]);
  if (spans.length === 0)
    return [{ text: text.slice(0, length) + (text.length > length ? '…' : ''), mark: false }];
  const [firstStart, firstEnd] = spans[0]!;
  let from = Math.max(0, firstStart - before);
  let to = Math.max(firstEnd, Math.min(text.length, from + length));
  if (to - from < length) from = Math.max(0, to - length);
  // Do not cut a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  const parts: ExcerptPart[] = [];
  const push = (s: string, mark: boolean) => {
    if (s) parts.push({ text: s, mark });
  };
  let pos = from;
  if (from > 0) push('…', false);
  for (const [a, b] of spans) {
    if (b <= from || a >= to) continue;
    const s = Math.max(a, from);
    const e = Math.min(b, to);
    push(text.slice(pos, s), false);
    push(text.slice(s, e), true);
    pos = e;
  }
  push(text.slice(pos, to), false);
  if (to < text.length) push('…', false);
  return parts;
}

/** How a block's text may begin with the label of its unit (第七条 or 第七條, 七、, （一）, 1.), as records.ts writes it. */
const LEAD =
  /^(?:第[^\s\u3000第条條]{1,12}[条條](?:之[一二三四五六七八九十]+)?[\s\u3000]+|[一二三四五六七八九十百千零〇]+、|[（(][^）)]{1,6}[）)]|\d{1,3}[.．、])/;

/**
 * The length of the label a block's text starts with when the label printed above the hit
 * already says it (第七条第一款 above 第七条　鼓励…; 第七条第一款（一） above （一）…), else 0.
 * @example labelLead('第七条　鼓励发展。', '第七条第一款') // 4
 */
export function labelLead(text: string, label: string): number {
  const m = LEAD.exec(text);
  if (!m) return 0;
  const unit = m[0].replace(/[\s\u3000]+$/, '');
  return label.startsWith(unit) || label.endsWith(unit) ? m[0].length : 0;
}

/** DOM nodes for an excerpt: text nodes and <mark> elements (never parsed as HTML). */
export function renderExcerpt(parts: readonly ExcerptPart[], doc: Document = document): DocumentFragment {
  const frag = doc.createDocumentFragment();
  for (const p of parts) {
    if (p.mark) {
      const m = doc.createElement('mark');
      m.textContent = p.text;
      frag.append(m);
    } else {
      frag.append(doc.createTextNode(p.text));
    }
  }
  return frag;
}

/** The blocks of a fragment (schema.ts `Part`); [] when the field is missing or malformed. */
function partsOf(f: PagefindFragment): Part[] {
  try {
    const parts: unknown = JSON.parse(first(f, FIELD.parts) || '[]');
    return Array.isArray(parts) ? (parts as Part[]) : [];
  } catch {
    return [];
  }
}

/**
 * Check every block of a fragment against the normalised query: a hit for each block whose
 * text (or alias) contains it, in document order; [] when none does.
 */
export function verify(
  f: PagefindFragment,
  query: string,
  fold: Fold,
  excerpt?: { before?: number; length?: number },
): SearchHit[] {
  const url = f.raw_url ?? f.url;
  const page = url.replace(/#.*$/, '');
  const order = Number(first(f, FIELD.order)) || 0;
  const hits: SearchHit[] = [];
  partsOf(f).forEach(([fragment, label, text, aliases = []], i) => {
    const n = normalize(text, { fold });
    let parts: ExcerptPart[];
    if (n.text.includes(query)) {
      // The excerpt leaves out the label printed above it, unless the match is in the label.
      const lead = labelLead(text, label);
      const rest = lead > 0 ? normalize(text.slice(lead), { fold }) : n;
      parts =
        lead > 0 && rest.text.includes(query)
          ? buildExcerpt(text.slice(lead), rest, query, excerpt?.before, excerpt?.length)
          : buildExcerpt(text, n, query, excerpt?.before, excerpt?.length);
    } else {
      const alias = aliases.find((a) => normalize(a, { fold }).text.includes(query));
      if (alias === undefined) return;
      const rest = buildExcerpt(text, n, query, 0, (excerpt?.length ?? 72) - alias.length);
      parts = [{ text: alias, mark: true }, { text: ' ', mark: false }, ...rest];
    }
    hits.push({
      url: page + fragment,
      kind: (first(f, FIELD.kind) || 'provision') as RecordKind,
      label,
      chapter: first(f, FIELD.chapter),
      docTitle: first(f, FIELD.docTitle),
      slug: first(f, FIELD.slug),
      docIndex: Number(first(f, FIELD.docIndex)) || 0,
      order: order + i,
      excerpt: parts,
    });
  });
  return hits;
}

/**
 * How much of a defined term of the document the query fills (0 when it is in none): a title
 * record carries its document's defined terms (FIELD.terms), which rank, never show.
 */
export function termShare(f: PagefindFragment, query: string, fold: Fold): number {
  if (!query) return 0;
  let terms: unknown;
  try {
    terms = JSON.parse(first(f, FIELD.terms) || '[]');
  } catch {
    return 0;
  }
  if (!Array.isArray(terms)) return 0;
  const length = Array.from(query).length;
  let best = 0;
  for (const term of terms) {
    if (typeof term !== 'string') continue;
    const n = normalize(term, { fold }).text;
    if (n.includes(query)) best = Math.max(best, length / Math.max(1, Array.from(n).length));
  }
  return best;
}

const KIND_RANK: Record<RecordKind, number> = { title: 0, heading: 1, provision: 2 };

export function addToGroups(groups: SearchGroup[], hit: SearchHit): void {
  let g = groups.find((x) => x.slug === hit.slug);
  if (!g) {
    g = { slug: hit.slug, docTitle: hit.docTitle, docIndex: hit.docIndex, hits: [] };
    groups.push(g);
  }
  g.hits.push(hit);
}

/**
 * Hits within a group by kind, then document order; groups in the order of their best hit,
 * except that among documents whose title holds the query, the one whose title the query fills
 * most comes first: 食品安全法 puts 中华人民共和国食品安全法 before
 * 上海市实施《中华人民共和国食品安全法》办法, which cites it in its title. A document one of
 * whose defined terms holds the query (`terms`: slug → termShare) ranks with them, by the
 * share of the term the query fills.
 */
export function sortGroups(
  groups: SearchGroup[],
  query = '',
  fold?: Fold,
  terms?: ReadonlyMap<string, number>,
): void {
  for (const g of groups) g.hits.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.order - b.order);
  if (!query) return;
  const titleShare = (g: SearchGroup) =>
    g.hits[0]?.kind === 'title'
      ? Array.from(query).length / Math.max(1, Array.from(normalize(g.docTitle, { fold }).text).length)
      : 0;
  const share = (g: SearchGroup) => Math.max(titleShare(g), terms?.get(g.slug) ?? 0);
  // Title groups by share, then every other group in its place of arrival.
  const key = new Map(groups.map((g, i) => [g, share(g) > 0 ? -share(g) : i + 1]));
  groups.sort((a, b) => key.get(a)! - key.get(b)!);
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const bundleUrl = options.bundleUrl.replace(/\/?$/, '/');
  const pageSize = options.pageSize ?? 10;
  const excerpt = { before: options.excerptBefore ?? 24, length: options.excerptLength ?? 72 };
  let ready: Promise<[PagefindApi, Fold]> | undefined;
  const load = () =>
    (ready ??= Promise.all([
      loadPagefind(bundleUrl),
      options.fold ? Promise.resolve(options.fold) : loadFold(bundleUrl),
    ]).catch((cause: unknown) => {
      ready = undefined; // allow a retry
      throw new Error(`Search: cannot load the search index from ${bundleUrl}`, { cause });
    }));

  let starts: Promise<string[]> | undefined;
  /**
   * A one-character query is a prefix search over the character pairs, and Pagefind loads only
   * the index chunk where the character itself sorts; the pairs starting with a common
   * character fill several chunks. Preload every chunk whose first word starts with it.
   */
  async function preloadPrefix(pagefind: PagefindApi, char: string): Promise<void> {
    const words = (await (starts ??= loadChunkStarts(bundleUrl))).filter(
      (w) => w.startsWith(char) && w !== char,
    );
    await Promise.all(words.map((w) => pagefind.preload(w)));
  }

  async function search(query: string, searchOptions: SearchOptions = {}): Promise<SearchPage> {
    const [pagefind, fold] = await load();
    const filters = pagefindFilters(searchOptions.filters ?? {});
    const normalized = normalize(query, { fold }).text;
    const term = pagefindQuery(normalized);
    const t0 = performance.now();
    if (term !== null && Array.from(normalized).length === 1) await preloadPrefix(pagefind, normalized);
    const results = term
      ? (await pagefind.search(term, { sort: { [SORT_KEY]: 'asc' }, filters })).results
      : [];
    const t1 = performance.now();
    const groups: SearchGroup[] = [];
    const terms = new Map<string, number>();
    let next = 0;
    let hits = 0;
    let rejected = 0;
    let verifyMs = 0;

    const step = async (): Promise<SearchPage> => {
      const v0 = performance.now();
      let found = 0;
      let fetched = 0;
      while (next < results.length && found < pageSize) {
        // A candidate's fragment holds a few articles, so it often verifies to several hits: ask
        // for as many as the hits seen so far say the page still needs (a few, to start with).
        const perFragment = fetched > 0 ? Math.max(1, found / fetched) : FIRST_BATCH_HITS;
        const batch = results.slice(next, next + Math.max(1, Math.ceil((pageSize - found) / perFragment)));
        next += batch.length;
        fetched += batch.length;
        const fragments = await Promise.all(batch.map((r) => r.data()));
        for (const f of fragments) {
          const verified = verify(f, normalized, fold, excerpt);
          const defined = termShare(f, normalized, fold);
          if (defined > 0)
            terms.set(first(f, FIELD.slug), Math.max(defined, terms.get(first(f, FIELD.slug)) ?? 0));
          for (const hit of verified) addToGroups(groups, hit);
          found += verified.length;
          if (verified.length === 0) rejected++;
        }
      }
      hits += found;
      sortGroups(groups, normalized, fold, terms);
      verifyMs += performance.now() - v0;
      return snapshot();
    };
    let pending: Promise<SearchPage> | undefined;
    const snapshot = (): SearchPage => {
      const done = next >= results.length;
      const page: SearchPage = {
        query,
        normalized,
        groups,
        hits,
        candidates: results.length,
        rejected,
        done,
        more: () =>
          done ? Promise.resolve(page) : (pending ??= step().finally(() => (pending = undefined))),
        timings: { search: t1 - t0, verify: verifyMs },
      };
      return page;
    };
    return step();
  }

  const client: SearchClient = {
    search,
    preload: async () => {
      await load();
    },
  };
  // Offline in a large collection, the documents the reader kept are searched instead (docs/offline.md).
  return withOfflineSearch(client, {
    rootUrl: bundleUrl.replace(/pagefind\/$/, ''),
    verify,
    excerpt,
    fold: () => (options.fold ? Promise.resolve(options.fold) : loadFold(bundleUrl)),
  });
}
