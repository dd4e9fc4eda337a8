import { describe, expect, it } from 'vitest';
import {
  ARTICLE_PAGES_LIMIT,
  articlePagesSetting,
  writesArticlePages,
} from '../../src/views/article-pages.ts';

describe('article pages', () => {
  it('are written up to the limit by default, and never or always when asked', () => {
    expect(writesArticlePages(56, 'auto')).toBe(true);
    expect(writesArticlePages(ARTICLE_PAGES_LIMIT, 'auto')).toBe(true);
    expect(writesArticlePages(ARTICLE_PAGES_LIMIT + 1, 'auto')).toBe(false);
    expect(writesArticlePages(56, 'none')).toBe(false);
    expect(writesArticlePages(10 * ARTICLE_PAGES_LIMIT, 'all')).toBe(true);
  });

  it('read their setting from TIAOWEN_ARTICLE_PAGES, auto when unset, and refuse anything else by name', () => {
    expect(articlePagesSetting(undefined)).toBe('auto');
    expect(articlePagesSetting('')).toBe('auto');
    expect(articlePagesSetting(' none ')).toBe('none');
    expect(() => articlePagesSetting('some')).toThrow(
      'Unexpected TIAOWEN_ARTICLE_PAGES=some, expected all, none or auto',
    );
  });
});
