/**
 * The page a reference renders on (build time only): its script and document, read from the
 * page address, and the helpers every reference handler shares: addresses in the page's
 * script, citation labels, provision previews.
 */
import { isContainer } from '../parser/types.ts';
import { isArticleEId } from '../anchors/eid.ts';
import { visit, EXIT } from 'unist-util-visit';
import type { Node } from 'unist';
import { loadCollection, type DocumentEntry } from '../data/collection.ts';
import { withBase } from '../data/links.ts';
import { labelOfEId, type LabelOptions } from '../parser/labels.ts';
import { toLines } from '../parser/to-string.ts';
import type { Document, RegNode } from '../parser/types.ts';
import { PREFIX, type Variant } from '../i18n/locale.ts';
import { toHant } from '../i18n/ui.ts';

export type { Variant };
export { toHant };

/** What a component needs to know about the page it renders on. */
export interface RefPage {
  variant: Variant;
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
  let path = url.pathname.startsWith(base)
    ? url.pathname.slice(base.length)
    : url.pathname.replace(/^\//, '');
  let variant: Variant = 'hans';
  if (path.startsWith(PREFIX.hant)) {
    variant = 'hant';
    path = path.slice(PREFIX.hant.length);
  }
  const [slug, second] = path.split('/');
  const entry = slug ? loadCollection().documents.find((d) => d.meta.slug === slug) : undefined;
  const article = entry && second && isArticleEId(second) ? second : undefined;
  return { variant, entry, article, t: variant === 'hant' ? toHant : (s) => s };
}

/** A site path (`/slug/#art_2`, `citations/`) in the page's script, with the base. */
export function variantHref(page: Pick<RefPage, 'variant'>, path: string): string {
  return withBase(PREFIX[page.variant] + path.replace(/^\/+/, ''));
}

/** Where an anchor of the page's own document is: a fragment, or the full text from an article page. */
export function localHref(page: RefPage, eId: string): string {
  if (!page.article || !page.entry || eId.split('__')[0] === page.article) return `#${eId}`;
  return variantHref(page, `/${page.entry.meta.slug}/#${eId}`);
}

const paragraphCounts = new WeakMap<Document, Map<string, number>>();
/** How many paragraphs each article of a tree has. */
function paragraphsOf(tree: Document): Map<string, number> {
  let counts = paragraphCounts.get(tree);
  if (!counts) {
    const found = new Map<string, number>();
    visit(tree as Node, (node) => {
      const n = node as RegNode;
      if (n.type === 'article') {
        found.set(n.eId, n.children.length);
        return 'skip';
      }
      return n.type === 'document' || isContainer(n) ? undefined : 'skip';
    });
    paragraphCounts.set(tree, (counts = found));
  }
  return counts;
}

/**
 * What labelling needs of a document, read once per entry: a tree is read from its artefact
 * each time it is asked for (src/data/collection.ts keeps only a few), and the citations page
 * labels provisions of thousands of documents in no particular order.
 */
const labelFacts = new WeakMap<DocumentEntry, { dun: boolean; paragraphs: Map<string, number> }>();
function factsOf(entry: DocumentEntry): { dun: boolean; paragraphs: Map<string, number> } {
  let facts = labelFacts.get(entry);
  if (!facts) {
    const tree = entry.tree;
    facts = { dun: tree.data.articleStyle === 'dun', paragraphs: paragraphsOf(tree) };
    labelFacts.set(entry, facts);
  }
  return facts;
}

/** Label options for an eId of a document: how it cites its articles; no 第一款 in a one-paragraph article. */
function labelOptions(entry: DocumentEntry | undefined, eId: string): LabelOptions {
  if (!entry) return {};
  const facts = factsOf(entry);
  const options: LabelOptions =
    entry.meta.citeArticlesAs === 'label' && facts.dun ? { articleForm: 'dun' } : {};
  if (facts.paragraphs.get(eId.split('__')[0]!) === 1) options.soleParagraph = true;
  return options;
}

/** The citation label of an eId in a document, in the page's script: 第五条第二款 / 第五條第二款. */
export function labelIn(page: RefPage, eId: string, entry = page.entry): string {
  return page.t(labelOfEId(eId, labelOptions(entry, eId)));
}

/** The label of several targets: a range of articles (第六条至第八条) or a list. */
export function labelsOf(page: RefPage, eIds: string[]): string {
  const [first, ...rest] = eIds;
  if (!first) return '';
  if (rest.length === 0) return labelIn(page, first);
  const articles = eIds.every((e) => !e.includes('__'));
  return articles && rest.length > 1
    ? `${labelIn(page, first)}${page.t('至')}${labelIn(page, rest.at(-1)!)}`
    : eIds.map((e) => labelIn(page, e)).join('、');
}

/** Find the node with an eId in a tree. */
export function findProvision(tree: Document, eId: string): RegNode | undefined {
  let hit: RegNode | undefined;
  visit(tree as Node, (node) => {
    const n = node as RegNode;
    if ('eId' in n && n.eId === eId) {
      hit = n;
      return EXIT;
    }
    return n.type === 'reference' || n.type === 'text' ? 'skip' : undefined;
  });
  return hit;
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
  if (node.type === 'article' && lines[0] && !/[、.．]$/.test(node.label))
    lines[0] = `${node.label} ${lines[0].slice(node.label.length)}`;
  const text = lines.join('').replace(/\s+/g, ' ').trim();
  return [...text].length > max ? `${[...text].slice(0, max).join('')}…` : text;
}

/** The tree of a document in a script. */
export const treeIn = (entry: DocumentEntry, variant: Variant) =>
  variant === 'hant' ? (entry.treeHant ?? entry.tree) : entry.tree;
/** The title of a document in a script. */
export const titleIn = (entry: DocumentEntry, page: RefPage) =>
  page.variant === 'hant' ? (entry.titleHant ?? page.t(entry.meta.title)) : entry.meta.title;

/** The document a slug names. */
export const documentOf = (slug: string) => loadCollection().documents.find((d) => d.meta.slug === slug);

/** How a document names itself: 本规则, 本办法 … (本文件 otherwise). */
export function selfName(title: string): string {
  const m = /(规则|办法|规定|条例|细则|决定|意见|通知|方案|制度|章程|准则|守则|纲要)[）)]?$/.exec(
    title.replace(/（[^（）]*）$/, ''),
  );
  return `本${m?.[1] ?? '文件'}`;
}

/** On an article page, a target in another article is not in the DOM: embed its text. */
export function offPagePreview(page: RefPage, eId: string): Record<string, string | undefined> {
  if (!page.entry || localHref(page, eId).startsWith('#')) return {};
  return { 'data-preview': provisionText(treeIn(page.entry, page.variant), eId) };
}
