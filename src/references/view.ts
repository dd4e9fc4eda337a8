/**
 * How reference nodes, back-links and cited documents show on a page (build time only).
 * A page's script (simplified at the root, traditional under /zh-hant/) and its document are
 * read from the page address, so the components that render references need no extra props.
 *
 * What each kind becomes:
 * - internal → a link to `#eId` (the first target; ranges carry all of them in `data-targets`);
 * - term → a link to the provision that defines it;
 * - citation of a document in the collection → a link to it (and the pinpointed provision),
 *   in the page's script, with a short preview of the target embedded at build time;
 * - citation of a superseded or external document → `<cite>` (focusable, with a preview card
 *   saying what it is), listed in the document's 引用文件 panel;
 * - self (本规则) → not a link (a jump to the top would only lose the reader's place): a span
 *   whose title names the document;
 * - unresolved internal → plain text with a quiet style.
 */
import type { DocumentEntry } from '../data/collection.ts';
import type { BackLink, CitedDocument } from './collection.ts';
import {
  documentOf,
  labelIn,
  localHref,
  provisionText,
  variantHref,
  titleIn,
  treeIn,
  type RefPage,
} from './page.ts';

export * from './page.ts';
export { refView, type RefView } from './render.ts';

/** One back-link as shown: who refers, where the link goes, what it refers to. */
export interface BackLinkView {
  href: string;
  label: string;
  /** The referred provision inside the article, when not the article itself (第二款). */
  to?: string;
  /** Text of the referring provision for the preview, when it is on another page. */
  preview?: string;
  /** Slug of the referring document. */
  doc?: string;
  /** What the link shows when it differs from the label: without the title of the group it is in. */
  shown?: string;
}

/**
 * The back-links of an article: who refers to it or to anything inside it, in document order
 * of the targets, this document's references before other documents'. References from
 * within the article itself are left out.
 */
export function articleBackLinks(page: RefPage, articleEId: string): BackLinkView[] {
  const entry = page.entry;
  if (!entry) return [];
  const out: BackLinkView[] = [];
  const articleLabel = labelIn(page, articleEId);
  const groups = Object.entries(entry.backlinks)
    .filter(([eId]) => eId === articleEId || eId.startsWith(`${articleEId}__`))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  for (const [eId, links] of groups) {
    const to = eId === articleEId ? undefined : labelIn(page, eId).replace(articleLabel, '');
    // References from inside the same article (前款, 本条第一款) are left out: they are in view.
    const outside = links.filter((b) => b.doc !== entry.meta.slug || b.from.split('__')[0] !== articleEId);
    for (const b of outside) out.push({ ...backLinkTarget(page, b), doc: b.doc, ...(to ? { to } : {}) });
  }
  // This document's references first, then other documents', grouped by citing document: the
  // title is written once per group (《某某条例》第一条、第三条).
  const docs = [
    ...new Set(
      Object.values(entry.backlinks)
        .flat()
        .map((b) => b.doc),
    ),
  ];
  const order = (doc?: string) => (doc === entry.meta.slug ? -1 : docs.indexOf(doc ?? ''));
  const grouped = out.sort((a, b) => order(a.doc) - order(b.doc));
  return grouped.map((l, i) => {
    const same = i > 0 && l.doc !== entry.meta.slug && grouped[i - 1]!.doc === l.doc;
    const doc = same && l.doc ? documentOf(l.doc) : undefined;
    return doc ? { ...l, shown: l.label.replace(`《${titleIn(doc, page)}》`, '') } : l;
  });
}

/** A back-link's address and label in the page's script. */
export function backLinkTarget(page: RefPage, b: BackLink): Omit<BackLinkView, 'to'> {
  if (b.doc === page.entry?.meta.slug) {
    const href = localHref(page, b.from);
    return {
      href,
      label: labelIn(page, b.from),
      preview: href.startsWith('#') ? undefined : provisionText(treeIn(page.entry, page.variant), b.from),
    };
  }
  const doc = documentOf(b.doc);
  if (!doc) return { href: variantHref(page, `/${b.doc}/#${b.from}`), label: page.t(b.label) };
  return {
    href: variantHref(page, `/${b.doc}/#${b.from}`),
    label: `《${titleIn(doc, page)}》${labelIn(page, b.from, doc)}`,
    preview: provisionText(treeIn(doc, page.variant), b.from),
  };
}

/**
 * The cited documents of one document, with a bare 文号 citation (某政发〔2020〕3号) folded into
 * the titled citation of the same number.
 */
export function mergedCitations(cited: CitedDocument[]): CitedDocument[] {
  const out: CitedDocument[] = [];
  for (const c of cited) {
    const same =
      !c.title && c.documentNumber ? out.find((o) => o.documentNumber === c.documentNumber) : undefined;
    if (same) same.from = [...new Set([...same.from, ...c.from])];
    else out.push({ ...c, from: [...c.from] });
  }
  for (const c of out) {
    if (c.title || !c.documentNumber) continue;
    const titled = out.find((o) => o !== c && o.title && o.documentNumber === c.documentNumber);
    if (titled) {
      titled.from = [...new Set([...titled.from, ...c.from])];
      c.from = [];
    }
  }
  return out.filter((c) => c.from.length > 0);
}

/** One cited document across the collection, with who cites it. */
export interface CollectionCitation {
  title?: string;
  documentNumber?: string;
  doc?: string;
  status: CitedDocument['status'];
  /** For the superseded: the document that superseded it. */
  supersededBy?: string;
  citing: Array<{ doc: string; from: string[] }>;
}

/** Every document cited anywhere in the collection, by title (or number), in title order. */
export function collectionCitations(documents: DocumentEntry[]): CollectionCitation[] {
  const all = new Map<string, CollectionCitation>();
  for (const d of documents) {
    for (const c of mergedCitations(d.citations)) {
      const key =
        c.doc ??
        (c.status === 'superseded'
          ? `superseded|${c.documentNumber ?? ''}|${c.title ?? ''}`
          : `${c.title ?? ''}|${c.title ? '' : (c.documentNumber ?? '')}`);
      const entry = all.get(key) ?? {
        title: c.title,
        documentNumber: c.documentNumber,
        doc: c.doc,
        status: c.status,
        citing: [],
      };
      if (c.status === 'superseded') entry.supersededBy = d.meta.slug;
      entry.documentNumber ??= c.documentNumber;
      entry.citing.push({ doc: d.meta.slug, from: c.from });
      all.set(key, entry);
    }
  }
  const name = (c: CollectionCitation) => c.title ?? c.documentNumber ?? '';
  return [...all.values()].sort(
    (a, b) => b.citing.length - a.citing.length || name(a).localeCompare(name(b), 'zh-Hans-CN'),
  );
}
