/** The web app manifest: installable as 条文, starting at and scoped to the base path. */
import type { APIRoute } from 'astro';
import { withBase } from '../data/links.ts';

export const GET: APIRoute = () => {
  const manifest = {
    id: withBase(),
    name: '条文：法规阅读',
    short_name: '条文',
    description: '按条、款、项精确定位的法规阅读器，可离线阅读和搜索。',
    lang: 'zh-Hans',
    dir: 'ltr',
    start_url: withBase(),
    scope: withBase(),
    display: 'standalone',
    background_color: '#fbfaf7',
    theme_color: '#fbfaf7',
    icons: [
      { src: withBase('icons/icon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      { src: withBase('icons/icon-192.png'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: withBase('icons/icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      {
        src: withBase('icons/icon-maskable-512.png'),
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  };
  return new Response(JSON.stringify(manifest, null, 2), {
    headers: { 'content-type': 'application/manifest+json' },
  });
};
