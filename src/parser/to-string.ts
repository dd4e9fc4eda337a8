/**
 * Tree → text: the text of a node with its labels, one provision per line, in source order.
 * Used for the round-trip guarantee (source = dropped lines + tree text, modulo whitespace)
 * and for search and previews.
 */
import type { Phrasing, RegNode } from './types.ts';
import { isPhrasing } from './types.ts';

/** The text of inline content. @example phrasingText([{ type: 'text', value: '甲' }]) // '甲' */
export function phrasingText(nodes: readonly Phrasing[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : phrasingText(n.children))).join('');
}

/** The lines of a node, labels included. */
export function toLines(node: RegNode): string[] {
  switch (node.type) {
    case 'text':
      return [node.value];
    case 'reference':
      return [phrasingText(node.children)];
    case 'document':
      return node.children.flatMap(toLines);
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
    case 'division':
    case 'hcontainer':
    case 'attachment':
      return [[node.label, node.heading].filter(Boolean).join(' '), ...node.children.flatMap(toLines)];
    case 'article': {
      const [first, ...rest] = node.children.flatMap(toLines);
      return [`${node.label}${first ?? ''}`, ...rest];
    }
    case 'continuation':
      return [phrasingText(node.children)];
    case 'note':
    case 'paragraph':
    case 'item':
    case 'subitem':
    case 'point': {
      const children = node.children as RegNode[];
      const inline = children.filter((c): c is Phrasing => isPhrasing(c));
      const blocks = children.filter((c) => !isPhrasing(c));
      const label = node.type === 'paragraph' ? '' : node.label;
      const own = inline.length > 0 || label !== '' ? [`${label}${phrasingText(inline)}`] : [];
      return [...own, ...blocks.flatMap(toLines)];
    }
  }
}

/** The text of a node, lines joined with \n. */
export function toText(node: RegNode): string {
  return toLines(node).join('\n');
}
