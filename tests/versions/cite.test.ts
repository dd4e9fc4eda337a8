/** Citations of a version: the qualifier is detected and resolves to the version and the article in force. */
import { describe, expect, test } from 'vitest';
import { parseRegulation, toDisplayTree, type Document } from '../../src/parser/index.ts';
import { detect } from '../../src/references/detect.ts';
import { correspond } from '../../src/versions/correspond.ts';
import { editionTarget } from '../../src/versions/cite.ts';
import type { Versions } from '../../src/versions/model.ts';

const tree = (text: string): Document => toDisplayTree(parseRegulation(text, 't.txt').tree);
const old = tree(
  '第一条　为了防止和纠正违法的或者不当的具体行政行为，制定本法。\n第二条　复议申请材料可以通过信函方式提交。\n第三条　复议机关受理复议申请，不得向申请人收取任何费用。',
);
const now = tree(
  '第一条　为了防止和纠正违法的或者不当的行政行为，制定本法。\n第二条　复议工作坚持中国共产党的领导。\n第三条　复议机关受理复议申请，不得向申请人收取任何费用。',
);
const versions: Versions = {
  earlier: [{ date: '2017-09-01', event: '修正', tree: old, stats: {} as never }],
  current: { date: '2023-09-01', event: '修订' },
  correspondences: [correspond(old, now, { from: '2017-09-01', to: '2023-09-01' })],
};

describe('version-qualified citations', () => {
  test('detect reads the qualifier between the title and the pinpoint', () => {
    const [span] = detect('依照《中华人民共和国行政复议法》（2017年修正）第二十八条');
    expect(span).toMatchObject({
      kind: 'citation',
      title: '中华人民共和国行政复议法',
      edition: '2017年修正',
      pinpoint: { article: { num: 28 } },
    });
    expect(detect('《某法》（2023年修订）第一条')[0]).toMatchObject({ edition: '2023年修订' });
    expect(detect('《某法》第一条')[0]).not.toHaveProperty('edition');
  });
  test('an earlier version: its page, and the article that carries it now', () => {
    expect(editionTarget('law', versions, '2017年修正', 'art_3')).toEqual({
      version: '2017-09-01',
      label: '2017年修正',
      target: '/law/v/2017-09-01/#art_3',
      inForce: ['art_3'],
    });
    expect(editionTarget('law', versions, '2017年', 'art_2__para_1')).toMatchObject({
      target: '/law/v/2017-09-01/#art_2__para_1',
      inForce: [],
    });
  });
  test('the current version is the document page; an unknown year or event resolves to nothing', () => {
    expect(editionTarget('law', versions, '2023年修订', 'art_1')).toMatchObject({
      target: '/law/#art_1',
      inForce: ['art_1'],
    });
    expect(editionTarget('law', versions, '2019年修正', 'art_1')).toBeUndefined();
    expect(editionTarget('law', versions, '2017年修订', 'art_1')).toBeUndefined();
  });
});
