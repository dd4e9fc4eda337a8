/**
 * Browser side of the provision tools (document and article pages):
 * - copy link / copy citation buttons on every provision with a `data-cite` label, shown on
 *   hover, focus and tap, confirmed through an aria-live region;
 * - fragments that name no element (#第二十五条, #25, #47.1.2, recorded old anchors) are
 *   replaced by the canonical anchor;
 * - the go-to box and `?goto=…`.
 * Everything it copies was computed at build time (src/data/render.ts).
 */
import { resolveFragment } from '../anchors/fragment.ts';

const OPEN = 'cp-open';

export function initProvisionTools(): void {
  const root = document.querySelector<HTMLElement>('[data-tools]');
  if (!root) return;
  const { citeTitle = '', href = '', ui = '', aliases: aliasJson } = root.dataset;
  const [copyLink, copyCite, copiedLink, copiedCite, link, cite, failed] = ui.split('|');
  const aliases = aliasJson ? (JSON.parse(aliasJson) as Record<string, string>) : {};
  const toast = document.querySelector<HTMLElement>('[data-copy-toast]');
  let timer = 0;
  const say = (text = '') => {
    if (!toast) return;
    toast.textContent = text;
    toast.classList.toggle('on', !!text);
    clearTimeout(timer);
    timer = window.setTimeout(() => toast.classList.remove('on'), 2000);
  };

  // One small bar per provision; absolutely placed, so adding them shifts nothing. Its words
  // are CSS content: the provision's textContent and a copied selection stay the text itself.
  for (const el of root.querySelectorAll<HTMLElement>('[data-cite]')) {
    const label = el.dataset.cite!;
    const bar = document.createElement('span');
    bar.className = 'cp';
    for (const [kind, text, name] of [
      ['l', link, copyLink],
      ['c', cite, copyCite],
    ] as const) {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.copy = kind;
      b.dataset.text = text ?? ''; // shown by CSS, so selecting and copying the text leaves it out
      b.setAttribute('aria-label', `${name}：${label}`);
      bar.append(b);
    }
    el.prepend(bar);
  }

  root.addEventListener('click', async (event) => {
    const target = event.target as HTMLElement;
    const button = target.closest<HTMLButtonElement>('button[data-copy]');
    const provision = target.closest<HTMLElement>('[data-cite]');
    if (!button || !provision) {
      // A tap on a provision (its label or its text) shows its buttons; links still work.
      for (const open of root.querySelectorAll(`.${OPEN}`))
        if (open !== provision) open.classList.remove(OPEN);
      // A tap on a reference follows or previews it; the buttons would only cover the text there.
      if (target.closest('a, cite, .ref') && !target.closest('.art-label, .item-label')) return;
      const own = target.closest('.art-label') ? target.closest<HTMLElement>('.art') : provision;
      own?.classList.add(OPEN);
      return;
    }
    const isLink = button.dataset.copy === 'l';
    const text = isLink ? `${location.origin}${href}#${provision.id}` : citeTitle + provision.dataset.cite;
    say((await copyText(text)) ? (isLink ? copiedLink : copiedCite) : failed);
  });

  // Fragments: aliases and typed forms land on the canonical anchor.
  const exists = (id: string) => !!document.getElementById(id) && /^(art|chp|sec)_/.test(id);
  const land = (eId: string) => location.replace(`#${eId}`);
  const fixHash = () => {
    const hash = location.hash;
    if (!hash || exists(safeDecode(hash.slice(1)))) return;
    const eId = resolveFragment(hash, exists, aliases);
    if (eId) land(eId);
  };
  addEventListener('hashchange', fixHash);
  fixHash();

  // The go-to box and ?goto=…
  const form = document.querySelector<HTMLFormElement>('[data-goto]');
  const input = form?.querySelector('input');
  const message = form?.querySelector<HTMLElement>('[data-goto-msg]');
  const go = (typed: string): boolean => {
    const eId = exists(typed) ? typed : resolveFragment(typed, exists, aliases);
    if (message) message.textContent = eId ? '' : (form?.dataset.missing ?? '').replace('%s', typed.trim());
    if (eId) land(eId);
    return !!eId;
  };
  const query = new URLSearchParams(location.search);
  const asked = query.get('goto');
  if (asked !== null) {
    query.delete('goto');
    const rest = query.toString();
    history.replaceState(history.state, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    if (input) input.value = asked;
    if (!go(asked)) input?.focus();
  }
  if (form && input) {
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim()) go(input.value);
    });
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Copy text: the async clipboard where allowed, else a hidden selection. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;top:0;opacity:0';
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      /* not allowed */
    }
    area.remove();
    return ok;
  }
}
