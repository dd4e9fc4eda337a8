/**
 * Astro integration: after the build, write `<out>/_headers` for static hosts that read one
 * (Netlify, Cloudflare Pages): the site's Content-Security-Policy as a header (the union of
 * the pages' `<meta>` policies, plus `frame-ancestors`, which only works as a header),
 * security headers, and caching — immutable for content-hashed files, revalidate for
 * everything else. It reads the finished pages, so list it after every integration that
 * writes files:
 *
 *   // astro.config.mjs
 *   integrations: [search(), offline(), headers()],
 *
 * Hosts merge the headers of every rule a path matches (a header set twice is joined with a
 * comma), so no two rules that can match one path set Cache-Control: pages get their rules
 * folder by folder instead of one catch-all.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headerPolicy } from '../security/csp.ts';
import { VARIANT_PREFIX } from '../i18n/variant.ts';

/** Sent with every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // The reader needs none of these.
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  // For browsers without CSP frame-ancestors.
  'X-Frame-Options': 'DENY',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** Cloudflare Pages reads at most this many rules. */
const MAX_RULES = 100;

/** Folders whose files are named by their content hash (Astro's bundles, Pagefind's chunks). */
const HASHED_FOLDERS = ['_astro', 'pagefind/fragment', 'pagefind/index', 'pagefind/filter'];
/** The flat index's build folder (`flat/<hash>/`): every file in it is named by the index's hash. */
const FLAT_BUILD = /^((?:[^/]+\/)?flat\/(?:volumes\/[^/]+\/)?[0-9a-f]{12})\//;
/** Folders that hold no page: never given a revalidate rule (pagefind's own files are small). */
const ASSET_ROOTS = new Set(['_astro', 'pagefind', 'flat', 'icons']);
/** Script prefixes: folders whose sub-folders are pages of their own. */
const SCRIPT_PREFIXES = new Set([VARIANT_PREFIX.hant.replace(/\/$/, '')]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** A copy of a string that shares no memory with the string it was sliced from. */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The `content` of a page's CSP `<meta>`, or undefined. */
export function metaPolicy(html: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    if (!/http-equiv\s*=\s*["']?content-security-policy/i.test(tag)) continue;
    const m = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    if (m)
      return (m[1] ?? m[2] ?? '')
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
  }
  return undefined;
}

export interface HeadersResult {
  text: string;
  rules: number;
  warnings: string[];
}

/** The `_headers` file for a built site in `outDir` served under `base`. */
export function buildHeaders(outDir: string, base: string): HeadersResult {
  const prefix = base.replace(/\/?$/, '/');
  const files = walk(outDir).map((f) => relative(outDir, f).split(sep).join('/'));
  const pages = files.filter((f) => f.endsWith('.html'));
  const warnings: string[] = [];
  // Distinct policies only. A regular expression match is a slice of the page it came from,
  // and V8 keeps the whole page alive for as long as the slice lives: keeping one per page held
  // every page of a 1,000-document build in memory at once (6 GiB). A set of the few distinct
  // policies, copied out of their pages, holds a few kilobytes.
  const policies = new Set<string>();
  for (const page of pages) {
    const policy = metaPolicy(readFileSync(join(outDir, page), 'utf8'));
    if (policy) {
      if (!policies.has(policy)) policies.add(flat(policy));
    } else if (!page.includes('/') || page.endsWith('index.html'))
      warnings.push(`${page} has no Content-Security-Policy <meta>`);
  }

  const rules: Array<[string, Record<string, string>, string?]> = [];
  rules.push([
    `${prefix}*`,
    { 'Content-Security-Policy': headerPolicy(policies), ...SECURITY_HEADERS },
    'Every response: the policy of the pages, and security headers',
  ]);

  const hashed = new Set<string>();
  for (const f of files) {
    for (const folder of HASHED_FOLDERS) {
      const at = f.indexOf(`${folder}/`);
      if (at === 0 || (at > 0 && f[at - 1] === '/')) hashed.add(f.slice(0, at + folder.length));
    }
    const build = FLAT_BUILD.exec(f);
    if (build) hashed.add(build[1]!);
  }
  const byName = (a: string, b: string) => a.localeCompare(b);
  for (const folder of [...hashed].sort(byName))
    rules.push([`${prefix}${folder}/*`, { 'Cache-Control': IMMUTABLE }]);
  // Workbox's runtime, when sw.js imports it, carries a hash in its name too.
  for (const f of files.filter((x) => /^workbox-[0-9a-f]{6,}\.js$/.test(x)).sort(byName))
    rules.push([`${prefix}${f}`, { 'Cache-Control': IMMUTABLE }]);

  // Revalidate on every use: the service worker and the manifest (so updates arrive), and pages.
  const revalidate = new Set<string>();
  for (const f of ['sw.js', 'manifest.webmanifest', 'favicon.svg']) if (files.includes(f)) revalidate.add(f);
  for (const page of pages) {
    const parts = page.split('/');
    if (parts.length === 1) {
      revalidate.add(parts[0] === 'index.html' ? '' : parts[0]!);
    } else if (SCRIPT_PREFIXES.has(parts[0]!) && parts.length > 2) {
      if (!ASSET_ROOTS.has(parts[1]!)) revalidate.add(`${parts[0]}/${parts[1]}/*`);
    } else if (SCRIPT_PREFIXES.has(parts[0]!)) {
      revalidate.add(`${parts[0]}/`);
    } else if (!ASSET_ROOTS.has(parts[0]!)) {
      revalidate.add(`${parts[0]}/*`);
    }
  }
  // A collection of many documents has two page folders per document, past what Cloudflare
  // Pages reads. Then only the single paths (/, /zh-hant/, sw.js, the manifest…) keep a rule and
  // page folders get none: Cloudflare Pages and Netlify both send `public, max-age=0,
  // must-revalidate` when no rule sets Cache-Control, which asks of a browser what no-cache
  // does, while hashed files need their rule to be cached at all.
  const sorted = [...revalidate].sort(byName);
  const folders = sorted.filter((p) => p.endsWith('/*'));
  const collapse = rules.length + sorted.length > MAX_RULES;
  const pageRules = collapse ? sorted.filter((p) => !p.endsWith('/*')) : sorted;
  pageRules.forEach((path, i) => {
    const comment =
      collapse && i === 0
        ? `Revalidated on every use. The ${folders.length} page folders get no rule (it would pass the ${MAX_RULES}-rule limit): hosts revalidate by default`
        : undefined;
    rules.push([`${prefix}${path}`, { 'Cache-Control': REVALIDATE }, comment]);
  });

  if (rules.length > MAX_RULES)
    warnings.push(`_headers has ${rules.length} rules; Cloudflare Pages reads only the first ${MAX_RULES}.`);
  const lines = [
    '# Written by the build (src/integrations/headers.ts) for static hosts that read _headers.',
    '# The Content-Security-Policy is also in every page; frame-ancestors only works here.',
    '',
  ];
  for (const [path, headers, comment] of rules) {
    if (comment) lines.push(`# ${comment}`);
    lines.push(path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`));
  }
  return { text: lines.join('\n') + '\n', rules: rules.length, warnings };
}

export default function headers(): AstroIntegration {
  let base = '/';
  return {
    name: 'tiaowen-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const result = buildHeaders(outDir, base);
        for (const w of result.warnings) logger.warn(w);
        writeFileSync(join(outDir, '_headers'), result.text);
        logger.info(`headers: _headers with ${result.rules} rules`);
      },
    },
  };
}
