/**
 * The regulation syntax tree (“regtree”). The written spec is docs/tree-spec.md; keep the two
 * in step (tests/parser/spec.test.ts validates every fixture tree against these types' rules).
 * Nodes extend unist: `type`, optional `position` into the source text, `children` on parents,
 * `value` on literals; everything is plain JSON.
 */
import type { Data, Literal, Node, Parent, Position } from 'unist';

export type { Position };

/**
 * How a document numbers its articles: `第一条` (tiao), `一、` (dun, 顿号 style), `1.` / `1、`
 * under 一、 group headings (digit, as judicial interpretations and notices do), or not at all
 * (none: a 决定 or a notice published as paragraphs).
 */
export type ArticleStyle = 'tiao' | 'dun' | 'digit' | 'none';

/** Why a source line is not part of the rules. */
export type DropReason =
  | 'title' // the title line of the published text (a metadata hint)
  | 'note' // the adoption / amendment note under the title （…通过）
  | 'toc' // the 目录 block (or an unlabelled chapter list) before the body
  | 'preamble' // other text before the body (e.g. a web page's wrapper)
  | 'trailer' // text after the last article (share buttons, signatures)
  | 'orphan'; // body text that fits nowhere (always reported)

/** A source line kept aside: not rendered, but accounted for. */
export interface DroppedLine {
  line: number; // 1-based line in the source
  text: string; // the line as it stands in the source (no line ending)
  reason: DropReason;
}

/** Inline text: the words of a line after its label. */
export interface Text extends Literal {
  type: 'text';
  value: string;
}

/** Inline reference added by the cross-reference transform (src/references). */
export interface Reference extends Parent {
  type: 'reference';
  /** internal: a provision of this document; citation: a 《…》 title or 文号; self: 本规则…; term: a defined term. */
  kind: 'internal' | 'citation' | 'self' | 'term';
  /** Where it points: `#art_5__para_2`, `/slug/#art_12`, or undefined when unresolved. */
  target?: string;
  data?: Data & Record<string, unknown>;
  children: Text[];
}

export type Phrasing = Text | Reference;

/** A numbered unit: its number, its label as written, and its anchor. */
interface Numbered {
  /** The number as an integer (第十条之一 → 10). */
  num: number;
  /** The 之一 / 之二 suffix as an integer, when present (第十条之一 → 1). */
  sub?: number;
  /** The label exactly as the source writes it: `第一章`, `第二十五条`, `二十五、`, `(一)`, `1.`. */
  label: string;
  /** The permanent anchor (Akoma Ntoso eId style); see docs/anchors.md. Set by `assignEIds`. */
  eId: string;
}

/**
 * A line that continues a list entry after its first line: an item that runs on over several
 * paragraphs (（一）…, an unnumbered line, （二）…). No anchor of its own: it belongs to the entry.
 */
export interface Continuation extends Parent {
  type: 'continuation';
  children: Phrasing[];
}

/** A list entry below an item: 目 (`1.` `⒈` `1、`), then `（1）` `⑴`, then `①`. */
export interface SubItem extends Parent, Numbered {
  type: 'subitem';
  /** Phrasing first, then continuations and entries one level down. */
  children: Array<Phrasing | Continuation | Point>;
}

/** A list entry two or more levels below an item (（一）→ 1. → （1） → ①). */
export interface Point extends Parent, Numbered {
  type: 'point';
  children: Array<Phrasing | Continuation | Point>;
}

/** 项: an entry `（一）` / `(一)` of a paragraph. */
export interface Item extends Parent, Numbered {
  type: 'item';
  /** Phrasing first, then continuations and sub-items. */
  children: Array<Phrasing | Continuation | SubItem>;
}

/** 款: a paragraph of an article (or text of a heading's own, e.g. a 序言). Counted from 1. */
export interface Paragraph extends Parent {
  type: 'paragraph';
  num: number;
  eId: string;
  /** Phrasing first, then items. */
  children: Array<Phrasing | Item>;
}

/** 条: an article. */
export interface Article extends Parent, Numbered {
  type: 'article';
  children: Paragraph[];
}

/** What a heading container may hold. */
export type Block = Container | Article | Paragraph;

/** A heading with its label and its text (`第一章` + `总则`). */
interface Heading extends Parent {
  /** The heading after the label (`总则`), as in the source, trimmed. */
  heading: string;
  children: Block[];
}

/** 编: a part, above chapters (民法典, 刑法). Chapters restart in each part. */
export interface Part extends Heading, Numbered {
  type: 'part';
}

/** 分编: a sub-part within a part. Chapters run on through a part's sub-parts. */
export interface Subpart extends Heading, Numbered {
  type: 'subpart';
}

/** 章: a chapter. */
export interface Chapter extends Heading, Numbered {
  type: 'chapter';
}

/** 节: a section within a chapter. */
export interface Section extends Heading, Numbered {
  type: 'section';
}

/** A numbered group heading above articles: 一、总体要求 over 第X条, or over articles 1. 2. … */
export interface Division extends Heading, Numbered {
  type: 'division';
}

/**
 * An unnumbered heading: 序言, 总则, 附则, or a heading whose 第X章 label the source lost.
 * `label` is '' and `num` counts such headings among their siblings (Akoma Ntoso hcontainer).
 */
export interface HContainer extends Heading, Numbered {
  type: 'hcontainer';
}

export type Container = Part | Subpart | Chapter | Section | Division | HContainer;

/** 附件 / 附表 / 附录 after the last article: an attachment of the document. */
export interface Attachment extends Parent, Numbered {
  type: 'attachment';
  heading: string;
  children: Paragraph[];
}

/** A note or footnote after the body (① …, 注：…): shown with the document, never a 款. */
export interface Note extends Parent, Numbered {
  type: 'note';
  children: Phrasing[];
}

export interface DocumentData extends Data {
  articleStyle: ArticleStyle;
  /** Lines that are not part of the rules, in source order. */
  dropped: DroppedLine[];
  /** Metadata hints from the front matter. */
  hints: { title?: string; note?: string };
  /** Physical lines joined into one because the source was hard-wrapped. */
  joined?: number;
  /** The source encoding, when the text was decoded from bytes. */
  encoding?: string;
}

export interface Document extends Parent {
  type: 'document';
  /** The body (containers, articles, or paragraphs when there are no articles), then attachments and notes. */
  children: Array<Block | Attachment | Note>;
  data: DocumentData;
}

export type ListEntry = Item | SubItem | Point;
export type Provision = Container | Article | Paragraph | ListEntry | Attachment | Note;
export type RegNode = Document | Provision | Continuation | Phrasing;

/** Every node type, for walkers that switch on `type`. */
export type RegNodeType = RegNode['type'];

/** Whether a node is a heading container. */
export function isContainer(node: Node): node is Container {
  return (
    node.type === 'part' ||
    node.type === 'subpart' ||
    node.type === 'chapter' ||
    node.type === 'section' ||
    node.type === 'division' ||
    node.type === 'hcontainer'
  );
}

/** Whether a node is inline content. */
export function isPhrasing(node: Node): node is Phrasing {
  return node.type === 'text' || node.type === 'reference';
}

/** Whether a node is a list entry (项, 目 or deeper). */
export function isListEntry(node: Node): node is ListEntry {
  return node.type === 'item' || node.type === 'subitem' || node.type === 'point';
}
