/**
 * Line helpers shared by the format readers: trimming the indents published texts use
 * (spaces, U+3000, no-break spaces) and recognising the lines a regulation is made of.
 */

/** Leading and trailing white space of a published line: ASCII, U+00A0 (&nbsp;), U+3000, zero-width. */
const EDGE = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;

/** A line without its indent and trailing white space. */
export function trimLine(line: string): string {
  return line.replace(EDGE, '');
}

const NUM = '[零〇一二三四五六七八九十百千两0-9０-９]+';
/** 第X条 / 第X章 / 第X节 / 第X编 at the start of a line (the labels of GB/T 1.1-style legal texts). */
export const HEADING_OR_ARTICLE = new RegExp(
  `^第${NUM}[条章节编](之[一二三四五六七八九十]+)?(?:[\\s\\u3000]|$|[^，。；、])`,
);
/** 第X条 at the start of a line. */
export const ARTICLE = new RegExp(`^第${NUM}条(之[一二三四五六七八九十]+)?`);
/** 一、 at the start of a line: articles of documents numbered that way, or group headings. */
export const DUN_ARTICLE = /^[一二三四五六七八九十百]+、/;

/** Is this line a provision label (第X条, 第X章, or 一、)? */
export function isProvisionLine(line: string): boolean {
  return HEADING_OR_ARTICLE.test(line) || DUN_ARTICLE.test(line);
}

/** Titles of regulations end in a document-type word, optionally （试行） (as the parser's front matter). */
export const TITLE =
  /^《?[^，。；：,;:！!？?]{2,80}(法|条例|规定|办法|规则|细则|决定|规程|准则|章程|意见|通知|纲要|标准|方案|守则|解释|批复|答复|修正案|决议|公约|协定|制度)(（[^）]{1,12}）|\([^)]{1,12}\))?》?$/;

/** Does the line look like a regulation's title? */
export function isTitleLine(line: string): boolean {
  return line.length <= 90 && TITLE.test(line);
}

/** The non-white-space characters of a text, counted (for the conservation check). */
export function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (/[\s\u00a0\u3000\u200b\ufeff]/.test(ch)) continue;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}
