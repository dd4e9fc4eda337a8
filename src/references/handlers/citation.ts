/**
 * Citations → a link into the collection (with the pinpoint and its text as the preview), in
 * the page's script; `<cite>` for a superseded predecessor or a document not in the collection.
 */
import type { CitationReference } from '../nodes.ts';
import {
  documentOf,
  labelIn,
  localHref,
  offPagePreview,
  provisionText,
  variantHref,
  selfName,
  titleIn,
  treeIn,
  type RefPage,
} from '../page.ts';
import { classes, type RefView } from './view.ts';
import { editionPreview } from '../../versions/cite.ts';

export function citationView(node: CitationReference, page: RefPage): RefView {
  const { status, title, documentNumber: number } = node.data ?? {};
  const named = `${title ? `《${title}》` : ''}${number ? (title ? `（${number}）` : number) : ''}`;
  if (node.target) {
    // In the collection: `/slug/#eId` (or `#eId` when a document cites itself by title).
    const [path = '', hash] = node.target.split('#');
    const slug = node.data?.doc ?? (path.replace(/^\/+|\/+$/g, '') || page.entry?.meta.slug);
    const doc = slug ? documentOf(slug) : undefined;
    const eId = node.data?.eId ?? hash;
    if (!path || doc?.meta.slug === page.entry?.meta.slug) {
      return eId
        ? {
            tag: 'a',
            attrs: {
              class: classes(node),
              href: localHref(page, eId),
              'data-ref': '',
              'data-label': labelIn(page, eId),
              ...offPagePreview(page, eId),
            },
          }
        : {
            tag: 'span',
            attrs: {
              class: classes(node, 'ref--self'),
              title: page.entry ? `《${titleIn(page.entry, page)}》` : undefined,
            },
          };
    }
    const docTitle = doc ? `《${titleIn(doc, page)}》` : named;
    // A citation of an earlier version (《…》（2017年修正）第二十八条): its text and its counterpart in force.
    const data = (node.data ?? {}) as Record<string, unknown>;
    const version = typeof data.version === 'string' ? data.version : undefined;
    const edition =
      doc && version && eId
        ? editionPreview(doc, version, eId, (data.inForce as string[] | undefined) ?? [], page.t)
        : undefined;
    const versionLabel = typeof data.versionLabel === 'string' ? data.versionLabel : '';
    return {
      tag: 'a',
      attrs: {
        class: classes(node),
        href: variantHref(page, node.target),
        'data-ref': '',
        'data-label': eId
          ? `${docTitle}${edition ? `（${page.t(versionLabel)}）` : ''}${labelIn(page, eId, doc)}`
          : docTitle || undefined,
        'data-preview':
          edition ??
          (doc
            ? eId
              ? provisionText(treeIn(doc, page.variant), eId)
              : page.t(`${doc.meta.authority}，${doc.meta.docType}`)
            : undefined),
      },
    };
  }
  const superseded = status === 'superseded';
  const note = superseded
    ? page.t(`已被${page.entry ? selfName(page.entry.meta.title) : '本文件'}废止`)
    : page.t('未收录于本站');
  return {
    tag: 'cite',
    attrs: {
      class: classes(node, superseded ? 'ref--superseded' : 'ref--external'),
      tabindex: '0',
      'data-ref': '',
      'data-title': title,
      'data-label': named || undefined,
      'data-preview': note,
    },
  };
}
