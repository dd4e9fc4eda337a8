/**
 * Vite plugin: `import url from './module.ts?lazy-url'` builds `module.ts` as a chunk of its own
 * and gives its public address, to load later with `import(url)`.
 *
 * Why not a plain `import('./module.ts')`: Vite wraps every analysable dynamic import in its
 * preload helper (about 1.2 KiB compressed), which would be most of the listener the header
 * ships on every page. An address in a variable is left alone.
 */
import type { Plugin } from 'vite';
import { relative } from 'node:path';

const SUFFIX = '?lazy-url';
const PLACEHOLDER = /__TIAOWEN_LAZY_URL_([\w$]+)__/g;

/** The Vite plugin; add it to the client build (see integrations/search.ts). */
export function lazyUrl(): Plugin {
  let base = '/';
  let root = process.cwd();
  let serve = false;
  return {
    name: 'tiaowen:lazy-url',
    enforce: 'pre',
    configResolved(config) {
      base = config.base;
      root = config.root;
      serve = config.command === 'serve';
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      if (!resolved) throw new Error(`lazy-url: cannot resolve ${source} from ${importer ?? 'the project'}`);
      return `\0${resolved.id}${SUFFIX}`;
    },
    load(id) {
      if (!id.startsWith('\0') || !id.endsWith(SUFFIX)) return null;
      const file = id.slice(1, -SUFFIX.length);
      if (serve)
        return `export default ${JSON.stringify(base + relative(root, file).split('\\').join('/'))};`;
      const ref = this.emitFile({ type: 'chunk', id: file, preserveSignature: 'strict' });
      return `export default "__TIAOWEN_LAZY_URL_${ref}__";`;
    },
    renderChunk(code) {
      if (!code.includes('__TIAOWEN_LAZY_URL_')) return null;
      return { code: code.replace(PLACEHOLDER, (_, ref: string) => base + this.getFileName(ref)), map: null };
    },
  };
}
