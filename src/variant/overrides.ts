/**
 * The conversion overrides file (`content/conversion-overrides.yaml`): reviewed fixes that win
 * over OpenCC. Two kinds of entry:
 * - `phrases`: a simplified phrase and its traditional form, applied to the source text before
 *   OpenCC, longest match first. The phrase is the smallest context OpenCC gets wrong on its own.
 * - `characters`: an OpenCC-standard traditional character and the form used instead, applied to
 *   OpenCC's output (so it never splits OpenCC's phrases). Each names an `example` in simplified
 *   characters whose OpenCC conversion contains the character.
 * Problems are positioned messages (`overrides-yaml`, `overrides-schema`).
 * @example const overrides = loadOverrides(); // a ContentError carrying the messages if the file is invalid
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { ContentError } from '../diagnostics/error.ts';
import { loadYaml, type DataPath } from '../diagnostics/load.ts';

/** Where the overrides live in the repository. */
export const OVERRIDES_PATH = fileURLToPath(
  new URL('../../content/conversion-overrides.yaml', import.meta.url),
);

const chars = (s: string): string[] => Array.from(s);
const HAN = /^\p{Script=Han}+$/u;

const reason = z.string().trim().min(1, { message: 'expected a short reason for the override' });

const phraseEntry = z
  .object({
    phrase: z.string().regex(HAN, { message: 'expected a phrase of Chinese characters (simplified)' }),
    to: z.string().regex(HAN, { message: 'expected the traditional form, in Chinese characters' }),
    reason,
  })
  .strict()
  // Characters only: a conversion that changes the length is rewording, which we never do.
  .refine((e) => chars(e.phrase).length === chars(e.to).length, {
    message:
      '"to" must have exactly as many characters as "phrase" (characters are converted, never reworded)',
    path: ['to'],
  });

const characterEntry = z
  .object({
    from: z
      .string()
      .regex(HAN)
      .refine((s) => chars(s).length === 1, { message: 'expected one character' }),
    to: z
      .string()
      .regex(HAN)
      .refine((s) => chars(s).length === 1, { message: 'expected one character' }),
    example: z
      .string()
      .regex(HAN, { message: 'expected simplified text whose OpenCC conversion contains "from"' }),
    reason,
  })
  .strict()
  .refine((e) => e.from !== e.to, { message: '"to" must differ from "from"', path: ['to'] });

const overridesSchema = z
  .object({
    phrases: z.array(phraseEntry).default([]),
    characters: z.array(characterEntry).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.phrases.forEach((e, i) => {
      if (seen.has(e.phrase))
        ctx.addIssue({ code: 'custom', path: ['phrases', i, 'phrase'], message: 'duplicate phrase' });
      seen.add(e.phrase);
    });
    const froms = new Set(file.characters.map((e) => e.from));
    const seenFrom = new Set<string>();
    file.characters.forEach((e, i) => {
      if (seenFrom.has(e.from))
        ctx.addIssue({ code: 'custom', path: ['characters', i, 'from'], message: 'duplicate character' });
      seenFrom.add(e.from);
      // A chain (A→B, B→C) would make the result depend on the order of application.
      if (froms.has(e.to))
        ctx.addIssue({
          code: 'custom',
          path: ['characters', i, 'to'],
          message: `"${e.to}" is itself replaced by another entry`,
        });
    });
    // Phrase outputs are used verbatim, so they must already use the preferred character forms.
    file.phrases.forEach((e, i) => {
      const bad = chars(e.to).filter((c) => froms.has(c));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['phrases', i, 'to'],
          message: `uses ${bad.join('')}, which the characters section replaces; write the preferred form`,
        });
      }
    });
  });

export type Overrides = z.infer<typeof overridesSchema>;
export type PhraseOverride = Overrides['phrases'][number];
export type CharacterOverride = Overrides['characters'][number];

/** Name an issue's entry by its phrase/character, e.g. `phrases[3] (会签).to`. */
function describePath(path: DataPath, raw: unknown): string {
  const [section, index, ...rest] = path;
  let where = path.map(String).join('.');
  if (typeof section === 'string' && typeof index === 'number') {
    const entry = (raw as Record<string, unknown[]> | null)?.[section]?.[index] as
      Record<string, unknown> | undefined;
    const label = entry?.['phrase'] ?? entry?.['from'];
    const tail = rest.length ? '.' + rest.map(String).join('.') : '';
    where = `${section}[${index}]${typeof label === 'string' ? ` (${label})` : ''}${tail}`;
  }
  return where;
}

/**
 * Parse and validate the text of an overrides file; `path` names it in messages.
 * @example parseOverrides('phrases: []\n', 'x.yaml').overrides // { phrases: [], characters: [] }
 */
export function parseOverrides(text: string, path: string): { overrides?: Overrides; file: VFile } {
  const { data, file } = loadYaml(text, path, overridesSchema, { rule: 'overrides', describe: describePath });
  return data ? { overrides: data, file } : { file };
}

/** Read and validate the overrides file (by default the one in content/); the build stops if it is invalid. */
export function loadOverrides(path: string = OVERRIDES_PATH): Overrides {
  const { overrides, file } = parseOverrides(
    readFileSync(path, 'utf8'),
    relative(process.cwd(), path) || path,
  );
  if (!overrides) throw new ContentError([file]);
  return overrides;
}
