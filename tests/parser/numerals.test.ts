import { describe, expect, it } from 'vitest';
import { parseNumeral, toChineseNumeral } from '../../src/parser/numerals.ts';

describe('parseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十九', 19],
    ['二十', 20],
    ['二十五', 25],
    ['八十七', 87],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百一十', 110],
    ['一百一十五', 115],
    ['二百五十', 250],
    ['两百', 200],
    ['一千零五十', 1050],
    ['一千零五', 1005],
    ['〇', undefined],
    ['1', 1],
    ['25', 25],
    ['２５', 25],
    ['120', 120],
  ])('%s → %s', (text, n) => expect(parseNumeral(text)).toBe(n));

  it.each(['', '零', '二三', '十十', '百', '一百零', '一百五', '一百零五十', '05', '甲', '十a'])(
    '%s is not a numeral',
    (text) => {
      expect(parseNumeral(text)).toBeUndefined();
    },
  );
});

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [101, '一百零一'],
    [110, '一百一十'],
    [1005, '一千零五'],
  ])('%d → %s', (n, text) => expect(toChineseNumeral(n)).toBe(text));
  it('round-trips 1–9999', () => {
    for (let n = 1; n <= 9999; n++) expect(parseNumeral(toChineseNumeral(n))).toBe(n);
  });
  it('refuses what it cannot write', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
  });
});
