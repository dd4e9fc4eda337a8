/**
 * Print messages with vfile-reporter (grouped by file, `line:column-line:column`, rule id,
 * source, the rule's docs url and the failing tool's cause), each followed by its source line
 * with a caret under the range, so a drafter sees exactly where the text went wrong. Widths are
 * counted as a terminal shows them: East Asian wide characters (UAX #11) take two columns.
 */
import stringWidth from 'string-width';
import type { Point, Position } from 'unist';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { reporter } from 'vfile-reporter';
import { SOURCE } from './message.ts';
import { ruleUrl } from './rules.ts';

/** Widest excerpt shown, in terminal columns; longer lines are cut around the problem. */
const EXCERPT_WIDTH = 76;
/** Columns of context kept before the problem when a line is cut. */
const CONTEXT_BEFORE = 24;
const ELLIPSIS = '…';

export interface FormatOptions {
  /** ANSI colours; by default when the terminal supports them. */
  color?: boolean;
}

/**
 * Format every message of the files; empty string when there are none.
 * @example formatMessages([file], { color: false }) // 'x.txt\n 2:1-2:5  error  Unexpected …'
 */
export function formatMessages(files: readonly VFile[], options: FormatOptions = {}): string {
  const withMessages = files.filter((f) => f.messages.length > 0);
  if (withMessages.length === 0) return '';
  const copies = withMessages.map((file) => {
    const lines = String(file.value ?? '')
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/);
    const copy = new VFile({ path: file.path });
    for (const m of file.messages) copy.messages.push(withExcerpt(m, lines));
    return copy;
  });
  return reporter(copies, {
    verbose: true,
    ...(options.color === undefined ? {} : { color: options.color }),
  });
}

/** A copy of the message whose extra lines are the excerpt (vfile-reporter prints them under it). */
function withExcerpt(m: VFileMessage, lines: readonly string[]): VFileMessage {
  const copy = new VFileMessage(m.reason, {
    ...(m.place ? { place: m.place } : {}),
    ...(m.ruleId ? { ruleId: m.ruleId } : {}),
    ...(m.source ? { source: m.source } : {}),
    ...(m.cause ? { cause: plainCause(m.cause) } : {}),
  });
  copy.fatal = m.fatal;
  copy.file = m.file;
  copy.url = m.url ?? (m.source === SOURCE && m.ruleId ? ruleUrl(m.ruleId) : undefined);
  if (m.note) copy.note = m.note;
  const shown = m.place ? excerpt(lines, m.place) : [];
  copy.stack = [m.reason, ...shown.map((l) => `    ${l}`)].join('\n');
  return copy;
}

/** The cause's message only: a stack trace is for developers (set DEBUG=1 to see it). */
function plainCause(cause: unknown): Error {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  if (process.env.DEBUG) return error;
  const plain = new Error(error.message);
  plain.stack = `${error.name}: ${error.message}`;
  return plain;
}

/**
 * The source line of a place and a marker under its range (`^` then `~`), cut to
 * EXCERPT_WIDTH columns around the start when the line is long.
 * @example excerpt(['第一条　甲乙'], { line: 1, column: 5 }) // ['第一条　甲乙', '        ^']
 */
export function excerpt(lines: readonly string[], place: Point | Position): string[] {
  const start = 'start' in place ? place.start : place;
  const end = 'end' in place ? place.end : place;
  const text = lines[start.line - 1];
  if (text === undefined) return [];
  // Columns are 1-based UTF-16 offsets; work in code points so no pair is split.
  const chars = Array.from(text.replace(/\t/g, ' '));
  const at = Math.min(Array.from(text.slice(0, Math.max(0, start.column - 1))).length, chars.length);
  const stop =
    end.line === start.line
      ? Math.min(Array.from(text.slice(0, Math.max(0, end.column - 1))).length, chars.length)
      : chars.length;
  const width = (from: number, to: number) => stringWidth(chars.slice(from, to).join(''));
  let from = at;
  while (from > 0 && width(from - 1, at) <= CONTEXT_BEFORE) from--;
  let to = from;
  while (to < chars.length && width(from, to + 1) <= EXCERPT_WIDTH) to++;
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < chars.length ? ELLIPSIS : '';
  const pad = stringWidth(head) + width(from, at);
  const marked = Math.max(1, width(at, Math.min(Math.max(stop, at), to)));
  return [`${head}${chars.slice(from, to).join('')}${tail}`, `${' '.repeat(pad)}^${'~'.repeat(marked - 1)}`];
}
