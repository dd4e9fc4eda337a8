/**
 * Reference nodes by kind, as typed unist nodes (docs/tree-spec.md, “Phrasing”): every kind
 * has its own interface with typed `data`, so code that reads a reference knows its fields.
 * The JSON is the tree's `reference` node unchanged (a public format: data.json); `typed`
 * narrows one by its `kind`.
 */
import type { Data, Parent } from 'unist';
import type { Reference, Text } from '../parser/types.ts';

interface ReferenceNode<Kind extends Reference['kind'], D extends Data> extends Parent {
  type: 'reference';
  kind: Kind;
  target?: string;
  data?: D;
  children: Text[];
}

/** 第五条第二款, 前款, 第六条至第八条: provisions of the same document. */
export type InternalReference = ReferenceNode<
  'internal',
  {
    /** The first target. */
    eId?: string;
    /** Every target, for ranges and 前两款. */
    targets?: string[];
    /** Why it resolves to nothing (then there is no `target`). */
    unresolved?: string;
  }
>;

/** 《…》 titles, short names (刑法第二百六十六条), the later items of a list, bare 文号. */
export type CitationReference = ReferenceNode<
  'citation',
  {
    /** The title as cited (a 《》 title, a short name, or the title of the list it continues). */
    title?: string;
    documentNumber?: string;
    status?: 'collection' | 'superseded' | 'external';
    /** Slug of the cited document, when in the collection. */
    doc?: string;
    /** The pinpoint, checked against the cited document. */
    eId?: string;
    /** For a superseded predecessor: the document that superseded it, and its issue date. */
    supersededBy?: string;
    issued?: string;
  }
>;

/** 本规则, 本办法: the document itself. */
export type SelfReference = ReferenceNode<'self', { doc?: string; title?: string }>;

/** A defined term, linked to the provision that defines it. */
export type TermReference = ReferenceNode<'term', { term?: string; eId?: string }>;

export type TypedReference = InternalReference | CitationReference | SelfReference | TermReference;

/**
 * A reference node as the typed node of its kind.
 * @example typed(node).kind === 'citation' && typed(node).data?.doc
 */
export const typed = (node: Reference): TypedReference => node as TypedReference;
