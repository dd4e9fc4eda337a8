/** Shared helpers for the parser tests. */
import type { Document } from '../../src/parser/types.ts';

/** A tree without positions, for readable snapshots (positions are tested on their own). */
export function withoutPositions(tree: Document): unknown {
  return JSON.parse(JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value)));
}
