/**
 * The versions of a document as the collection carries them (generated/collection.json): the
 * current version's facts, every earlier version's tree, and the correspondence between each
 * pair of consecutive versions. Plain JSON; built by build.ts, read by the pages.
 */
import type { Document } from '../parser/types.ts';
import type { TreeStats } from '../parser/stats.ts';
import type { VersionInfo } from './schema.ts';
import type { Correspondence } from './correspond.ts';

/** An earlier version: its facts and its display tree (simplified; traditional is converted by the pages). */
export interface EarlierVersion extends VersionInfo {
  tree: Document;
  stats: TreeStats;
}

export interface Versions {
  /** The current version (the document page). */
  current: VersionInfo;
  /** Earlier versions, oldest first. */
  earlier: EarlierVersion[];
  /** One table per pair of consecutive versions, oldest first; the last one ends at the current version. */
  correspondences: Correspondence[];
}

/** Any version: an earlier one, or the current one (whose tree is the document's). */
export type AnyVersion = VersionInfo & { current: boolean };

/**
 * Every version, oldest first.
 * @example allVersions(v).at(-1)!.current // true
 */
export function allVersions(v: Versions): AnyVersion[] {
  return [
    ...v.earlier.map(({ date, event, amendingAct, effective }) =>
      strip({ date, event, amendingAct, effective, current: false }),
    ),
    { ...v.current, current: true },
  ];
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}
