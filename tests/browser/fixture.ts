/**
 * A small collection that exercises what the seed document does not: 第X条 labels, sections,
 * sub-items, 之一 articles, reference nodes, and every status. The base-path test builds the
 * site from it (TIAOWEN_COLLECTION) under /rules/.
 */
import type { Collection, DocumentEntry } from '../../src/data/collection.ts';
import type { Article, Item, Paragraph, SubItem, Text } from '../../src/parser/types.ts';

const text = (value: string): Text => ({ type: 'text', value });

const subitem = (itemId: string, num: number, body: string): SubItem => ({
  type: 'subitem',
  num,
  label: `${num}.`,
  eId: `${itemId}__subitem_${num}`,
  children: [text(body)],
});

const item = (paraId: string, num: number, label: string, body: string, subs: string[] = []): Item => {
  const eId = `${paraId}__item_${num}`;
  return {
    type: 'item',
    num,
    label,
    eId,
    children: [text(body), ...subs.map((s, i) => subitem(eId, i + 1, s))],
  };
};

const paragraph = (artId: string, num: number, children: Paragraph['children']): Paragraph => ({
  type: 'paragraph',
  num,
  eId: `${artId}__para_${num}`,
  children,
});

const article = (
  eId: string,
  num: number,
  label: string,
  paras: (id: string) => Paragraph[],
  sub?: number,
): Article => ({
  type: 'article',
  num,
  ...(sub ? { sub } : {}),
  label,
  eId,
  children: paras(eId),
});

const tiaoTree: DocumentEntry['tree'] = {
  type: 'document',
  data: { articleStyle: 'tiao', dropped: [], hints: {} },
  children: [
    {
      type: 'chapter',
      num: 1,
      label: '第一章',
      heading: '总则',
      eId: 'chp_1',
      children: [
        article('art_1', 1, '第一条', (a) => [paragraph(a, 1, [text('为了规范示例登记工作，制定本办法。')])]),
      ],
    },
    {
      type: 'chapter',
      num: 2,
      label: '第二章',
      heading: '登记管理',
      eId: 'chp_2',
      children: [
        {
          type: 'section',
          num: 1,
          label: '第一节',
          heading: '一般规定',
          eId: 'chp_2__sec_1',
          children: [
            article('art_2', 2, '第二条', (a) => [
              paragraph(a, 1, [
                text('有下列情形之一的，依照本办法处理：'),
                item(`${a}__para_1`, 1, '（一）', '未按规定办理登记的；'),
                item(`${a}__para_1`, 2, '（二）', '有其他违法行为的，包括：', [
                  '擅自变更登记事项；',
                  '伪造、涂改有关证件。',
                ]),
              ]),
              paragraph(a, 2, [text('前款规定以外的情形，由登记机关另行处理。')]),
            ]),
            article(
              'art_2-1',
              2,
              '第二条之一',
              (a) => [
                paragraph(a, 1, [
                  text('违反本办法'),
                  {
                    type: 'reference',
                    kind: 'internal',
                    target: '#art_2__para_1',
                    children: [text('第二条第一款')],
                  },
                  text('规定的，依照'),
                  { type: 'reference', kind: 'citation', children: [text('《中华人民共和国行政处罚法》')] },
                  text('处理；另见'),
                  {
                    type: 'reference',
                    kind: 'citation',
                    target: '/example-old-measures/#art_1',
                    children: [text('原办法第一条')],
                  },
                  text('。'),
                ]),
              ],
              1,
            ),
          ],
        },
      ],
    },
  ],
};

const stats = { chapters: 2, sections: 1, articles: 3, paragraphs: 4, items: 2, subitems: 2, dropped: 0 };
const links = { citations: [], backlinks: {}, terms: [], aliases: [] };

const base = {
  authority: '示例市人民政府',
  docType: '规章',
  jurisdiction: 'CN-SD',
  source: { description: '测试用示例文本' },
  citeArticlesAs: 'tiao',
} as const;

export const fixtureCollection: Collection = {
  documents: [
    {
      folder: 'example-registration-measures',
      meta: {
        ...base,
        title: '示例市登记管理办法',
        slug: 'example-registration-measures',
        documentNumber: '示例市人民政府令第1号',
        status: 'not-yet-in-force',
        dates: { issued: '2026-01-05', effective: '2027-01-01' },
        supersedes: [{ title: '示例市旧登记办法', issued: '2001-03-01' }],
      },
      tree: tiaoTree,
      stats,
      ...links,
      // Published anchors that moved (the old article 3 is now 第二条之一).
      aliases: [
        { from: 'art_3', to: 'art_2-1', reason: 'renumbered' },
        { from: 'art_2__para_3', to: 'art_2__para_2' },
      ],
    },
    {
      folder: 'example-old-measures',
      meta: {
        ...base,
        title: '示例市旧登记办法',
        slug: 'example-old-measures',
        status: 'repealed',
        dates: { issued: '2001-03-01', effective: '2001-05-01', repealed: '2027-01-01' },
        supersedes: [],
      },
      tree: tiaoTree,
      stats,
      ...links,
    },
  ],
};
