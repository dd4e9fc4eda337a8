/**
 * The static listing pages of the collection (docs/pages.md): every facet value has one, sorted
 * newest first and split into pages of PAGE_SIZE, so the collection can be browsed without
 * JavaScript. Addresses are ASCII and stable: /browse/, /browse/page/2/, /browse/type/law/,
 * /browse/authority/<pinyin>/, /browse/region/cn-sd/, /browse/status/in-force/,
 * /browse/year/2021/, each with page/N/ after the first page.
 */
import { loadCollection } from '../data/collection.ts';
import type { Variant } from '../i18n/locale.ts';
import { FACET_KINDS, facetValues, filterListing, pageCount, type FacetKind } from './facets.ts';
import { listedDocuments, statusName } from './listing.ts';

/** One listing page: a facet value (or the whole collection) and a page number. */
export interface BrowsePlace {
  kind?: FacetKind;
  key?: string;
  page: number;
}

/**
 * The page path of a listing below the script prefix.
 * @example browsePath({ kind: 'type', key: 'law', page: 2 }) // 'browse/type/law/page/2/'
 */
export function browsePath({ kind, key, page }: BrowsePlace): string {
  return `browse/${kind && key ? `${kind}/${key}/` : ''}${page > 1 ? `page/${page}/` : ''}`;
}

/** getStaticPaths of the listing pages (the `[...path]` parameter below /browse/). */
export function browsePaths(variant: Variant) {
  const docs = listedDocuments(loadCollection().documents, variant);
  const places: BrowsePlace[] = [];
  const paged = (count: number, place: Omit<BrowsePlace, 'page'>) => {
    for (let page = 1; page <= pageCount(count); page++) places.push({ ...place, page });
  };
  paged(docs.length, {});
  for (const kind of FACET_KINDS) {
    for (const value of facetValues(docs, kind, statusName(variant)))
      paged(value.count, { kind, key: value.key });
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
