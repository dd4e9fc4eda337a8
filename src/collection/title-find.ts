/**
 * Finding a document by its name: the title box. A query matches a document when, normalised
 * as full-text search normalises (src/search/normalize.ts: script folded, punctuation and width
 * ignored), it is a substring of the document's title, of one of its short names
 * (中华人民共和国行政处罚法 → 行政处罚法; the meta.yaml `abbreviations`) or of its 发文字号, so
 * 淄政发〔2017〕2号, 淄政发[2017]2号 and 淄政發(2017)2號 all find the same document. Exact
 * substring semantics, never fuzzy. Runs at build time (keys) and in the browser (queries).
 */
import { normalizeText, type Fold } from '../search/normalize.ts';
import type { ListedDocument } from './facets.ts';

/** Keys are joined by a character normalisation never produces, so a match cannot span two. */
const JOIN = '|';

/**
 * The short names a title is known by: without 中华人民共和国, and without a trailing bracket
 * of revision or trial notes (（2021年修订）, （试行）).
 * @example shortTitles('中华人民共和国行政处罚法') // ['行政处罚法']
 */
export function shortTitles(title: string): string[] {
  const out = new Set<string>();
  const bare = title.replace(/[（(][^（）()]*(?:修订|修正|试行|草案|年)[^（）()]*[）)]$/, '');
  for (const t of [title, bare]) {
    const short = t.replace(/^中华人民共和国/, '');
    if (short !== title && short.length >= 2) out.add(short);
    if (t !== title) out.add(t);
  }
  return [...out];
}

/**
 * The normalised search keys of a document: title, short names, abbreviations, number.
 * @example titleKeys('中华人民共和国行政处罚法', [], undefined) // '中华人民共和国行政处罚法|行政处罚法'
 */
export function titleKeys(
  title: string,
  abbreviations: readonly string[] = [],
  documentNumber?: string,
): string {
  const names = [title, ...shortTitles(title), ...abbreviations, ...(documentNumber ? [documentNumber] : [])];
  return [...new Set(names.map((n) => normalizeText(n)).filter(Boolean))].join(JOIN);
}

/**
 * The documents whose keys contain the query, best first: a name equal to the query, then
 * by the hierarchy of norms (the law before a city's measures implementing it), then the
 * shorter title. An empty query finds nothing.
 * @example findByTitle(docs, '行政处罚法')[0].title // '中华人民共和国行政处罚法'
 */
export function findByTitle(docs: readonly ListedDocument[], query: string, fold?: Fold): ListedDocument[] {
  const q = normalizeText(query, { fold });
  if (!q) return [];
  const exact = (d: ListedDocument) => (d.keys.split(JOIN).includes(q) ? 0 : 1);
  return docs
    .filter((d) => d.keys.includes(q))
    .sort((a, b) => exact(a) - exact(b) || a.rank - b.rank || a.title.length - b.title.length);
}
