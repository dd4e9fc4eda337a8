/** Counts of the units of a tree, for the CLI summary and the build log. */
import type { Document, RegNode } from './types.ts';

export interface TreeStats {
  chapters: number;
  sections: number;
  articles: number;
  paragraphs: number;
  items: number;
  subitems: number;
  dropped: number;
}

/** @example treeStats(doc).articles // 87 */
export function treeStats(doc: Document): TreeStats {
  const s: TreeStats = { chapters: 0, sections: 0, articles: 0, paragraphs: 0, items: 0, subitems: 0, dropped: doc.data.dropped.length };
  const walk = (n: RegNode) => {
    switch (n.type) {
      case 'chapter': s.chapters++; break;
      case 'section': s.sections++; break;
      case 'article': s.articles++; break;
      case 'paragraph': s.paragraphs++; break;
      case 'item': s.items++; break;
      case 'subitem': s.subitems++; break;
      default: break;
    }
    if ('children' in n) for (const c of n.children) walk(c as RegNode);
  };
  walk(doc);
  return s;
}
