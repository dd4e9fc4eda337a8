/**
 * LawRefBook/Laws Markdown → documents: the text converted simply (`#`, `**` and HTML comments
 * removed) and the metadata its folders and header lines give (type from the folder, dates,
 * 文号 and authority from lines such as “2014年11月24日 中华人民共和国国务院令第656号公布” or
 * “2018年11月29日 广东省第十三届人民代表大会常务委员会第七次会议通过”).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regionCode } from '../../src/collection/regions.ts';

export interface Imported {
  /** Path below the corpus root. */
  path: string;
  title: string;
  text: string;
  docType: string;
  authority?: string;
  documentNumber?: string;
  jurisdiction: string;
  dates: { adopted?: string; issued?: string; effective?: string; amended?: string };
}

/** The corpus's folders → document type. */
function docTypeOf(path: string): string {
  const top = path.split('/')[0]!;
  if (top === '宪法') return '宪法';
  if (top === '行政法规' || top === '部门规章' || top === '司法解释') return top;
  if (top === '地方性法规' || top === 'DLC') return '地方性法规';
  if (top === '其他') return '其他';
  return '法律';
}

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** Metadata from the header lines before <!-- INFO END -->. */
function header(lines: string[]): Pick<Imported, 'authority' | 'documentNumber' | 'dates'> {
  const out: Pick<Imported, 'authority' | 'documentNumber' | 'dates'> = { dates: {} };
  for (const line of lines) {
    const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/.exec(line.trim());
    if (!m) continue;
    const date = iso(m[1]!, m[2]!, m[3]!);
    const rest = m[4]!;
    if (/修正|修订|修改/.test(rest)) {
      // An amendment names the amending act, not the document's issuer.
      out.dates.amended = date;
      continue;
    }
    if (/通过/.test(rest)) out.dates.adopted ??= date;
    else if (/公布|发布/.test(rest)) out.dates.issued ??= date;
    if (/施行/.test(rest)) out.dates.effective ??= date;
    const number = /((?:中华人民共和国)?[\u4e00-\u9fff]{1,20}令第[0-9]+号)/.exec(rest);
    if (number) out.documentNumber ??= number[1];
    const body =
      /^(?:经)?(.+?)(?:第[一二三四五六七八九十]+届)?(?:[\u4e00-\u9fff]*委员会)?第[一二三四五六七八九十百]+次/.exec(
        rest,
      );
    const issuer =
      /^(.+?)令第/.exec(rest)?.[1] ??
      body?.[0].replace(/第[一二三四五六七八九十]+届/, '').replace(/第[一二三四五六七八九十百]+次$/, '');
    if (issuer && !out.authority) out.authority = issuer.replace(/^中华人民共和国/, '').trim();
  }
  return out;
}

/** The province a local document belongs to, from its title (广东省… → CN-GD). */
function jurisdictionOf(title: string, docType: string): string {
  if (docType !== '地方性法规') return 'CN';
  const m = /^(.{2,8}?(?:省|市|自治区))/.exec(title);
  return (m && regionCode(m[1]!)) ?? (m && regionCode(m[1]!.replace(/(省|市|自治区)$/, ''))) ?? 'CN';
}

/**
 * Every document of a LawRefBook/Laws checkout, in path order.
 * @example importCorpus('/path/to/Laws').length // 3423 at commit 2f4c5c2
 */
export function importCorpus(root: string): Imported[] {
  const out: Imported[] = [];
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter(
      (f) =>
        f.endsWith('.md') &&
        !/(^|\/)(_index|README|法律法规模版)\.md$/.test(f) &&
        !f.startsWith('scripts/') &&
        !f.startsWith('案例/'),
    )
    .sort();
  for (const f of files) {
    const md = readFileSync(join(root, f), 'utf8');
    const title = /^# (.+)$/m.exec(md)?.[1]?.trim();
    if (!title) continue;
    const [head = ''] = md.split('<!-- INFO END -->');
    const text = md
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/^#+\s*/gm, '')
      .replace(/\*\*/g, '');
    const docType = docTypeOf(f);
    out.push({
      path: f,
      title,
      text,
      docType,
      jurisdiction: jurisdictionOf(title, docType),
      ...header(head.split('\n').slice(1)),
    });
  }
  return out;
}
