/**
 * A local corpus of regulation texts (never committed) read for the benchmarks: every .txt and
 * .md file under a folder, Markdown converted to the plain text the parser reads. LawRefBook/
 * Laws' Markdown puts the title in `# …`, dates in the header up to `<!-- INFO END -->`, headings
 * in `##`/`###` and labels in `**…**`; a law split into files (one per part, each with a
 * `# subtitle` under the shared title) is joined back in the order of its articles, each
 * subtitle becoming its part's heading (a closing 附则 stays an unnumbered heading).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeText } from '../../src/text/decode.ts';
import { parseNumeral, toChineseNumeral } from '../../src/parser/numerals.ts';

export interface CorpusDocument {
  /** Path(s) relative to the corpus folder. */
  name: string;
  text: string;
  /** The Markdown source, for counts independent of the parser. */
  markdown?: string;
}

const SKIP = /^(README|_index|法律法规模版)/i;

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(md|txt)$/i.test(name) && !SKIP.test(name)) out.push(path);
  }
}

interface Converted {
  title: string;
  subtitle?: string;
  body: string[];
  header: string[];
}

/** LawRefBook Markdown → title, header lines and body lines. */
export function convertMarkdown(md: string): Converted {
  const lines = md.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const titles: string[] = [];
  const header: string[] = [];
  const body: string[] = [];
  let inHeader = md.includes('<!-- INFO END -->');
  for (const raw of lines) {
    if (/<!--\s*INFO END\s*-->/.test(raw)) {
      inHeader = false;
      continue;
    }
    const line = raw
      .replace(/<!--.*?-->/g, '')
      .replace(/\*\*/g, '')
      .replace(/^#+\s*/, '');
    if (inHeader) {
      if (/^#\s/.test(raw)) titles.push(line.trim());
      else if (line.trim() !== '') header.push(line.trim());
      continue;
    }
    body.push(line);
  }
  return { title: titles[0] ?? '', ...(titles[1] ? { subtitle: titles[1] } : {}), header, body };
}

const FIRST_ARTICLE = /^第([零〇一二三四五六七八九十百千]+)条/m;

/** Read every document of a corpus folder. */
export function readCorpus(dir: string): CorpusDocument[] {
  const files: string[] = [];
  walk(dir, files);
  const docs: CorpusDocument[] = [];
  const split = new Map<string, Array<{ name: string; c: Converted; md: string; first: number }>>();
  for (const path of files) {
    const decoded = decodeText(readFileSync(path));
    if (!decoded.ok) continue;
    const name = relative(dir, path);
    if (!path.endsWith('.md')) {
      docs.push({ name, text: decoded.text });
      continue;
    }
    const c = convertMarkdown(decoded.text);
    if (c.subtitle) {
      const key = `${relative(dir, join(path, '..'))}|${c.title}`;
      const body = c.body.join('\n');
      const first = parseNumeral(FIRST_ARTICLE.exec(body)?.[1] ?? '') ?? 0;
      split.set(key, [...(split.get(key) ?? []), { name, c, md: decoded.text, first }]);
      continue;
    }
    docs.push({ name, text: [c.title, '', ...c.header, '', ...c.body].join('\n'), markdown: decoded.text });
  }
  for (const parts of split.values()) {
    parts.sort((a, b) => a.first - b.first);
    const head = parts[0]!.c;
    const out: string[] = [head.title, '', ...head.header, ''];
    let n = 0;
    for (const p of parts) {
      const sub = p.c.subtitle!;
      // The split files are the law's parts (编); a closing 附则 is not one.
      out.push(
        /^附\s*则$/.test(sub) ? sub : `第${toChineseNumeral(++n)}编　${sub.replace(/编$/, '')}`,
        '',
        ...p.c.body,
        '',
      );
    }
    docs.push({
      name: parts.map((p) => p.name).join(' + '),
      text: out.join('\n'),
      markdown: parts.map((p) => p.md).join('\n'),
    });
  }
  return docs;
}
