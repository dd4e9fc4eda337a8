/**
 * Writing a document folder without ever leaving it half-written: everything is written to a
 * temporary folder beside it, the files a person or the build owns (anchors.json, glossary.yaml,
 * aliases.yaml, versions/ …) are carried over, and the folder is swapped in by renames.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

/** An older dated text of the same document (content/<doc>/versions/<YYYY-MM-DD>/). */
export interface VersionFiles {
  date: string;
  event: '制定' | '修正' | '修订';
  title: string;
  from: string;
  source: string;
  original: Uint8Array;
  ext: string;
}

export interface FolderFiles {
  source: string;
  meta: string;
  original: Uint8Array;
  ext: string;
  versions: VersionFiles[];
}

/** Files the import writes; everything else in a document folder is kept on re-import. */
const OURS = (name: string) => name === 'source.txt' || name === 'meta.yaml' || /^original\./.test(name);

function writeVersion(dir: string, v: VersionFiles): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (/^original\./.test(f)) rmSync(join(dir, f));
  writeFileSync(join(dir, 'source.txt'), v.source);
  writeFileSync(join(dir, `original${v.ext}`), v.original);
  writeFileSync(
    join(dir, 'version.yaml'),
    stringify({ date: v.date, event: v.event, title: v.title, importedFrom: v.from }),
  );
}

/**
 * Write (or update) `dir` with these files, atomically as far as the file system allows.
 * @returns the previous source.txt, when there was one.
 */
export function writeFolder(dir: string, files: FolderFiles): { previous?: string } {
  const tmp = `${dir}.import-${process.pid}.tmp`;
  const old = `${dir}.import-${process.pid}.old`;
  rmSync(tmp, { recursive: true, force: true });
  let previous: string | undefined;
  try {
    mkdirSync(tmp, { recursive: true });
    if (existsSync(dir)) {
      if (existsSync(join(dir, 'source.txt'))) previous = readFileSync(join(dir, 'source.txt'), 'utf8');
      for (const f of readdirSync(dir)) if (!OURS(f)) cpSync(join(dir, f), join(tmp, f), { recursive: true });
    }
    writeFileSync(join(tmp, 'source.txt'), files.source);
    writeFileSync(join(tmp, 'meta.yaml'), files.meta);
    writeFileSync(join(tmp, `original${files.ext}`), files.original);
    for (const v of files.versions) writeVersion(join(tmp, 'versions', v.date), v);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
  return { previous };
}

/** What changed in source.txt, in lines: `3 lines added, 1 removed`, or undefined when nothing did. */
export function sourceChanges(previous: string | undefined, next: string): string | undefined {
  if (previous === undefined || previous === next) return undefined;
  const a = new Set(previous.split('\n'));
  const b = new Set(next.split('\n'));
  const added = [...b].filter((l) => !a.has(l)).length;
  const removed = [...a].filter((l) => !b.has(l)).length;
  return `source.txt: ${added} lines added, ${removed} removed`;
}
