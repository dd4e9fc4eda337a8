/**
 * A document as a page shows it in one script: the tree, the title, the address, the
 * citation label of each provision (precomputed here, copied by the browser). Build time only.
 */
import type { DocumentEntry } from './collection.ts';
import type { Document } from '../parser/types.ts';
import { citationLabel, citation } from './cite.ts';
import { variantHref, type Variant } from '../i18n/locale.ts';
import { ui } from '../i18n/ui.ts';

export interface DocumentView {
  entry: DocumentEntry;
  variant: Variant;
  /** The tree in this script (traditional: `treeHant`, converted here when the entry lacks it). */
  tree: Document;
  /** The title in this script. */
  title: string;
  /** The full-text page in this script, with the base: `/zh-hant/slug/`. */
  href: string;
}

const hantTrees = new WeakMap<DocumentEntry, Document>();

/** The tree and title of a document in a script. */
export async function documentView(entry: DocumentEntry, variant: Variant): Promise<DocumentView> {
  const href = variantHref(variant, `${entry.meta.slug}/`);
  if (variant === 'hans') return { entry, variant, tree: entry.tree, title: entry.meta.title, href };
  const t = ui('hant');
  let tree = entry.treeHant ?? hantTrees.get(entry);
  if (!tree) {
    // Collections built without the traditional step (test fixtures): convert here.
    const { toTraditionalTree } = await import('../variant/traditional-tree.ts');
    tree = toTraditionalTree(entry.tree, t);
    hantTrees.set(entry, tree);
  }
  return { entry, variant, tree, title: entry.titleHant ?? t(entry.meta.title), href };
}

/** The citation label of each provision in the view's script (第四十七条第一款第（二）项). */
export function citeLabels(view: DocumentView): (eId: string) => string {
  const t = ui(view.variant);
  const { citeArticlesAs } = view.entry.meta;
  return (eId) => t(citationLabel(eId, citeArticlesAs, view.tree.data.articleStyle));
}

/** The interface strings of the copy buttons, in this order, `|`-separated. */
const TOOL_STRINGS = [
  '复制链接',
  '复制引用',
  '已复制链接',
  '已复制引用',
  '链接',
  '引用',
  '复制失败，请手动复制',
];

/**
 * Data attributes on the provisions container for the browser side (provision-tools.ts):
 * the cited title, the full-text address in this script, the button strings, and the recorded
 * aliases (old eId → new eId) so old fragments land on the new anchor.
 */
export function toolsData(view: DocumentView): Record<string, string> {
  const t = ui(view.variant);
  const aliases = Object.fromEntries((view.entry.aliases ?? []).map((a) => [a.from, a.to]));
  return {
    'data-tools': '',
    'data-cite-title': `《${view.title}》`,
    'data-href': view.href,
    'data-ui': TOOL_STRINGS.map(t).join('|'),
    ...(Object.keys(aliases).length > 0 ? { 'data-aliases': JSON.stringify(aliases) } : {}),
  };
}

/** The citation of the whole document with a label, for a data attribute or a title. */
export function fullCitation(view: DocumentView, label: string): string {
  return citation(view.title, label);
}
