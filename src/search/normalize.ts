/**
 * Search normalisation: the one function applied to both the indexed text and the query,
 * so that "the query occurs in the provision" means "normalize(query) is a substring of
 * normalize(provision)".
 *
 * Per code point (in this order):
 * 1. Script folding (pluggable): traditional → simplified, e.g. 會 → 会. The fold must map each
 *    code point to exactly one code point (see `Fold`).
 * 2. Compatibility decomposition (NFKD) with combining marks dropped: full-width ASCII →
 *    ASCII (５ → 5, Ａ → A), the ideographic space → space, compatibility ideographs → unified
 *    ones, ① → 1, é → e (Pagefind strips diacritics the same way).
 * 3. Lower-case.
 * 4. Classification of what is left:
 *    - letters and numbers (\p{L}, \p{N}: Han, kana, Latin, digits, 〇) are kept;
 *    - a few symbols that carry meaning in numbers are kept, encoded as Yi syllables so that
 *      every normalised character is alphanumeric (Pagefind drops anything else from words):
 *      % ‰ ‱ ° ℃ ℉ + × ÷ = < > ≤ ≥ ≠ ± ¥ $ € £. So "50%" does not match "500万元";
 *    - everything else (whitespace, all punctuation \p{P} — including 〔〕（）《》、 — ~ and
 *      all other symbols, control and format characters) is removed: 淄政发〔2017〕2号 and
 *      淄政发(2017)2号 are the same string;
 *    - except that a removed run *between two ASCII digits* becomes one separator (SEP), so
 *      1—2次, 1-2次, 1～2次 and "1 2次" match each other but not 12次, and 〔2017〕2号 does
 *      not match 20172号.
 *
 * The result keeps an offset map back into the original string, so that a match found in the
 * normalised text can be marked on the original characters.
 */

/** Maps text to simplified characters, one code point for one code point. */
export type Fold = (text: string) => string;

/** The separator that stands for removed punctuation/whitespace between two digits. */
export const SEP = '\uA000'; // ꀀ YI SYLLABLE IT (a letter, never used in Chinese text)

/** Symbols that are significant and kept (encoded as Yi syllables from U+A001). */
const KEPT_SYMBOLS = '%‰‱°℃℉+×÷=<>≤≥≠±¥$€£';
const KEPT_CODE = new Map<string, string>(
  [...KEPT_SYMBOLS].map((ch, i) => [ch, String.fromCodePoint(0xa001 + i)] as const),
);

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const MARK = /\p{M}/gu;
const ASCII_DIGIT = /^[0-9]$/;

export interface NormalizeOptions {
  /** Script fold applied before anything else (e.g. traditional → simplified). */
  fold?: Fold | undefined;
}

export interface Normalized {
  /** The normalised text: only letters, numbers, encoded symbols and SEP. */
  text: string;
  /** For each UTF-16 unit of `text`, the UTF-16 index in the original where its source starts. */
  start: number[];
  /** For each UTF-16 unit of `text`, the UTF-16 index in the original just after its source. */
  end: number[];
}

/** Normalise a single code point (already folded): the string it contributes, or '' to drop. */
function normalizeChar(ch: string): string {
  let out = '';
  for (const c of ch.normalize('NFKD').replace(MARK, '').toLowerCase()) {
    if (LETTER_OR_NUMBER.test(c)) out += c;
    else {
      const code = KEPT_CODE.get(c);
      if (code) out += code;
    }
  }
  return out;
}

const charCache = new Map<string, string>();
function normalizeCharCached(ch: string): string {
  let v = charCache.get(ch);
  if (v === undefined) {
    v = normalizeChar(ch);
    if (charCache.size < 20_000) charCache.set(ch, v);
  }
  return v;
}

/**
 * Normalise text for search, with the offset map back into `input`.
 * @example normalize('第十一条　市政府（试行）').text // '第十一条市政府试行'
 * @example normalize('1—2次').text // '1ꀀ2次'
 */
export function normalize(input: string, options: NormalizeOptions = {}): Normalized {
  const folded = options.fold ? options.fold(input) : input;
  const inChars = [...input];
  const foldedChars = options.fold ? [...folded] : inChars;
  if (foldedChars.length !== inChars.length) {
    throw new Error(
      `Script fold changed the number of characters (${inChars.length} → ${foldedChars.length}); it must map one character to one.`,
    );
  }
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let pos = 0; // UTF-16 index in input
  let pendingGap = false; // something was dropped since the last kept character
  let lastKept = '';
  for (let i = 0; i < inChars.length; i++) {
    const orig = inChars[i]!;
    const from = pos;
    pos += orig.length;
    const norm = normalizeCharCached(foldedChars[i]!);
    if (norm === '') {
      if (text !== '') pendingGap = true;
      continue;
    }
    if (pendingGap && ASCII_DIGIT.test(lastKept) && ASCII_DIGIT.test(norm[0]!)) {
      text += SEP;
      start.push(end[end.length - 1]!);
      end.push(from);
    }
    pendingGap = false;
    for (let k = 0; k < norm.length; k++) {
      text += norm[k];
      start.push(from);
      end.push(pos);
    }
    lastKept = norm[norm.length - 1]!;
  }
  return { text, start, end };
}

/** The normalised text only. */
export function normalizeText(input: string, options: NormalizeOptions = {}): string {
  return normalize(input, options).text;
}

/**
 * Map a match [from, to) in the normalised text back to the original string: the smallest
 * span of original characters that produced it.
 */
export function originalSpan(n: Normalized, from: number, to: number): [number, number] {
  if (to <= from) throw new RangeError(`Empty span ${from}–${to}`);
  return [n.start[from]!, n.end[to - 1]!];
}
