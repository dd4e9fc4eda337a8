import { expect, test } from 'vitest';
import { resolveFragment } from '../../src/anchors/fragment.ts';

const ids = new Set(['art_8', 'art_25', 'art_47__para_1__item_2', 'art_46__para_3']);
const exists = (id: string) => ids.has(id);

test('typed forms land on the canonical anchor', () => {
  for (const [fragment, eId] of [
    ['#25', 'art_25'],
    ['#二十五', 'art_25'],
    [`#${encodeURIComponent('第二十五条')}`, 'art_25'],
    ['#第二十五条', 'art_25'],
    [`#${encodeURIComponent('四十七条一款二项')}`, 'art_47__para_1__item_2'],
    ['#47.1.2', 'art_47__para_1__item_2'],
    ['四十七条一款二项', 'art_47__para_1__item_2'],
  ] as const) {
    expect(resolveFragment(fragment, exists), fragment).toBe(eId);
  }
});

test('existing anchors, unknown and malformed fragments are left alone', () => {
  expect(resolveFragment('#art_25', exists)).toBeUndefined();
  expect(resolveFragment('#main', exists)).toBeUndefined();
  expect(resolveFragment('#99', exists)).toBeUndefined();
  expect(resolveFragment('#%E0%A4%A', exists)).toBeUndefined();
  expect(resolveFragment('', exists)).toBeUndefined();
});

test('recorded aliases are followed, also after a typed form, and in chains', () => {
  const aliases = { art_9: 'art_8', art_46__para_4: 'art_46__para_3', art_30: 'art_9' };
  expect(resolveFragment('#art_9', exists, aliases)).toBe('art_8');
  expect(resolveFragment('#9', exists, aliases)).toBe('art_8');
  expect(resolveFragment('#46.4', exists, aliases)).toBe('art_46__para_3');
  expect(resolveFragment('#art_30', exists, aliases)).toBe('art_8');
  expect(resolveFragment('#art_31', exists, { art_31: 'art_32', art_32: 'art_31' })).toBeUndefined();
});
