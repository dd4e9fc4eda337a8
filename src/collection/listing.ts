/**
 * The collection as listings see it, per script, and the compact listing JSON the browse
 * pages fetch on demand to filter in place (one file per script, never inlined in pages).
 * Build time only.
 */
import type { DocumentEntry } from '../data/collection.ts';
import { STATUS_LABELS } from '../data/display.ts';
import type { Variant } from '../i18n/locale.ts';
import { ui } from '../i18n/ui.ts';
import { buildFoldMap } from '../variant/fold-map.ts';
import type { FoldMap } from '../variant/fold.ts';
import { DOC_TYPES, typeKey, type ListedDocument } from './facets.ts';
import { keysOf } from './keys.ts';
import { regionName } from './regions.ts';
import { dateOf } from './relations.ts';
import { titleKeys } from './title-find.ts';

// Listings are asked for by every page of a build: made once per collection and script.
const cache = new WeakMap<readonly DocumentEntry[], Partial<Record<Variant, ListedDocument[]>>>();
const authorityKeys = new WeakMap<readonly DocumentEntry[], Map<string, string>>();

/**
 * Every document as a listing record in a script, in collection order.
 * @example listedDocuments(documents, 'hans')[0].authorityKey // 'ziboshirenminzhengfu'
 */
export function listedDocuments(documents: readonly DocumentEntry[], variant: Variant): ListedDocument[] {
  const hit = cache.get(documents)?.[variant];
  if (hit) return hit;
  let keys = authorityKeys.get(documents);
  if (!keys) authorityKeys.set(documents, (keys = keysOf(documents.map((d) => d.meta.authority))));
  const t = ui(variant);
  const list = documents.map((d): ListedDocument => {
    const { meta } = d;
    const type = typeKey(meta.docType, meta.authority);
    const region = meta.jurisdiction;
    return {
      slug: meta.slug,
      title: variant === 'hant' ? (d.titleHant ?? t(meta.title)) : meta.title,
      ...(meta.documentNumber && { documentNumber: t(meta.documentNumber) }),
      authority: t(meta.authority),
      authorityKey: keys.get(meta.authority)!,
      type,
      region: region.toLowerCase(),
      regionName: t(regionName(region)),
      status: meta.status,
      ...(dateOf(d) && { date: dateOf(d) }),
      ...(meta.dates.effective && { effective: meta.dates.effective }),
      keys: titleKeys(meta.title, meta.abbreviations, meta.documentNumber),
      rank: DOC_TYPES.findIndex((x) => x.key === type),
    };
  });
  cache.set(documents, { ...cache.get(documents), [variant]: list });
  return list;
}

/** The status name of a status key in a script. */
export const statusName = (variant: Variant) => (s: string) =>
  ui(variant)(STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s);

/** The listing JSON: lookup tables for repeated names, one array per document. */
export interface ListingData {
  /** Fold map for queries typed in either script (only the characters the titles use). */
  fold: FoldMap;
  /** [key, name] of each authority and region; documents refer to them by index. */
  authorities: Array<[string, string]>;
  regions: Array<[string, string]>;
  /** Status key → name, type key → name, in the page's script. */
  statuses: Record<string, string>;
  types: Record<string, string>;
  /** slug, title, number, authority index, type, region index, status, date, effective, keys. */
  docs: Array<[string, string, string, number, string, number, string, string, string, string]>;
}

/** The listing JSON of a script. */
export function listingData(documents: readonly DocumentEntry[], variant: Variant): ListingData {
  const list = listedDocuments(documents, variant);
  const t = ui(variant);
  const table = (pairs: Array<[string, string]>) => [...new Map(pairs).entries()];
  const authorities = table(list.map((d) => [d.authorityKey, d.authority]));
  const regions = table(list.map((d) => [d.region, d.regionName]));
  const names = documents
    .map((d) => [d.meta.title, ...(d.meta.abbreviations ?? []), d.meta.documentNumber ?? ''].join('\n'))
    .join('\n');
  return {
    fold: buildFoldMap(names),
    authorities,
    regions,
    statuses: Object.fromEntries(Object.keys(STATUS_LABELS).map((s) => [s, statusName(variant)(s)])),
    types: Object.fromEntries(DOC_TYPES.map((x) => [x.key, t(x.name)])),
    docs: list.map((d) => [
      d.slug,
      d.title,
      d.documentNumber ?? '',
      authorities.findIndex(([k]) => k === d.authorityKey),
      d.type,
      regions.findIndex(([k]) => k === d.region),
      d.status,
      d.date ?? '',
      d.effective ?? '',
      d.keys,
    ]),
  };
}
