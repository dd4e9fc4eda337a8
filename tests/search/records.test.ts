import { describe, expect, it } from 'vitest';
import {
  buildCollectionRecords,
  buildRecords,
  canonicalArticleLabel,
  rankKey,
} from '../../src/search/records.ts';
import { dunDocument, tiaoDocument } from './fixture.ts';

describe('buildRecords', () => {
  const records = buildRecords(dunDocument(), { base: '/rules/', variant: 'hans', docIndex: 0 });
  const byUrl = new Map(records.map((r) => [r.url.replace('/rules/test-rules/', ''), r]));

  it('makes a title record, heading records and one record per leaf text block', () => {
    expect([...byUrl.keys()]).toEqual([
      '',
      '#chp_1',
      '#art_11',
      '#art_12__para_1',
      '#art_12__para_2',
      '#art_12__para_2__item_1',
      '#art_12__para_2__item_2',
      '#chp_2',
      '#art_31',
    ]);
    expect(records.map((r) => r.kind)).toEqual([
      'title',
      'heading',
      'provision',
      'provision',
      'provision',
      'provision',
      'provision',
      'heading',
      'provision',
    ]);
    expect(records.map((r) => r.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('labels provisions as the document numbers them, with their chapter', () => {
    const art11 = byUrl.get('#art_11')!;
    expect(art11.label).toBe('十一、');
    expect(art11.chapter).toBe('第一章\u3000总则');
    expect(art11.text).toBe('十一、市政府工作部门的主要负责人负责本部门的工作。');
    expect(byUrl.get('#art_12__para_2')!.label).toBe('十二、第二款');
    expect(byUrl.get('#art_12__para_2__item_1')!.label).toBe('十二、第二款（一）');
    expect(byUrl.get('#art_12__para_2__item_1')!.text).toBe('（一）讨论决定重大事项；');
  });

  it('adds the canonical 第N条 form for 一、-numbered articles', () => {
    expect(byUrl.get('#art_11')!.aliases).toEqual(['第十一条']);
    expect(byUrl.get('#art_31')!.aliases).toEqual(['第三十一条']);
    expect(byUrl.get('#art_12__para_2')!.aliases).toEqual([]);
    expect(byUrl.get('')!.aliases).toEqual(['测政发〔2020〕1号']);
  });

  it('keeps the 第N条 label in the text for 第N条-numbered documents', () => {
    const tiao = buildRecords(tiaoDocument(), { base: '/', variant: 'hans', docIndex: 1 });
    expect(tiao[1]!.text).toBe('第一条\u3000为了规范会议，制定本办法。');
    expect(tiao[1]!.aliases).toEqual([]);
    expect(tiao[1]!.url).toBe('/tiao/#art_1');
  });

  it('uses the traditional tree and /zh-hant/ URLs for the traditional script', () => {
    const doc = dunDocument();
    doc.treeHant = structuredClone(doc.tree);
    const hant = buildRecords(doc, { base: '/', variant: 'hant', docIndex: 0 });
    expect(hant[2]!.url).toBe('/zh-hant/test-rules/#art_11');
    expect(() => buildRecords(dunDocument(), { base: '/', variant: 'hant', docIndex: 0 })).toThrow(
      /no traditional tree/,
    );
  });

  it('ranks titles, then headings, then provisions; then document and order', () => {
    const all = buildCollectionRecords([dunDocument(), tiaoDocument()], { base: '/', variant: 'hans' });
    const sorted = [...all].sort((a, b) => (rankKey(a) < rankKey(b) ? -1 : 1));
    expect(sorted.slice(0, 2).map((r) => r.kind)).toEqual(['title', 'title']);
    expect(sorted[2]!.kind).toBe('heading');
    expect(rankKey({ kind: 'provision', docIndex: 3, order: 12 })).toBe('30003000012');
  });

  it('writes canonical article labels', () => {
    expect(canonicalArticleLabel({ num: 11 })).toBe('第十一条');
    expect(canonicalArticleLabel({ num: 10, sub: 1 })).toBe('第十条之一');
  });
});
