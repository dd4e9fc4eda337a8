/**
 * The import section of `npm run bench`: files per second by format (the five fixtures of one
 * regulation), and with `--corpus DIR` (a LawRefBook/Laws checkout) the share of files imported,
 * skipped and refused with their reasons, and how often the drafted title, type and date agree
 * with what the corpus records: its folder names give the type, its file names the title and
 * the date of the text.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { parse } from 'yaml';
import { importPaths, type Outcome } from '../../src/import/index.ts';

const FIXTURES = 'tests/import/fixtures/same-regulation';
const tempDir = () => mkdtempSync(join(tmpdir(), 'tiaowen-bench-import-'));
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)} %`);

/** Files per second for each format: each fixture imported `n` times into a fresh folder. */
async function byFormat(n = 20): Promise<void> {
  console.log('\n### Import: files per second by format\n');
  console.log('| format | file | size | files/s |\n|---|---|---|---|');
  for (const [format, ext] of [
    ['Word', 'docx'],
    ['web page (GBK)', 'html'],
    ['PDF', 'pdf'],
    ['Markdown', 'md'],
    ['text (GBK)', 'txt'],
  ]) {
    const file = join(FIXTURES, `regulation.${ext}`);
    await importPaths([file], { into: tempDir() }); // warm up the reader's modules
    const t = performance.now();
    for (let i = 0; i < n; i++) {
      const into = tempDir();
      await importPaths([file], { into });
      rmSync(into, { recursive: true, force: true });
    }
    const s = (performance.now() - t) / 1000;
    console.log(
      `| ${format} | regulation.${ext} | ${(readFileSync(file).length / 1024).toFixed(1)} KiB | ${(n / s).toFixed(1)} |`,
    );
  }
}

/** LawRefBook/Laws' folders → the type of the documents in them. */
function corpusType(rel: string): string | undefined {
  const top = rel.split(sep)[0]!;
  if (top === '宪法') return '宪法';
  if (
    ['宪法相关法', '民法典', '民法商法', '行政法', '经济法', '社会法', '刑法', '诉讼与非诉讼程序法'].includes(
      top,
    )
  )
    return '法律';
  if (top === '行政法规' || top === '司法解释' || top === '部门规章') return top;
  if (top === 'DLC' && rel.includes('地方性法规')) return '地方性法规';
  return undefined;
}

/** A reason without the file it names, to count reasons. */
const reasonKind = (r: string) =>
  r
    .replace(/same title and date as .*/, 'same title and date as another file: a duplicate')
    .replace(/only \d+ line/, 'only N line');

async function corpus(dir: string): Promise<void> {
  const into = tempDir();
  const t = performance.now();
  const { outcomes } = await importPaths([dir], { into, cwd: dir });
  const s = (performance.now() - t) / 1000;
  const md = outcomes.filter((o) => o.file.endsWith('.md'));
  const count = (k: Outcome['kind'], list = outcomes) => list.filter((o) => o.kind === k).length;
  console.log(`\n### Import of a corpus: ${dir}\n`);
  console.log(
    `${outcomes.length} files (${md.length} Markdown) in ${s.toFixed(1)} s: ${(outcomes.length / s).toFixed(1)} files/s.\n`,
  );
  console.log('| outcome | all files | Markdown files |\n|---|---|---|');
  for (const k of ['imported', 'version', 'skipped', 'refused'] as const) {
    console.log(
      `| ${k === 'version' ? 'older version recorded' : k} | ${count(k)} (${pct(count(k), outcomes.length)}) | ${count(k, md)} (${pct(count(k, md), md.length)}) |`,
    );
  }
  const reasons = new Map<string, number>();
  for (const o of outcomes)
    if (o.kind === 'skipped' || o.kind === 'refused') {
      const key = `${o.kind}: ${reasonKind(o.reason)}`;
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
  console.log('\n| why skipped or refused | files |\n|---|---|');
  for (const [r, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`| ${r} | ${n} |`);
  // Drafted metadata against the corpus's own record.
  let typed = 0,
    typeOk = 0,
    titled = 0,
    titleOk = 0,
    dated = 0,
    dateOk = 0,
    parsed = 0,
    parseOk = 0,
    headed = 0,
    headOk = 0;
  const typeMiss = new Map<string, number>();
  for (const o of outcomes) {
    if (o.kind !== 'imported') continue;
    parsed++;
    if (o.parseErrors === 0) parseOk++;
    const meta = parse(readFileSync(join(dir, o.folder, 'meta.yaml'), 'utf8')) as {
      title: string;
      docType: string;
      dates: Record<string, string>;
    };
    const rel = o.file;
    const expected = corpusType(rel);
    if (expected) {
      typed++;
      if (meta.docType === expected) typeOk++;
      else
        typeMiss.set(
          `${expected} → ${meta.docType}`,
          (typeMiss.get(`${expected} → ${meta.docType}`) ?? 0) + 1,
        );
    }
    const name = basename(rel, '.md');
    const m = /^(.*?)\((\d{4}-\d{2}-\d{2})\)$/.exec(name);
    const recordedTitle = m ? m[1]! : name;
    if (!/·/.test(meta.title)) {
      titled++;
      if (meta.title.replaceAll('中华人民共和国', '') === recordedTitle.replaceAll('中华人民共和国', ''))
        titleOk++;
    }
    const dates = meta.dates ?? {};
    if (m) {
      dated++;
      if (Object.values(dates).includes(m[2]!)) dateOk++;
    }
    // The header's date lines (LawRefBook writes 「2021年1月22日 …修订」 above <!-- INFO END -->).
    const original = join(dir, o.folder, 'original.md');
    if (existsSync(original)) {
      const text = readFileSync(original, 'utf8');
      const end = text.indexOf('<!-- INFO END -->');
      const iso = (x: RegExpExecArray) => `${x[1]}-${x[2]!.padStart(2, '0')}-${x[3]!.padStart(2, '0')}`;
      const header = (end < 0 ? '' : text.slice(0, end))
        .split('\n')
        .map((l) => [l, /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(l)] as const);
      // 「2022年4月9日 施行」 lines give the entry into force; 批准 (a province approving a city's
      // regulation) is not one of the dates meta.yaml records.
      const starts = header.filter(([l, x]) => x && /^\S+\s*施行\s*$/.test(l)).map(([, x]) => iso(x!));
      const texts = header
        .filter(([l, x]) => x && !/^\S+\s*施行\s*$/.test(l) && !/批准\s*$/.test(l))
        .map(([, x]) => iso(x!))
        .sort();
      if (texts.length + starts.length > 0) {
        headed++;
        const latest = [dates.adopted, dates.issued, dates.amended].filter(Boolean).sort().at(-1);
        if (
          (texts.length === 0 || latest === texts.at(-1)) &&
          (starts.length === 0 || dates.effective === starts.at(-1))
        )
          headOk++;
      }
    }
  }
  console.log('\n| drafted field | agrees with the corpus | compared on |\n|---|---|---|');
  console.log(
    `| title (file name; 中华人民共和国, which file names drop, aside) | ${pct(titleOk, titled)} | ${titled} documents |`,
  );
  console.log(`| type (the corpus folder) | ${pct(typeOk, typed)} | ${typed} documents in typed folders |`);
  console.log(
    `| dates (the header's latest adoption/amendment date and its 施行 date) | ${pct(headOk, headed)} | ${headed} documents with header dates |`,
  );
  console.log(
    `| date (the file name's date is one of the drafted dates) | ${pct(dateOk, dated)} | ${dated} documents with a dated file name |`,
  );
  console.log(
    `| text parses without an error (today's parser) | ${pct(parseOk, parsed)} | ${parsed} documents |`,
  );
  const misses = [...typeMiss].sort((a, b) => b[1] - a[1]).slice(0, 8);
  if (misses.length > 0)
    console.log(
      `\nType disagreements (corpus → drafted): ${misses.map(([k, n]) => `${k} ${n}`).join(', ')}.`,
    );
  rmSync(into, { recursive: true, force: true });
}

/** Run the import benchmarks. */
export async function benchImport(corpusDir?: string): Promise<void> {
  await byFormat();
  if (corpusDir) {
    if (!existsSync(corpusDir)) console.log(`\n--corpus ${corpusDir}: no such folder`);
    else await corpus(corpusDir);
  }
}
