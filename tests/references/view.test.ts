/** How references, back-links and cited documents show (src/references/view.ts), on a small entry. */
import { describe, expect, it } from 'vitest';
import type { DocumentEntry } from '../../src/data/collection.ts';
import type { Document, Reference } from '../../src/parser/types.ts';
import {
  articleBackLinks,
  collectionCitations,
  labelIn,
  mergedCitations,
  provisionText,
  refView,
  selfName,
  type RefPage,
} from '../../src/references/view.ts';

const text = (value: string) => ({ type: 'text' as const, value });
const ref = (
  kind: Reference['kind'],
  value: string,
  target?: string,
  data?: Record<string, unknown>,
): Reference => ({
  type: 'reference',
  kind,
  ...(target ? { target } : {}),
  ...(data ? { data } : {}),
  children: [text(value)],
});

const tree: Document = {
  type: 'document',
  data: { articleStyle: 'tiao', dropped: [], hints: {} },
  children: [
    {
      type: 'article',
      num: 1,
      label: '第一条',
      eId: 'art_1',
      children: [
        {
          type: 'paragraph',
          num: 1,
          eId: 'art_1__para_1',
          children: [text('为了规范示例工作，制定本办法。')],
        },
      ],
    },
    {
      type: 'article',
      num: 2,
      label: '第二条',
      eId: 'art_2',
      children: [
        { type: 'paragraph', num: 1, eId: 'art_2__para_1', children: [text('示例机构应当公开信息。')] },
        { type: 'paragraph', num: 2, eId: 'art_2__para_2', children: [text('前款规定适用于受委托的组织。')] },
      ],
    },
  ],
};

const entry = {
  folder: 'x',
  meta: { title: '某某市示例管理办法', slug: 'example-rules', citeArticlesAs: 'tiao' },
  tree,
  citations: [],
  backlinks: {
    art_2__para_1: [
      { doc: 'example-rules', from: 'art_2__para_2', label: '第二条第二款', text: '前款' },
      { doc: 'example-rules', from: 'art_1__para_1', label: '第一条第一款', text: '第二条第一款' },
    ],
  },
  terms: [],
  aliases: [],
} as unknown as DocumentEntry;

const page: RefPage = { variant: 'hans', entry, t: (s) => s };

describe('labels', () => {
  it('leave out 第一款 in a one-paragraph article', () => {
    expect(labelIn(page, 'art_1__para_1')).toBe('第一条');
    expect(labelIn(page, 'art_2__para_1')).toBe('第二条第一款');
  });
  it('name the document as it names itself', () => {
    expect(selfName('淄博市人民政府工作规则')).toBe('本规则');
    expect(selfName('某某市示例管理办法（试行）')).toBe('本办法');
    expect(selfName('政府工作报告')).toBe('本文件');
  });
});

describe('reference elements', () => {
  it('internal: a fragment link with its label; several targets listed', () => {
    expect(refView(ref('internal', '前款', '#art_2__para_1', { eId: 'art_2__para_1' }), page)).toEqual({
      tag: 'a',
      attrs: {
        class: 'ref ref--internal',
        href: '#art_2__para_1',
        'data-ref': '',
        'data-label': '第二条第一款',
        'data-targets': undefined,
      },
    });
    const range = refView(
      ref('internal', '第一条至第二条', '#art_1', { eId: 'art_1', targets: ['art_1', 'art_2'] }),
      page,
    );
    expect(range.attrs['data-targets']).toBe('art_1 art_2');
    expect(range.attrs['data-label']).toBe('第一条、第二条');
  });
  it('on an article page, other articles are reached in the full text with an embedded preview', () => {
    const view = refView(ref('internal', '第一条', '#art_1', { eId: 'art_1' }), {
      ...page,
      article: 'art_2',
    });
    expect(view.attrs.href).toBe('/example-rules/#art_1');
    expect(view.attrs['data-preview']).toBe('第一条 为了规范示例工作，制定本办法。');
  });
  it('self: a span naming the document; external and superseded: a focusable cite', () => {
    expect(refView(ref('self', '本办法', '#', { title: '某某市示例管理办法' }), page)).toEqual({
      tag: 'span',
      attrs: { class: 'ref ref--self', title: '《某某市示例管理办法》' },
    });
    const old = refView(
      ref('citation', '《旧办法》', undefined, { title: '旧办法', status: 'superseded' }),
      page,
    );
    expect(old.tag).toBe('cite');
    expect(old.attrs).toMatchObject({
      tabindex: '0',
      'data-title': '旧办法',
      'data-preview': '已被本办法废止',
    });
    expect(
      refView(ref('citation', '《宪法》', undefined, { title: '宪法', status: 'external' }), page).attrs[
        'data-preview'
      ],
    ).toBe('未收录于本站');
  });
  it('unresolved: plain text', () => {
    expect(refView(ref('internal', '第九条', undefined, { unresolved: 'no such article' }), page).tag).toBe(
      'span',
    );
  });
});

describe('back-links and cited documents', () => {
  it('leave out references from inside the article', () => {
    expect(articleBackLinks(page, 'art_2')).toEqual([
      { href: '#art_1__para_1', doc: 'example-rules', label: '第一条', preview: undefined, to: '第一款' },
    ]);
    expect(articleBackLinks(page, 'art_1')).toEqual([]);
  });
  it('fold a bare 文号 citation into the titled one', () => {
    const merged = mergedCitations([
      { documentNumber: '某政发〔2020〕3号', status: 'external', from: ['art_6__para_1'] },
      {
        title: '某某市示例登记办法',
        documentNumber: '某政发〔2020〕3号',
        status: 'external',
        from: ['art_1__para_1'],
      },
    ]);
    expect(merged).toEqual([
      {
        title: '某某市示例登记办法',
        documentNumber: '某政发〔2020〕3号',
        status: 'external',
        from: ['art_1__para_1', 'art_6__para_1'],
      },
    ]);
  });
  it('gather citations across the collection by title', () => {
    const a = {
      ...entry,
      meta: { ...entry.meta, slug: 'a' },
      citations: [{ title: '宪法', status: 'external', from: ['art_1__para_1'] }],
    } as DocumentEntry;
    const b = {
      ...entry,
      meta: { ...entry.meta, slug: 'b' },
      citations: [{ title: '宪法', status: 'external', from: ['art_2__para_2'] }],
    } as DocumentEntry;
    expect(collectionCitations([a, b])).toEqual([
      {
        title: '宪法',
        documentNumber: undefined,
        doc: undefined,
        status: 'external',
        citing: [
          { doc: 'a', from: ['art_1__para_1'] },
          { doc: 'b', from: ['art_2__para_2'] },
        ],
      },
    ]);
  });
  it('preview text: the provision with its label, shortened', () => {
    expect(provisionText(tree, 'art_2')).toBe('第二条 示例机构应当公开信息。前款规定适用于受委托的组织。');
    expect(provisionText(tree, 'art_2', 8)).toBe('第二条 示例机构…');
    expect(provisionText(tree, 'art_9')).toBeUndefined();
  });
});
