/**
 * Which reader a file needs, from its name and its first bytes, and which files in a folder are
 * not regulations at all (a README, a template, an index page) — skipped with a reason.
 */
import { basename, extname } from 'node:path';
import type { Format } from './types.ts';

const BY_EXTENSION: Record<string, Format> = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.pdf': 'pdf',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

export type Detected = { ok: true; format: Format } | { ok: false; reason: string };

/**
 * The format of a file, or why it cannot be imported.
 * @example detectFormat('a.docx', bytes) // { ok: true, format: 'docx' }
 */
export function detectFormat(path: string, bytes: Uint8Array): Detected {
  const ext = extname(path).toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  if (head.startsWith('%PDF')) return { ok: true, format: 'pdf' };
  if (ext === '.doc')
    return { ok: false, reason: 'a Word 97–2003 .doc file: save it as .docx in Word or LibreOffice first' };
  if (ext === '.wps') return { ok: false, reason: 'a WPS .wps file: save it as .docx first' };
  if (ext === '.ofd')
    return {
      ok: false,
      reason: 'an OFD file: no reader extracts its structure; import the Word, PDF or web version',
    };
  const known = BY_EXTENSION[ext];
  if (known) return { ok: true, format: known };
  if (head.startsWith('PK\u0003\u0004') && ext === '') return { ok: true, format: 'docx' };
  if (/^\s*(<!doctype html|<html)/i.test(head)) return { ok: true, format: 'html' };
  return {
    ok: false,
    reason: `unsupported file type ${ext || '(no extension)'}: expected .docx, .html, .htm, .pdf, .md or .txt`,
  };
}

/** Folder members that are not regulations, by name: documentation, templates, site index pages. */
export function notARegulationByName(path: string): string | undefined {
  const name = basename(path);
  if (/^(readme|license|licence|changelog|contributing|code_of_conduct|security)(\.|$)/i.test(name))
    return 'project documentation, not a regulation';
  if (/^_?index\.(md|markdown|html?)$/i.test(name))
    return 'an index page of the collection, not a regulation';
  if (/模[版板]|template|示例|样例/i.test(name)) return 'a template, not a regulation';
  return undefined;
}

/** Folders never walked: version control, dependencies, build output. */
export function skipFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === 'dist' || name === 'generated';
}
