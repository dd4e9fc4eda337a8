/**
 * Character-level comparison of two texts for Chinese, where words are not separated by spaces:
 * characters are compared in their folded form (normalize.ts), so punctuation width and
 * whitespace never show as a change, and the segments keep each side's own characters.
 */
import { myers } from './myers.ts';
import { foldChar } from './normalize.ts';

/** A run of text: in both versions, only in the old one (deleted) or only in the new one (inserted). */
export interface Segment {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

/** Characters with their folded form; formatting-only characters stay with the character before. */
interface Token {
  text: string;
  key: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const ch of text) {
    const key = foldChar(ch);
    if (key === '' && out.length > 0) out.at(-1)!.text += ch;
    else out.push({ text: ch, key });
  }
  return out;
}

/**
 * The old text as segments: equal and deleted runs in the old text's characters, inserted runs
 * in the new text's. Equal runs take the new text's characters (the text in force).
 * @example diffText('具体行政行为', '行政行为') // [{ op: 'delete', text: '具体' }, { op: 'equal', text: '行政行为' }]
 */
export function diffText(oldText: string, newText: string): Segment[] {
  const a = tokens(oldText);
  const b = tokens(newText);
  const out: Segment[] = [];
  const push = (op: Segment['op'], text: string) => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  for (const e of myers(a, b, (x, y) => x.key === y.key)) {
    if (e.op === 'equal') push('equal', b[e.b]!.text);
    else if (e.op === 'delete') push('delete', a[e.a]!.text);
    else push('insert', b[e.b]!.text);
  }
  return tidy(out);
}

/**
 * Deletions before insertions within each changed stretch, so a replacement reads 旧新 as
 * printed comparisons do, and nothing but whitespace is ever marked.
 */
function tidy(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ins = '';
  };
  for (const s of segments) {
    if (s.op === 'delete') del += s.text;
    else if (s.op === 'insert') ins += s.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === 'equal') last.text += s.text;
      else out.push({ ...s });
    }
  }
  flush();
  return out;
}

/** How much of two texts is the same, 0–1, from the segments (2·equal / (old + new)). */
export function sameShare(segments: Segment[]): number {
  let equal = 0;
  let total = 0;
  for (const s of segments) {
    const n = [...s.text].length;
    total += s.op === 'equal' ? 2 * n : n;
    if (s.op === 'equal') equal += 2 * n;
  }
  return total === 0 ? 1 : equal / total;
}
