/** 本规则, 本办法 → not a link (a jump to the top would lose the reader's place): a span naming the document. */
import type { SelfReference } from '../nodes.ts';
import { titleIn, type RefPage } from '../page.ts';
import { classes, type RefView } from './view.ts';

export function selfView(node: SelfReference, page: RefPage): RefView {
  const title = node.data?.title ?? (page.entry ? titleIn(page.entry, page) : undefined);
  return { tag: 'span', attrs: { class: classes(node), title: title && `《${title}》` } };
}
