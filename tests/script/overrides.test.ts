/**
 * The overrides file loads, and invalid files fail with messages naming the file and the entry.
 * @example npx vitest run tests/script/overrides.test.ts
 */
import { describe, expect, it } from 'vitest';
import { loadOverrides, parseOverrides } from '../../src/script/overrides.ts';

const FILE = 'content/conversion-overrides.yaml';
const reason = 'because';

describe('conversion overrides file', () => {
  it('is valid and has reasons for every entry', () => {
    const o = loadOverrides();
    expect(o.phrases.length).toBeGreaterThan(0);
    for (const e of [...o.phrases, ...o.characters]) expect(e.reason.length).toBeGreaterThan(3);
  });

  it('rejects a conversion that changes the length, naming file and entry', () => {
    const text = `phrases:\n  - { phrase: 会签, to: 會簽, reason: ${reason} }\n  - { phrase: 信息, to: 資訊啊, reason: ${reason} }\n`;
    expect(() => parseOverrides(text, FILE)).toThrow(/content\/conversion-overrides\.yaml[\s\S]*phrases\[1\] \(信息\)\.to: .*exactly as many characters/);
  });

  it('rejects missing reasons, unknown keys and non-Chinese phrases', () => {
    expect(() => parseOverrides('phrases:\n  - { phrase: 会签, to: 會簽 }\n', FILE)).toThrow(/phrases\[0\] \(会签\)\.reason/);
    expect(() => parseOverrides(`phrases:\n  - { phrase: 会签, to: 會簽, reason: x, note: y }\n`, FILE)).toThrow(/phrases\[0\] \(会签\)/);
    expect(() => parseOverrides(`phrases:\n  - { phrase: abc, to: abc, reason: x }\n`, FILE)).toThrow(/phrases\[0\] \(abc\)\.phrase: expected a phrase of Chinese characters/);
    expect(() => parseOverrides(`frases: []\n`, FILE)).toThrow(/conversion-overrides\.yaml/);
  });

  it('rejects duplicates, chains, and phrase outputs that ignore the character preferences', () => {
    expect(() => parseOverrides(`phrases:\n  - { phrase: 会签, to: 會簽, reason: x }\n  - { phrase: 会签, to: 會簽, reason: x }\n`, FILE)).toThrow(
      /phrases\[1\] \(会签\)\.phrase: duplicate phrase/,
    );
    const chain = `characters:\n  - { from: 爲, to: 為, example: 为了, reason: x }\n  - { from: 為, to: 为, example: 为了, reason: x }\n`;
    expect(() => parseOverrides(chain, FILE)).toThrow(/characters\[0\] \(爲\)\.to: "為" is itself replaced/);
    const stale = `phrases:\n  - { phrase: 作为, to: 作爲, reason: x }\ncharacters:\n  - { from: 爲, to: 為, example: 为了, reason: x }\n`;
    expect(() => parseOverrides(stale, FILE)).toThrow(/phrases\[0\] \(作为\)\.to: uses 爲/);
  });

  it('reports YAML syntax errors with the file name', () => {
    expect(() => parseOverrides('phrases: [\n', FILE)).toThrow(/^content\/conversion-overrides\.yaml: not valid YAML/);
  });
});
