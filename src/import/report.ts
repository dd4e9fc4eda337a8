/**
 * The import report: a line per file (what was taken, left out, guessed, changed), the left-out
 * lines in full under it, and a summary. Plain text, meant to be read and kept.
 */
import type { LeftOut } from './types.ts';

export type Outcome =
  | {
      kind: 'imported';
      file: string;
      folder: string;
      format: string;
      encoding?: string;
      lines: number;
      articles: number;
      parseErrors: number;
      leftOut: LeftOut[];
      guessed: string[];
      notes: string[];
      changed: string[];
      updated: boolean;
      versions: string[];
    }
  | { kind: 'version'; file: string; folder: string; date: string; event: string; newest: string }
  | { kind: 'skipped'; file: string; reason: string }
  | { kind: 'refused'; file: string; reason: string };

/** The report lines of one outcome. */
export function formatOutcome(o: Outcome): string[] {
  switch (o.kind) {
    case 'imported': {
      const head =
        `${o.file} → ${o.folder}/ (${o.format}${o.encoding && o.encoding !== 'UTF-8' ? `, ${o.encoding}` : ''}): ` +
        `${o.updated ? 'updated' : 'new'}; ${o.lines} lines, ${o.articles} articles` +
        `${o.parseErrors > 0 ? ` (the parser reports ${o.parseErrors} errors: npm run parse -- ${o.folder}/source.txt)` : ''}; ` +
        `${o.leftOut.length} lines left out; guessed: ${o.guessed.join(', ') || 'nothing'}` +
        `${o.notes.length > 0 ? `; ${o.notes.join('; ')}` : ''}`;
      return [
        head,
        ...o.versions.map((v) => `  older version recorded: ${v}`),
        ...o.changed.map((c) => `  changed ${c}`),
        ...o.leftOut.map((l) => `  left out [${l.reason}] ${l.text}`),
      ];
    }
    case 'version':
      return [
        `${o.file} → ${o.folder}/versions/${o.date}/ (${o.event}): an older version of the document whose newest text is ${o.newest}`,
      ];
    case 'skipped':
      return [`${o.file}: skipped: ${o.reason}`];
    case 'refused':
      return [`${o.file}: error: ${o.reason}`];
  }
}

/** Counts by outcome, for the last line. */
export function summary(outcomes: Outcome[]): string {
  const n = (k: Outcome['kind']) => outcomes.filter((o) => o.kind === k).length;
  return `${n('imported')} imported, ${n('version')} older versions recorded, ${n('skipped')} skipped, ${n('refused')} refused`;
}
