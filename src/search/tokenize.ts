/**
 * Normalised text → index tokens, and query → Pagefind query string.
 *
 * A run of normalised text c0 c1 … cn-1 becomes the overlapping bigrams c0c1, c1c2, …,
 * cn-2cn-1 followed by the last character alone (cn-1). The index is built with a language
 * Pagefind does not segment (see build-index.ts), so each token is one Pagefind word and the
 * tokens of a run sit at consecutive word positions.
 *
 * A query of two or more characters becomes its bigrams, quoted: Pagefind's exact (phrase)
 * search then requires every bigram, each matched whole (no prefix matching), at consecutive
 * positions — which is exactly "the normalised query is a substring of the run". The closing
 * unigram of each run keeps phrases from crossing into the next run (no bigram spans two runs).
 * A single character is searched unquoted, as a prefix: it matches any bigram starting with it
 * and the closing unigram of a run ending with it.
 *
 * Every result is verified again in the client against the normalised display text, so the
 * precision does not depend on these index-side arguments.
 */

/** The code points of a string (astral Han characters count as one). */
export function chars(text: string): string[] {
  return Array.from(text);
}

/** Index tokens of one normalised run. */
export function runTokens(normalized: string): string[] {
  const cs = chars(normalized);
  if (cs.length === 0) return [];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) tokens.push(cs[i]! + cs[i + 1]!);
  tokens.push(cs[cs.length - 1]!);
  return tokens;
}

/** The Pagefind content of a record: the tokens of all its runs, space-separated. */
export function contentTokens(normalizedRuns: readonly string[]): string {
  return normalizedRuns.flatMap(runTokens).join(' ');
}

/** The bigrams of a normalised query (no closing unigram). */
export function queryBigrams(normalized: string): string[] {
  const cs = chars(normalized);
  const out: string[] = [];
  for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  return out;
}

/**
 * The Pagefind search term for a normalised query: `"b1 b2 …"` for two or more characters,
 * the character itself for one, `null` for none. At most `maxTokens` consecutive bigrams (the
 * start of the query) are sent: each bigram may live in a different index chunk, so this bounds
 * the bytes a query fetches; the client verifies the whole query on every candidate anyway.
 * @example pagefindQuery('会议制度') // '"会议 议制 制度"'
 */
export function pagefindQuery(normalized: string, maxTokens = 3): string | null {
  const cs = chars(normalized);
  if (cs.length === 0) return null;
  if (cs.length === 1) return cs[0]!;
  return `"${queryBigrams(normalized).slice(0, Math.max(1, maxTokens)).join(' ')}"`;
}
