/**
 * Positioned diagnostics, worded "Unexpected X, expected Y" as unified's tools do.
 * Errors (`fatal: true`) fail the build and the CLI; warnings do not.
 */
import type { VFile } from 'vfile';
import type { Position } from 'unist';

/** Source name on every message, so reporters can group them. */
export const SOURCE = 'tiaowen';

/**
 * Add a message to `file` without throwing.
 * @example report(file, 'Unexpected 第三章, expected 第二章', node.position, 'chapter-number', true)
 */
export function report(file: VFile, reason: string, place: Position | undefined, ruleId: string, fatal: boolean) {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = fatal;
  return message;
}

/** Whether any message on the file is an error. */
export function hasErrors(file: VFile): boolean {
  return file.messages.some((m) => m.fatal === true);
}
