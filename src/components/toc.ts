/**
 * Browser side of the table of contents:
 * - open as a sidebar on wide screens (CSS already shows it there; this keeps the `open`
 *   state truthful for assistive technology);
 * - on phones, close the panel after a link is followed so the provision is in view;
 * - mark the article being read (`aria-current`) and keep its entry in the sidebar's view.
 */
const WIDE = '(min-width: 64em)';

export function initToc(): void {
  const nav = document.querySelector<HTMLElement>('[data-toc]');
  const details = nav?.querySelector<HTMLDetailsElement>('[data-toc-details]');
  if (!nav || !details) return;
  const wide = matchMedia(WIDE);
  const sync = () => {
    details.open = wide.matches;
  };
  wide.addEventListener('change', sync);
  sync();
  details.addEventListener('click', (event) => {
    if (!wide.matches && (event.target as Element).closest('a[href^="#"]')) details.open = false;
  });
  trackReading(nav, wide);
}

/**
 * Highlight the entry of the topmost article showing in the upper third of the window
 * (below a thin strip at the top, so the tail of the previous article does not count).
 */
function trackReading(nav: HTMLElement, wide: MediaQueryList): void {
  const links = new Map<Element, HTMLAnchorElement>();
  for (const a of nav.querySelectorAll<HTMLAnchorElement>('a[href^="#art_"]')) {
    const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
    if (target) links.set(target, a);
  }
  const inBand = new Set<Element>();
  let current: HTMLAnchorElement | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (e.isIntersecting) inBand.add(e.target);
        else inBand.delete(e.target);
      }
      const first = [...links.keys()].find((el) => inBand.has(el));
      const link = first && links.get(first);
      if (!link || link === current) return;
      current?.removeAttribute('aria-current');
      link.setAttribute('aria-current', 'location');
      current = link;
      if (wide.matches) keepInView(nav, link);
    },
    { rootMargin: '-32px 0px -66% 0px' },
  );
  for (const el of links.keys()) observer.observe(el);
}

/** Scroll the sidebar (not the page) so the link is visible. */
function keepInView(box: HTMLElement, link: HTMLElement): void {
  const b = box.getBoundingClientRect();
  const l = link.getBoundingClientRect();
  if (l.top < b.top + 40 || l.bottom > b.bottom - 40) {
    box.scrollTop += l.top - b.top - b.height / 3;
  }
}
