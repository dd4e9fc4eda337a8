/** `npm run parse -- <file> [--json]`: exit codes, positioned messages, JSON with eIds. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/parse.ts', ...args], { encoding: 'utf8' });

describe('parse CLI', () => {
  it('prints a summary and exits 0 for the seed', () => {
    const r = run('content/zibo-government-work-rules/source.txt');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      '13 chapters, 0 sections, 87 articles, 119 paragraphs, 35 items, 0 sub-items; 10 lines kept aside',
    );
  });

  it('prints the tree with eIds on --json', () => {
    const r = run('tests/fixtures/parser/tiao-chapters-sections/input.txt', '--json');
    expect(r.status).toBe(0);
    const tree = JSON.parse(r.stdout);
    expect(tree.children[1].children[0].children[0].children[0].children[2].eId).toBe(
      'art_3__para_1__item_2',
    );
  });

  it('publishes a text with broken numbering: exit 0, positioned warnings, no stack trace', () => {
    const r = run('tests/fixtures/parser/broken-numbering/input.txt');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/\n9:1-9:13 +warning Missing article 第二条.* article-number +tiaowen\n/);
    expect(r.stderr).toMatch(/warnings: .*2 article-number/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with file:line:column errors and no stack trace on broken numbering with --strict', () => {
    const r = run('tests/fixtures/parser/broken-numbering/input.txt', '--strict');
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

  it('delivers the whole tree through a pipe (--json | node …), for a large text too', () => {
    const reader = `let s='';process.stdin.on('data',(d)=>s+=d).on('end',()=>{const t=JSON.parse(s);console.log(t.type+' '+s.length)})`;
    const r = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" scripts/parse.ts content/zibo-government-work-rules/source.txt --json | "${process.execPath}" -e "${reader}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const [type, length] = r.stdout.trim().split(' ');
    expect(type).toBe('document');
    expect(Number(length)).toBeGreaterThan(150_000);
  });

  it.each([
    ['gb18030.txt', 'GB18030', '2 articles'],
    ['big5.txt', 'Big5', '2 articles'],
    ['utf16.txt', 'UTF-16LE', '2 articles'],
  ])('reads a %s file and names its encoding', (name, encoding, summary) => {
    const r = run(`tests/fixtures/encodings/${name}`, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`encoding ${encoding}`);
    expect(r.stderr).toContain(summary);
    expect(JSON.parse(r.stdout).children[0].label).toMatch(/^第一[条條]$/);
  });

  it('refuses a file that is not text in any supported encoding, with exit 2 and what it looks like', () => {
    const r = run('tests/fixtures/encodings/not-text.bin');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tests/fixtures/encodings/not-text.bin: cannot decode the file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the style, the joined lines and the warnings by rule in its summary', () => {
    const r = run('tests/fixtures/parser/hard-wrapped/input.txt');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('(第X条 style)');
    expect(r.stderr).toMatch(/10 hard-wrapped lines joined; warnings: 1 ambiguous-wrap/);
  });
});
