/**
 * Anchor stage: sets `eId` on every provision, following docs/anchors.md.
 * Akoma Ntoso naming convention (OASIS AKN 1.0, Naming Convention §5.3 “eId”):
 * an element's id is its parent's id, `__`, the element's short name, `_`, and its number.
 * Articles are unique in a document, so their ids start afresh (`art_25`, not `chp_2__art_25`),
 * as in AKN practice and Laws.Africa's generator. Numbers come from the provision's own label,
 * never from its position, so editing one provision never moves another's anchor.
 */
import type { Article, Chapter, Document, Item, Paragraph, Section, SubItem } from './types.ts';

/** The number part of an eId: 10, or 10-1 for 第十条之一. */
export function eIdNumber(n: { num: number; sub?: number }): string {
  return n.sub === undefined ? String(n.num) : `${n.num}-${n.sub}`;
}

/** Anchor of an article. @example articleEId({ num: 10, sub: 1 }) // 'art_10-1' */
export function articleEId(n: { num: number; sub?: number }): string {
  return `art_${eIdNumber(n)}`;
}

/** Set eIds on the whole tree (in place) and return it. */
export function assignEIds(doc: Document): Document {
  for (const child of doc.children) {
    if (child.type === 'chapter') chapterIds(child);
    else if (child.type === 'section') sectionIds(child, '');
    else articleIds(child);
  }
  return doc;
}

function chapterIds(chapter: Chapter): void {
  chapter.eId = `chp_${eIdNumber(chapter)}`;
  for (const child of chapter.children) {
    if (child.type === 'section') sectionIds(child, `${chapter.eId}__`);
    else articleIds(child);
  }
}

function sectionIds(section: Section, prefix: string): void {
  section.eId = `${prefix}sec_${eIdNumber(section)}`;
  for (const article of section.children) articleIds(article);
}

function articleIds(article: Article): void {
  article.eId = articleEId(article);
  for (const paragraph of article.children) paragraphIds(paragraph, article.eId);
}

function paragraphIds(paragraph: Paragraph, prefix: string): void {
  paragraph.eId = `${prefix}__para_${paragraph.num}`;
  for (const child of paragraph.children) if (child.type === 'item') itemIds(child, paragraph.eId);
}

function itemIds(item: Item, prefix: string): void {
  item.eId = `${prefix}__item_${eIdNumber(item)}`;
  for (const child of item.children) if (child.type === 'subitem') subitemIds(child, item.eId);
}

function subitemIds(sub: SubItem, prefix: string): void {
  sub.eId = `${prefix}__subitem_${eIdNumber(sub)}`;
}
