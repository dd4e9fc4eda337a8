/**
 * Which simplified characters have more than one traditional form, and where they occur in a
 * text: the work list for reviewing a conversion. opencc-js keeps only the first candidate of
 * each STCharacters entry, so the other candidates are recovered from its own dictionaries: the
 * forms a character takes inside STPhrases entries, and every traditional character that
 * TSCharacters maps back to it (发 ← 發 髮).
 * @example ambiguousCharacters().get('发') // ['發', '髮']
 */
import { Trie, dictPairs, foldDicts, s2tDicts } from './opencc.ts';

let cached: ReadonlyMap<string, readonly string[]> | undefined;

/** Simplified character → its traditional candidates, for characters with at least two. */
export function ambiguousCharacters(): ReadonlyMap<string, readonly string[]> {
  if (cached) return cached;
  const forms = new Map<string, Set<string>>();
  const add = (s: string, t: string): void => {
    let set = forms.get(s);
    if (!set) forms.set(s, (set = new Set()));
    set.add(t);
  };
  for (const [s, t] of dictPairs(s2tDicts.STCharacters)) add(s, t);
  for (const [s, t] of [...dictPairs(s2tDicts.STPhrases), ...dictPairs(s2tDicts.STRegionalPhrases)]) {
    const source = Array.from(s);
    const target = Array.from(t);
    // Only same-length entries align character by character.
    if (source.length === target.length) source.forEach((c, i) => add(c, target[i] ?? c));
  }
  for (const [t, s] of dictPairs(foldDicts.TSCharacters)) if (Array.from(s).length === 1) add(s, t);
  cached = new Map([...forms].filter(([, set]) => set.size > 1).map(([s, set]) => [s, [...set]] as const));
  return cached;
}

/** A phrase of a text that contains an ambiguous character; offsets are UTF-16 indices. */
export interface AmbiguousPhrase {
  phrase: string;
  start: number;
  end: number;
}

let segmenter: Trie | undefined;
const HAN = /^\p{Script=Han}$/u;

/**
 * The phrases to review in a text: OpenCC's own segmentation (the same longest-match over the s2t
 * dictionaries that decides the conversion); a character OpenCC converts on its own is shown with
 * one Han neighbour on each side, so the reviewer sees its context.
 */
export function findAmbiguousPhrases(text: string): AmbiguousPhrase[] {
  const ambiguous = ambiguousCharacters();
  if (!segmenter) {
    segmenter = new Trie();
    segmenter.loadDictGroup([s2tDicts.STPhrases, s2tDicts.STRegionalPhrases, s2tDicts.STCharacters]);
  }
  const found: AmbiguousPhrase[] = [];
  for (let i = 0; i < text.length;) {
    const match = segmenter.matchPrefix(text, i);
    const end = match ? match.end : i + ((text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1);
    const segment = text.slice(i, end);
    if (Array.from(segment).some((c) => ambiguous.has(c))) {
      let start = i;
      let stop = end;
      if (Array.from(segment).length === 1) {
        if (start > 0 && HAN.test(text[start - 1] ?? '')) start -= 1;
        if (stop < text.length && HAN.test(text[stop] ?? '')) stop += 1;
      }
      found.push({ phrase: text.slice(start, stop), start, end: stop });
    }
    i = end;
  }
  return found;
}
