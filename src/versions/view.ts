/**
 * What the version pages show, computed at build time: labels and addresses of versions, a
 * version's tree in either script, the ranges in which each version was in force, and the
 * history of each article of the current text. Nothing here runs in the browser.
 */
import type { DocumentEntry } from '../data/collection.ts';
import type { Document } from '../parser/types.ts';
import { variantHref, type Variant } from '../i18n/locale.ts';
import { ui } from '../i18n/ui.ts';
import { formatDate } from '../data/display.ts';
import { citationLabel } from '../data/cite.ts';
import type { VersionInfo } from './schema.ts';
import { allVersions, type AnyVersion, type Versions } from './model.ts';
import type { PairKind } from './correspond.ts';
import { treeOf, versionDates } from './compose.ts';

/**
 * How a version is named in a citation, after the year and event of its adoption.
 * @example versionLabel({ date: '2017-09-01', event: '修正' }) // '2017年修正'
 */
export function versionLabel(v: Pick<VersionInfo, 'date' | 'event'>): string {
  return `${v.date.slice(0, 4)}年${v.event === '制定' ? '' : v.event}`;
}

/** The page of a version: the document page for the current one, /<slug>/v/<date>/ otherwise. */
export function versionHref(variant: Variant, entry: DocumentEntry, date: string): string {
  const current = entry.versions?.current.date === date;
  return variantHref(variant, current ? `${entry.meta.slug}/` : `${entry.meta.slug}/v/${date}/`);
}

/** The comparison of two versions, side by side (or inline). */
export function compareHref(
  variant: Variant,
  slug: string,
  from: string,
  to: string,
  inline = false,
): string {
  return variantHref(variant, `${slug}/compare/${from}/${to}/${inline ? 'inline/' : ''}`);
}

/** The 新旧条文对照 table of two consecutive versions. */
export function correspondenceHref(variant: Variant, slug: string, from: string, to: string): string {
  return variantHref(variant, `${slug}/correspondence/${from}/${to}/`);
}

const hantTrees = new WeakMap<Document, Document>();

/** A version's tree in a script (traditional converted once per build, anchors unchanged). */
export async function versionTree(
  entry: DocumentEntry,
  date: string,
  variant: Variant,
): Promise<Document | undefined> {
  const v = entry.versions;
  const tree = v && treeOf(v, entry.tree, date);
  if (!tree || variant === 'hans') return tree;
  if (date === v.current.date && entry.treeHant) return entry.treeHant;
  let hant = hantTrees.get(tree);
  if (!hant) {
    const { toTraditionalTree } = await import('../variant/traditional-tree.ts');
    hant = toTraditionalTree(tree, ui('hant'));
    hantTrees.set(tree, hant);
  }
  return hant;
}

/** A version with the time it was the text in force: from its effective date to the next one's. */
export interface InForce extends AnyVersion {
  label: string;
  from: string;
  /** The last day in force; none for the current version. */
  until?: string;
}

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Every version with its period in force, oldest first. */
export function inForce(v: Versions): InForce[] {
  const list = allVersions(v);
  return list.map((x, i) => {
    const next = list[i + 1];
    const from = x.effective ?? x.date;
    return {
      ...x,
      label: versionLabel(x),
      from,
      ...(next && { until: dayBefore(next.effective ?? next.date) }),
    };
  });
}

/**
 * The version in force on a day (the latest whose period has begun); undefined before the first.
 * @example versionOn(inForce(v), '2020-01-01')?.date // '2017-09-01'
 */
export function versionOn(list: InForce[], day: string): InForce | undefined {
  return [...list].reverse().find((x) => x.from <= day);
}

/** An article of an earlier version, cited by version: 2017年修正第二十八条. */
export interface EarlierText {
  date: string;
  label: string;
  eIds: string[];
}

/** What the latest revision did to an article of the current text. */
export interface ArticleHistory {
  kind: Exclude<PairKind, 'removed'>;
  /** Its article(s) in the previous version. */
  old: string[];
  /** Its texts in every earlier version, newest first. */
  earlier: EarlierText[];
  /** Articles of the previous version removed by the revision, standing after this one. */
  removedAfter: string[];
}

const histories = new WeakMap<Versions, Map<string, ArticleHistory>>();

/** articleHistory, computed once per document and build (every article of every page asks). */
export function historyOf(v: Versions): Map<string, ArticleHistory> {
  let h = histories.get(v);
  if (!h) histories.set(v, (h = articleHistory(v)));
  return h;
}

/** The history of each article of the current text, by eId. */
export function articleHistory(v: Versions): Map<string, ArticleHistory> {
  const out = new Map<string, ArticleHistory>();
  const last = v.correspondences.at(-1);
  if (!last) return out;
  let before: ArticleHistory | undefined;
  const removedFirst: string[] = [];
  for (const p of last.pairs) {
    if (p.kind === 'removed') {
      (before?.removedAfter ?? removedFirst).push(p.old!);
      continue;
    }
    for (const eId of p.new) {
      const h = out.get(eId) ?? { kind: p.kind, old: [], earlier: [], removedAfter: [] };
      if (p.old) h.old.push(p.old);
      out.set(eId, h);
      before = h;
    }
  }
  const first = out.values().next().value;
  if (first) first.removedAfter.unshift(...removedFirst);
  // Earlier texts: walk each article back through every table, newest first.
  const dates = versionDates(v);
  for (const [eId, h] of out) {
    let ids = [eId];
    for (let i = v.correspondences.length - 1; i >= 0 && ids.length > 0; i--) {
      const c = v.correspondences[i]!;
      ids = [
        ...new Set(c.pairs.filter((p) => p.old && p.new.some((n) => ids.includes(n))).map((p) => p.old!)),
      ];
      const info = v.earlier[i]!;
      if (ids.length > 0) h.earlier.push({ date: dates[i]!, label: versionLabel(info), eIds: ids });
    }
  }
  return out;
}

/** The cited form of an article list: 第十二条、第十三条. */
export function articleLabels(
  entry: DocumentEntry,
  tree: Document,
  eIds: string[],
  variant: Variant,
): string {
  const t = ui(variant);
  return eIds.map((e) => t(citationLabel(e, entry.meta.citeArticlesAs, tree.data.articleStyle))).join('、');
}

/** How a date reads: 2017年9月1日. */
export const dateText = formatDate;
