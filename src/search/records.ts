/**
 * Regulation tree → search records: one record per leaf text block (the text of a paragraph,
 * an item, a sub-item), plus one per chapter/section heading and one for the document title.
 * Each record points at the deepest provision holding its text.
 *
 * These are the units a result shows and links to. The index stores them packed: the blocks of
 * a few consecutive articles travel as one Pagefind record (`packRecords`), because Pagefind's
 * metadata file, which every first query downloads, lists every record it holds.
 */
import type { DocumentEntry } from '../data/collection.ts';
import type {
  Article,
  Attachment,
  Block,
  Container,
  Continuation,
  Document,
  ListEntry,
  Note,
  Paragraph,
  Phrasing,
  Reference,
  Text,
} from '../parser/types.ts';
import { toChineseNumeral } from '../parser/numerals.ts';

import { variantPath, type Variant } from '../i18n/variant.ts';
/** title: the document title; heading: a chapter or section heading; provision: body text. */
export type RecordKind = 'title' | 'heading' | 'provision';

export const KIND_ORDER: Record<RecordKind, number> = { title: 0, heading: 1, provision: 2 };

export interface SearchRecord {
  /** Where the result links: page URL (with base) + `#eId` (no fragment for the title). */
  url: string;
  kind: RecordKind;
  /** Document position in the collection (0-based) and record position in the document. */
  docIndex: number;
  order: number;
  /** The document title, in the record's script. */
  docTitle: string;
  slug: string;
  /** How the document numbers the provision: `第二十五条`, `二十五、第二款（一）`, `第三章`. */
  label: string;
  /** The chapter (and section) holding it: `第三章 全面正确履行政府职能`, or ''. */
  chapter: string;
  /** The text as displayed (the article label included in its first paragraph). */
  text: string;
  /** Searchable strings that are not part of the displayed text, e.g. 第十一条 for 十一、. */
  aliases: string[];
  variant: Variant;
  /** For body text: the eId of the article holding it (articles are never split, see packRecords). */
  article?: string;
}

export interface RecordOptions {
  /** Site base path, e.g. `/` or `/rules/`. */
  base: string;
  variant: Variant;
  /** Position of the document in the collection (orders documents among results). */
  docIndex: number;
  /** The page path of a document under the base; default `slug/` or `zh-hant/slug/`. */
  pagePath?: (slug: string, variant: Variant) => string;
}

export function defaultPagePath(slug: string, variant: Variant): string {
  return variantPath(variant, `${slug}/`);
}

function joinBase(base: string, path: string): string {
  return base.replace(/\/?$/, '/') + path.replace(/^\/+/, '');
}

function phrasingText(nodes: ReadonlyArray<{ type: string }>): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') out += (n as Text).value;
    else if (n.type === 'reference') out += phrasingText((n as Reference).children);
  }
  return out;
}

/** The canonical 第N条 (第N条之M) form of an article number. */
export function canonicalArticleLabel(a: { num: number; sub?: number | undefined }): string {
  return `第${toChineseNumeral(a.num)}条${a.sub ? `之${toChineseNumeral(a.sub)}` : ''}`;
}

/** Build the records of one document in one script. */
export function buildRecords(entry: DocumentEntry, options: RecordOptions): SearchRecord[] {
  const { variant, docIndex } = options;
  const tree: Document | undefined = variant === 'hant' ? entry.treeHant : entry.tree;
  if (!tree)
    throw new Error(
      `Document ${entry.meta.slug} has no ${variant === 'hant' ? 'traditional' : 'simplified'} tree.`,
    );
  const slug = entry.meta.slug;
  const pageUrl = joinBase(options.base, (options.pagePath ?? defaultPagePath)(slug, variant));
  const docTitle = variant === 'hant' ? (entry.titleHant ?? entry.meta.title) : entry.meta.title;
  const style = tree.data.articleStyle;
  const records: SearchRecord[] = [];
  let order = 0;
  const push = (r: Omit<SearchRecord, 'docIndex' | 'order' | 'docTitle' | 'slug' | 'variant'>) => {
    records.push({ ...r, docIndex, order: order++, docTitle, slug, variant });
  };

  const titleAliases = [entry.meta.documentNumber].filter((s): s is string => !!s);
  push({ url: pageUrl, kind: 'title', label: '', chapter: '', text: docTitle, aliases: titleAliases });

  const article = (a: Article, chapter: string) => {
    const multi = a.children.length > 1;
    a.children.forEach((p: Paragraph, i) => {
      const paraLabel = multi ? `第${toChineseNumeral(p.num)}款` : '';
      const label = a.label + paraLabel;
      const url = `${pageUrl}#${multi ? p.eId : a.eId}`;
      const own = phrasingText(p.children);
      if (i === 0) {
        const sep = style === 'tiao' ? '\u3000' : '';
        const canonical = canonicalArticleLabel(a);
        const aliases = a.label.startsWith(canonical) ? [] : [canonical];
        push({
          url,
          kind: 'provision',
          label,
          chapter,
          text: a.label + (own ? sep + own : ''),
          aliases,
          article: a.eId,
        });
      } else if (own.trim() !== '') {
        push({ url, kind: 'provision', label, chapter, text: own, aliases: [], article: a.eId });
      }
      entries(p, label, chapter, a.eId);
    });
  };

  /** List entries of any depth, each a record of its own; continuation lines join their entry's text. */
  function entries(
    p: Paragraph | ListEntry,
    prefix: string,
    chapter: string,
    article: string | undefined,
  ): void {
    for (const c of p.children as Array<{ type: string }>) {
      if (c.type !== 'item' && c.type !== 'subitem' && c.type !== 'point') continue;
      const e = c as ListEntry;
      const label = prefix + e.label;
      const kids = e.children as Array<Phrasing | Continuation | ListEntry>;
      const own = phrasingText(
        kids.filter((k): k is Phrasing => k.type === 'text' || k.type === 'reference'),
      );
      const more = kids
        .filter((k): k is Continuation => k.type === 'continuation')
        .map((k) => phrasingText(k.children));
      push({
        url: `${pageUrl}#${e.eId}`,
        kind: 'provision',
        label,
        chapter,
        text: [e.label + own, ...more].join('\n'),
        aliases: [],
        ...(article ? { article } : {}),
      });
      entries(e, label, chapter, article);
    }
  }

  const heading = (n: Container | Attachment): string => {
    const full = [n.label, n.heading].filter(Boolean).join('\u3000');
    return full;
  };

  /** Headings of any level, articles under them, and text that stands outside articles. */
  const blocks = (children: ReadonlyArray<Block | Attachment | Note>, chapter: string) => {
    for (const c of children) {
      if (c.type === 'article') article(c, chapter);
      else if (c.type === 'paragraph') {
        const own = phrasingText(c.children);
        if (own.trim() !== '')
          push({ url: `${pageUrl}#${c.eId}`, kind: 'provision', label: '', chapter, text: own, aliases: [] });
        entries(c, '', chapter, undefined);
      } else if (c.type === 'note') {
        push({
          url: `${pageUrl}#${c.eId}`,
          kind: 'provision',
          label: c.label,
          chapter: '',
          text: c.label + phrasingText(c.children),
          aliases: [],
        });
      } else {
        const full = heading(c);
        push({
          url: `${pageUrl}#${c.eId}`,
          kind: 'heading',
          label: c.label,
          chapter,
          text: full,
          aliases: [],
        });
        blocks(c.children, chapter === '' ? full : `${chapter} ${full}`);
      }
    }
  };
  blocks(tree.children, '');
  return records;
}

/** Records of a whole collection in one script, documents in collection order. */
export function buildCollectionRecords(
  documents: readonly DocumentEntry[],
  options: Omit<RecordOptions, 'docIndex'>,
): SearchRecord[] {
  return documents.flatMap((entry, docIndex) => buildRecords(entry, { ...options, docIndex }));
}

/** The Pagefind sort key: kind, then document, then document order (zero-padded, so text and numeric order agree). */
export function rankKey(r: Pick<SearchRecord, 'kind' | 'docIndex' | 'order'>): string {
  return `${KIND_ORDER[r.kind] + 1}${String(r.docIndex).padStart(4, '0')}${String(r.order).padStart(6, '0')}`;
}

/**
 * Text budget of one index record, in characters: consecutive articles of one chapter share a
 * record until their blocks hold this much text. An article of the real corpus averages about
 * 160 characters, so a record holds a handful of them.
 */
export const PACK_CHARS = 1200;

/**
 * Index records (one per article) from which articles are packed. Below it the metadata file is
 * small (about 8 bytes a record: 40 KiB at 5,000) and one article a record keeps every fetched
 * fragment small, which a first query pays for several times; above it the metadata file and
 * the file count are what grow. Measured on the seed: packing 101 records into 29 made its
 * first query 111 KiB instead of about 97 KiB, all of it larger fragments.
 */
export const PACK_FROM_RECORDS = 5000;

/** The text budget for a collection's records: whole articles one a record until the collection is large. */
export function packBudget(records: readonly SearchRecord[]): number {
  return packRecords(records, 0).length > PACK_FROM_RECORDS ? PACK_CHARS : 0;
}

/**
 * Records → index records: consecutive body-text records of one chapter (or of a document
 * without chapters) form one group, whole articles at a time, until the group holds PACK_CHARS
 * characters; a title or heading record is a group of its own. Groups keep document order.
 *
 * Why: Pagefind's metadata file lists every record (hash, word count, sort position) and every
 * first query downloads it whole, so its size follows the record count, and Pagefind writes one
 * fragment file per record, so the site's file count does too. Packing articles instead of
 * indexing each paragraph and item cuts both several times over (docs/search.md has the
 * numbers), while a result still links to the paragraph or item: the client checks each block
 * of a group. An article is never split, so a group's blocks are whole articles.
 */
export function packRecords(records: readonly SearchRecord[], budget = PACK_CHARS): SearchRecord[][] {
  const groups: SearchRecord[][] = [];
  let current: SearchRecord[] | undefined;
  let chars = 0;
  for (const r of records) {
    const last = current?.[current.length - 1];
    const sameArticle = last !== undefined && r.article !== undefined && last.article === r.article;
    const samePlace =
      last !== undefined && last.slug === r.slug && last.variant === r.variant && last.chapter === r.chapter;
    const packable = r.article !== undefined && last?.article !== undefined && samePlace;
    if (current && packable && (sameArticle || chars < budget)) {
      current.push(r);
      chars += r.text.length;
    } else {
      current = [r];
      chars = r.text.length;
      groups.push(current);
    }
  }
  return groups;
}
