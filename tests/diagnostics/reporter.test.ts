/**
 * The reporter: vfile-reporter's lines plus the source line with a marker under the range, at
 * the right terminal column for CJK text (wide characters take two columns) at any column.
 */
import stringWidth from 'string-width';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { report } from '../../src/diagnostics/message.ts';
import { excerpt, formatMessages } from '../../src/diagnostics/reporter.ts';

/** The characters of the excerpt line that sit above the marker (`^~~`). */
function marked([line, marker]: string[]): string {
  const from = marker!.indexOf('^');
  const to = marker!.length;
  let out = '';
  let col = 0;
  for (const ch of line!) {
    if (col >= from && col < to) out += ch;
    col += stringWidth(ch);
  }
  return out;
}

describe('excerpt', () => {
  const place = (line: number, column: number, length: number) => ({
    start: { line, column },
    end: { line, column: column + length },
  });

  it('marks the range under wide characters', () => {
    expect(excerpt(['第一条　本办法所称示例，是指文本。'], place(1, 5, 3))).toEqual([
      '第一条　本办法所称示例，是指文本。',
      '        ^~~~~~',
    ]);
  });

  it('keeps the marker under its characters at any column of a long line', () => {
    const text =
      '第二十五条　' + '市政府常务会议研究决定的事项'.repeat(12) + '关键字' + '以及其他事项。'.repeat(5);
    for (const column of [1, 40, 61, 90, 169, text.length - 2]) {
      const shown = excerpt([text], place(1, column, 3));
      expect(stringWidth(shown[0]!)).toBeLessThanOrEqual(78);
      expect(marked(shown), `column ${column}`).toBe(text.slice(column - 1, column + 2));
    }
  });

  it('counts half-width text as one column and mixed lines correctly', () => {
    const text = 'See art_47__para_1 (第四十七条第一款) and 第（二）项 of it';
    const column = text.indexOf('第（二）项') + 1;
    expect(marked(excerpt([text], place(1, column, 5)))).toBe('第（二）项');
  });
});

describe('formatMessages', () => {
  it('prints the range, rule, source, url and a cause without its stack', () => {
    const file = new VFile({ path: 'meta.yaml', value: 'title: 甲\nslug: 不是ASCII\n' });
    const cause = new Error('inner failure');
    report(file, 'Unexpected value for slug: expected an ASCII slug', {
      place: { start: { line: 2, column: 7 }, end: { line: 2, column: 14 } },
      ruleId: 'meta-schema',
      fatal: true,
      cause,
    });
    const out = formatMessages([file], { color: false });
    expect(out).toMatch(
      /^meta\.yaml\n2:7-2:14 +error Unexpected value for slug: expected an ASCII slug meta-schema tiaowen\n/,
    );
    expect(out).toContain('\n    slug: 不是ASCII\n          ^~~~~~~~~\n');
    expect(out).toContain('docs/rules.md#meta-schema');
    expect(out).toContain('Error: inner failure');
    expect(out).not.toMatch(/\n\s+at /);
    expect(out).toMatch(/1 error/);
  });

  it('is empty when no file has messages', () => {
    expect(formatMessages([new VFile({ path: 'a.txt', value: 'x' })])).toBe('');
  });
});
