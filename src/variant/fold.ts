/**
 * Script folding for search, in the browser: traditional (and Taiwan/Hong Kong variant)
 * characters → simplified, one code point for one code point, identity for anything not in the
 * map. Apply the same fold, with the same map, to the indexed text and to the query: it is a
 * function of the character alone (no context), so 會議 and 会议 fold to the same string even
 * where a character is ambiguous (乾 and 幹 both fold to 干, as does 干 itself). The map is
 * idempotent: no character it produces is itself folded again.
 * @example foldToSimplified('會議', { from: '會議', to: '会议' }) // '会议'
 */

/**
 * The compact map: `from[i]` folds to `to[i]`, counted in code points; both strings have the same
 * number of code points. Plain JSON, so it can be inlined in a page or fetched.
 */
export interface FoldMap {
  readonly from: string;
  readonly to: string;
}

const lookups = new WeakMap<FoldMap, Map<string, string>>();

/** The Map behind a FoldMap, built once per map object (the function stays pure). */
function lookup(map: FoldMap): Map<string, string> {
  let table = lookups.get(map);
  if (!table) {
    const from = Array.from(map.from);
    const to = Array.from(map.to);
    if (from.length !== to.length)
      throw new Error(`fold map: ${from.length} characters in "from" but ${to.length} in "to"`);
    table = new Map(from.map((c, i) => [c, to[i] ?? c] as const));
    lookups.set(map, table);
  }
  return table;
}

/** Fold text to simplified characters, character by character. */
export function foldToSimplified(text: string, map: FoldMap): string {
  const table = lookup(map);
  let out = '';
  for (const c of text) out += table.get(c) ?? c;
  return out;
}
