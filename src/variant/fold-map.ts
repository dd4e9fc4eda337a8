/**
 * Build-time construction of the search fold map (see fold.ts) from OpenCC's tables, kept small
 * by restricting it to what can match the corpus: a traditional character can only ever match
 * if its simplified counterpart occurs in the (simplified) corpus, so only those are included.
 * @example buildFoldMap('会议') // { from: '會議', to: '会议' }
 */
import type { FoldMap } from './fold.ts';
import { dictPairs, foldDicts } from './opencc.ts';

const single = (s: string): boolean => Array.from(s).length === 1;

/** Every traditional/variant character → simplified pair OpenCC knows, sorted by code point. */
export function fullFoldPairs(): Array<[string, string]> {
  const fold = new Map<string, string>();
  for (const [t, s] of dictPairs(foldDicts.TSCharacters))
    if (single(t) && single(s) && t !== s) fold.set(t, s);
  const simplified = new Set(fold.values());
  // Regional variants (衞, 啟, 説 …) fold through their OpenCC-standard form (衛 → 卫). A variant
  // that is itself a simplified character or already in the table (才, 台, 么) is left alone,
  // which keeps the fold idempotent: otherwise 么 → 幺 would break 什麼 → 什么.
  for (const rev of [foldDicts.TWVariantsRev, foldDicts.HKVariantsRev]) {
    for (const [variant, standard] of dictPairs(rev)) {
      if (!single(variant) || !single(standard) || fold.has(variant) || simplified.has(variant)) continue;
      const target = fold.get(standard) ?? standard;
      if (target !== variant) fold.set(variant, target);
    }
  }
  // OpenCC's own table has a few chains (薴 → 苧 → 苎): follow them to the end, so that folding
  // twice changes nothing; a character on a cycle (none today) is left unfolded.
  const resolved = new Map<string, string>();
  for (const t of fold.keys()) {
    const seen = new Set([t]);
    let s = fold.get(t) ?? t;
    while (fold.has(s) && !seen.has(s)) {
      seen.add(s);
      s = fold.get(s) ?? s;
    }
    if (!fold.has(s)) resolved.set(t, s);
  }
  return [...resolved].sort(([a], [b]) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
}

/** Pairs → the compact two-string form. */
export function toFoldMap(pairs: Array<[string, string]>): FoldMap {
  return { from: pairs.map(([t]) => t).join(''), to: pairs.map(([, s]) => s).join('') };
}

/**
 * The fold map for a corpus of simplified text: only pairs whose simplified side occurs in it.
 * Pass the corpus's traditional edition too (same text, converted) to cover the characters
 * OpenCC's phrase tables produce that its character table does not fold back (瞭解 → 了解,
 * 反覆 → 反复): those are aligned character by character and added.
 */
export function buildFoldMap(corpusSimplifiedText: string, corpusTraditionalText?: string): FoldMap {
  const present = new Set(Array.from(corpusSimplifiedText));
  const pairs = fullFoldPairs().filter(([, s]) => present.has(s));
  if (corpusTraditionalText !== undefined) {
    const source = Array.from(corpusSimplifiedText);
    const target = Array.from(corpusTraditionalText);
    if (source.length !== target.length)
      throw new Error(
        'buildFoldMap: the traditional text must have as many characters as the simplified one',
      );
    const fold = new Map(fullFoldPairs());
    const simplified = new Set(fold.values());
    const added = new Map<string, string>();
    source.forEach((s, i) => {
      const t = target[i] ?? s;
      // Same guards as for variants: never fold a character that is itself a fold target.
      if (t === s || fold.has(t) || simplified.has(t) || added.has(t)) return;
      const folded = fold.get(s) ?? s;
      if (folded !== t) added.set(t, folded);
    });
    pairs.push(...added);
    pairs.sort(([a], [b]) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
  }
  return toFoldMap(pairs);
}
