/**
 * meta.yaml drafted from what the document itself says: title, document number (发文字号),
 * dates from the note lines (通过 / 公布 / 修正 / 修订 / 施行) and the commencement clause, the
 * issuing authority, the document type of the ten-type hierarchy of the Legislation Law
 * (宪法 … 规范性文件), the region and the status. Every value is a guess with its evidence,
 * written as a comment for a person to confirm.
 */
import { commencement, noteDates, type NoteDate } from './dates.ts';
import { regionOf } from './region.ts';
import { isProvisionLine, isTitleLine, trimLine } from './text-lines.ts';

export const DOC_TYPES = [
  '宪法',
  '法律',
  '行政法规',
  '监察法规',
  '地方性法规',
  '自治条例和单行条例',
  '部门规章',
  '地方政府规章',
  '司法解释',
  '规范性文件',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** A drafted value and why it was chosen. */
export interface Guess<T> {
  value: T;
  why: string;
}

export interface Draft {
  title: Guess<string>;
  documentNumber?: Guess<string>;
  authority: Guess<string>;
  docType: Guess<DocType>;
  jurisdiction: Guess<string>;
  status: Guess<'in-force' | 'repealed' | 'not-yet-in-force'>;
  dates: Partial<Record<'adopted' | 'issued' | 'effective' | 'amended' | 'repealed', Guess<string>>>;
  /** All dated events of the notes, oldest first (for versions). */
  events: NoteDate[];
}

const DOC_NUMBER =
  /([\u4e00-\u9fa5]{1,12}〔\d{4}〕\d+号|[\u4e00-\u9fa5]{1,12}[[［(（]\d{4}[\]］)）]\d+号|(?:中华人民共和国)?[\u4e00-\u9fa5]{1,20}令(?:第|〔\d{4}〕)[0-9一二三四五六七八九十百零〇]+号)/;

/** The issuing authority a note or the body names (an NPC session, the State Council, a ministry's 令). */
function findAuthority(notes: string[], lines: string[]): Guess<string> | undefined {
  const text = notes.join('\n');
  // The body that adopted the text as it stands: the last note naming a congress (a revision's).
  // A provincial congress's 批准 of a city's regulation does not make it the author.
  const congress = [...notes.filter((l) => !/批准/.test(l)).reverse(), ...notes.filter((l) => /批准/.test(l))]
    .map((l) =>
      /(?:[0-9〇零一二三四五六七八九十]日|^|[^\u4e00-\u9fa5])([\u4e00-\u9fa5]{0,12}?)第[一二三四五六七八九十]+届(全国)?人民代表大会(常务委员会)?/.exec(
        l,
      ),
    )
    .find((m) => m !== null);
  if (congress) {
    const where = congress[2] ? '全国' : congress[1]!;
    return {
      value: `${where}人民代表大会${congress[3] ?? ''}`,
      why: `from 「${congress[0].replace(/^[^\u4e00-\u9fa5]*\S?日/, '')}」`,
    };
  }
  for (const court of ['最高人民法院', '最高人民检察院', '国家监察委员会']) {
    if (text.includes(court)) {
      const both = text.includes('最高人民法院') && text.includes('最高人民检察院');
      return { value: both ? '最高人民法院、最高人民检察院' : court, why: `the notes name ${court}` };
    }
  }
  const order = /((?:中华人民共和国)?[\u4e00-\u9fa5]{2,20}?)令(?:第|〔)/.exec(text);
  if (order)
    return { value: order[1]!.replace(/^中华人民共和国(?=国务院)/, ''), why: `from 「${order[0]}」` };
  if (/国务院/.test(text)) return { value: '国务院', why: 'the notes name 国务院' };
  const org =
    /([\u4e00-\u9fa5]{2,24}?(人民政府|委员会|总局|部|厅|局|办公室|办公厅))(第[一二三四五六七八九十0-9]+次)?(常务|部务|局务|委务)?会议/.exec(
      text,
    );
  if (org) return { value: org[1]!, why: `from 「${org[0]}」` };
  // A signature above the date at the end of the body: 「淄博市人民政府\n2021年1月1日」.
  for (let i = lines.length - 1; i > Math.max(0, lines.length - 6); i--) {
    if (
      noteDates(`${lines[i]}发布`).length > 0 &&
      /^[\u4e00-\u9fa5、]{4,30}$/.test(trimLine(lines[i - 1] ?? ''))
    ) {
      const v = trimLine(lines[i - 1]!);
      if (/(政府|委员会|部|局|厅|院|办公室)$/.test(v)) return { value: v, why: 'the signature at the end' };
    }
  }
  return undefined;
}

/** The document type, from the title, the authority and the document number (立法法 hierarchy). */
function findType(
  title: string,
  authority: string | undefined,
  number: string | undefined,
  notes: string,
): Guess<DocType> {
  const a = authority ?? '';
  const g = (value: DocType, why: string): Guess<DocType> => ({ value, why });
  if (/宪法(修正案)?$|^中华人民共和国宪法/.test(title)) return g('宪法', 'the title');
  if (/国家监察委员会/.test(a)) return g('监察法规', `authority ${a}`);
  if (
    /最高人民(法院|检察院)/.test(a) ||
    /^最高人民(法院|检察院)/.test(title) ||
    /法释|高检发释字/.test(number ?? '')
  ) {
    return g('司法解释', authority ? `authority ${a}` : 'the title');
  }
  if (/自治条例|单行条例/.test(title)) return g('自治条例和单行条例', 'the title');
  if (/^全国人民代表大会/.test(a) || (!authority && /^中华人民共和国.*法$/.test(title)))
    return g('法律', authority ? `authority ${a}` : 'the title');
  if (/人民代表大会/.test(a))
    return /自治(州|县|旗)/.test(a) && /条例$/.test(title)
      ? g('自治条例和单行条例', `authority ${a}`)
      : g('地方性法规', `authority ${a}`);
  // A ministry's rules approved by 国务院 (国务院批准 … 部发布) were published as administrative regulations.
  if (/^国务院/.test(a) || /国务院令|国务院批准/.test(notes)) {
    const rules = /(条例|规定|办法|细则|规则)([（(][^）)]{1,6}[）)])?$/.test(title);
    return /国务院令|国务院批准|国务院第[一二三四五六七八九十0-9]+次常务会议/.test(notes) || rules
      ? g(
          '行政法规',
          `authority 国务院${/国务院令/.test(notes) ? ' and a 国务院令' : rules ? ' and a title of rules' : ''}`,
        )
      : g('规范性文件', 'a 国务院 document that is not a 国务院令');
  }
  if (/人民政府/.test(a))
    return /令/.test(number ?? notes)
      ? g('地方政府规章', `a 令 of ${a}`)
      : g('规范性文件', `authority ${a} without a 令`);
  if (/(部|委员会|总局|局|署|银行|办公厅)$/.test(a) && /令/.test(number ?? notes))
    return g('部门规章', `a 令 of ${a}`);
  if (!authority) {
    // Without notes, the title: locally only congresses make 条例; a 条例 naming no region is the State Council's.
    const region = regionOf(title);
    if (/条例([（(][^）)]{1,6}[）)])?$/.test(title))
      return region ? g('地方性法规', 'a 条例 naming a region') : g('行政法规', 'a 条例 naming no region');
    if (region && /人民代表大会/.test(title)) return g('地方性法规', 'a title naming a local congress');
  }
  return g('规范性文件', authority ? `authority ${a}` : 'no legislative authority named');
}

/**
 * Draft the metadata of a document from its lines.
 * @example draftMeta(['中华人民共和国行政处罚法', '1996年3月17日 第八届全国人民代表大会第四次会议通过', '第一条 …']).docType.value // '法律'
 */
export function draftMeta(
  lines: string[],
  hints: { title?: string; fallbackTitle: string; today?: string },
): Draft {
  const trimmed = lines.map(trimLine);
  const bodyAt = trimmed.findIndex((l) => isProvisionLine(l));
  const head = trimmed
    .slice(0, bodyAt < 0 ? Math.min(15, trimmed.length) : Math.min(bodyAt, 30))
    .filter(Boolean);
  const titleLine = head.find((l) => isTitleLine(l));
  const title: Guess<string> = hints.title
    ? { value: hints.title.replace(/^《|》$/g, ''), why: 'the title the file marks' }
    : titleLine
      ? { value: titleLine.replace(/^《|》$/g, ''), why: 'the first line that reads as a title' }
      : { value: hints.fallbackTitle, why: 'the file name: no title line found' };
  const notes = head.filter((l) => noteDates(l).length > 0 || DOC_NUMBER.test(l) || /^[（(]/.test(l));
  const numberLine = head.map((l) => DOC_NUMBER.exec(l)).find(Boolean);
  const events = notes.flatMap(noteDates);
  const dates: Draft['dates'] = {};
  const first = (e: NoteDate['event']) => events.find((x) => x.event === e);
  const last = (es: Array<NoteDate['event']>) => [...events].reverse().find((x) => es.includes(x.event));
  const put = (k: keyof Draft['dates'], d: NoteDate | undefined) =>
    d && (dates[k] = { value: d.date, why: `「${d.evidence}」` });
  put('adopted', first('adopted') ?? first('approved'));
  put('issued', last(['issued']));
  put('amended', last(['amended', 'revised']));
  put('effective', last(['effective']) ?? commencement(trimmed));
  put('repealed', last(['repealed']));
  const authority = findAuthority(notes, trimmed);
  const docType = findType(title.value, authority?.value, numberLine?.[1], notes.join('\n'));
  const national =
    /^(全国|国务院|最高人民|国家|中华人民共和国)/.test(authority?.value ?? '') ||
    ['宪法', '法律', '行政法规', '监察法规', '司法解释'].includes(docType.value);
  const region = national ? undefined : regionOf(`${authority?.value ?? ''} ${title.value}`);
  const jurisdiction: Guess<string> = region
    ? {
        value: region,
        why: `the region named in the ${authority && regionOf(authority.value) ? 'authority' : 'title'}`,
      }
    : { value: 'CN', why: national ? 'a national authority' : 'no region named: national assumed' };
  const today = hints.today ?? new Date().toISOString().slice(0, 10);
  const status: Draft['status'] = dates.repealed
    ? { value: 'repealed', why: `repealed ${dates.repealed.value}` }
    : dates.effective && dates.effective.value > today
      ? { value: 'not-yet-in-force', why: `in force from ${dates.effective.value}` }
      : { value: 'in-force', why: 'no repeal in the notes' };
  return {
    title,
    documentNumber: numberLine ? { value: numberLine[1]!, why: 'the notes' } : undefined,
    authority: authority ?? { value: '待确认', why: 'no authority found in the text: fill it in' },
    docType,
    jurisdiction,
    status,
    dates,
    events,
  };
}
