/**
 * Arriving from a search result: `…/slug/?hl=会议#art_47__para_1` marks the first occurrence of
 * `hl` inside the provision the address points at (or the page title when there is no
 * fragment) with <mark class="search-hl">, and keeps it in view. `hl` is the matched text as
 * the search record holds it, which comes from the same tree as the page, so an exact match
 * that ignores white space (the record puts a space after 第N条 where the page has a margin)
 * is enough; a match running across a label link and the text after it is marked piecewise.
 * Loaded on demand by the header's listener only when the address has `hl=`: kept small.
 */

const MARK_CLASS = 'search-hl';
const SPACE = /\s/;

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
 * Mark the first occurrence of `query` (white space ignored) inside `root`; returns the marks
 * (none when the text does not occur, e.g. a result matched through an alias such as 第十一条
 * for 十一、).
 */
export function highlightIn(root: Element, query: string): HTMLElement[] {
  const doc = root.ownerDocument;
  const q = query.replace(/\s+/g, '');
  if (!q) return [];
  // The text without white space, and where each of its characters sits.
  let text = '';
  const at: Array<[Text, number]> = [];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    for (let i = 0; i < n.data.length; i++) {
      if (SPACE.test(n.data[i]!)) continue;
      text += n.data[i];
      at.push([n, i]);
    }
  }
  const from = text.indexOf(q);
  if (from < 0) return [];
  // Per text node, the covered range; wrapped last node first so earlier offsets stay valid.
  const spans = new Map<Text, [number, number]>();
  for (const [node, i] of at.slice(from, from + q.length)) {
    const span = spans.get(node);
    spans.set(node, span ? [span[0], i + 1] : [i, i + 1]);
  }
  const marks: HTMLElement[] = [];
  for (const [node, [s, e]] of [...spans].reverse()) {
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
