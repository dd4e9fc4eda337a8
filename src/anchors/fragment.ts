/**
 * Where a fragment lands when it names no element on the page: a recorded alias (an anchor
 * that moved), or anything the go-to box accepts (#第二十五条, #25, #47.1.2). Pure and small:
 * it ships to the browser.
 */
import { gotoEId } from './goto.ts';

/**
 * The eId to land on for a fragment or typed reference, or undefined when there is nothing
 * better than what was given (it exists already, or names nothing here).
 * @example resolveFragment('#%E7%AC%AC25%E6%9D%A1', (id) => id === 'art_25', {}) // 'art_25'
 * @example resolveFragment('#art_9', (id) => id === 'art_8', { art_9: 'art_8' }) // 'art_8'
 */
export function resolveFragment(
  fragment: string,
  exists: (id: string) => boolean,
  aliases: Record<string, string> = {},
): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(fragment.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (!id || exists(id)) return undefined;
  const follow = (eId: string) => {
    for (let i = 0; i < 8 && !exists(eId) && Object.hasOwn(aliases, eId); i++) eId = aliases[eId]!;
    return eId;
  };
  const direct = follow(id);
  if (exists(direct)) return direct;
  const typed = gotoEId(id);
  if (!typed) return undefined;
  const landed = follow(typed);
  return exists(landed) ? landed : undefined;
}
