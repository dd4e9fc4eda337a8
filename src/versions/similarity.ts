/**
 * How alike two article texts are: the Dice coefficient of their character bigrams (the
 * measure string-similarity tools use for Chinese, where there are no word boundaries), and the
 * share of one text's bigrams found in the other (for an article split in two or two merged).
 */

/** The character bigrams of a (folded) text, with counts. */
export type Bigrams = Map<string, number>;

/** @example bigrams('行政行为').size // 3 */
export function bigrams(text: string): Bigrams {
  const chars = [...text];
  const out: Bigrams = new Map();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** The number of bigrams of a text. */
export function size(g: Bigrams): number {
  let n = 0;
  for (const c of g.values()) n += c;
  return n;
}

/** The bigrams two texts share, counted with multiplicity. */
export function shared(a: Bigrams, b: Bigrams): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [g, c] of small) {
    const d = large.get(g);
    if (d) n += Math.min(c, d);
  }
  return n;
}

/**
 * Dice similarity, 0–1.
 * @example dice(bigrams('具体行政行为'), bigrams('行政行为')) // 0.75
 */
export function dice(a: Bigrams, b: Bigrams, sizeA = size(a), sizeB = size(b)): number {
  return sizeA + sizeB === 0 ? 1 : (2 * shared(a, b)) / (sizeA + sizeB);
}
