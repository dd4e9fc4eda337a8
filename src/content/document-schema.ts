/**
 * The content layer's schema of a document entry (src/content.config.ts): what every page may
 * show about a document, and where its trees are. Its own module, so that it can be tested
 * without Astro's virtual modules.
 */
import { z } from 'astro/zod';
import { DOCUMENT_STATUSES } from './meta-schema.ts';

const backLink = z.looseObject({ doc: z.string(), from: z.string(), label: z.string(), text: z.string() });

/** A document as the pages receive it; the trees are in `artefact` (or inline, in a test fixture's collection). */
export const documentSchema = z.looseObject({
  folder: z.string(),
  meta: z.looseObject({
    title: z.string().min(1),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
    authority: z.string(),
    docType: z.string(),
    status: z.enum(DOCUMENT_STATUSES),
  }),
  titleHant: z.string().optional(),
  stats: z.looseObject({ articles: z.number().int().nonnegative() }),
  citations: z.array(z.looseObject({ status: z.string(), from: z.array(z.string()) })),
  backlinks: z.record(z.string(), z.array(backLink)),
  terms: z.array(z.looseObject({ term: z.string(), defines: z.string() })),
  aliases: z.array(z.looseObject({ from: z.string(), to: z.string() })),
  /** The artefact holding the trees, absolute; absent when the collection file holds them inline. */
  artefact: z.string().optional(),
  /** Whether the artefact holds earlier versions (so listing them reads no artefact without). */
  versioned: z.boolean().optional(),
  tree: z.looseObject({ type: z.literal('document'), children: z.array(z.unknown()) }).optional(),
});

/** Reads the collection file; an entry whose digest is unchanged since the last build is not validated again. */
