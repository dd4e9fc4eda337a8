/**
 * The ASCII slug of a document, from its title in pinyin (pinyin-pro): 中华人民共和国 dropped
 * (it starts every national law), one hyphen per syllable, at most 10 syllables, and a number
 * added when the slug is taken. A re-import keeps the slug it has: addresses are a public contract.
 */
import { pinyin } from 'pinyin-pro';

const MAX_SYLLABLES = 10;

/**
 * A slug for a title, not among `taken`.
 * @example makeSlug('中华人民共和国行政处罚法', new Set()) // 'xing-zheng-chu-fa-fa'
 */
export function makeSlug(title: string, taken: Set<string>): string {
  const core = title.replace(/^中华人民共和国/, '').replace(/[《》〈〉“”"'「」]/g, '') || title;
  const parts = pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((p) =>
      p
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, ''),
    )
    .filter(Boolean);
  const base = parts.slice(0, MAX_SYLLABLES).join('-') || 'document';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
