/**
 * The content stage as a library: the files of a collection's documents in, the collection's
 * index, artefacts and messages out. No I/O: scripts/build-content.ts reads the folders
 * (scripts/lib/content-files.ts) and writes what this returns.
 *
 * A document's artefact is reused when its key is the one it had in the previous index. The
 * key covers everything the artefact is made from: the document's own files (source, meta,
 * glossary, aliases, anchors, every file of versions/), the code and the conversion overrides
 * (`own`), and what its citations resolve against: every document's title, 文号,
 * abbreviations, status, date, provisions and versions (the collection's KnownDocument list).
 * Renaming document A, or adding an article to it, thus rebuilds every document, since any of
 * them may cite A. What depends on the whole collection and is cheap (back-links, relations,
 * supersession) is computed again on every run and lives in the index, not in artefacts.
 */
import type { VFile } from 'vfile';
import { parseRegulation, toDisplayTree, treeStats, unaccounted } from '../parser/index.ts';
import { decodeText } from '../text/decode.ts';
import type { SourceFile, TextFile } from '../text/files.ts';
import { loadMeta } from '../content/load-meta.ts';
import type { DocumentMeta } from '../content/meta-schema.ts';
import type { DocumentEntry } from '../data/collection.ts';
import type {
  BuildRecord,
  CollectionIndex,
  DocumentArtefact,
  DocumentSummary,
  IndexEntry,
  StoredKnown,
} from '../data/artefacts.ts';
import { report } from '../diagnostics/message.ts';
import { restoreMessages, storeMessages } from '../diagnostics/stored.ts';
import { findDefinitions, loadGlossary, type Term } from '../references/glossary.ts';
import { linkReferences, type FoundReference, type KnownDocument } from '../references/transform.ts';
import { backLinks, citedDocuments } from '../references/collection.ts';
import { provisionIds } from '../references/ids.ts';
import { applyRelations, knownOf } from '../collection/relations.ts';
import { buildVersions, type VersionsInput } from '../versions/build.ts';
import type { Versions } from '../versions/model.ts';
import type { Document } from '../parser/types.ts';
import { createConverter, parseOverrides } from '../variant/convert.ts';
import { checkAnchors } from './anchors.ts';
import { toTraditionalTree, type Convert } from '../variant/traditional-tree.ts';
import { hashOf } from './hash.ts';

export type { SourceFile, TextFile, VersionsInput };

/** A document folder's files, as read. */
export interface DocumentInput {
  /** The folder's name under the content folder. */
  folder: string;
  /** The folder's path: files the document lacks (glossary.yaml, aliases.yaml, anchors.json) are named from it. */
  dir: string;
  source: SourceFile;
  meta: TextFile;
  glossary?: TextFile;
  aliases?: TextFile;
  /** The published anchor manifest; absent before the first publication. */
  anchors?: TextFile;
  /** versions/ and correspondence.yaml, when the folder has versions/. */
  versions?: VersionsInput;
}

export interface BuildOptions {
  /** The conversion overrides file (conversion-overrides.yaml). */
  overrides: TextFile;
  /** A hash of the code that builds artefacts: a new version of it rebuilds every document. */
  codeVersion?: string;
  /** The index of the previous build, whose artefacts are reused when their key matches. */
  previous?: CollectionIndex;
  /** The folder of the artefacts, relative to the index's folder (`documents` unless given). */
  artefactDir?: string;
  /** How a path is shown in the build log (e.g. relative to the working folder). */
  showPath?: (path: string) => string;
}

/** A document built in this run. */
export interface BuiltDocument {
  /** Relative to the index's folder. */
  path: string;
  artefact: DocumentArtefact;
}

export interface BuildResult {
  /** False when any file has an error: the caller writes nothing but, unless a text failed to decode, the manifests. */
  ok: boolean;
  /** The collection: every document's entry without its trees, each naming its artefact. */
  index: CollectionIndex;
  /** Artefacts built in this run; the others are unchanged. */
  built: BuiltDocument[];
  /** Anchor manifests to write: first publication, anchors added (versions' manifests too). */
  manifests: TextFile[];
  /** Every file with messages, for formatMessages. */
  files: VFile[];
  /** The build log, in document order. */
  log: string[];
  /** Problems that concern no file's content (a source that cannot be decoded). */
  errors: string[];
}

const summaryLine = (path: string, s: DocumentEntry['stats'], missing: number) =>
  `${path}: ${s.chapters} chapters, ${s.sections} sections, ${s.articles} articles, ` +
  `${s.paragraphs} paragraphs, ${s.items} items, ${s.subitems} sub-items; ${s.dropped} lines kept aside; ` +
  `${missing} characters unaccounted for`;

/** A document's earlier versions as citations read them: dates and correspondences, no trees. */
const versionsForCitations = (v: Versions): Versions => ({
  ...v,
  earlier: v.earlier.map((e) => ({ ...e, tree: { type: 'document', children: [] } as unknown as Document })),
});

const toStored = (k: KnownDocument): StoredKnown => ({
  ...k,
  ...(k.versions && { versions: versionsForCitations(k.versions) }),
  eIds: [...(k.eIds ?? [])],
});
const fromStored = (k: StoredKnown): KnownDocument => ({ ...k, eIds: new Set(k.eIds) });

/** The hash of a document's own inputs (anchors and version manifests as given). */
function ownHash(shared: string, input: DocumentInput): string {
  const v = input.versions;
  const versionParts = (v?.folders ?? []).flatMap((f) => [
    f.name,
    f.dir,
    f.yaml?.path,
    f.yaml?.text,
    f.source?.path,
    f.source?.bytes,
    f.anchors?.text,
  ]);
  return hashOf(
    shared,
    input.folder,
    input.dir,
    input.source.path,
    input.source.bytes,
    input.meta.path,
    input.meta.text,
    input.glossary?.text,
    input.aliases?.text,
    input.anchors?.text,
    v ? 'versions' : undefined,
    v?.correspondence?.text,
    ...versionParts,
  );
}

/** The input as it will read after the manifests are written, for the key the next build will compute. */
function afterWrites(input: DocumentInput, manifests: TextFile[]): DocumentInput {
  const written = new Map(manifests.map((m) => [m.path, m.text]));
  const as = (path: string, old?: TextFile): TextFile | undefined =>
    written.has(path) ? { path: old?.path ?? path, text: written.get(path)! } : old;
  const anchorsPath = `${input.dir}/anchors.json`;
  return {
    ...input,
    ...(written.has(anchorsPath) && { anchors: as(anchorsPath, input.anchors) }),
    ...(input.versions && {
      versions: {
        ...input.versions,
        folders: input.versions.folders.map((f) =>
          written.has(f.anchorsPath) ? { ...f, anchors: as(f.anchorsPath, f.anchors) } : f,
        ),
      },
    }),
  };
}

/** What parsing a document gives, before its references are linked. */
interface Parsed {
  entry: DocumentEntry;
  file: VFile;
  files: VFile[];
  manifests: TextFile[];
  log: string[];
  known: KnownDocument;
}

/** Parse a document, check its glossary, versions and anchors: everything that needs no other document. */
function parseDocument(
  input: DocumentInput,
  meta: DocumentMeta,
  text: string,
  show: (p: string) => string,
): Parsed {
  // Source defects are warnings, unless the document asks for strict mode.
  const { tree, file } = parseRegulation(text, input.source.path, { strict: meta.strict === true });
  const files: VFile[] = [file];
  const manifests: TextFile[] = [];
  const display = toDisplayTree(tree);
  const stats = treeStats(tree);
  const log = [summaryLine(show(input.source.path), stats, unaccounted(tree, text).missing)];
  for (const d of tree.data.dropped)
    log.push(`  ${show(input.source.path)}:${d.line}  [${d.reason}] ${d.text.trim()}`);
  // The glossary is optional; the text's own definitions (本规则所称X，是指…) are added to it.
  const glossaryPath = input.glossary?.path ?? `${input.dir}/glossary.yaml`;
  let terms: Term[] = [];
  if (input.glossary) {
    const g = loadGlossary(input.glossary.text, input.glossary.path);
    files.push(g.file);
    terms = g.terms;
  }
  for (const t of findDefinitions(display)) if (!terms.some((x) => x.term === t.term)) terms.push(t);
  const entry: DocumentEntry = {
    folder: input.folder,
    meta,
    tree: display,
    stats,
    citations: [],
    backlinks: {},
    terms,
    aliases: [],
  };
  if (input.versions) {
    const v = buildVersions(entry, input.versions, input.meta.path);
    files.push(...v.files);
    manifests.push(...v.manifests);
    if (v.versions) entry.versions = v.versions;
  }
  const ids = new Set<string>();
  JSON.stringify(display, (k, v) => (k === 'eId' && ids.add(v), v));
  for (const t of terms) {
    const reason = `Unexpected glossary entry ${t.term} → ${t.defines} in ${glossaryPath}: no such provision`;
    if (!ids.has(t.defines)) report(file, reason, { ruleId: 'glossary-target', fatal: true });
  }
  // The anchor contract: published anchors may not disappear without an alias.
  const anchors = checkAnchors(
    meta.slug,
    display,
    `${input.dir}/anchors.json`,
    input.anchors,
    input.aliases,
    input.aliases?.path ?? `${input.dir}/aliases.yaml`,
  );
  files.push(...anchors.files);
  if (anchors.manifest) manifests.push({ path: `${input.dir}/anchors.json`, text: anchors.manifest });
  entry.aliases = anchors.aliases;
  const known: KnownDocument = { ...knownOf(entry), eIds: provisionIds(display), versions: entry.versions };
  return { entry, file, files, manifests, log, known };
}

/** A document read: its metadata (loaded every run) and what the previous build left of it. */
interface Item {
  input: DocumentInput;
  meta: DocumentMeta;
  text: string;
  own: string;
  before?: IndexEntry;
  parsed?: Parsed;
}

/**
 * Build a collection from its documents' files.
 * @example buildCollection([{ folder: 'x', dir: 'content/x', source, meta }], { overrides }).index.documents[0].meta.slug // 'x'
 */
export function buildCollection(inputs: DocumentInput[], options: BuildOptions): BuildResult {
  const files: VFile[] = [];
  const log: string[] = [];
  const errors: string[] = [];
  const manifests: TextFile[] = [];
  const show = options.showPath ?? ((p: string) => p);
  const artefactDir = options.artefactDir ?? 'documents';
  const empty: CollectionIndex = { format: 'tiaowen-collection', version: 3, documents: [] };
  const fail = (): BuildResult => ({
    ok: false,
    index: empty,
    built: [],
    manifests,
    files: files.filter((f) => f.messages.length > 0),
    log,
    errors,
  });

  const overrides = parseOverrides(options.overrides.text, options.overrides.path);
  if (!overrides.overrides) {
    files.push(overrides.file);
    return fail();
  }
  const convert: Convert = createConverter(overrides.overrides);
  const shared = hashOf(options.codeVersion ?? '', options.overrides.text);
  const previous = new Map((options.previous?.documents ?? []).map((d) => [d.folder, d]));

  // Metadata first: citations resolve against every document's title and 文号.
  const items: Item[] = [];
  const slugs = new Map<string, string>();
  for (const input of inputs) {
    const { meta, file: metaFile, placeOf } = loadMeta(input.meta.text, input.meta.path);
    files.push(metaFile);
    const decoded = decodeText(input.source.bytes);
    if (!decoded.ok) {
      errors.push(`${input.source.path}: cannot decode the file: ${decoded.reason}`);
      continue;
    }
    if (!meta) {
      // The text's own problems are still worth reporting.
      files.push(parseRegulation(decoded.text, input.source.path).file);
      continue;
    }
    const other = slugs.get(meta.slug);
    const reason = `Unexpected duplicate slug ${meta.slug}, first used by ${other}; expected a slug of its own`;
    if (other) report(metaFile, reason, { place: placeOf(['slug']), ruleId: 'meta-slug', fatal: true });
    slugs.set(meta.slug, input.meta.path);
    const own = ownHash(shared, input);
    const before = previous.get(input.folder);
    const path = `${artefactDir}/${meta.slug}.json`;
    items.push({
      input,
      meta,
      text: decoded.text,
      own,
      ...(before && before.build.own === own && before.artefact === path && { before }),
    });
  }
  if (errors.length > 0) return fail();

  // What citations resolve against: unchanged documents as the previous build knew them, the others parsed again.
  for (const item of items)
    if (!item.before) item.parsed = parseDocument(item.input, structuredClone(item.meta), item.text, show);
  const stored = items.map((item) => (item.parsed ? toStored(item.parsed.known) : item.before!.build.known));
  const known = stored.map(fromStored);
  const collectionHash = hashOf(JSON.stringify(stored));

  const entries: IndexEntry[] = [];
  const built: BuiltDocument[] = [];
  const references: Record<string, FoundReference[]> = {};
  items.forEach((item, i) => {
    const { input, meta } = item;
    const key = hashOf(item.own, collectionHash);
    const path = `${artefactDir}/${meta.slug}.json`;
    if (item.before && item.before.build.key === key) {
      // Unchanged: the artefact stays; its messages and log are reported again.
      const texts = new Map<string, string>([
        [input.source.path, item.text],
        ...[input.meta, input.glossary, input.aliases, input.anchors]
          .filter((f) => f !== undefined)
          .map((f) => [f.path, f.text] as const),
      ]);
      for (const f of input.versions?.folders ?? []) {
        if (f.yaml) texts.set(f.yaml.path, f.yaml.text);
        const decoded = f.source && decodeText(f.source.bytes);
        if (decoded?.ok) texts.set(f.source!.path, decoded.text);
      }
      if (input.versions?.correspondence)
        texts.set(input.versions.correspondence.path, input.versions.correspondence.text);
      files.push(...restoreMessages(item.before.build.messages, texts));
      log.push(...item.before.build.log);
      const { build, stats, citations, terms, aliases, titleHant, versioned } = item.before;
      references[meta.slug] = build.references;
      // The metadata as read this time: supersession rewrites the status of the index's copy.
      const summary: DocumentSummary = {
        folder: input.folder,
        meta: structuredClone(meta),
        stats,
        citations,
        backlinks: {},
        terms,
        aliases,
        ...(titleHant !== undefined && { titleHant }),
      };
      entries.push({ ...summary, artefact: path, ...(versioned && { versioned }), build });
      return;
    }
    const parsed = item.parsed ?? parseDocument(input, structuredClone(meta), item.text, show);
    const { entry, file } = parsed;
    const found = linkReferences(entry.tree, {
      file,
      self: {
        slug: meta.slug,
        title: meta.title,
        documentNumber: meta.documentNumber,
        supersedes: meta.supersedes,
      },
      collection: known,
      terms: entry.terms,
      strict: meta.strict,
    });
    entry.citations = citedDocuments(found);
    references[meta.slug] = found;
    files.push(...parsed.files);
    log.push(...parsed.log);
    manifests.push(...parsed.manifests);
    const treeHant = toTraditionalTree(entry.tree, convert);
    built.push({
      path,
      artefact: {
        key,
        tree: entry.tree,
        treeHant,
        ...(entry.versions && { versions: entry.versions }),
        references: found,
      },
    });
    // The next build reads the manifests as written: its keys are computed from them.
    const next =
      parsed.manifests.length > 0 ? ownHash(shared, afterWrites(input, parsed.manifests)) : item.own;
    const build: BuildRecord = {
      own: next,
      key: next === item.own ? key : hashOf(next, collectionHash),
      known: stored[i]!,
      references: found,
      // A manifest just recorded is not news the next time.
      messages: storeMessages(parsed.files)
        .map((f) => ({ ...f, messages: f.messages.filter((m) => m.ruleId !== 'anchors-recorded') }))
        .filter((f) => f.messages.length > 0),
      log: parsed.log,
    };
    const { folder, stats, citations, backlinks, terms, aliases } = entry;
    const summary: DocumentSummary = {
      folder,
      meta: entry.meta,
      stats,
      citations,
      backlinks,
      terms,
      aliases,
      titleHant: convert(meta.title),
    };
    entries.push({ ...summary, artefact: path, ...(entry.versions && { versioned: true as const }), build });
  });

  // Back-links and relations need every document's references: who cites what, across the collection.
  const links = backLinks(references);
  for (const e of entries) e.backlinks = links[e.meta.slug] ?? {};
  applyRelations(entries as unknown as DocumentEntry[]);
  const problems = files.filter((f) => f.messages.length > 0);
  const ok = errors.length === 0 && !problems.some((f) => f.messages.some((m) => m.fatal === true));
  return { ok, index: { ...empty, documents: entries }, built, manifests, files: problems, log, errors };
}
