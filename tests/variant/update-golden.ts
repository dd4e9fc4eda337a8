/**
 * Regenerate the reviewed goldens after a change to the overrides or to OpenCC: the converted
 * seed, and the review table (verdicts of rows that did not change are kept; new or changed rows
 * get verdict TODO, which fails the tests until someone reviews them).
 * @example npx node tests/variant/update-golden.ts
 */
import { existsSync, writeFileSync } from 'node:fs';
import { createConverter, loadOverrides } from '../../src/variant/convert.ts';
import { formatReview, readReview, reviewRows } from './review.ts';
import { GOLDEN_PATH, REVIEW_PATH, convertSeed } from './seed.ts';

const convert = createConverter(loadOverrides());
writeFileSync(GOLDEN_PATH, convertSeed(convert));

const previous = new Map(
  (existsSync(REVIEW_PATH) ? readReview() : []).map(
    (r) => [`${r.phrase}\t${r.opencc}\t${r.conversion}`, r] as const,
  ),
);
const rows = reviewRows(convert).map((row) => {
  const old = previous.get(`${row.phrase}\t${row.opencc}\t${row.conversion}`);
  return { ...row, verdict: old?.verdict || 'TODO', note: old?.note ?? '' };
});
writeFileSync(REVIEW_PATH, formatReview(rows));
const todo = rows.filter((r) => r.verdict === 'TODO').length;
console.log(`${GOLDEN_PATH}\n${REVIEW_PATH}: ${rows.length} rows, ${todo} to review`);
