/**
 * Citations of a version: 《中华人民共和国行政复议法》（2017年修正）第二十八条 names the text
 * adopted in 2017, not the one in force. The references code (src/references/) detects the
 * qualifier with EDITION and asks `editionTarget` where it points and which article carries the
 * provision today; `editionPreview` gives the preview card both texts.
 */
import type { DocumentEntry } from '../data/collection.ts';
import { citationLabel, truncate } from '../data/cite.ts';
import { provisionTextOf } from './text.ts';
import { mapForward, treeOf } from './compose.ts';
import type { Versions } from './model.ts';
import { versionLabel } from './view.ts';

/** The qualifier after a cited title: （2017年修正）, （2023年修订）, （1999年）, （2017年修正本）. */
export const EDITION = /^[（(](\d{4})年(修正|修订|制定|公布)?本?[）)]/;

/** Where a version-qualified citation points. */
export interface EditionTarget {
  /** The version's date. */
  version: string;
  /** Its label: 2017年修正. */
  label: string;
  /** The address: the version page (or the document page for the current version), with the anchor. */
  target: string;
  /** The article(s) of the text in force that carry the cited article; [] when the revision removed it. */
  inForce: string[];
}

/**
 * Resolve a qualifier such as 2017年修正 against a document's versions.
 * @example editionTarget('law', versions, '2017年修正', 'art_28') // { version: '2017-09-01', target: '/law/v/2017-09-01/#art_28', inForce: ['art_61'] }
 */
export function editionTarget(
  slug: string,
  versions: Versions,
  edition: string,
  eId?: string,
): EditionTarget | undefined {
  const m = /^(\d{4})年(修正|修订|制定|公布)?/.exec(edition);
  if (!m) return undefined;
  const all = [...versions.earlier, versions.current];
  const hit = all
    .filter(
      (v) =>
        v.date.startsWith(m[1]!) &&
        (!m[2] || m[2] === '公布' || v.event === m[2] || (m[2] === '制定' && v.event === '制定')),
    )
    .at(-1);
  if (!hit) return undefined;
  const current = hit.date === versions.current.date;
  const article = eId?.split('__')[0];
  const inForce = !article
    ? []
    : current
      ? [article]
      : (mapForward(versions, hit.date, versions.current.date).get(article) ?? []);
  const page = current ? `/${slug}/` : `/${slug}/v/${hit.date}/`;
  return { version: hit.date, label: versionLabel(hit), target: eId ? `${page}#${eId}` : page, inForce };
}

/**
 * The preview of a version-qualified citation: the cited text, then the article in force.
 * `t` converts to the page's script.
 */
export function editionPreview(
  doc: DocumentEntry,
  version: string,
  eId: string,
  inForce: string[],
  t: (s: string) => string,
): string | undefined {
  const v = doc.versions;
  const tree = v && treeOf(v, doc.tree, version);
  if (!v || !tree) return undefined;
  const cited = provisionTextOf(tree, eId);
  const label = (e: string) => citationLabel(e, doc.meta.citeArticlesAs, doc.tree.data.articleStyle);
  const now = inForce.length > 0 ? `现行${inForce.map(label).join('、')}` : '现行文本已删去此条';
  return t(`${truncate(cited ?? '', 90)}（${now}）`);
}
