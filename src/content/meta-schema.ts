/**
 * The metadata file of a document (`content/<folder>/meta.yaml`).
 * Validated with zod; `loadMeta` turns zod issues into positioned messages.
 */
import { z } from 'zod';
import { currentVersionSchema } from '../versions/schema.ts';

/** A document's status (时效性), in reading order; the content layer's schema uses the same list. */
export const DOCUMENT_STATUSES = ['in-force', 'amended', 'repealed', 'not-yet-in-force'] as const;

/** ISO calendar date, e.g. 2017-02-27. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date written YYYY-MM-DD, e.g. 2017-02-27' });

const documentRef = z.object({
  title: z.string().min(1, { message: 'expected the title of the superseded document' }),
  /** 发文字号, e.g. 淄政发〔2017〕2号 */
  documentNumber: z.string().optional(),
  issued: isoDate.optional(),
});

/**
 * Optional fields for browsing a collection and relating its documents (docs/collection.md):
 * a finer region than the jurisdiction, the 上位法 a document implements, and strict mode,
 * which keeps an unresolved reference an error instead of a warning.
 */
const collectionFields = {
  /** The region as readers name it, e.g. 淄博市; the jurisdiction's name when absent. */
  region: z.string().min(1).optional(),
  /** The laws this document implements (its 上位法), by title, e.g. 中华人民共和国行政处罚法. */
  implements: z.array(z.string().min(1, { message: 'expected the title of the implemented law' })).optional(),
  /** Other names the document is known and cited by (刑诉法, 民诉法), found by the title box. */
  abbreviations: z.array(z.string().min(2, { message: 'expected an abbreviation of at least two characters' })).optional(),
  /** An unresolved reference fails the build instead of publishing with a warning. */
  strict: z.boolean().optional(),
};

export const metaSchema = z
  .object({
    title: z.string().min(1, { message: 'expected the document title, e.g. 淄博市人民政府工作规则' }),
    /** ASCII URL slug: part of the public address, never change it once published. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
        message: 'expected an ASCII slug of lower-case letters, digits and single hyphens, e.g. zibo-government-work-rules',
      }),
    /** 制定机关 / 发布机关 */
    authority: z.string().min(1, { message: 'expected the issuing authority, e.g. 淄博市人民政府' }),
    /** 文件类型: 法律, 行政法规, 地方性法规, 规章, 规范性文件 … */
    docType: z.string().min(1, { message: 'expected the document type, e.g. 规范性文件' }),
    /** 发文字号, when known. */
    documentNumber: z.string().optional(),
    /** ISO 3166-2 code of the jurisdiction, e.g. CN-SD (Shandong). */
    jurisdiction: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, { message: 'expected an ISO 3166 code such as CN or CN-SD' }),
    status: z.enum(DOCUMENT_STATUSES, {
      message: 'expected one of in-force, amended, repealed, not-yet-in-force',
    }),
    dates: z
      .object({
        adopted: isoDate.optional(),
        issued: isoDate.optional(),
        effective: isoDate.optional(),
        amended: isoDate.optional(),
        repealed: isoDate.optional(),
      })
      .strict()
      .default({}),
    supersedes: z.array(documentRef).default([]),
    source: z.object({
      description: z.string().min(1, { message: 'expected where the text comes from' }),
      url: z.url().optional(),
      retrieved: isoDate.optional(),
    }),
    /**
     * How pinpoint citations name an article. `tiao` always cites 第X条 (the usual practice,
     * also for 一、-numbered documents); `label` cites the article as the document numbers it (X、).
     */
    citeArticlesAs: z.enum(['tiao', 'label']).default('tiao'),
    /** The current version's date and event, when versions/ holds earlier ones (docs/versions.md). */
    version: currentVersionSchema.optional(),
    ...collectionFields,
  })
  .strict();

export type DocumentMeta = z.infer<typeof metaSchema>;
export type DocumentMetaInput = z.input<typeof metaSchema>;
