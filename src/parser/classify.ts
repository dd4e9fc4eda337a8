/**
 * Line classification: what a trimmed line of a regulation is, by its leading label.
 * The label forms follow Chinese legislative drafting practice (《立法技术规范（试行）》,
 * 全国人大常委会法工委 2009): 第X编 / 第X分编 / 第X章 / 第X节 / 第X条 (或 X、) / （X） /
 * 1. / （1） / ①, and the unnumbered headings 序言, 总则, 分则, 附则.
 */
import { NUMERAL_CHARS, parseNumeral } from './numerals.ts';
import { SPACE } from './lines.ts';

/** List enumerators, by the level they usually mark: （一） → 1. → （1） → ①. */
export type Enumerator = 'paren-cn' | 'dot-digit' | 'paren-digit' | 'circled';

/** A defect of a label the parser reads through, with a warning: 笫五条, 第七十五 条. */
export type LabelDefect = 'typo' | 'space';

export type LineKind =
  | { kind: 'blank' }
  | { kind: 'toc' }
  | {
      kind: 'part' | 'subpart' | 'chapter' | 'section';
      label: string;
      num: number;
      rest: string;
      defect?: LabelDefect;
    }
  | {
      kind: 'article';
      label: string;
      num: number;
      sub?: number;
      rest: string;
      /** Whether whitespace (or nothing) separates the label from the text. */
      spaced: boolean;
      defect?: LabelDefect;
    }
  /** 二十五、 — an article in 一、-style documents, a group heading or a paragraph elsewhere. */
  | { kind: 'dun'; label: string; num: number; rest: string }
  | { kind: 'enum'; enumerator: Enumerator; label: string; num: number; rest: string }
  /** 序言 / 总则 / 分则 / 附则 standing alone. */
  | { kind: 'unnumbered-heading'; heading: string }
  | { kind: 'attachment'; label: string; num: number; rest: string }
  | { kind: 'note-mark'; label: string; num: number; rest: string }
  | { kind: 'bad-heading'; label: string; expected: string }
  | { kind: 'text' };

const N = `[${NUMERAL_CHARS}]+`;
const CN = '[零〇一二三四五六七八九两十百千]+';
const S = `${SPACE}*`;
/** 第, and 笫 — a common typo for it in published texts (笫五十四条). */
const DI = '[第笫]';

// 第一编 / 第一分编 (parts, as in the Civil Code and the Criminal Law).
const PART = new RegExp(`^(${DI}${S}(${N})${S}(分?)[编編])${S}(.*)$`);
// 第一章 总则 / 第一章　总　则 / 第1章 (traditional 條 節 編 are read too, for Big5 sources)
const CHAPTER = new RegExp(`^(${DI}${S}(${N})${S}章)${S}(.*)$`);
const SECTION = new RegExp(`^(${DI}${S}(${N})${S}[节節])${S}(.*)$`);
// 第十条 / 第十条之一; `spaced` tells whether whitespace separates the label from the text.
const ARTICLE = new RegExp(`^(${DI}(${SPACE}?)(${N})(${SPACE}?)[条條](?:之(${CN}))?)(${SPACE}*)(.*)$`);
// 二十五、 — a Chinese numeral and an enumeration comma (顿号).
const DUN = new RegExp(`^((${CN})、)${S}(.*)$`);
// （一） (一) — items (项).
const PAREN_CN = new RegExp(`^([（(]${S}(${CN})${S}[）)])${S}(.*)$`);
// 1. 1． 1、 — a digit right after the dot is a decimal (1.5倍), not a label.
const DOT_DIGIT = /^(([0-9０-９]{1,3})[.．、])(?![0-9０-９])[\s\u00a0\u3000]*(.*)$/;
const PAREN_DIGIT = new RegExp(`^([（(]${S}([0-9０-９]{1,3})${S}[）)])${S}(.*)$`);
// ⒈–⒛ (U+2488–249B), ⑴–⒇ (U+2474–2487), ①–⑳ (U+2460–2473).
const FULL_STOP_DIGIT = /^([\u2488-\u249b])[\s\u00a0\u3000]*(.*)$/;
const PAREN_DIGIT_SIGN = /^([\u2474-\u2487])[\s\u00a0\u3000]*(.*)$/;
const CIRCLED = /^([\u2460-\u2473])[\s\u00a0\u3000]*(.*)$/;
const TOC = new RegExp(`^目${S}录$`);
const UNNUMBERED = new RegExp(`^(序${S}言|总${S}则|分${S}则|附${S}则)$`);
// 附件 / 附件一 / 附件1： / 附表 / 附录二 — with an optional title after it.
const ATTACHMENT = new RegExp(
  `^((?:附件|附表|附录)${S}([一二三四五六七八九十0-9０-９]*)(?:${S}[：:])?)${S}(.*)$`,
);
// 注： / 注: / 说明： — a note.
const NOTE = /^((?:注|说明)[：:])[\s\u00a0\u3000]*(.*)$/;
// Something that looks like a heading label but whose number is not a numeral: 第X章, 第3a条.
const BAD_HEADING = /^([第笫][^\s\u3000，。；：,.;:、]{1,6}?([编章节条編節條]))/;

const EXPECTED = {
  编: '第 + a number + 编, e.g. 第二编',
  章: '第 + a number + 章, e.g. 第五章',
  节: '第 + a number + 节, e.g. 第一节',
  条: '第 + a number + 条, e.g. 第二十五条 or 第十条之一',
} as const;

/** The number of an enclosed-digit sign: ① → 1, ⑴ → 1, ⒈ → 1. */
function enclosedNumber(ch: string, first: number): number {
  return ch.codePointAt(0)! - first + 1;
}

/** Classify one trimmed line. */
export function classifyLine(text: string): LineKind {
  if (text === '') return { kind: 'blank' };
  if (TOC.test(text)) return { kind: 'toc' };
  let m = UNNUMBERED.exec(text);
  if (m) return { kind: 'unnumbered-heading', heading: m[1]! };
  m = PART.exec(text);
  if (m) return numbered(m[3] ? 'subpart' : 'part', m[1]!, m[2]!, m[4]!);
  m = CHAPTER.exec(text);
  if (m) return numbered('chapter', m[1]!, m[2]!, m[3]!);
  m = SECTION.exec(text);
  if (m) return numbered('section', m[1]!, m[2]!, m[3]!);
  m = ARTICLE.exec(text);
  if (m) {
    const num = parseNumeral(m[3]!);
    const sub = m[5] === undefined ? undefined : parseNumeral(m[5]);
    if (num !== undefined && (m[5] === undefined || sub !== undefined)) {
      const defect = labelDefect(m[1]!, (m[2] ?? '') + (m[4] ?? ''));
      return {
        kind: 'article',
        label: m[1]!,
        num,
        rest: m[7]!,
        spaced: m[6]!.length > 0 || m[7] === '',
        ...(sub === undefined ? {} : { sub }),
        ...(defect ? { defect } : {}),
      };
    }
    return { kind: 'bad-heading', label: m[1]!, expected: EXPECTED.条 };
  }
  m = DUN.exec(text);
  if (m) {
    const num = parseNumeral(m[2]!);
    if (num !== undefined) return { kind: 'dun', label: m[1]!, num, rest: m[3]! };
  }
  m = PAREN_CN.exec(text);
  if (m) {
    const num = parseNumeral(m[2]!);
    if (num !== undefined) return { kind: 'enum', enumerator: 'paren-cn', label: m[1]!, num, rest: m[3]! };
  }
  m = DOT_DIGIT.exec(text);
  if (m)
    return { kind: 'enum', enumerator: 'dot-digit', label: m[1]!, num: parseNumeral(m[2]!)!, rest: m[3]! };
  m = PAREN_DIGIT.exec(text);
  if (m)
    return { kind: 'enum', enumerator: 'paren-digit', label: m[1]!, num: parseNumeral(m[2]!)!, rest: m[3]! };
  m = FULL_STOP_DIGIT.exec(text);
  if (m)
    return {
      kind: 'enum',
      enumerator: 'dot-digit',
      label: m[1]!,
      num: enclosedNumber(m[1]!, 0x2488),
      rest: m[2]!,
    };
  m = PAREN_DIGIT_SIGN.exec(text);
  if (m)
    return {
      kind: 'enum',
      enumerator: 'paren-digit',
      label: m[1]!,
      num: enclosedNumber(m[1]!, 0x2474),
      rest: m[2]!,
    };
  m = CIRCLED.exec(text);
  if (m)
    return {
      kind: 'enum',
      enumerator: 'circled',
      label: m[1]!,
      num: enclosedNumber(m[1]!, 0x2460),
      rest: m[2]!,
    };
  m = ATTACHMENT.exec(text);
  if (m && text.length <= 40 && !/[。；;]$/.test(text)) {
    const num = m[2] === '' ? 1 : parseNumeral(m[2]!);
    if (num !== undefined) return { kind: 'attachment', label: m[1]!, num, rest: m[3]! };
  }
  m = NOTE.exec(text);
  if (m) return { kind: 'note-mark', label: m[1]!, num: 0, rest: m[2]! };
  m = BAD_HEADING.exec(text);
  if (m) {
    const unit = ({ 編: '编', 節: '节', 條: '条' } as Record<string, string>)[m[2]!] ?? m[2]!;
    // Only a label standing alone or followed by space is a heading attempt; 第一次会议 is prose.
    const after = text.slice(m[1]!.length);
    if (after === '' || /^[\s\u3000]/.test(after)) {
      return { kind: 'bad-heading', label: m[1]!, expected: EXPECTED[unit as keyof typeof EXPECTED] };
    }
  }
  return { kind: 'text' };
}

function labelDefect(label: string, innerSpace: string): LabelDefect | undefined {
  if (label.startsWith('笫')) return 'typo';
  return innerSpace.length > 0 ? 'space' : undefined;
}

function numbered(
  kind: 'part' | 'subpart' | 'chapter' | 'section',
  label: string,
  numText: string,
  rest: string,
): LineKind {
  const num = parseNumeral(numText);
  const unit = kind === 'part' || kind === 'subpart' ? '编' : kind === 'chapter' ? '章' : '节';
  if (num === undefined) return { kind: 'bad-heading', label, expected: EXPECTED[unit] };
  const defect = labelDefect(label, '');
  // A heading's label with spaces inside (第 一 章) is a common typesetting habit, not a defect.
  return { kind, label, num, rest, ...(defect === 'typo' ? { defect } : {}) };
}
