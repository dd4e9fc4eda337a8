/**
 * Property tests: mutate real fixtures (drop, duplicate and swap lines, inject garbage, change
 * numerals, mix punctuation widths). The parser never throws, never loses text, and either
 * parses cleanly or returns positioned messages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegulation, treeStats, unaccounted } from '../../src/parser/index.ts';
import { RULE_ID } from '../../src/diagnostics/rules.ts';

const root = 'tests/fixtures/parser';
const texts = [
  readFileSync('content/zibo-government-work-rules/source.txt', 'utf8'),
  ...readdirSync(root).map((d) => readFileSync(join(root, d, 'input.txt'), 'utf8')),
];

type Mutation = (lines: string[]) => string[];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i) => (l: string[]) => l.filter((_, j) => j !== i % l.length)),
  fc.nat().map((i) => (l: string[]) => [...l.slice(0, (i % l.length) + 1), ...l.slice(i % l.length)]),
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => (l: string[]) => {
    const c = l.slice();
    const a = i % c.length;
    const b = j % c.length;
    [c[a], c[b]] = [c[b]!, c[a]!];
    return c;
  }),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 12 })).map(([i, junk]) => (l: string[]) => {
    const c = l.slice();
    c.splice(i % c.length, 0, junk);
    return c;
  }),
  fc.tuple(fc.nat(), fc.constantFrom('一', '十', '百', '零', '两', '3', '之一')).map(
    ([i, n]) =>
      (l: string[]) =>
        l.map((line, j) => (j === i % l.length ? line.replace(/[一二三四五六七八九十]/, n) : line)),
  ),
  fc.constant((l: string[]) =>
    l.map((line) => line.replace(/，/g, ',').replace(/（/g, '(').replace(/\)/g, '）')),
  ),
);

describe('parser robustness', () => {
  it('never throws, never loses text, always positions its messages', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (text, mutations) => {
          const lines = mutations.reduce((l, m) => m(l), text.split('\n'));
          const mutated = lines.join('\n');
          const { tree, file, ok } = parseRegulation(mutated, 'mutated.txt');
          expect(unaccounted(tree, mutated).missing).toBe(0);
          const rows = mutated.split(/\r\n|\r|\n/);
          for (const m of file.messages) {
            // Each message points inside the text it was given, at a line that exists.
            expect(m.line, m.reason).toBeGreaterThan(0);
            expect(m.line!, m.reason).toBeLessThanOrEqual(rows.length);
            expect(m.column!, m.reason).toBeLessThanOrEqual(rows[m.line! - 1]!.length + 1);
            expect(m.ruleId).toMatch(RULE_ID);
          }
          // An empty result is never silent: a text with neither articles nor paragraphs says so.
          const stats = treeStats(tree);
          if (stats.articles + stats.paragraphs === 0)
            expect(file.messages.map((m) => m.ruleId)).toContain('no-articles');
          expect(ok).toBe(true); // source defects are warnings: every text publishes
        },
      ),
      { numRuns: 300 },
    );
  });
});
