/**
 * Browser side of the table of contents: open as a sidebar on wide screens (CSS already
 * shows it there; this keeps the `open` state truthful for assistive technology), and on
 * phones close the panel after a link is followed so the provision is in view.
 */
const WIDE = '(min-width: 64em)';

export function initToc(): void {
  const details = document.querySelector<HTMLDetailsElement>('[data-toc-details]');
  if (!details) return;
  const wide = matchMedia(WIDE);
  const sync = () => {
    details.open = wide.matches;
  };
  wide.addEventListener('change', sync);
  sync();
  details.addEventListener('click', (event) => {
    if (!wide.matches && (event.target as Element).closest('a[href^="#"]')) details.open = false;
  });
}
