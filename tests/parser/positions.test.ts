/** Every node keeps its source position: line and column of the text it came from. */
import { describe, expect, it } from 'vitest';
import { parseRegulation, type RegNode } from '../../src/parser/index.ts';

describe('positions', () => {
  const text = '\uFEFF第一章　总　则\r\n\r\n第一条　为了甲，制定本规定。\r\n　　（一）乙；\r\n第二条 丙。';
  const { tree } = parseRegulation(text);
  const nodes: RegNode[] = [];
  const walk = (n: RegNode) => {
    nodes.push(n);
    if ('children' in n) for (const c of n.children) walk(c as RegNode);
  };
  walk(tree);

  it('puts every node at a line and column', () => {
    for (const n of nodes) expect(n.position, n.type).toBeDefined();
  });

  it('points text at its first character (offsets index the source, BOM and CRLF included)', () => {
    for (const n of nodes) {
      if (n.type !== 'text') continue;
      const { offset } = n.position!.start;
      expect(text.slice(offset!, offset! + n.value.length)).toBe(n.value);
    }
  });

  it('counts columns after indentation and ideographic spaces', () => {
    const item = nodes.find((n) => n.type === 'item')!;
    expect(item.position!.start).toMatchObject({ line: 4, column: 3 });
    const t = nodes.find((n) => n.type === 'text' && n.value.startsWith('为了'))!;
    expect(t.position!.start).toMatchObject({ line: 3, column: 5 });
    const art2 = nodes.find((n) => n.type === 'article' && n.num === 2)!;
    expect(art2.position!.start).toMatchObject({ line: 5, column: 1 });
  });

  it('spans an article over its paragraphs and items', () => {
    const art1 = nodes.find((n) => n.type === 'article' && n.num === 1)!;
    expect(art1.position!.end.line).toBe(4);
  });
});
