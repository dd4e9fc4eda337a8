/**
 * CLI: parse one regulation text and report.
 *
 *   npm run parse -- <file> [--json]
 *
 * Prints the diagnostics (file:line:column, with the line and a caret) and a summary to
 * stderr; with --json, prints the tree to stdout (every provision carries its `eId`).
 * Exit 0 when the text parses, 1 when it has errors, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { parseRegulation, treeStats } from '../src/parser/index.ts';
import { formatMessages } from '../src/diagnostics/reporter.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const path = args.find((a) => !a.startsWith('--'));
if (!path) {
  console.error('Usage: npm run parse -- <file> [--json]');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch (error) {
  console.error(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected a UTF-8 text file`);
  process.exit(2);
}
const { tree, file, ok } = parseRegulation(text, path);
const messages = formatMessages([file]);
if (messages) console.error(messages);
const s = treeStats(tree);
console.error(
  `${path}: ${s.chapters} chapters, ${s.sections} sections, ${s.articles} articles, ${s.paragraphs} paragraphs, ` +
    `${s.items} items, ${s.subitems} sub-items; ${s.dropped} lines kept aside (${tree.data.articleStyle === 'dun' ? '一、' : '第X条'} style)`,
);
for (const d of tree.data.dropped) console.error(`  line ${d.line} [${d.reason}] ${d.text.trim()}`);
if (json) process.stdout.write(`${JSON.stringify(tree, null, 2)}\n`);
process.exit(ok ? 0 : 1);
