/**
 * The anchor grammar: one place that says what an eId is. Every other module (the parser's
 * generator, labels, go-to, aliases, the glossary, references) formats and parses eIds here.
 *
 * Akoma Ntoso Naming Convention 1.0 (OASIS LegalDocML), §5.3 “eId”: an element's id is its
 * parent's id, `__`, the element's short name, `_`, and its number. Short names are the AKN
 * abbreviations (chp, sec, art, para, att; part, subpart, item, point, hcontainer and note
 * keep their element names; dvs is AKN's division). The number is the unit's own number;
 * `-N` is the 之N suffix (第十条之一 → 10-1); `_N` marks the Nth unit carrying a number that
 * the source repeats (docs/anchors.md, “a repeated number”).
 *
 * The contract is in docs/anchors.md; tests/anchors/eid.test.ts holds the dense table.
 */

/** Structural units, in the order they nest. */
export const UNITS = [
  'part',
  'subpart',
  'chapter',
  'section',
  'division',
  'hcontainer',
  'article',
  'paragraph',
  'item',
  'subitem',
  'point',
  'attachment',
  'note',
] as const;
export type Unit = (typeof UNITS)[number];

/** The short name each unit has in an eId. */
export const SHORT_NAME: Readonly<Record<Unit, string>> = {
  part: 'part',
  subpart: 'subpart',
  chapter: 'chp',
  section: 'sec',
  division: 'dvs',
  hcontainer: 'hcontainer',
  article: 'art',
  paragraph: 'para',
  item: 'item',
  subitem: 'subitem',
  point: 'point',
  attachment: 'att',
  note: 'note',
};

const UNIT_OF: ReadonlyMap<string, Unit> = new Map(UNITS.map((u) => [SHORT_NAME[u], u]));

/** One step of an eId: `art_10-1` is { unit: 'article', num: 10, sub: 1 }. */
export interface EIdStep {
  unit: Unit;
  num: number;
  /** 之N: 第十条之一 → 1. */
  sub?: number;
  /** The Nth unit (N ≥ 2) carrying a number the source repeats. */
  repeat?: number;
}

const NAME = UNITS.map((u) => SHORT_NAME[u]).join('|');
/** The pattern built from the unit table; eid-pattern.ts writes it out for the browser (tested equal). */
export const BUILT_EID_SOURCE = (() => {
  const step = `(?:${NAME})_[1-9][0-9]*(?:-[1-9][0-9]*)?(?:_[2-9]|_[1-9][0-9]+)?`;
  return `${step}(?:__${step})*`;
})();
export { EID_PATTERN, EID_SOURCE } from './eid-pattern.ts';
import { EID_PATTERN } from './eid-pattern.ts';

/**
 * The number part of a step.
 * @example formatNumber({ num: 10, sub: 1 }) // '10-1'
 */
export function formatNumber(n: { num: number; sub?: number; repeat?: number }): string {
  return `${n.num}${n.sub === undefined ? '' : `-${n.sub}`}${n.repeat === undefined ? '' : `_${n.repeat}`}`;
}

/**
 * One step.
 * @example formatStep({ unit: 'chapter', num: 1 }) // 'chp_1'
 */
export function formatStep(step: EIdStep): string {
  return `${SHORT_NAME[step.unit]}_${formatNumber(step)}`;
}

/**
 * An eId from its steps, outermost first.
 * @example formatEId([{ unit: 'article', num: 47 }, { unit: 'paragraph', num: 1 }]) // 'art_47__para_1'
 */
export function formatEId(steps: readonly EIdStep[]): string {
  return steps.map(formatStep).join('__');
}

/** A child's eId under its parent's. @example childEId('art_5', { unit: 'paragraph', num: 2 }) // 'art_5__para_2' */
export function childEId(parent: string, step: EIdStep): string {
  return parent === '' ? formatStep(step) : `${parent}__${formatStep(step)}`;
}

/**
 * The steps of an eId, or undefined when it is not one.
 * @example parseEId('art_10-1__para_2') // [{ unit: 'article', num: 10, sub: 1 }, { unit: 'paragraph', num: 2 }]
 */
export function parseEId(eId: string): EIdStep[] | undefined {
  if (!EID_PATTERN.test(eId)) return undefined;
  return eId.split('__').map((part) => {
    const m = /^([a-z]+)_(\d+)(?:-(\d+))?(?:_(\d+))?$/.exec(part)!;
    const step: EIdStep = { unit: UNIT_OF.get(m[1]!)!, num: Number(m[2]) };
    if (m[3] !== undefined) step.sub = Number(m[3]);
    if (m[4] !== undefined) step.repeat = Number(m[4]);
    return step;
  });
}

/** Whether an eId names a whole article (the address of an article page). @example isArticleEId('art_10-1') // true */
export function isArticleEId(eId: string): boolean {
  const steps = parseEId(eId);
  return steps !== undefined && steps.length === 1 && steps[0]!.unit === 'article';
}

/** The article an eId lies in, or undefined. @example articleOf('art_5__para_2') // 'art_5' */
export function articleOf(eId: string): string | undefined {
  const steps = parseEId(eId);
  const at = steps?.findIndex((s) => s.unit === 'article') ?? -1;
  return at < 0 ? undefined : formatEId(steps!.slice(0, at + 1));
}
