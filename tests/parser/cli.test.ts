/** `npm run parse -- <file> [--json]`: exit codes, positioned messages, JSON with eIds. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/parse.ts', ...args], { encoding: 'utf8' });

describe('parse CLI', () => {
  it('prints a summary and exits 0 for the seed', () => {
    const r = run('content/zibo-government-work-rules/source.txt');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('13 chapters, 0 sections, 87 articles, 119 paragraphs, 35 items, 0 sub-items; 10 lines kept aside');
  });

  it('prints the tree with eIds on --json', () => {
    const r = run('tests/fixtures/parser/tiao-chapters-sections/input.txt', '--json');
    expect(r.status).toBe(0);
    const tree = JSON.parse(r.stdout);
    expect(tree.children[1].children[0].children[0].children[0].children[2].eId).toBe('art_3__para_1__item_2');
  });

  it('exits 1 with positioned messages and no stack trace on broken numbering', () => {
    const r = run('tests/fixtures/parser/broken-numbering/input.txt');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/parser/broken-numbering/input.txt\n');
    expect(r.stderr).toMatch(/\n9:1-9:13 +error Missing article 第二条.* article-number +tiaowen\n/);
    // The line and a marker under the whole range: 第三条 本条缺少前一条。 is 12 characters, 23 columns.
    expect(r.stderr).toContain(`\n    第三条 本条缺少前一条。\n    ^${'~'.repeat(22)}\n`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with a readable message for a missing file', () => {
    const r = run('no/such/file.txt');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no/such/file.txt: cannot read the file (ENOENT)');
  });
});
