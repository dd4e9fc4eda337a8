/**
 * Recorded aliases (content/<folder>/aliases.yaml): where a published anchor that no longer
 * exists now points. The site redirects such fragments and article pages to the new address.
 */
import { z } from 'zod';
import { parse } from 'yaml';
import type { Alias } from './manifest.ts';
import { EID_PATTERN } from './eid.ts';

const aliasesSchema = z.object({
  aliases: z.array(
    z.object({
      from: z.string().regex(EID_PATTERN, { message: 'expected the anchor that was published, e.g. art_25__para_3' }),
      to: z.string().regex(EID_PATTERN, { message: 'expected the anchor it now lives at, e.g. art_25__para_2' }),
      reason: z.string().optional(),
    }).strict(),
  ).default([]),
}).strict();

/**
 * Read an aliases file; throws an Error naming the file and entry when it is malformed.
 * @example parseAliases('aliases:\n  - from: art_9\n    to: art_8\n', 'aliases.yaml') // [{ from: 'art_9', to: 'art_8' }]
 */
export function parseAliases(text: string, path: string): Alias[] {
  const result = aliasesSchema.safeParse(parse(text) ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data.aliases.map((a) => (a.reason === undefined ? { from: a.from, to: a.to } : { from: a.from, to: a.to, reason: a.reason }));
}
