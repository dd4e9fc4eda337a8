/**
 * Links inside the site. Every internal link goes through `withBase` so the site also works
 * under a sub-path (`TIAOWEN_BASE=/rules/`).
 */

/**
 * A site path prefixed with the configured base.
 * @example withBase('zibo-government-work-rules/') // '/rules/zibo-government-work-rules/' when base is /rules/
 */
export function withBase(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\/+/, '');
}

/** The address of a document page. */
export function documentHref(slug: string): string {
  return withBase(`${slug}/`);
}

/**
 * Where a reference node points, as an `href`: fragments stay as they are (same page),
 * site-absolute paths (`/slug/#art_12`) get the base, full URLs pass through.
 */
export function referenceHref(target: string): string {
  if (target.startsWith('/') && !target.startsWith('//')) return withBase(target);
  return target;
}
