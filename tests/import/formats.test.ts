/**
 * Done means: one regulation published as Word (automatic numbering), a GBK government web page,
 * a PDF with a text layer, LawRefBook Markdown and GBK text imports five times into folders whose
 * text parses to the same articles, with none of the page's chrome.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths, type Outcome } from '../../src/import/index.ts';
import { loadMeta } from '../../src/content/load-meta.ts';
import { parseRegulation, toLines, type Document } from '../../src/parser/index.ts';
import { FIXTURES, tempDir } from './helpers.ts';

const FORMATS = ['docx', 'html', 'pdf', 'md', 'txt', '2col.pdf'] as const;
/** The fixture file of a format; `2col.pdf` is the same regulation set in two columns. */
const fileOf = (f: string) => (f === '2col.pdf' ? 'regulation-2col.pdf' : `regulation.${f}`);
const dir = join(FIXTURES, 'same-regulation');

interface Imported {
  outcome: Extract<Outcome, { kind: 'imported' }>;
  folder: string;
  source: string;
  tree: Document;
}

async function importOne(ext: string): Promise<Imported> {
  const into = tempDir();
  const { outcomes, exitCode } = await importPaths([join(dir, fileOf(ext))], { into, today: '2025-01-01' });
  expect(exitCode).toBe(0);
  const outcome = outcomes[0]!;
  if (outcome.kind !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  const [name] = readdirSync(into);
  const folder = join(into, name!);
  const source = readFileSync(join(folder, 'source.txt'), 'utf8');
  const parsed = parseRegulation(source, 'source.txt');
  expect(parsed.file.messages.filter((m) => m.fatal).map(String)).toEqual([]);
  return { outcome, folder, source, tree: parsed.tree };
}

const eIds = (tree: Document) => {
  const ids: string[] = [];
  JSON.stringify(tree, (k, v) => (k === 'eId' && ids.push(v), v));
  return ids;
};

describe('one regulation in five formats', { timeout: 60_000 }, async () => {
  const results = Object.fromEntries(
    await Promise.all(FORMATS.map(async (f) => [f, await importOne(f)] as const)),
  ) as Record<(typeof FORMATS)[number], Imported>;

  it.each(FORMATS)('%s parses to the same articles, items and chapters as the plain text', (f) => {
    const reference = results.txt.tree;
    expect(results[f].tree.children).toHaveLength(3);
    expect(eIds(results[f].tree)).toEqual(eIds(reference));
    expect(toLines(results[f].tree)).toEqual(toLines(reference));
    expect(eIds(reference)).toContain('art_5__para_1__item_4');
  });

  it.each(FORMATS)('%s keeps the original byte for byte and drafts a meta.yaml the schema accepts', (f) => {
    const { folder } = results[f];
    const ext = f === '2col.pdf' ? 'pdf' : f;
    expect(readFileSync(join(folder, `original.${ext}`))).toEqual(readFileSync(join(dir, fileOf(f))));
    const metaPath = join(folder, 'meta.yaml');
    const text = readFileSync(metaPath, 'utf8');
    const { meta, file } = loadMeta(text, metaPath);
    expect(file.messages.map(String)).toEqual([]);
    expect(meta).toMatchObject({
      title: '青禾市公共图书馆服务条例',
      slug: 'qing-he-shi-gong-gong-tu-shu-guan-fu-wu',
      authority: '青禾市人民代表大会常务委员会',
      docType: '地方性法规',
      status: 'in-force',
      dates: { adopted: '2023-06-28', effective: '2024-01-01' },
    });
    expect(text).toMatch(/^docType: 地方性法规 +# guessed: authority 青禾市人民代表大会常务委员会$/m);
  });

  it('the web page: the charset from the page, the chrome left out and listed, <br> lines split', () => {
    const { source, outcome } = results.html;
    expect(outcome.encoding).toBe('GB18030');
    for (const chrome of ['首页', '索引号', '浏览次数', '分享到', '版权所有', '网站标识码', 'ICP', '统计'])
      expect(source).not.toContain(chrome);
    expect(outcome.leftOut.map((l) => l.reason)).toEqual([
      'navigation',
      'navigation',
      'metadata table',
      'metadata table',
      'page tools',
      'page tools',
      'footer',
      'footer',
    ]);
    expect(outcome.leftOut.find((l) => l.reason === 'footer' && l.text.includes('网站标识码'))).toBeDefined();
    expect(source.split('\n')).toContain('第七条　本条例自2024年1月1日起施行。');
  });

  it('the PDF: running heads and page numbers left out, wrapped lines rejoined', () => {
    const { source, outcome } = results.pdf;
    expect(source).not.toContain('公报');
    expect(source).not.toMatch(/— \d —/);
    expect(outcome.leftOut.map((l) => l.reason)).toEqual([
      'running head',
      'page number',
      'running head',
      'page number',
    ]);
    expect(outcome.notes.join(' ')).toMatch(/\d+ hard-wrapped lines rejoined/);
  });

  it('the two-column PDF: read column by column, the break between them rejoined', () => {
    expect(results['2col.pdf'].source.split('\n')).toContain(
      '第四条　公共图书馆应当按照平等、开放、共享的要求，向社会公众免费提供文献信息查询、借阅，阅览室、自习室等公共空间设施场地开放，公益性讲座、阅读推广、培训、展览等服务，并每周开放不少于五十六小时。'.replace(
        '　',
        ' ',
      ),
    );
  });

  it('Word: labels rebuilt from automatic numbering, the footnote kept out of the body', () => {
    const { source, outcome } = results.docx;
    expect(source.split('\n')).toContain('第三条　市、县（区）人民政府应当履行下列职责：');
    expect(source.split('\n')).toContain('（三）建立健全公共图书馆服务考核评价制度。');
    // Items restart under each article: article 5's list begins again at （一）.
    expect(source.split('\n')).toContain('（一）免费办理读者证；');
    expect(source).not.toContain('公告公布');
    expect(outcome.notes).toContain("17 labels rebuilt from Word's automatic numbering");
    expect(outcome.notes).toContain('1 footnotes kept out of the body');
  });

  it('GBK text and LawRefBook Markdown: decoded, syntax removed', () => {
    expect(results.txt.outcome.encoding).toBe('GB18030');
    expect(results.txt.source).not.toContain('\r');
    expect(results.md.source).not.toMatch(/\*\*|^#/m);
    expect(results.md.outcome.leftOut).toEqual([
      { text: '<!-- INFO END -->', reason: 'comment (end of the header)' },
    ]);
  });
});

describe('web pages laid out otherwise', { timeout: 60_000 }, () => {
  it('an older table-layout page without class names: the text cell found by its articles, the menu cell left out', async () => {
    const page = `<html><head><meta charset="gbk"><title>某县档案管理办法</title></head><body>
<table width="980"><tr><td width="200"><a href="/">网站首页</a><br><a>机构概况</a><br><a>政策法规</a><br>第一条信息<br>第二条信息</td>
<td><p align="center"><b>某县档案管理办法</b></p>
第一条　为了加强档案管理，制定本办法。<br>
　　第二条　本办法适用于本县各级机关。<br>
　　第三条　本办法自发布之日起施行。<br>
<p>附件：<a href="a.doc">某县档案分类表</a></p></td></tr>
<tr><td colspan="2">版权所有：某县人民政府　技术支持：某某网络</td></tr></table></body></html>`;
    const src = tempDir();
    const file = join(src, 'page.htm');
    writeFileSync(file, iconv.encode(page, 'gbk'));
    const { outcomes } = await importPaths([file], { into: tempDir() });
    const o = outcomes[0]!;
    if (o.kind !== 'imported') throw new Error(JSON.stringify(o));
    expect(o.leftOut.map((l) => l.text)).toEqual([
      '网站首页',
      '机构概况',
      '政策法规',
      '第一条信息',
      '第二条信息',
      '版权所有：某县人民政府　技术支持：某某网络',
    ]);
    expect(o.articles).toBe(3);
  });
});
