/** The title box: exact substrings of names, short names, abbreviations and 文号, script-folded. */
import { describe, expect, it } from 'vitest';
import { findByTitle, shortTitles } from '../../src/collection/title-find.ts';
import { buildFoldMap } from '../../src/variant/fold-map.ts';
import { foldToSimplified } from '../../src/variant/fold.ts';
import { listed } from './helpers.ts';

const docs = [
  listed({ title: '上海市实施《中华人民共和国食品安全法》办法', type: 'local-regulation' }),
  listed({ title: '中华人民共和国食品安全法' }),
  listed({ title: '中华人民共和国行政处罚法' }),
  listed({ title: '中华人民共和国刑事诉讼法' }, ['刑诉法']),
  listed({
    title: '重大行政决策程序暂行条例',
    type: 'administrative-regulation',
    documentNumber: '国务院令第713号',
  }),
  listed({
    title: '淄博市人民政府工作规则',
    type: 'normative-document',
    documentNumber: '淄政发〔2017〕2号',
  }),
];
const titles = (q: string, fold?: (s: string) => string) => findByTitle(docs, q, fold).map((d) => d.title);

describe('findByTitle', () => {
  it('finds a law by its short name, before a city measure that names it', () => {
    expect(titles('行政处罚法')).toEqual(['中华人民共和国行政处罚法']);
    expect(titles('食品安全法')).toEqual([
      '中华人民共和国食品安全法',
      '上海市实施《中华人民共和国食品安全法》办法',
    ]);
  });
  it('finds by abbreviation and by document number, whatever the brackets', () => {
    expect(titles('刑诉法')).toEqual(['中华人民共和国刑事诉讼法']);
    expect(titles('国务院令第713号')).toEqual(['重大行政决策程序暂行条例']);
    expect(titles('淄政发〔2017〕2号')).toEqual(['淄博市人民政府工作规则']);
    expect(titles('淄政发[2017]2号')).toEqual(['淄博市人民政府工作规则']);
    expect(titles('淄政发（2017）2号')).toEqual(['淄博市人民政府工作规则']);
  });
  it('is exact: no reordered or partial-word matches, nothing across two names', () => {
    expect(titles('处罚行政')).toEqual([]);
    expect(titles('淄政发〔2017〕3号')).toEqual([]);
    expect(titles('规则淄政发')).toEqual([]);
    expect(titles('  ')).toEqual([]);
  });
  it('folds a traditional query to the simplified names', () => {
    const map = buildFoldMap(docs.map((d) => d.title).join(''));
    expect(titles('行政處罰法', (s) => foldToSimplified(s, map))).toEqual(['中华人民共和国行政处罚法']);
    expect(titles('食品安全法', (s) => foldToSimplified(s, map))).toHaveLength(2);
  });
  it('knows short titles without 中华人民共和国 or a revision note', () => {
    expect(shortTitles('中华人民共和国行政处罚法')).toEqual(['行政处罚法']);
    expect(shortTitles('中华人民共和国公司法（2023年修订）')).toContain('公司法');
    expect(shortTitles('淄博市人民政府工作规则')).toEqual([]);
  });
});
