/**
 * The search interface, loaded on demand by the header's listener (Search.astro).
 *
 * The header input becomes a combobox over a listbox of results grouped by document. In the
 * header the listbox sits in a drop-down panel (full screen on phones); on the search page
 * (`/search/?q=…`) the results fill the page instead and the address follows the query.
 * Arrow keys move through the results, Enter opens one, Esc closes the panel; a polite live
 * region announces how many results were found. Each result links to its provision with
 * `?hl=<matched text>` so the page it opens can mark the match (highlight.ts).
 *
 * On a document page (the root's `data-doc`) the box searches that document, and the panel
 * links to the same query over all documents. On the search page the filters (type, status,
 * region, document) narrow the results and live in the address with the query
 * (query-state.ts), so a search can be shared and reloaded.
 */
import {
  createSearchClient,
  renderExcerpt,
  type SearchClient,
  type SearchHit,
  type SearchPage,
} from './client.ts';
import { SEARCH_STRINGS } from './strings.ts';
import type { Variant } from '../i18n/variant.ts';
import { highlightFromLocation } from './highlight.ts';
import { readState, writeState } from './query-state.ts';
import { FILTER_KINDS, type SearchFilters } from './schema.ts';

const DEBOUNCE_MS = 120;

/** The client, for pages and tests that drive searches directly (already in this chunk). */
export { createSearchClient } from './client.ts';

/**
 * The flat index's client (flat/client.ts), imported when first used; exported for the tests,
 * which run the shipped chunk.
 */
export function createFlatSearchClient(options: { indexUrl: string; pageSize?: number }): SearchClient {
  let made: Promise<SearchClient> | undefined;
  const get = () => (made ??= import('./flat/client.ts').then((m) => m.createFlatSearchClient(options)));
  return {
    search: async (query, searchOptions) => (await get()).search(query, searchOptions),
    preload: async () => (await get()).preload(),
  };
}

export interface SearchUi {
  open(): void;
  close(): void;
  /** Run a query now (as if typed). */
  run(query: string): Promise<void>;
}

/** The result address: the provision's, with the matched text as `?hl=` before the fragment. */
export function resultHref(hit: SearchHit): string {
  const matched = hit.excerpt.find((p) => p.mark)?.text;
  const hash = hit.url.indexOf('#');
  const [path, fragment] = hash < 0 ? [hit.url, ''] : [hit.url.slice(0, hash), hit.url.slice(hash)];
  if (!matched) return hit.url;
  return `${path}${path.includes('?') ? '&' : '?'}hl=${encodeURIComponent(matched)}${fragment}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function mountSearch(root: HTMLElement): SearchUi {
  const variant: Variant = root.dataset.script === 'hant' ? 'hant' : 'hans';
  const t = SEARCH_STRINGS[variant];
  const input = root.querySelector<HTMLInputElement>('input')!;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const live = root.querySelector<HTMLElement>('[data-search-live]')!;
  const closeButton = root.querySelector<HTMLButtonElement>('[data-search-close]');
  const pageBox =
    location.pathname === root.dataset.page
      ? document.querySelector<HTMLElement>('[data-search-page]')
      : null;
  const panel = pageBox ?? root.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = panel.querySelector<HTMLElement>('[data-search-results]')!;
  const shown = panel.querySelector<HTMLElement>('[data-search-shown]');
  const moreButton = panel.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const heading = pageBox?.closest('main')?.querySelector('h1');
  const doc = pageBox ? undefined : root.dataset.doc;
  const selects = [...(pageBox?.querySelectorAll<HTMLSelectElement>('select[data-filter]') ?? [])];
  const scope = pageBox?.querySelector<HTMLElement>('[data-search-scope]');
  const scopeName = scope?.querySelector<HTMLElement>('[data-search-scope-name]');
  const widen = panel.querySelector<HTMLElement>('[data-search-widen]');
  let filters: SearchFilters = doc ? { doc } : {};

  // The box names the index of the engine the site was built with (docs/search.md, "Engines").
  const indexUrl = root.dataset.index;
  const client = indexUrl
    ? createFlatSearchClient({ indexUrl })
    : createSearchClient({ bundleUrl: root.dataset.bundle ?? '/pagefind/' });
  client.preload().catch(() => {
    /* reported when a search runs */
  });

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', String(!!pageBox));

  let current: SearchPage | undefined;
  let seq = 0;
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let isOpen = !!pageBox;

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];

  function setActive(i: number): void {
    const opts = options();
    active = opts.length === 0 ? -1 : Math.max(-1, Math.min(i, opts.length - 1));
    opts.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    const a = opts[active];
    if (a) {
      input.setAttribute('aria-activedescendant', a.id);
      a.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function status(text: string, announce: boolean): void {
    if (shown) shown.textContent = text;
    if (announce) live.textContent = text;
  }

  function open(): void {
    if (isOpen) return;
    isOpen = true;
    panel.hidden = false;
    root.dataset.open = '';
    input.setAttribute('aria-expanded', 'true');
    if (!input.value.trim()) status(t.hint, false);
  }

  function close(): void {
    if (pageBox || !isOpen) return;
    isOpen = false;
    panel.hidden = true;
    delete root.dataset.open;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function hitOption(hit: SearchHit, id: string): HTMLAnchorElement {
    const a = el('a', `search-hit search-hit--${hit.kind}`);
    a.href = resultHref(hit);
    a.id = id;
    a.tabIndex = -1;
    a.setAttribute('role', 'option');
    a.setAttribute('aria-selected', 'false');
    const head = el('span', 'search-hit-head');
    // A heading's text starts with its own label (第八章　会议制度): show only where it sits.
    if (hit.kind !== 'heading')
      head.append(el('span', 'search-hit-label', hit.kind === 'title' ? t.title : hit.label));
    if (hit.chapter) head.append(el('span', 'search-hit-chapter', hit.chapter));
    const excerpt = el('span', 'search-hit-excerpt');
    excerpt.append(renderExcerpt(hit.excerpt));
    if (head.childNodes.length) a.append(head);
    a.append(excerpt);
    return a;
  }

  function render(page: SearchPage): void {
    const keep = active;
    list.replaceChildren();
    let n = 0;
    page.groups.forEach((g, gi) => {
      const group = el('div', 'search-group');
      group.setAttribute('role', 'group');
      const title = el('p', 'search-doc', g.docTitle);
      title.id = `search-doc-${gi}`;
      title.setAttribute('role', 'presentation');
      group.setAttribute('aria-labelledby', title.id);
      group.append(title);
      for (const hit of g.hits) group.append(hitOption(hit, `search-opt-${n++}`));
      list.append(group);
    });
    moreButton.hidden = page.done;
    const text = doc
      ? page.hits === 0 && page.done
        ? t.noneInDoc(page.query)
        : page.done
          ? t.foundInDoc(page.hits)
          : t.foundMoreInDoc(page.hits)
      : page.hits === 0 && page.done
        ? t.none(page.query)
        : page.done
          ? t.found(page.hits)
          : t.foundMore(page.hits);
    if (filters.doc && scopeName) scopeName.textContent = t.inDoc(page.groups[0]?.docTitle);
    status(text, true);
    setActive(keep);
  }

  /** The filters as the page's controls show them; the document scope, when there is one. */
  function showFilters(title?: string): void {
    for (const s of selects) s.value = filters[s.dataset.filter as keyof SearchFilters] ?? '';
    if (scope) scope.hidden = !filters.doc;
    if (scopeName) scopeName.textContent = t.inDoc(title);
  }

  async function run(query: string): Promise<void> {
    clearTimeout(timer);
    const id = ++seq;
    const q = query.trim();
    if (pageBox) {
      history.replaceState(history.state, '', writeState(new URL(location.href), { q, filters }));
      if (heading) heading.textContent = t.pageHeading(q);
    }
    if (widen instanceof HTMLAnchorElement) {
      // One step from this document to all of them, with the query.
      widen.href = writeState(new URL(root.dataset.page ?? '/search/', location.href), {
        q,
        filters: {},
      }).href;
      widen.hidden = !q;
    }
    active = -1;
    if (!q) {
      current = undefined;
      list.replaceChildren();
      moreButton.hidden = true;
      status(pageBox ? '' : t.hint, false);
      live.textContent = '';
      return;
    }
    open();
    status(t.loading, false);
    try {
      const page = await client.search(q, { filters });
      if (id !== seq) return;
      current = page;
      render(page);
    } catch (error) {
      if (id !== seq) return;
      console.warn(error);
      list.replaceChildren();
      moreButton.hidden = true;
      status(t.error, true);
    }
  }

  async function more(): Promise<void> {
    const page = current;
    if (!page || page.done) return;
    const id = seq;
    moreButton.disabled = true;
    const next = await page.more().finally(() => (moreButton.disabled = false));
    if (id !== seq) return;
    current = next;
    render(next);
  }

  /** After following a result on this very page, only the fragment changes: mark it here. */
  function followed(a: HTMLAnchorElement): void {
    const u = new URL(a.href);
    if (u.pathname !== location.pathname || u.search !== location.search) return;
    close();
    addEventListener('hashchange', highlightFromLocation, { once: true });
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  });
  input.addEventListener('focus', open);
  input.addEventListener('keydown', (e) => {
    const count = options().length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      open();
      if (count === 0) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (e.key === 'Enter') {
      const a = options()[active];
      if (a) {
        e.preventDefault();
        a.click();
      } else if (pageBox) {
        e.preventDefault();
        void run(input.value);
      }
      // Otherwise the form goes to the search page with ?q=.
    } else if (e.key === 'Escape') {
      if (isOpen && !pageBox) {
        e.preventDefault();
        close();
      } else if (pageBox && active >= 0) {
        setActive(-1);
      } else {
        input.blur();
      }
    } else if (e.key === 'Home' || e.key === 'End') {
      setActive(-1);
    }
  });
  form.addEventListener('submit', (e) => {
    if (pageBox) {
      e.preventDefault();
      void run(input.value);
    }
  });
  list.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[role="option"]');
    if (a) followed(a);
  });
  list.addEventListener('mousemove', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[role="option"]');
    if (a) {
      const i = options().indexOf(a);
      if (i !== active) setActive(i);
    }
  });
  moreButton.addEventListener('click', () => void more());
  for (const s of selects) {
    s.addEventListener('change', () => {
      filters = { ...filters, [s.dataset.filter!]: s.value || undefined };
      void run(input.value);
    });
  }
  if (scope && widen) {
    widen.addEventListener('click', () => {
      filters = { ...filters, doc: undefined };
      showFilters();
      void run(input.value);
      input.focus();
    });
  }
  closeButton?.addEventListener('click', () => {
    close();
    input.blur();
  });
  // Leaving the box (a click or a Tab elsewhere) closes the panel.
  document.addEventListener('pointerdown', (e) => {
    if (!root.contains(e.target as Node)) close();
  });
  root.addEventListener('focusout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (to && !root.contains(to)) close();
  });

  if (pageBox) {
    const state = readState(location.search);
    // A type, status or region the page offers no control for is dropped: nothing could undo it.
    for (const kind of FILTER_KINDS) {
      const value = state.filters[kind];
      if (
        kind !== 'doc' &&
        value &&
        !selects.some((s) => s.dataset.filter === kind && [...s.options].some((o) => o.value === value))
      ) {
        delete state.filters[kind];
      }
    }
    filters = state.filters;
    showFilters();
    const q = state.q;
    input.value = q;
    void run(q);
    if (!q) input.focus();
  } else if (document.activeElement === input) {
    open();
    if (input.value.trim()) void run(input.value);
  }
  return { open, close, run };
}
