/**
 * 新旧条文对照: which article of a later version each article of the earlier one became.
 * Computed from the texts: character-bigram similarity of the folded text (similarity.ts),
 * aligned in order (a revision inserts and deletes articles but rarely reorders them), then
 * moved articles, then articles split in two or merged; reviewed overrides win over all of it.
 */
import type { Document } from '../parser/types.ts';
import { articlePlaces, articleText } from '../data/cite.ts';
import { normalizeForCompare } from './normalize.ts';
import { bigramCodes, bigrams, sharedCodes, size } from './similarity.ts';

/** What became of an article between two versions. */
export type PairKind = 'unchanged' | 'amended' | 'renumbered' | 'renumbered-amended' | 'removed' | 'new';

/** One row of the table: an old article and its new one(s), or a new article with none before it. */
export interface Pair {
  old?: string;
  new: string[];
  kind: PairKind;
  /** Similarity of the texts (0–1), for the first new article; 0 for removed and new ones. */
  similarity: number;
  /** Computed from the texts, or set by content/<doc>/correspondence.yaml. */
  source: 'computed' | 'override';
}

/** The table between two consecutive versions, named by their dates. */
export interface Correspondence {
  from: string;
  to: string;
  pairs: Pair[];
}

/** An override, already checked against both versions. */
export interface PairOverride {
  old: string;
  new: string[];
}

export interface Art {
  eId: string;
  text: string;
  /** Its bigrams as sorted codes (similarity.ts). */
  grams: Int32Array;
  size: number;
}

/** The discount on the overlap coefficient (similarity): containment is weaker evidence than likeness. */
export const OVERLAP_WEIGHT = 0.8;
/** Pairs below this similarity are not the same article, unless order or a person says so. */
export const ALIGN_MIN = 0.3;
/** An article found out of order must be this alike. */
export const MOVE_MIN = 0.55;
/** Share of an unpaired article's bigrams found in a paired one, to count as split from or merged into it. */
export const CONTAIN_MIN = 0.7;

function articles(tree: Document, codes: Map<string, number>): Art[] {
  return articlePlaces(tree).map(({ article }) => {
    const text = normalizeForCompare(articleText(article));
    const g = bigrams(text);
    return { eId: article.eId, text, grams: bigramCodes(g, codes), size: size(g) };
  });
}

/**
 * Order-preserving alignment maximising the summed similarity above ALIGN_MIN (a longest-
 * common-subsequence over articles, weighted); of equally good alignments the one whose pairs
 * sit at the closer relative positions wins.
 */
function align(a: Art[], b: Art[], sim: Float64Array): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const score = new Float64Array((n + 1) * (m + 1));
  const W = m + 1;
  const gain = (i: number, j: number) => {
    const s = sim[i * m + j]!;
    return s < ALIGN_MIN
      ? -1
      : s - ALIGN_MIN + 1e-3 * (1 - Math.abs(i / Math.max(n, 1) - j / Math.max(m, 1)));
  };
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const g = gain(i - 1, j - 1);
      score[i * W + j] = Math.max(
        score[(i - 1) * W + j]!,
        score[i * W + j - 1]!,
        g > 0 ? score[(i - 1) * W + j - 1]! + g : -Infinity,
      );
    }
  }
  const out: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const g = gain(i - 1, j - 1);
    if (g > 0 && score[i * W + j] === score[(i - 1) * W + j - 1]! + g) {
      out.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (score[i * W + j] === score[(i - 1) * W + j]) i--;
    else j--;
  }
  return out.reverse();
}

/**
 * How alike two articles are: their Dice similarity, or, when one is much shorter, how much of
 * it the other holds (the overlap coefficient, discounted), since a revision often cuts an
 * article down to its first rule or adds paragraphs to it (第四十三条 本法自…起施行。…同时废止。
 * → 第九十条 本法自…起施行。).
 */
export function similarity(x: Art, y: Art): number {
  const common = sharedCodes(x.grams, y.grams);
  const d = x.size + y.size === 0 ? 1 : (2 * common) / (x.size + y.size);
  const small = Math.min(x.size, y.size);
  return small < 8 ? d : Math.max(d, OVERLAP_WEIGHT * (common / small));
}

function kindOf(old: Art, now: Art): PairKind {
  const same = old.text === now.text;
  if (old.eId === now.eId) return same ? 'unchanged' : 'amended';
  return same ? 'renumbered' : 'renumbered-amended';
}

/**
 * The correspondence of two versions' articles.
 * @example correspond(tree2017, tree2023, { from: '2017-09-01', to: '2023-09-01' }).pairs[0] // { old: 'art_1', new: ['art_1'], kind: 'amended', … }
 */
export function correspond(
  oldTree: Document,
  newTree: Document,
  dates: { from: string; to: string },
  overrides: PairOverride[] = [],
): Correspondence {
  const codes = new Map<string, number>();
  const a = articles(oldTree, codes);
  const b = articles(newTree, codes);
  const m = b.length;
  const sim = new Float64Array(a.length * m);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < m; j++) sim[i * m + j] = similarity(a[i]!, b[j]!);

  const target = new Map<number, number[]>(); // old index → new indexes
  const taken = new Set<number>();
  for (const [i, j] of align(a, b, sim)) {
    target.set(i, [j]);
    taken.add(j);
  }
  // Moved articles: the best remaining pairs first.
  const moves: Array<[number, number, number]> = [];
  for (let i = 0; i < a.length; i++) {
    if (target.has(i)) continue;
    for (let j = 0; j < m; j++)
      if (!taken.has(j) && sim[i * m + j]! >= MOVE_MIN) moves.push([sim[i * m + j]!, i, j]);
  }
  for (const [, i, j] of moves.sort((x, y) => y[0] - x[0])) {
    if (target.has(i) || taken.has(j)) continue;
    target.set(i, [j]);
    taken.add(j);
  }
  // Splits: a new article made of an old one's text; merges: an old one's text inside a new one.
  const contained = (x: Art, y: Art) => (x.size >= 8 ? sharedCodes(x.grams, y.grams) / x.size : 0);
  for (let j = 0; j < m; j++) {
    if (taken.has(j)) continue;
    let best = -1;
    let bestShare = CONTAIN_MIN;
    for (const [i] of target) {
      const s = contained(b[j]!, a[i]!);
      if (s >= bestShare) [best, bestShare] = [i, s];
    }
    if (best >= 0) {
      target.get(best)!.push(j);
      taken.add(j);
    }
  }
  for (let i = 0; i < a.length; i++) {
    if (target.has(i)) continue;
    let best = -1;
    let bestShare = CONTAIN_MIN;
    for (let j = 0; j < m; j++) {
      const s = contained(a[i]!, b[j]!);
      if (s >= bestShare) [best, bestShare] = [j, s];
    }
    if (best >= 0) target.set(i, [best]);
  }
  // Reviewed overrides replace what was computed for their old article, and take their new articles from others.
  const indexA = new Map(a.map((x, i) => [x.eId, i]));
  const indexB = new Map(b.map((x, j) => [x.eId, j]));
  const overridden = new Set<number>();
  for (const o of overrides) {
    const i = indexA.get(o.old);
    if (i === undefined) continue;
    const js = o.new.map((e) => indexB.get(e)).filter((j): j is number => j !== undefined);
    for (const [k, list] of target)
      if (!overridden.has(k))
        target.set(
          k,
          list.filter((j) => !js.includes(j)),
        );
    target.set(i, js);
    overridden.add(i);
  }
  return { ...dates, pairs: rows(a, b, sim, target, overridden) };
}

/**
 * The rows for a known mapping of two trees' articles (old eId → new eIds), e.g. chained
 * across versions; similarity and kind are computed for the pairs given.
 */
export function tableOf(oldTree: Document, newTree: Document, map: Map<string, string[]>): Pair[] {
  const codes = new Map<string, number>();
  const a = articles(oldTree, codes);
  const b = articles(newTree, codes);
  const m = b.length;
  const indexB = new Map(b.map((x, j) => [x.eId, j]));
  const sim = new Float64Array(a.length * m);
  const target = new Map<number, number[]>();
  a.forEach((x, i) => {
    const js = (map.get(x.eId) ?? []).map((e) => indexB.get(e)).filter((j): j is number => j !== undefined);
    for (const j of js) sim[i * m + j] = similarity(x, b[j]!);
    if (js.length > 0) target.set(i, js);
  });
  return rows(a, b, sim, target, new Set());
}

/** The rows in the new text's order; removed articles stand after the row of the article before them. */
function rows(
  a: Art[],
  b: Art[],
  sim: Float64Array,
  target: Map<number, number[]>,
  overridden: Set<number>,
): Pair[] {
  const m = b.length;
  const covered = new Set([...target.values()].flat());
  const keyed: Array<{ at: number; tie: number; pair: Pair }> = [];
  let lastAt = -1;
  for (let i = 0; i < a.length; i++) {
    const js = (target.get(i) ?? []).sort((x, y) => x - y);
    const source = overridden.has(i) ? 'override' : 'computed';
    if (js.length === 0) {
      keyed.push({
        at: lastAt,
        tie: i + 0.5,
        pair: { old: a[i]!.eId, new: [], kind: 'removed', similarity: 0, source },
      });
      continue;
    }
    const j = js[0]!;
    lastAt = Math.max(lastAt, j);
    const kind = kindOf(a[i]!, b[j]!);
    keyed.push({
      at: j,
      tie: i,
      pair: {
        old: a[i]!.eId,
        new: js.map((x) => b[x]!.eId),
        kind,
        similarity: round(sim[i * m + j]!),
        source,
      },
    });
  }
  for (let j = 0; j < m; j++) {
    if (!covered.has(j))
      keyed.push({
        at: j,
        tie: -1,
        pair: { new: [b[j]!.eId], kind: 'new', similarity: 0, source: 'computed' },
      });
  }
  return keyed.sort((x, y) => x.at - y.at || x.tie - y.tie).map((k) => k.pair);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
