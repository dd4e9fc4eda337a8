/**
 * Facets of a collection: document type (in the order of the hierarchy of norms of the
 * 立法法: 宪法 → 法律 → 行政法规 → 监察法规 → 地方性法规 → 自治条例和单行条例 → 规章 → 司法解释
 * → 规范性文件), issuing authority, region, status and year, each value with an ASCII key for
 * its address and a count. Plain functions over plain data: used at build time and in the
 * browser (the in-place filter), so nothing here imports Node modules.
 */

export type FacetKind = 'type' | 'authority' | 'region' | 'status' | 'year';
export const FACET_KINDS: readonly FacetKind[] = ['type', 'authority', 'region', 'status', 'year'];

/** How each facet is named in the interface (simplified; converted for traditional pages). */
export const FACET_NAMES: Record<FacetKind, string> = {
  type: '文件类型',
  authority: '制定机关',
  region: '地区',
  status: '时效性',
  year: '公布年份',
};

/** The document types in the hierarchy of norms, with the ASCII key of their address. */
export const DOC_TYPES: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'constitution', name: '宪法' },
  { key: 'law', name: '法律' },
  { key: 'administrative-regulation', name: '行政法规' },
  { key: 'supervisory-regulation', name: '监察法规' },
  { key: 'local-regulation', name: '地方性法规' },
  { key: 'autonomous-regulation', name: '自治条例和单行条例' },
  { key: 'departmental-rule', name: '部门规章' },
  { key: 'local-government-rule', name: '地方政府规章' },
  { key: 'judicial-interpretation', name: '司法解释' },
  { key: 'normative-document', name: '规范性文件' },
  { key: 'other', name: '其他' },
];

/** Status values in reading order (国家法律法规数据库's 时效性). */
export const STATUS_ORDER = ['in-force', 'amended', 'repealed', 'not-yet-in-force'] as const;

/** Other ways a `docType` is written, by type key. */
const TYPE_ALIASES: Record<string, string> = {
  法律解释: 'law',
  有关法律问题的决定: 'law',
  自治条例: 'autonomous-regulation',
  单行条例: 'autonomous-regulation',
  行政规范性文件: 'normative-document',
  其他规范性文件: 'normative-document',
  政府规章: 'local-government-rule',
};

/**
 * The type key of a document from its `docType` (and authority, for a bare 规章: a people's
 * government issues 地方政府规章, a ministry 部门规章).
 * @example typeKey('规章', '淄博市人民政府') // 'local-government-rule'
 */
export function typeKey(docType: string, authority = ''): string {
  const exact = DOC_TYPES.find((t) => t.name === docType);
  if (exact) return exact.key;
  if (TYPE_ALIASES[docType]) return TYPE_ALIASES[docType];
  if (docType === '规章') return /人民政府$/.test(authority) ? 'local-government-rule' : 'departmental-rule';
  return 'other';
}

/** The name of a type key. */
export const typeName = (key: string) => DOC_TYPES.find((t) => t.key === key)?.name ?? key;

/** One document as listings and facets see it (also the record of the listing JSON). */
export interface ListedDocument {
  slug: string;
  /** Title in the listing's script. */
  title: string;
  documentNumber?: string;
  /** Authority name in the listing's script, and its ASCII key. */
  authority: string;
  authorityKey: string;
  type: string;
  /** Jurisdiction code in lower case (cn, cn-sd), and the region's name in the listing's script. */
  region: string;
  regionName: string;
  status: (typeof STATUS_ORDER)[number];
  /** ISO dates: the date it was issued (or adopted), and when it takes effect. */
  date?: string;
  effective?: string;
  /** Normalised search keys of the title box (title-find.ts), joined by '|'. */
  keys: string;
  /** Rank in the hierarchy of norms (index in DOC_TYPES), for ordering equal matches. */
  rank: number;
}

/** The value key a document has for a facet (undefined: none, e.g. no date for the year). */
export function valueOf(doc: ListedDocument, kind: FacetKind): string | undefined {
  if (kind === 'type') return doc.type;
  if (kind === 'authority') return doc.authorityKey;
  if (kind === 'region') return doc.region;
  if (kind === 'status') return doc.status;
  return doc.date?.slice(0, 4);
}

export interface FacetValue {
  key: string;
  name: string;
  count: number;
}

/** Facet selections: one value per kind at most; kinds combine with AND. */
export type Selection = Partial<Record<FacetKind, string>>;

/** The documents that have every selected value. */
export function filterListing(docs: readonly ListedDocument[], selection: Selection): ListedDocument[] {
  const chosen = Object.entries(selection).filter(([, v]) => v) as Array<[FacetKind, string]>;
  return docs.filter((d) => chosen.every(([kind, key]) => valueOf(d, kind) === key));
}

/**
 * The values of one facet with their counts, in the facet's order: types by the hierarchy of
 * norms, statuses in STATUS_ORDER, years newest first, authorities and regions by count and
 * then name. Values no document has are left out, so a facet can be empty.
 * @example facetValues(docs, 'type', names)[0] // { key: 'law', name: '法律', count: 12 }
 */
export function facetValues(
  docs: readonly ListedDocument[],
  kind: FacetKind,
  statusName: (s: string) => string,
): FacetValue[] {
  const counts = new Map<string, FacetValue>();
  for (const d of docs) {
    const key = valueOf(d, kind);
    if (key === undefined) continue;
    const value = counts.get(key) ?? { key, name: nameOf(d, kind, key, statusName), count: 0 };
    value.count++;
    counts.set(key, value);
  }
  const values = [...counts.values()];
  const order = (keys: readonly string[]) => (v: FacetValue) => keys.indexOf(v.key);
  if (kind === 'type') return sortBy(values, order(DOC_TYPES.map((t) => t.key)));
  if (kind === 'status') return sortBy(values, order(STATUS_ORDER));
  if (kind === 'year') return values.sort((a, b) => b.key.localeCompare(a.key));
  return values.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

function nameOf(d: ListedDocument, kind: FacetKind, key: string, statusName: (s: string) => string): string {
  if (kind === 'type') return typeName(key);
  if (kind === 'authority') return d.authority;
  if (kind === 'region') return d.regionName;
  if (kind === 'status') return statusName(key);
  return `${key}年`;
}

const sortBy = <T>(xs: T[], by: (x: T) => number) => xs.sort((a, b) => by(a) - by(b));

export type SortOrder = 'date' | 'title';

/** Listings sort newest first (undated last), or by title in pinyin order. */
export function sortListing(docs: ListedDocument[], order: SortOrder): ListedDocument[] {
  if (order === 'title') return docs.sort((a, b) => a.title.localeCompare(b.title, 'zh-Hans-CN'));
  return docs.sort(
    (a, b) =>
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.rank - b.rank ||
      a.title.localeCompare(b.title, 'zh-Hans-CN'),
  );
}

/** Documents per listing page (a build can set another: TIAOWEN_PAGE_SIZE, browse-paths.ts). */
export const PAGE_SIZE = 50;

/** The number of pages a listing of `count` documents takes (at least one). */
export const pageCount = (count: number, size = PAGE_SIZE) => Math.max(1, Math.ceil(count / size));
