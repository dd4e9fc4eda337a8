/** Markdown export: structure, labels, links, and every word of the text. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation, toDisplayTree, toText } from '../../src/parser/index.ts';
import { toMarkdown } from '../../src/export/markdown.ts';

describe('toMarkdown', () => {
  const tree = toDisplayTree(
    parseRegulation(readFileSync('tests/fixtures/parser/tiao-chapters-sections/input.txt', 'utf8')).tree,
  );
  const md = toMarkdown(
    tree,
    { title: '中华人民共和国示例管理法', authority: '全国人民代表大会常务委员会' },
    '/rules/',
  );

  it('makes chapters and sections headings and leads each article with its bold label', () => {
    expect(md).toMatch(/^# 中华人民共和国示例管理法\n/);
    expect(md).toContain('\n## 第二章 管理体制\n');
    expect(md).toContain('\n### 第一节 一般规定\n');
    expect(md).toContain('\n**第四条之一** 申请人可以通过互联网办理登记。\n');
    expect(md).toContain('\n（二）组织实施示例登记，包括：\n');
    expect(md).toContain('\n2．审查申请材料；\n');
  });

  it('keeps every character of the text (Markdown syntax and whitespace aside)', () => {
    // Backslashes are not stripped: an escape remark-stringify added would show up here.
    const strip = (s: string) => s.replace(/[\s*#]/g, '');
    expect(strip(md)).toContain(strip(toText(tree)));
  });

  it('escapes nothing in Chinese text: no character references, no backslash escapes', () => {
    expect(md).not.toMatch(/&#x?[0-9a-f]+;/i);
    expect(md).not.toMatch(/\\/);
  });

  it('escapes what would otherwise be Markdown syntax', () => {
    // Where the text itself holds Markdown syntax, escaping is right: the text must come back as text.
    const text = '第一条　*重要*事项见 [附件] 与 <b>。\n';
    const out = toMarkdown(toDisplayTree(parseRegulation(text).tree), { title: '示例', authority: '甲' });
    expect(out).toMatch(/\\\*重要\\\*/);
    expect(out).toMatch(/\\\[附件]/);
    expect(out).toMatch(/\\<b>|&#x3C;b>/);
  });
});
