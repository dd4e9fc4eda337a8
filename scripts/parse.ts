/**
 * CLI: parse one regulation text and report.
 *
 *   npm run parse -- <file> [--json] [--strict]
 *
 * Prints the diagnostics (file:line:column, with the line and a caret) and a summary to
 * stderr; with --json, prints the tree to stdout (every provision carries its `eId`). The file
 * may be UTF-8 (with or without a BOM), UTF-16 with a BOM, GB18030/GBK or Big5. Source defects
 * are warnings; --strict makes them errors. Exit 0 when the text parses, 1 when it has errors,
 * 2 when the file cannot be read or decoded.
 */
import { readFileSync } from 'node:fs';
import { parseRegulation, treeStats } from '../src/parser/index.ts';
import { decodeText } from '../src/text/decode.ts';
import { formatMessages } from '../src/diagnostics/reporter.ts';

const STYLE_NAMES = {
  tiao: '第X条',
  dun: '一、',
  digit: '1. under group headings',
  none: 'no articles',
} as const;

/** Run the CLI; returns the exit code (the caller sets it, so piped stdout is flushed in full). */
function main(args: string[]): number {
  const json = args.includes('--json');
  const strict = args.includes('--strict');
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    console.error('Usage: npm run parse -- <file> [--json] [--strict]');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    console.error(
      `${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'}); expected a text file`,
    );
    return 2;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    console.error(`${path}: cannot decode the file: ${decoded.reason}`);
    return 2;
  }
  const { tree, file, ok } = parseRegulation(decoded.text, path, { strict });
  tree.data.encoding = decoded.encoding;
  const messages = formatMessages([file]);
  if (messages) console.error(messages);
  const s = treeStats(tree);
  const extra = [
    s.parts ? `${s.parts} parts` : '',
    s.subparts ? `${s.subparts} sub-parts` : '',
    s.headings ? `${s.headings} other headings` : '',
    s.points ? `${s.points} deeper list entries` : '',
    s.attachments ? `${s.attachments} attachments` : '',
    s.notes ? `${s.notes} notes` : '',
  ].filter(Boolean);
  const byRule = new Map<string, number>();
  for (const m of file.messages)
    if (m.fatal === false) byRule.set(m.ruleId ?? '?', (byRule.get(m.ruleId ?? '?') ?? 0) + 1);
  const warnings = [...byRule].map(([rule, n]) => `${n} ${rule}`).join(', ');
  console.error(
    `${path}: ${s.chapters} chapters, ${s.sections} sections, ${s.articles} articles, ${s.paragraphs} paragraphs, ` +
      `${s.items} items, ${s.subitems} sub-items; ${s.dropped} lines kept aside (${STYLE_NAMES[tree.data.articleStyle]} style)` +
      (extra.length > 0 ? `; ${extra.join(', ')}` : ''),
  );
  console.error(
    `  encoding ${decoded.encoding}; ${tree.data.joined ?? 0} hard-wrapped lines joined; ` +
      (warnings === '' ? 'no warnings' : `warnings: ${warnings}`),
  );
  for (const d of tree.data.dropped) console.error(`  line ${d.line} [${d.reason}] ${d.text.trim()}`);
  if (json) process.stdout.write(`${JSON.stringify(tree, null, 2)}\n`);
  return ok ? 0 : 1;
}

// Setting the exit code instead of calling process.exit() lets a piped stdout drain in full.
process.exitCode = main(process.argv.slice(2));
