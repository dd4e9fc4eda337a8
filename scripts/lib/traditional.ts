/**
 * Add the traditional-character tree to every document (same anchors, converted text).
 * The converter lives in src/script/; until it is present this step leaves treeHant unset.
 */
import type { DocumentEntry } from '../../src/data/collection.ts';

export async function addTraditional(documents: DocumentEntry[], contentDir: string): Promise<void> {
  void documents;
  void contentDir;
}
