/**
 * Relations between the documents of a collection, computed once every document's references
 * are known: what a document implements (its 上位法, from meta.yaml `implements` or a title
 * such as 某某法实施条例 / 某某市实施《某某法》办法), what implements it, who cites it (grouped
 * by citing document), and supersession both ways. A document superseded by another in the
 * collection is marked 已废止 (repealed) whatever its own metadata says: the successor's
 * `supersedes` is the later word.
 */
import type { DocumentEntry } from '../data/collection.ts';
import { titleKey, titleLookup } from '../references/titles.ts';
import type { KnownDocument } from '../references/transform.ts';

export interface Relations {
  /** Slugs of the documents this one implements (上位法). */
  implements: string[];
  /** Slugs of its 实施条例, 实施细则, 实施办法 … */
  implementedBy: string[];
  /** Documents that cite this one, with the provisions that do, in collection order. */
  citedBy: Array<{ doc: string; from: string[] }>;
  /** Slugs of the collection's documents this one supersedes. */
  supersedes: string[];
  /** Slug of the document that supersedes this one. */
  supersededBy?: string;
}

/** The issue date of a document (or its adoption date). */
export const dateOf = (d: DocumentEntry) =>
  d.meta.dates.issued ?? d.meta.dates.adopted ?? d.meta.dates.effective;

/** A collection document as the title lookup sees it. */
export const knownOf = (d: DocumentEntry): KnownDocument => ({
  slug: d.meta.slug,
  title: d.meta.title,
  documentNumber: d.meta.documentNumber,
  abbreviations: d.meta.abbreviations,
  status: d.meta.status,
  date: dateOf(d),
});

/** Titles that say what they implement: 某某法实施条例, 某某市实施《某某法》办法. */
function implementedTitles(title: string): string[] {
  const out: string[] = [];
  const suffix = /^(.+?)(?:实施条例|实施细则|实施办法|实施规定)(?:[（(].*[）)])?$/.exec(title);
  if (suffix) out.push(suffix[1]!);
  for (const m of title.matchAll(/实施《([^》]+)》/g)) out.push(m[1]!);
  return out;
}

/**
 * Compute every document's relations and apply supersession to statuses, in place.
 * @example applyRelations(documents); documents[0].relations?.supersededBy // 'new-rules'
 */
export function applyRelations(documents: DocumentEntry[]): void {
  const lookup = titleLookup(documents.map(knownOf));
  const bySlug = new Map(documents.map((d) => [d.meta.slug, d]));
  const relations = new Map<string, Relations>(
    documents.map((d) => [d.meta.slug, { implements: [], implementedBy: [], citedBy: [], supersedes: [] }]),
  );
  const add = (list: string[], slug: string) => list.includes(slug) || list.push(slug);
  for (const d of documents) {
    const self = d.meta.slug;
    const mine = relations.get(self)!;
    for (const title of [...(d.meta.implements ?? []), ...implementedTitles(d.meta.title)]) {
      const target = lookup(title);
      if (!target || target.slug === self) continue;
      add(mine.implements, target.slug);
      add(relations.get(target.slug)!.implementedBy, self);
    }
    for (const c of d.citations) {
      if (!c.doc || c.doc === self || !bySlug.has(c.doc)) continue;
      const citedBy = relations.get(c.doc)!.citedBy;
      const entry = citedBy.find((x) => x.doc === self);
      if (entry) entry.from = [...new Set([...entry.from, ...c.from])];
      else citedBy.push({ doc: self, from: [...c.from] });
    }
    for (const ref of d.meta.supersedes) {
      const old = documents.find((o) => o !== d && supersedes(ref, o, d));
      if (!old) continue;
      add(mine.supersedes, old.meta.slug);
      relations.get(old.meta.slug)!.supersededBy = self;
    }
  }
  for (const d of documents) {
    d.relations = relations.get(d.meta.slug)!;
    if (d.relations.supersededBy) d.meta.status = 'repealed';
  }
}

/** Whether a `supersedes` entry of `successor` names `old`: the same 文号, else the same title and date. */
function supersedes(
  ref: DocumentEntry['meta']['supersedes'][number],
  old: DocumentEntry,
  successor: DocumentEntry,
): boolean {
  if (ref.documentNumber && old.meta.documentNumber) return ref.documentNumber === old.meta.documentNumber;
  if (titleKey(ref.title) !== titleKey(old.meta.title)) return false;
  if (ref.issued) return ref.issued === dateOf(old);
  return (dateOf(old) ?? '') < (dateOf(successor) ?? '');
}
