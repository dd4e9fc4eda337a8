/**
 * The versions build stage on the fixture document (tests/fixtures/versions/site/) and on
 * broken copies of it: positioned diagnostics, and the other versions still build.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRegulation, toDisplayTree, treeStats } from '../../src/parser/index.ts';
import { loadMeta } from '../../src/content/load-meta.ts';
import type { DocumentEntry } from '../../src/data/collection.ts';
import { buildVersions } from '../../src/versions/build.ts';
import { readVersions } from '../../scripts/lib/content-files.ts';

const FIXTURE = 'tests/fixtures/versions/site/example-review-law';
let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A content folder holding a copy of the fixture document, changed by `edit`. */
function content(edit: (doc: string) => void = () => {}): { dir: string; doc: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tiaowen-versions-'));
  dirs.push(dir);
  const doc = join(dir, 'example-review-law');
  cpSync(FIXTURE, doc, { recursive: true });
  edit(doc);
  return { dir, doc };
}

function entry(doc: string): DocumentEntry {
  const { meta } = loadMeta(readFileSync(join(doc, 'meta.yaml'), 'utf8'), join(doc, 'meta.yaml'));
  const { tree } = parseRegulation(readFileSync(join(doc, 'source.txt'), 'utf8'));
  return {
    folder: 'example-review-law',
    meta: meta!,
    tree: toDisplayTree(tree),
    stats: treeStats(tree),
    citations: [],
    backlinks: {},
    terms: [],
    aliases: [],
  };
}

/** What the content stage does for versions: read each document's versions/, build them, write the manifests. */
function addVersions(documents: DocumentEntry[], contentDir: string) {
  return documents.flatMap((entry) => {
    const doc = join(contentDir, entry.folder);
    const input = readVersions(doc);
    if (!input) return [];
    const { versions, files, manifests } = buildVersions(entry, input, join(doc, 'meta.yaml'));
    if (versions) entry.versions = versions;
    for (const m of manifests) writeFileSync(m.path, m.text);
    return files;
  });
}

const messages = (files: ReturnType<typeof addVersions>) =>
  files.flatMap((f) =>
    f.messages.map(
      (m) =>
        `${(m.file ?? '').replace(/^.*example-review-law\//, '')}:${m.line ?? 0}:${m.column ?? 0} ${m.ruleId} ${m.reason}`,
    ),
  );

describe('addVersions', () => {
  test('the fixture: one earlier version, its anchors recorded, the correspondence with its override', () => {
    const { dir, doc } = content();
    const e = entry(doc);
    expect(messages(addVersions([e], dir))).toEqual([]);
    expect(e.versions!.earlier.map((v) => [v.date, v.event])).toEqual([['2017-09-01', '修正']]);
    expect(e.versions!.current).toEqual({ date: '2023-09-01', event: '修订', effective: '2024-01-01' });
    const [c] = e.versions!.correspondences;
    expect(c!.pairs.find((p) => p.old === 'art_7')).toMatchObject({
      new: [],
      kind: 'removed',
      source: 'override',
    });
    expect(c!.pairs.find((p) => p.old === 'art_4')).toMatchObject({
      new: ['art_5'],
      kind: 'renumbered-amended',
    });
    const manifest = JSON.parse(readFileSync(join(doc, 'versions/2017-09-01/anchors.json'), 'utf8'));
    expect(manifest.anchors.map((a: { eId: string }) => a.eId)).toContain('art_7');
  });

  test('a published version losing an anchor is an error', () => {
    const { dir, doc } = content();
    addVersions([entry(doc)], dir);
    const src = join(doc, 'versions/2017-09-01/source.txt');
    writeFileSync(src, readFileSync(src, 'utf8').replace(/第九条.*\n/, ''));
    const files = addVersions([entry(doc)], dir);
    expect(
      files.some((f) =>
        f.messages.some((m) => m.fatal && m.ruleId === 'version-anchor' && m.reason.includes('art_9')),
      ),
    ).toBe(true);
  });

  test('a version with defects publishes with warnings; in strict mode it is left out, positioned, and the others still build', () => {
    const { dir, doc } = content((d) => {
      cpSync(join(d, 'versions/2017-09-01'), join(d, 'versions/2009-08-27'), { recursive: true });
      writeFileSync(join(d, 'versions/2009-08-27/version.yaml'), 'date: 2009-08-27\nevent: 修正\n');
      const src = join(d, 'versions/2017-09-01/source.txt');
      writeFileSync(src, readFileSync(src, 'utf8').replace('第五条', '第十五条'));
    });
    const lenient = entry(doc);
    addVersions([lenient], dir);
    expect(lenient.versions!.earlier.map((v) => v.date)).toEqual(['2009-08-27', '2017-09-01']);
    const e = entry(doc);
    e.meta.strict = true;
    const files = addVersions([e], dir);
    const out = messages(files);
    expect(out.some((m) => /^versions\/2017-09-01\/source\.txt:\d+:\d+ article-number/.test(m))).toBe(true);
    expect(out).toContain(
      'versions/2017-09-01/version.yaml:1:7 version-parse Unexpected errors in ' +
        join(doc, 'versions/2017-09-01/source.txt') +
        ', expected a text that parses; version 2017-09-01 left out',
    );
    expect(files.every((f) => f.messages.every((m) => !m.fatal))).toBe(true);
    expect(e.versions!.earlier.map((v) => v.date)).toEqual(['2009-08-27']);
    expect(e.versions!.correspondences.map((c) => `${c.from}→${c.to}`)).toEqual(['2009-08-27→2023-09-01']);
  });

  test('dates that collide or run out of order, a folder misnamed, metadata that fails the schema', () => {
    const { dir, doc } = content((d) => {
      mkdirSync(join(d, 'versions/2023-09-01'));
      cpSync(join(d, 'versions/2017-09-01/source.txt'), join(d, 'versions/2023-09-01/source.txt'));
      writeFileSync(join(d, 'versions/2023-09-01/version.yaml'), 'date: 2023-09-01\nevent: 修正\n');
      mkdirSync(join(d, 'versions/2025-01-01'));
      cpSync(join(d, 'versions/2017-09-01/source.txt'), join(d, 'versions/2025-01-01/source.txt'));
      writeFileSync(join(d, 'versions/2025-01-01/version.yaml'), 'date: 2025-01-01\nevent: 修正\n');
      mkdirSync(join(d, 'versions/2009-08-27'));
      cpSync(join(d, 'versions/2017-09-01/source.txt'), join(d, 'versions/2009-08-27/source.txt'));
      writeFileSync(join(d, 'versions/2009-08-27/version.yaml'), 'date: 2009-08-28\nevent: 修改\n');
    });
    const e = entry(doc);
    const out = messages(addVersions([e], dir));
    expect(out).toContain(
      'versions/2023-09-01/version.yaml:1:7 version-order Unexpected version date 2023-09-01: the same date as the current version (2023-09-01), expected an earlier date; version left out',
    );
    expect(out).toContain(
      'versions/2025-01-01/version.yaml:1:7 version-order Unexpected version date 2025-01-01: a date after the current version (2023-09-01), expected an earlier date; version left out',
    );
    expect(
      out.find((m) =>
        m.startsWith('versions/2009-08-27/version.yaml:2:8 version-schema Unexpected value for event'),
      ),
    ).toBeDefined();
    expect(e.versions!.earlier.map((v) => v.date)).toEqual(['2017-09-01']);
  });

  test('an override naming an article that does not exist is reported where it stands and ignored', () => {
    const { dir, doc } = content((d) =>
      writeFileSync(
        join(d, 'correspondence.yaml'),
        'overrides:\n  - from: 2017-09-01\n    to: 2023-09-01\n    old: art_4\n    new: [art_5, art_95]\n  - from: 2016-01-01\n    to: 2023-09-01\n    old: art_1\n    new: [art_1]\n',
      ),
    );
    const e = entry(doc);
    const out = messages(addVersions([e], dir));
    expect(out).toContain(
      'correspondence.yaml:5:18 correspondence-target Unexpected art_95: no such article in the version of 2023-09-01, expected an article of that version; override ignored',
    );
    expect(out).toContain(
      'correspondence.yaml:6:11 correspondence-versions Unexpected versions 2016-01-01 → 2023-09-01, expected two consecutive versions of 2017-09-01, 2023-09-01',
    );
    expect(e.versions!.correspondences[0]!.pairs.find((p) => p.old === 'art_4')!.source).toBe('computed');
  });

  test('a document without versions/ is left alone', () => {
    const { dir, doc } = content((d) => rmSync(join(d, 'versions'), { recursive: true }));
    const e = entry(doc);
    expect(addVersions([e], dir)).toEqual([]);
    expect(e.versions).toBeUndefined();
    expect(existsSync(join(doc, 'versions'))).toBe(false);
  });
});
