/**
 * Astro integration: after the build, write the search bundles of both scripts
 * (`<dist>/pagefind/` and `<dist>/zh-hant/pagefind/`) from generated/collection.json.
 *
 *   // astro.config.mjs
 *   import search from './src/integrations/search.ts';
 *   export default defineConfig({ integrations: [search()] });
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadCollection } from '../data/collection.ts';
import { buildFlatSearchIndex, buildSearchIndex, collectionFoldMap } from '../search/build-index.ts';
import { flatIndexPath, searchEngine } from '../search/schema.ts';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lazyUrl } from './lazy-url.ts';

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
        const hans = await buildSearchIndex({ outDir, base, documents, variant: 'hans', foldMap });
        const withHant = documents.filter((d) => d.treeHant);
        if (withHant.length < documents.length) {
          logger.warn(
            `${documents.length - withHant.length} document(s) have no traditional tree: left out of the /zh-hant/ search.`,
          );
        } else {
          // A flat index left by an earlier build with the setting would otherwise be kept offline.
          for (const variant of ['hans', 'hant'] as const) {
            await rm(join(outDir, flatIndexPath(variant)), { recursive: true, force: true });
          }
        }
        const hant = await buildSearchIndex({ outDir, base, documents: withHant, variant: 'hant', foldMap });
        logger.info(
          `search: ${hans.records} + ${hant.records} records → ${hans.outputPath}, ${hant.outputPath} in ${Math.round(performance.now() - started)} ms`,
        );
        // TIAOWEN_SEARCH_ENGINE=flat: the flat index too, which the search box then uses; the
        // Pagefind bundle stays for its fold map and offline search's records (docs/search.md).
        if (searchEngine(process.env.TIAOWEN_SEARCH_ENGINE) === 'flat') {
          const t0 = performance.now();
          const flat = [
            await buildFlatSearchIndex({ outDir, base, documents, variant: 'hans', foldMap }),
            await buildFlatSearchIndex({ outDir, base, documents: withHant, variant: 'hant', foldMap }),
          ];
          logger.info(
            `flat search: ${flat.map((f) => `${f.parts} parts, ${f.shards} shards → ${f.outputPath}`).join('; ')} in ${Math.round(performance.now() - t0)} ms`,
          );
        } else {
          // A flat index left by an earlier build with the setting would otherwise be kept offline.
          for (const variant of ['hans', 'hant'] as const) {
            await rm(join(outDir, flatIndexPath(variant)), { recursive: true, force: true });
          }
        }
      },
    },
  };
}
