/**
 * The one exception a loader may raise: a data file the build cannot go on without is invalid.
 * It carries the files with their positioned messages, and its message is their report, so
 * whoever prints it (a script's last catch, Astro's error overlay) shows the same as the reporter.
 */
import type { VFile } from 'vfile';
import { formatMessages } from './reporter.ts';

export class ContentError extends Error {
  readonly files: readonly VFile[];

  constructor(files: readonly VFile[]) {
    super(formatMessages(files, { color: false }));
    this.name = 'ContentError';
    this.files = files;
  }
}
