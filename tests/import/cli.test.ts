/** The command: a report line per file, exit 1 when a file was refused, the others still imported. */
import { execFile } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { FIXTURES, tempDir } from './helpers.ts';

const run = promisify(execFile);

it('npm run import: reports each file and exits 1 for a refused one', { timeout: 60_000 }, async () => {
  const into = tempDir();
  const bad = join(tempDir(), 'notes.xlsx');
  writeFileSync(bad, 'PK');
  const md = join(FIXTURES, 'same-regulation', 'regulation.md');
  const result = await run(process.execPath, ['scripts/import.ts', md, bad, '--into', into]).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('notes.xlsx: error: unsupported file type .xlsx');
  expect(result.stdout).toMatch(
    /regulation\.md → .*qing-he-shi-gong-gong-tu-shu-guan-fu-wu\/ \(markdown\): new; \d+ lines, 7 articles/,
  );
  expect(result.stdout).toContain('1 imported, 0 older versions recorded, 0 skipped, 1 refused');
  expect(readdirSync(into)).toEqual(['qing-he-shi-gong-gong-tu-shu-guan-fu-wu']);
});
