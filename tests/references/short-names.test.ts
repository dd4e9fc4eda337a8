/**
 * Laws cited across documents: short names without 《》, lists after a title, pinpoints checked
 * against the cited document, warnings (strict mode: errors), relations and collection status.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/references/detect.ts';
import { linkReferences, type KnownDocument } from '../../src/references/transform.ts';
import { titleLookup } from '../../src/references/titles.ts';
import { applyRelations } from '../../src/collection/relations.ts';
import { parseRegulation, toDisplayTree } from '../../src/parser/index.ts';
import type { DocumentEntry } from '../../src/data/collection.ts';

const citations = (text: string, names: string[] = []) =>
  detect(text, { names }).map(
    (s) =>
      `${s.kind}:${text.slice(s.start, s.end)}${s.kind === 'citation' ? `→${s.title ?? s.documentNumber}` : ''}`,
  );

describe('short names', () => {
  it.each([
    ['依照刑法第二百六十六条的规定处罚', ['citation:刑法第二百六十六条→刑法']],
    ['依照民法典第五百一十条处理', ['citation:民法典第五百一十条→民法典']],
    ['证券法第六十七条第二款规定的重大事件', ['citation:证券法第六十七条第二款→证券法']],
    ['违反治安管理处罚法第二十三条的', ['citation:治安管理处罚法第二十三条→治安管理处罚法']],
  ])('%s', (text, expected) => expect(citations(text)).toEqual(expected));

  it("keeps this document's own articles internal", () => {
    expect(citations('依照本法第五条的规定')).toEqual(['self:本法', 'internal:第五条']);
    expect(citations('依照本条例第五条的规定')).toEqual(['self:本条例', 'internal:第五条']);
    expect(citations('依法第三条所列事项除外')).toEqual(['internal:第三条']);
  });

  it("continues a list or range after a cited title, and stops at this document's references", () => {
    expect(citations('依照《消费者权益保护法》第四十一条、第四十二条和本办法第一条')).toEqual([
      'citation:《消费者权益保护法》第四十一条→消费者权益保护法',
      'citation:第四十二条→消费者权益保护法',
      'self:本办法',
      'internal:第一条',
    ]);
    expect(citations('《某法》第十二条至第十四条另有规定的')).toEqual([
      'citation:《某法》第十二条至第十四条→某法',
    ]);
    expect(citations('《某法》第十二条和前款')).toEqual(['citation:《某法》第十二条→某法', 'internal:前款']);
  });

  it('resolves 该法 to the law cited just before', () => {
    expect(citations('证券法第六十七条规定的，依照该法第一百九十七条处罚')).toEqual([
      'citation:证券法第六十七条→证券法',
      'citation:该法第一百九十七条→证券法',
    ]);
  });

  it('prefers a known name, longest first', () => {
    expect(
      citations('违反中华人民共和国行政处罚法第三条', ['行政处罚法', '中华人民共和国行政处罚法']),
    ).toEqual(['citation:中华人民共和国行政处罚法第三条→中华人民共和国行政处罚法']);
  });
});

describe('titleLookup', () => {
  const law = (slug: string, title: string, status = 'in-force', date?: string): KnownDocument => ({
    slug,
    title,
    status,
    ...(date && { date }),
  });
  it('finds a document by full title, short name or abbreviation; the version in force first', () => {
    const find = titleLookup([
      law('old', '中华人民共和国行政复议法', 'repealed', '2017-09-01'),
      law('new', '中华人民共和国行政复议法', 'in-force', '2023-09-01'),
      { ...law('cpl', '中华人民共和国刑事诉讼法'), abbreviations: ['刑诉法'] },
    ]);
    expect(find('行政复议法')?.slug).toBe('new');
    expect(find('《中华人民共和国行政复议法》')?.slug).toBe('new');
    expect(find('刑诉法')?.slug).toBe('cpl');
    expect(find('民法典')).toBeUndefined();
  });
});

function link(text: string, strict?: boolean) {
  const { tree, file } = parseRegulation(text, 'doc.txt');
  const display = toDisplayTree(tree);
  const target: KnownDocument = {
    slug: 'penalty-law',
    title: '中华人民共和国行政处罚法',
    eIds: new Set(['art_14', 'art_14__para_1', 'art_14__para_2']),
  };
  const found = linkReferences(display, {
    file,
    self: { slug: 'me', title: '某办法', supersedes: [] },
    collection: [target],
    terms: [],
    strict,
  });
  return { file, found };
}

describe('linkReferences across documents', () => {
  it('links a short-name pinpoint to the cited paragraph', () => {
    const { found, file } = link('第一条 依照行政处罚法第十四条第二款的规定处罚。\n');
    expect(found.find((r) => r.kind === 'citation')).toMatchObject({
      doc: 'penalty-law',
      eIds: ['art_14__para_2'],
    });
    expect(file.messages).toEqual([]);
  });
  it('warns, naming the reference, when a pinpoint does not exist, and links to what does', () => {
    const { found, file } = link('第一条 依照行政处罚法第十四条第九款的规定处罚。\n');
    expect(found.find((r) => r.kind === 'citation')).toMatchObject({ doc: 'penalty-law', eIds: ['art_14'] });
    expect(file.messages.map((m) => [m.ruleId, m.fatal, m.line, m.column])).toEqual([
      ['unresolved-citation', false, 1, 7],
    ]);
    expect(file.messages[0]!.reason).toContain('行政处罚法第十四条第九款');
  });
  it('makes an unresolved internal reference a warning, or an error in strict mode', () => {
    expect(link('第一条 依照第九条处理。\n').file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([
      ['unresolved-reference', false],
    ]);
    expect(link('第一条 依照第九条处理。\n', true).file.messages.map((m) => [m.ruleId, m.fatal])).toEqual([
      ['unresolved-reference', true],
    ]);
  });
});

describe('applyRelations', () => {
  const entry = (
    slug: string,
    title: string,
    meta: Partial<DocumentEntry['meta']> = {},
    citations: DocumentEntry['citations'] = [],
  ): DocumentEntry =>
    ({
      folder: slug,
      meta: {
        slug,
        title,
        authority: '甲',
        docType: '法律',
        jurisdiction: 'CN',
        status: 'in-force',
        dates: {},
        supersedes: [],
        source: { description: '测试' },
        citeArticlesAs: 'tiao',
        ...meta,
      },
      citations,
      backlinks: {},
    }) as unknown as DocumentEntry;

  it('relates implementing documents, citing documents and supersession both ways', () => {
    const docs = [
      entry('law', '中华人民共和国示例法'),
      entry('regs', '中华人民共和国示例法实施条例', {}, [
        { doc: 'law', title: '示例法', status: 'collection', from: ['art_2__para_1'] },
      ]),
      entry('local', '某市实施《中华人民共和国示例法》办法'),
      entry('old', '某规则', { documentNumber: '某发〔2017〕2号', dates: { issued: '2017-01-01' } }),
      entry('new', '某规则', {
        documentNumber: '某发〔2021〕1号',
        dates: { issued: '2021-01-01' },
        supersedes: [{ title: '某规则', documentNumber: '某发〔2017〕2号' }],
      }),
    ];
    applyRelations(docs);
    const [law, regs, local, old, next] = docs.map((d) => d.relations!);
    expect(law!.implementedBy).toEqual(['regs', 'local']);
    expect(regs!.implements).toEqual(['law']);
    expect(local!.implements).toEqual(['law']);
    expect(law!.citedBy).toEqual([{ doc: 'regs', from: ['art_2__para_1'] }]);
    expect(old!.supersededBy).toBe('new');
    expect(next!.supersedes).toEqual(['old']);
    expect(docs[3]!.meta.status).toBe('repealed');
    expect(docs[4]!.meta.status).toBe('in-force');
  });
});
