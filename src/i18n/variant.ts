/**
 * The two variants of written Chinese the site is published in: simplified (`hans`, the
 * authoritative original, at the site root) and traditional (`hant`, converted at build time,
 * under `zh-hant/`). "Variant" names the writing system everywhere, so that "script" keeps
 * meaning the CLIs in scripts/ and the `<script>` element. No imports: page scripts use it too.
 */

/** A variant of written Chinese: ISO 15924 Hans / Hant, lower-cased. */
export type Variant = 'hans' | 'hant';

export const VARIANTS: readonly Variant[] = ['hans', 'hant'];

/** The path prefix of each variant's pages, below the base: the one place `zh-hant/` is spelled. */
export const VARIANT_PREFIX: Record<Variant, string> = { hans: '', hant: 'zh-hant/' };

/**
 * A path below the base, in a variant.
 * @example variantPath('hant', 'search/') // 'zh-hant/search/'
 */
export function variantPath(variant: Variant, path = ''): string {
  return VARIANT_PREFIX[variant] + path.replace(/^\/+/, '');
}

/**
 * The variant of a page, from its path below the base.
 * @example variantOfPath('zh-hant/some-slug/') // 'hant'
 */
export function variantOfPath(path: string): Variant {
  return path.replace(/^\/+/, '').startsWith(VARIANT_PREFIX.hant) ? 'hant' : 'hans';
}
