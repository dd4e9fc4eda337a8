/** The content layer's document schema accepts what the content stage writes, every status included. */
import { describe, expect, it } from 'vitest';
import { documentSchema } from '../../src/content/document-schema.ts';
import { DOCUMENT_STATUSES, metaSchema } from '../../src/content/meta-schema.ts';

const entry = (status: string) => ({
  folder: 'a',
  meta: { title: '某某条例', slug: 'mou-mou-tiao-li', authority: '某市人民政府', docType: '规章', status },
  stats: { articles: 1 },
  citations: [],
  backlinks: {},
  terms: [],
  aliases: [],
  artefact: '/tmp/a.json',
});

describe('documentSchema', () => {
  it.each(DOCUMENT_STATUSES)('accepts status %s, as meta.yaml does', (status) => {
    expect(documentSchema.safeParse(entry(status)).success).toBe(true);
    expect(metaSchema.shape.status.safeParse(status).success).toBe(true);
  });
  it('refuses a status meta.yaml would refuse', () => {
    expect(documentSchema.safeParse(entry('valid')).success).toBe(false);
  });
});
