/**
 * Add a positioned problem to a file: the one way every stage reports, worded
 * "Unexpected X, expected Y" as unified's tools do. Errors (`fatal`) fail the build.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { ruleUrl } from './rules.ts';

/** Source name on every message, so reporters can group them. */
export const SOURCE = 'tiaowen';

export interface ReportOptions {
  /** Where in the file; leave out only when the problem concerns the whole file. */
  place?: Position | undefined;
  /** Kebab-case rule id, documented in docs/rules.md. */
  ruleId: string;
  /** As vfile: `true` an error (fails the build), `false` a warning (the default), `null` info. */
  fatal?: boolean | null;
  /** The error another tool raised, when this message reports its failure. */
  cause?: unknown;
}

function asError(cause: unknown): Error {
  return cause instanceof Error ? cause : new Error(String(cause));
}

/**
 * Add a message to `file` without throwing.
 * @example report(file, 'Unexpected duplicate slug a, expected a slug of its own', { place, ruleId: 'meta-slug', fatal: true })
 */
export function report(file: VFile, reason: string, options: ReportOptions): VFileMessage {
  const message = file.message(reason, {
    ruleId: options.ruleId,
    source: SOURCE,
    ...(options.place ? { place: options.place } : {}),
    ...(options.cause === undefined ? {} : { cause: asError(options.cause) }),
  });
  message.url = ruleUrl(options.ruleId);
  message.fatal = options.fatal === undefined ? false : options.fatal;
  return message;
}

/** Whether any message on the files is an error. */
export function hasErrors(...files: VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal === true));
}
