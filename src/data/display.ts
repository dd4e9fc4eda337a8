/**
 * Build-time helpers that turn metadata and tree nodes into what the pages show.
 * Plain functions over plain JSON; nothing here runs in the browser.
 */
import type { DocumentMeta } from '../content/meta-schema.ts';
import type { Article, Attachment, Block, Container, Document, Note, Phrasing } from '../parser/types.ts';

export type Status = DocumentMeta['status'];

/** How each status reads in the interface, and the badge tone it gets. */
export const STATUS_LABELS: Record<Status, string> = {
  'in-force': '现行有效',
  amended: '已修改',
  repealed: '已废止',
  'not-yet-in-force': '尚未施行',
};

/**
 * An ISO date as Chinese readers write it.
 * @example formatDate('2017-02-27') // '2017年2月27日'
 */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The metadata dates in reading order, with their Chinese names; absent dates are left out. */
export function dateRows(
  dates: DocumentMeta['dates'],
): Array<{ key: string; label: string; iso: string; text: string }> {
  const names: Array<[keyof DocumentMeta['dates'], string]> = [
    ['adopted', '通过日期'],
    ['issued', '公布日期'],
    ['effective', '施行日期'],
    ['amended', '修改日期'],
    ['repealed', '废止日期'],
  ];
  return names.flatMap(([key, label]) => {
    const iso = dates[key];
    return iso ? [{ key, label, iso, text: formatDate(iso) }] : [];
  });
}

/**
 * One line about a superseded document.
 * @example supersededLine({ title: '某规则', documentNumber: '某发〔2017〕2号', issued: '2017-02-27' })
 * // '《某规则》（某发〔2017〕2号，2017年2月27日）'
 */
export function supersededLine(ref: DocumentMeta['supersedes'][number]): string {
  const extra = [ref.documentNumber, ref.issued && formatDate(ref.issued)].filter(Boolean).join('，');
  return `《${ref.title}》${extra ? `（${extra}）` : ''}`;
}

/** The text of phrasing content, references included. */
export function plainText(nodes: ReadonlyArray<Phrasing | { type: string }>): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += (node as { value: string }).value;
    else if (node.type === 'reference') out += plainText((node as { children: Phrasing[] }).children);
  }
  return out;
}

/** The opening words of an article, for the table of contents. */
export function articleExcerpt(article: Article, max = 28): string {
  const first = article.children[0];
  const text = first ? plainText(first.children).trim() : '';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** One row of the table of contents. */
export interface TocEntry {
  /** A heading's node type (part, chapter, hcontainer …), article, or attachment. */
  kind: Container['type'] | 'article' | 'attachment';
  eId: string;
  label: string;
  /** Headings' text; the opening words for articles. */
  text: string;
  children: TocEntry[];
}

/** The table of contents of a document: headings of every level → articles, then attachments. */
export function tableOfContents(doc: Document): TocEntry[] {
  const visit = (node: Block | Attachment | Note): TocEntry[] => {
    if (node.type === 'article') {
      return [
        { kind: 'article', eId: node.eId, label: node.label, text: articleExcerpt(node), children: [] },
      ];
    }
    if (node.type === 'paragraph' || node.type === 'note') return [];
    if (node.type === 'attachment')
      return [{ kind: 'attachment', eId: node.eId, label: node.label, text: node.heading, children: [] }];
    return [
      {
        kind: node.type,
        eId: node.eId,
        label: node.label,
        text: node.heading,
        children: node.children.flatMap(visit),
      },
    ];
  };
  return doc.children.flatMap(visit);
}
