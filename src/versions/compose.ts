/**
 * Articles across any two versions: the correspondence of consecutive versions, chained, so
 * 1999 → 2023 follows 1999 → 2017 → 2023. Pure functions over the collection's JSON.
 */
import type { Document } from '../parser/types.ts';
import { tableOf, type Pair } from './correspond.ts';
import type { Versions } from './model.ts';

/** The dates of every version, oldest first. */
export const versionDates = (v: Versions): string[] => [...v.earlier.map((e) => e.date), v.current.date];

/** The tree of a version (the current one is the document's). */
export function treeOf(v: Versions, current: Document, date: string): Document | undefined {
  return date === v.current.date ? current : v.earlier.find((e) => e.date === date)?.tree;
}

/**
 * Where each article of version `from` went in the later version `to` (old eId → new eIds).
 * @example mapForward(v, '1999-04-29', '2023-09-01').get('art_28') // ['art_63']
 */
export function mapForward(v: Versions, from: string, to: string): Map<string, string[]> {
  const dates = versionDates(v);
  const start = dates.indexOf(from);
  const end = dates.indexOf(to);
  let map = new Map<string, string[]>();
  const first = v.correspondences[start];
  if (start < 0 || end <= start || !first) return map;
  for (const p of first.pairs) if (p.old) map.set(p.old, [...p.new]);
  for (let i = start + 1; i < end; i++) {
    const step = new Map<string, string[]>();
    for (const p of v.correspondences[i]!.pairs) if (p.old) step.set(p.old, p.new);
    const next = new Map<string, string[]>();
    for (const [old, mids] of map) next.set(old, [...new Set(mids.flatMap((mid) => step.get(mid) ?? []))]);
    map = next;
  }
  return map;
}

/**
 * The rows comparing two versions (earlier `from`, later `to`): the stored table when they
 * are consecutive, else the chained mapping.
 */
export function pairsBetween(v: Versions, current: Document, from: string, to: string): Pair[] {
  const dates = versionDates(v);
  const i = dates.indexOf(from);
  if (i >= 0 && dates[i + 1] === to) return v.correspondences[i]!.pairs;
  const a = treeOf(v, current, from);
  const b = treeOf(v, current, to);
  if (!a || !b) return [];
  return tableOf(a, b, mapForward(v, from, to));
}
