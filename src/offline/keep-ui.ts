/**
 * The offline page's keep list (src/views/OfflinePage.astro): reads the variant's offline
 * manifest, shows each choice's download size (what is not on the device yet, compressed),
 * and asks the service worker to keep a choice (`KEEP`, src/offline/keep-worker.ts). Loaded
 * by the offline page only.
 */
import { entriesFor, type Choice, type OfflineManifest } from './choices.ts';
import type { KeepState } from './keep-worker.ts';
import { withBase } from '../data/links.ts';

interface Words {
  keep: string;
  kept: string;
  saving: string;
  failed: string;
  small: string;
  large: string;
}

/** `35 KB`, `1.2 MB` (powers of 1,024). */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Ask the active worker, with a reply port. */
async function ask<T>(message: object): Promise<T> {
  const reg = await navigator.serviceWorker.ready;
  return new Promise<T>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data as T);
    reg.active!.postMessage(message, [channel.port2]);
  });
}

export async function initKeep(): Promise<void> {
  const offline = document.querySelector<HTMLElement>('[data-keep-offline]');
  const online = () => {
    if (offline) offline.hidden = navigator.onLine;
  };
  addEventListener('online', online);
  addEventListener('offline', online);
  online();

  const section = document.querySelector<HTMLElement>('[data-keep]');
  if (!section || !('serviceWorker' in navigator)) return;
  const words = JSON.parse(section.dataset.words ?? '{}') as Words;
  const variant = document.documentElement.lang === 'zh-Hant' ? 'hant' : 'hans';
  const status = section.querySelector<HTMLElement>('[data-keep-status]')!;
  let manifest: OfflineManifest;
  try {
    const res = await fetch(withBase(`${variant === 'hant' ? 'zh-hant/' : ''}tiaowen-offline.json`));
    manifest = (await res.json()) as OfflineManifest;
  } catch {
    return; // offline and never kept: the plain list stays
  }
  const mode = document.querySelector<HTMLElement>('[data-keep-mode]');
  if (mode) mode.textContent = manifest.mode === 'small' ? words.small : words.large;
  let state: KeepState | undefined = navigator.serviceWorker.controller
    ? await ask<KeepState>({ type: 'STATE' })
    : undefined;

  const render = () => {
    const files = state?.files ?? {};
    for (const row of section.querySelectorAll<HTMLElement>('[data-choice]')) {
      const choice = row.dataset.choice as Choice;
      const entries = entriesFor(manifest, choice);
      const missing = entries.filter(([url, rev]) => files[url] !== rev);
      const total = entries.reduce((sum, e) => sum + e[2], 0);
      const todo = missing.reduce((sum, e) => sum + e[2], 0);
      const size = row.querySelector<HTMLElement>('[data-size]')!;
      size.textContent = todo === 0 ? formatBytes(total) : formatBytes(todo);
      const button = row.querySelector<HTMLButtonElement>('[data-keep-button]')!;
      const done = missing.length === 0;
      button.hidden = false;
      if (button.dataset.busy) continue;
      button.disabled = done;
      button.textContent = done ? words.kept : words.keep;
      button.onclick = async () => {
        button.dataset.busy = '1';
        button.disabled = true;
        button.textContent = words.saving;
        status.textContent = '';
        const r = await ask<{ ok: boolean; state?: KeepState }>({ type: 'KEEP', variant, choice });
        delete button.dataset.busy;
        if (r.ok) state = r.state;
        else status.textContent = words.failed;
        render();
      };
    }
  };
  render();
}
