/**
 * Astro integration: after the build, write the search index of both scripts from
 * generated/collection.json with the engine chosen (TIAOWEN_SEARCH_ENGINE, docs/search.md): the
 * flat index (`<dist>/flat/`, `<dist>/zh-hant/flat/`, default) or Pagefind's bundles
 * (`<dist>/pagefind/`, `<dist>/zh-hant/pagefind/`).
 *
 *   // astro.config.mjs
 *   import search from './src/integrations/search.ts';
 *   export default defineConfig({ integrations: [search()] });
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { hasTraditional, loadCollection } from '../data/collection.ts';
import { buildFlatSearchIndex, buildSearchIndex, collectionFoldMap } from '../search/build-index.ts';
import { bundlePath, flatIndexPath, searchEngine } from '../search/schema.ts';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lazyUrl } from './lazy-url.ts';
import { Worker } from 'node:worker_threads';
import type { FlatWorkerInput } from '../search/flat-worker.ts';
import type { BuildFlatSearchIndexResult } from '../search/build-index.ts';

/** Build one variant's flat index in a worker thread (src/search/flat-worker.ts). */
function buildFlatInWorker(input: FlatWorkerInput): Promise<BuildFlatSearchIndexResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../search/flat-worker.ts', import.meta.url), { workerData: input });
    worker.once('message', (result: BuildFlatSearchIndexResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`exit code ${code}`));
    });
  });
}

export interface SearchIntegrationOptions {
  /** Project root holding generated/collection.json (default: the current directory). */
  root?: string;
}

export default function search(options: SearchIntegrationOptions = {}): AstroIntegration {
  let base = '/';
  return {
    name: 'tiaowen-search',
    hooks: {
      // The header loads the search interface by address (`?lazy-url`), not by a bundled import().
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [lazyUrl()] } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { documents } = loadCollection(options.root);
        const foldMap = collectionFoldMap(documents);
        const started = performance.now();
        const withHant = documents.filter(hasTraditional);
        if (withHant.length < documents.length) {
          logger.warn(
            `${documents.length - withHant.length} document(s) have no traditional tree: left out of the /zh-hant/ search.`,
          );
        }
        const engine = searchEngine(process.env.TIAOWEN_SEARCH_ENGINE);
        // One engine's files only: an index left by an earlier build with the other would be
        // kept offline and served (docs/search.md, "Engines").
        for (const variant of ['hans', 'hant'] as const) {
          await rm(join(outDir, engine === 'flat' ? bundlePath(variant) : flatIndexPath(variant)), {
            recursive: true,
            force: true,
          });
        }
        if (engine === 'flat') {
          // The traditional index in a worker thread while this one builds the simplified.
          const hant = buildFlatInWorker({ outDir, base, variant: 'hant', foldMap, root: options.root });
          const flat = [
            await buildFlatSearchIndex({ outDir, base, documents, variant: 'hans', foldMap }),
            await hant.catch((e: unknown) => {
              logger.warn(
                `the traditional index could not be built in a worker (${String(e)}): building it here`,
              );
              return buildFlatSearchIndex({ outDir, base, documents: withHant, variant: 'hant', foldMap });
            }),
          ];
          logger.info(
            `search (flat index): ${flat.map((f) => `${f.records} records, ${f.parts} parts, ${f.shards} shards → ${f.outputPath}`).join('; ')} in ${Math.round(performance.now() - started)} ms`,
          );
          return;
        }
        const hans = await buildSearchIndex({ outDir, base, documents, variant: 'hans', foldMap });
        const hant = await buildSearchIndex({ outDir, base, documents: withHant, variant: 'hant', foldMap });
        logger.info(
          `search (Pagefind): ${hans.records} + ${hant.records} records → ${hans.outputPath}, ${hant.outputPath} in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
