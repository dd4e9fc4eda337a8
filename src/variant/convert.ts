/**
 * Simplified → traditional conversion of regulation text: OpenCC cn → t (characters and
 * OpenCC's phrase-based disambiguation of one-to-many characters, never regional vocabulary),
 * with the reviewed overrides winning over it.
 * @example createConverter(loadOverrides())('会签意见') // '會簽意見' (OpenCC alone: '會籤意見')
 */
import { Trie, openccCnToT } from './opencc.ts';
import type { Overrides } from './overrides.ts';

export { loadOverrides, parseOverrides, type Overrides } from './overrides.ts';

/** Build the converter for a set of overrides. */
export function createConverter(overrides: Overrides): (simplified: string) => string {
  const phrases = new Trie();
  for (const { phrase, to } of overrides.phrases) phrases.addWord(phrase, to);
  const preferred = new Map(overrides.characters.map((c) => [c.from, c.to] as const));
  // Character preferences act on OpenCC's output only: phrase overrides are already final.
  const opencc = (run: string): string => {
    if (run === '') return '';
    const converted = openccCnToT(run);
    return preferred.size === 0 ? converted : Array.from(converted, (c) => preferred.get(c) ?? c).join('');
  };
  return (simplified) => {
    let out = '';
    let runStart = 0;
    for (let i = 0; i < simplified.length;) {
      // At each position the longest override wins; OpenCC only sees the text between overrides.
      const match = phrases.matchPrefix(simplified, i);
      if (match) {
        out += opencc(simplified.slice(runStart, i)) + match.value;
        i = match.end;
        runStart = i;
      } else {
        i += (simplified.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      }
    }
    return out + opencc(simplified.slice(runStart));
  };
}
