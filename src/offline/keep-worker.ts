/**
 * The service worker's own part (bundled by src/offline/service-worker.ts and put in front of
 * Workbox's code in sw.js): the pages and search files a reader keeps, per variant, in one cache
 * per build (`tiaowen-keep-<version>`). docs/offline.md describes the behaviour.
 *
 * - `VISIT {variant, path}` (every page posts it): a small collection keeps the variant whole
 *   the first time; a large one keeps the search engine, the offline page and the opened page.
 * - `KEEP {variant, choice}` (the offline page): keep `all`, `doc:<slug>` or `type:<type>`;
 *   answers on the message port with the state.
 * - `STATE`: answers with the state (what is kept, per variant).
 * - Install of a new build: what the previous build kept is kept again, unchanged files copied
 *   from the old cache, changed ones downloaded; activate deletes the old caches, so a worker
 *   only ever reads files of its own build.
 * - Fetch: kept files from the cache; offline, an article page that was not kept opens as its
 *   document page at the article, any other page as the offline page.
 */
import { ARTICLE_PAGE, entriesFor, type Choice, type Entry, type OfflineManifest } from './choices.ts';

interface Config {
  base: string;
  version: string;
  manifest: string;
}
interface VariantState {
  choices: Choice[];
  /** Pages kept because they were opened. */
  opened: string[];
}
export interface KeepState {
  version: string;
  /** url → revision of every kept file. */
  files: Record<string, string>;
  variants: Partial<Record<'hans' | 'hant', VariantState>>;
}

// The few service-worker types used here (the project's TypeScript library is the DOM's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
  readonly ports: readonly MessagePort[];
}
interface WorkerScope {
  __TIAOWEN_OFFLINE__: Config;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}
const scope = self as unknown as WorkerScope;
type Variant = 'hans' | 'hant';

const CFG = scope.__TIAOWEN_OFFLINE__;
const PREFIX = 'tiaowen-keep-';
const CACHE = PREFIX + CFG.version;
const STATE_URL = `${CFG.base}tiaowen-kept.json`;
const variantPrefix = (v: Variant) => CFG.base + (v === 'hant' ? 'zh-hant/' : '');
const variantOf = (path: string): Variant => (path.startsWith(`${CFG.base}zh-hant/`) ? 'hant' : 'hans');

let stateCache: Promise<KeepState> | undefined;
async function readState(cacheName = CACHE): Promise<KeepState | undefined> {
  const res = await (await caches.open(cacheName)).match(STATE_URL);
  return res ? ((await res.json()) as KeepState) : undefined;
}
const state = () =>
  (stateCache ??= readState().then((s) => s ?? { version: CFG.version, files: {}, variants: {} }));
async function saveState(s: KeepState): Promise<void> {
  await (
    await caches.open(CACHE)
  ).put(STATE_URL, new Response(JSON.stringify(s), { headers: { 'content-type': 'application/json' } }));
}

const manifests = new Map<Variant, Promise<OfflineManifest>>();
function manifest(v: Variant): Promise<OfflineManifest> {
  let m = manifests.get(v);
  if (!m) {
    m = fetch(variantPrefix(v) + CFG.manifest, { cache: 'no-cache' }).then((r) => {
      if (!r.ok) throw new Error(`offline manifest: HTTP ${r.status}`);
      return r.json() as Promise<OfflineManifest>;
    });
    m.catch(() => manifests.delete(v));
    manifests.set(v, m);
  }
  return m;
}

/** Put `entries` in the cache (from `from`, when it holds the same revision, else the network). */
async function store(
  s: KeepState,
  entries: readonly Entry[],
  from?: { cache: Cache; files: Record<string, string> },
  response?: Response,
): Promise<void> {
  const cache = await caches.open(CACHE);
  const todo = entries.filter(([url, rev]) => s.files[url] !== rev);
  let next = 0;
  // Six at a time, as a browser loads a page.
  const worker = async () => {
    while (next < todo.length) {
      const [url, rev] = todo[next++]!;
      const old = from && from.files[url] === rev ? await from.cache.match(url) : undefined;
      const given = response && new URL(response.url).pathname === url ? response : undefined;
      const res = old ?? given ?? (await fetch(url, { cache: 'no-cache' }));
      if (!res.ok) throw new Error(`offline: ${url}: HTTP ${res.status}`);
      await cache.put(url, res);
      s.files[url] = rev;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

let queue: Promise<unknown> = Promise.resolve();
/** One change at a time: choices and downloads are serialised. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/** The entry of a page that can be kept; for an article page, its document page (which holds it). */
function pageEntry(m: OfflineManifest, path: string): Entry | undefined {
  const doc = ARTICLE_PAGE.test(path) ? path.replace(/art_[^/]+\/$/, '') : path;
  return [...m.pages, ...m.documents.flatMap((d) => d.entries)].find(([url]) => url === doc);
}

/** Keep a choice, or an opened page (with its response when the worker has it already). */
async function keep(v: Variant, choice: Choice | { page: string; response?: Response }): Promise<KeepState> {
  const s = await state();
  const m = await manifest(v);
  const vs = (s.variants[v] ??= { choices: [], opened: [] });
  let entries: Entry[];
  if (typeof choice === 'string') {
    entries = entriesFor(m, choice);
  } else {
    const page = pageEntry(m, choice.page);
    entries = [...m.shell, ...m.engine, ...(page ? [page] : [])];
    if (page && !vs.opened.includes(page[0])) vs.opened.push(page[0]);
  }
  await store(s, entries, undefined, typeof choice === 'string' ? undefined : choice.response);
  if (typeof choice === 'string' && !vs.choices.includes(choice)) vs.choices.push(choice);
  await saveState(s);
  return s;
}

/** A new build: keep again what the previous one kept. */
async function migrate(): Promise<void> {
  const old = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE).sort();
  for (const name of old) {
    const before = await readState(name);
    if (!before) continue;
    const from = { cache: await caches.open(name), files: before.files };
    const s: KeepState = { version: CFG.version, files: {}, variants: {} };
    for (const v of Object.keys(before.variants) as Variant[]) {
      const was = before.variants[v]!;
      const m = await manifest(v);
      const vs: VariantState = { choices: [], opened: [] };
      const entries: Entry[] = [];
      for (const c of was.choices) {
        const e = entriesFor(m, c);
        if (c === 'all' || e.length > m.shell.length + m.engine.length) vs.choices.push(c);
        entries.push(...e);
      }
      for (const p of was.opened) {
        const e = pageEntry(m, p);
        if (e) {
          entries.push(...m.shell, ...m.engine, e);
          vs.opened.push(p);
        }
      }
      await store(s, entries, from);
      s.variants[v] = vs;
    }
    await saveState(s);
  }
}

scope.addEventListener('install', (event) => {
  event.waitUntil(migrate());
});
scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))),
      ),
  );
});

scope.addEventListener('message', (event) => {
  const data = event.data as { type?: string; variant?: Variant; path?: string; choice?: Choice } | null;
  const reply = (r: unknown) => event.ports[0]?.postMessage(r);
  const v: Variant = data?.variant === 'hant' ? 'hant' : 'hans';
  if (data?.type === 'STATE') {
    event.waitUntil(state().then(reply));
  } else if (data?.type === 'KEEP' && data.choice) {
    const choice = data.choice;
    event.waitUntil(
      serial(() => keep(v, choice)).then(
        (s) => reply({ ok: true, state: s }),
        (e: unknown) => reply({ ok: false, error: String(e) }),
      ),
    );
  } else if (data?.type === 'VISIT' && data.path) {
    const path = data.path;
    event.waitUntil(
      serial(async () => {
        const s = await state();
        const vs = s.variants[v];
        if (vs?.choices.includes('all')) return;
        const m = await manifest(v);
        if (m.mode === 'small') await keep(v, 'all');
        else if (!(await (await caches.open(CACHE)).match(path))) await keep(v, { page: path });
      }).then(
        () => reply({ ok: true }),
        () => reply({ ok: false }),
      ),
    );
  }
});

/** Requests this part answers: navigations and the variants' search and manifest files. */
function ours(request: Request, url: URL): boolean {
  if (request.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(CFG.base))
    return false;
  // Navigations, but not to the downloads (Workbox's downloads cache answers those).
  if (request.mode === 'navigate') return !/\.(?:md|json|html)$/.test(url.pathname);
  return (
    /\/pagefind\/|\/flat\/|\/tiaowen-(?:records|offline)\.json$/.test(url.pathname) &&
    !url.pathname.endsWith('/pagefind-worker.js')
  );
}

async function answer(request: Request, url: URL): Promise<Response> {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;
  const hit = await cache.match(key);
  if (hit) return hit;
  try {
    const res = await fetch(request);
    // A large collection keeps the pages a reader opens (a small one has kept them all).
    if (request.mode === 'navigate' && res.ok && !res.redirected) {
      const path = url.pathname;
      const response = res.clone();
      void serial(async () => {
        const m = await manifest(variantOf(path));
        if (m.mode === 'large' && pageEntry(m, path)?.[0] === path)
          await keep(variantOf(path), { page: path, response });
      }).catch(() => {});
    }
    return res;
  } catch (error) {
    if (request.mode !== 'navigate') throw error;
    // An article page not kept: its document page, at the article (the same text).
    const article = /^(.*\/)(art_[^/]+)\/$/.exec(url.pathname);
    if (article && (await cache.match(url.origin + article[1]))) {
      return Response.redirect(`${url.origin}${article[1]}${url.search}#${article[2]}`, 302);
    }
    const v = variantOf(url.pathname);
    for (const page of [
      `${variantPrefix(v)}offline/`,
      `${variantPrefix(v === 'hans' ? 'hant' : 'hans')}offline/`,
    ]) {
      const fallback = await cache.match(url.origin + page);
      if (fallback) return fallback;
    }
    throw error;
  }
}

// Registered before Workbox's listener: what this part answers, Workbox's routes never match.
scope.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (ours(event.request, url)) event.respondWith(answer(event.request, url));
});
