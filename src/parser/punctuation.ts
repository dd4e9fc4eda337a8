/**
 * Display transform: half-width punctuation in Chinese context → the full-width marks of
 * GB/T 15834-2011《标点符号用法》 (，：；（）！？). Texts scraped from the web often carry
 * ASCII marks between Chinese characters; the source file stays as received and this
 * stage changes only what is shown. Marks between digits or Latin letters (1,000 / 12:30
 * / (a)) are left alone.
 */
import type { Continuation, Document, Phrasing, Provision } from './types.ts';

/** Han ideographs and CJK punctuation: the context in which a mark becomes full-width. */
const CJK =
  /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019《》〈〉]/u;
const FULL: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

/**
 * Convert the half-width marks of one string that stand in Chinese context.
 * @example fullWidthPunctuation('近日,淄博(试行)') // '近日，淄博（试行）'
 */
export function fullWidthPunctuation(text: string): string {
  const chars = Array.from(text);
  const out = chars.slice();
  // Brackets pair up: convert a pair when its content or its outside touches Chinese.
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') open.push(i);
    else if (chars[i] === ')' && open.length > 0) {
      const o = open.pop()!;
      const inner = chars.slice(o + 1, i).join('');
      if (CJK.test(inner) || isCjk(chars[o - 1]) || (isCjk(chars[i + 1]) && !/^[\dA-Za-z]+$/.test(inner))) {
        out[o] = '（';
        out[i] = '）';
      }
    }
  }
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '(' || ch === ')' || !(ch in FULL)) continue;
    const before = chars[i - 1];
    const after = chars[i + 1];
    // 1,000 and 12:30 stay; a mark after a Chinese character, or before one, is Chinese.
    if (/[0-9]/.test(before ?? '') && /[0-9]/.test(after ?? '')) continue;
    if (isCjk(before) || (isCjk(after) && !/[A-Za-z0-9]/.test(before ?? ''))) out[i] = FULL[ch]!;
  }
  return out.join('');
}

function fixPhrasing(nodes: Phrasing[]): void {
  for (const n of nodes) {
    if (n.type === 'text') n.value = fullWidthPunctuation(n.value);
    else fixPhrasing(n.children);
  }
}

function fixProvision(node: Provision | Continuation): void {
  if ('label' in node) node.label = fullWidthPunctuation(node.label);
  if ('heading' in node) node.heading = fullWidthPunctuation(node.heading);
  for (const child of node.children as Array<Phrasing | Provision | Continuation>) {
    if (child.type === 'text' || child.type === 'reference') fixPhrasing([child]);
    else fixProvision(child);
  }
}

/** Apply the transform to a whole tree, in place (labels, headings and text). */
export function normalizePunctuation(doc: Document): Document {
  for (const child of doc.children) fixProvision(child);
  return doc;
}
