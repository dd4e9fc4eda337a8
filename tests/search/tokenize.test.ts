import { describe, expect, it } from 'vitest';
import { contentTokens, pagefindQuery, queryBigrams, runTokens } from '../../src/search/tokenize.ts';

describe('tokens', () => {
  it('are overlapping bigrams plus the last character', () => {
    expect(runTokens('会议制度')).toEqual(['会议', '议制', '制度', '度']);
    expect(runTokens('会')).toEqual(['会']);
    expect(runTokens('')).toEqual([]);
  });

  it('never span two runs', () => {
    expect(contentTokens(['第十一条', '市政府'])).toBe('第十 十一 一条 条 市政 政府 府');
  });

  it('count astral characters as one', () => {
    expect(runTokens('甲𠀀乙')).toEqual(['甲𠀀', '𠀀乙', '乙']);
  });

  it('contain the query bigrams, in order and adjacent, exactly when the query is a substring', () => {
    const run = '市政府全体会议';
    const tokens = runTokens(run);
    for (let i = 0; i < run.length; i++) {
      for (let j = i + 2; j <= run.length; j++) {
        const q = queryBigrams(run.slice(i, j));
        expect(tokens.slice(i, i + q.length)).toEqual(q);
      }
    }
  });
});

describe('pagefindQuery', () => {
  it('quotes bigrams for a phrase search, capped at three', () => {
    expect(pagefindQuery('会议')).toBe('"会议"');
    expect(pagefindQuery('会议制度')).toBe('"会议 议制 制度"');
    expect(pagefindQuery('市政府全体会议')).toBe('"市政 政府 府全"');
    expect(pagefindQuery('市政府全体会议', 10)).toBe('"市政 政府 府全 全体 体会 会议"');
  });
  it('sends a single character as a prefix search, nothing for an empty query', () => {
    expect(pagefindQuery('督')).toBe('督');
    expect(pagefindQuery('')).toBeNull();
  });
});
