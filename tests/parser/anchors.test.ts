/** The anchor scheme of docs/anchors.md, as a table, and its stability under edits. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation, type Document, type RegNode } from '../../src/parser/index.ts';

function eIds(tree: Document): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: RegNode) => {
    if ('eId' in n) out.set(n.eId, 'label' in n ? n.label : n.type);
    if ('children' in n) for (const c of n.children) walk(c as RegNode);
  };
  walk(tree);
  return out;
}

const law = `第一章 总则
第一节 一般规定
第一条 甲。
第二条 乙：
（一）丙；
（二）丁：
1. 戊；
2. 己。
第二款。
第二章 附则
第十条 庚。
第十条之一 辛。
`;

describe('anchor scheme', () => {
  const ids = [
    ...eIds(
      parseRegulation(law.replace('第十条 ', '第三条 ').replace('第十条之一', '第三条之一')).tree,
    ).keys(),
  ];
  it.each([
    ['chapter 第五章 → chp_N', 'chp_1'],
    ['section 第一节 of chapter 1 → chp_1__sec_1', 'chp_1__sec_1'],
    ['article → art_N (not nested under its chapter)', 'art_2'],
    ['paragraph 2 of article 2', 'art_2__para_2'],
    ['item (二) in paragraph 1 of article 2', 'art_2__para_1__item_2'],
    ['sub-item 1. of that item', 'art_2__para_1__item_2__subitem_1'],
    ['第三条之一 → art_3-1', 'art_3-1'],
  ])('%s', (_what, id) => expect(ids).toContain(id));

  it('gives 一、-numbered articles the same scheme', () => {
    const { tree } = parseRegulation('第一章 总则\n一、甲。\n二、乙：\n(一)丙;\n(二)丁。\n');
    expect([...eIds(tree).keys()]).toEqual([
      'chp_1',
      'art_1',
      'art_1__para_1',
      'art_2',
      'art_2__para_1',
      'art_2__para_1__item_1',
      'art_2__para_1__item_2',
    ]);
  });

  it('takes numbers from labels, not positions: an anchor survives edits to other provisions', () => {
    const seed = readFileSync('content/zibo-government-work-rules/source.txt', 'utf8');
    const before = eIds(parseRegulation(seed).tree);
    // Rewrite article 25 entirely and add a paragraph to article 24.
    const edited = seed
      .replace(/^二十五、.*$/m, '二十五、本条的文字已经修改，但编号不变。')
      .replace(/^(二十四、.*)$/m, '$1\n\n新增的一款。');
    const after = eIds(parseRegulation(edited).tree);
    for (const [id, label] of before) expect(after.get(id), id).toBe(label);
    expect([...after.keys()].filter((id) => !before.has(id))).toEqual(['art_24__para_2']);
  });
});
