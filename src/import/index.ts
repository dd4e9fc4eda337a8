/**
 * `npm run import`: files and folders → document folders under content/. Each file is read by
 * its format's reader, checked, drafted, grouped with other dated texts of the same title
 * (the newest is the document, the others its versions), and written atomically.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseRegulation, treeStats } from '../parser/index.ts';
import { detectFormat, notARegulationByName, skipFolder } from './detect.ts';
import { extractChecked } from './extract.ts';
import { draftMeta, type Draft } from './meta-draft.ts';
import { guessedKeys, renderMeta } from './meta-yaml.ts';
import { makeSlug } from './slug.ts';
import { sourceChanges, writeFolder, type VersionFiles } from './write.ts';
import { ImportError, type Extracted } from './types.ts';
import type { Outcome } from './report.ts';

export type { Outcome } from './report.ts';
export { formatOutcome, summary } from './report.ts';

export interface ImportOptions {
  /** The content folder documents are written to. */
  into: string;
  /** Today (YYYY-MM-DD), for the status of texts not yet in force. */
  today?: string;
  /** Shown paths are relative to this folder (default: the working directory). */
  cwd?: string;
}

interface Candidate {
  file: string;
  shown: string;
  bytes: Uint8Array;
  x: Extracted;
  draft: Draft;
  title: string;
  date?: string;
}

/** Every file under the inputs: named files are `explicit` (bad ones are errors, not skips). */
function collect(
  inputs: string[],
  outcomes: Outcome[],
  show: (p: string) => string,
): Array<{ file: string; explicit: boolean }> {
  const files: Array<{ file: string; explicit: boolean }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (!skipFolder(name)) walk(p);
      } else files.push({ file: p, explicit: false });
    }
  };
  for (const input of inputs) {
    if (!existsSync(input))
      outcomes.push({ kind: 'refused', file: show(input), reason: 'no such file or folder' });
    else if (statSync(input).isDirectory()) walk(input);
    else files.push({ file: input, explicit: true });
  }
  return files;
}

/** The date a text is of: its latest adoption, amendment, revision or issue; else the one in its file name. */
function versionDate(d: Draft, file: string): string | undefined {
  const dated = d.events
    .filter((e) => e.event !== 'effective' && e.event !== 'repealed')
    .map((e) => e.date)
    .sort();
  return dated.at(-1) ?? /(\d{4}-\d{2}-\d{2})/.exec(basename(file))?.[1];
}

function eventAt(d: Draft, date: string): VersionFiles['event'] {
  const e = d.events.filter((x) => x.date === date).map((x) => x.event);
  return e.includes('revised') ? '修订' : e.includes('amended') ? '修正' : '制定';
}

/** Existing document folders of the content folder: by title, and every slug in use. */
function existing(into: string): {
  byTitle: Map<string, { folder: string; slug: string; date?: string }>;
  slugs: Set<string>;
} {
  const byTitle = new Map<string, { folder: string; slug: string; date?: string }>();
  const slugs = new Set<string>();
  if (!existsSync(into)) return { byTitle, slugs };
  for (const f of readdirSync(into)) {
    const metaPath = join(into, f, 'meta.yaml');
    if (f.includes('.import-') || !existsSync(metaPath)) continue;
    try {
      const m = parseYaml(readFileSync(metaPath, 'utf8')) as {
        title?: string;
        slug?: string;
        dates?: Record<string, string>;
      } | null;
      if (!m?.slug) continue;
      slugs.add(m.slug);
      const d = m.dates ?? {};
      const date = [d.amended, d.adopted, d.issued]
        .filter((x): x is string => typeof x === 'string')
        .sort()
        .at(-1);
      if (m.title) byTitle.set(m.title, { folder: f, slug: m.slug, date });
    } catch {
      // A broken meta.yaml is the build's to report; its folder is not matched by title.
    }
  }
  return { byTitle, slugs };
}

/**
 * Import files and folders into `opts.into`.
 * @example await importPaths(['regs/'], { into: 'content' }) // { outcomes: [...], exitCode: 0 }
 */
export async function importPaths(
  inputs: string[],
  opts: ImportOptions,
): Promise<{ outcomes: Outcome[]; exitCode: number }> {
  const cwd = opts.cwd ?? process.cwd();
  const show = (p: string) => relative(cwd, p) || p;
  const outcomes: Outcome[] = [];
  const candidates: Candidate[] = [];
  for (const { file, explicit } of collect(inputs, outcomes, show)) {
    const shown = show(file);
    const byName = explicit ? undefined : notARegulationByName(file);
    if (byName) {
      outcomes.push({ kind: 'skipped', file: shown, reason: byName });
      continue;
    }
    const bytes = new Uint8Array(readFileSync(file));
    const detected = detectFormat(file, bytes);
    if (!detected.ok) {
      outcomes.push({ kind: explicit ? 'refused' : 'skipped', file: shown, reason: detected.reason });
      continue;
    }
    try {
      const x = await extractChecked(detected.format, bytes);
      const fallbackTitle = basename(file, extname(file)).replace(/\s*[(（]\d{4}-\d{2}-\d{2}[)）]\s*$/, '');
      const draft = draftMeta(x.lines, { title: x.title, fallbackTitle, today: opts.today });
      const title = x.subtitle ? `${draft.title.value}·${x.subtitle}` : draft.title.value;
      draft.title.value = title;
      candidates.push({ file, shown, bytes, x, draft, title, date: versionDate(draft, file) });
    } catch (e) {
      if (!(e instanceof ImportError)) {
        outcomes.push({
          kind: 'refused',
          file: shown,
          reason: `unexpected failure: ${e instanceof Error ? e.message : String(e)}`,
        });
      } else if (e.kind === 'not-a-regulation' && !explicit)
        outcomes.push({ kind: 'skipped', file: shown, reason: e.message });
      else outcomes.push({ kind: 'refused', file: shown, reason: e.message });
    }
  }
  // Texts of one title: the newest is the document, other dates are its versions,
  // the same date twice is a duplicate.
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) groups.set(c.title, [...(groups.get(c.title) ?? []), c]);
  const known = existing(opts.into);
  for (const [title, group] of groups) {
    group.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const kept: Candidate[] = [];
    for (const c of group) {
      const twin = kept.find((k) => k.date === c.date);
      if (twin)
        outcomes.push({
          kind: 'skipped',
          file: c.shown,
          reason: `same title and date as ${twin.shown}: a duplicate`,
        });
      else kept.push(c);
    }
    const prior = known.byTitle.get(title);
    const slug = prior?.slug ?? makeSlug(title, known.slugs);
    known.slugs.add(slug);
    const folderName = prior?.folder ?? slug;
    const dir = join(opts.into, folderName);
    const main = kept[0]!;
    let older = kept.slice(1);
    // A text older than the one already in the folder becomes a version of it.
    const keepExistingMain = prior?.date !== undefined && main.date !== undefined && prior.date > main.date;
    if (keepExistingMain) older = kept;
    const versions: VersionFiles[] = older.map((c) => ({
      date: c.date ?? 'undated',
      event: eventAt(c.draft, c.date ?? ''),
      title,
      from: basename(c.file),
      source: c.x.lines.join('\n') + '\n',
      original: c.bytes,
      ext: extname(c.file).toLowerCase(),
    }));
    try {
      if (keepExistingMain) {
        // Rewrite the folder with its own main text and the new versions.
        const ext = readdirSync(dir).find((f) => /^original\./.test(f));
        const current = {
          source: readFileSync(join(dir, 'source.txt'), 'utf8'),
          meta: readFileSync(join(dir, 'meta.yaml'), 'utf8'),
          original: ext ? new Uint8Array(readFileSync(join(dir, ext))) : new Uint8Array(),
          ext: ext ? extname(ext) : '.txt',
        };
        writeFolder(dir, { ...current, versions });
        older.forEach((c, i) => {
          const v = versions[i]!;
          outcomes.push({
            kind: 'version',
            file: c.shown,
            folder: show(dir),
            date: v.date,
            event: v.event,
            newest: `${prior!.date} (already in ${show(dir)})`,
          });
        });
        continue;
      }
      const metaPath = join(dir, 'meta.yaml');
      const previousMeta = existsSync(metaPath) ? readFileSync(metaPath, 'utf8') : undefined;
      // The text it replaces, when newer, is kept as a version too.
      if (prior?.date && main.date && prior.date < main.date && existsSync(join(dir, 'source.txt'))) {
        const ext = readdirSync(dir).find((f) => /^original\./.test(f));
        versions.push({
          date: prior.date,
          event: '制定',
          title,
          from: `${folderName}/${ext ?? 'source.txt'}`,
          source: readFileSync(join(dir, 'source.txt'), 'utf8'),
          original: new Uint8Array(readFileSync(join(dir, ext ?? 'source.txt'))),
          ext: ext ? extname(ext) : '.txt',
        });
      }
      const source = main.x.lines.join('\n') + '\n';
      const meta = renderMeta(
        main.draft,
        slug,
        `imported from ${basename(main.file)} (${main.x.format})`,
        previousMeta,
      );
      const { previous } = writeFolder(dir, {
        source,
        meta: meta.text,
        original: main.bytes,
        ext: extname(main.file).toLowerCase(),
        versions,
      });
      const parsed = parseRegulation(source, join(dir, 'source.txt'));
      const guessed = guessedKeys(meta.text);
      const changes = [sourceChanges(previous, source), ...meta.changed].filter(
        (c): c is string => c !== undefined,
      );
      outcomes.push({
        kind: 'imported',
        file: main.shown,
        folder: show(dir),
        format: main.x.format,
        encoding: main.x.encoding,
        lines: main.x.lines.length,
        articles: treeStats(parsed.tree).articles,
        parseErrors: parsed.file.messages.filter((m) => m.fatal).length,
        leftOut: main.x.leftOut,
        guessed,
        notes: main.x.notes,
        changed: changes,
        updated: previous !== undefined,
        versions: versions.map((v) => `${v.date} (${v.event}) from ${v.from} → versions/${v.date}/`),
      });
      for (const c of older) {
        outcomes.push({
          kind: 'version',
          file: c.shown,
          folder: show(dir),
          date: c.date ?? 'undated',
          event: eventAt(c.draft, c.date ?? ''),
          newest: `${main.date} (${main.shown})`,
        });
      }
    } catch (e) {
      outcomes.push({
        kind: 'refused',
        file: main.shown,
        reason: `could not write ${show(dir)}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  return { outcomes, exitCode: outcomes.some((o) => o.kind === 'refused') ? 1 : 0 };
}
