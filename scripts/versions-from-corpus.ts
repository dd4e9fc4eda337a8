/**
 * Make multi-version documents from LawRefBook/Laws files (Markdown, one file per dated
 * version, `<title>(<YYYY-MM-DD>).md`) as content folders with versions/ (docs/versions.md):
 * the newest file is the current version, each older one an earlier version. Used to try the
 * versions feature on real texts; the corpus and its copies are never committed.
 *
 * Usage: node scripts/versions-from-corpus.ts --corpus /work/corpus --out content-real [--title 行政复议法 …]
 *   The default titles are 行政复议法, 立法法, 公司法. Then:
 *   npm run content -- --content content-real --out generated/real.json
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

function args(name: string): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => a === name && process.argv[i + 1] && out.push(process.argv[i + 1]!));
  return out;
}
const corpus = args('--corpus')[0] ?? '/work/corpus';
const outDir = args('--out')[0] ?? 'content-real';
const titles = args('--title').length > 0 ? args('--title') : ['行政复议法', '立法法', '公司法'];
/** ASCII slugs for the default titles; others get one from their position. */
const SLUGS: Record<string, string> = {
  行政复议法: 'administrative-reconsideration-law',
  立法法: 'legislation-law',
  公司法: 'company-law',
};

function walk(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (f.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The Markdown of the corpus as plain text, one provision a line: headings unmarked, comments and empty lines gone. */
function toSource(md: string): { text: string; title: string; notes: string[] } {
  const lines = md
    .replace(/\r/g, '')
    .split('\n')
    .map((l) => l.replace(/[\u200b\ufeff]/g, '').trim())
    .filter((l) => l && !l.startsWith('<!--'));
  const title = lines[0]!.replace(/^#\s*/, '');
  const body = lines.map((l) => l.replace(/^#+\s*/, '').replace(/\*\*/g, ''));
  const notes = body.slice(1).filter((l) => /^\d{4}年\d{1,2}月\d{1,2}日/.test(l));
  return { text: `${body.join('\n')}\n`, title, notes };
}

/** The event and amending act of a version, from the last of the notes under the title. */
function versionOf(notes: string[]): { event: string; amendingAct?: string } {
  const last = notes.at(-1) ?? '';
  const act = /(《[^》]*(?:》[^《》]*)*》)?(第[一二三四五六七八九十]+次)?(修正|修订|通过)/.exec(last);
  const event = act?.[3] === '修订' ? '修订' : act?.[3] === '修正' ? '修正' : '制定';
  const amendingAct = act?.[1] ? `根据${act[1]}${act[2] ?? ''}${act[3]}` : undefined;
  return { event, ...(amendingAct && event === '修正' && { amendingAct }) };
}

const yaml = (o: Record<string, string | undefined>) =>
  Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${/^[\d-]+$/.test(v!) ? v : JSON.stringify(v)}`)
    .join('\n') + '\n';

const files = walk(corpus);
mkdirSync(outDir, { recursive: true });
if (
  !existsSync(join(outDir, 'conversion-overrides.yaml')) &&
  existsSync('content/conversion-overrides.yaml')
) {
  cpSync('content/conversion-overrides.yaml', join(outDir, 'conversion-overrides.yaml'));
}
titles.forEach((title, n) => {
  const found = files
    .map((f) => ({ f, m: /^(.+)\((\d{4}-\d{2}-\d{2})\)\.md$/.exec(basename(f)) }))
    .filter((x) => x.m && x.m[1] === title)
    .map((x) => ({ file: x.f, date: x.m![2]! }))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (found.length < 2) {
    console.error(`${title}: ${found.length} file(s) in ${corpus}, expected two or more dated versions`);
    process.exitCode = 1;
    return;
  }
  const slug = SLUGS[title] ?? `document-${n + 1}`;
  const doc = join(outDir, slug);
  const current = found.at(-1)!;
  const src = toSource(readFileSync(current.file, 'utf8'));
  const v = versionOf(src.notes);
  const effective = /本法自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/.exec(src.text);
  const eff = effective
    ? `${effective[1]}-${effective[2]!.padStart(2, '0')}-${effective[3]!.padStart(2, '0')}`
    : undefined;
  mkdirSync(doc, { recursive: true });
  writeFileSync(join(doc, 'source.txt'), src.text);
  const npc = /全国人民代表大会第/.test(src.notes.at(-1) ?? '') && !/常务委员会/.test(src.notes.at(-1) ?? '');
  writeFileSync(
    join(doc, 'meta.yaml'),
    yaml({
      title: src.title,
      slug,
      authority: npc ? '全国人民代表大会' : '全国人民代表大会常务委员会',
      docType: '法律',
      jurisdiction: 'CN',
      status: 'in-force',
    }) +
      `dates: { adopted: ${current.date}${eff && eff >= current.date ? `, effective: ${eff}` : ''} }\n` +
      `version: { date: ${current.date}, event: ${v.event}${v.amendingAct ? `, amendingAct: ${JSON.stringify(v.amendingAct)}` : ''}${eff && eff >= current.date ? `, effective: ${eff}` : ''} }\n` +
      `source:\n  description: LawRefBook/Laws（${basename(current.file)}）\n  url: https://github.com/LawRefBook/Laws\n`,
  );
  for (const old of found.slice(0, -1)) {
    const o = toSource(readFileSync(old.file, 'utf8'));
    const ov = versionOf(o.notes);
    const dir = join(doc, 'versions', old.date);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'source.txt'), o.text);
    writeFileSync(
      join(dir, 'version.yaml'),
      yaml({ date: old.date, event: ov.event, amendingAct: ov.amendingAct }),
    );
  }
  console.log(
    `${doc}: current ${current.date}, earlier ${found
      .slice(0, -1)
      .map((x) => x.date)
      .join(', ')}`,
  );
});
