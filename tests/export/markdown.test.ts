/** Markdown export: structure, labels, links, and every word of the text. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRegulation, toDisplayTree, toText } from '../../src/parser/index.ts';
import { toMarkdown } from '../../src/export/markdown.ts';

describe('toMarkdown', () => {
  const tree = toDisplayTree(parseRegulation(readFileSync('tests/fixtures/parser/tiao-chapters-sections/input.txt', 'utf8')).tree);
  const md = toMarkdown(tree, { title: '中华人民共和国示例管理法', authority: '全国人民代表大会常务委员会' }, '/rules/');

  it('makes chapters and sections headings and leads each article with its bold label', () => {
    expect(md).toMatch(/^# 中华人民共和国示例管理法\n/);
    expect(md).toContain('\n## 第二章 管理体制\n');
    expect(md).toContain('\n### 第一节 一般规定\n');
    expect(md).toContain('\n**第四条之一** 申请人可以通过互联网办理登记。\n');
    expect(md).toContain('\n（二）组织实施示例登记，包括：\n');
    expect(md).toContain('\n2．审查申请材料；\n');
  });

  it('keeps every character of the text (Markdown syntax and whitespace aside)', () => {
    const strip = (s: string) => s.replace(/[\s*#\\]/g, '');
    expect(strip(md)).toContain(strip(toText(tree)));
  });

  it('escapes nothing in Chinese text', () => {
    expect(md).not.toMatch(/&#x/);
  });
});
