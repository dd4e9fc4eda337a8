/**
 * Open data: a document as Markdown, through mdast and remark-stringify. Chapters and sections
 * become headings, each article a paragraph led by its bold label, items and sub-items lines of
 * their own; references become links where they point somewhere.
 */
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { Continuation, Document, Phrasing, Provision } from '../parser/types.ts';
import type { DocumentMeta } from '../content/meta-schema.ts';

function phrasing(nodes: Phrasing[], base: string): PhrasingContent[] {
  return nodes.map((n): PhrasingContent => {
    if (n.type === 'text') return { type: 'text', value: n.value };
    const text = n.children.map((c) => c.value).join('');
    if (!n.target || n.target === '#') return { type: 'text', value: text };
    const url = n.target.startsWith('#') ? n.target : `${base}${n.target.replace(/^\//, '')}`;
    return { type: 'link', url, children: [{ type: 'text', value: text }] };
  });
}

const inline = (node: { children: ReadonlyArray<{ type: string }> }) =>
  node.children.filter((c): c is Phrasing => c.type === 'text' || c.type === 'reference');
const nested = (node: { children: ReadonlyArray<{ type: string }> }) =>
  node.children.filter((c) => c.type !== 'text' && c.type !== 'reference') as Array<Provision | Continuation>;

function blocks(node: Provision | Continuation, base: string, depth = 2): RootContent[] {
  switch (node.type) {
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
    case 'division':
    case 'hcontainer':
    case 'attachment':
      return [
        {
          type: 'heading',
          depth: Math.min(depth, 6) as 2,
          children: [{ type: 'text', value: `${node.label} ${node.heading}`.trim() }],
        },
        ...node.children.flatMap((c) => blocks(c, base, depth + 1)),
      ];
    case 'article':
      return node.children.flatMap((p, i) => {
        // A space after the bold label: CommonMark closes ** after 、 only before whitespace or punctuation.
        const lead: PhrasingContent[] =
          i === 0
            ? [
                { type: 'strong', children: [{ type: 'text', value: node.label }] },
                { type: 'text', value: ' ' },
              ]
            : [];
        return [
          { type: 'paragraph', children: [...lead, ...phrasing(inline(p), base)] } as RootContent,
          ...nested(p).flatMap((c) => blocks(c, base)),
        ];
      });
    case 'paragraph':
    case 'continuation':
      return [
        { type: 'paragraph', children: phrasing(inline(node), base) },
        ...nested(node).flatMap((c) => blocks(c, base)),
      ];
    case 'item':
    case 'subitem':
    case 'point':
    case 'note':
      return [
        {
          type: 'paragraph',
          children: [{ type: 'text', value: node.label }, ...phrasing(inline(node), base)],
        },
        ...nested(node).flatMap((c) => blocks(c, base)),
      ];
  }
}

/**
 * The Markdown text of a document. `base` is the site's base URL for links to other documents.
 * @example toMarkdown(tree, meta, '/') // '# 淄博市人民政府工作规则\n\n…'
 */
export function toMarkdown(
  tree: Document,
  meta: Pick<DocumentMeta, 'title' | 'authority'>,
  base = '/',
  title = meta.title,
): string {
  const root: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
      { type: 'paragraph', children: [{ type: 'text', value: meta.authority }] },
      ...tree.children.flatMap((c) => blocks(c, base)),
    ],
  };
  return unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*' }).stringify(root);
}
