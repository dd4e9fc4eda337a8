/** Listing records for the collection tests, written by hand. */
import type { ListedDocument } from '../../src/collection/facets.ts';
import { DOC_TYPES } from '../../src/collection/facets.ts';
import { titleKeys } from '../../src/collection/title-find.ts';

/** A listing record with sensible defaults. */
export function listed(
  over: Partial<ListedDocument> & { title: string },
  abbreviations: string[] = [],
): ListedDocument {
  const type = over.type ?? 'law';
  return {
    slug: over.slug ?? over.title,
    authority: '全国人民代表大会常务委员会',
    authorityKey: 'quanguorenmindaibiaodahuichangwuweiyuanhui',
    region: 'cn',
    regionName: '全国',
    status: 'in-force',
    keys: titleKeys(over.title, abbreviations, over.documentNumber),
    rank: DOC_TYPES.findIndex((t) => t.key === type),
    ...over,
    type,
  };
}
