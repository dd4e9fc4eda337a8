/** What a reference renders as, shared by the handlers: an element and its attributes. */
import type { TypedReference } from '../nodes.ts';
import type { RefPage } from '../page.ts';

export interface RefView {
  tag: 'a' | 'cite' | 'span';
  attrs: Record<string, string | undefined>;
}

/** `ref ref--<kind>` and any extra classes. */
export const classes = (node: TypedReference, ...extra: string[]) =>
  ['ref', `ref--${node.kind}`, ...extra].join(' ');

/** A reference that resolves to nothing: plain text with a quiet style. */
export function unresolved(node: TypedReference, page: RefPage): RefView {
  const reason = node.kind === 'internal' ? node.data?.unresolved : undefined;
  return {
    tag: 'span',
    attrs: {
      class: classes(node, 'ref--unresolved'),
      title: reason ? page.t('未能确定所指条款') : undefined,
    },
  };
}
