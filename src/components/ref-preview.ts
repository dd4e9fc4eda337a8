/**
 * Browser side of references: a small card previewing what a reference points at.
 * - hover (after a short pause) or keyboard focus shows it; Esc, leaving, or blurring hides it;
 * - on touch screens the first tap shows the card and the second tap (or the card's link)
 *   follows the link;
 * - the card is absolutely positioned in the page, so the text never moves, and the reference
 *   points at it with aria-describedby while it shows.
 * Same-page targets are read from the DOM (the element with the target's id); other pages'
 * text comes embedded in `data-preview`. Without JavaScript the references are plain links.
 */
const SEL = '[data-ref]';
const MAX = 120;

export function initRefPreview(): void {
  const card = document.createElement('div');
  card.id = 'ref-card';
  card.className = 'ref-card';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  document.body.append(card);

  let current: HTMLElement | undefined;
  let timer = 0;
  let touch = false;
  let armed = false;

  const later = (f: () => void, ms: number) => {
    clearTimeout(timer);
    timer = window.setTimeout(f, ms);
  };

  const textOf = (id: string): string => {
    const el = document.getElementById(id);
    if (!el) return '';
    const copy = el.cloneNode(true) as HTMLElement;
    for (const x of copy.querySelectorAll('[data-nopreview],button')) x.remove();
    // 第三条 text: a space after labels that do not end in punctuation, as the page shows it.
    for (const l of copy.querySelectorAll('.art-label'))
      if (!/[、.．]$/.test(l.textContent ?? '')) l.append(' ');
    const t = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    return t.length > MAX ? `${t.slice(0, MAX)}…` : t;
  };

  const show = (ref: HTMLElement) => {
    clearTimeout(timer);
    if (current === ref && !card.hidden) return;
    hide();
    const href = ref.getAttribute('href');
    const ids =
      ref.dataset.targets?.split(' ') ?? (href?.startsWith('#') ? [decodeURIComponent(href.slice(1))] : []);
    const head = document.createElement(href ? 'a' : 'strong');
    if (href) head.setAttribute('href', href);
    const label = (head.textContent = ref.dataset.label ?? ref.textContent ?? '');
    const body = document.createElement('p');
    const text = ref.dataset.preview ?? ids.slice(0, 3).map(textOf).join(' ') + (ids.length > 3 ? ' …' : '');
    // The label is the card's heading: do not repeat it (第四条 第四条 违反…).
    body.textContent = text.startsWith(`${label} `) ? text.slice(label.length + 1) : text;
    card.replaceChildren(head, body);
    card.hidden = false;
    current = ref;
    ref.setAttribute('aria-describedby', card.id);
    place(ref);
  };

  const hide = () => {
    clearTimeout(timer);
    card.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = undefined;
  };

  const place = (ref: HTMLElement) => {
    const r = ref.getClientRects()[0] ?? ref.getBoundingClientRect();
    const w = card.offsetWidth;
    const h = card.offsetHeight;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8));
    const below = r.bottom + 6;
    const top = below + h > innerHeight && r.top - h - 6 > 0 ? r.top - h - 6 : below;
    card.style.left = `${left + scrollX}px`;
    card.style.top = `${top + scrollY}px`;
  };

  const refOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>(SEL) : null);
  const inCard = (t: EventTarget | null) => t instanceof Node && card.contains(t);

  document.addEventListener('focusin', (e) => {
    const ref = refOf(e.target);
    if (ref) show(ref);
  });
  document.addEventListener('focusout', (e) => {
    if (!refOf(e.relatedTarget) && !inCard(e.relatedTarget)) later(hide, 100);
  });
  document.addEventListener('mouseover', (e) => {
    const ref = refOf(e.target);
    if (ref) later(() => show(ref), 150);
    else if (inCard(e.target)) clearTimeout(timer);
  });
  document.addEventListener('mouseout', (e) => {
    if ((refOf(e.target) || inCard(e.target)) && !refOf(e.relatedTarget) && !inCard(e.relatedTarget)) {
      if (current && current !== document.activeElement) later(hide, 300);
      else if (!current) clearTimeout(timer);
    }
  });
  document.addEventListener('pointerdown', (e) => {
    touch = e.pointerType !== 'mouse';
    const ref = refOf(e.target);
    armed = !!ref && ref === current && !card.hidden;
    if (!ref && !inCard(e.target)) hide();
  });
  document.addEventListener('click', (e) => {
    const ref = refOf(e.target);
    if (!ref || !touch) return;
    // First tap: show the card; a second tap on the same reference follows it.
    if (!armed) {
      e.preventDefault();
      show(ref);
      armed = true;
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && current) hide();
  });
  addEventListener('hashchange', hide);
  addEventListener('resize', () => current && place(current));
}
