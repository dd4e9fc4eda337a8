/**
 * Folders: every supported file recursively; what is not a regulation skipped with a reason;
 * two dated texts of one title become one document with the older recorded as a version.
 * Re-import: the slug and the anchor manifest stay, confirmed values stay, changes are reported.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importPaths, formatOutcome } from '../../src/import/index.ts';
import { FIXTURES, tempDir } from './helpers.ts';

describe('importing a folder', { timeout: 60_000 }, () => {
  it('skips a README, an index page and a how-to with reasons, and records the older of two dated texts as a version', async () => {
    const into = tempDir();
    const { outcomes, exitCode } = await importPaths([join(FIXTURES, 'folder')], { into, cwd: FIXTURES });
    expect(exitCode).toBe(0);
    const skipped = outcomes
      .filter((o) => o.kind === 'skipped')
      .map((o) => [o.file, o.kind === 'skipped' && o.reason]);
    expect(skipped).toEqual([
      ['folder/README.md', 'project documentation, not a regulation'],
      ['folder/地方性法规/_index.md', 'an index page of the collection, not a regulation'],
      [
        'folder/说明/如何办理借书证.md',
        expect.stringMatching(/^not a regulation: no line starts with 第X条/),
      ],
    ]);
    expect(readdirSync(into)).toEqual(['qing-he-shi-he-dao-guan-li-tiao-li']);
    const doc = join(into, 'qing-he-shi-he-dao-guan-li-tiao-li');
    expect(readFileSync(join(doc, 'source.txt'), 'utf8')).toContain('第三条 河道管理实行河长制。');
    expect(readFileSync(join(doc, 'original.md'), 'utf8')).toContain('2023年11月30日');
    const v = join(doc, 'versions', '2019-03-01');
    expect(readdirSync(v).sort()).toEqual(['original.md', 'source.txt', 'version.yaml']);
    expect(parse(readFileSync(join(v, 'version.yaml'), 'utf8'))).toMatchObject({
      date: '2019-03-01',
      event: '制定',
    });
    expect(readFileSync(join(v, 'source.txt'), 'utf8')).toContain('第三条 本条例自2019年5月1日起施行。');
    const report = outcomes.flatMap(formatOutcome).join('\n');
    expect(report).toContain(
      'older version recorded: 2019-03-01 (制定) from 青禾市河道管理条例(2019-03-01).md → versions/2019-03-01/',
    );
    expect(report).toMatch(
      /青禾市河道管理条例\(2019-03-01\)\.md → .*versions\/2019-03-01\/ \(制定\): an older version/,
    );
    const meta = parse(readFileSync(join(doc, 'meta.yaml'), 'utf8'));
    expect(meta.dates).toMatchObject({
      adopted: '2019-03-01',
      amended: '2023-11-30',
      effective: '2024-03-01',
    });
  });

  it('re-import keeps the slug, anchors.json and confirmed values, updates guessed ones and reports the changes', async () => {
    const src = tempDir();
    const into = tempDir();
    const file = join(src, '青禾市河道管理条例.md');
    cpSync(join(FIXTURES, 'folder', '地方性法规', '青禾市河道管理条例(2023-11-30).md'), file);
    await importPaths([file], { into });
    const doc = join(into, 'qing-he-shi-he-dao-guan-li-tiao-li');
    writeFileSync(join(doc, 'anchors.json'), '{"anchors":["art_1"]}\n');
    // A person confirms the type (deletes its comment) and renames the slug before publication.
    const meta = readFileSync(join(doc, 'meta.yaml'), 'utf8')
      .replace(/^docType: .*$/m, 'docType: 地方性法规')
      .replace(/^slug: .*$/m, 'slug: qinghe-rivers');
    writeFileSync(join(doc, 'meta.yaml'), meta);
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('2024年3月1日', '2024年4月1日')
        .replace('河道管理实行河长制。', '河道管理实行河长制和分级管理。'),
    );
    const { outcomes } = await importPaths([file], { into });
    const o = outcomes[0]!;
    expect(o.kind).toBe('imported');
    if (o.kind !== 'imported') return;
    expect(o.updated).toBe(true);
    expect(o.changed).toEqual([
      'source.txt: 2 lines added, 2 removed',
      'dates.effective: 2024-03-01 → 2024-04-01',
    ]);
    expect(readdirSync(into)).toEqual(['qing-he-shi-he-dao-guan-li-tiao-li']);
    expect(readFileSync(join(doc, 'anchors.json'), 'utf8')).toBe('{"anchors":["art_1"]}\n');
    const after = readFileSync(join(doc, 'meta.yaml'), 'utf8');
    expect(after).toMatch(/^slug: qinghe-rivers /m);
    expect(after).toMatch(/^docType: 地方性法规$/m);
    expect(after).toMatch(/^ {2}effective: 2024-04-01 +# guessed/m);
  });

  it('an older text imported later becomes a version of the document already there', async () => {
    const into = tempDir();
    const dir = join(FIXTURES, 'folder', '地方性法规');
    await importPaths([join(dir, '青禾市河道管理条例(2023-11-30).md')], { into });
    const { outcomes } = await importPaths([join(dir, '青禾市河道管理条例(2019-03-01).md')], { into });
    expect(outcomes.map((o) => o.kind)).toEqual(['version']);
    const doc = join(into, 'qing-he-shi-he-dao-guan-li-tiao-li');
    expect(readFileSync(join(doc, 'source.txt'), 'utf8')).toContain('河长制');
    expect(existsSync(join(doc, 'versions', '2019-03-01', 'source.txt'))).toBe(true);
  });
});
