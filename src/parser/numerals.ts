/**
 * Chinese numerals as used to number chapters, sections, articles and items
 * (第一百二十三条, 二十五、, （十一）), and back.
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a numeral (Chinese or Arabic, half or full width). */
export const NUMERAL_CHARS = '零〇一二三四五六七八九两十百千0-9０-９';

/**
 * Parse a Chinese (or Arabic) numeral; `undefined` when it is not a well-formed number.
 * Handles the drafting forms 十一, 二十, 一百零一, 一百一十, 一千零五十 and digits 1–9999.
 * @example parseNumeral('一百零一') // 101
 */
export function parseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(ascii)) return ascii.length <= 4 && !/^0\d/.test(ascii) ? Number(ascii) : undefined;

  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000; // the place value written last; each unit must be smaller
  let sawZero = false; // a 零 since the last unit: the next place must skip one (一千零五十)
  for (const ch of text) {
    if (ch in DIGITS) {
      const d = DIGITS[ch]!;
      if (digit !== undefined) return undefined; // two digits in a row: 二三
      if (d === 0) {
        if (sawZero || total === 0) return undefined; // 零 only after a unit: 一百零一
        sawZero = true;
      } else {
        digit = d;
      }
    } else if (ch in UNITS) {
      const unit = UNITS[ch]!;
      if (unit >= lastUnit) return undefined; // 十百
      if (sawZero && unit * 10 >= lastUnit) return undefined; // 一百零五十: no place was skipped
      // A bare 十 at the start means 一十 (十一 = 11); elsewhere a unit needs its digit.
      if (digit === undefined && !(unit === 10 && total === 0)) return undefined;
      total += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      sawZero = false;
    } else {
      return undefined;
    }
  }
  if (digit !== undefined) {
    // A final digit is the ones: after 十 (二十五), after 零 (一百零五), or alone (五).
    // 一百五 (=150) is colloquial, not drafting style: rejected rather than guessed.
    if (!(lastUnit === 10 || lastUnit === 10_000 || (sawZero && lastUnit >= 100))) return undefined;
    total += digit;
  } else if (sawZero) {
    return undefined; // 一百零
  }
  return total > 0 ? total : undefined;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Write a number 1–9999 as a Chinese numeral in drafting style.
 * @example toChineseNumeral(110) // '一百一十'
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999)
    throw new RangeError(`Cannot write ${n} as a Chinese numeral`);
  const parts: string[] = [];
  const units: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let rest = n;
  let needZero = false;
  for (const [value, unit] of units) {
    const d = Math.floor(rest / value);
    rest %= value;
    if (d > 0) {
      if (needZero) parts.push('零');
      // 十一, not 一十一, when the number starts at the tens.
      parts.push(value === 10 && parts.length === 0 && d === 1 ? '' : CN[d]!, unit);
      needZero = false;
    } else if (parts.length > 0 && rest > 0) {
      needZero = true;
    }
  }
  if (rest > 0) {
    if (needZero) parts.push('零');
    parts.push(CN[rest]!);
  }
  return parts.join('');
}
