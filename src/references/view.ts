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
import { isArticleEId } from '../anchors/eid.ts';
import { loadCollection, type DocumentEntry } from '../data/collection.ts';
import { withBase } from '../data/links.ts';
import { labelOfEId, type LabelOptions } from '../parser/labels.ts';
import { toLines } from '../parser/to-string.ts';
import type { Document, Reference, RegNode } from '../parser/types.ts';
import { PREFIX, type Script } from '../i18n/script.ts';
import { toHant } from '../i18n/ui.ts';
import type { BackLink, CitedDocument } from './collection.ts';
import { editionPreview } from '../versions/cite.ts';

export type { Script };
export { toHant };

/** What a component needs to know about the page it renders on. */
export interface RefPage {
  script: Script;
  /** The document shown on the page, when it is a document page. */
  entry?: DocumentEntry;
  /** On a single-article page (`/<slug>/art_N/`): that article's eId. */
  article?: string;
  /** Simplified → the page's script (identity on simplified pages). */
  t: (simplified: string) => string;
}

/**
 * The page a component renders on, from its address.
 * @example refPage(new URL('http://x/zh-hant/some-slug/')) // { script: 'hant', entry: <some-slug>, … }
 */
export function refPage(url: URL): RefPage {
  const base = withBase();
  let path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '');
  let script: Script = 'hans';
  if (path.startsWith(PREFIX.hant)) {
    script = 'hant';
    path = path.slice(PREFIX.hant.length);
  }
  const [slug, second] = path.split('/');
  const entry = slug ? loadCollection().documents.find((d) => d.meta.slug === slug) : undefined;
  const article = entry && second && isArticleEId(second) ? second : undefined;
  return { script, entry, article, t: script === 'hant' ? toHant : (s) => s };
}

/** A site path (`/slug/#art_2`, `citations/`) in the page's script, with the base. */
export function scriptHref(page: Pick<RefPage, 'script'>, path: string): string {
  return withBase(PREFIX[page.script] + path.replace(/^\/+/, ''));
}

/** Where an anchor of the page's own document is: a fragment, or the full text from an article page. */
export function localHref(page: RefPage, eId: string): string {
  if (!page.article || !page.entry || eId.split('__')[0] === page.article) return `#${eId}`;
  return scriptHref(page, `/${page.entry.meta.slug}/#${eId}`);
}

const paragraphCounts = new WeakMap<Document, Map<string, number>>();
/** How many paragraphs each article of a tree has. */
function paragraphsOf(tree: Document): Map<string, number> {
  let counts = paragraphCounts.get(tree);
  if (!counts) {
    counts = new Map();
    const visit = (n: RegNode) => {
      if (n.type === 'article') counts!.set(n.eId, n.children.length);
      else if (n.type === 'document' || n.type === 'chapter' || n.type === 'section') for (const c of n.children) visit(c);
    };
    visit(tree);
    paragraphCounts.set(tree, counts);
  }
  return counts;
}

/** Label options for an eId of a document: how it cites its articles; no 第一款 in a one-paragraph article. */
function labelOptions(entry: DocumentEntry | undefined, eId: string): LabelOptions {
  const options: LabelOptions = entry?.meta.citeArticlesAs === 'label' && entry.tree.data.articleStyle === 'dun' ? { articleForm: 'dun' } : {};
  if (entry && paragraphsOf(entry.tree).get(eId.split('__')[0]!) === 1) options.soleParagraph = true;
  return options;
}

/** The citation label of an eId in a document, in the page's script: 第五条第二款 / 第五條第二款. */
export function labelIn(page: RefPage, eId: string, entry = page.entry): string {
  return page.t(labelOfEId(eId, labelOptions(entry, eId)));
}

/** The label of several targets: a range of articles (第六条至第八条) or a list. */
function labelsOf(page: RefPage, eIds: string[]): string {
  const [first, ...rest] = eIds;
  if (!first) return '';
  if (rest.length === 0) return labelIn(page, first);
  const articles = eIds.every((e) => !e.includes('__'));
  return articles && rest.length > 1 ? `${labelIn(page, first)}${page.t('至')}${labelIn(page, rest.at(-1)!)}` : eIds.map((e) => labelIn(page, e)).join('、');
}

/** Find the node with an eId in a tree. */
export function findProvision(tree: Document, eId: string): RegNode | undefined {
  const visit = (n: RegNode): RegNode | undefined => {
    if ('eId' in n && n.eId === eId) return n;
    if (n.type === 'reference' || n.type === 'text' || !('children' in n)) return undefined;
    for (const c of n.children as RegNode[]) {
      const hit = visit(c);
      if (hit) return hit;
    }
    return undefined;
  };
  return visit(tree);
}

/**
 * The opening text of a provision, labels included, for a preview embedded in the page.
 * @example provisionText(tree, 'art_3') // '第三条 示例机构应当履行下列职责：（一）登记；…'
 */
export function provisionText(tree: Document, eId: string, max = 90): string | undefined {
  const node = findProvision(tree, eId);
  if (!node) return undefined;
  const lines = toLines(node);
  // 第三条 text: a space after an article label that does not end in punctuation, as pages show it.
  if (node.type === 'article' && lines[0] && !/[、.．]$/.test(node.label)) lines[0] = `${node.label} ${lines[0].slice(node.label.length)}`;
  const text = lines.join('').replace(/\s+/g, ' ').trim();
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
}

/** The tree of a document in a script. */
const treeIn = (entry: DocumentEntry, script: Script) => (script === 'hant' ? (entry.treeHant ?? entry.tree) : entry.tree);
/** The title of a document in a script. */
export const titleIn = (entry: DocumentEntry, page: RefPage) => (page.script === 'hant' ? (entry.titleHant ?? page.t(entry.meta.title)) : entry.meta.title);

/** The document a slug names. */
export const documentOf = (slug: string) => loadCollection().documents.find((d) => d.meta.slug === slug);

/** How a document names itself: 本规则, 本办法 … (本文件 otherwise). */
export function selfName(title: string): string {
  const m = /(规则|办法|规定|条例|细则|决定|意见|通知|方案|制度|章程|准则|守则|纲要)[）)]?$/.exec(title.replace(/（[^（）]*）$/, ''));
  return `本${m?.[1] ?? '文件'}`;
}

export interface RefView {
  tag: 'a' | 'cite' | 'span';
  attrs: Record<string, string | undefined>;
}

/** The element and attributes a reference node renders as. */
export function refView(node: Reference, page: RefPage): RefView {
  const data = node.data ?? {};
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : undefined);
  const cls = (...extra: string[]) => ['ref', `ref--${node.kind}`, ...extra].join(' ');
  const fragment = node.target?.startsWith('#') ? node.target.slice(1) : undefined;

  if (node.kind === 'self') {
    const title = str('title') ?? (page.entry ? titleIn(page.entry, page) : undefined);
    return { tag: 'span', attrs: { class: cls(), title: title && `《${title}》` } };
  }
  if (node.kind === 'term' && fragment) {
    const eId = str('eId') ?? fragment;
    return { tag: 'a', attrs: { class: cls(), href: localHref(page, eId), 'data-ref': '', 'data-label': `${str('term') ?? ''}：${labelIn(page, eId)}` } };
  }
  if (node.kind === 'internal' && fragment) {
    const targets = Array.isArray(data.targets) ? (data.targets as string[]) : [str('eId') ?? fragment];
    return {
      tag: 'a',
      attrs: {
        class: cls(),
        href: localHref(page, targets[0]!),
        'data-ref': '',
        'data-label': labelsOf(page, targets),
        'data-targets': targets.length > 1 ? targets.join(' ') : undefined,
        ...offPagePreview(page, targets[0]!),
      },
    };
  }
  if (node.kind === 'citation') {
    const status = str('status');
    const title = str('title');
    const number = str('documentNumber');
    const named = `${title ? `《${title}》` : ''}${number ? (title ? `（${number}）` : number) : ''}`;
    if (node.target) {
      // In the collection: `/slug/#eId` (or `#eId` when a document cites itself by title).
      const [path = '', hash] = node.target.split('#');
      const slug = str('doc') ?? (path.replace(/^\/+|\/+$/g, '') || page.entry?.meta.slug);
      const doc = slug ? documentOf(slug) : undefined;
      const eId = str('eId') ?? hash;
      if (!path || doc?.meta.slug === page.entry?.meta.slug) {
        return eId
          ? { tag: 'a', attrs: { class: cls(), href: localHref(page, eId), 'data-ref': '', 'data-label': labelIn(page, eId), ...offPagePreview(page, eId) } }
          : { tag: 'span', attrs: { class: cls('ref--self'), title: page.entry ? `《${titleIn(page.entry, page)}》` : undefined } };
      }
      const docTitle = doc ? `《${titleIn(doc, page)}》` : named;
      const version = str('version');
      const edition = doc && version && eId ? editionPreview(doc, version, eId, (data.inForce as string[] | undefined) ?? [], page.t) : undefined;
      return {
        tag: 'a',
        attrs: {
          class: cls(),
          href: scriptHref(page, node.target),
          'data-ref': '',
          'data-label': eId ? `${docTitle}${edition ? `（${page.t(str('versionLabel') ?? '')}）` : ''}${labelIn(page, eId, doc)}` : docTitle || undefined,
          'data-preview': edition ?? (doc ? (eId ? provisionText(treeIn(doc, page.script), eId) : page.t(`${doc.meta.authority}，${doc.meta.docType}`)) : undefined),
        },
      };
    }
    const note =
      status === 'superseded'
        ? page.t(`已被${page.entry ? selfName(page.entry.meta.title) : '本文件'}废止`)
        : page.t('未收录于本站');
    return {
      tag: 'cite',
      attrs: { class: cls(status === 'superseded' ? 'ref--superseded' : 'ref--external'), tabindex: '0', 'data-ref': '', 'data-title': title, 'data-label': named || undefined, 'data-preview': note },
    };
  }
  // Unresolved internal reference (or a node without a target).
  return { tag: 'span', attrs: { class: cls('ref--unresolved'), title: data.unresolved ? page.t('未能确定所指条款') : undefined } };
}

/** On an article page, a target in another article is not in the DOM: embed its text. */
function offPagePreview(page: RefPage, eId: string): Record<string, string | undefined> {
  if (!page.entry || localHref(page, eId).startsWith('#')) return {};
  return { 'data-preview': provisionText(treeIn(page.entry, page.script), eId) };
}

/** One back-link as shown: who refers, where the link goes, what it refers to. */
export interface BackLinkView {
  href: string;
  label: string;
  /** The referred provision inside the article, when not the article itself (第二款). */
  to?: string;
  /** Text of the referring provision for the preview, when it is on another page. */
  preview?: string;
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
    const sorted = outside.sort((a, b) => Number(a.doc !== entry.meta.slug) - Number(b.doc !== entry.meta.slug));
    for (const b of sorted) out.push({ ...backLinkTarget(page, b), ...(to ? { to } : {}) });
  }
  return out;
}

/** A back-link's address and label in the page's script. */
export function backLinkTarget(page: RefPage, b: BackLink): Omit<BackLinkView, 'to'> {
  if (b.doc === page.entry?.meta.slug) {
    const href = localHref(page, b.from);
    return { href, label: labelIn(page, b.from), preview: href.startsWith('#') ? undefined : provisionText(treeIn(page.entry, page.script), b.from) };
  }
  const doc = documentOf(b.doc);
  if (!doc) return { href: scriptHref(page, `/${b.doc}/#${b.from}`), label: page.t(b.label) };
  return {
    href: scriptHref(page, `/${b.doc}/#${b.from}`),
    label: `《${titleIn(doc, page)}》${labelIn(page, b.from, doc)}`,
    preview: provisionText(treeIn(doc, page.script), b.from),
  };
}

/**
 * The cited documents of one document, with a bare 文号 citation (某政发〔2020〕3号) folded into
 * the titled citation of the same number.
 */
export function mergedCitations(cited: CitedDocument[]): CitedDocument[] {
  const out: CitedDocument[] = [];
  for (const c of cited) {
    const same = !c.title && c.documentNumber ? out.find((o) => o.documentNumber === c.documentNumber) : undefined;
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
      const key = c.doc ?? (c.status === 'superseded' ? `superseded|${c.documentNumber ?? ''}|${c.title ?? ''}` : `${c.title ?? ''}|${c.title ? '' : (c.documentNumber ?? '')}`);
      const entry = all.get(key) ?? { title: c.title, documentNumber: c.documentNumber, doc: c.doc, status: c.status, citing: [] };
      if (c.status === 'superseded') entry.supersededBy = d.meta.slug;
      entry.documentNumber ??= c.documentNumber;
      entry.citing.push({ doc: d.meta.slug, from: c.from });
      all.set(key, entry);
    }
  }
  const name = (c: CollectionCitation) => c.title ?? c.documentNumber ?? '';
  return [...all.values()].sort((a, b) => b.citing.length - a.citing.length || name(a).localeCompare(name(b), 'zh-Hans-CN'));
}
