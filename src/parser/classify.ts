/**
 * Line classification: what a trimmed line of a regulation is, by its leading label.
 * The label forms follow Chinese legislative drafting practice (《立法技术规范（试行）》):
 * 第X章 / 第X节 / 第X条 (或 X、) / （X） / 1. or （1）.
 */
import { NUMERAL_CHARS, parseNumeral } from './numerals.ts';
import { SPACE } from './lines.ts';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'toc' }
  | { kind: 'chapter' | 'section'; label: string; num: number; rest: string }
  | { kind: 'article'; style: 'tiao' | 'dun'; label: string; num: number; sub?: number; rest: string; spaced: boolean }
  | { kind: 'item' | 'subitem'; label: string; num: number; rest: string }
  | { kind: 'bad-heading'; label: string; expected: string }
  | { kind: 'text' };

const N = `[${NUMERAL_CHARS}]+`;
const CN = '[零〇一二三四五六七八九两十百千]+';
const S = `${SPACE}*`;

// 第一章 总则 / 第一章　总　则 / 第1章
const CHAPTER = new RegExp(`^(第${S}(${N})${S}章)${S}(.*)$`);
const SECTION = new RegExp(`^(第${S}(${N})${S}节)${S}(.*)$`);
// 第十条 / 第十条之一; `spaced` tells whether whitespace separates the label from the text.
const ARTICLE_TIAO = new RegExp(`^(第(${N})条(?:之(${CN}))?)(${SPACE}*)(.*)$`);
// 二十五、 — articles numbered with a Chinese numeral and an enumeration comma (顿号).
const ARTICLE_DUN = new RegExp(`^((${CN})、)${S}(.*)$`);
// （一） (一) — items (项).
const ITEM = new RegExp(`^([（(]${S}(${CN})${S}[）)])${S}(.*)$`);
// 1. 1． 1、 （1） — sub-items (目). A digit right after the dot is a decimal (1.5倍), not a label.
const SUBITEM_DOT = /^(([0-9０-９]{1,3})[.．、])(?![0-9０-９])[\s\u00a0\u3000]*(.*)$/;
const SUBITEM_PAREN = new RegExp(`^([（(]${S}([0-9０-９]{1,3})${S}[）)])${S}(.*)$`);
const TOC = new RegExp(`^目${S}录$`);
// 第一编 / 第一分编 (parts, as in the Civil Code): a level above chapters not modelled yet.
const PART = new RegExp(`^(第${S}(${N})${S}(?:分)?编)(?:${SPACE}|$)`);
// Something that looks like a heading label but whose number is not a numeral: 第X章, 第3a条.
const BAD_HEADING = /^(第[^\s\u3000，。；：,.;:、]{1,6}?([章节条]))/;

/** Classify one trimmed line. */
export function classifyLine(text: string): LineKind {
  if (text === '') return { kind: 'blank' };
  if (TOC.test(text)) return { kind: 'toc' };
  let m = PART.exec(text);
  if (m) return { kind: 'bad-heading', label: m[1]!, expected: 'chapters (第X章) at the top level: parts (编) are not supported' };
  m = CHAPTER.exec(text);
  if (m) return numbered('chapter', m[1]!, m[2]!, m[3]!);
  m = SECTION.exec(text);
  if (m) return numbered('section', m[1]!, m[2]!, m[3]!);
  m = ARTICLE_TIAO.exec(text);
  if (m) {
    const num = parseNumeral(m[2]!);
    const sub = m[3] === undefined ? undefined : parseNumeral(m[3]);
    if (num !== undefined && (m[3] === undefined || sub !== undefined)) {
      return {
        kind: 'article', style: 'tiao', label: m[1]!, num, rest: m[5]!, spaced: m[4]!.length > 0 || m[5] === '',
        ...(sub === undefined ? {} : { sub }),
      };
    }
    return { kind: 'bad-heading', label: m[1]!, expected: '第 + a number + 条, e.g. 第二十五条 or 第十条之一' };
  }
  m = ARTICLE_DUN.exec(text);
  if (m) {
    const num = parseNumeral(m[2]!);
    if (num !== undefined) return { kind: 'article', style: 'dun', label: m[1]!, num, rest: m[3]!, spaced: true };
  }
  m = ITEM.exec(text);
  if (m) {
    const num = parseNumeral(m[2]!);
    if (num !== undefined) return { kind: 'item', label: m[1]!, num, rest: m[3]! };
  }
  m = SUBITEM_DOT.exec(text) ?? SUBITEM_PAREN.exec(text);
  if (m) return { kind: 'subitem', label: m[1]!, num: parseNumeral(m[2]!)!, rest: m[3]! };
  m = BAD_HEADING.exec(text);
  if (m) {
    const unit = m[2]!;
    const what = unit === '章' ? '第 + a number + 章, e.g. 第五章' : unit === '节' ? '第 + a number + 节, e.g. 第一节' : '第 + a number + 条, e.g. 第二十五条';
    // Only a label standing alone or followed by space is a heading attempt; 第一次会议 is prose.
    const after = text.slice(m[1]!.length);
    if (after === '' || /^[\s\u3000]/.test(after)) return { kind: 'bad-heading', label: m[1]!, expected: what };
  }
  return { kind: 'text' };
}

function numbered(kind: 'chapter' | 'section', label: string, numText: string, rest: string): LineKind {
  const num = parseNumeral(numText);
  if (num === undefined) {
    return { kind: 'bad-heading', label, expected: kind === 'chapter' ? '第 + a number + 章, e.g. 第五章' : '第 + a number + 节, e.g. 第一节' };
  }
  return { kind, label, num, rest };
}
