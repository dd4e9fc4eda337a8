/**
 * The converter: OpenCC cn → t (characters, no regional vocabulary), overrides winning, and one
 * test per override showing that it is needed, that it works, and that it reaches the seed.
 * @example npx vitest run tests/variant/convert.test.ts
 */
import { describe, expect, it } from 'vitest';
import { createConverter, loadOverrides } from '../../src/variant/convert.ts';
import { openccCnToT } from '../../src/variant/opencc.ts';
import { seedBody } from './seed.ts';

const overrides = loadOverrides();
const convert = createConverter(overrides);
const plain = createConverter({ phrases: [], characters: [] });
const preferred = new Map(overrides.characters.map((c) => [c.from, c.to] as const));

/** Seed sentences (split after 。；！？ so that each check looks at a small unit). */
const sentences = seedBody()
  .flatMap(({ text }) => text.split(/(?<=[。；;！？])/u))
  .filter((s) => s.length > 0);

describe('createConverter', () => {
  it('converts characters only: no regional vocabulary', () => {
    expect(convert('信息')).toBe('信息');
    expect(convert('软件')).toBe('軟件');
    expect(convert('网络')).toBe('網絡');
    expect(convert('视频')).toBe('視頻');
    expect(convert('鼠标')).toBe('鼠標');
  });

  it('disambiguates one-to-many characters by context (OpenCC phrases)', () => {
    expect(convert('头发')).toBe('頭髮');
    expect(convert('发展')).toBe('發展');
    expect(convert('以后')).toBe('以後');
    expect(convert('皇后')).toBe('皇后');
    expect(convert('干部')).toBe('幹部');
    expect(convert('干燥')).toBe('乾燥');
    expect(convert('干预')).toBe('干預');
    expect(convert('复杂')).toBe('複雜');
    expect(convert('面条')).toBe('麪條');
    expect(convert('公里')).toBe('公里');
  });

  it('without overrides is exactly OpenCC cn → t', () => {
    for (const s of sentences) expect(plain(s)).toBe(openccCnToT(s));
  });

  it('lets an override win over a longer OpenCC phrase, longest override first', () => {
    const c = createConverter({
      phrases: [
        { phrase: '头', to: '頭', reason: 'x' },
        { phrase: '头发', to: '頭發', reason: 'x' }, // deliberately wrong, to see that it wins
      ],
      characters: [],
    });
    expect(c('理头发')).toBe('理頭發');
    expect(c('头上')).toBe('頭上');
  });

  it('applies character preferences to OpenCC output but not to phrase overrides', () => {
    const c = createConverter({
      phrases: [{ phrase: '作为', to: '作爲', reason: 'x' }],
      characters: [{ from: '爲', to: '為', example: '为了', reason: 'x' }],
    });
    expect(c('为了作为')).toBe('為了作爲');
  });

  it('keeps characters outside the BMP and punctuation as they are', () => {
    expect(convert('𠮷发,a、b')).toBe('𠮷發,a、b');
  });
});

describe.each(overrides.phrases.map((e) => [e.phrase, e] as const))('phrase override %s', (_, entry) => {
  it(`is needed: OpenCC alone does not give ${entry.to}`, () => {
    expect(openccCnToT(entry.phrase)).not.toBe(entry.to);
  });
  it(`converts ${entry.phrase} to ${entry.to}`, () => {
    expect(convert(entry.phrase)).toBe(entry.to);
  });
  it('reaches every seed sentence containing the phrase', () => {
    for (const s of sentences.filter((x) => x.includes(entry.phrase))) expect(convert(s)).toContain(entry.to);
  });
});

describe.each(overrides.characters.map((e) => [e.from, e] as const))('character override %s', (_, entry) => {
  it(`is needed: OpenCC gives ${entry.from} in ${entry.example}`, () => {
    expect(openccCnToT(entry.example)).toContain(entry.from);
  });
  it(`writes ${entry.to} instead`, () => {
    const out = convert(entry.example);
    expect(out).toContain(entry.to);
    expect(out).not.toContain(entry.from);
    expect(out).toBe(Array.from(openccCnToT(entry.example), (c) => preferred.get(c) ?? c).join(''));
  });
  it('reaches every seed sentence where OpenCC writes the character', () => {
    for (const s of sentences.filter((x) => openccCnToT(x).includes(entry.from))) {
      expect(convert(s)).toContain(entry.to);
      expect(convert(s)).not.toContain(entry.from);
    }
  });
});
