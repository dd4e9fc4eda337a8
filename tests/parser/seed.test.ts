/** The seed document: the numbers the published text must parse to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation, treeStats, type Article, type Chapter } from '../../src/parser/index.ts';

const source = readFileSync('content/zibo-government-work-rules/source.txt', 'utf8');
const { tree, ok, file } = parseRegulation(source);

describe('《淄博市人民政府工作规则》', () => {
  it('parses without messages', () => {
    expect(file.messages).toEqual([]);
    expect(ok).toBe(true);
  });

  it('has 13 chapters, 87 articles, 119 paragraphs, 35 items and 10 dropped lines', () => {
    expect(treeStats(tree)).toMatchObject({
      parts: 0,
      subparts: 0,
      headings: 0,
      points: 0,
      attachments: 0,
      notes: 0,
      chapters: 13,
      sections: 0,
      articles: 87,
      paragraphs: 119,
      items: 35,
      subitems: 0,
      dropped: 10,
    });
  });

  it('numbers articles art_1 … art_87 in order, in the 一、 style', () => {
    const articles = (tree.children as Chapter[]).flatMap((c) => c.children as Article[]);
    expect(articles.map((a) => a.eId)).toEqual(Array.from({ length: 87 }, (_, i) => `art_${i + 1}`));
    expect(articles[24]!.label).toBe('二十五、');
    expect(tree.data.articleStyle).toBe('dun');
  });

  it('keeps the wrapper lines aside with line numbers and reasons', () => {
    expect(tree.data.dropped.map((d) => [d.line, d.reason])).toEqual([
      [1, 'preamble'],
      [3, 'preamble'],
      [5, 'preamble'],
      [7, 'preamble'],
      [9, 'preamble'],
      [11, 'preamble'],
      [13, 'preamble'],
      [15, 'preamble'],
      [352, 'trailer'],
      [355, 'trailer'],
    ]);
  });

  it('gives article 46 three paragraphs: items (一)–(三) in the first, then two plain ones', () => {
    const art = (tree.children as Chapter[])
      .flatMap((c) => c.children as Article[])
      .find((a) => a.num === 46)!;
    expect(art.children.map((p) => p.children.filter((c) => c.type === 'item').length)).toEqual([3, 0, 0]);
  });
});
