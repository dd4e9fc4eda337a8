/**
 * The locale of each variant the site is published in: simplified (the authoritative
 * original, at the site root) and traditional (converted at build time, under /zh-hant/). One
 * page implementation serves both; it takes a `variant` (./variant.ts, the one definition) and
 * asks this module for its language tag, its paths and its addresses. Build time only, except
 * the constants the browser's page scripts share (STORAGE_KEY).
 */
import { withBase } from '../data/links.ts';
import { VARIANT_PREFIX, VARIANTS, type Variant } from './variant.ts';

export { VARIANTS, type Variant };

/** BCP 47 tags for `<html lang>` and `hreflang`. */
export const LANG: Record<Variant, string> = { hans: 'zh-Hans', hant: 'zh-Hant' };
/** Open Graph locales. */
export const OG_LOCALE: Record<Variant, string> = { hans: 'zh_CN', hant: 'zh_TW' };
/** The path prefix of each variant's pages, below the base. */
export const PREFIX: Record<Variant, string> = VARIANT_PREFIX;
/** Where the reader's choice of variant is remembered (localStorage; the key predates the word and stays, so choices made are kept). */
export const STORAGE_KEY = 'tiaowen:script';

/** The other variant. */
export const twin = (variant: Variant): Variant => (variant === 'hans' ? 'hant' : 'hans');

/**
 * A page path (below the base and the variant prefix, e.g. `slug/art_25/`) as a site path
 * for a variant, with the base.
 * @example variantHref('hant', 'zibo-government-work-rules/') // '/zh-hant/zibo-government-work-rules/'
 */
export function variantHref(variant: Variant, path = ''): string {
  return withBase(PREFIX[variant] + path.replace(/^\/+/, ''));
}

/**
 * An absolute address when the site's origin is configured (TIAOWEN_SITE), else the site path.
 * @example absoluteHref('/zh-hant/', new URL('https://example.org')) // 'https://example.org/zh-hant/'
 */
export function absoluteHref(href: string, site: URL | undefined): string {
  return site ? new URL(href, site).href : href;
}
