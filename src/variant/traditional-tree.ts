/**
 * The traditional-character tree of a document: the display tree converted with
 * the reviewed converter (./convert.ts). Anchors, numbers and structure stay; labels,
 * headings, text and the titles carried by references are converted. A provision's text is
 * converted as one string and split back, so OpenCC's phrase context is not cut at the
 * boundary of a reference.
 */
import type { Continuation, Document, Phrasing, Provision, Text } from '../parser/types.ts';

/** Simplified → traditional, as `createConverter` (./convert.ts) makes it. */
export type Convert = (s: string) => string;

function leaves(nodes: Phrasing[], out: Text[] = []): Text[] {
  for (const n of nodes) {
    if (n.type === 'text') out.push(n);
    else leaves(n.children, out);
  }
  return out;
}

function convertPhrasing(nodes: Phrasing[], convert: Convert): void {
  const texts = leaves(nodes);
  const whole = texts.map((t) => t.value).join('');
  const converted = convert(whole);
  if ([...converted].length === [...whole].length) {
    // Character-for-character: split back by code points.
    const chars = [...converted];
    let at = 0;
    for (const t of texts) {
      const n = [...t.value].length;
      t.value = chars.slice(at, at + n).join('');
      at += n;
    }
  } else {
    for (const t of texts) t.value = convert(t.value);
  }
  for (const n of nodes) {
    if (n.type === 'reference' && n.data) {
      for (const key of ['title', 'term'])
        if (typeof n.data[key] === 'string') n.data[key] = convert(n.data[key] as string);
    }
  }
}

function convertProvision(node: Provision | Continuation, convert: Convert): void {
  if ('label' in node) node.label = convert(node.label);
  if ('heading' in node) node.heading = convert(node.heading);
  const children = node.children as Array<Phrasing | Provision | Continuation>;
  const inline = children.filter((c): c is Phrasing => c.type === 'text' || c.type === 'reference');
  if (inline.length > 0) convertPhrasing(inline, convert);
  for (const c of children) if (c.type !== 'text' && c.type !== 'reference') convertProvision(c, convert);
}

/** The traditional copy of a display tree. */
export function toTraditionalTree(tree: Document, convert: Convert): Document {
  const copy = structuredClone(tree);
  for (const c of copy.children) convertProvision(c, convert);
  if (copy.data.hints.title) copy.data.hints.title = convert(copy.data.hints.title);
  return copy;
}
