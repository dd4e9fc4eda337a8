/**
 * The “nothing lost” guarantee, checked: the source text equals the dropped lines plus the
 * tree's text (labels, headings, text nodes), in source order, ignoring whitespace.
 */
import type { Document, RegNode } from './types.ts';

const WS = /[\s\u00a0\u3000\ufeff\u200b-\u200d\u2060]+/g;

interface Piece {
  line: number;
  column: number;
  text: string;
}

function pieces(node: RegNode, out: Piece[]): void {
  const at = node.position?.start;
  if (node.type === 'text') {
    if (at) out.push({ line: at.line, column: at.column, text: node.value });
    return;
  }
  if (at && 'label' in node) {
    const heading = 'heading' in node ? node.heading : '';
    out.push({ line: at.line, column: at.column, text: node.label + heading });
  }
  if ('children' in node) for (const c of node.children) pieces(c as RegNode, out);
}

/**
 * Compare a tree with its source. Returns the number of characters (whitespace ignored) by
 * which they differ: 0 when every character is accounted for.
 * @example unaccounted(parseRegulation(text).tree, text) // 0
 */
export function unaccounted(doc: Document, source: string): { missing: number; firstDifference?: number } {
  const list: Piece[] = [];
  pieces(doc, list);
  for (const d of doc.data.dropped) list.push({ line: d.line, column: 0, text: d.text });
  list.sort((a, b) => a.line - b.line || a.column - b.column);
  const rebuilt = list
    .map((p) => p.text)
    .join('')
    .replace(WS, '');
  const original = source.replace(WS, '');
  if (rebuilt === original) return { missing: 0 };
  let i = 0;
  while (i < rebuilt.length && i < original.length && rebuilt[i] === original[i]) i++;
  return { missing: Math.max(1, Math.abs(original.length - rebuilt.length)), firstDifference: i };
}
