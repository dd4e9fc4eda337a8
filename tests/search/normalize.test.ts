import { describe, expect, it } from 'vitest';
import { normalize, normalizeText, originalSpan, SEP } from '../../src/search/normalize.ts';
import { foldToSimplified } from '../../src/variant/fold.ts';

const fold = (s: string) => foldToSimplified(s, { from: '會議個號', to: '会议个号' });

describe('normalizeText', () => {
  it.each([
    ['第十一条　市政府', '第十一条市政府'],
    ['（试行）', '试行'],
    ['《淄博市人民政府工作规则》', '淄博市人民政府工作规则'],
    ['淄政发〔2017〕2号', `淄政发2017${SEP}2号`],
    ['淄政发(2017)2号', `淄政发2017${SEP}2号`],
    ['1—2次', `1${SEP}2次`],
    ['1-2次', `1${SEP}2次`],
    ['1～2次', `1${SEP}2次`],
    ['12次', '12次'],
    ['５个工作日', '5个工作日'],
    ['２４小时', '24小时'],
    ['ＡＢＣ abc', 'abcabc'],
    ['“三个代表”', '三个代表'],
    ['50%', '50\uA001'],
    ['50％', '50\uA001'],
    ['café', 'cafe'],
    ['', ''],
    ['，。、；：', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('drops punctuation at the edges without a separator', () => {
    expect(normalizeText('—2次')).toBe('2次');
    expect(normalizeText('1—')).toBe('1');
  });

  it('folds traditional characters with the script fold', () => {
    expect(normalizeText('會議', { fold })).toBe('会议');
    expect(normalizeText('5個工作日', { fold })).toBe('5个工作日');
  });

  it('rejects a fold that changes the number of characters', () => {
    expect(() => normalize('会议', { fold: () => 'x' })).toThrow(/one character to one/);
  });

  it('keeps a substring a substring', () => {
    const text = '市政府全体会议一般每年召开1—2次，淄政发〔2017〕2号。';
    const n = normalizeText(text);
    for (let i = 0; i < text.length; i++) {
      for (let j = i + 1; j <= text.length; j++)
        expect(n.includes(normalizeText(text.slice(i, j)))).toBe(true);
    }
  });
});

describe('offset map', () => {
  it('maps a normalised match back to the original characters', () => {
    const text = '召开１—２次会议。';
    const n = normalize(text);
    const q = normalizeText('1-2次');
    const at = n.text.indexOf(q);
    expect(at).toBeGreaterThanOrEqual(0);
    const [a, b] = originalSpan(n, at, at + q.length);
    expect(text.slice(a, b)).toBe('１—２次');
  });

  it('handles characters outside the BMP', () => {
    const text = '甲𠀀乙';
    const n = normalize(text);
    const at = n.text.indexOf('𠀀乙');
    const [a, b] = originalSpan(n, at, at + '𠀀乙'.length);
    expect(text.slice(a, b)).toBe('𠀀乙');
  });
});
