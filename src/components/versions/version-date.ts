/**
 * The date box of the version timeline: which version was in force on a day, answered in
 * place with a link (the list above it is the same answer without JavaScript).
 */
interface Range {
  from: string;
  label: string;
  href: string;
}

const dateText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Show the form and answer on submit. */
export function initVersionDate(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('[data-version-date]')) {
    const ranges = JSON.parse(form.dataset.versions ?? '[]') as Range[];
    const out = form.querySelector<HTMLOutputElement>('[data-version-date-out]')!;
    const input = form.querySelector<HTMLInputElement>('input[type=date]')!;
    form.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const day = input.value;
      const hit = [...ranges].reverse().find((r) => r.from <= day);
      out.textContent = '';
      if (!hit) {
        out.textContent = form.dataset.none ?? '';
        return;
      }
      const link = document.createElement('a');
      link.href = hit.href;
      link.textContent = hit.label;
      out.append((form.dataset.answer ?? '').replace('%d', dateText(day)), link);
    });
  }
}
