/**
 * Which document of the collection a cited title names: its full title, a short name
 * (中华人民共和国行政处罚法 → 行政处罚法, as laws cite each other: 依照刑法第二百六十六条) or an
 * abbreviation from its meta.yaml. When several versions share a name, the one in force wins,
 * then the newest.
 */
import { shortTitles } from '../collection/title-find.ts';
import type { KnownDocument } from './transform.ts';

/** Compare titles regardless of bracket width: （试行） = (试行). */
export const titleKey = (t: string) =>
  t
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[《》〈〉]/g, '')
    .trim();

/** The names a document is cited by, full title first. */
export const namesOf = (d: Pick<KnownDocument, 'title' | 'abbreviations'>) => [
  d.title,
  ...shortTitles(d.title),
  ...(d.abbreviations ?? []),
];

/**
 * A lookup from a cited title to the document it names.
 * @example titleLookup([{ slug: 'law', title: '中华人民共和国行政处罚法' }])('行政处罚法')?.slug // 'law'
 */
export function titleLookup(
  collection: readonly KnownDocument[],
): (title: string) => KnownDocument | undefined {
  const cached = lookups.get(collection);
  if (cached) return cached;
  const byKey = new Map<string, KnownDocument[]>();
  for (const d of collection) {
    for (const name of namesOf(d)) {
      const list = byKey.get(titleKey(name)) ?? [];
      if (!list.includes(d)) list.push(d);
      byKey.set(titleKey(name), list);
    }
  }
  const score = (d: KnownDocument, key: string) => [
    titleKey(d.title) === key ? 0 : 1,
    d.status === 'in-force' ? 0 : 1,
  ];
  const lookup = (title: string) => {
    const key = titleKey(title);
    const list = byKey.get(key);
    if (!list) return undefined;
    return [...list].sort((a, b) => {
      const [x, y] = [score(a, key), score(b, key)];
      return x[0]! - y[0]! || x[1]! - y[1]! || (b.date ?? '').localeCompare(a.date ?? '');
    })[0];
  };
  lookups.set(collection, lookup);
  return lookup;
}

// A collection passes the same list for every document: build its lookups once.
const lookups = new WeakMap<readonly KnownDocument[], (title: string) => KnownDocument | undefined>();
const names = new WeakMap<readonly KnownDocument[], string[]>();

/** Every name in the collection (titles, short names, abbreviations), for citations written without 《》. */
export function shortNames(collection: readonly KnownDocument[]): string[] {
  let list = names.get(collection);
  if (!list) names.set(collection, (list = [...new Set(collection.flatMap((d) => namesOf(d)))]));
  return list;
}
