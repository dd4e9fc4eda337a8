/**
 * Browser side of the 简/繁 switch. Following a `[data-script-link]` remembers the choice
 * (localStorage, read by the root page's pick in Base.astro) and keeps the reader at the same
 * provision: the fragment when its provision is in view, else the provision at the top of the
 * window.
 */
const KEY = 'tiaowen:script';
const PROVISION = 'main [id^="art_"], main [id^="chp_"], main [id^="sec_"]';

/** The id of the deepest provision crossing a line just below the top of the window. */
export function provisionInView(top = 8): string | undefined {
  if (scrollY <= 0) return undefined; // at the top of the page: no fragment needed
  let found: Element | undefined;
  for (const el of document.querySelectorAll(PROVISION)) {
    const r = el.getBoundingClientRect();
    if (r.top <= top && r.bottom > top) found = el; // later (deeper) matches win
    else if (r.top > top) {
      found ??= el; // in a gap between provisions: the next one
      break;
    }
  }
  return found?.id;
}

function fragment(): string {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (target) {
    const r = target.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) return location.hash;
  }
  const seen = provisionInView();
  return seen ? `#${seen}` : id ? location.hash : '';
}

export function initScriptSwitch(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-script-link]')) {
    const plain = a.href.split('#')[0]!;
    const update = () => {
      a.href = plain + fragment();
    };
    a.addEventListener('pointerdown', update);
    a.addEventListener('focus', update);
    a.addEventListener('click', () => {
      update();
      try {
        localStorage.setItem(KEY, a.dataset.scriptLink!);
      } catch {
        /* storage blocked: the choice lasts for this visit */
      }
    });
  }
}
