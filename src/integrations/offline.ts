/**
 * Astro integration: after the build, write the single-file downloads of every document
 * page and then the service worker (`<out>/sw.js`) that precaches the site, the search
 * bundles included. It must come after the search integration, whose bundles it precaches:
 *
 *   // astro.config.mjs
 *   integrations: [search(), offline()],
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasTraditional, loadCollection } from '../data/collection.ts';
import { writeServiceWorker } from '../offline/service-worker.ts';
import { thresholdFromEnv } from '../offline/manifest.ts';
import { writeSingleFiles } from '../offline/single-file.ts';
import { VARIANTS, variantPath } from '../i18n/variant.ts';
import { bundlePath, flatIndexPath } from '../search/schema.ts';

export interface OfflineIntegrationOptions {
  /** Project root holding generated/collection.json (default: the current directory). */
  root?: string;
}

export default function offline(options: OfflineIntegrationOptions = {}): AstroIntegration {
  let base = '/';
  let site: string | undefined;
  return {
    name: 'tiaowen-offline',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // The page script registers the service worker only in built sites (sw.js exists there).
        updateConfig({ vite: { define: { __TIAOWEN_SW__: JSON.stringify(command === 'build') } } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const entries = loadCollection(options.root).documents;
        const slugs = entries.map((d) => d.meta.slug);
        const single = await writeSingleFiles({ outDir, base, site, slugs });
        for (const warning of single.warnings) logger.warn(warning);

        for (const v of VARIANTS) {
          const engine = [join(bundlePath(v), 'pagefind.js'), join(flatIndexPath(v), 'manifest.json')];
          if (!engine.some((f) => existsSync(join(outDir, f)))) {
            logger.warn(
              `${variantPath(v) || '/'}: no search index: search will not work offline (is the search integration listed before this one?).`,
            );
          }
        }
        const documents = entries.map((d) => ({
          slug: d.meta.slug,
          title: d.meta.title,
          titleHant: d.titleHant,
          type: d.meta.docType,
          hasHant: hasTraditional(d),
        }));
        const sw = await writeServiceWorker({ outDir, base, documents, threshold: thresholdFromEnv() });
        for (const warning of sw.warnings) logger.warn(warning);
        const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
        logger.info(
          `offline: ${single.files.length} single-file download(s); sw.js precaches ${sw.count} shared files (${sw.size} bytes); ` +
            VARIANTS.map(
              (v) =>
                `${v}: ${sw.manifests[v].mode} (whole ${kib(sw.bytes[v].all)}, first visit ${kib(sw.bytes[v].firstVisit)} compressed)`,
            ).join('; ') +
            `; threshold ${kib(sw.manifests.hans.threshold)}; in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
