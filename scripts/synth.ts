/**
 * Synthetic regulations for scale tests: realistic structure (both numbering styles, chapters,
 * sections, items, sub-items, 之一 articles, internal references and citations of one another),
 * with sentences drawn from the seed document's own text so the search index sees real
 * Chinese. Deterministic for a given seed number.
 *
 *   node scripts/synth.ts --count 100 --out /tmp/corpus-100 [--seed 1]
 *
 * Writes <out>/content/<slug>/{source.txt,meta.yaml} for each document.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toChineseNumeral } from '../src/parser/numerals.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seedText = readFileSync('content/zibo-government-work-rules/source.txt', 'utf8');
// Sentences of the seed's body, without labels and references, as raw material.
const sentences = seedText
  .split('\n')
  .slice(16, 350)
  .map((l) => l.replace(/^([一二三四五六七八九十百]+、|\(([一二三四五六七八九十]+)\))/, '').trim())
  .flatMap((l) => l.split(/(?<=[。；])/))
  .map((s) => s.replace(/[《》]/g, '').trim())
  .filter((s) => s.length >= 8 && s.length <= 120 && !/[:：]$/.test(s) && !/^第.{1,4}[章节条]/.test(s));

const CITIES = [
  '淄博',
  '济南',
  '青岛',
  '烟台',
  '潍坊',
  '临沂',
  '济宁',
  '泰安',
  '威海',
  '日照',
  '滨州',
  '德州',
  '聊城',
  '菏泽',
  '枣庄',
  '东营',
];
const SUBJECTS = [
  '城市管理',
  '政务公开',
  '行政执法',
  '应急管理',
  '公共资源交易',
  '政府采购',
  '档案管理',
  '统计工作',
  '信访工作',
  '安全生产',
  '公文处理',
  '会议管理',
  '督查督办',
  '财政资金',
  '国有资产',
  '重大行政决策',
];
const TYPES = ['办法', '规定', '条例', '规则', '细则'];

export interface SynthDoc {
  slug: string;
  title: string;
  text: string;
}

/** Generate one document. */
export function synthDocument(i: number, count: number, random: () => number): SynthDoc {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const city = CITIES[i % CITIES.length]!;
  const subject = SUBJECTS[Math.floor(i / CITIES.length) % SUBJECTS.length]!;
  const type = TYPES[i % TYPES.length]!;
  const title = `${city}市${subject}${type}${i >= CITIES.length * SUBJECTS.length ? `（第${toChineseNumeral(Math.floor(i / (CITIES.length * SUBJECTS.length)) + 1)}版）` : ''}`;
  const dun = i % 4 === 3; // a quarter numbered 一、二、…
  const self = `本${type}`;
  const lines: string[] = [
    title,
    '',
    `（${2010 + (i % 15)}年${(i % 12) + 1}月${(i % 27) + 1}日${city}市人民政府第${(i % 90) + 1}次常务会议通过）`,
    '',
  ];
  const chapters = 1 + Math.floor(random() * 10);
  let art = 0;
  const articleLabel = (n: number) => (dun ? `${toChineseNumeral(n)}、` : `第${toChineseNumeral(n)}条　`);
  for (let c = 1; c <= chapters; c++) {
    lines.push(
      `第${toChineseNumeral(c)}章　${c === 1 ? '总　　则' : c === chapters && chapters > 1 ? '附　　则' : pick(SUBJECTS)}`,
      '',
    );
    const sections = !dun && random() < 0.2 ? 2 + Math.floor(random() * 3) : 0;
    for (let s = 0; s <= sections; s++) {
      if (sections > 0 && s === 0) continue;
      if (sections > 0) lines.push(`第${toChineseNumeral(s)}节　${pick(SUBJECTS)}`, '');
      const articles = 2 + Math.floor(random() * 12);
      for (let a = 0; a < articles; a++) {
        art++;
        let first = pick(sentences);
        // References: to an earlier article of this document, or to another document's article.
        if (art > 2 && random() < 0.15)
          first = `依照${self}第${toChineseNumeral(1 + Math.floor(random() * (art - 1)))}条的规定，${first}`;
        if (random() < 0.05 && count > 1) {
          const other = (i + 1 + Math.floor(random() * (count - 1))) % count;
          first = `按照《${synthTitle(other)}》的规定，${first}`;
        }
        const withItems = random() < 0.25;
        lines.push(`${articleLabel(art)}${withItems ? first.replace(/[。；]$/, '') + '：' : first}`, '');
        if (withItems) {
          const items = 2 + Math.floor(random() * 6);
          for (let k = 1; k <= items; k++) {
            lines.push(
              `${dun ? `(${toChineseNumeral(k)})` : `（${toChineseNumeral(k)}）`}${pick(sentences).replace(/[。；]$/, '')}${k === items ? '。' : '；'}`,
              '',
            );
            if (!dun && random() < 0.08) {
              for (let m = 1; m <= 2; m++) lines.push(`${m}.${pick(sentences).replace(/[。；]$/, '')}；`, '');
            }
          }
        }
        const extra = Math.floor(random() * 3);
        for (let p = 0; p < extra; p++)
          lines.push(p === 0 && random() < 0.2 ? `前款规定的事项，${pick(sentences)}` : pick(sentences), '');
        if (!dun && random() < 0.02) {
          lines.push(`第${toChineseNumeral(art)}条之一　${pick(sentences)}`, '');
        }
      }
    }
  }
  art++;
  lines.push(`${articleLabel(art)}${self}自${2011 + (i % 14)}年1月1日起施行。`);
  return { slug: `doc-${String(i).padStart(4, '0')}`, title, text: lines.join('\n') + '\n' };
}

/** The title document `i` gets (the generator's naming, without generating the text). */
export function synthTitle(i: number): string {
  const city = CITIES[i % CITIES.length]!;
  const subject = SUBJECTS[Math.floor(i / CITIES.length) % SUBJECTS.length]!;
  const type = TYPES[i % TYPES.length]!;
  return `${city}市${subject}${type}${i >= CITIES.length * SUBJECTS.length ? `（第${toChineseNumeral(Math.floor(i / (CITIES.length * SUBJECTS.length)) + 1)}版）` : ''}`;
}

/** Who issues a synthetic document, by kind, in rough proportion to a real statute book. */
const ISSUERS: Array<{
  type: string;
  authority: (city: string) => string;
  region: (i: number) => string;
  weight: number;
}> = [
  { type: '法律', authority: () => '全国人民代表大会常务委员会', region: () => 'CN', weight: 1 },
  { type: '行政法规', authority: () => '国务院', region: () => 'CN', weight: 2 },
  { type: '部门规章', authority: () => '', region: () => 'CN', weight: 2 },
  { type: '地方性法规', authority: () => '', region: (i) => PROVINCES[i % PROVINCES.length]![0], weight: 4 },
  { type: '地方政府规章', authority: (city) => `${city}市人民政府`, region: () => 'CN-SD', weight: 4 },
  { type: '司法解释', authority: () => '', region: () => 'CN', weight: 1 },
  { type: '规范性文件', authority: (city) => `${city}市人民政府办公室`, region: () => 'CN-SD', weight: 6 },
];
const PROVINCES: Array<[string, string]> = [
  ['CN-SD', '山东省'],
  ['CN-SH', '上海市'],
  ['CN-GD', '广东省'],
  ['CN-ZJ', '浙江省'],
  ['CN-BJ', '北京市'],
  ['CN-HA', '河南省'],
  ['CN-CQ', '重庆市'],
];
const MINISTRIES = ['财政部', '司法部', '生态环境部', '交通运输部', '国家市场监督管理总局', '应急管理部'];
const COURTS = ['最高人民法院', '最高人民检察院'];

/**
 * The metadata lines of synthetic document `i` (type, authority, region, number, status, dates),
 * deterministic and spread like a real collection so that facets have realistic values.
 */
export function synthMeta(i: number, title: string): string[] {
  const total = ISSUERS.reduce((n, x) => n + x.weight, 0);
  let slot = (i * 7) % total;
  const issuer = ISSUERS.find((x) => (slot -= x.weight) < 0)!;
  const city = title.slice(0, title.indexOf('市'));
  const region = issuer.region(i);
  const authority =
    issuer.type === '部门规章'
      ? MINISTRIES[i % MINISTRIES.length]!
      : issuer.type === '地方性法规'
        ? `${PROVINCES.find(([c]) => c === region)![1]}人民代表大会常务委员会`
        : issuer.type === '司法解释'
          ? COURTS[i % COURTS.length]!
          : issuer.authority(city);
  const year = 1995 + ((i * 13) % 31);
  const month = 1 + ((i * 5) % 12);
  const day = 1 + ((i * 11) % 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  const issued = `${year}-${pad(month)}-${pad(day)}`;
  const effective = `${year + (month === 12 ? 1 : 0)}-${pad((month % 12) + 1)}-01`;
  const status =
    i % 10 === 9 ? 'repealed' : i % 17 === 5 ? 'amended' : i % 41 === 3 ? 'not-yet-in-force' : 'in-force';
  const number =
    issuer.type === '规范性文件' || issuer.type === '地方政府规章'
      ? [`documentNumber: ${city[0]}政发〔${year}〕${1 + (i % 40)}号`]
      : [];
  return [
    `authority: ${authority}`,
    `docType: ${issuer.type}`,
    ...number,
    `jurisdiction: ${region}`,
    `status: ${status}`,
    `dates: { issued: ${issued}, effective: ${status === 'not-yet-in-force' ? '2031-01-01' : effective} }`,
  ];
}

/** Write `count` documents under `out/content/`. */
export function writeCorpus(out: string, count: number, seed = 1): { bytes: number } {
  const random = rng(seed);
  rmSync(out, { recursive: true, force: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const doc = synthDocument(i, count, random);
    const dir = join(out, 'content', doc.slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'source.txt'), doc.text);
    bytes += Buffer.byteLength(doc.text);
    const meta = [
      `title: ${doc.title}`,
      `slug: ${doc.slug}`,
      ...synthMeta(i, doc.title),
      'source:',
      '  description: 合成的测试文本（scripts/synth.ts）',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'meta.yaml'), meta);
  }
  writeFileSync(
    join(out, 'content', 'conversion-overrides.yaml'),
    readFileSync('content/conversion-overrides.yaml'),
  );
  return { bytes };
}

if (import.meta.main) {
  const count = Number(arg('--count', '100'));
  const out = arg('--out', `/tmp/tiaowen-corpus-${count}`);
  const { bytes } = writeCorpus(out, count, Number(arg('--seed', '1')));
  console.log(`${count} documents, ${(bytes / 1e6).toFixed(2)} MB → ${out}/content`);
}
