/**
 * The seed document for the conversion review: 《淄博市人民政府工作规则》. Its body runs from
 * 第一章 to the last numbered article; the lines around it are a WeChat wrapper and are not
 * converted or reviewed. The golden file keeps the source's line numbers (wrapper lines empty).
 * @example const { lines, first, last } = readSeed(); lines.slice(first, last + 1) // the body
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConverter, loadOverrides } from '../../src/variant/convert.ts';

export const SOURCE_PATH = fileURLToPath(
  new URL('../../content/zibo-government-work-rules/source.txt', import.meta.url),
);
export const GOLDEN_PATH = fileURLToPath(
  new URL('./golden/zibo-government-work-rules.hant.txt', import.meta.url),
);
export const REVIEW_PATH = fileURLToPath(new URL('./golden/ambiguous-review.tsv', import.meta.url));

/** Lines of the source, and the 0-based indices of the first and last body line. */
export function readSeed(): { lines: string[]; first: number; last: number } {
  const lines = readFileSync(SOURCE_PATH, 'utf8').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const first = lines.findIndex((l) => l.startsWith('第一章'));
  const article = /^[一二三四五六七八九十百]+、/;
  const last = lines.findLastIndex((l) => article.test(l));
  if (first < 0 || last < first)
    throw new Error(`${SOURCE_PATH}: cannot find the body (第一章 … last article)`);
  return { lines, first, last };
}

/** The body lines, each with its 1-based source line number. */
export function seedBody(): Array<{ line: number; text: string }> {
  const { lines, first, last } = readSeed();
  return lines.slice(first, last + 1).map((text, i) => ({ line: first + i + 1, text }));
}

/** The converted seed, line for line with the source (wrapper lines left empty). */
export function convertSeed(convert = createConverter(loadOverrides())): string {
  const { lines, first, last } = readSeed();
  return lines.map((l, i) => (i >= first && i <= last ? convert(l) : '')).join('\n') + '\n';
}
