/**
 * “Go to a provision”: what a reader types (25, 二十五, 第二十五条, 四十七条一款二项, 47.1.2,
 * art_25) → the eId it names. Shared by the go-to box and by alias fragments (#第二十五条,
 * #25), so both accept the same forms. Small enough to ship to the browser.
 */
import { parseNumeral } from '../parser/numerals.ts';
import { EID_PATTERN } from './eid-pattern.ts';

const N = '[零〇一二三四五六七八九两十百千0-9]+';
const CHINESE = new RegExp(
  `^第?(${N})条?(?:之(${N}))?(?:第?(${N})款)?(?:第?[(（]?(${N})[)）]?项)?(?:第?[(（]?(${N})[)）]?目)?、?$`,
);
const DOTTED = /^(\d+)(?:-(\d+))?(?:\.(\d+)(?:\.(\d+)(?:\.(\d+))?)?)?$/;

/**
 * The eId a typed reference names, or undefined.
 * @example gotoEId('四十七条一款二项') // 'art_47__para_1__item_2'
 * @example gotoEId('47.1.2') // 'art_47__para_1__item_2'
 */
export function gotoEId(input: string): string | undefined {
  const text = input
    .normalize('NFKC') // full-width digits and dots → ASCII
    .replace(/[\s\u3000]/g, '')
    .replace(/^#/, '');
  if (EID_PATTERN.test(text)) return text;
  const parts = DOTTED.exec(text) ?? CHINESE.exec(text);
  if (!parts) return undefined;
  const nums = parts.slice(1).map((p) => (p === undefined ? undefined : parseNumeral(p)));
  if (parts.slice(1).some((p, i) => p !== undefined && nums[i] === undefined)) return undefined;
  const [art, sub, para, item, subitem] = nums;
  if (art === undefined || art === 0) return undefined;
  let eId = `art_${art}${sub ? `-${sub}` : ''}`;
  if (para !== undefined) eId += `__para_${para}`;
  else if (item !== undefined) eId += '__para_1'; // 第五条第（二）项: the article's only paragraph
  if (item !== undefined) eId += `__item_${item}`;
  if (subitem !== undefined) eId += `__subitem_${subitem}`;
  return eId;
}
