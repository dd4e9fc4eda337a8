/**
 * Print messages as `file:line:column  error|warning  reason  [rule]`, followed by the source
 * line and a caret under the column, so a drafter can see exactly where the text went wrong.
 */
import type { VFile } from 'vfile';

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Format every message of the files; empty string when there are none. */
export function formatMessages(files: VFile[]): string {
  const out: string[] = [];
  for (const file of files) {
    const lines = String(file.value).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    for (const m of file.messages) {
      const line = m.line ?? undefined;
      const column = m.column ?? 1;
      const where = line ? `${file.path}:${line}:${column}` : file.path;
      out.push(`${where}  ${m.fatal ? 'error' : m.fatal === false ? 'warning' : 'info'}  ${m.reason}  [${m.ruleId}]`);
      if (line && lines[line - 1] !== undefined) {
        const text = lines[line - 1]!;
        const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
        out.push(`    ${shown}`, `    ${' '.repeat(width(text.slice(0, column - 1)))}^`);
      }
    }
  }
  const errors = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal).length, 0);
  const warnings = files.reduce((n, f) => n + f.messages.filter((m) => m.fatal === false).length, 0);
  if (errors + warnings > 0) out.push(`${errors} error(s), ${warnings} warning(s)`);
  return out.join('\n');
}
