/**
 * The anchor contract for one document (src/anchors/manifest.ts), without I/O: compare the
 * document's anchors with its checked-in manifest, fail on anchors that disappeared without an
 * alias, and return the manifest to record when anchors were added (additions never break an
 * address). Everything it has to say is a message on the manifest or aliases file; the caller
 * reads those files and writes `manifest` back.
 */
import { VFile } from 'vfile';
import type { Document } from '../parser/types.ts';
import {
  anchorManifest,
  compareManifests,
  loadManifest,
  type Alias,
  type AnchorManifest,
} from '../anchors/manifest.ts';
import { loadAliases } from '../anchors/aliases.ts';
import { hasErrors, report } from '../diagnostics/message.ts';
import type { TextFile } from '../text/files.ts';

export type { TextFile };

export interface AnchorCheck {
  aliases: Alias[];
  /** The manifest and aliases files, with their messages. */
  files: VFile[];
  /** The new text of anchors.json, when it has to be written. */
  manifest?: string;
}

/** One anchor a line, so a change to the manifest reads as a diff of the anchors that changed. */
export function formatManifest(m: AnchorManifest): string {
  const anchors = m.anchors.map((a) => `    ${JSON.stringify(a)}`).join(',\n');
  return `{\n  "slug": ${JSON.stringify(m.slug)},\n  "anchors": [\n${anchors}\n  ]\n}\n`;
}

/**
 * Check a document's anchors against its published manifest (`published` absent: first publication).
 * @example checkAnchors('x', tree, 'content/x/anchors.json', undefined, undefined, 'content/x/aliases.yaml').manifest // the first manifest
 */
export function checkAnchors(
  slug: string,
  tree: Document,
  manifestPath: string,
  published: TextFile | undefined,
  aliasesFile: TextFile | undefined,
  aliasesPath: string,
): AnchorCheck {
  const files: VFile[] = [];
  const current = anchorManifest(slug, tree);
  const aliases = aliasesFile ? loadAliases(aliasesFile.text, aliasesFile.path) : undefined;
  if (aliases) files.push(aliases.file);
  const out: AnchorCheck = { aliases: aliases?.aliases ?? [], files };
  if (aliases && hasErrors(aliases.file)) return out;
  if (!published) {
    const file = new VFile({ path: manifestPath });
    files.push(file);
    report(file, `First publication: ${current.anchors.length} anchors recorded (commit this file)`, {
      ruleId: 'anchors-recorded',
      fatal: null,
    });
    out.manifest = formatManifest(current);
    return out;
  }
  const loaded = loadManifest(published.text, published.path);
  files.push(loaded.file);
  const previous = loaded.data;
  if (!previous) return out;
  const diff = compareManifests(previous, current, out.aliases);
  for (const eId of diff.removed) {
    const index = previous.anchors.findIndex((a) => a.eId === eId);
    const label = previous.anchors[index]?.label ?? eId;
    const message = report(
      loaded.file,
      `Unexpected removal of published anchor ${eId} (${label}), expected the provision back or an alias in ${aliasesPath}`,
      { place: loaded.placeOf(['anchors', index]), ruleId: 'anchor-removed', fatal: true },
    );
    message.note = `aliases:\n  - from: ${eId}\n    to: <the anchor it now lives at>`;
  }
  for (const a of diff.brokenAliases) {
    const index = out.aliases.indexOf(a);
    report(aliases!.file, `Unexpected alias target ${a.to} for ${a.from}, expected an anchor that exists`, {
      place: aliases!.placeOf(['aliases', index, 'to']),
      ruleId: 'alias-target',
      fatal: true,
    });
  }
  if (diff.removed.length > 0 || diff.brokenAliases.length > 0) return out;
  if (diff.added.length > 0 || diff.changed.length > 0) {
    // Keep every published entry (aliased ones too, so their alias stays required).
    const merged = new Map(previous.anchors.map((a) => [a.eId, a]));
    for (const a of current.anchors) merged.set(a.eId, a);
    const order = new Map(current.anchors.map((a, i) => [a.eId, i]));
    const anchors = [...merged.values()].sort(
      (a, b) => (order.get(a.eId) ?? 1e9) - (order.get(b.eId) ?? 1e9),
    );
    out.manifest = formatManifest({ slug, anchors });
    const reason = `${diff.added.length} new anchor(s) recorded, ${diff.changed.length} provision(s) with changed text (commit this file)`;
    report(loaded.file, reason, { ruleId: 'anchors-recorded', fatal: null });
  }
  return out;
}
