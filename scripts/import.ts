/**
 * Bring documents in as they are published: Word, web pages, PDF, Markdown, plain text, folders.
 *
 *   npm run import -- <file|folder>... [--into content] [--report FILE]
 *
 * Prints a report line per file; exit 1 when any file was refused (the others are still imported).
 */
import { writeFileSync } from 'node:fs';
import { formatOutcome, importPaths, summary } from '../src/import/index.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const into = option('--into') ?? 'content';
const reportFile = option('--report');
if (args.length === 0) {
  console.error('usage: npm run import -- <file|folder>... [--into <content dir>] [--report <file>]');
  process.exit(1);
}
try {
  const { outcomes, exitCode } = await importPaths(args, { into });
  const lines = [...outcomes.flatMap(formatOutcome), summary(outcomes)];
  if (reportFile) {
    writeFileSync(reportFile, lines.join('\n') + '\n');
    console.log(
      outcomes
        .filter((o) => o.kind === 'refused')
        .flatMap(formatOutcome)
        .join('\n'),
    );
    console.log(`${summary(outcomes)} (report: ${reportFile})`);
  } else console.log(lines.join('\n'));
  process.exit(exitCode);
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(2);
}
