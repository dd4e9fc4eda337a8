/** The correspondence of two versions' articles: order, renumbering, moves, splits, merges, overrides. */
import { describe, expect, test } from 'vitest';
import { parseRegulation, toDisplayTree, type Document } from '../../src/parser/index.ts';
import { correspond } from '../../src/versions/correspond.ts';
import { mapForward, pairsBetween } from '../../src/versions/compose.ts';
import { articleHistory, inForce, versionLabel, versionOn } from '../../src/versions/view.ts';
import type { Versions } from '../../src/versions/model.ts';

const tree = (articles: string[]): Document => {
  const text = articles.map((a, i) => `第${'一二三四五六七八九十'[i] ?? ''}条　${a}`).join('\n');
  const { tree: t, ok, file } = parseRegulation(text, 'test.txt');
  if (!ok) throw new Error(String(file.messages));
  return toDisplayTree(t);
};
const dates = { from: '2017-09-01', to: '2023-09-01' };
const summary = (a: Document, b: Document, o = [] as Array<{ old: string; new: string[] }>) =>
  correspond(a, b, dates, o).pairs.map((p) => `${p.old ?? '-'}>${p.new.join('+') || '-'}:${p.kind}`);

const A = '为了防止和纠正违法的或者不当的具体行政行为，保护公民、法人和其他组织的合法权益，制定本法。';
const B = '复议机关履行复议职责，应当遵循合法、公正、公开、及时、便民的原则，坚持有错必纠。';
const C = '申请人申请复议，可以书面申请，也可以口头申请，复议机关应当当场记录。';
const D = '复议机关受理复议申请，不得向申请人收取任何费用。';
const E = '本法自1999年10月1日起施行。';

describe('correspond', () => {
  test('an inserted article renumbers those after it; wording changes are amendments', () => {
    const old = tree([A, B, C, D, E]);
    const now = tree([
      A.replace('具体', ''),
      '复议工作坚持中国共产党的领导，坚持以人民为中心。',
      B,
      C,
      D,
      E.replace('1999年10月1日', '2024年1月1日'),
    ]);
    expect(summary(old, now)).toEqual([
      'art_1>art_1:amended',
      '->art_2:new',
      'art_2>art_3:renumbered',
      'art_3>art_4:renumbered',
      'art_4>art_5:renumbered',
      'art_5>art_6:renumbered-amended',
    ]);
  });
  test('a removed article stands where it stood', () => {
    expect(summary(tree([A, B, C, D]), tree([A, C, D]))).toEqual([
      'art_1>art_1:unchanged',
      'art_2>-:removed',
      'art_3>art_2:renumbered',
      'art_4>art_3:renumbered',
    ]);
  });
  test('punctuation width is not an amendment', () => {
    expect(summary(tree([A, B]), tree([A, B.replace(/，/g, ',')]))).toEqual([
      'art_1>art_1:unchanged',
      'art_2>art_2:unchanged',
    ]);
  });
  test('an article moved out of order is still found', () => {
    expect(summary(tree([A, B, C, D]), tree([A, D, B, C]))).toContain('art_4>art_2:renumbered');
  });
  test('an article split in two pairs with both', () => {
    const [c1, c2] = [
      '申请人申请复议，可以书面申请，也可以口头申请，书面申请有困难的可以口头申请。',
      '口头申请的，复议机关应当当场记录申请人的基本情况、复议请求和主要事实。',
    ];
    const rows = summary(tree([A, c1 + c2, D]), tree([A, c1, c2, D]));
    expect(rows).toContain('art_2>art_2+art_3:amended');
  });
  test('overrides win and take their new article from the computed pair', () => {
    const old = tree([A, B, C]);
    const now = tree([A, B, C]);
    expect(summary(old, now, [{ old: 'art_3', new: ['art_2'] }])).toEqual([
      'art_1>art_1:unchanged',
      'art_2>-:removed',
      'art_3>art_2:renumbered-amended',
      '->art_3:new',
    ]);
    expect(
      correspond(old, now, dates, [{ old: 'art_3', new: ['art_2'] }]).pairs.find((p) => p.old === 'art_3')!
        .source,
    ).toBe('override');
  });
});

describe('across versions', () => {
  const v1 = tree([A, B, C]);
  const v2 = tree([A, D, B, C]);
  const v3 = tree([E, A.replace('具体', ''), D, B, C]);
  const versions: Versions = {
    earlier: [
      { date: '1999-04-29', event: '制定', tree: v1, stats: {} as never },
      { date: '2017-09-01', event: '修正', effective: '2018-01-01', tree: v2, stats: {} as never },
    ],
    current: { date: '2023-09-01', event: '修订', effective: '2024-01-01' },
    correspondences: [
      correspond(v1, v2, { from: '1999-04-29', to: '2017-09-01' }),
      correspond(v2, v3, { from: '2017-09-01', to: '2023-09-01' }),
    ],
  };
  test('articles map through every revision', () => {
    expect(mapForward(versions, '1999-04-29', '2023-09-01').get('art_2')).toEqual(['art_4']);
    expect(
      pairsBetween(versions, v3, '1999-04-29', '2023-09-01').map(
        (p) => `${p.old ?? '-'}>${p.new.join('+')}:${p.kind}`,
      ),
    ).toEqual([
      '->art_1:new',
      'art_1>art_2:renumbered-amended',
      '->art_3:new',
      'art_2>art_4:renumbered',
      'art_3>art_5:renumbered',
    ]);
  });
  test('the version in force on a day follows effective dates', () => {
    const list = inForce(versions);
    expect(list.map((x) => [x.label, x.from, x.until])).toEqual([
      ['1999年', '1999-04-29', '2017-12-31'],
      ['2017年修正', '2018-01-01', '2023-12-31'],
      ['2023年修订', '2024-01-01', undefined],
    ]);
    expect(versionOn(list, '2017-12-31')?.date).toBe('1999-04-29');
    expect(versionOn(list, '2020-06-01')?.date).toBe('2017-09-01');
    expect(versionOn(list, '2024-01-01')?.date).toBe('2023-09-01');
    expect(versionOn(list, '1990-01-01')).toBeUndefined();
  });
  test('each current article knows its earlier texts', () => {
    const h = articleHistory(versions);
    expect(h.get('art_1')!.kind).toBe('new');
    expect(h.get('art_2')).toMatchObject({ kind: 'renumbered-amended', old: ['art_1'] });
    expect(h.get('art_4')!.earlier).toEqual([
      { date: '2017-09-01', label: '2017年修正', eIds: ['art_3'] },
      { date: '1999-04-29', label: '1999年', eIds: ['art_2'] },
    ]);
    expect(versionLabel({ date: '2017-09-01', event: '修正' })).toBe('2017年修正');
  });
});
