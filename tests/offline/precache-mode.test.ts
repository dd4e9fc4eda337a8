/** Which precache a build gets: everything within the budget, the shell beyond it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precacheMode } from '../../src/offline/service-worker.ts';

const dir = mkdtempSync(join(tmpdir(), 'tiaowen-precache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (let i = 0; i < 30; i++) {
  mkdirSync(join(dir, `doc-${i}`, 'art_1'), { recursive: true });
  writeFileSync(join(dir, `doc-${i}`, 'index.html'), 'x'.repeat(1000));
  writeFileSync(join(dir, `doc-${i}`, 'art_1', 'index.html'), 'x'.repeat(100));
}
mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
writeFileSync(join(dir, 'pagefind', 'fragment', 'a.pf_fragment'), 'x');
writeFileSync(join(dir, 'big-download.html'), 'x'.repeat(100_000)); // not a page: never counted

describe('precacheMode', () => {
  it('precaches everything when pages and search files fit the budget', () => {
    expect(precacheMode(dir, { files: 100, bytes: 50_000 })).toBe('full');
  });
  it('switches to the shell and document pages past the file budget', () => {
    expect(precacheMode(dir, { files: 50, bytes: 50_000 })).toBe('large');
  });
  it('and past the byte budget', () => {
    expect(precacheMode(dir, { files: 100, bytes: 20_000 })).toBe('large');
  });
});
