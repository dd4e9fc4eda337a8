/** Defined terms → a link to the provision that defines them. */
import type { TermReference } from '../nodes.ts';
import { labelIn, localHref, type RefPage } from '../page.ts';
import { classes, unresolved, type RefView } from './view.ts';

export function termView(node: TermReference, page: RefPage): RefView {
  const eId = node.data?.eId ?? (node.target?.startsWith('#') ? node.target.slice(1) : undefined);
  if (!eId) return unresolved(node, page);
  return {
    tag: 'a',
    attrs: {
      class: classes(node),
      href: localHref(page, eId),
      'data-ref': '',
      'data-label': `${node.data?.term ?? ''}：${labelIn(page, eId)}`,
    },
  };
}
