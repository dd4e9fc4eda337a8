/**
 * The built site as files: its HTML pages, one page of every page type (discovered from the
 * folder, not listed by hand, so a new kind of page is checked as soon as it is built), and
 * a light HTML reading (ids, links, inline scripts) for the checks that need no browser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ELEMENT_NODE, parse, walkSync, type ElementNode } from 'ultrahtml';
import { VARIANT_PREFIX as SCRIPT_PREFIX, type Variant as Variant } from '../../src/i18n/variant.ts';

/** Every file of the built site, relative to it, with `/` separators. */
export function siteFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** The HTML pages a visitor can be sent to (not the single-file downloads). */
export function sitePages(dir: string): string[] {
  return siteFiles(dir).filter((f) => f.endsWith('/index.html') || f === 'index.html' || f === '404.html');
}

/** The single-file downloads: `<slug>/<slug>.html`. */
export function singleFiles(dir: string): string[] {
  return siteFiles(dir).filter((f) => /(?:^|\/)([^/]+)\/\1\.html$/.test(f));
}

/** The URL path below the base for a page file: `slug/index.html` → `slug/`. */
export function pagePath(file: string): string {
  return file === 'index.html'
    ? ''
    : file.endsWith('/index.html')
      ? file.slice(0, -'index.html'.length)
      : file;
}

export interface PageType {
  /** `home`, `document`, `document/article`, `search`, `citations`, `404`, `offline`, … */
  type: string;
  variant: Variant;
  /** Path below the base. */
  path: string;
  file: string;
}

/**
 * One page of every type, per script. A folder holding `data.json` is a document; pages
 * below a document are named by their folder with numbers dropped (`art_47` → `art`).
 */
export function pageTypes(dir: string): PageType[] {
  const seen = new Map<string, PageType>();
  for (const file of sitePages(dir)) {
    const variant: Variant = file.startsWith(SCRIPT_PREFIX.hant) ? 'hant' : 'hans';
    const rest = file.slice(SCRIPT_PREFIX[variant].length);
    const parts = pagePath(rest).split('/').filter(Boolean);
    let type: string;
    if (rest === '404.html' || parts[0] === '404') type = '404';
    else if (parts.length === 0) type = 'home';
    else if (
      existsSync(join(dir, SCRIPT_PREFIX[variant], parts[0]!, 'data.json')) ||
      existsSync(join(dir, parts[0]!, 'data.json'))
    ) {
      type = ['document', ...parts.slice(1).map((p) => p.replace(/[-_]?\d+(?:-\d+)?$/, ''))].join('/');
    } else if (parts[0] === 'browse') {
      // Listing pages (docs/collection.md): the collection, one facet value, and their later pages.
      type = [
        'browse',
        ...(parts[1] && parts[1] !== 'page' ? ['facet'] : []),
        ...(parts.includes('page') ? ['page'] : []),
      ].join('/');
    } else type = parts.map((p) => p.replace(/\d+/g, 'N')).join('/');
    const key = `${variant} ${type}`;
    const candidate: PageType = { type, variant, path: pagePath(file), file };
    // Prefer a page from the middle of a series (art_47 over art_1): it has neighbours both ways.
    const had = seen.get(key);
    if (!had || (/art_4\d\b/.test(file) && !/art_4\d\b/.test(had.file))) seen.set(key, candidate);
  }
  return [...seen.values()].sort(
    (a, b) => a.type.localeCompare(b.type) || a.variant.localeCompare(b.variant),
  );
}

export interface PageFacts {
  ids: string[];
  /** Link-like attributes: [attribute, value, tag]. */
  links: Array<{ attr: string; value: string; tag: string; rel?: string }>;
  /** The text of inline classic/module scripts (not data blocks). */
  inlineScripts: string[];
  /** The CSP <meta> content, if any. */
  csp?: string;
}

const EXECUTABLE = /^(?:|text\/javascript|module|application\/javascript)$/i;

/** Ids, links, inline scripts and the CSP of an HTML page. */
export function readPage(html: string): PageFacts {
  const facts: PageFacts = { ids: [], links: [], inlineScripts: [] };
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    const el = node as ElementNode;
    const a = el.attributes as Record<string, string | undefined>;
    if (a.id !== undefined) facts.ids.push(a.id);
    if (el.name === 'a' && a.name !== undefined) facts.ids.push(a.name);
    for (const attr of ['href', 'src', 'action', 'poster', 'data']) {
      const value = a[attr];
      if (value === undefined) continue;
      if (el.name === 'meta' || el.name === 'base') continue;
      facts.links.push({ attr, value, tag: el.name, ...(a.rel ? { rel: a.rel } : {}) });
    }
    if (el.name === 'script' && a.src === undefined && EXECUTABLE.test((a.type ?? '').trim())) {
      facts.inlineScripts.push(el.children.map((c) => ('value' in c ? String(c.value) : '')).join(''));
    }
    if (el.name === 'meta' && (a['http-equiv'] ?? '').toLowerCase() === 'content-security-policy')
      facts.csp = a.content;
  });
  return facts;
}

export function readSitePage(dir: string, file: string): PageFacts {
  return readPage(readFileSync(join(dir, file), 'utf8'));
}

/** Edit distance, for suggesting the anchors nearest a broken one. */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The `n` ids nearest `wanted`. */
export function nearest(wanted: string, ids: readonly string[], n = 5): string[] {
  return [...new Set(ids)]
    .map((id) => [id, distance(wanted, id)] as const)
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, n)
    .map(([id]) => id);
}

/** The base path the site in `dir` was built for, read from its home page's own links. */
export function builtBase(dir: string): string {
  const home = readFileSync(join(dir, 'index.html'), 'utf8');
  const m = /<link[^>]+href="([^"]*?)_astro\//.exec(home) ?? /href="([^"]*?)favicon\.svg"/.exec(home);
  return m?.[1] || '/';
}
