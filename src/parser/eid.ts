/**
 * Anchor stage: sets `eId` on every provision, following docs/anchors.md and the grammar in
 * src/anchors/eid.ts (Akoma Ntoso Naming Convention 1.0, §5.3 “eId”): an element's id is its
 * parent's id, `__`, the element's short name, `_`, and its number. Articles are unique in a
 * document, so their ids start afresh (`art_25`, not `chp_2__art_25`), as in AKN practice and
 * Laws.Africa's generator. Numbers come from the provision's own label, never from its
 * position, so editing one provision never moves another's anchor. Guarantees: every eId in a
 * tree is unique — a number the source repeats gets `_2`, `_3` … on its later occurrences.
 */
import type { Article, Attachment, Block, Document, ListEntry, Note, Paragraph } from './types.ts';
import { childEId, formatNumber, type EIdStep, type Unit } from '../anchors/eid.ts';

/** The number part of an eId: 10, or 10-1 for 第十条之一. */
export function eIdNumber(n: { num: number; sub?: number }): string {
  return formatNumber(n);
}

/** Anchor of an article. @example articleEId({ num: 10, sub: 1 }) // 'art_10-1' */
export function articleEId(n: { num: number; sub?: number }): string {
  return childEId('', { unit: 'article', num: n.num, ...(n.sub === undefined ? {} : { sub: n.sub }) });
}

const UNIT: Record<string, Unit> = {
  part: 'part',
  subpart: 'subpart',
  chapter: 'chapter',
  section: 'section',
  division: 'division',
  hcontainer: 'hcontainer',
  article: 'article',
  paragraph: 'paragraph',
  item: 'item',
  subitem: 'subitem',
  point: 'point',
  attachment: 'attachment',
  note: 'note',
};

const isListEntryType = (t: string) => t === 'item' || t === 'subitem' || t === 'point';

/** Set eIds on the whole tree (in place) and return it. */
export function assignEIds(doc: Document): Document {
  const used = new Set<string>();
  /** The eId for a child, with a repeat suffix when the source repeats a number. */
  const unique = (parent: string, type: string, n: { num: number; sub?: number }): string => {
    const step: EIdStep = { unit: UNIT[type]!, num: n.num, ...(n.sub === undefined ? {} : { sub: n.sub }) };
    let eId = childEId(parent, step);
    for (let repeat = 2; used.has(eId); repeat++) eId = childEId(parent, { ...step, repeat });
    used.add(eId);
    return eId;
  };
  const entry = (node: ListEntry, parent: string) => {
    node.eId = unique(parent, node.type, node);
    for (const c of node.children as Array<{ type: string }>)
      if (isListEntryType(c.type)) entry(c as ListEntry, node.eId);
  };
  const paragraph = (p: Paragraph, parent: string) => {
    p.eId = unique(parent, 'paragraph', p);
    for (const c of p.children) if (c.type === 'item') entry(c, p.eId);
  };
  const article = (a: Article) => {
    a.eId = unique('', 'article', a);
    for (const p of a.children) paragraph(p, a.eId);
  };
  const block = (node: Block | Attachment | Note, parent: string) => {
    switch (node.type) {
      case 'article':
        article(node);
        return;
      case 'paragraph':
        paragraph(node, parent);
        return;
      case 'note':
        node.eId = unique('', 'note', node);
        return;
      case 'attachment':
        node.eId = unique('', 'attachment', node);
        for (const p of node.children) paragraph(p, node.eId);
        return;
      default:
        node.eId = unique(parent, node.type, node);
        for (const c of node.children) block(c, node.eId);
    }
  };
  for (const child of doc.children) block(child, '');
  return doc;
}
