/** GB/T 15834 full-width marks in Chinese context; digits and Latin text untouched. */
import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, parseRegulation, toDisplayTree, toText } from '../../src/parser/index.ts';

describe('fullWidthPunctuation', () => {
  it.each([
    ['近日,淄博', '近日，淄博'],
    ['原文:', '原文：'],
    ['检查;', '检查；'],
    ['重磅!淄博', '重磅！淄博'],
    ['如何运作?点击', '如何运作？点击'],
    ['(一)传达', '（一）传达'],
    ['《工作规则》(淄政发〔2017〕2号)同时废止', '《工作规则》（淄政发〔2017〕2号）同时废止'],
    ['实施办法(试行)', '实施办法（试行）'],
    ['1,000元', '1,000元'],
    ['12:30开会', '12:30开会'],
    ['see (a) and (b)', 'see (a) and (b)'],
    ['PM2.5, NO2', 'PM2.5, NO2'],
    ['第(1)目', '第（1）目'],
    ['“三个代表”,', '“三个代表”，'],
  ])('%s → %s', (input, output) => expect(fullWidthPunctuation(input)).toBe(output));

  it('changes the display tree only; the parsed tree keeps the source text', () => {
    const { tree } = parseRegulation('一、甲,乙:\n(一)丙;\n');
    const display = toDisplayTree(tree);
    expect(toText(tree)).toBe('一、甲,乙:\n(一)丙;');
    expect(toText(display)).toBe('一、甲，乙：\n（一）丙；');
  });
});
