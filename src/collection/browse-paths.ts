/**
 * The static listing pages of the collection (docs/pages.md): every facet value has one, sorted
 * newest first and split into pages of the page size, so the collection can be browsed without
 * JavaScript; a listing longer than one page also has a name index, one page per initial letter
 * (names.ts). Addresses are ASCII and stable: /browse/, /browse/page/2/, /browse/names/x/,
 * /browse/type/law/, /browse/type/law/names/x/, /browse/authority/<pinyin>/,
 * /browse/region/cn-sd/, /browse/status/in-force/, /browse/year/2021/, each listing with page/N/
 * after the first page.
 */
import { loadCollection } from '../data/collection.ts';
import type { Variant } from '../i18n/locale.ts';
import { FACET_KINDS, PAGE_SIZE, facetValues, filterListing, pageCount, type FacetKind } from './facets.ts';
import { listedDocuments, statusName } from './listing.ts';
import { nameIndex } from './names.ts';

/** One listing page: a facet value (or the whole collection), and a page number or an index letter. */
export interface BrowsePlace {
  kind?: FacetKind;
  key?: string;
  page: number;
  /** A page of the name index: the initial letter (a–z, or names.ts's OTHER). */
  letter?: string;
}

/**
 * Documents per listing page: PAGE_SIZE, or TIAOWEN_PAGE_SIZE for a build that wants another
 * (the browser tests page a six-document collection by four). Build time only.
 */
export function listingPageSize(): number {
  const set = Number(process.env.TIAOWEN_PAGE_SIZE);
  return Number.isInteger(set) && set > 0 ? set : PAGE_SIZE;
}

/**
 * The page path of a listing below the script prefix.
 * @example browsePath({ kind: 'type', key: 'law', page: 2 }) // 'browse/type/law/page/2/'
 * @example browsePath({ kind: 'type', key: 'law', page: 1, letter: 'x' }) // 'browse/type/law/names/x/'
 */
export function browsePath({ kind, key, page, letter }: BrowsePlace): string {
  const value = kind && key ? `${kind}/${key}/` : '';
  if (letter) return `browse/${value}names/${letter}/`;
  return `browse/${value}${page > 1 ? `page/${page}/` : ''}`;
}

/** Whether a listing of `count` documents has a name index: when it takes more than one page. */
export const hasNameIndex = (count: number) => count > listingPageSize();

/** getStaticPaths of the listing pages (the `[...path]` parameter below /browse/). */
export function browsePaths(variant: Variant) {
  const docs = listedDocuments(loadCollection().documents, variant);
  const size = listingPageSize();
  const places: BrowsePlace[] = [];
  const listing = (count: number, place: Omit<BrowsePlace, 'page'>) => {
    for (let page = 1; page <= pageCount(count, size); page++) places.push({ ...place, page });
    if (!hasNameIndex(count)) return;
    const chosen = place.kind && place.key ? filterListing(docs, { [place.kind]: place.key }) : docs;
    for (const { letter } of nameIndex(chosen, simplifiedTitle())) places.push({ ...place, page: 1, letter });
  };
  listing(docs.length, {});
  for (const kind of FACET_KINDS) {
    for (const value of facetValues(docs, kind, statusName(variant)))
      listing(value.count, { kind, key: value.key });
  }
  return places.map((place) => ({
    params: {
      path:
        browsePath(place)
          .replace(/^browse\/?/, '')
          .replace(/\/$/, '') || undefined,
    },
    props: { place },
  }));
}

/** The documents of a listing, all pages. */
export function placeDocuments(variant: Variant, place: BrowsePlace) {
  const docs = listedDocuments(loadCollection().documents, variant);
  return place.kind && place.key ? filterListing(docs, { [place.kind]: place.key }) : [...docs];
}

/** A document's simplified title by slug (what the name index reads its pinyin from). */
export function simplifiedTitle(): (slug: string) => string {
  const { documents } = loadCollection();
  let titles = simplifiedTitles.get(documents);
  if (!titles)
    simplifiedTitles.set(documents, (titles = new Map(documents.map((d) => [d.meta.slug, d.meta.title]))));
  return (slug) => titles.get(slug) ?? slug;
}
const simplifiedTitles = new WeakMap<object, Map<string, string>>();
