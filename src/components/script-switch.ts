/**
 * Browser side of the 简/繁 switch. Following a `[data-script-link]` remembers the choice
 * (localStorage, read by the root page's pick in Base.astro) and keeps the reader at the same
 * provision. The switch sits in the header, so a reader deep in the text scrolls up to reach
 * it: the page remembers the provision where scrolling last came to rest, and the link carries
 * (in this order) the fragment when its provision is in view, the provision at the top of the
 * window, the one where the reader last rested, or the fragment.
 */
const KEY = 'tiaowen:script';
const PROVISION = 'main [id^="art_"], main [id^="chp_"], main [id^="sec_"]';
/** The reading line: just below the top of the window, past an anchor's scroll margin. */
const LINE = 28;

/**
 * The id of the deepest provision crossing the reading line (or, in a gap between two, the
 * next one); undefined when the line is above every provision (the page head, the header).
 */
export function provisionInView(line = LINE): string | undefined {
  let found: Element | undefined;
  let above = false;
  for (const el of document.querySelectorAll(PROVISION)) {
    const r = el.getBoundingClientRect();
    if (r.top <= line && r.bottom > line)
      found = el; // later (deeper) matches win
    else if (r.top > line) {
      if (!found && above) found = el;
      break;
    } else above = true;
  }
  return found?.id;
}

let rested: string | undefined;

function fragment(): string {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id && document.getElementById(id);
  if (target) {
    const r = target.getBoundingClientRect();
    if (r.bottom > 0 && r.top < innerHeight) return location.hash;
  }
  const seen = provisionInView() ?? rested;
  return seen ? `#${seen}` : id ? location.hash : '';
}

export function initScriptSwitch(): void {
  const links = document.querySelectorAll<HTMLAnchorElement>('a[data-script-link]');
  if (links.length === 0) return;
  let timer = 0;
  addEventListener(
    'scroll',
    () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        rested = provisionInView() ?? rested;
      }, 150);
    },
    { passive: true },
  );
  for (const a of links) {
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
