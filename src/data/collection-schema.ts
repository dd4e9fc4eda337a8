/**
 * The shell of the generated collection (generated/collection.json): every entry names its
 * folder, carries valid metadata and a document tree. The trees are the parser's own output
 * and are not validated again here.
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
