import { describe, expect, test } from 'vitest';
import {
  articlePlaces,
  articleText,
  citation,
  citationLabel,
  isArticleEId,
  truncate,
} from '../../src/data/cite.ts';
import { fixtureCollection } from '../browser/fixture.ts';

describe('citation labels', () => {
  test('Chinese citation order, 第X条 by default', () => {
    expect(citationLabel('art_47__para_1__item_2', 'tiao', 'dun')).toBe('第四十七条第一款第（二）项');
    expect(citationLabel('art_2__para_1__item_2__subitem_1', 'tiao', 'tiao')).toBe(
      '第二条第一款第（二）项第1目',
    );
    expect(citationLabel('art_2-1', 'tiao', 'tiao')).toBe('第二条之一');
    expect(citation('淄博市人民政府工作规则', citationLabel('art_47__para_1__item_2', 'tiao', 'dun'))).toBe(
      '《淄博市人民政府工作规则》第四十七条第一款第（二）项',
    );
  });
  test("'label' cites 一、-numbered articles by their own label, and 第X条 documents as 第X条", () => {
    expect(citationLabel('art_25', 'label', 'dun')).toBe('二十五、');
    expect(citationLabel('art_25__para_2', 'label', 'dun')).toBe('二十五、第二款');
    expect(citationLabel('art_25', 'label', 'tiao')).toBe('第二十五条');
  });
});

describe('article places', () => {
  const tree = fixtureCollection.documents[0]!.tree;
  test('reading order with chapter, section and neighbours', () => {
    const places = articlePlaces(tree);
    expect(places.map((p) => p.article.eId)).toEqual(['art_1', 'art_2', 'art_2-1']);
    expect(places[0]!.chapter?.eId).toBe('chp_1');
    expect(places[0]!.section).toBeUndefined();
    expect(places[0]!.prev).toBeUndefined();
    expect(places[1]!.section?.eId).toBe('chp_2__sec_1');
    expect(places[1]!.prev?.eId).toBe('art_1');
    expect(places[1]!.next?.eId).toBe('art_2-1');
    expect(places[2]!.next).toBeUndefined();
  });
  test('the text of an article runs on one line with item labels', () => {
    const text = articleText(articlePlaces(tree)[1]!.article);
    expect(text).toBe(
      '有下列情形之一的，依照本办法处理：（一）未按规定办理登记的；（二）有其他违法行为的，包括：1.擅自变更登记事项；2.伪造、涂改有关证件。前款规定以外的情形，由登记机关另行处理。',
    );
  });
});

test('truncate keeps at most max characters, counting code points', () => {
  expect(truncate('一二三四五', 3)).toBe('一二…');
  expect(truncate('一二三', 3)).toBe('一二三');
  expect([...truncate('𠀀'.repeat(200))].length).toBe(120);
});

test('article eIds', () => {
  expect(isArticleEId('art_25')).toBe(true);
  expect(isArticleEId('art_10-1')).toBe(true);
  expect(isArticleEId('art_25__para_1')).toBe(false);
  expect(isArticleEId('chp_1')).toBe(false);
});
