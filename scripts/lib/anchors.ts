/**
 * Build step for the anchor contract (src/anchors/manifest.ts): compare each document's
 * anchors with its checked-in manifest, fail on anchors that disappeared without an alias,
 * and record new anchors in the manifest (additions never break an address).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentEntry } from '../../src/data/collection.ts';
import { anchorManifest, compareManifests, type AnchorManifest } from '../../src/anchors/manifest.ts';
import { parseAliases } from '../../src/anchors/aliases.ts';

/** One anchor a line, so a change to the manifest reads as a diff of the anchors that changed. */
function format(m: AnchorManifest): string {
  return `{\n  "slug": ${JSON.stringify(m.slug)},\n  "anchors": [\n${m.anchors.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]\n}\n`;
}

/** Returns false (after printing why) when a published anchor would break. */
export function checkAnchors(documents: DocumentEntry[], contentDir: string): boolean {
  let ok = true;
  for (const d of documents) {
    const manifestPath = join(contentDir, d.folder, 'anchors.json');
    const aliasesPath = join(contentDir, d.folder, 'aliases.yaml');
    const current = anchorManifest(d.meta.slug, d.tree);
    try {
      d.aliases = existsSync(aliasesPath) ? parseAliases(readFileSync(aliasesPath, 'utf8'), aliasesPath) : [];
    } catch (error) {
      console.error(`${(error as Error).message}`);
      ok = false;
      continue;
    }
    if (!existsSync(manifestPath)) {
      writeFileSync(manifestPath, format(current));
      console.log(`${manifestPath}: first publication, ${current.anchors.length} anchors recorded (commit this file)`);
      continue;
    }
    const published = JSON.parse(readFileSync(manifestPath, 'utf8')) as AnchorManifest;
    const diff = compareManifests(published, current, d.aliases);
    for (const eId of diff.removed) {
      const label = published.anchors.find((a) => a.eId === eId)?.label ?? eId;
      console.error(
        `${manifestPath}: error  published anchor ${eId} (${label}) no longer exists; expected the provision back, ` +
          `or an alias in ${aliasesPath}:\n    aliases:\n      - from: ${eId}\n        to: <the anchor it now lives at>`,
      );
    }
    for (const a of diff.brokenAliases) console.error(`${aliasesPath}: error  alias ${a.from} → ${a.to} points at an anchor that does not exist`);
    if (diff.removed.length > 0 || diff.brokenAliases.length > 0) {
      ok = false;
      continue;
    }
    if (diff.added.length > 0 || diff.changed.length > 0) {
      // Keep every published entry (aliased ones too, so their alias stays required).
      const merged = new Map(published.anchors.map((a) => [a.eId, a]));
      for (const a of current.anchors) merged.set(a.eId, a);
      const order = new Map(current.anchors.map((a, i) => [a.eId, i]));
      const anchors = [...merged.values()].sort((a, b) => (order.get(a.eId) ?? 1e9) - (order.get(b.eId) ?? 1e9));
      writeFileSync(manifestPath, format({ slug: d.meta.slug, anchors }));
      console.log(`${manifestPath}: ${diff.added.length} new anchor(s) recorded, ${diff.changed.length} provision(s) with changed text (commit this file)`);
    }
  }
  return ok;
}
