/** Internal references (第五条第二款, 前款, 第六条至第八条) → a link to the first target. */
import type { InternalReference } from '../nodes.ts';
import { labelsOf, localHref, offPagePreview, type RefPage } from '../page.ts';
import { classes, unresolved, type RefView } from './view.ts';

export function internalView(node: InternalReference, page: RefPage): RefView {
  const fragment = node.target?.startsWith('#') ? node.target.slice(1) : undefined;
  if (!fragment) return unresolved(node, page);
  const targets = node.data?.targets ?? [node.data?.eId ?? fragment];
  return {
    tag: 'a',
    attrs: {
      class: classes(node),
      href: localHref(page, targets[0]!),
      'data-ref': '',
      'data-label': labelsOf(page, targets),
      'data-targets': targets.length > 1 ? targets.join(' ') : undefined,
      ...offPagePreview(page, targets[0]!),
    },
  };
}
