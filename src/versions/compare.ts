/**
 * The rows of a comparison of two versions, by article through the correspondence: each row
 * an old article and its new one(s) with the character-level changes (diff.ts), computed on
 * the trees of the page's script so traditional pages compare traditional text.
 */
import type { DocumentEntry } from '../data/collection.ts';
import type { Article, Document } from '../parser/types.ts';
import { toLines } from '../parser/to-string.ts';
import { articlePlaces } from '../data/cite.ts';
import type { Variant } from '../i18n/locale.ts';
import { diffText, type Segment } from './diff.ts';
import { pairsBetween } from './compose.ts';
import type { PairKind } from './correspond.ts';
import { versionTree } from './view.ts';

export interface CompareRow {
  /** The row's anchor on the comparison page: the new article's eId, or was-<old eId> for a removed one. */
  id: string;
  kind: PairKind;
  old?: Article;
  new: Article[];
  segments: Segment[];
}

/** An article's text, one paragraph, item or sub-item a line, without the article's own label. */
export function articleBody(article: Article): string {
  return article.children.flatMap((p) => toLines(p)).join('\n');
}

const byId = (tree: Document) => new Map(articlePlaces(tree).map((p) => [p.article.eId, p.article]));

/** The comparison of versions `from` (earlier) and `to` (later) in a script; undefined if either is unknown. */
export async function compareRows(
  entry: DocumentEntry,
  from: string,
  to: string,
  variant: Variant,
): Promise<CompareRow[] | undefined> {
  const v = entry.versions;
  if (!v) return undefined;
  const a = await versionTree(entry, from, variant);
  const b = await versionTree(entry, to, variant);
  if (!a || !b) return undefined;
  const olds = byId(a);
  const news = byId(b);
  return pairsBetween(v, entry.tree, from, to).map((p) => {
    const old = p.old ? olds.get(p.old) : undefined;
    const now = p.new.map((e) => news.get(e)).filter((x): x is Article => x !== undefined);
    const oldText = old ? articleBody(old) : '';
    const newText = now.map(articleBody).join('\n');
    return {
      id: now[0]?.eId ?? `was-${p.old}`,
      kind: p.kind,
      ...(old && { old }),
      new: now,
      segments: diffText(oldText, newText),
    };
  });
}
