/**
 * Generated stress test of the built search: every substring of 2–6 characters of a sample of
 * provisions (at least 1,000 queries), run in Chromium through the shipped client over the
 * built bundle. For each query the set of provisions found must equal the set of records whose
 * normalised text contains the normalised query: recall = precision = 1.
 */
import { describe, expect, test } from 'vitest';

import { DESKTOP, useBuiltSite } from './harness.ts';
import { builtFold, expectedUrls, runQueries, siteRecords } from './search-helpers.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import type { SearchRecord } from '../../src/search/records.ts';
import type { Variant } from '../../src/i18n/variant.ts';

const records = siteRecords();
const fold = builtFold();

/** A small deterministic generator (LCG), so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Every distinct substring of 1–6 characters of sampled provisions, until `min` queries. */
function substrings(rs: readonly SearchRecord[], min: number, seed: number): string[] {
  const next = random(seed);
  const pool = rs.filter((r) => r.kind === 'provision');
  const out = new Set<string>();
  for (let guard = 0; out.size < min && guard < 10_000; guard++) {
    const chars = Array.from(pool[Math.floor(next() * pool.length)]!.text);
    for (let len = 1; len <= 6; len++) {
      for (let at = 0; at + len <= chars.length; at++) {
        const q = chars.slice(at, at + len).join('');
        // At least one searchable character (punctuation alone normalises to nothing).
        if (Array.from(normalizeText(q, { fold })).length >= 1) out.add(q);
      }
    }
  }
  return [...out];
}

const session = useBuiltSite();

function score(
  variant: Variant,
  queries: readonly string[],
  found: ReadonlyArray<{ query: string; urls: string[] }>,
) {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const wrong: string[] = [];
  found.forEach(({ query, urls }, i) => {
    expect(query).toBe(queries[i]);
    const expected = new Set(expectedUrls(records[variant], query, fold));
    const got = new Set(urls);
    const missed = [...expected].filter((u) => !got.has(u));
    const extra = [...got].filter((u) => !expected.has(u));
    tp += expected.size - missed.length;
    fn += missed.length;
    fp += extra.length;
    if ((missed.length || extra.length) && wrong.length < 10)
      wrong.push(`${query}: missed ${missed.join(' ')} extra ${extra.join(' ')}`);
  });
  return { recall: tp / (tp + fn || 1), precision: tp / (tp + fp || 1), expected: tp + fn, wrong };
}

describe('every substring of sampled provisions', () => {
  for (const [variant, min, seed] of [
    ['hans', 1200, 1],
    ['hant', 400, 2],
  ] as const) {
    test(`${variant}: at least ${min} queries, recall = precision = 1`, { timeout: 300_000 }, async () => {
      const queries = substrings(records[variant], min, seed);
      expect(queries.length).toBeGreaterThanOrEqual(min);
      const page = await (await session.browser.newContext({ viewport: DESKTOP })).newPage();
      await page.goto(session.site.url);
      const found = await runQueries(page, variant, queries);
      const { recall, precision, expected, wrong } = score(variant, queries, found);
      expect(expected).toBeGreaterThanOrEqual(queries.length); // every query finds at least its own record
      expect(wrong).toEqual([]);
      expect(recall).toBe(1);
      expect(precision).toBe(1);
    });
  }
});
