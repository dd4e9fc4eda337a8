/**
 * Browser side of offline reading (kept tiny: it runs on every page):
 * - the 离线 badge follows `navigator.onLine`;
 * - the service worker is registered (production builds only, scope = the base path);
 * - when a new version is installed and waiting, the update notice is shown; its 刷新 button
 *   asks the waiting worker to take over (`SKIP_WAITING`) and reloads once it has;
 * - the page tells the worker it was read (`VISIT`), so the worker keeps what it should;
 * - the print header gets the page's full address.
 */
import { withBase } from '../data/links.ts';

/** True in `astro build` output (set by src/integrations/offline.ts): no service worker in dev. */
declare const __TIAOWEN_SW__: boolean | undefined;

export function initOffline(): void {
  const badge = document.querySelector<HTMLElement>('[data-offline-badge]');
  const online = () => {
    if (badge) badge.hidden = navigator.onLine;
  };
  addEventListener('online', online);
  addEventListener('offline', online);
  online();

  const address = document.querySelector('[data-print-url]');
  if (address && location.protocol.startsWith('http')) address.textContent = location.href.replace(/#.*/, '');

  const sw = navigator.serviceWorker;
  if (typeof __TIAOWEN_SW__ === 'undefined' || !__TIAOWEN_SW__ || !sw) return;
  let applying = false;
  sw.addEventListener('controllerchange', () => {
    if (applying) location.reload();
  });
  const offer = (worker: ServiceWorker) => {
    const notice = document.querySelector<HTMLElement>('[data-update-notice]');
    if (!notice || !sw.controller) return; // the first install is not an update
    notice.hidden = false;
    notice.querySelector('button')!.onclick = () => {
      applying = true;
      worker.postMessage({ type: 'SKIP_WAITING' });
    };
  };
  sw.register(withBase('sw.js'), { scope: withBase() }).then(
    (reg) => {
      if (!reg) return; // registration blocked (some browsers' private modes, test tools)
      // Tell the worker which page and variant are read: it keeps the variant (small
      // collections) or this page (large ones); src/offline/keep-worker.ts.
      void sw.ready.then((r) =>
        r.active?.postMessage({
          type: 'VISIT',
          variant: document.documentElement.lang === 'zh-Hant' ? 'hant' : 'hans',
          path: location.pathname,
        }),
      );
      if (reg.waiting) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') offer(worker);
        });
      });
    },
    () => {},
  );
}
