/**
 * The anchor contract, enforced. Every published anchor is listed in a manifest (document,
 * eId, label, a hash of its text). A checked-in copy (content/<folder>/anchors.json) is
 * compared at build time: an anchor that disappears is an error unless an alias for it is
 * recorded (content/<folder>/aliases.yaml), so a published address never breaks silently.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { loadJson, type Loaded } from '../diagnostics/load.ts';
import type { Document, RegNode } from '../parser/types.ts';
import { toText } from '../parser/to-string.ts';
import { labelOfEId } from '../parser/labels.ts';

export interface AnchorEntry {
  eId: string;
  /** Citation label: 第四十七条第一款第（二）项. */
  label: string;
  /** First 12 hex digits of the SHA-256 of the provision's text (labels included). */
  hash: string;
}

export interface AnchorManifest {
  slug: string;
  anchors: AnchorEntry[];
}

export interface Alias {
  from: string;
  to: string;
  reason?: string;
}

const manifestSchema = z
  .object({
    slug: z.string().min(1, { message: 'expected the slug of the document' }),
    anchors: z.array(
      z
        .object({
          eId: z.string().min(1, { message: 'expected the anchor, e.g. art_47__para_1' }),
          label: z.string(),
          hash: z.string().regex(/^[0-9a-f]{12}$/, { message: 'expected 12 hex digits' }),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * Read a checked-in manifest (anchors.json); problems are positioned messages on the file
 * (`manifest-json`, `manifest-schema`) and `data` is absent then.
 * @example loadManifest('{"slug":"a","anchors":[]}', 'anchors.json').data // { slug: 'a', anchors: [] }
 */
export function loadManifest(text: string, path: string): Loaded<AnchorManifest> {
  return loadJson(text, path, manifestSchema, { rule: 'manifest' });
}

/**
 * The manifest of a tree.
 * @example anchorManifest('zibo-government-work-rules', tree).anchors[0] // { eId: 'chp_1', label: '第一章', hash: '…' }
 */
export function anchorManifest(slug: string, doc: Document): AnchorManifest {
  const anchors: AnchorEntry[] = [];
  const walk = (n: RegNode) => {
    if ('eId' in n) {
      anchors.push({
        eId: n.eId,
        label: labelOfEId(n.eId),
        hash: createHash('sha256').update(toText(n)).digest('hex').slice(0, 12),
      });
    }
    if ('children' in n)
      for (const c of n.children) if (c.type !== 'text' && c.type !== 'reference') walk(c as RegNode);
  };
  walk(doc);
  return { slug, anchors };
}

export interface ManifestComparison {
  /** Published anchors that are gone and have no alias: each one fails the build. */
  removed: string[];
  /** Published anchors that are gone but aliased to a live anchor. */
  aliased: Alias[];
  /** Aliases whose target does not exist. */
  brokenAliases: Alias[];
  /** Anchors not in the published manifest yet. */
  added: string[];
  /** Anchors whose text changed since the published manifest. */
  changed: string[];
}

/** Compare the current manifest with the published one. */
export function compareManifests(
  published: AnchorManifest,
  current: AnchorManifest,
  aliases: Alias[],
): ManifestComparison {
  const now = new Map(current.anchors.map((a) => [a.eId, a]));
  const before = new Map(published.anchors.map((a) => [a.eId, a]));
  const result: ManifestComparison = { removed: [], aliased: [], brokenAliases: [], added: [], changed: [] };
  for (const alias of aliases) if (!now.has(alias.to)) result.brokenAliases.push(alias);
  for (const [eId, entry] of before) {
    const live = now.get(eId);
    if (live) {
      if (live.hash !== entry.hash) result.changed.push(eId);
      continue;
    }
    const alias = aliases.find((a) => a.from === eId);
    if (alias && now.has(alias.to)) result.aliased.push(alias);
    else result.removed.push(eId);
  }
  for (const eId of now.keys()) if (!before.has(eId)) result.added.push(eId);
  return result;
}
