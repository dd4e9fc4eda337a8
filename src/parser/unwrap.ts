/**
 * Unwrap stage: text copied from a PDF or a narrow page is hard-wrapped — most lines cut at one
 * width, sentences running on into the next line. Chinese regulations put one provision per
 * line and end every provision with 。 ； ： or a closing bracket, so a document where many
 * lines stop mid-sentence at a common width is wrapped. Guarantees: a document that is not
 * wrapped is returned unchanged; in one that is, a line is joined to the next only when it
 * stops mid-sentence near the wrap width and the next line does not start with a label; where
 * the next line does start with a label, nothing is joined and a warning says where.
 */
import type { VFile } from 'vfile';
import type { SourceLine } from './lines.ts';
import { indentOf, trimLine } from './lines.ts';
import { classifyLine } from './classify.ts';
import { report } from '../diagnostics/message.ts';

/** A line of the text as the parser reads it: one source line, or several joined. */
export interface LogicalLine extends SourceLine {
  /** The trimmed text, joined across `more` when the line was rejoined. */
  text: string;
  /** Source lines joined onto this one (a hard-wrapped sentence), in order. */
  more?: SourceLine[];
}

/** Ends of a provision or heading: sentence and clause marks, closing brackets and quotes. */
const ENDS = /[。；;！!？?：:…”’」』）)〕】]$/;
const MIN_LONG = 15;

/** Labels that start a provision: a wrapped line never begins with one. */
function startsWithLabel(text: string): boolean {
  const k = classifyLine(text).kind;
  return k !== 'text' && k !== 'blank';
}

/** The wrap width of a text and whether it is hard-wrapped, from its line lengths. */
export function detectWrap(lines: readonly string[]): { wrapped: boolean; width: number } {
  const open: number[] = [];
  let long = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (t.length < MIN_LONG) continue;
    long++;
    const next = lines[i + 1];
    if (!ENDS.test(t) && next !== undefined && next !== '' && !startsWithLabel(next)) open.push(t.length);
  }
  if (open.length < 5 || open.length < long * 0.2) return { wrapped: false, width: 0 };
  // The width is the most common length of lines that stop mid-sentence (±1 for 避头尾 rules,
  // which move a closing mark up to the line before).
  const counts = new Map<number, number>();
  for (const n of open) for (const w of [n - 1, n, n + 1]) counts.set(w, (counts.get(w) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, c] of counts) if (c > best || (c === best && w > width)) [width, best] = [w, c];
  return { wrapped: best >= open.length * 0.5, width };
}

/**
 * Join hard-wrapped lines. Reports, as info, how many lines were joined; warns where a line that
 * stops mid-sentence at the wrap width is followed by a label line (it may be a wrapped
 * sentence whose next line happens to start like 第五条…, or a provision without its full stop).
 */
export function unwrapLines(
  lines: readonly SourceLine[],
  file: VFile,
): { lines: LogicalLine[]; joined: number } {
  const texts = lines.map((l) => trimLine(l.raw));
  const { wrapped, width } = detectWrap(texts);
  const out: LogicalLine[] = [];
  let joined = 0;
  for (let i = 0; i < lines.length; i++) {
    const line: LogicalLine = { ...lines[i]!, text: texts[i]! };
    out.push(line);
    if (!wrapped) continue;
    // Join while the line so far stops mid-sentence and its last source line reaches the width.
    while (i + 1 < lines.length) {
      const last = texts[i]!; // the last source line joined so far
      const nextText = texts[i + 1]!;
      if (nextText === '' || ENDS.test(line.text) || last.length < width - 2) break;
      if (startsWithLabel(nextText)) {
        const l = lines[i + 1]!;
        const column = indentOf(l.raw);
        report(
          file,
          `Unexpected label at the start of a line after a line cut at the wrap width (${width} characters), ` +
            'expected a new provision to follow a full stop; kept as a new provision — join the lines if it continues the sentence',
          {
            place: {
              start: { line: l.line, column: column + 1, offset: l.offset + column },
              end: { line: l.line, column: column + 2, offset: l.offset + column + 1 },
            },
            ruleId: 'ambiguous-wrap',
            fatal: false,
          },
        );
        break;
      }
      i++;
      line.more = [...(line.more ?? []), lines[i]!];
      line.text += nextText;
      joined++;
    }
  }
  if (joined > 0) {
    const first = out.find((l) => l.more)!;
    const message = file.info(
      `Joined ${joined} hard-wrapped lines (the text is cut at ${width} characters a line), first at line ${first.line}`,
      { place: { line: first.line, column: 1 }, ruleId: 'hard-wrap', source: 'tiaowen' },
    );
    void message;
  }
  return { lines: out, joined };
}
