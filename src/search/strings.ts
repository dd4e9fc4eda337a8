/**
 * Every string the search interface shows, in both scripts. Used at build time by the
 * components and at run time by ui.ts; browser-safe, no imports.
 */
import { variantPath, type Variant } from '../i18n/variant.ts';

export interface SearchStrings {
  /** The input's accessible name. */
  label: string;
  placeholder: string;
  /** The listbox's accessible name. */
  results: string;
  /** Shown in the panel before anything is typed. */
  hint: string;
  loading: string;
  found: (n: number) => string;
  foundMore: (n: number) => string;
  none: (q: string) => string;
  error: string;
  more: string;
  close: string;
  /** Shown instead of a provision label for a title hit. */
  title: string;
  pageTitle: string;
  pageHeading: (q: string) => string;
  noScript: string;
  noScriptDocs: string;
  home: string;
  /** On a document page, results from that document: the counts, and the step to all documents. */
  foundInDoc: (n: number) => string;
  foundMoreInDoc: (n: number) => string;
  noneInDoc: (q: string) => string;
  widen: string;
  /** The filters on the search page: their group's name, the no-filter choice, the document scope. */
  filters: string;
  any: string;
  /** The document scope of the search page: `title` once the results name it. */
  inDoc: (title?: string) => string;
}

export const SEARCH_STRINGS: Record<Variant, SearchStrings> = {
  hans: {
    label: '搜索条文',
    placeholder: '搜索条文，如：常务会议',
    results: '搜索结果',
    hint: '输入词语查找条文，例如：常务会议、第十一条、5个工作日。',
    loading: '正在搜索…',
    found: (n) => `找到 ${n} 条结果`,
    foundMore: (n) => `已找到 ${n} 条结果，还有更多`,
    none: (q) => `没有找到“${q}”`,
    error: '搜索暂时无法使用，请稍后重试。',
    more: '更多结果',
    close: '关闭',
    title: '标题',
    pageTitle: '搜索 · 条文',
    pageHeading: (q) => (q ? `“${q}”的搜索结果` : '搜索条文'),
    noScript: '搜索需要启用 JavaScript。也可以从法规文件列表或各文件的目录查找条文：',
    noScriptDocs: '法规文件',
    home: '法规文件列表',
    foundInDoc: (n) => `本文件中找到 ${n} 条结果`,
    foundMoreInDoc: (n) => `本文件中已找到 ${n} 条结果，还有更多`,
    noneInDoc: (q) => `本文件中没有找到“${q}”`,
    widen: '在全部文件中搜索',
    filters: '筛选',
    any: '全部',
    inDoc: (title) => (title ? `仅在《${title}》中搜索` : '仅在一个文件中搜索'),
  },
  hant: {
    label: '搜尋條文',
    placeholder: '搜尋條文，如：常務會議',
    results: '搜尋結果',
    hint: '輸入詞語查找條文，例如：常務會議、第十一條、5個工作日。',
    loading: '正在搜尋…',
    found: (n) => `找到 ${n} 條結果`,
    foundMore: (n) => `已找到 ${n} 條結果，還有更多`,
    none: (q) => `沒有找到「${q}」`,
    error: '搜尋暫時無法使用，請稍後重試。',
    more: '更多結果',
    close: '關閉',
    title: '標題',
    pageTitle: '搜尋 · 條文',
    pageHeading: (q) => (q ? `「${q}」的搜尋結果` : '搜尋條文'),
    noScript: '搜尋需要啟用 JavaScript。也可以從法規文件列表或各文件的目錄查找條文：',
    noScriptDocs: '法規文件',
    home: '法規文件列表',
    foundInDoc: (n) => `本文件中找到 ${n} 條結果`,
    foundMoreInDoc: (n) => `本文件中已找到 ${n} 條結果，還有更多`,
    noneInDoc: (q) => `本文件中沒有找到「${q}」`,
    widen: '在全部文件中搜尋',
    filters: '篩選',
    any: '全部',
    inDoc: (title) => (title ? `僅在《${title}》中搜尋` : '僅在一個文件中搜尋'),
  },
};

/** The search page path of a script, relative to the base. */
export function searchPagePath(variant: Variant): string {
  return variantPath(variant, 'search/');
}
