/**
 * Human labels for anchors, in the order of Chinese legal citation (条 → 款 → 项 → 目):
 * art_47__para_1__item_2 → 第四十七条第一款第（二）项. Pure: the eId says everything needed.
 */
import { toChineseNumeral } from './numerals.ts';

export interface LabelOptions {
  /** `tiao`: 第二十五条 (citation practice, the default); `dun`: 二十五、 as 一、-style documents number it. */
  articleForm?: 'tiao' | 'dun';
  /** Leave out 第一款 when the article has a single paragraph (第五条第（二）项), as drafters cite it. */
  soleParagraph?: boolean;
}

const cn = (n: string) => toChineseNumeral(Number(n));

/**
 * The label of an eId.
 * @example labelOfEId('art_47__para_1__item_2') // '第四十七条第一款第（二）项'
 * @example labelOfEId('art_10-1') // '第十条之一'
 * @example labelOfEId('art_25', { articleForm: 'dun' }) // '二十五、'
 */
export function labelOfEId(eId: string, options: LabelOptions = {}): string {
  const parts = eId.split('__');
  let out = '';
  for (const part of parts) {
    const [unit, number = ''] = part.split('_') as [string, string?];
    const [n, sub] = number.split('-') as [string, string?];
    if (!/^\d+$/.test(n) || (sub !== undefined && !/^\d+$/.test(sub))) return eId;
    switch (unit) {
      case 'chp': out += `第${cn(n)}章`; break;
      case 'sec': out += `第${cn(n)}节`; break;
      case 'art':
        out += options.articleForm === 'dun' ? `${cn(n)}、` : `第${cn(n)}条${sub ? `之${cn(sub)}` : ''}`;
        break;
      case 'para':
        if (!(options.soleParagraph && n === '1')) out += `第${cn(n)}款`;
        break;
      case 'item': out += `第（${cn(n)}）项`; break;
      case 'subitem': out += `第${n}目`; break;
      default: return eId;
    }
  }
  return out;
}
