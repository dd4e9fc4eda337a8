/** Drafting meta.yaml from note lines: dates with their events, authority, type, region, slug. */
import { describe, expect, it } from 'vitest';
import { noteDates, commencement } from '../../src/import/dates.ts';
import { draftMeta } from '../../src/import/meta-draft.ts';
import { regionOf } from '../../src/import/region.ts';
import { makeSlug } from '../../src/import/slug.ts';

describe('note dates', () => {
  it.each([
    ['1996年3月17日 第八届全国人民代表大会第四次会议通过', [['1996-03-17', 'adopted']]],
    ['（2021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）', [['2021-01-22', 'revised']]],
    ['2002年7月27日 中华人民共和国国务院令第356号公布', [['2002-07-27', 'issued']]],
    [
      '2018年11月29日 河南省第十三届人民代表大会常务委员会第七次会议批准的《安阳市人民代表大会常务委员会关于修改〈安阳市城市绿化条例〉的决定》修正',
      [['2018-11-29', 'amended']],
    ],
    [
      '2021年4月7日 最高人民法院审判委员会第1835次会议《关于修改〈…〉的决定》修正，该修正自2021年4月15日施行',
      [
        ['2021-04-07', 'amended'],
        ['2021-04-15', 'effective'],
      ],
    ],
    [
      '二〇二〇年十二月二十六日第十三届全国人民代表大会常务委员会第二十四次会议通过',
      [['2020-12-26', 'adopted']],
    ],
    ['2021年11月1日 施行', [['2021-11-01', 'effective']]],
  ])('%s', (line, expected) => {
    expect(noteDates(line).map((d) => [d.date, d.event])).toEqual(expected);
  });

  it('finds the commencement clause in the body', () => {
    expect(commencement(['第八十六条 本法自2021年7月15日起施行。'])?.date).toBe('2021-07-15');
  });
});

describe('drafted metadata', () => {
  it.each([
    [
      [
        '中华人民共和国行政处罚法',
        '1996年3月17日 第八届全国人民代表大会第四次会议通过',
        '2021年1月22日 第十三届全国人民代表大会常务委员会第二十五次会议修订',
      ],
      { authority: '全国人民代表大会常务委员会', docType: '法律', jurisdiction: 'CN' },
    ],
    [
      ['专职守护押运人员枪支使用管理条例', '2002年7月27日 中华人民共和国国务院令第356号公布'],
      { authority: '国务院', docType: '行政法规', documentNumber: '中华人民共和国国务院令第356号' },
    ],
    [
      [
        '最高人民法院关于审理铁路运输损害赔偿案件若干问题的解释',
        '1994年10月27日 最高人民法院审判委员会第六百八十四次会议通过',
      ],
      { authority: '最高人民法院', docType: '司法解释' },
    ],
    [
      ['日照市公园条例', '2020年12月31日 日照市第二十届人民代表大会常务委员会第三十三次会议通过'],
      { authority: '日照市人民代表大会常务委员会', docType: '地方性法规', jurisdiction: 'CN-SD' },
    ],
    [['机动车登记规定', '2021年12月17日 公安部令第164号公布'], { authority: '公安部', docType: '部门规章' }],
    [
      ['山东省人民政府关于修改部分省政府规章的决定', '2020年3月1日 山东省人民政府令第331号公布'],
      { authority: '山东省人民政府', docType: '地方政府规章', jurisdiction: 'CN-SD' },
    ],
    [
      ['上海市产品质量条例', '第一章 总则'],
      { authority: '待确认', docType: '地方性法规', jurisdiction: 'CN-SH' },
    ],
    [['中华人民共和国宪法修正案', '第一条 …'], { docType: '宪法' }],
  ])('%s', (lines, expected) => {
    const d = draftMeta(lines, { fallbackTitle: 'x' });
    const flat = {
      authority: d.authority.value,
      docType: d.docType.value,
      jurisdiction: d.jurisdiction.value,
      documentNumber: d.documentNumber?.value,
    };
    expect(flat).toMatchObject(expected);
  });
});

describe('region and slug', () => {
  it('tells provinces and cities, not words that contain a city name', () => {
    expect(regionOf('淄博市人民政府')).toBe('CN-SD');
    expect(regionOf('浙江省第十三届人民代表大会')).toBe('CN-ZJ');
    expect(regionOf('石嘴山市')).toBe('CN-NX');
    expect(regionOf('中山装的穿着规范')).toBeUndefined();
  });
  it('makes a short ASCII slug, unique', () => {
    expect(makeSlug('中华人民共和国行政处罚法', new Set())).toBe('xing-zheng-chu-fa-fa');
    expect(makeSlug('中华人民共和国行政处罚法', new Set(['xing-zheng-chu-fa-fa']))).toBe(
      'xing-zheng-chu-fa-fa-2',
    );
    expect(makeSlug('浙江省县、乡两级人民代表大会代表选举实施细则（2021年修正）', new Set())).toMatch(
      /^[a-z0-9]+(-[a-z0-9]+){0,9}$/,
    );
  });
});
