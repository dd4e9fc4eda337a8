/** The anchor grammar (src/anchors/eid.ts): one dense table, formatted and parsed both ways. */
import { describe, expect, it } from 'vitest';
import {
  BUILT_EID_SOURCE,
  EID_PATTERN,
  EID_SOURCE,
  articleOf,
  formatEId,
  isArticleEId,
  parseEId,
  type EIdStep,
} from '../../src/anchors/eid.ts';
import { gotoEId } from '../../src/anchors/goto.ts';
import { labelOfEId } from '../../src/parser/labels.ts';

const TABLE: Array<[string, EIdStep[], string]> = [
  ['chp_5', [{ unit: 'chapter', num: 5 }], '第五章'],
  [
    'chp_2__sec_1',
    [
      { unit: 'chapter', num: 2 },
      { unit: 'section', num: 1 },
    ],
    '第二章第一节',
  ],
  ['part_2', [{ unit: 'part', num: 2 }], '第二编'],
  [
    'part_2__chp_1',
    [
      { unit: 'part', num: 2 },
      { unit: 'chapter', num: 1 },
    ],
    '第二编第一章',
  ],
  [
    'part_3__subpart_2__chp_9__sec_1',
    [
      { unit: 'part', num: 3 },
      { unit: 'subpart', num: 2 },
      { unit: 'chapter', num: 9 },
      { unit: 'section', num: 1 },
    ],
    '第三编第二分编第九章第一节',
  ],
  ['art_25', [{ unit: 'article', num: 25 }], '第二十五条'],
  ['art_10-1', [{ unit: 'article', num: 10, sub: 1 }], '第十条之一'],
  ['art_25_2', [{ unit: 'article', num: 25, repeat: 2 }], '第二十五条（重复编号之二）'],
  [
    'art_47__para_1__item_2',
    [
      { unit: 'article', num: 47 },
      { unit: 'paragraph', num: 1 },
      { unit: 'item', num: 2 },
    ],
    '第四十七条第一款第（二）项',
  ],
  [
    'art_47__para_1__item_2__subitem_1',
    [
      { unit: 'article', num: 47 },
      { unit: 'paragraph', num: 1 },
      { unit: 'item', num: 2 },
      { unit: 'subitem', num: 1 },
    ],
    '第四十七条第一款第（二）项第1目',
  ],
  [
    'art_1__para_1__item_2__subitem_1__point_2__point_1',
    [
      { unit: 'article', num: 1 },
      { unit: 'paragraph', num: 1 },
      { unit: 'item', num: 2 },
      { unit: 'subitem', num: 1 },
      { unit: 'point', num: 2 },
      { unit: 'point', num: 1 },
    ],
    '第一条第一款第（二）项第1目（2）（1）',
  ],
  [
    'dvs_2__dvs_1',
    [
      { unit: 'division', num: 2 },
      { unit: 'division', num: 1 },
    ],
    '二、（一）',
  ],
  ['hcontainer_1', [{ unit: 'hcontainer', num: 1 }], 'hcontainer_1'],
  [
    'hcontainer_1__para_2',
    [
      { unit: 'hcontainer', num: 1 },
      { unit: 'paragraph', num: 2 },
    ],
    'hcontainer_1__para_2',
  ],
  ['att_1', [{ unit: 'attachment', num: 1 }], '附件一'],
  [
    'att_2__para_3',
    [
      { unit: 'attachment', num: 2 },
      { unit: 'paragraph', num: 3 },
    ],
    '附件二第三款',
  ],
  ['note_1', [{ unit: 'note', num: 1 }], '注①'],
  ['para_2', [{ unit: 'paragraph', num: 2 }], '第二款'],
];

describe('the anchor grammar', () => {
  it.each(TABLE)('%s', (eId, steps, label) => {
    expect(formatEId(steps)).toBe(eId);
    expect(parseEId(eId)).toEqual(steps);
    expect(EID_PATTERN.test(eId)).toBe(true);
    expect(labelOfEId(eId)).toBe(label);
  });

  it.each([
    'chp_0',
    'art_',
    'art_01',
    'art_1-',
    'art_1__',
    '__art_1',
    'article_1',
    'art_1__para_x',
    'art_1_1',
    'art_１',
    'ART_1',
    'art_1 ',
    'chp_2__sec_1__',
    'art_1__bogus_2',
  ])('rejects %s', (eId) => {
    expect(EID_PATTERN.test(eId)).toBe(false);
    expect(parseEId(eId)).toBeUndefined();
  });

  it('the pattern shipped to the browser is the one the unit table builds', () => {
    expect(EID_SOURCE).toBe(BUILT_EID_SOURCE);
  });

  it('tells article anchors from others and finds the article of a provision', () => {
    expect(isArticleEId('art_10-1')).toBe(true);
    expect(isArticleEId('art_10__para_1')).toBe(false);
    expect(isArticleEId('chp_1')).toBe(false);
    expect(articleOf('art_5__para_2__item_1')).toBe('art_5');
    expect(articleOf('chp_5')).toBeUndefined();
  });

  it('is what the go-to box accepts, full-width digits included', () => {
    expect(gotoEId('part_2__chp_1')).toBe('part_2__chp_1');
    expect(gotoEId('art_10-1')).toBe('art_10-1');
    expect(gotoEId('att_1')).toBe('att_1');
    expect(gotoEId('４７.１.２')).toBe('art_47__para_1__item_2');
    expect(gotoEId('第四十七条第一款第（二）项')).toBe('art_47__para_1__item_2');
  });
});
