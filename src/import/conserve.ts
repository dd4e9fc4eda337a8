/**
 * The conservation check: no text disappears silently. The characters of the original's body
 * must equal those of source.txt plus the listed left-out lines plus removed syntax, less the
 * labels the reader added (white space aside, which indents and line breaks change).
 */
import { charCounts } from './text-lines.ts';
import type { Extracted } from './types.ts';

export interface Conservation {
  ok: boolean;
  /** Characters of the original found neither in source.txt nor in a listed left-out line. */
  missing: string;
  /** Characters of source.txt that the original does not have. */
  extra: string;
}

function subtract(a: Map<string, number>, b: Map<string, number>): string {
  let out = '';
  for (const [ch, n] of a) {
    const d = n - (b.get(ch) ?? 0);
    if (d > 0) out += ch.repeat(Math.min(d, 20));
  }
  return out;
}

/**
 * Compare the body of the original with what the import wrote and listed.
 * @example conserve({ body: 'ab', lines: ['a'], leftOut: [{ text: 'b', reason: 'x' }], markup: '', added: '' }).ok
 *   // true
 */
export function conserve(
  x: Pick<Extracted, 'body' | 'lines' | 'leftOut' | 'markup' | 'added'>,
): Conservation {
  const before = charCounts(x.body + x.added);
  const after = charCounts(x.lines.join('\n') + x.leftOut.map((l) => l.text).join('\n') + x.markup);
  const missing = subtract(before, after);
  const extra = subtract(after, before);
  return { ok: missing === '' && extra === '', missing, extra };
}
