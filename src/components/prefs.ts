/**
 * Browser side of the reading preferences. The choices live in localStorage under
 * `tiaowen:theme` and `tiaowen:size`; the pre-paint snippet in Base.astro reads the same keys.
 */
const THEME_KEY = 'tiaowen:theme';
const SIZE_KEY = 'tiaowen:size';
const MIN_SIZE = -2;
const MAX_SIZE = 2;

type Theme = 'light' | 'dark' | 'system';

function load(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage blocked: preferences last for this page only
  }
}

function save(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    /* storage blocked */
  }
}

/** Wire up the preference buttons and reveal them. */
export function initPrefs(): void {
  const root = document.documentElement;
  const box = document.querySelector<HTMLElement>('[data-prefs]');
  if (!box) return;
  const themeButtons = box.querySelectorAll<HTMLButtonElement>('[data-theme-choice]');
  const sizeButtons = box.querySelectorAll<HTMLButtonElement>('[data-size-step]');

  const applyTheme = (theme: Theme) => {
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
    for (const b of themeButtons) b.setAttribute('aria-pressed', String(b.dataset.themeChoice === theme));
  };
  const applySize = (size: number) => {
    if (size === 0) delete root.dataset.size;
    else root.dataset.size = String(size);
    for (const b of sizeButtons) {
      const step = Number(b.dataset.sizeStep);
      b.disabled = step < 0 ? size <= MIN_SIZE : size >= MAX_SIZE;
    }
  };

  const storedTheme = load(THEME_KEY);
  applyTheme(storedTheme === 'light' || storedTheme === 'dark' ? storedTheme : 'system');
  const storedSize = Number(load(SIZE_KEY));
  let size = Number.isInteger(storedSize) ? Math.min(MAX_SIZE, Math.max(MIN_SIZE, storedSize)) : 0;
  applySize(size);

  for (const b of themeButtons) {
    b.addEventListener('click', () => {
      const theme = b.dataset.themeChoice as Theme;
      save(THEME_KEY, theme === 'system' ? null : theme);
      applyTheme(theme);
    });
  }
  for (const b of sizeButtons) {
    b.addEventListener('click', () => {
      size = Math.min(MAX_SIZE, Math.max(MIN_SIZE, size + Number(b.dataset.sizeStep)));
      save(SIZE_KEY, size === 0 ? null : String(size));
      applySize(size);
    });
  }
  box.hidden = false;
}
