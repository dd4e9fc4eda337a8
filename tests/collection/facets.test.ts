/** Facets: type keys in the hierarchy of norms, counts, combination, order and paging. */
import { describe, expect, it } from 'vitest';
import {
  facetValues,
  filterListing,
  pageCount,
  sortListing,
  typeKey,
  PAGE_SIZE,
} from '../../src/collection/facets.ts';
import { browsePath } from '../../src/collection/browse-paths.ts';
import { keysOf, pinyinKey } from '../../src/collection/keys.ts';
import { regionCode, regionName } from '../../src/collection/regions.ts';
import { listed } from './helpers.ts';

const status = (s: string) => ({ 'in-force': '现行有效', repealed: '已废止' })[s] ?? s;
const docs = [
  listed({
    title: '淄博市人民政府工作规则',
    type: 'normative-document',
    authority: '淄博市人民政府',
    authorityKey: 'ziboshirenminzhengfu',
    region: 'cn-sd',
    regionName: '山东省',
    date: '2021-01-01',
  }),
  listed({ title: '中华人民共和国行政处罚法', date: '2021-01-22' }),
  listed({ title: '中华人民共和国宪法', type: 'constitution', date: '2018-03-11' }),
  listed({
    title: '山东省某条例',
    type: 'local-regulation',
    region: 'cn-sd',
    regionName: '山东省',
    status: 'repealed',
    date: '2016-05-01',
  }),
  listed({ title: '无日期的规定', type: 'other' }),
];

describe('typeKey', () => {
  it.each([
    ['宪法', '', 'constitution'],
    ['法律', '', 'law'],
    ['自治条例', '', 'autonomous-regulation'],
    ['规章', '淄博市人民政府', 'local-government-rule'],
    ['规章', '财政部', 'departmental-rule'],
    ['行政规范性文件', '', 'normative-document'],
    ['通知', '', 'other'],
  ])('%s (%s) → %s', (docType, authority, key) => expect(typeKey(docType, authority)).toBe(key));
});

describe('facetValues', () => {
  it('orders types by the hierarchy of norms, with counts, leaving out values nobody has', () => {
    expect(facetValues(docs, 'type', status).map((v) => `${v.name}${v.count}`)).toEqual([
      '宪法1',
      '法律1',
      '地方性法规1',
      '规范性文件1',
      '其他1',
    ]);
  });
  it('orders regions and authorities by count, years newest first, statuses in reading order', () => {
    expect(facetValues(docs, 'region', status).map((v) => [v.key, v.count])).toEqual([
      ['cn', 3],
      ['cn-sd', 2],
    ]);
    expect(facetValues(docs, 'authority', status)[0]).toEqual({
      key: 'quanguorenmindaibiaodahuichangwuweiyuanhui',
      name: '全国人民代表大会常务委员会',
      count: 4,
    });
    expect(facetValues(docs, 'year', status).map((v) => v.name)).toEqual(['2021年', '2018年', '2016年']);
    expect(facetValues(docs, 'status', status).map((v) => v.name)).toEqual(['现行有效', '已废止']);
  });
  it('is empty for a facet no document has a value of', () => {
    expect(facetValues([listed({ title: '甲' })], 'year', status)).toEqual([]);
  });
});

describe('filterListing and sortListing', () => {
  it('combines kinds with AND', () => {
    expect(filterListing(docs, { region: 'cn-sd' })).toHaveLength(2);
    expect(filterListing(docs, { region: 'cn-sd', status: 'repealed' }).map((d) => d.title)).toEqual([
      '山东省某条例',
    ]);
    expect(filterListing(docs, { region: 'cn-sd', type: 'law' })).toEqual([]);
  });
  it('sorts newest first with undated documents last, or by title', () => {
    expect(sortListing([...docs], 'date').map((d) => d.date ?? '-')).toEqual([
      '2021-01-22',
      '2021-01-01',
      '2018-03-11',
      '2016-05-01',
      '-',
    ]);
    expect(sortListing([...docs], 'title')[0]!.title).toBe('山东省某条例');
  });
});

describe('paging and addresses', () => {
  it('splits listings into pages with stable ASCII paths', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
    expect(browsePath({ page: 1 })).toBe('browse/');
    expect(browsePath({ page: 3 })).toBe('browse/page/3/');
    expect(browsePath({ kind: 'type', key: 'law', page: 1 })).toBe('browse/type/law/');
    expect(browsePath({ kind: 'year', key: '2021', page: 2 })).toBe('browse/year/2021/page/2/');
  });
  it('keys authorities by pinyin, homophones apart whatever the order', () => {
    expect(pinyinKey('淄博市人民政府')).toBe('ziboshirenminzhengfu');
    const a = keysOf(['公安部', '工安部']);
    const b = keysOf(['工安部', '公安部']);
    expect(new Set(a.values()).size).toBe(2);
    expect(a).toEqual(b);
  });
  it('names regions by their ISO 3166-2 code', () => {
    expect(regionName('CN-SD')).toBe('山东省');
    expect(regionName('CN')).toBe('全国');
    expect(regionCode('山东')).toBe('CN-SD');
  });
});
