/**
 * The regulation parser: parse → anchors → checks, and the display transform.
 * No Astro dependency: scripts/ drives it at build time, tests call it directly.
 */
import { VFile } from 'vfile';
import type { Document } from './types.ts';
import { fromText, type ParseOptions } from './parse.ts';
import { assignEIds } from './eid.ts';
import { checkNumbering } from './check.ts';
import { normalizePunctuation } from './punctuation.ts';
import { hasErrors } from '../diagnostics/message.ts';

export * from './types.ts';
export { fromText, type ParseOptions } from './parse.ts';
export { assignEIds, articleEId } from './eid.ts';
export { checkNumbering } from './check.ts';
export { normalizePunctuation, fullWidthPunctuation } from './punctuation.ts';
export { toText, toLines, phrasingText } from './to-string.ts';
export { treeStats, type TreeStats } from './stats.ts';
export { parseNumeral, toChineseNumeral } from './numerals.ts';
export { hasErrors } from '../diagnostics/message.ts';
export { unaccounted } from './account.ts';
export { labelOfEId, type LabelOptions } from './labels.ts';

export interface ParseResult {
  /** The tree with anchors, text exactly as in the source. */
  tree: Document;
  /** The file with its messages (errors have `fatal: true`). */
  file: VFile;
  ok: boolean;
}

/**
 * Parse a regulation: text → tree with eIds, numbering checked. Never throws on bad input.
 * Source defects are warnings unless `options.strict` makes them errors.
 * @example parseRegulation('第一条 为了……。', 'a.txt').tree.children[0].eId // 'art_1'
 */
export function parseRegulation(
  text: string | VFile,
  path?: string,
  options: ParseOptions = {},
): ParseResult {
  const file = typeof text === 'string' ? new VFile({ path, value: text }) : text;
  const tree = assignEIds(fromText(file, options));
  checkNumbering(file, tree, options);
  // Report in reading order, whichever stage found the problem.
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { tree, file, ok: !hasErrors(file) };
}

/** The tree as readers see it: a copy with GB/T 15834 punctuation in Chinese context. */
export function toDisplayTree(tree: Document): Document {
  return normalizePunctuation(structuredClone(tree));
}
export { articlesInContext, listEntries, headingText, type ArticleInContext } from './walk.ts';
