/**
 * Several flat indexes searched as one: the volumes of a collection built by separate runs
 * (docs/scale.md, "Searching volumes as one"). Each volume is queried with its own engine, and
 * the hits are merged in the order one index of the whole collection would give: by kind
 * (titles, headings, provisions), then by volume, then in the volume's own order. Every hit is
 * still checked by its volume's engine, so recall and precision stay 1. Browser-safe.
 */
import { normalize, type Fold } from '../normalize.ts';
import type { FlatDoc, FlatEngine, FlatHit, FlatPage, FlatSearchOptions } from './query.ts';

/**
 * Documents of volume v rank after those of volumes before it: their `docIndex` is offset by
 * v × VOLUME_STRIDE (no volume holds a million documents).
 */
export const VOLUME_STRIDE = 1_000_000;

const KIND_RANK = { title: 0, heading: 1, provision: 2 } as const;

/** One engine over the volumes, in order (the first is the index the page names). */
export function mergeVolumes(volumes: readonly FlatEngine[]): FlatEngine {
  if (volumes.length === 1) return volumes[0]!;
  let folding: Promise<Fold> | undefined;
  // A character folded by any volume's map is folded: each map covers its own volume's text.
  const fold = () =>
    (folding ??= Promise.all(volumes.map((v) => v.fold())).then(
      (folds) => (text: string) => folds.reduce((t, f) => f(t), text),
    ));

  async function search(query: string, options: FlatSearchOptions = {}): Promise<FlatPage> {
    const f = await fold();
    const normalized = normalize(query, { fold: f }).text;
    const docs = new Map<string, FlatDoc>();
    const moved = (v: number, doc: FlatDoc): FlatDoc => {
      const key = `${v}:${doc.docIndex}`;
      let d = docs.get(key);
      if (!d) docs.set(key, (d = { ...doc, docIndex: v * VOLUME_STRIDE + doc.docIndex }));
      return d;
    };
    const merge = (pages: FlatPage[]): FlatPage => {
      const ranked: Array<{ hit: FlatHit; v: number; i: number }> = [];
      pages.forEach((p, v) =>
        p.hits.forEach((hit, i) => ranked.push({ hit: { ...hit, doc: moved(v, hit.doc) }, v, i })),
      );
      ranked.sort((a, b) => KIND_RANK[a.hit.kind] - KIND_RANK[b.hit.kind] || a.v - b.v || a.i - b.i);
      const done = pages.every((p) => p.done);
      let pending: Promise<FlatPage> | undefined;
      const page: FlatPage = {
        query,
        normalized,
        hits: ranked.map((r) => r.hit),
        candidates: pages.reduce((n, p) => n + p.candidates, 0),
        read: pages.reduce((n, p) => n + p.read, 0),
        rejected: pages.reduce((n, p) => n + p.rejected, 0),
        defining: pages.flatMap((p, v) => p.defining.map((d) => moved(v, d))),
        done,
        // Every volume not yet done reads on: the merged order of what is shown never changes
        // for hits of a kind already complete in every volume.
        more: () =>
          done
            ? Promise.resolve(page)
            : (pending ??= Promise.all(pages.map((p) => (p.done ? p : p.more())))
                .then(merge)
                .finally(() => (pending = undefined))),
      };
      return page;
    };
    return merge(await Promise.all(volumes.map((v) => v.search(query, options))));
  }

  return {
    search,
    preload: async () => {
      await Promise.all(volumes.map((v) => v.preload()));
    },
    fold,
    volumes: async () => [],
  };
}
