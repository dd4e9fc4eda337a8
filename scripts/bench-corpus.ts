/**
 * The parser on a real corpus (a local folder, never committed):
 *
 *   npm run bench -- --corpus DIR [--strict] [--list RULE]
 *
 * Converts and parses every document and prints: documents, the share that publishes (no
 * error), the share strict mode would refuse, duplicate anchors, warnings by rule, heading-like
 * lines left inside articles without a message, documents whose article / chapter / section
 * counts differ from an independent count of the Markdown's labelled lines, and throughput.
 */
import { performance } from 'node:perf_hooks';
import { visit } from 'unist-util-visit';
import { parseRegulation, treeStats, type Document, type Paragraph } from '../src/parser/index.ts';
import { isHeadingLike } from '../src/parser/front-matter.ts';
import { readCorpus } from './lib/corpus.ts';

const N = '[零〇一二三四五六七八九十百千]+';
const ARTICLE_LINE = new RegExp(`^(?:\\*\\*)?第${N}条(?:之${N})?(?:\\*\\*)?[\\s\\u3000]`, 'gm');
const CHAPTER_LINE = new RegExp(`^(?:#+\\s*第${N}章.*|第${N}章(?:[\\s\\u3000].*|$))`, 'gm');
const SECTION_LINE = new RegExp(`^(?:#+\\s*第${N}节.*|第${N}节(?:[\\s\\u3000].*|$))`, 'gm');
const NUMBERING = new Set([
  'label-typo',
  'label-space',
  'article-number',
  'chapter-number',
  'section-number',
  'part-number',
  'unlabelled-heading',
  'text-outside-article',
]);

function duplicateAnchors(tree: Document): number {
  const seen = new Set<string>();
  let dups = 0;
  visit(tree, (n) => {
    const eId = (n as { eId?: string }).eId;
    if (!eId) return;
    if (seen.has(eId)) dups++;
    seen.add(eId);
  });
  return dups;
}

/** Paragraphs of articles that look like headings and carry no message at their line. */
function silentHeadingLines(tree: Document, warnedLines: Set<number>): number {
  let n = 0;
  visit(tree, 'article', (a) => {
    for (const p of (a as { children: Paragraph[] }).children.slice(1)) {
      const text = p.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      if (
        isHeadingLike(text) &&
        text.length <= 20 &&
        !/^[\p{P}\d]/u.test(text) &&
        !warnedLines.has(p.position?.start.line ?? -1)
      )
        n++;
    }
  });
  return n;
}

export function benchCorpus(dir: string, strict = false, list?: string): void {
  const t0 = performance.now();
  const docs = readCorpus(dir);
  const t1 = performance.now();
  let bytes = 0;
  let publishable = 0;
  let strictRefused = 0;
  let dupAnchors = 0;
  let silent = 0;
  let sound = 0;
  const mismatches: string[] = [];
  const byRule = new Map<string, { messages: number; documents: number }>();
  const listed: string[] = [];
  const times: number[] = [];
  for (const doc of docs) {
    bytes += Buffer.byteLength(doc.text);
    const s0 = performance.now();
    const { tree, file, ok } = parseRegulation(doc.text, doc.name, { strict });
    times.push(performance.now() - s0);
    if (ok) publishable++;
    const warnings = file.messages.filter((m) => m.fatal === false);
    if (warnings.length > 0 || !ok) strictRefused++;
    const rules = new Set<string>();
    for (const m of file.messages) {
      if (m.fatal === undefined || m.fatal === null) continue;
      const id = m.ruleId ?? '?';
      const r = byRule.get(id) ?? { messages: 0, documents: 0 };
      r.messages++;
      if (!rules.has(id)) r.documents++;
      rules.add(id);
      byRule.set(id, r);
      if (list === id) listed.push(`${doc.name}:${m.line}:${m.column} ${m.reason}`);
    }
    dupAnchors += duplicateAnchors(tree);
    silent += silentHeadingLines(tree, new Set(file.messages.map((m) => m.line ?? -1)));
    if (
      doc.markdown &&
      tree.data.articleStyle === 'tiao' &&
      !/目\s*录/.test(doc.markdown) &&
      ![...rules].some((r) => NUMBERING.has(r))
    ) {
      sound++;
      const s = treeStats(tree);
      const articles = doc.markdown.match(ARTICLE_LINE)?.length ?? 0;
      // Documents with a table of contents are left out of this comparison (it repeats the headings).
      // A chapter list without the word 目录 repeats each heading line: count distinct lines.
      const chapterSet = new Set<string>();
      const sectionSet = new Set<string>();
      let chapter = '';
      let part = ''; // chapters restart in each part (a 第X编 line, or a split file's subtitle)
      for (const raw of doc.markdown.split('\n')) {
        const l = raw.replace(/^#+\s*/, '').trim();
        if (/^#\s/.test(raw) || new RegExp(`^(?:#+\\s*)?第${N}编`).test(raw)) part = l;
        else if (new RegExp(CHAPTER_LINE.source).test(raw)) chapterSet.add((chapter = `${part}|${l}`));
        else if (new RegExp(SECTION_LINE.source).test(raw)) sectionSet.add(`${chapter}|${l}`);
      }
      const chapters = chapterSet.size;
      const sections = sectionSet.size;
      if (articles !== s.articles || chapters !== s.chapters || sections !== s.sections) {
        mismatches.push(
          `${doc.name}: parsed ${s.articles}/${s.chapters}/${s.sections}, counted ${articles}/${chapters}/${sections}`,
        );
      }
    }
  }
  const t2 = performance.now();
  const pct = (n: number) => `${((100 * n) / docs.length).toFixed(1)} %`;
  console.log(`\n## Corpus: ${dir}${strict ? ' (strict)' : ''}`);
  console.log(
    `documents: ${docs.length} (${(bytes / 1e6).toFixed(1)} MB of text; read and converted in ${((t1 - t0) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `publishable (no error): ${publishable} (${pct(publishable)}); with an error: ${docs.length - publishable} (${pct(docs.length - publishable)})`,
  );
  console.log(`refused in strict mode (any warning): ${strictRefused} (${pct(strictRefused)})`);
  console.log(`duplicate anchors: ${dupAnchors}`);
  console.log(`heading-like lines left inside articles without a message: ${silent}`);
  console.log(
    `article/chapter/section counts differing from the Markdown's labelled lines, among ${sound} sound documents: ${mismatches.length}`,
  );
  for (const m of mismatches.slice(0, 20)) console.log(`  ${m}`);
  console.log('messages by rule (messages, documents):');
  for (const [rule, r] of [...byRule].sort((a, b) => b[1].documents - a[1].documents)) {
    console.log(`  ${rule.padEnd(24)} ${String(r.messages).padStart(6)} ${String(r.documents).padStart(6)}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `parse: ${((t2 - t1) / 1000).toFixed(2)} s in all, ${(bytes / 1e6 / ((t2 - t1) / 1000)).toFixed(1)} MB/s; ` +
      `median ${sorted[sorted.length >> 1]!.toFixed(2)} ms, largest ${sorted.at(-1)!.toFixed(1)} ms a document`,
  );
  for (const l of listed.slice(0, 200)) console.log(`  ${l}`);
}
