/**
 * The reviewed conversion of the seed: the golden text, and the table of every ambiguous phrase
 * with its verdict. After changing overrides, run `npx node tests/variant/update-golden.ts`, then
 * review the rows marked TODO and the diff of the golden.
 * @example npx vitest run tests/variant/golden.test.ts
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ambiguousCharacters } from '../../src/variant/ambiguous.ts';
import { createConverter, loadOverrides } from '../../src/variant/convert.ts';
import { VERDICTS, readReview, reviewRows } from './review.ts';
import { GOLDEN_PATH, convertSeed, readSeed } from './seed.ts';

const convert = createConverter(loadOverrides());

describe('ambiguous characters (from OpenCC’s own dictionaries)', () => {
  it('include the one-to-many characters', () => {
    const amb = ambiguousCharacters();
    for (const [s, forms] of Object.entries({
      发: '發髮',
      后: '後后',
      干: '幹乾干',
      复: '復複覆',
      签: '簽籤',
      系: '系係繫',
      里: '裏里',
      只: '只隻',
      台: '臺颱檯台',
    })) {
      expect(amb.get(s), s).toEqual(expect.arrayContaining(Array.from(forms)));
    }
    expect(amb.has('会')).toBe(false);
  });
});

describe('seed golden', () => {
  it('matches the reviewed conversion', () => {
    expect(convertSeed(convert)).toBe(readFileSync(GOLDEN_PATH, 'utf8'));
  });

  it('is line for line with the source; the wrapper is left out', () => {
    const { lines, first, last } = readSeed();
    const golden = readFileSync(GOLDEN_PATH, 'utf8').replace(/\n$/, '').split('\n');
    expect(golden).toHaveLength(lines.length);
    golden.forEach((g, i) => {
      if (i < first || i > last) expect(g, `line ${i + 1}`).toBe('');
      else expect(Array.from(g).length, `line ${i + 1}`).toBe(Array.from(lines[i] ?? '').length);
    });
  });
});

describe('ambiguous-phrase review table', () => {
  const table = readReview();
  const current = reviewRows(convert);
  const key = (r: { phrase: string; opencc: string; conversion: string }): string =>
    `${r.phrase} ${r.opencc} ${r.conversion}`;

  it('lists exactly the phrases and conversions of the current seed', () => {
    expect(table.map(key)).toEqual(current.map(key));
    expect(table.map((r) => r.line)).toEqual(current.map((r) => r.line));
  });

  it('has a verdict on every row, "fixed" exactly where an override changed OpenCC', () => {
    for (const r of table) {
      expect(VERDICTS, `${r.phrase}: reviewed?`).toContain(r.verdict);
      expect(r.verdict === 'fixed', r.phrase).toBe(r.opencc !== r.conversion);
      if (r.verdict === 'fixed') expect(r.note, r.phrase).not.toBe('');
    }
  });
});
