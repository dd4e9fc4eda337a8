/**
 * The search fold: traditional → simplified by character, the same function for index and query,
 * small enough for the browser.
 * @example npx vitest run tests/variant/fold.test.ts
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createConverter, loadOverrides } from '../../src/variant/convert.ts';
import { foldToSimplified, type FoldMap } from '../../src/variant/fold.ts';
import { buildFoldMap, fullFoldPairs, toFoldMap } from '../../src/variant/fold-map.ts';
import { foldDicts } from '../../src/variant/opencc.ts';
import { seedBody } from './seed.ts';

const body = seedBody()
  .map((l) => l.text)
  .join('\n');
const convert = createConverter(loadOverrides());
const seedMap = buildFoldMap(body, convert(body));
const gzip = (s: string): number => gzipSync(Buffer.from(s, 'utf8'), { level: 9 }).length;

describe('foldToSimplified', () => {
  it('folds the traditional edition back to the simplified source, line by line', () => {
    for (const { line, text } of seedBody()) {
      expect(foldToSimplified(convert(text), seedMap), `line ${line}`).toBe(foldToSimplified(text, seedMap));
    }
  });

  it('finds 会议 when the user types 會議', () => {
    const index = foldToSimplified('市政府全体会议', seedMap);
    expect(index).toContain(foldToSimplified('會議', seedMap));
    expect(foldToSimplified('會議', seedMap)).toBe('会议');
  });

  it('is the identity outside the map, including characters beyond the BMP', () => {
    expect(foldToSimplified('abc 123 、。𠮷会', seedMap)).toBe('abc 123 、。𠮷会');
    expect(foldToSimplified('', seedMap)).toBe('');
  });

  it('is a function of the character: ambiguous characters fold one way, in index and query alike', () => {
    const map = buildFoldMap('干部');
    expect(foldToSimplified('乾幹干', map)).toBe('干干干');
  });

  it('covers what the phrase tables produce when given the traditional edition (瞭解, 反覆)', () => {
    expect(foldToSimplified('瞭解反覆', seedMap)).toBe('了解反复');
    expect(foldToSimplified('瞭解', buildFoldMap('了解'))).toBe('瞭解'); // the character table alone does not know 瞭
  });

  it('folds Taiwan and Hong Kong variants too (衞, 啟, 説)', () => {
    const map = buildFoldMap('卫启说');
    expect(foldToSimplified('衞衛啟啓説說', map)).toBe('卫卫启启说说');
  });

  it('is idempotent and keeps code point counts', () => {
    const full = toFoldMap(fullFoldPairs());
    const once = foldToSimplified(full.from, full);
    expect(foldToSimplified(once, full)).toBe(once);
    expect(Array.from(full.from)).toHaveLength(Array.from(full.to).length);
    // Simplified text that is already folded stays as it is (么 is not 幺, 才 is not 纔).
    expect(foldToSimplified('什么才台', full)).toBe('什么才台');
  });

  it('rejects a malformed map', () => {
    expect(() => foldToSimplified('x', { from: 'ab', to: 'a' })).toThrow(/fold map/);
  });
});

describe('buildFoldMap', () => {
  it('keeps only pairs whose simplified side occurs in the corpus, deterministically', () => {
    const present = new Set(Array.from(body));
    for (const s of seedMap.to) expect(present.has(s)).toBe(true);
    expect(buildFoldMap(body, convert(body))).toEqual(seedMap);
    expect(() => buildFoldMap('会议', '會')).toThrow(/as many characters/);
    const roundTrip = JSON.parse(JSON.stringify(seedMap)) as FoldMap;
    expect(foldToSimplified('會議', roundTrip)).toBe('会议');
  });

  it('fits the browser budget: fold code + seed map ≤ 10 KiB gzipped', () => {
    const source = readFileSync(new URL('../../src/variant/fold.ts', import.meta.url), 'utf8');
    const code = ts.transpileModule(source, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    }).outputText;
    const shipped = `${code}\nexport const foldMap = ${JSON.stringify(seedMap)};\n`;
    const full = JSON.stringify(toFoldMap(fullFoldPairs()));
    const sizes = {
      seedPairs: Array.from(seedMap.from).length,
      seedMapGzip: gzip(JSON.stringify(seedMap)),
      codeGzip: gzip(code),
      shippedGzip: gzip(shipped),
      fullPairs: Array.from(toFoldMap(fullFoldPairs()).from).length,
      fullMapGzip: gzip(full),
      openccTSCharactersGzip: gzip(foldDicts.TSCharacters),
    };
    console.log('fold sizes (bytes):', sizes);
    expect(sizes.shippedGzip).toBeLessThanOrEqual(10 * 1024);
  });
});
