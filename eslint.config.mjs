// @ts-check
/**
 * Lint: typescript-eslint's recommended rules over the TypeScript code (`npm run lint`).
 * Astro components are checked by `astro check`; generated and built folders are skipped.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      'generated/',
      'generated-*/',
      '.astro/',
      'node_modules/',
      'scratch/',
      'tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...nodeAndBrowser() } },
    rules: {
      // The ideographic space (U+3000) is part of Chinese text: legislative headings write
      // 第一章　总则, so regulation fixtures and patterns hold it in templates, regexes and comments.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true },
      ],
    },
  },
);

/** The runtimes the code targets: Node (scripts, tests, build) and the browser (page scripts). */
function nodeAndBrowser() {
  const names = [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'queueMicrotask',
    'structuredClone',
    'TextEncoder',
    'TextDecoder',
    'fetch',
    'Response',
    'Request',
    'Headers',
    'AbortController',
    'performance',
    'globalThis',
    'window',
    'document',
    'navigator',
    'location',
    'localStorage',
    'sessionStorage',
    'history',
    'self',
    'caches',
    'HTMLElement',
    'Element',
    'Node',
    'Event',
    'KeyboardEvent',
    'MouseEvent',
    'CustomEvent',
    'MutationObserver',
    'IntersectionObserver',
    'requestAnimationFrame',
    'getComputedStyle',
    'matchMedia',
    'CSS',
    'DOMParser',
    'HTMLInputElement',
    'HTMLAnchorElement',
    'HTMLDialogElement',
    'HTMLButtonElement',
    'HTMLTemplateElement',
    'Blob',
    'crypto',
  ];
  return Object.fromEntries(names.map((n) => [n, 'readonly']));
}
