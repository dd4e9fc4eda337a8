/** The name index: letters and syllables from the name a document is known by, pinyin order. */
import { describe, expect, it } from 'vitest';
import { nameEntry, nameIndex, OTHER } from '../../src/collection/names.ts';
import { browsePath } from '../../src/collection/browse-paths.ts';
import { listed } from './helpers.ts';

describe('nameEntry', () => {
  it('indexes a national law without 中华人民共和国', () => {
    expect(nameEntry('中华人民共和国行政处罚法')).toEqual({
      name: '行政处罚法',
      letter: 'x',
      syllable: 'xing',
      key: 'xing zheng chu fa fa',
    });
  });
  it('reads words, not characters: 行 is hang in 银行 and xing in 行政', () => {
    expect(nameEntry('中华人民共和国银行业监督管理法').key).toMatch(/^yin hang ye/);
    expect(nameEntry('行业协会管理办法').syllable).toBe('hang');
  });
  it('keeps 中华人民共和国 when nothing would be left of the name', () => {
    expect(nameEntry('中华人民共和国').name).toBe('中华人民共和国');
  });
  it('puts names that start with no Han character or letter under OTHER, by their first character', () => {
    const e = nameEntry('《某条例》实施细则');
    expect(e.letter).toBe(OTHER);
    expect(e.syllable).toBe('《');
    expect(nameEntry('2023年度某办法').letter).toBe(OTHER);
    expect(nameEntry('WTO规则适用规定').letter).toBe('w');
  });
});

describe('nameIndex', () => {
  const docs = [
    listed({ slug: 'b', title: '中华人民共和国行政复议法', date: '2023-09-01' }),
    listed({ slug: 'a', title: '中华人民共和国行政处罚法', date: '2021-01-22' }),
    listed({ slug: 'c', title: '淄博市工作规则', date: '2017-01-01' }),
    listed({ slug: 'd', title: '淄博市工作规则', date: '2021-01-01' }),
    listed({ slug: 'e', title: '新疆维吾尔自治区某条例' }),
    listed({ slug: 'f', title: '《某条例》实施细则' }),
  ];
  const index = nameIndex(docs, (slug) => docs.find((d) => d.slug === slug)!.title);
  it('has the letters with documents, in order, OTHER last', () => {
    expect(index.map((l) => [l.letter, l.count])).toEqual([
      ['x', 3],
      ['z', 2],
      [OTHER, 1],
    ]);
  });
  it('groups a letter by first syllable, in pinyin order of the whole name', () => {
    const x = index[0]!;
    expect(x.groups.map((g) => [g.syllable, g.docs.map((d) => d.slug)])).toEqual([
      ['xin', ['e']],
      ['xing', ['a', 'b']],
    ]);
  });
  it('puts documents of the same name newest first', () => {
    expect(index[1]!.groups[0]!.docs.map((d) => d.slug)).toEqual(['d', 'c']);
  });
  it('reads pinyin from the simplified title, so both scripts index alike', () => {
    const hant = docs.map((d) => ({ ...d, title: d.title.replace('处罚', '處罰') }));
    const again = nameIndex(hant, (slug) => docs.find((d) => d.slug === slug)!.title);
    expect(again.map((l) => l.groups.map((g) => g.docs.map((d) => d.slug)))).toEqual(
      index.map((l) => l.groups.map((g) => g.docs.map((d) => d.slug))),
    );
  });
});

describe('browsePath of a name index page', () => {
  it('is below its listing', () => {
    expect(browsePath({ page: 1, letter: 'x' })).toBe('browse/names/x/');
    expect(browsePath({ kind: 'authority', key: 'guowuyuan', page: 1, letter: OTHER })).toBe(
      'browse/authority/guowuyuan/names/other/',
    );
  });
});
