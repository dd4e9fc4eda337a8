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
  /** For equal runs: the same run in the old text's own characters (spacing and punctuation width). */
  old?: string;
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
 * @example diffText('具体行政行为', '行政行为') // [{ op: 'delete', text: '具体' }, { op: 'equal', text: '行政行为', old: '行政行为' }]
 */
export function diffText(oldText: string, newText: string): Segment[] {
  const a = tokens(oldText);
  const b = tokens(newText);
  const out: Segment[] = [];
  const push = (op: Segment['op'], text: string, old?: string) => {
    const last = out.at(-1);
    if (last && last.op === op) {
      last.text += text;
      if (old !== undefined) last.old = (last.old ?? '') + old;
    } else out.push(old === undefined ? { op, text } : { op, text, old });
  };
  for (const e of myers(a, b, (x, y) => x.key === y.key)) {
    if (e.op === 'equal') push('equal', b[e.b]!.text, a[e.a]!.text);
    else if (e.op === 'delete') push('delete', a[e.a]!.text);
    else push('insert', b[e.b]!.text);
  }
  return tidy(out);
}

/** A run of the same text, or a changed stretch: what was deleted and what was inserted. */
type Run = { same: true; text: string; old: string } | { same: false; del: string; ins: string };

/** Equal runs this short between two changes are dissolved into them (see `tidy`). */
const SHORT = 2;

/**
 * Deletions before insertions within each changed stretch, so a replacement reads 旧新 as
 * printed comparisons do; and a short equal run between two changes (行政<ins>机关的</ins>行
 * <ins>政</ins>为) is dissolved into them, the "semantic cleanup" of N. Fraser's diff-match-patch,
 * so a rewritten phrase reads as one replacement rather than scattered characters.
 */
function tidy(segments: Segment[]): Segment[] {
  const runs: Run[] = [];
  for (const s of segments) {
    const last = runs.at(-1);
    if (s.op === 'equal') runs.push({ same: true, text: s.text, old: s.old ?? s.text });
    else if (last && !last.same) {
      if (s.op === 'delete') last.del += s.text;
      else last.ins += s.text;
    } else
      runs.push(
        s.op === 'delete' ? { same: false, del: s.text, ins: '' } : { same: false, del: '', ins: s.text },
      );
  }
  for (let i = 1; i + 1 < runs.length; i++) {
    const [before, run, after] = [runs[i - 1]!, runs[i]!, runs[i + 1]!];
    if (!run.same || before.same || after.same || [...run.text].length > SHORT) continue;
    runs.splice(i - 1, 3, {
      same: false,
      del: before.del + run.old + after.del,
      ins: before.ins + run.text + after.ins,
    });
    i = Math.max(0, i - 2);
  }
  return runs.flatMap((r): Segment[] =>
    r.same
      ? [{ op: 'equal', text: r.text, old: r.old }]
      : [
          ...(r.del ? [{ op: 'delete' as const, text: r.del }] : []),
          ...(r.ins ? [{ op: 'insert' as const, text: r.ins }] : []),
        ],
  );
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
