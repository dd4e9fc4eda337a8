import { describe, expect, it } from 'vitest';
import {
  buildExcerpt,
  labelLead,
  sortGroups,
  termShare,
  verify,
  type SearchGroup,
} from '../../src/search/client.ts';
import { normalize, normalizeText } from '../../src/search/normalize.ts';
import { FIELD } from '../../src/search/schema.ts';

const fragment = (text: string, aliases: string[] = []) => ({
  url: '/x/#art_11',
  filters: {
    [FIELD.parts]: [JSON.stringify([['#art_11', '十一、', text, ...(aliases.length ? [aliases] : [])]])],
    [FIELD.kind]: ['provision'],
    [FIELD.slug]: ['x'],
    [FIELD.order]: ['7'],
  },
});
const id = (s: string) => s;
const show = (parts: Array<{ text: string; mark: boolean }>) =>
  parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('verify', () => {
  it('accepts a fragment containing the query and marks the original characters', () => {
    const [hit, ...rest] = verify(
      fragment('市政府全体会议一般每年召开１—２次。'),
      normalizeText('1-2次'),
      id,
    );
    expect(hit && show(hit.excerpt)).toBe('市政府全体会议一般每年召开[１—２次]。');
    expect(hit?.label).toBe('十一、');
    expect(hit?.url).toBe('/x/#art_11');
    expect(rest).toEqual([]);
  });

  it('rejects a fragment that does not contain the query', () => {
    expect(verify(fragment('第三十一条　市政府'), normalizeText('第十一条'), id)).toEqual([]);
    expect(verify(fragment('召开12次'), normalizeText('1—2次'), id)).toEqual([]);
  });

  it('matches aliases and shows them marked', () => {
    const [hit] = verify(fragment('十一、市政府工作部门', ['第十一条']), normalizeText('第十一条'), id);
    expect(hit && show(hit.excerpt)).toBe('[第十一条] 十一、市政府工作部门');
  });

  it('returns a hit for each block of an article that contains the query, linked to that block, in order', () => {
    const f = {
      url: '/rules/doc/#art_5_para_1',
      filters: {
        [FIELD.parts]: [
          JSON.stringify([
            ['#art_5_para_1', '第五条第一款', '第五条　会议由市长召集。'],
            ['#art_5_para_2', '第五条第二款', '其他事项。'],
            ['#art_5_para_2_item_1', '第五条第二款（一）', '（一）会议纪要；'],
          ]),
        ],
        [FIELD.kind]: ['provision'],
        [FIELD.slug]: ['doc'],
        [FIELD.docIndex]: ['3'],
        [FIELD.order]: ['20'],
        [FIELD.chapter]: ['第一章　总则'],
      },
    };
    const hits = verify(f, '会议', id);
    expect(hits.map((h) => [h.url, h.label, h.order, h.docIndex, h.chapter])).toEqual([
      ['/rules/doc/#art_5_para_1', '第五条第一款', 20, 3, '第一章　总则'],
      ['/rules/doc/#art_5_para_2_item_1', '第五条第二款（一）', 22, 3, '第一章　总则'],
    ]);
  });

  it('does not match across two blocks', () => {
    const f = {
      url: '/d/#a',
      filters: {
        [FIELD.parts]: [
          JSON.stringify([
            ['#a', '', '召开会'],
            ['#b', '', '议纪要'],
          ]),
        ],
      },
    };
    expect(verify(f, '会议', id)).toEqual([]);
  });

  it('treats a missing or malformed block list as no hit', () => {
    expect(verify({ url: '/d/', filters: {} }, '会议', id)).toEqual([]);
    expect(verify({ url: '/d/', filters: { [FIELD.parts]: ['{not json'] } }, '会议', id)).toEqual([]);
  });
});

describe('buildExcerpt', () => {
  it('cuts long text around the first match and marks every match in the window', () => {
    const text = '甲'.repeat(50) + '会议' + '乙'.repeat(10) + '会议' + '丙'.repeat(100);
    const parts = buildExcerpt(text, normalize(text), '会议', 5, 30);
    expect(show(parts)).toBe(`…${'甲'.repeat(5)}[会议]${'乙'.repeat(10)}[会议]${'丙'.repeat(11)}…`);
  });

  it('merges overlapping matches', () => {
    expect(show(buildExcerpt('哈哈哈', normalize('哈哈哈'), '哈哈'))).toBe('[哈哈哈]');
  });
});

describe('an excerpt under its label', () => {
  const block = (label: string, text: string) => ({
    url: '/d/#art_7__para_1',
    filters: {
      [FIELD.parts]: [JSON.stringify([['#art_7__para_1', label, text]])],
      [FIELD.kind]: ['provision'],
      [FIELD.slug]: ['d'],
    },
  });

  it('leaves out the label the hit already shows', () => {
    const [hit] = verify(block('第七条第一款', '第七条　鼓励发展食品安全事业。'), '鼓励', id);
    expect(hit && show(hit.excerpt)).toBe('[鼓励]发展食品安全事业。');
    const [item] = verify(block('第七条第一款（一）', '（一）会议纪要；'), '会议', id);
    expect(item && show(item.excerpt)).toBe('[会议]纪要；');
    const [numbered] = verify(block('七、', '七、市政府工作部门'), '工作', id);
    expect(numbered && show(numbered.excerpt)).toBe('市政府[工作]部门');
    // In traditional characters too (第七條 on the traditional pages).
    const [hant] = verify(block('第七條第一款', '第七條　鼓勵發展食品安全事業。'), '鼓勵', id);
    expect(hant && show(hant.excerpt)).toBe('[鼓勵]發展食品安全事業。');
    expect(labelLead('第二十五條之一　市政府', '第二十五條之一')).toBe(8);
  });

  it('keeps the label when the match is in it, and text that only looks like a label', () => {
    const [hit] = verify(block('第七条第一款', '第七条　鼓励发展。'), '第七条', id);
    expect(hit && show(hit.excerpt)).toBe('[第七条]　鼓励发展。');
    expect(labelLead('第七条规定的事项，依照本办法。', '第七条第二款')).toBe(0);
    expect(labelLead('（一）会议纪要；', '第五条（二）')).toBe(0);
  });
});

describe('the order of documents', () => {
  const group = (slug: string, docTitle: string, kind: 'title' | 'provision'): SearchGroup => ({
    slug,
    docTitle,
    docIndex: 0,
    hits: [
      { url: `/${slug}/`, kind, label: '', chapter: '', docTitle, slug, docIndex: 0, order: 0, excerpt: [] },
    ],
  });

  it('puts the document whose title the query fills most first, and keeps the others in place', () => {
    const groups = [
      group('shanghai', '上海市实施《中华人民共和国食品安全法》办法', 'title'),
      group('law', '中华人民共和国食品安全法', 'title'),
      group('other', '某市食品经营规定', 'provision'),
      group('more', '某市餐饮规定', 'provision'),
    ];
    sortGroups(groups, '食品安全法');
    expect(groups.map((g) => g.slug)).toEqual(['law', 'shanghai', 'other', 'more']);
  });

  it('ranks a document defining the query with those whose title holds it, by the share of the term', () => {
    const groups = [
      group('cites', '上海市实施《中华人民共和国食品安全法》办法', 'title'),
      group('other', '某市食品经营规定', 'provision'),
      group('defines', '某市餐饮管理办法', 'provision'),
    ];
    // 食品安全法 fills 5/20 of the first title, and all of the term 食品安全法 the third defines.
    sortGroups(groups, '食品安全法', undefined, new Map([['defines', 1]]));
    expect(groups.map((g) => g.slug)).toEqual(['defines', 'cites', 'other']);
    // Without the terms, the order of arrival stands after the title match.
    sortGroups(groups, '食品安全法');
    expect(groups.map((g) => g.slug)).toEqual(['cites', 'defines', 'other']);
  });
});

describe('defined terms', () => {
  const title = (terms: unknown) => ({
    url: '/x/',
    filters: {
      [FIELD.kind]: ['title'],
      [FIELD.slug]: ['x'],
      ...(terms === undefined
        ? {}
        : { [FIELD.terms]: [typeof terms === 'string' ? terms : JSON.stringify(terms)] }),
    },
  });

  it('is the share of the shortest defined term holding the query, in either script', () => {
    const fold = (s: string) => s.replace(/會/g, '会').replace(/議/g, '议').replace(/務/g, '务');
    expect(termShare(title(['市政府常务会议', '常务会议']), normalizeText('常务会议'), fold)).toBe(1);
    expect(termShare(title(['市政府常务会议']), normalizeText('会议'), fold)).toBeCloseTo(2 / 7);
    expect(termShare(title(['市政府常務會議']), normalizeText('常务会议', { fold }), fold)).toBeCloseTo(
      4 / 7,
    );
  });

  it('is 0 when no term holds the query, or the field is missing or malformed', () => {
    expect(termShare(title(['市长负责制']), '会议', id)).toBe(0);
    expect(termShare(title(undefined), '会议', id)).toBe(0);
    expect(termShare(title('not json ['), '会议', id)).toBe(0);
    expect(termShare(title({ a: 1 }), '会议', id)).toBe(0);
    expect(termShare(title(['会议']), '', id)).toBe(0);
  });

  it('never makes a hit: a title record whose terms alone hold the query verifies to none', () => {
    const f = {
      ...title(['常务会议']),
      filters: { ...title(['常务会议']).filters, [FIELD.parts]: [JSON.stringify([['', '', '测试规则']])] },
    };
    expect(verify(f, '常务会议', id)).toEqual([]);
    expect(termShare(f, '常务会议', id)).toBe(1);
  });
});
