/** The plain text of a provision in a tree, by eId (labels of items included). */
import type { Document, RegNode } from '../parser/types.ts';
import { toLines } from '../parser/to-string.ts';

/**
 * @example provisionTextOf(tree, 'art_1') // '第一条为了……'
 */
export function provisionTextOf(tree: Document, eId: string): string | undefined {
  let found: RegNode | undefined;
  const walk = (n: RegNode) => {
    if (found) return;
    if ('eId' in n && n.eId === eId) found = n;
    else if ('children' in n)
      for (const c of n.children) if (c.type !== 'text' && c.type !== 'reference') walk(c as RegNode);
  };
  walk(tree);
  return found && toLines(found).join('');
}
