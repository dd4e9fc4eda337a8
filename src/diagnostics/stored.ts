/**
 * Messages kept with a cached document: a vfile's messages as plain data, and back, so a
 * document built in an earlier run reports exactly what it reported then.
 */
import { VFile } from 'vfile';
import type { Point, Position } from 'unist';

/** One message of a file, as JSON. */
export interface StoredMessage {
  reason: string;
  place?: Point | Position;
  ruleId?: string;
  /** As vfile: true an error, false a warning, null info. */
  fatal: boolean | null;
  note?: string;
  url?: string;
  source?: string;
}

/** The messages of one file, named by its path. */
export interface StoredFile {
  path: string;
  messages: StoredMessage[];
}

/** The messages of the files that have any. */
export function storeMessages(files: VFile[]): StoredFile[] {
  return files
    .filter((f) => f.messages.length > 0)
    .map((f) => ({
      path: f.path,
      messages: f.messages.map((m) => ({
        reason: m.reason,
        ...(m.place != null && { place: m.place }),
        ...(m.ruleId != null && { ruleId: m.ruleId }),
        fatal: m.fatal ?? null,
        ...(m.note != null && { note: m.note }),
        ...(m.url != null && { url: m.url }),
        ...(m.source != null && { source: m.source }),
      })),
    }));
}

/** Files carrying the stored messages again; `texts` gives each path's text for the source excerpt. */
export function restoreMessages(stored: StoredFile[], texts: ReadonlyMap<string, string>): VFile[] {
  return stored.map((s) => {
    const file = new VFile({ path: s.path, ...(texts.has(s.path) && { value: texts.get(s.path) }) });
    for (const m of s.messages) {
      const message = file.message(m.reason, {
        ...(m.place && { place: m.place }),
        ...(m.ruleId && { ruleId: m.ruleId }),
        ...(m.source && { source: m.source }),
      });
      message.fatal = m.fatal;
      if (m.note !== undefined) message.note = m.note;
      if (m.url !== undefined) message.url = m.url;
    }
    return file;
  });
}
