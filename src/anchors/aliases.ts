/**
 * Recorded aliases (content/<folder>/aliases.yaml): where a published anchor that no longer
 * exists now points. The site redirects such fragments and article pages to the new address.
 */
import type { VFile } from 'vfile';
import { z } from 'zod';
import { loadYaml, type Loaded } from '../diagnostics/load.ts';
import type { Alias } from './manifest.ts';
import { EID_PATTERN } from './eid.ts';

const aliasesSchema = z
  .object({
    aliases: z
      .array(
        z
          .object({
            from: z
              .string()
              .regex(EID_PATTERN, { message: 'expected the anchor that was published, e.g. art_25__para_3' }),
            to: z
              .string()
              .regex(EID_PATTERN, { message: 'expected the anchor it now lives at, e.g. art_25__para_2' }),
            reason: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export interface AliasesResult {
  aliases: Alias[];
  file: VFile;
  /** Where an entry sits in the file, for problems found later (an alias to nowhere). */
  placeOf: Loaded<unknown>['placeOf'];
}

/**
 * Read an aliases file; problems are positioned messages on the file (`aliases-yaml`,
 * `aliases-schema`), and the aliases are empty then.
 * @example loadAliases('aliases:\n  - from: art_9\n    to: art_8\n', 'aliases.yaml').aliases // [{ from: 'art_9', to: 'art_8' }]
 */
export function loadAliases(text: string, path: string): AliasesResult {
  const { data, file, placeOf } = loadYaml(text, path, aliasesSchema, { rule: 'aliases' });
  const aliases = (data?.aliases ?? []).map((a) =>
    a.reason === undefined ? { from: a.from, to: a.to } : { from: a.from, to: a.to, reason: a.reason },
  );
  return { aliases, file, placeOf };
}
