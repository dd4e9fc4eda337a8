/**
 * One variant's flat index, built in a worker thread so that both variants are built at once on
 * a two-core machine (the traditional index is as much work as the simplified one: 93 s each on
 * the whole LawRefBook corpus). The worker reads the collection itself: trees are not sent
 * between threads. Started by src/integrations/search.ts (`buildFlatInWorker`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hasTraditional, loadCollection } from '../data/collection.ts';
import type { Variant } from '../i18n/locale.ts';
import type { FoldMap } from '../variant/fold.ts';
import { buildFlatSearchIndex } from './build-index.ts';

export interface FlatWorkerInput {
  outDir: string;
  base: string;
  variant: Variant;
  foldMap: FoldMap;
  /** Project root (where generated/collection.json is, unless TIAOWEN_COLLECTION names another). */
  root?: string;
}

const input = workerData as FlatWorkerInput;
const { documents } = loadCollection(input.root);
const result = await buildFlatSearchIndex({
  outDir: input.outDir,
  base: input.base,
  documents: input.variant === 'hant' ? documents.filter(hasTraditional) : documents,
  variant: input.variant,
  foldMap: input.foldMap,
});
parentPort!.postMessage(result);
