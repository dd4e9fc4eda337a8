/**
 * The browse page with JavaScript: facets combine and filter in place, the title box finds by
 * name, the listing sorts by date or title, and the choice lives in the address
 * (?type=law&status=in-force&q=处罚&sort=title) so it can be shared. The listing JSON
 * (src/collection/listing.ts) is fetched once, on the first use, never inlined in the page.
 */
import { foldToSimplified } from '../variant/fold.ts';
import {
  FACET_KINDS,
  PAGE_SIZE,
  facetValues,
  filterListing,
  sortListing,
  type FacetKind,
  type ListedDocument,
  type Selection,
  type SortOrder,
} from './facets.ts';
import type { ListingData } from './listing.ts';
import { findByTitle } from './title-find.ts';

const root = document.querySelector<HTMLElement>('[data-browse]');
if (root) start(root);

interface State {
  selection: Selection;
  q: string;
  sort: SortOrder;
  shown: number;
}

function start(root: HTMLElement) {
  const pageSize = Number(root.dataset.pageSize) || PAGE_SIZE;
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const base = root.dataset.base ?? '/browse/';
  const docBase = root.dataset.docBase ?? '/';
  const params = new URLSearchParams(location.search);
  const state: State = {
    selection: JSON.parse(root.dataset.selection ?? '{}') as Selection,
    q: params.get('q') ?? '',
    sort: params.get('sort') === 'title' ? 'title' : 'date',
    shown: pageSize,
  };
  for (const kind of FACET_KINDS) if (params.get(kind)) state.selection[kind] = params.get(kind)!;
  const input = root.querySelector<HTMLInputElement>('#title-q');
  const sort = root.querySelector<HTMLSelectElement>('#browse-sort');
  const more = root.querySelector<HTMLButtonElement>('[data-browse-more]');
  root.querySelector<HTMLElement>('[data-browse-sort]')!.hidden = false;
  if (input) input.value = state.q;
  if (sort) sort.value = state.sort;

  let data: Promise<{ docs: ListedDocument[]; data: ListingData }> | undefined;
  const load = () =>
    (data ??= fetch(root.dataset.listing!)
      .then((r) => r.json() as Promise<ListingData>)
      .then((d) => ({ data: d, docs: decode(d) })));

  const update = async (push: boolean) => {
    const { docs, data: listing } = await load();
    render(root, state, docs, listing, strings, docBase);
    if (more) more.hidden = state.shown >= matching(state, docs, listing).length;
    const query = new URLSearchParams();
    for (const kind of FACET_KINDS) if (state.selection[kind]) query.set(kind, state.selection[kind]!);
    if (state.q) query.set('q', state.q);
    if (state.sort === 'title') query.set('sort', 'title');
    const url = `${base}${query.size ? `?${query}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-kind]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    const kind = link.dataset.kind as FacetKind;
    if (state.selection[kind] === link.dataset.key) delete state.selection[kind];
    else state.selection[kind] = link.dataset.key!;
    state.shown = pageSize;
    void update(true);
  });
  root.querySelector('[data-browse-clear]')?.addEventListener('click', (event) => {
    event.preventDefault();
    state.selection = {};
    state.q = '';
    if (input) input.value = '';
    void update(true);
  });
  root.querySelector('[data-title-find]')?.addEventListener('submit', (event) => event.preventDefault());
  let timer: ReturnType<typeof setTimeout> | undefined;
  input?.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.q = input.value.trim();
      state.shown = pageSize;
      void update(false);
    }, 120);
  });
  sort?.addEventListener('change', () => {
    state.sort = sort.value === 'title' ? 'title' : 'date';
    void update(false);
  });
  more?.addEventListener('click', () => {
    state.shown += pageSize;
    void update(false);
  });
  if (params.size > 0) void update(false);
}

/** The listing JSON's arrays → listing records. */
function decode(d: ListingData): ListedDocument[] {
  const types = Object.keys(d.types);
  return d.docs.map(([slug, title, documentNumber, a, type, r, status, date, effective, keys]) => ({
    slug,
    title,
    authority: d.authorities[a]![1],
    authorityKey: d.authorities[a]![0],
    type,
    region: d.regions[r]![0],
    regionName: d.regions[r]![1],
    status: status as ListedDocument['status'],
    keys,
    rank: types.indexOf(type),
    ...(documentNumber && { documentNumber }),
    ...(date && { date }),
    ...(effective && { effective }),
  }));
}

/** The documents the state selects, in the order shown. */
function matching(state: State, docs: ListedDocument[], listing: ListingData): ListedDocument[] {
  const chosen = filterListing(docs, state.selection);
  if (state.q) return findByTitle(chosen, state.q, (text) => foldToSimplified(text, listing.fold));
  return sortListing(chosen, state.sort);
}

function render(
  root: HTMLElement,
  state: State,
  docs: ListedDocument[],
  listing: ListingData,
  strings: Record<string, string>,
  docBase: string,
) {
  const list = matching(state, docs, listing);
  root.querySelector('[data-browse-count]')!.textContent = strings.count!.replace('{n}', String(list.length));
  root.querySelector('[data-browse-heading]')!.textContent =
    heading(state.selection, listing) || strings.all!;
  const pager = root.querySelector<HTMLElement>('[data-pager]');
  if (pager) pager.hidden = true;
  // The name index's letters are those of the listing the page was built for: not of another choice.
  const letters = root.querySelector<HTMLElement>('[data-name-letters]');
  if (letters)
    letters.hidden =
      state.q !== '' ||
      !sameSelection(state.selection, JSON.parse(root.dataset.selection ?? '{}') as Selection);
  const ol = root.querySelector('[data-listing-items]')!;
  ol.replaceChildren(...list.slice(0, state.shown).map((d) => item(d, listing, strings, docBase)));
  if (list.length === 0) {
    const none = document.createElement('li');
    none.className = 'listing-none';
    none.textContent = strings.none!;
    ol.append(none);
  }
  // Each facet counts what the other selections (and the title query) leave.
  for (const group of root.querySelectorAll<HTMLElement>('details[data-kind]')) {
    const kind = group.dataset.kind as FacetKind;
    const others: Selection = { ...state.selection };
    delete others[kind];
    let pool = filterListing(docs, others);
    if (state.q) pool = findByTitle(pool, state.q, (text) => foldToSimplified(text, listing.fold));
    const counts = new Map(
      facetValues(pool, kind, (s) => listing.statuses[s] ?? s).map((v) => [v.key, v.count]),
    );
    for (const link of group.querySelectorAll<HTMLAnchorElement>('a[data-key]')) {
      const count = counts.get(link.dataset.key!) ?? 0;
      link.querySelector('.facet-count')!.textContent = String(count);
      link.parentElement!.hidden = count === 0 && state.selection[kind] !== link.dataset.key;
      if (state.selection[kind] === link.dataset.key) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    if (state.selection[kind]) (group as HTMLDetailsElement).open = true;
  }
}

/** The names of the chosen values, in facet order: 地方性法规 · 现行有效. */
function heading(selection: Selection, listing: ListingData): string {
  const name = (kind: FacetKind, key: string) => {
    if (kind === 'type') return listing.types[key];
    if (kind === 'status') return listing.statuses[key];
    if (kind === 'authority') return listing.authorities.find(([k]) => k === key)?.[1];
    if (kind === 'region') return listing.regions.find(([k]) => k === key)?.[1];
    return `${key}年`;
  };
  return FACET_KINDS.flatMap((kind) =>
    selection[kind] ? [name(kind, selection[kind]!) ?? selection[kind]!] : [],
  ).join(' · ');
}

function item(
  d: ListedDocument,
  listing: ListingData,
  strings: Record<string, string>,
  docBase: string,
): HTMLLIElement {
  const li = el('li', 'listing-item') as HTMLLIElement;
  const badge = el('span', `badge badge--${d.status}`, listing.statuses[d.status]);
  badge.dataset.status = d.status;
  const a = el('a', 'listing-title', d.title) as HTMLAnchorElement;
  a.href = `${docBase}${d.slug}/`;
  const meta = el('span', 'listing-meta');
  meta.append(el('span', '', d.authority));
  if (d.documentNumber) meta.append(el('span', '', d.documentNumber));
  for (const [label, iso] of [
    [strings.issued, d.date],
    [strings.effective, d.effective],
  ] as const) {
    if (!iso) continue;
    const span = el('span', '', `${label} `);
    const time = el('time', '', formatDate(iso));
    time.setAttribute('datetime', iso);
    span.append(time);
    meta.append(span);
  }
  li.append(badge, a, meta);
  return li;
}

function el(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** 2021-01-22 → 2021年1月22日, as the pages write dates. */
function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Whether two selections choose the same values. */
function sameSelection(a: Selection, b: Selection): boolean {
  return FACET_KINDS.every((kind) => (a[kind] ?? '') === (b[kind] ?? ''));
}
