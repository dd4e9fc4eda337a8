/** The anchors (eIds) of every provision of a tree, to check pinpoints into it. */
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { Document } from '../parser/types.ts';

/**
 * @example provisionIds(tree).has('art_14__para_2') // true when 第十四条 has a second paragraph
 */
export function provisionIds(tree: Document): Set<string> {
  const ids = new Set<string>();
  visit(tree as Node, (node) => {
    const eId = (node as { eId?: unknown }).eId;
    if (typeof eId === 'string') ids.add(eId);
    return node.type === 'text' || node.type === 'reference' ? 'skip' : undefined;
  });
  return ids;
}
