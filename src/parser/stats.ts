/** Counts of the units of a tree, for the CLI summary and the build log. */
import { visit } from 'unist-util-visit';
import type { Document } from './types.ts';

export interface TreeStats {
  parts?: number;
  subparts?: number;
  chapters: number;
  sections: number;
  /** Group headings (一、总体要求) and unnumbered headings (附则). */
  headings?: number;
  articles: number;
  paragraphs: number;
  items: number;
  subitems: number;
  /** List entries below sub-items. */
  points?: number;
  attachments?: number;
  notes?: number;
  dropped: number;
}

/** @example treeStats(doc).articles // 87 */
export function treeStats(doc: Document): TreeStats {
  const s: TreeStats = {
    parts: 0,
    subparts: 0,
    chapters: 0,
    sections: 0,
    headings: 0,
    articles: 0,
    paragraphs: 0,
    items: 0,
    subitems: 0,
    points: 0,
    attachments: 0,
    notes: 0,
    dropped: doc.data.dropped.length,
  };
  const key: Record<string, keyof TreeStats> = {
    part: 'parts',
    subpart: 'subparts',
    chapter: 'chapters',
    section: 'sections',
    division: 'headings',
    hcontainer: 'headings',
    article: 'articles',
    paragraph: 'paragraphs',
    item: 'items',
    subitem: 'subitems',
    point: 'points',
    attachment: 'attachments',
    note: 'notes',
  };
  visit(doc, (node) => {
    const k = key[node.type];
    if (k) s[k] = (s[k] ?? 0) + 1;
  });
  return s;
}
