import { describe, expect, it } from 'vitest';
import { hasFilters, pagefindFilters, readState, writeState } from '../../src/search/query-state.ts';
import { DOC_BUCKETS, docFilter, FILTER } from '../../src/search/schema.ts';

describe('the search state in the address', () => {
  it('reads the query and the filters, leaving out unknown parameters and malformed values', () => {
    expect(
      readState('?q=%E4%BC%9A%E8%AE%AE&type=law&status=in-force&region=cn-sd&doc=zibo-rules&page=2'),
    ).toEqual({
      q: '会议',
      filters: { type: 'law', status: 'in-force', region: 'cn-sd', doc: 'zibo-rules' },
    });
    expect(readState('?type=Law&status=%3Cb%3E&region=&doc=a/b').filters).toEqual({});
    expect(readState('').q).toBe('');
    // A filter given twice keeps its first value.
    expect(readState('?type=law&type=local-regulation').filters).toEqual({ type: 'law' });
  });

  it('writes q first, then the filters in a fixed order, keeping other parameters; empty values go', () => {
    const url = writeState(new URL('https://example.org/search/?x=1&type=old'), {
      q: ' 会议 ',
      filters: { region: 'cn-sd', type: 'law', status: undefined, doc: '' },
    });
    expect(url.search).toBe('?q=%E4%BC%9A%E8%AE%AE&type=law&region=cn-sd&x=1');
    expect(writeState(new URL('https://example.org/search/?q=x'), { q: '', filters: {} }).search).toBe('');
    // A malformed value is not written.
    expect(writeState(new URL('https://example.org/'), { q: 'a', filters: { type: 'A B' } }).search).toBe(
      '?q=a',
    );
  });

  it('survives a round trip', () => {
    const state = {
      q: '常务会议',
      filters: { doc: 'zibo-government-work-rules', status: 'in-force', type: 'normative-document' },
    };
    const url = writeState(new URL('https://example.org/zh-hant/search/'), state);
    expect(readState(url.search)).toEqual(state);
    expect(readState(new URL(url.href).searchParams)).toEqual(state);
  });

  it('maps the filters to the index records’ Pagefind filters', () => {
    expect(pagefindFilters({ doc: 'x', type: 'law', status: 'repealed', region: 'cn' })).toEqual({
      [docFilter('x')]: 'x',
      [FILTER.type]: 'law',
      [FILTER.status]: 'repealed',
      [FILTER.region]: 'cn',
    });
    expect(pagefindFilters({ type: '', status: undefined })).toEqual({});
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ region: 'cn' })).toBe(true);
  });

  it('spreads documents over sixteen document filters by their slug, the same on every call', () => {
    const slugs = Array.from({ length: 200 }, (_, i) => `document-${i}`);
    const names = slugs.map(docFilter);
    expect(names.every((n) => /^s[0-9a-f]$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(DOC_BUCKETS);
    // No bucket holds more than twice its share.
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual((2 * slugs.length) / DOC_BUCKETS);
    expect(docFilter('zibo-government-work-rules')).toBe(docFilter('zibo-government-work-rules'));
    // Never the slug field itself, nor another filter.
    expect(['s', ...Object.values(FILTER)]).not.toContain(docFilter('x'));
  });
});
