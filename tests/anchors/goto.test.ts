import { describe, expect, it } from 'vitest';
import { gotoEId } from '../../src/anchors/goto.ts';

describe('gotoEId', () => {
  it.each([
    ['25', 'art_25'],
    ['２５', 'art_25'],
    ['二十五', 'art_25'],
    ['二十五、', 'art_25'],
    ['第二十五条', 'art_25'],
    ['#第二十五条', 'art_25'],
    ['第 二十五 条', 'art_25'],
    ['四十七条一款二项', 'art_47__para_1__item_2'],
    ['第四十七条第一款第（二）项', 'art_47__para_1__item_2'],
    ['第四十七条第一款第(二)项第1目', 'art_47__para_1__item_2__subitem_1'],
    ['47.1.2', 'art_47__para_1__item_2'],
    ['47.1', 'art_47__para_1'],
    ['47.1.2.3', 'art_47__para_1__item_2__subitem_3'],
    ['第十条之一', 'art_10-1'],
    ['10-1', 'art_10-1'],
    ['第五条第（二）项', 'art_5__para_1__item_2'],
    ['art_47__para_1__item_2', 'art_47__para_1__item_2'],
    ['chp_5', 'chp_5'],
  ])('%s → %s', (input, eId) => expect(gotoEId(input)).toBe(eId));

  it.each(['', '常务会议', '第条', '0', '二三', 'art_x', '47..1', '第十十条'])(
    '%s is not a provision',
    (input) => {
      expect(gotoEId(input)).toBeUndefined();
    },
  );
});
