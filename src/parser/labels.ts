/**
 * Human labels for anchors, in the order of Chinese legal citation (编 → 章 → 节 → 条 → 款 →
 * 项 → 目): art_47__para_1__item_2 → 第四十七条第一款第（二）项. Pure: the eId says everything
 * needed (src/anchors/eid.ts parses it). An anchor with an unnumbered heading in it has no
 * label of its own and is returned as it is.
 */
import { toChineseNumeral } from './numerals.ts';
import { parseEId } from '../anchors/eid.ts';

export interface LabelOptions {
  /** `tiao`: 第二十五条 (citation practice, the default); `dun`: 二十五、 as 一、-style documents number it. */
  articleForm?: 'tiao' | 'dun';
  /** Leave out 第一款 when the article has a single paragraph (第五条第（二）项), as drafters cite it. */
  soleParagraph?: boolean;
}

const cn = (n: number) => toChineseNumeral(n);

/**
 * The label of an eId.
 * @example labelOfEId('art_47__para_1__item_2') // '第四十七条第一款第（二）项'
 * @example labelOfEId('art_10-1') // '第十条之一'
 * @example labelOfEId('art_25', { articleForm: 'dun' }) // '二十五、'
 */
export function labelOfEId(eId: string, options: LabelOptions = {}): string {
  const steps = parseEId(eId);
  if (!steps) return eId;
  let out = '';
  let divisions = 0;
  for (const { unit, num, sub, repeat } of steps) {
    switch (unit) {
      case 'part':
        out += `第${cn(num)}编`;
        break;
      case 'subpart':
        out += `第${cn(num)}分编`;
        break;
      case 'chapter':
        out += `第${cn(num)}章`;
        break;
      case 'section':
        out += `第${cn(num)}节`;
        break;
      case 'division':
        out += divisions++ === 0 ? `${cn(num)}、` : `（${cn(num)}）`;
        break;
      case 'article':
        out += options.articleForm === 'dun' ? `${cn(num)}、` : `第${cn(num)}条${sub ? `之${cn(sub)}` : ''}`;
        break;
      case 'paragraph':
        if (!(options.soleParagraph && num === 1)) out += `第${cn(num)}款`;
        break;
      case 'item':
        out += `第（${cn(num)}）项`;
        break;
      case 'subitem':
        out += `第${num}目`;
        break;
      case 'point':
        out += `（${num}）`;
        break;
      case 'attachment':
        out += `附件${cn(num)}`;
        break;
      case 'note':
        out += `注${num <= 20 ? String.fromCodePoint(0x2460 + num - 1) : num}`;
        break;
      default:
        return eId; // an unnumbered heading (hcontainer) has no label to cite by
    }
    if (repeat) out += `（重复编号之${cn(repeat)}）`;
  }
  return out;
}
