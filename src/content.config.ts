/**
 * The collection in Astro's content layer: one entry per document, validated with zod, read
 * from the index the content stage writes (src/data/artefacts.ts). An entry holds what every
 * page may show about a document (metadata, counts, citations, back-links, relations, terms,
 * aliases) and where its trees are; the trees stay in the document's artefact, read when its
 * pages are built (src/data/collection.ts). Astro compiles its whole data store into a module
 * of the build: with the trees in it, that module would be the size of the collection.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { collectionPath, type Collection } from './data/collection.ts';
import { isIndex } from './data/artefacts.ts';
import { documentSchema } from './content/document-schema.ts';
import { hashOf } from './pipeline/hash.ts';

const documents = {
  name: 'tiaowen-documents',
  async load({ store, parseData, logger }) {
    const path = resolve(collectionPath());
    // `astro sync` (the type check of `npm run lint`) runs before any content stage on a fresh
    // clone: the schema gives the types, and the pages, which need the documents, are only
    // built after the content stage (`npm run build`).
    if (!existsSync(path)) {
      logger.warn(`No collection at ${path} yet (npm run content writes it): no documents loaded`);
      store.clear();
      return;
    }
    const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const items = isIndex(raw)
      ? raw.documents.map(({ build, ...summary }) => {
          const artefact = join(dirname(path), summary.artefact);
          // Where the artefact is belongs in the digest: a collection moved elsewhere is read from its new place.
          return {
            digest: hashOf(build.key, artefact, JSON.stringify(summary)),
            data: { ...summary, artefact },
          };
        })
      : (raw as Collection).documents.map((d) => ({ digest: hashOf(JSON.stringify(d)), data: d }));
    const live = new Set<string>();
    let validated = 0;
    for (const { digest, data } of items) {
      const id = data.meta.slug;
      live.add(id);
      if (store.get(id)?.digest === digest) continue;
      const record = data as unknown as Record<string, unknown>;
      // Validated, but stored as written: zod's copy puts the schema's keys first, and the open
      // data (data.json) would list them in another order than the content stage wrote them.
      await parseData({ id, data: record });
      store.set({ id, data: record, digest });
      validated++;
    }
    for (const id of store.keys()) if (!live.has(id)) store.delete(id);
    logger.info(`${items.length} document(s), ${validated} validated (${path})`);
  },
} satisfies Loader;

export const collections = {
  documents: defineCollection({ loader: documents, schema: documentSchema }),
};
