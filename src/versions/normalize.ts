/**
 * Text as the comparison sees it: punctuation width and whitespace are formatting, not wording,
 * so 第一条、第二条 with ASCII commas or a stray space never shows as a change. Full-width and
 * half-width forms fold by Unicode compatibility (NFKC, which maps U+FF01–U+FF5E to ASCII), and
 * the marks GB/T 15834 lets web texts write either way fold by the table below.
 */

/** Marks NFKC leaves apart that are the same mark written two ways. */
const FOLD: Record<string, string> = {
  '〈': '<',
  '〉': '>',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '—': '-',
  '－': '-',
  '～': '~',
  '　': '',
};

/** Characters that are formatting only: whitespace, zero-width spaces and joiners, the BOM. */
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/u;

/**
 * The comparison form of one character ('' for formatting).
 * @example foldChar('，') // ','
 */
export function foldChar(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  const f = ch.normalize('NFKC');
  return FOLD[f] ?? f;
}

/**
 * The comparison form of a text.
 * @example normalizeForCompare('第一条，　甲 乙') === normalizeForCompare('第一条,甲乙') // true
 */
export function normalizeForCompare(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}
