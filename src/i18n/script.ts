/**
 * The two scripts the site is published in: simplified (the authoritative original, at the
 * site root) and traditional (converted at build time, under /zh-hant/). One page
 * implementation serves both; it takes a `script` and asks this module for its language tag,
 * its paths and its interface strings. Build time only, except the constants the browser
 * scripts share (STORAGE_KEY).
 */
import { withBase } from '../data/links.ts';
import { VARIANT_PREFIX, VARIANTS, type Variant } from './variant.ts';

/** The writing system of a page: see ./variant.ts (the one definition). */
export type Script = Variant;
export const SCRIPTS: readonly Script[] = VARIANTS;

/** BCP 47 tags for `<html lang>` and `hreflang`. */
export const LANG: Record<Script, string> = { hans: 'zh-Hans', hant: 'zh-Hant' };
/** Open Graph locales. */
export const OG_LOCALE: Record<Script, string> = { hans: 'zh_CN', hant: 'zh_TW' };
/** The path prefix of each script's pages, below the base. */
export const PREFIX: Record<Script, string> = VARIANT_PREFIX;
/** Where the reader's choice of script is remembered (localStorage). */
export const STORAGE_KEY = 'tiaowen:script';

/** The other script. */
export const twin = (script: Script): Script => (script === 'hans' ? 'hant' : 'hans');

/**
 * A page path (below the base and the script prefix, e.g. `slug/art_25/`) as a site path
 * for a script, with the base.
 * @example scriptHref('hant', 'zibo-government-work-rules/') // '/zh-hant/zibo-government-work-rules/'
 */
export function scriptHref(script: Script, path = ''): string {
  return withBase(PREFIX[script] + path.replace(/^\/+/, ''));
}

/**
 * An absolute address when the site's origin is configured (TIAOWEN_SITE), else the site path.
 * @example absoluteHref('/zh-hant/', new URL('https://example.org')) // 'https://example.org/zh-hant/'
 */
export function absoluteHref(href: string, site: URL | undefined): string {
  return site ? new URL(href, site).href : href;
}
