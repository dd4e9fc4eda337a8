import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { singleFileHtml, singleFilePath } from '../../src/offline/single-file.ts';

const page = `<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8">
<meta http-equiv="content-security-policy" content="default-src 'self'">
<title>示例 · 条文</title><link rel="icon" href="/rules/favicon.svg"><link rel="manifest" href="/rules/manifest.webmanifest">
<link rel="stylesheet" href="/rules/_astro/Base.css"><script type="module" src="/rules/_astro/a.js"></script>
<script>console.log('</div>')</script></head>
<body><a class="skip-link" href="#main">跳到正文</a><header class="site-header"><a href="/rules/">条文</a><button>浅色</button></header>
<main id="main"><p class="source" data-site-only><a href="/rules/x/text.md" download>Markdown</a></p>
<nav class="toc"><a href="#art_1">第一条</a></nav><article id="art_1"><p id="art_1__para_1">为了 &amp; <a href="/rules/other/#art_2">另见</a></p></article></main></body></html>`;

const css = ':root{--x:1}body{color:red}';
const options = {
  base: '/rules/',
  stylesheet: async (href: string) => (href === '/rules/_astro/Base.css' ? css : ''),
};

describe('single-file download', () => {
  test('inlines the stylesheet, drops what loads or belongs to the site, keeps every id', async () => {
    const out = await singleFileHtml(page, options);
    expect(out).not.toMatch(/<script|<link|site-header|data-site-only|text\.md|favicon|manifest/);
    expect(out).toContain(`<style>${css}</style>`);
    expect(out).toContain('id="art_1"');
    expect(out).toContain('id="art_1__para_1"');
    expect(out).toContain('href="#art_1"');
    expect(out).toContain('为了 &amp; ');
    expect(out).toContain('<title>示例 · 条文</title>');
    // Its own policy: nothing but the inlined style, by hash; the page's own policy is gone.
    const hash = createHash('sha256').update(css).digest('base64');
    const policies = [...out.matchAll(/http-equiv="content-security-policy" content="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(policies).toEqual([
      `default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; style-src 'sha256-${hash}'`,
    ]);
    // Right after <meta charset>, so it applies before anything else.
    expect(out).toMatch(/<meta charset="utf-8"><meta http-equiv="content-security-policy"/);
  });

  test('site links stay site paths, or become absolute when the site is known', async () => {
    expect(await singleFileHtml(page, options)).toContain('href="/rules/other/#art_2"');
    expect(await singleFileHtml(page, { ...options, site: 'https://example.org' })).toContain(
      'href="https://example.org/rules/other/#art_2"',
    );
  });

  test('is named after the document, next to its page', () => {
    expect(singleFilePath('zibo-government-work-rules')).toBe(
      'zibo-government-work-rules/zibo-government-work-rules.html',
    );
    expect(singleFilePath('x', 'zh-hant/')).toBe('zh-hant/x/x.html');
  });
});
