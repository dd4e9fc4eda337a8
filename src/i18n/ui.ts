/**
 * Interface strings for both scripts. Strings are written once, in simplified characters, and
 * converted at build time with the reviewed converter (src/variant/convert.ts) for traditional
 * pages; nothing is converted in the browser.
 * @example ui('hant')('复制链接') // '複製鏈接'
 */
import { join } from 'node:path';
import { createConverter, loadOverrides } from '../variant/convert.ts';
import type { Variant } from './locale.ts';

let converter: ((s: string) => string) | undefined;

/**
 * The simplified → traditional converter, made once per build. The overrides are read from
 * the project's content/ folder (pages run from a bundled chunk, so not relative to this file).
 */
export function toHant(text: string): string {
  converter ??= createConverter(loadOverrides(join(process.cwd(), 'content', 'conversion-overrides.yaml')));
  return converter(text);
}

/** A translator for a script: identity for simplified, the converter for traditional. */
export function ui(variant: Variant): (simplified: string) => string {
  return variant === 'hant' ? toHant : (s) => s;
}
