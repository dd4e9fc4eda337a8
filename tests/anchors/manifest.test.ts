/**
 * The anchor contract at build time: a published anchor that disappears fails the content
 * build unless an alias is recorded; editing one provision's text moves no anchor.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorManifest, compareManifests, type AnchorManifest } from '../../src/anchors/manifest.ts';
import { parseRegulation, toDisplayTree } from '../../src/parser/index.ts';

const seedDir = 'content/zibo-government-work-rules';
const seed = readFileSync(join(seedDir, 'source.txt'), 'utf8');
const manifestOf = (text: string) => anchorManifest('x', toDisplayTree(parseRegulation(text).tree));

describe('compareManifests', () => {
  const published = manifestOf(seed);
  // Article 46 loses its last paragraph.
  const edited = manifestOf(
    seed.replace(/\n市政府副秘书长、市政府法律顾问列席市政府全体会议。[^\n]*\n/, '\n'),
  );

  it('reports a removed anchor', () => {
    expect(compareManifests(published, edited, []).removed).toEqual(['art_46__para_3']);
  });

  it('accepts it with an alias to a live anchor, and not with one to nowhere', () => {
    const ok = compareManifests(published, edited, [{ from: 'art_46__para_3', to: 'art_46__para_2' }]);
    expect(ok.removed).toEqual([]);
    expect(ok.aliased).toEqual([{ from: 'art_46__para_3', to: 'art_46__para_2' }]);
    const bad = compareManifests(published, edited, [{ from: 'art_46__para_3', to: 'art_46__para_9' }]);
    expect(bad.removed).toEqual(['art_46__para_3']);
    expect(bad.brokenAliases).toHaveLength(1);
  });

  it('changes only the edited provision (and the units containing it) when one text changes', () => {
    const changed = manifestOf(seed.replace('四、市政府工作的准则是', '四、市政府工作的基本准则是'));
    const diff = compareManifests(published, changed, []);
    expect(diff).toMatchObject({ removed: [], added: [] });
    expect(diff.changed.sort()).toEqual(['art_4', 'art_4__para_1', 'chp_1']);
  });
});

describe('npm run content with a checked-in manifest', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  const build = () =>
    spawnSync(
      process.execPath,
      ['scripts/build-content.ts', '--content', join(dir, 'content'), '--out', join(dir, 'out.json')],
      { encoding: 'utf8' },
    );

  it('fails on a removed anchor, naming it and the fix, and passes once an alias is recorded', () => {
    dir = mkdtempSync(join(tmpdir(), 'tiaowen-anchors-'));
    cpSync('content', join(dir, 'content'), { recursive: true });
    const doc = join(dir, 'content', 'zibo-government-work-rules');
    const first = build();
    expect(first.status, first.stderr).toBe(0);
    const published = JSON.parse(readFileSync(join(doc, 'anchors.json'), 'utf8')) as AnchorManifest;
    expect(published.anchors.map((a) => a.eId)).toContain('art_46__para_3');

    writeFileSync(
      join(doc, 'source.txt'),
      seed.replace(/\n市政府副秘书长、市政府法律顾问列席市政府全体会议。[^\n]*\n/, '\n'),
    );
    const broken = build();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(
      /error Unexpected removal of published anchor art_46__para_3 \(第四十六条第三款\).* anchor-removed/,
    );
    expect(broken.stderr).toContain('- from: art_46__para_3');
    expect(broken.stderr).toContain('aliases.yaml');

    writeFileSync(
      join(doc, 'aliases.yaml'),
      'aliases:\n  - from: art_46__para_3\n    to: art_46__para_2\n    reason: paragraphs merged\n',
    );
    const fixed = build();
    expect(fixed.status, fixed.stderr).toBe(0);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(out.documents[0].aliases).toEqual([
      { from: 'art_46__para_3', to: 'art_46__para_2', reason: 'paragraphs merged' },
    ]);
  }, 60_000); // two content builds as child processes: slow on a busy machine
});
