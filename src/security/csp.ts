/**
 * The Content-Security-Policy of the site, in one place: astro.config.mjs passes `cspConfig()`
 * to Astro's `security.csp` (a `<meta http-equiv="content-security-policy">` on every page,
 * with the hashes of the scripts and styles Astro emits), and the headers integration sends
 * the same policy as an HTTP header (`_headers`), where `frame-ancestors` also works.
 *
 * Nothing here runs in the browser.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Script sources besides the hashes Astro adds. Pagefind compiles its WebAssembly search
 * engine at run time, which needs 'wasm-unsafe-eval' (it allows WebAssembly only, not eval).
 */
export const SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/** Style sources besides the hashes Astro adds: the site's stylesheets only, no inline styles. */
export const STYLE_RESOURCES = ["'self'"];

/**
 * Every other directive. A `<meta>` policy ignores `frame-ancestors`, `report-uri` and
 * `sandbox` (and Chromium logs an error for them), so those go in HEADER_ONLY_DIRECTIVES.
 */
export const DIRECTIVES = [
  "default-src 'self'",
  "base-uri 'self'",
  "object-src 'none'",
  "form-action 'self'",
  "img-src 'self'",
  "font-src 'self'",
  // Search fetches its index, offline reading its precache: same origin only.
  "connect-src 'self'",
  // The service worker (sw.js) and, should search ever use it, Pagefind's worker.
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-src 'none'",
] as const;

/** Directives that only work when sent as an HTTP header. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

/** The CSP source expression of an inline script or style: `'sha256-…'` of its exact text. */
export function cspHash<A extends 'sha256' | 'sha384' | 'sha512' = 'sha256'>(
  code: string,
  algorithm: A = 'sha256' as A,
): `${A}-${string}` {
  return `${algorithm}-${createHash(algorithm).update(code, 'utf8').digest('base64')}`;
}

/**
 * The texts of the static `<script is:inline>…</script>` elements in the `.astro` files under
 * `dir`: what the browser runs, byte for byte (Astro keeps script text as written). Inline
 * scripts built from expressions (`set:html`) are not here: their component adds their hash.
 */
export function staticInlineScripts(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.astro')) {
        const source = readFileSync(path, 'utf8');
        for (const m of source.matchAll(/<script\b([^>]*?)(?:\/>|>([\s\S]*?)<\/script>)/g)) {
          const attrs = m[1]!;
          if (
            /\bis:inline\b/.test(attrs) &&
            !/set:(?:html|text)|define:vars|\bsrc\s*=|type\s*=\s*["']application\/(?:ld\+)?json/.test(attrs)
          )
            out.push(m[2] ?? '');
        }
      }
    }
  };
  visit(dir);
  return out;
}

/**
 * Astro's `security.csp` option. `inlineScripts` are the exact texts of deliberate `is:inline`
 * scripts whose text does not depend on the page (Astro does not hash `is:inline` scripts);
 * a page-dependent inline script adds its own hash with `Astro.csp?.insertScriptHash()`.
 */
export function cspConfig(inlineScripts: readonly string[] = []) {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...DIRECTIVES],
    scriptDirective: {
      resources: [...SCRIPT_RESOURCES],
      hashes: inlineScripts.map((code) => cspHash(code)),
    },
    styleDirective: { resources: [...STYLE_RESOURCES] },
  };
}

/** Parse a policy (`a b; c d`) into directive name → sources. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Serialise directive name → sources back into a policy. */
export function formatPolicy(policy: Map<string, string[]>): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The header policy for a whole build: the union of the pages' `<meta>` policies (each page's
 * own hashes, so the header never blocks what a page's meta allows; the single-file downloads'
 * stricter policies add their style hashes) plus the header-only directives. Browsers enforce both policies, so each page still gets its own, stricter one.
 */
export function headerPolicy(metaPolicies: Iterable<string>): string {
  const union = new Map<string, string[]>();
  for (const policy of metaPolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const have = union.get(name) ?? [];
      for (const s of sources) if (!have.includes(s)) have.push(s);
      union.set(name, have);
    }
  }
  // 'none' allows nothing; beside any other source it is ignored, and Chromium logs a warning.
  for (const [name, sources] of union) {
    if (sources.length > 1 && sources.includes("'none'"))
      union.set(
        name,
        sources.filter((s) => s !== "'none'"),
      );
  }
  for (const d of HEADER_ONLY_DIRECTIVES) {
    const [name, ...sources] = d.split(' ');
    union.set(name!, sources);
  }
  return formatPolicy(union);
}
