/**
 * Markdown: LawRefBook/Laws' format (`# 标题`, date lines, `<!-- INFO END -->`, `##`/`###`
 * headings, `**第X条**`) and plain Markdown in general. Syntax is removed and counted as markup;
 * whole-line comments and front matter are left out and listed.
 */
import { decodeOrRefuse } from './text.ts';
import type { Extracted, LeftOut } from './types.ts';
import { trimLine } from './text-lines.ts';

/** Remove inline syntax from one line; returns the text and the removed characters. */
function inline(line: string): { text: string; markup: string } {
  let markup = '';
  const take = (re: RegExp, keep: (...g: string[]) => string) => {
    line = line.replace(re, (...m: string[]) => {
      const kept = keep(...m);
      markup += m[0]!.length > kept.length ? stripOnce(m[0]!, kept) : '';
      return kept;
    });
  };
  take(/<!--[\s\S]*?-->/g, () => '');
  take(/!\[([^\]]*)\]\([^)]*\)/g, (_, alt) => alt!);
  take(/\[([^\]]+)\]\([^)]*\)/g, (_, t) => t!);
  take(/\*\*([^*]+)\*\*/g, (_, t) => t!);
  take(/__([^_]+)__/g, (_, t) => t!);
  take(/`([^`]+)`/g, (_, t) => t!);
  take(/\\([\\`*_{}[\]()#+\-.!|<>])/g, (_, c) => c!);
  return { text: line, markup };
}

/** The characters of `whole` that are not in `kept` (kept is a subsequence of whole). */
function stripOnce(whole: string, kept: string): string {
  let out = '';
  let j = 0;
  for (const ch of whole) {
    if (j < kept.length && ch === kept[j]) j++;
    else out += ch;
  }
  return out;
}

/**
 * Read a Markdown regulation.
 * @example readMarkdown(new TextEncoder().encode('# 某条例\n\n**第一条** 为了…')).lines // ['某条例', '', '第一条 为了…']
 */
export function readMarkdown(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeOrRefuse(bytes);
  const raw = text.split('\n');
  const lines: string[] = [];
  const leftOut: LeftOut[] = [];
  let markup = '';
  let title: string | undefined;
  let subtitle: string | undefined;
  let headerDone = false;
  let i = 0;
  // YAML front matter (Hugo, Jekyll): metadata of the site, not of the regulation.
  if (/^---\s*$/.test(raw[0] ?? '')) {
    const end = raw.findIndex((l, k) => k > 0 && /^---/.test(l));
    if (end > 0) {
      for (let k = 0; k <= end; k++) {
        const l = k === end ? raw[k]!.slice(0, 3) : raw[k]!;
        if (trimLine(l) !== '') leftOut.push({ text: l, reason: 'front matter' });
      }
      raw[end] = raw[end]!.slice(3);
      i = raw[end]!.trim() === '' ? end + 1 : end;
    }
  }
  let inComment = false;
  for (; i < raw.length; i++) {
    let line = raw[i]!;
    if (inComment) {
      leftOut.push({ text: line, reason: 'comment' });
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const bare = trimLine(line);
    if (/^<!--/.test(bare) && !bare.includes('-->')) {
      inComment = true;
      leftOut.push({ text: line, reason: 'comment' });
      continue;
    }
    if (/^<!--[\s\S]*-->$/.test(bare) && !/-->.*<!--/.test(bare)) {
      leftOut.push({ text: line, reason: /INFO END/.test(bare) ? 'comment (end of the header)' : 'comment' });
      if (/INFO END/.test(bare)) headerDone = true;
      continue;
    }
    if (
      /^(```|~~~)/.test(bare) ||
      /^([-*_])(\s*\1){2,}$/.test(bare) ||
      (/^\|?[\s:|-]+\|[\s:|-]*$/.test(bare) && bare.includes('-'))
    ) {
      markup += bare;
      lines.push('');
      continue;
    }
    const heading = /^(#{1,6})\s+/.exec(bare);
    if (heading) {
      markup += heading[0];
      line = bare.slice(heading[0].length).replace(/\s+#+\s*$/, (m) => ((markup += m), ''));
    } else {
      const lead = /^(>\s?|[-*+]\s+)/.exec(bare);
      if (lead) {
        markup += lead[0];
        line = bare.slice(lead[0].length);
      }
    }
    if (/^\|.*\|$/.test(trimLine(line))) {
      const cells = trimLine(line).slice(1, -1).split('|');
      markup += '|'.repeat(cells.length + 1);
      line = cells.map((c) => c.trim()).join('\t');
    }
    const r = inline(line);
    markup += r.markup;
    const out = r.text.replace(/[ \t\u00a0\u3000]+$/, '');
    if (heading && heading[1] === '#' && !headerDone) {
      if (title === undefined) title = trimLine(out);
      else if (subtitle === undefined) subtitle = trimLine(out);
    }
    // Lines of only zero-width spaces separate paragraphs in some sources: blank lines.
    if (/^[\u200b\ufeff]+$/.test(trimLine(out) || out)) {
      markup += out.trim();
      lines.push('');
      continue;
    }
    lines.push(out);
  }
  while (lines.length > 0 && trimLine(lines.at(-1)!) === '') lines.pop();
  while (lines.length > 0 && trimLine(lines[0]!) === '') lines.shift();
  return {
    format: 'markdown',
    lines,
    leftOut,
    body: text,
    markup,
    added: '',
    title,
    subtitle,
    encoding,
    notes: [],
  };
}
