/**
 * The spec and the code agree: every fixture tree (and the seed's) is checked against the
 * content model written in docs/tree-spec.md — which node types exist, which fields each
 * carries, and what each may contain. The table below is transcribed from the spec; a node
 * type or a child the spec does not allow fails the test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EID_PATTERN } from '../../src/anchors/eid.ts';

const BLOCK = ['part', 'subpart', 'chapter', 'section', 'division', 'hcontainer', 'article', 'paragraph'];
const PHRASING = ['text', 'reference'];

/** type → [fields it must carry, child types it may hold] (docs/tree-spec.md, “Nodes”). */
const MODEL: Record<string, [string[], string[]]> = {
  document: [['data'], [...BLOCK, 'attachment', 'note']],
  part: [['num', 'label', 'heading', 'eId'], BLOCK],
  subpart: [['num', 'label', 'heading', 'eId'], BLOCK],
  chapter: [['num', 'label', 'heading', 'eId'], BLOCK],
  section: [['num', 'label', 'heading', 'eId'], BLOCK],
  division: [['num', 'label', 'heading', 'eId'], BLOCK],
  hcontainer: [['num', 'label', 'heading', 'eId'], BLOCK],
  article: [['num', 'label', 'eId'], ['paragraph']],
  paragraph: [
    ['num', 'eId'],
    [...PHRASING, 'item'],
  ],
  item: [
    ['num', 'label', 'eId'],
    [...PHRASING, 'continuation', 'subitem'],
  ],
  subitem: [
    ['num', 'label', 'eId'],
    [...PHRASING, 'continuation', 'point'],
  ],
  point: [
    ['num', 'label', 'eId'],
    [...PHRASING, 'continuation', 'point'],
  ],
  continuation: [[], PHRASING],
  attachment: [['num', 'label', 'heading', 'eId'], ['paragraph']],
  note: [['num', 'label', 'eId'], PHRASING],
  text: [['value'], []],
  reference: [['kind'], ['text']],
};

interface Node {
  type: string;
  children?: Node[];
  [key: string]: unknown;
}

function problems(node: Node, path: string, out: string[]): void {
  const model = MODEL[node.type];
  if (!model) {
    out.push(`${path}: node type ${node.type} is not in the spec`);
    return;
  }
  const [fields, children] = model;
  for (const f of fields) if (!(f in node)) out.push(`${path}: ${node.type} lacks ${f}`);
  if (typeof node.eId === 'string' && !EID_PATTERN.test(node.eId))
    out.push(`${path}: ${node.eId} is not an eId`);
  if (node.type === 'text' && 'children' in node) out.push(`${path}: a text node has children`);
  node.children?.forEach((c, i) => {
    if (!children.includes(c.type)) out.push(`${path}: ${node.type} may not contain ${c.type}`);
    problems(c, `${path}/${c.type}[${i}]`, out);
  });
}

const root = join(import.meta.dirname, '..', 'fixtures');
const trees = [
  ...readdirSync(join(root, 'parser')).map((name) => join(root, 'parser', name, 'tree.json')),
  join(root, 'seed', 'tree.json'),
];

describe('every fixture tree follows docs/tree-spec.md', () => {
  it.each(trees)('%s', (path) => {
    const tree = JSON.parse(readFileSync(path, 'utf8')) as Node;
    const out: string[] = [];
    problems(tree, 'document', out);
    expect(out).toEqual([]);
  });

  it('finds a node the spec does not allow', () => {
    const out: string[] = [];
    problems(
      {
        type: 'document',
        data: {},
        children: [{ type: 'item', num: 1, label: '（一）', eId: 'item_1', children: [] }],
      },
      'document',
      out,
    );
    expect(out).toEqual(['document: document may not contain item']);
  });
});
