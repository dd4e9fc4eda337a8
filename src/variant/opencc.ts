/**
 * The build-time OpenCC pieces used by the conversion: the cn → t converter (OpenCC standard
 * traditional, characters only, no regional vocabulary) and the raw dictionaries it is made of.
 * Everything comes from opencc-js's `esm-lib` build so the dictionaries are loaded once.
 * @example openccCnToT('发展') // '發展'
 */
import { ConverterBuilder, Trie } from 'opencc-js/core';
import * as cn2t from 'opencc-js/preset/cn2t';
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import STRegionalPhrases from 'opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

export { Trie };

/** OpenCC cn → t exactly as opencc-js does it (the s2t configuration): the unfixed baseline. */
export const openccCnToT: (text: string) => string = ConverterBuilder(cn2t)({ from: 'cn', to: 't' });

/** Split a serialised OpenCC dictionary into [source, replacement] pairs. */
export function dictPairs(dict: string): Array<[string, string]> {
  return dict.split('|').map((entry) => {
    const [source = '', replacement = ''] = entry.split(' ');
    return [source, replacement];
  });
}

/** The dictionaries s2t converts with, highest priority first (as the s2t config lists them). */
export const s2tDicts = { STPhrases, STRegionalPhrases, STCharacters } as const;

/** Traditional → simplified characters, plus the Taiwan/Hong Kong variant → OpenCC-standard tables. */
export const foldDicts = { TSCharacters, TWVariantsRev, HKVariantsRev } as const;
