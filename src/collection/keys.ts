/**
 * ASCII keys for facet values whose names are Chinese (issuing authorities), for stable,
 * readable addresses: the name's pinyin without tones or spaces (淄博市人民政府 →
 * ziboshirenminzhengfu). Build time only.
 */
import { pinyin } from 'pinyin-pro';

/**
 * The pinyin key of a name: Han characters as toneless pinyin, ASCII letters and digits kept,
 * everything else left out; at most 60 characters.
 * @example pinyinKey('淄博市人民政府') // 'ziboshirenminzhengfu'
 */
export function pinyinKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const key = syllables
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
  return key.slice(0, 60) || 'x';
}

/**
 * Keys for a set of names: the pinyin key, with -2, -3 … for names that share one
 * (homophones), assigned in code-point order of the names so the result does not depend on
 * the order documents are read in.
 */
export function keysOf(names: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of [...new Set(names)].sort()) {
    const base = pinyinKey(name);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    out.set(name, key);
  }
  return out;
}
