/**
 * The regulation syntax tree (“regtree”). The written spec is docs/tree-spec.md;
 * keep the two in step. Nodes follow unist: `type`, optional `position` into the
 * source text, `children` on parents, `value` on literals; everything is plain JSON.
 */
import type { Position } from 'unist';

export type { Position };

/** How a document numbers its articles: `第一条` (tiao) or `一、` (dun, 顿号 style). */
export type ArticleStyle = 'tiao' | 'dun';

/** Why a source line is not part of the rules. */
export type DropReason =
  | 'title' // the title line of the published text (a metadata hint)
  | 'note' // the adoption / amendment note under the title （…通过）
  | 'toc' // the 目录 block listing chapter headings before the body
  | 'preamble' // other text before the body (e.g. a web page's wrapper)
  | 'trailer' // text after the last article (share buttons, signatures)
  | 'orphan'; // body text that fits nowhere (always reported as an error)

/** A source line kept aside: not rendered, but accounted for. */
export interface DroppedLine {
  line: number; // 1-based line in the source
  text: string; // the line as it stands in the source (no line ending)
  reason: DropReason;
}

/** Inline content. Later transforms add reference nodes here; today only text. */
export interface Text {
  type: 'text';
  value: string;
  position?: Position;
}

/** Inline reference added by the cross-reference transform (issue 5). */
export interface Reference {
  type: 'reference';
  /** internal: a provision of this document; citation: a 《…》 title or 文号; self: 本规则…; term: a defined term. */
  kind: 'internal' | 'citation' | 'self' | 'term';
  /** Where it points: `#art_5__para_2`, `/slug/#art_12`, or undefined when unresolved. */
  target?: string;
  data?: Record<string, unknown>;
  children: Text[];
  position?: Position;
}

export type Phrasing = Text | Reference;

interface Numbered {
  /** The number as an integer (第十条之一 → 10). */
  num: number;
  /** The 之一 / 之二 suffix as an integer, when present (第十条之一 → 1). */
  sub?: number;
  /** The label exactly as the source writes it: `第一章`, `第二十五条`, `二十五、`, `(一)`, `1.`. */
  label: string;
  /** The permanent anchor (Akoma Ntoso eId style); see docs/anchors.md. Set by `assignEIds`. */
  eId: string;
  position?: Position;
}

export interface SubItem extends Numbered {
  type: 'subitem';
  children: Phrasing[];
}

export interface Item extends Numbered {
  type: 'item';
  /** Phrasing first, then sub-items. */
  children: Array<Phrasing | SubItem>;
}

/** 款: a paragraph of an article. `num` counts paragraphs within the article from 1. */
export interface Paragraph {
  type: 'paragraph';
  num: number;
  eId: string;
  /** Phrasing first, then items. */
  children: Array<Phrasing | Item>;
  position?: Position;
}

export interface Article extends Numbered {
  type: 'article';
  children: Paragraph[];
}

export interface Section extends Numbered {
  type: 'section';
  /** The heading after the label (`总则`), as in the source, trimmed. */
  heading: string;
  children: Article[];
}

export interface Chapter extends Numbered {
  type: 'chapter';
  heading: string;
  children: Array<Section | Article>;
}

export interface DocumentData {
  articleStyle: ArticleStyle;
  /** Lines that are not part of the rules, in source order. */
  dropped: DroppedLine[];
  /** Metadata hints from the front matter. */
  hints: { title?: string; note?: string };
}

export interface Document {
  type: 'document';
  /** Chapters, or articles when the document has no chapters; a section only in broken input. */
  children: Array<Chapter | Section | Article>;
  data: DocumentData;
  position?: Position;
}

export type Provision = Chapter | Section | Article | Paragraph | Item | SubItem;
export type RegNode = Document | Provision | Phrasing;
