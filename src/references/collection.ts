/**
 * Collection-wide indexes built from the references every document makes:
 * back-links (被引用: who points at a provision) and the cited documents (引用文件).
 */
import { labelOfEId } from '../parser/labels.ts';
import type { FoundReference } from './transform.ts';

export interface BackLink {
  /** Slug of the referring document. */
  doc: string;
  /** eId of the referring provision. */
  from: string;
  /** Its citation label, e.g. 第五条第二款. */
  label: string;
  /** The reference as written. */
  text: string;
}

export interface CitedDocument {
  title?: string;
  documentNumber?: string;
  /** Slug when the cited document is in the collection. */
  doc?: string;
  status: 'collection' | 'superseded' | 'external';
  /** The provisions of the citing document that cite it. */
  from: string[];
}

/** Back-links for one document: target eId ('' for the whole document) → who refers to it. */
export type BackLinks = Record<string, BackLink[]>;

/**
 * Group the references of every document by target.
 * @example backLinks({ a: refsOfA, b: refsOfB }).a['art_5'] // [{ doc: 'b', from: 'art_2__para_1', … }]
 */
export function backLinks(references: Record<string, FoundReference[]>): Record<string, BackLinks> {
  const out: Record<string, BackLinks> = {};
  for (const [doc, refs] of Object.entries(references)) {
    for (const r of refs) {
      if (r.kind === 'self' || r.kind === 'term' || !r.doc) continue;
      const targets = r.eIds.length > 0 ? r.eIds : [''];
      for (const eId of targets) {
        if (r.doc === doc && eId === '') continue; // a document citing itself adds nothing
        const list = ((out[r.doc] ??= {})[eId] ??= []);
        if (!list.some((b) => b.doc === doc && b.from === r.from))
          list.push({ doc, from: r.from, label: labelOfEId(r.from), text: r.text });
      }
    }
  }
  return out;
}

/** The documents one document cites, in order of first citation. */
export function citedDocuments(refs: FoundReference[]): CitedDocument[] {
  const out = new Map<string, CitedDocument>();
  for (const r of refs) {
    if (r.kind !== 'citation') continue;
    const status = r.status ?? 'external';
    const key = r.doc ?? `${r.title ?? ''}|${r.documentNumber ?? ''}`;
    const entry = out.get(key) ?? {
      title: r.title,
      documentNumber: r.documentNumber,
      doc: r.doc,
      status,
      from: [],
    };
    if (!entry.from.includes(r.from)) entry.from.push(r.from);
    out.set(key, entry);
  }
  return [...out.values()];
}
