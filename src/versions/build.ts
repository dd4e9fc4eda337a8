/**
 * Build stage for versions (docs/versions.md): for a document with a versions/ folder, check
 * every earlier version (version.yaml, source.txt), parse it, record its anchors
 * (versions/<date>/anchors.json), and compute the correspondence of consecutive versions with
 * the reviewed overrides of correspondence.yaml. A broken version is reported, positioned, and
 * left out; the document and its other versions still build. No I/O: the caller reads the
 * folder's files (scripts/lib/content-files.ts) and writes the manifests returned.
 */
import { VFile } from 'vfile';
import type { SourceFile, TextFile } from '../text/files.ts';
import type { DocumentEntry } from '../data/collection.ts';
import { parseRegulation, toDisplayTree, treeStats, type Document } from '../parser/index.ts';
import { decodeText } from '../text/decode.ts';
import { report } from '../diagnostics/message.ts';
import { anchorManifest, compareManifests, type AnchorManifest } from '../anchors/manifest.ts';
import { articlePlaces } from '../data/cite.ts';
import { correspondenceSchema, versionSchema, type VersionInfo } from './schema.ts';
import { loadYaml } from './yaml.ts';
import { correspond, type PairOverride } from './correspond.ts';
import type { EarlierVersion, Versions } from './model.ts';

/** The current version's facts: meta.yaml's `version:`, else what its dates say. */
export function currentVersion(entry: DocumentEntry): VersionInfo | undefined {
  const { meta } = entry;
  if (meta.version) return meta.version;
  const { amended, adopted, issued, effective } = meta.dates;
  const date = amended ?? adopted ?? issued;
  if (!date) return undefined;
  return { date, event: amended ? '修正' : '制定', ...(effective && { effective }) };
}

/** Messages of a version are warnings: the version is left out, the rest still builds. */
function demote(file: VFile): VFile {
  for (const m of file.messages) m.fatal = false;
  return file;
}

/** A manifest written one anchor a line, as content/<doc>/anchors.json is. */
function formatManifest(m: AnchorManifest): string {
  return `{\n  "slug": ${JSON.stringify(m.slug)},\n  "anchors": [\n${m.anchors.map((a) => `    ${JSON.stringify(a)}`).join(',\n')}\n  ]\n}\n`;
}

/** One folder of versions/, as read: `versions/<date>/`. */
export interface VersionFolder {
  /** The folder's name (the version's date). */
  name: string;
  /** The folder's path, for messages. */
  dir: string;
  yaml?: TextFile;
  source?: SourceFile;
  /** The version's published anchors; absent before its first publication. */
  anchors?: TextFile;
  /** Where anchors.json goes. */
  anchorsPath: string;
}

/** A document's versions/ folder and correspondence.yaml, as read. */
export interface VersionsInput {
  folders: VersionFolder[];
  correspondence?: TextFile;
}

/** Record or check a version's anchors: a published version's addresses never change. */
function checkVersionAnchors(
  folder: VersionFolder,
  slug: string,
  tree: Document,
  file: VFile,
  manifests: TextFile[],
): boolean {
  const path = folder.anchorsPath;
  const current = anchorManifest(slug, tree);
  if (!folder.anchors) {
    manifests.push({ path, text: formatManifest(current) });
    return true;
  }
  const published = JSON.parse(folder.anchors.text) as AnchorManifest;
  const diff = compareManifests(published, current, []);
  for (const eId of diff.removed) {
    report(
      file,
      `Unexpected loss of published anchor ${eId} in ${path}, expected every anchor of a published version to remain`,
      { ruleId: 'version-anchor', fatal: true },
    );
  }
  if (diff.added.length > 0)
    manifests.push({
      path,
      text: formatManifest({
        slug,
        anchors: [...published.anchors, ...current.anchors.filter((a) => diff.added.includes(a.eId))],
      }),
    });
  return diff.removed.length === 0;
}

/** Read one earlier version; undefined (with messages on `files`) when it cannot be published. */
function readVersion(
  folder: VersionFolder,
  slug: string,
  current: VersionInfo,
  files: VFile[],
  manifests: TextFile[],
  strict = false,
): EarlierVersion | undefined {
  const { name, yaml, source } = folder;
  if (!yaml || !source) {
    const file = new VFile({ path: folder.dir });
    report(
      file,
      `Unexpected version folder without ${yaml ? 'source.txt' : 'version.yaml'}, expected source.txt and version.yaml; version left out`,
      { ruleId: 'version-files', fatal: false },
    );
    files.push(file);
    return undefined;
  }
  const sourcePath = source.path;
  const { value: info, file, placeOf } = loadYaml(versionSchema, yaml.text, yaml.path, 'version');
  files.push(demote(file));
  if (!info) return undefined;
  if (info.date !== name) {
    report(
      file,
      `Unexpected date ${info.date} in the folder ${name}, expected the folder to be named by its version's date`,
      { place: placeOf(['date']), ruleId: 'version-date', fatal: false },
    );
    return undefined;
  }
  if (info.date >= current.date) {
    const what = info.date === current.date ? 'the same date as' : 'a date after';
    report(
      file,
      `Unexpected version date ${info.date}: ${what} the current version (${current.date}), expected an earlier date; version left out`,
      { place: placeOf(['date']), ruleId: 'version-order', fatal: false },
    );
    return undefined;
  }
  const decoded = decodeText(source.bytes);
  if (!decoded.ok) {
    report(file, `Unexpected ${sourcePath}: ${decoded.reason}; version ${name} left out`, {
      place: placeOf(['date']),
      ruleId: 'version-parse',
      fatal: false,
    });
    return undefined;
  }
  // Source defects are warnings, as for the current text, unless the document is strict.
  const parsed = parseRegulation(decoded.text, sourcePath, { strict });
  files.push(parsed.file);
  if (!parsed.ok) {
    demote(parsed.file);
    report(
      file,
      `Unexpected errors in ${sourcePath}, expected a text that parses; version ${name} left out`,
      { place: placeOf(['date']), ruleId: 'version-parse', fatal: false },
    );
    return undefined;
  }
  const tree = toDisplayTree(parsed.tree);
  if (!checkVersionAnchors(folder, slug, tree, parsed.file, manifests)) return undefined;
  return { ...info, tree, stats: treeStats(parsed.tree) };
}

/** Overrides for one pair of versions, each checked against both texts. */
function overridesFor(
  correspondence: TextFile | undefined,
  from: EarlierVersion | { tree: Document; date: string },
  to: { tree: Document; date: string },
  files: VFile[],
): PairOverride[] {
  if (!correspondence) return [];
  const { path } = correspondence;
  const { value, file, placeOf } = loadYaml(
    correspondenceSchema,
    correspondence.text,
    path,
    'correspondence',
  );
  if (!files.some((f) => f.path === path)) files.push(demote(file));
  const ids = (tree: Document) => new Set(articlePlaces(tree).map((p) => p.article.eId));
  const before = ids(from.tree);
  const after = ids(to.tree);
  const out: PairOverride[] = [];
  (value?.overrides ?? []).forEach((o, k) => {
    if (o.from !== from.date || o.to !== to.date) return;
    const missing = [
      ...(before.has(o.old) ? [] : [{ eId: o.old, at: ['overrides', k, 'old'], date: o.from }]),
      ...o.new.flatMap((e, n) =>
        after.has(e) ? [] : [{ eId: e, at: ['overrides', k, 'new', n], date: o.to }],
      ),
    ];
    for (const x of missing) {
      report(
        file,
        `Unexpected ${x.eId}: no such article in the version of ${x.date}, expected an article of that version; override ignored`,
        { place: placeOf(x.at), ruleId: 'correspondence-target', fatal: false },
      );
    }
    if (missing.length === 0) out.push({ old: o.old, new: o.new });
  });
  return out;
}

/** Overrides whose dates name no pair of consecutive versions. */
function checkOverridePairs(correspondence: TextFile | undefined, dates: string[], files: VFile[]): void {
  if (!correspondence) return;
  const { path } = correspondence;
  const file = files.find((f) => f.path === path);
  if (!file) return;
  const { value, placeOf } = loadYaml(correspondenceSchema, String(file.value), path, 'correspondence');
  (value?.overrides ?? []).forEach((o, k) => {
    const i = dates.indexOf(o.from);
    if (i < 0 || dates[i + 1] !== o.to) {
      report(
        file,
        `Unexpected versions ${o.from} → ${o.to}, expected two consecutive versions of ${dates.join(', ')}`,
        { place: placeOf(['overrides', k, 'from']), ruleId: 'correspondence-versions', fatal: false },
      );
    }
  });
}

/** A document's versions, the files with messages, and the version manifests to write. */
export interface VersionsResult {
  versions?: Versions;
  files: VFile[];
  manifests: TextFile[];
}

/**
 * The versions of a document from its versions/ folder, as read; `metaPath` names meta.yaml in messages.
 * @example buildVersions(entry, { folders: [{ name: '2017-09-01', … }] }, 'content/x/meta.yaml').versions?.earlier[0]?.date // '2017-09-01'
 */
export function buildVersions(entry: DocumentEntry, input: VersionsInput, metaPath: string): VersionsResult {
  const files: VFile[] = [];
  const manifests: TextFile[] = [];
  const done = (versions?: Versions): VersionsResult => ({
    ...(versions && { versions }),
    files: files.filter((f) => f.messages.length > 0),
    manifests,
  });
  const metaFile = new VFile({ path: metaPath });
  files.push(metaFile);
  const current = currentVersion(entry);
  if (!current) {
    report(
      metaFile,
      'Missing version.date: expected the date of the current version (or dates.amended, adopted or issued) when versions/ holds earlier ones; versions left out',
      { ruleId: 'version-current', fatal: false },
    );
    return done();
  }
  const earlier: EarlierVersion[] = [];
  for (const folder of [...input.folders].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const v = readVersion(folder, entry.meta.slug, current, files, manifests, entry.meta.strict === true);
    if (v) earlier.push(v);
  }
  if (earlier.length === 0) return done();
  const chain = [...earlier, { ...current, tree: entry.tree }];
  const correspondences = chain.slice(1).map((to, i) => {
    const from = chain[i]!;
    return correspond(
      from.tree,
      to.tree,
      { from: from.date, to: to.date },
      overridesFor(input.correspondence, from, to, files),
    );
  });
  checkOverridePairs(
    input.correspondence,
    chain.map((v) => v.date),
    files,
  );
  return done({ current, earlier, correspondences });
}
