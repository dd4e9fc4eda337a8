/**
 * Single-file downloads: each built document page, turned into one self-contained HTML file
 * next to it (`<slug>/<slug>.html`, and `zh-hant/<slug>/<slug>.html` for the traditional
 * twin when that page exists). The file is the page itself — same table of contents, same
 * anchors — with its stylesheets inlined and everything that would reach out removed:
 * scripts, icons, the manifest, the site header and the parts marked `data-site-only`
 * (downloads, controls). It opens from the file system and makes no request; its own
 * Content-Security-Policy allows no other origin and only the inlined styles (by hash).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ELEMENT_NODE, parse, renderSync, walkSync, type ElementNode, type Node } from 'ultrahtml';
import { VARIANT_PREFIX, VARIANTS } from '../i18n/variant.ts';

export interface SingleFileOptions {
  outDir: string;
  /** The site base path, `/` or `/rules/`. */
  base: string;
  /** The configured `site` (origin), if any: site links then become absolute. */
  site?: string | undefined;
  /** Document slugs to convert. */
  slugs: readonly string[];
}

export interface SingleFileResult {
  /** Written files, relative to outDir. */
  files: string[];
  /** Problems worth a warning (e.g. stylesheets referring to other files). */
  warnings: string[];
}

/** Where the pages of each script live, under the base. */
export const SCRIPT_PREFIXES: readonly string[] = VARIANTS.map((v) => VARIANT_PREFIX[v]);

/** The single-file download of a document, relative to the base: `slug/slug.html`. */
export function singleFilePath(slug: string, prefix = ''): string {
  return `${prefix}${slug}/${slug}.html`;
}

/** Convert every document page found in the build. */
export async function writeSingleFiles({
  outDir,
  base,
  site,
  slugs,
}: SingleFileOptions): Promise<SingleFileResult> {
  const files: string[] = [];
  const warnings: string[] = [];
  const css = new Map<string, string>();
  for (const slug of slugs) {
    for (const prefix of SCRIPT_PREFIXES) {
      const page = join(outDir, prefix, slug, 'index.html');
      if (!existsSync(page)) continue;
      const html = await singleFileHtml(await readFile(page, 'utf8'), {
        base,
        site,
        stylesheet: async (href) => {
          const rel = href.startsWith(base) ? href.slice(base.length) : href.replace(/^\/+/, '');
          let text = css.get(rel);
          if (text === undefined) {
            text = await readFile(join(outDir, rel), 'utf8');
            if (/url\(\s*(?!['"]?data:)/i.test(text))
              warnings.push(
                `${rel} refers to other files (url()); the single-file downloads will request them.`,
              );
            css.set(rel, text);
          }
          return text;
        },
      });
      const out = singleFilePath(slug, prefix);
      await writeFile(join(outDir, out), html);
      files.push(out);
    }
  }
  return { files, warnings: [...new Set(warnings)] };
}

interface TransformOptions {
  base: string;
  site?: string | undefined;
  /** The text of a stylesheet, by its href as written in the page. */
  stylesheet: (href: string) => Promise<string>;
}

const isElement = (node: Node): node is ElementNode => node.type === ELEMENT_NODE;

/** Elements the file drops: whatever loads something, and site-only chrome. */
function dropped(el: ElementNode): boolean {
  const a = el.attributes;
  if (el.name === 'script' || el.name === 'noscript') return true;
  if (el.name === 'link' && !/\bstylesheet\b/.test(a.rel ?? '')) return true;
  if (el.name === 'meta' && /content-security-policy/i.test(a['http-equiv'] ?? '')) return true;
  if (el.name === 'header' && /\bsite-header\b/.test(a.class ?? '')) return true;
  if ('data-site-only' in a) return true;
  return false;
}

/** The standalone version of one built page. */
export async function singleFileHtml(
  html: string,
  { base, site, stylesheet }: TransformOptions,
): Promise<string> {
  const doc = parse(html) as Node;
  const removals: [ElementNode, Node][] = [];
  const sheets: ElementNode[] = [];
  walkSync(doc, (node, parent) => {
    if (!isElement(node) || !parent) return;
    if (dropped(node)) removals.push([node, parent]);
    else if (node.name === 'link') sheets.push(node);
    else if (node.name === 'a' && site && node.attributes.href?.startsWith(base)) {
      node.attributes.href = new URL(node.attributes.href, site).href;
    }
  });
  for (const [node, parent] of removals) {
    if ('children' in parent) parent.children = parent.children.filter((c: Node) => c !== node);
  }
  for (const link of sheets) {
    const text = await stylesheet(link.attributes.href ?? '');
    // The stylesheet text is trusted build output; only a literal </style> could break out.
    const style = parse(`<style>${text.replace(/<\/style/gi, '<\\/style')}</style>`)
      .children[0] as ElementNode;
    const parent = link.parent as ElementNode;
    style.parent = parent;
    parent.children = parent.children.map((c: Node) => (c === link ? style : c));
  }
  // The page's policy allows its own files and hashed styles; the file's allows no other
  // origin and its inlined styles by hash. It only narrows the site's directives (src/security/csp.ts),
  // so the union of the pages' policies the host sends (src/integrations/headers.ts) stays the same.
  const hashes: string[] = [];
  let head: ElementNode | undefined;
  walkSync(doc, (node) => {
    if (!isElement(node)) return;
    if (node.name === 'head') head = node;
    if (node.name === 'style') {
      const text = node.children.map((c: Node) => ('value' in c ? String(c.value) : '')).join('');
      hashes.push(`'sha256-${createHash('sha256').update(text).digest('base64')}'`);
    }
  });
  const policy = `default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; style-src ${[...new Set(hashes)].join(' ')}`;
  if (head) {
    const meta = parse(`<meta http-equiv="content-security-policy" content="${policy}">`)
      .children[0] as ElementNode;
    meta.parent = head;
    const charset = head.children.findIndex(
      (c: Node) => isElement(c) && c.name === 'meta' && 'charset' in c.attributes,
    );
    head.children.splice(charset + 1, 0, meta);
  }
  return renderSync(doc);
}
