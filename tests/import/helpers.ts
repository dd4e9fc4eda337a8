/** Test helpers: a fresh content folder per test, removed afterwards. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** A new empty folder under the system's temporary folder. */
export function tempDir(prefix = 'tiaowen-import-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
