/**
 * Build step for the anchor contract (src/anchors/manifest.ts): compare each document's
 * anchors with its checked-in manifest, fail on anchors that disappeared without an alias,
 * and record new anchors in the manifest (additions never break an address). Everything it
 * has to say is a message on the manifest or aliases file, printed by the reporter.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VFile } from 'vfile';
import type { DocumentEntry } from '../../src/data/collection.ts';
import { anchorManifest, compareManifests, loadManifest, type AnchorManifest } from '../../src/anchors/manifest.ts';
import { loadAliases } from '../../src/anchors/aliases.ts';
import { hasErrors, report } from '../../src/diagnostics/message.ts';

/** One anchor a line, so a change to the manifest reads as a diff of the anchors that changed. */
function format(m: AnchorManifest): string {
  const anchors = m.anchors.map((a) => `    ${JSON.stringify(a)}`).join(',\n');
  return `{\n  "slug": ${JSON.stringify(m.slug)},\n  "anchors": [\n${anchors}\n  ]\n}\n`;
}

/**
 * Check every document's anchors; returns the files with messages (errors when a published
 * anchor would break, info when anchors were recorded). Sets each document's `aliases`.
 */
export function checkAnchors(documents: DocumentEntry[], contentDir: string): VFile[] {
  const files: VFile[] = [];
  for (const d of documents) {
    const manifestPath = join(contentDir, d.folder, 'anchors.json');
    const aliasesPath = join(contentDir, d.folder, 'aliases.yaml');
    const current = anchorManifest(d.meta.slug, d.tree);
    const aliases = existsSync(aliasesPath) ? loadAliases(readFileSync(aliasesPath, 'utf8'), aliasesPath) : undefined;
    if (aliases) files.push(aliases.file);
    d.aliases = aliases?.aliases ?? [];
    if (aliases && hasErrors(aliases.file)) continue;
    if (!existsSync(manifestPath)) {
      writeFileSync(manifestPath, format(current));
      const file = new VFile({ path: manifestPath });
      files.push(file);
      report(file, `First publication: ${current.anchors.length} anchors recorded (commit this file)`, {
        ruleId: 'anchors-recorded',
        fatal: null,
      });
      continue;
    }
    const loaded = loadManifest(readFileSync(manifestPath, 'utf8'), manifestPath);
    files.push(loaded.file);
    const published = loaded.data;
    if (!published) continue;
    const diff = compareManifests(published, current, d.aliases);
    for (const eId of diff.removed) {
      const index = published.anchors.findIndex((a) => a.eId === eId);
      const label = published.anchors[index]?.label ?? eId;
      const message = report(
        loaded.file,
        `Unexpected removal of published anchor ${eId} (${label}), expected the provision back or an alias in ${aliasesPath}`,
        { place: loaded.placeOf(['anchors', index]), ruleId: 'anchor-removed', fatal: true },
      );
      message.note = `aliases:\n  - from: ${eId}\n    to: <the anchor it now lives at>`;
    }
    for (const a of diff.brokenAliases) {
      const index = d.aliases.indexOf(a);
      report(aliases!.file, `Unexpected alias target ${a.to} for ${a.from}, expected an anchor that exists`, {
        place: aliases!.placeOf(['aliases', index, 'to']),
        ruleId: 'alias-target',
        fatal: true,
      });
    }
    if (diff.removed.length > 0 || diff.brokenAliases.length > 0) continue;
    if (diff.added.length > 0 || diff.changed.length > 0) {
      // Keep every published entry (aliased ones too, so their alias stays required).
      const merged = new Map(published.anchors.map((a) => [a.eId, a]));
      for (const a of current.anchors) merged.set(a.eId, a);
      const order = new Map(current.anchors.map((a, i) => [a.eId, i]));
      const anchors = [...merged.values()].sort((a, b) => (order.get(a.eId) ?? 1e9) - (order.get(b.eId) ?? 1e9));
      writeFileSync(manifestPath, format({ slug: d.meta.slug, anchors }));
      const reason =
        `${diff.added.length} new anchor(s) recorded, ` +
        `${diff.changed.length} provision(s) with changed text (commit this file)`;
      report(loaded.file, reason, { ruleId: 'anchors-recorded', fatal: null });
    }
  }
  return files.filter((f) => f.messages.length > 0);
}
