// @ts-check
import { defineConfig } from 'astro/config';
import search from './src/integrations/search.ts';
import offline from './src/integrations/offline.ts';
import headers from './src/integrations/headers.ts';
import siteAddress from './src/integrations/site-address.ts';
import { cspConfig, staticInlineScripts } from './src/security/csp.ts';

/**
 * The public path the site is served under: `/` by default, or e.g. `TIAOWEN_BASE=/rules/`
 * for a sub-path. Always with leading and trailing slashes, so `BASE_URL + 'slug/'` is a link.
 */
function basePath(raw = '/') {
  const trimmed = raw.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export default defineConfig({
  base: basePath(process.env.TIAOWEN_BASE),
  // The public origin (TIAOWEN_SITE=https://example.org): canonical, hreflang and og:url links are
  // written only when it is set (they must be absolute); sitemap addresses become absolute too.
  site: process.env.TIAOWEN_SITE || undefined,
  // TIAOWEN_OUT lets parallel builds (and tests) use their own output folder.
  outDir: process.env.TIAOWEN_OUT || 'dist',
  // The content layer's store is kept between builds in cacheDir: one per output folder, so
  // parallel builds of different collections never share it.
  ...(process.env.TIAOWEN_OUT && { cacheDir: `${process.env.TIAOWEN_OUT.replace(/\/+$/, '')}.astro-cache/` }),
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Pages are small and text-first; keep one stylesheet file the pages share.
  devToolbar: { enabled: false },
  // A Content-Security-Policy <meta> on every page (see src/security/csp.ts): Astro hashes the
  // scripts and styles it emits; the static is:inline scripts are hashed here from the source.
  security: { csp: cspConfig(staticInlineScripts('src')) },
  // No Markdown pages, so no code highlighting (Shiki's inline styles would need 'unsafe-inline').
  markdown: { syntaxHighlight: false },
  // Search first: it writes the Pagefind bundles into the finished build (astro:build:done).
  // Offline next: its service worker precaches everything built before it, search included.
  // Headers last: _headers carries the policies of the finished pages.
  // siteAddress only reports whether canonical and hreflang links are written (TIAOWEN_SITE).
  integrations: [siteAddress(), search(), offline(), headers()],
});
