/**
 * The shell of a collection file: every entry names its folder, carries valid metadata and a
 * document tree (whole entries, as test fixtures write them), or, in the index the content
 * stage writes (generated/collection.json), the artefact holding its trees. The trees are the
 * parser's own output and are not validated again here.
 */
import { z } from 'zod';
import { metaSchema } from '../content/meta-schema.ts';

const tree = z.looseObject({
  type: z.literal('document', { message: 'expected a document tree' }),
  children: z.array(z.unknown()),
});

export const collectionSchema = z.object({
  documents: z.array(
    z.looseObject({
      folder: z.string(),
      meta: metaSchema,
      tree,
      treeHant: tree.optional(),
      stats: z.record(z.string(), z.number()),
      citations: z.array(z.unknown()),
      backlinks: z.record(z.string(), z.unknown()),
      terms: z.array(z.unknown()),
      aliases: z.array(z.unknown()),
    }),
  ),
});

/** The index the content stage writes (src/data/artefacts.ts): entries without trees, each naming its artefact. */
export const indexSchema = z.looseObject({
  format: z.literal('tiaowen-collection'),
  version: z.literal(3, { message: 'expected an index of version 3 (rebuild it with `npm run content`)' }),
  documents: z.array(
    z.looseObject({
      folder: z.string(),
      meta: metaSchema,
      artefact: z.string().min(1),
      stats: z.record(z.string(), z.number()),
      citations: z.array(z.unknown()),
      backlinks: z.record(z.string(), z.unknown()),
      terms: z.array(z.unknown()),
      aliases: z.array(z.unknown()),
    }),
  ),
});
