/**
 * The name index of a listing: its documents by the pinyin of their names, one static page per
 * initial letter (`…/names/x/`), grouped under the first syllable (xing: 行政处罚法,
 * 行政复议法 …), so that a reader without JavaScript finds a document by its name in a
 * collection of thousands: home → X → 行政处罚法. A book's index, as the printed 法律法规汇编
 * and legislation.gov.uk's A–Z of titles have it; the title box (title-find.ts) is the same
 * thing with JavaScript.
 *
 * A document is indexed under the name it is known by: its title without 中华人民共和国
 * (shortTitles in title-find.ts), so 中华人民共和国行政处罚法 is under X, not Z. The pinyin is
 * that of the simplified title in both scripts, so a letter's address is the same in both and
 * 行 reads xing in 行政 and hang in 银行 (pinyin-pro reads words, not characters). Build time only.
 */
import { pinyin } from 'pinyin-pro';
import type { ListedDocument } from './facets.ts';

/** The letters of the index, in order; names that start with no Han character or Latin letter are under OTHER. */
export const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
export const OTHER = 'other';

/** Where one document stands in the index. */
export interface NameEntry {
  /** The name it is indexed under, in simplified characters. */
  name: string;
  /** a–z, or OTHER. */
  letter: string;
  /** The first syllable's pinyin without tone (xing), or the first character when it has none. */
  syllable: string;
  /** Sort key: the whole name's pinyin, syllables separated by spaces. */
  key: string;
}

const entries = new Map<string, NameEntry>();

/**
 * The index entry of a (simplified) title.
 * @example nameEntry('中华人民共和国行政处罚法') // { name: '行政处罚法', letter: 'x', syllable: 'xing', key: 'xing zheng chu fa fa' }
 */
export function nameEntry(title: string): NameEntry {
  const hit = entries.get(title);
  if (hit) return hit;
  const stripped = title.replace(/^中华人民共和国/, '');
  const name = stripped.length >= 2 ? stripped : title;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).map(
    (s) => s.toLowerCase(),
  );
  const first = syllables[0] ?? '';
  const letter = /^[a-z]/.test(first) ? first[0]! : OTHER;
  const entry: NameEntry = {
    name,
    letter,
    syllable: letter === OTHER ? (name[0] ?? '') : first.replace(/[^a-z].*$/, ''),
    key: syllables.join(' '),
  };
  entries.set(title, entry);
  return entry;
}

/** One letter of a listing's index: its documents in pinyin order, grouped by first syllable. */
export interface IndexLetter {
  letter: string;
  count: number;
  groups: Array<{ syllable: string; docs: ListedDocument[] }>;
}

/**
 * The name index of some documents: the letters that have documents, in order (OTHER last).
 * `simplified` gives a document's simplified title (what its pinyin is read from).
 */
export function nameIndex(
  docs: readonly ListedDocument[],
  simplified: (slug: string) => string,
): IndexLetter[] {
  const sorted = docs
    .map((doc) => ({ doc, entry: nameEntry(simplified(doc.slug)) }))
    .sort(
      (a, b) =>
        compare(a.entry.key, b.entry.key) ||
        compare(a.entry.name, b.entry.name) ||
        (b.doc.date ?? '').localeCompare(a.doc.date ?? '') ||
        compare(a.doc.slug, b.doc.slug),
    );
  const letters = new Map<string, IndexLetter>();
  for (const { doc, entry } of sorted) {
    let l = letters.get(entry.letter);
    if (!l) letters.set(entry.letter, (l = { letter: entry.letter, count: 0, groups: [] }));
    l.count++;
    const last = l.groups.at(-1);
    if (last?.syllable === entry.syllable) last.docs.push(doc);
    else l.groups.push({ syllable: entry.syllable, docs: [doc] });
  }
  const order = (l: string) => (l === OTHER ? LETTERS.length : LETTERS.indexOf(l));
  return [...letters.values()].sort((a, b) => order(a.letter) - order(b.letter));
}

/** Code-point order: the same on every machine (no locale data involved). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
