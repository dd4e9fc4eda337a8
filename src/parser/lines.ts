/**
 * Pre-parse stage: source text → lines. Guarantees: a leading BOM is skipped, CRLF / CR / LF
 * all end a line, and every line keeps its 1-based number and the offset of its first character,
 * so later stages can point back into the file.
 */

export interface SourceLine {
  /** 1-based line number. */
  line: number;
  /** The line without its terminator (and without the BOM on line 1). */
  raw: string;
  /** Offset of `raw`'s first character in the source string. */
  offset: number;
}

/**
 * Whitespace as it occurs in Chinese texts: ASCII, no-break and ideographic (U+3000) spaces,
 * and the invisible characters web pages and word processors leave in text (zero-width space
 * U+200B, zero-width (non-)joiner U+200C/D, word joiner U+2060, a BOM inside the text).
 */
export const SPACE = '[\\s\\u00a0\\u3000\\ufeff\\u200b-\\u200d\\u2060]';

/**
 * Split a source text into lines.
 * @example splitLines('\uFEFF第一条\r\n') // [{ line: 1, raw: '第一条', offset: 1 }, { line: 2, raw: '', offset: 6 }]
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const re = /\r\n|\r|\n/g;
  let offset = start;
  let n = 1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ line: n++, raw: text.slice(offset, m.index), offset });
    offset = m.index + m[0].length;
  }
  lines.push({ line: n, raw: text.slice(offset), offset });
  return lines;
}

/** Whether a character is whitespace as SPACE defines it (checked by code, not by a regex, for speed). */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0xfeff ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x85
  );
}

/** Leading whitespace length of a line (its content starts one column later). */
export function indentOf(raw: string): number {
  let i = 0;
  while (i < raw.length && isSpace(raw.charCodeAt(i))) i++;
  return i;
}

/** A line with leading and trailing whitespace (including U+3000) removed. */
export function trimLine(raw: string): string {
  const start = indentOf(raw);
  let end = raw.length;
  while (end > start && isSpace(raw.charCodeAt(end - 1))) end--;
  return start === 0 && end === raw.length ? raw : raw.slice(start, end);
}
