import { expect, test } from 'vitest';
import { absoluteHref, variantHref, twin } from '../../src/i18n/locale.ts';
import { ui } from '../../src/i18n/ui.ts';

test('paths of both scripts', () => {
  expect(variantHref('hans', 'slug/art_25/')).toBe('/slug/art_25/');
  expect(variantHref('hant', 'slug/art_25/')).toBe('/zh-hant/slug/art_25/');
  expect(variantHref('hant')).toBe('/zh-hant/');
  expect(twin('hans')).toBe('hant');
  expect(absoluteHref('/zh-hant/', new URL('https://example.org/rules/'))).toBe(
    'https://example.org/zh-hant/',
  );
  expect(absoluteHref('/zh-hant/', undefined)).toBe('/zh-hant/');
});

test('interface strings are converted for traditional pages only', () => {
  expect(ui('hant')('已复制链接')).toBe('已複製鏈接');
  expect(ui('hant')('第四十七条第一款第（二）项')).toBe('第四十七條第一款第（二）項');
  expect(ui('hans')('已复制链接')).toBe('已复制链接');
});
