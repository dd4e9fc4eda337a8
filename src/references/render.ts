/** Rendering a reference node: one small handler per kind (src/references/handlers/). */
import type { Reference } from '../parser/types.ts';
import { typed } from './nodes.ts';
import type { RefPage } from './page.ts';
import { citationView } from './handlers/citation.ts';
import { internalView } from './handlers/internal.ts';
import { selfView } from './handlers/self.ts';
import { termView } from './handlers/term.ts';
import type { RefView } from './handlers/view.ts';

export type { RefView };

/**
 * The element and attributes a reference node renders as.
 * @example refView(node, page) // { tag: 'a', attrs: { href: '#art_5__para_2', … } }
 */
export function refView(node: Reference, page: RefPage): RefView {
  const ref = typed(node);
  switch (ref.kind) {
    case 'internal':
      return internalView(ref, page);
    case 'citation':
      return citationView(ref, page);
    case 'self':
      return selfView(ref, page);
    case 'term':
      return termView(ref, page);
  }
}
