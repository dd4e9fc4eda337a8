/** Character-level comparison: folded punctuation and whitespace, Myers edits, cleanup. */
import { describe, expect, test } from 'vitest';
import { diffText, sameShare } from '../../src/versions/diff.ts';
import { myers } from '../../src/versions/myers.ts';
import { normalizeForCompare } from '../../src/versions/normalize.ts';

const apply = (segments: ReturnType<typeof diffText>, side: 'old' | 'new') =>
  segments
    .map((s) =>
      s.op === 'equal'
        ? side === 'old'
          ? s.old
          : s.text
        : s.op === (side === 'old' ? 'delete' : 'insert')
          ? s.text
          : '',
    )
    .join('');

describe('normalizeForCompare', () => {
  test.each([
    ['第一条，甲', '第一条,甲'],
    ['甲　乙 丙\n丁', '甲乙丙丁'],
    ['〈中华人民共和国法官法〉', '<中华人民共和国法官法>'],
    ['（一）', '(一)'],
    ['１—２次', '1-2次'],
    ['甲\u200b乙', '甲乙'],
  ])('%s folds like %s', (a, b) => expect(normalizeForCompare(a)).toBe(normalizeForCompare(b)));
  test('different words stay different', () =>
    expect(normalizeForCompare('行政行为')).not.toBe(normalizeForCompare('具体行政行为')));
});

describe('myers', () => {
  test('a shortest edit script that rebuilds both sides', () => {
    const a = [...'ABCABBA'];
    const b = [...'CBABAC'];
    const edits = myers(a, b);
    expect(edits.filter((e) => e.op !== 'equal')).toHaveLength(5); // D = 5 in Myers' paper
    expect(
      edits
        .filter((e) => e.op !== 'insert')
        .map((e) => a[e.a])
        .join(''),
    ).toBe('ABCABBA');
    expect(
      edits
        .filter((e) => e.op !== 'delete')
        .map((e) => b[e.b])
        .join(''),
    ).toBe('CBABAC');
  });
  test('empty inputs', () => {
    expect(myers([], [])).toEqual([]);
    expect(myers([...'ab'], []).map((e) => e.op)).toEqual(['delete', 'delete']);
    expect(myers([], [...'ab']).map((e) => e.op)).toEqual(['insert', 'insert']);
  });
});

describe('diffText', () => {
  test('具体行政行为 → 行政行为 marks only 具体', () => {
    const s = diffText(
      '为了防止和纠正违法的或者不当的具体行政行为，保护',
      '为了防止和纠正违法的或者不当的行政行为，保护',
    );
    expect(s.filter((x) => x.op !== 'equal')).toEqual([{ op: 'delete', text: '具体' }]);
  });
  test('formatting alone is never a change, and each side keeps its own characters', () => {
    const old = '坚持有错必纠,保障法律、法规的正确实施。';
    const now = '坚持有错必纠，保障法律、法规的正确实施。';
    const s = diffText(old, now);
    expect(s).toHaveLength(1);
    expect(s[0]!.op).toBe('equal');
    expect(apply(s, 'old')).toBe(old);
    expect(apply(s, 'new')).toBe(now);
    expect(diffText('甲 乙\n丙', '甲乙丙').every((x) => x.op === 'equal')).toBe(true);
  });
  test('both texts can be rebuilt from the segments', () => {
    const old =
      '公民认为具体行政行为侵犯其合法权益，向行政机关提出复议申请，行政机关受理复议申请、作出复议决定，适用本法。';
    const now =
      '公民认为行政机关的行政行为侵犯其合法权益，向复议机关提出复议申请，复议机关办理复议案件，适用本法。';
    const s = diffText(old, now);
    expect(apply(s, 'old')).toBe(old);
    expect(apply(s, 'new')).toBe(now);
  });
  test('a short equal run between changes is dissolved: deletions come before insertions', () => {
    const s = diffText('甲乙丙丁戊', '甲子乙丑戊');
    expect(s.map((x) => x.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(s[1]).toEqual({ op: 'delete', text: '乙丙丁' });
    expect(s[2]).toEqual({ op: 'insert', text: '子乙丑' });
  });
  test('sameShare', () => {
    expect(sameShare(diffText('甲乙', '甲乙'))).toBe(1);
    expect(sameShare(diffText('甲乙', '丙丁'))).toBe(0);
  });
});
