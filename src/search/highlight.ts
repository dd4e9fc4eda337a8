/**
 * Arriving from a search result: `…/slug/?hl=会议#art_47__para_1` marks the first occurrence of
 * `hl` inside the provision the address points at (or the page title when there is no
 * fragment) with <mark class="search-hl">, and keeps it in view. Matching is
 * normalisation-aware (src/search/normalize.ts: punctuation, spaces, full-width digits), so
 * a match that runs across a label link and the text after it is found and marked piecewise.
 * Loaded on demand by the header's listener only when the address has `hl=`.
 */
import { normalize } from './normalize.ts';

const MARK_CLASS = 'search-hl';

/** Remove earlier highlights, restoring the text nodes. */
export function clearHighlights(doc: Document = document): void {
  for (const m of doc.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const parent = m.parentNode;
    if (!parent) continue;
    m.replaceWith(...m.childNodes);
    parent.normalize();
  }
}

/**
 * Mark the first occurrence of `query` inside `root`; returns the marks (empty when the text
 * does not occur, e.g. when the result matched through an alias such as 第十一条 for 十一、).
 */
export function highlightIn(root: Element, query: string): HTMLElement[] {
  const doc = root.ownerDocument;
  const q = normalize(query).text;
  if (!q) return [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let all = '';
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(all.length);
    all += (n as Text).data;
  }
  const n = normalize(all);
  const at = n.text.indexOf(q);
  if (at < 0) return [];
  const from = n.start[at]!;
  const to = n.end[at + q.length - 1]!;
  const marks: HTMLElement[] = [];
  // Wrap the covered part of each text node, last node first so earlier offsets stay valid.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const s = Math.max(from - starts[i]!, 0);
    const e = Math.min(to - starts[i]!, node.data.length);
    if (e <= s) continue;
    const range = doc.createRange();
    range.setStart(node, s);
    range.setEnd(node, e);
    const mark = doc.createElement('mark');
    mark.className = MARK_CLASS;
    range.surroundContents(mark);
    marks.unshift(mark);
  }
  return marks;
}

/** The element the address points at: the fragment's target, else the page's main heading. */
function target(): Element | null {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    /* malformed fragment */
  }
  return (id && document.getElementById(id)) || document.querySelector('main h1');
}

/** Highlight `?hl=` inside the target of the current address and bring it into view. */
export function highlightFromLocation(): void {
  const query = new URLSearchParams(location.search).get('hl');
  clearHighlights();
  const el = target();
  if (!query || !el) return;
  const [first] = highlightIn(el, query);
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top < 0 || box.bottom > innerHeight) first.scrollIntoView({ block: 'center' });
}
