/**
 * Dates and events of the note lines under a title: 「2021年1月22日第十三届全国人民代表大会常务委员会
 * 第二十五次会议修订」, 「（2020年12月26日……通过　根据……修正）」, and the commencement clause
 * 「本法自2021年7月15日起施行」. Each date is paired with the event word that follows it.
 */
import { parseNumeral } from '../parser/numerals.ts';

export type DateEvent = 'adopted' | 'issued' | 'amended' | 'revised' | 'effective' | 'repealed' | 'approved';

export interface NoteDate {
  date: string; // YYYY-MM-DD
  event: DateEvent;
  /** The words the date was read from, for the guessed-field comment. */
  evidence: string;
}

const DIGIT = '〇一二三四五六七八九';
const DATE =
  /([0-9]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日/g;

function num(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{4}$/.test(s))
    return Number([...s].map((c) => (c === '零' ? 0 : DIGIT.indexOf(c))).join(''));
  return parseNumeral(s) ?? NaN;
}

/** The event a note names after a date, in drafting words (GB/T 9704 notes, NPC practice). */
function eventOf(words: string): DateEvent | undefined {
  // The verb that ends the clause names the event (「…会议通过的《…决定》修正」 is an amendment);
  // words inside a cited title (《关于修改…的决定》) are not the note's own.
  const own = words.replace(/《[^》]*》/g, '').replace(/[，,；;].*$/, '');
  const m = [...own.matchAll(/通过|公布|发布|印发|修正|修改|修订|施行|废止|批准/g)].at(-1);
  if (!m) return undefined;
  return (
    {
      通过: 'adopted',
      公布: 'issued',
      发布: 'issued',
      印发: 'issued',
      修正: 'amended',
      修改: 'amended',
      修订: 'revised',
      施行: 'effective',
      废止: 'repealed',
      批准: 'approved',
    } as const
  )[m[0] as '通过'];
}

/**
 * Every date of a note line with its event.
 * @example noteDates('1996年3月17日 第八届全国人民代表大会第四次会议通过')[0] // { date: '1996-03-17', event: 'adopted', … }
 */
export function noteDates(line: string): NoteDate[] {
  const out: NoteDate[] = [];
  const matches = [...line.matchAll(DATE)];
  matches.forEach((m, i) => {
    const [y, mo, d] = [num(m[1]!), num(m[2]!), num(m[3]!)];
    if (!(y > 1900 && y < 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return;
    const end = matches[i + 1]?.index ?? line.length;
    const words = line.slice(m.index! + m[0].length, end);
    const event = eventOf(words);
    if (!event) return;
    const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    out.push({ date, event, evidence: (m[0] + words).replace(/\s+/g, ' ').trim().slice(0, 60) });
  });
  return out;
}

/** The commencement date of the body: 「本法自2021年7月15日起施行」 (the last such clause). */
export function commencement(lines: string[]): NoteDate | undefined {
  let found: NoteDate | undefined;
  for (const l of lines) {
    const m = /自\s*((?:[0-9]{4}|[〇零一二三四五六七八九]{4})\s*年[^日]{1,8}日)\s*起?(?:施行|生效|实施)/.exec(
      l,
    );
    if (!m) continue;
    const d = noteDates(`${m[1]}施行`)[0];
    if (d) found = { ...d, evidence: m[0] };
  }
  return found;
}
