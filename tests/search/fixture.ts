import type { DocumentEntry } from '../../src/data/collection.ts';
import type { Article, Document, Item, Paragraph } from '../../src/parser/types.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const item = (art: number, para: number, num: number, label: string, value: string): Item => ({
  type: 'item',
  num,
  label,
  eId: `art_${art}__para_${para}__item_${num}`,
  children: [text(value)],
});
const para = (art: number, num: number, value: string, items: Item[] = []): Paragraph => ({
  type: 'paragraph',
  num,
  eId: `art_${art}__para_${num}`,
  children: [...(value ? [text(value)] : []), ...items],
});
const article = (num: number, label: string, paras: Paragraph[]): Article => ({
  type: 'article',
  num,
  label,
  eId: `art_${num}`,
  children: paras,
});

const links = () => ({ citations: [], backlinks: {} as DocumentEntry['backlinks'], terms: [], aliases: [] });

/** A small 一、-numbered document: two chapters, articles 11 and 31, items, a multi-paragraph article. */
export function dunDocument(): DocumentEntry {
  const tree: Document = {
    type: 'document',
    data: { articleStyle: 'dun', dropped: [], hints: { title: '测试规则' } },
    children: [
      {
        type: 'chapter',
        num: 1,
        label: '第一章',
        heading: '总则',
        eId: 'chp_1',
        children: [
          article(11, '十一、', [para(11, 1, '市政府工作部门的主要负责人负责本部门的工作。')]),
          article(12, '十二、', [
            para(12, 1, '市政府全体会议一般每年召开1—2次。'),
            para(12, 2, '会议议题包括：', [
              item(12, 2, 1, '（一）', '讨论决定重大事项；'),
              item(12, 2, 2, '（二）', '部署重要工作。'),
            ]),
          ]),
        ],
      },
      {
        type: 'chapter',
        num: 2,
        label: '第二章',
        heading: '会议制度',
        eId: 'chp_2',
        children: [
          article(31, '三十一、', [para(31, 1, '本规则自印发之日起施行，淄政发〔2017〕2号同时废止。')]),
        ],
      },
    ],
  };
  return {
    folder: 'test-rules',
    meta: {
      title: '测试规则',
      slug: 'test-rules',
      documentNumber: '测政发〔2020〕1号',
      authority: '测试市人民政府',
      docType: '规范性文件',
      jurisdiction: 'CN-SD',
      status: 'in-force',
      dates: { issued: '2020-01-01' },
    } as DocumentEntry['meta'],
    tree,
    stats: { chapters: 2, sections: 0, articles: 3, paragraphs: 4, items: 2, subitems: 0, dropped: 0 },
    ...links(),
  };
}

/** A 第N条-numbered document without chapters. */
export function tiaoDocument(): DocumentEntry {
  const tree: Document = {
    type: 'document',
    data: { articleStyle: 'tiao', dropped: [], hints: {} },
    children: [
      article(1, '第一条', [para(1, 1, '为了规范会议，制定本办法。')]),
      article(2, '第二条', [para(2, 1, '本办法适用于全市。')]),
    ],
  };
  return {
    folder: 'tiao',
    meta: {
      title: '会议办法',
      slug: 'tiao',
      authority: '国务院',
      docType: '行政法规',
      jurisdiction: 'CN',
      status: 'repealed',
      dates: {},
    } as DocumentEntry['meta'],
    tree,
    stats: { chapters: 0, sections: 0, articles: 2, paragraphs: 2, items: 0, subitems: 0, dropped: 0 },
    ...links(),
  };
}
