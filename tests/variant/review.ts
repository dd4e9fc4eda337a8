/**
 * The review table of the seed: every phrase of the body that contains a character with more
 * than one traditional form, with OpenCC's conversion of it and ours (both in context), and the
 * reviewer's verdict. `update-golden.ts` regenerates it, keeping verdicts of unchanged rows.
 * @example reviewRows(convert)[0] // { line: 17, phrase: '根据', opencc: '根據', conversion: '根據', … }
 */
import { readFileSync } from 'node:fs';
import { findAmbiguousPhrases } from '../../src/variant/ambiguous.ts';
import { openccCnToT } from '../../src/variant/opencc.ts';
import { REVIEW_PATH, seedBody } from './seed.ts';

export interface ReviewRow {
  line: number; // first source line where the phrase occurs with this conversion
  phrase: string;
  opencc: string; // OpenCC cn → t alone, in context
  conversion: string; // ours (overrides applied), in context
  verdict: string; // ok: reviewed, right as OpenCC has it; fixed: an override corrects OpenCC
  note: string;
}

export const HEADER = ['line', 'phrase', 'opencc', 'conversion', 'verdict', 'note'] as const;
export const VERDICTS = ['ok', 'fixed'] as const;

/** Slice a conversion by the source's offsets; valid because the conversion keeps lengths. */
function sliceSame(source: string, converted: string, start: number, end: number): string {
  if (converted.length !== source.length) throw new Error(`conversion changed the length of: ${source}`);
  return converted.slice(start, end);
}

/** The rows the seed body calls for now (verdict and note empty), in order of first occurrence. */
export function reviewRows(convert: (s: string) => string): ReviewRow[] {
  const rows = new Map<string, ReviewRow>();
  for (const { line, text } of seedBody()) {
    const raw = openccCnToT(text);
    const ours = convert(text);
    for (const { phrase, start, end } of findAmbiguousPhrases(text)) {
      const row = {
        line,
        phrase,
        opencc: sliceSame(text, raw, start, end),
        conversion: sliceSame(text, ours, start, end),
        verdict: '',
        note: '',
      };
      const key = `${row.phrase}\t${row.opencc}\t${row.conversion}`;
      if (!rows.has(key)) rows.set(key, row);
    }
  }
  return [...rows.values()];
}

/** Parse the TSV file (header first). */
export function readReview(file = REVIEW_PATH): ReviewRow[] {
  const [header, ...body] = readFileSync(file, 'utf8').replace(/\n$/, '').split('\n');
  if (header !== HEADER.join('\t')) throw new Error(`${file}: expected the header ${HEADER.join(' | ')}`);
  return body.map((l, i) => {
    const [line = '', phrase = '', opencc = '', conversion = '', verdict = '', note = ''] = l.split('\t');
    if (!/^\d+$/.test(line)) throw new Error(`${file}:${i + 2}: bad line number`);
    return { line: Number(line), phrase, opencc, conversion, verdict, note };
  });
}

/** Write rows as TSV text. */
export function formatReview(rows: ReviewRow[]): string {
  const cells = rows.map((r) => [r.line, r.phrase, r.opencc, r.conversion, r.verdict, r.note].join('\t'));
  return [HEADER.join('\t'), ...cells].join('\n') + '\n';
}
