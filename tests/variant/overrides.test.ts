/**
 * The overrides file loads, and invalid files fail with messages naming the file and the entry.
 * @example npx vitest run tests/variant/overrides.test.ts
 */
import { describe, expect, it } from 'vitest';
import { loadOverrides, parseOverrides } from '../../src/variant/overrides.ts';
import { openccCnToT } from '../../src/variant/opencc.ts';
import { createConverter } from '../../src/variant/convert.ts';

const FILE = 'content/conversion-overrides.yaml';
const reason = 'because';

/** The messages of an overrides text, as `line:column reason`. */
const problems = (text: string) => {
  const { overrides, file } = parseOverrides(text, FILE);
  expect(overrides).toBeUndefined();
  for (const m of file.messages)
    expect([m.ruleId, m.fatal]).toEqual([expect.stringMatching(/^overrides-(yaml|schema)$/), true]);
  return file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
};

describe('conversion overrides file', () => {
  const o = loadOverrides();
  const convert = createConverter(o);

  it('is valid, and every entry changes what OpenCC alone would write', () => {
    expect(o.phrases.length).toBeGreaterThan(0);
    for (const e of o.phrases) {
      // An override OpenCC already agrees with is dead weight; one the converter ignores is a bug.
      expect(openccCnToT(e.phrase), e.phrase).not.toBe(e.to);
      expect(convert(e.phrase), e.phrase).toBe(e.to);
    }
    for (const e of o.characters) {
      expect(openccCnToT(e.example), `${e.from} in ${e.example}`).toContain(e.from);
      expect(convert(e.example), e.example).not.toContain(e.from);
      expect(convert(e.example), e.example).toContain(e.to);
    }
  });

  it('rejects a conversion that changes the length, pointing at the entry', () => {
    const text = `phrases:\n  - { phrase: 会签, to: 會簽, reason: ${reason} }\n  - { phrase: 信息, to: 資訊啊, reason: ${reason} }\n`;
    expect(problems(text)).toEqual([
      expect.stringMatching(
        /^3:23 Unexpected value for phrases\[1\] \(信息\)\.to: .*exactly as many characters/,
      ),
    ]);
  });

  it('rejects missing reasons, unknown keys and non-Chinese phrases', () => {
    expect(problems('phrases:\n  - { phrase: 会签, to: 會簽 }\n')).toEqual([
      expect.stringMatching(/^2:5 Missing phrases\[0\] \(会签\)\.reason/),
    ]);
    expect(problems(`phrases:\n  - { phrase: 会签, to: 會簽, reason: x, note: y }\n`)).toEqual([
      expect.stringMatching(/^2:38 Unexpected key note in phrases\[0\] \(会签\)/),
    ]);
    expect(problems(`phrases:\n  - { phrase: abc, to: abc, reason: x }\n`)).toContainEqual(
      expect.stringMatching(
        /^2:15 Unexpected value for phrases\[0\] \(abc\)\.phrase: expected a phrase of Chinese characters/,
      ),
    );
    expect(problems(`frases: []\n`)).toEqual([expect.stringMatching(/^1:1 Unexpected key frases/)]);
  });

  it('rejects duplicates, chains, and phrase outputs that ignore the character preferences', () => {
    expect(
      problems(
        `phrases:\n  - { phrase: 会签, to: 會簽, reason: x }\n  - { phrase: 会签, to: 會簽, reason: x }\n`,
      ),
    ).toEqual([
      expect.stringMatching(/^3:15 Unexpected value for phrases\[1\] \(会签\)\.phrase: duplicate phrase/),
    ]);
    const chain = `characters:\n  - { from: 爲, to: 為, example: 为了, reason: x }\n  - { from: 為, to: 为, example: 为了, reason: x }\n`;
    expect(problems(chain)).toContainEqual(
      expect.stringMatching(/^2:20 Unexpected value for characters\[0\] \(爲\)\.to: "為" is itself replaced/),
    );
    const stale = `phrases:\n  - { phrase: 作为, to: 作爲, reason: x }\ncharacters:\n  - { from: 爲, to: 為, example: 为了, reason: x }\n`;
    expect(problems(stale)).toEqual([
      expect.stringMatching(/^2:23 Unexpected value for phrases\[0\] \(作为\)\.to: uses 爲/),
    ]);
  });

  it('reports YAML syntax errors with their position, and loadOverrides stops with the report', () => {
    expect(problems('phrases: [\n')).toEqual([expect.stringMatching(/^\d+:\d+ Unexpected YAML: /)]);
  });
});
