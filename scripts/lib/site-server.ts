/**
 * A tiny static server for a built site (base path, directory index.html, 404) on a free
 * loopback port, and headless Chromium driven by playwright-core: used by the benchmarks and,
 * through tests/browser/harness.ts, by the browser tests. Chromium is required: a missing
 * browser throws, it never skips.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

export interface SiteServer {
  /** Origin plus base, with a trailing slash: `http://127.0.0.1:PORT/rules/`. */
  url: string;
  origin: string;
  /** Every path the server was asked for, for asserting on requests. */
  requests: string[];
  close(): Promise<void>;
}

/** Serve `dir` (a built site) under `base` (`/` or `/rules/`) on 127.0.0.1 and a free port. */
export async function serveSite(dir: string, base = '/'): Promise<SiteServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No built site in ${root} (index.html missing): run "npm run build" first.`);
  }
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const notFound = async () => {
      const page = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(existsSync(page) ? await readFile(page) : '404 Not Found');
    };
    if (!url.pathname.startsWith(base)) return notFound();
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname.slice(base.length));
    } catch {
      return notFound();
    }
    let file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return notFound(); // no climbing out
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + base,
    origin,
    requests,
    close: () => new Promise<void>((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}

/** The Chromium executable: /usr/bin/chromium, else `chromium` on PATH; throws loudly when absent. */
export function findChromium(): string {
  const candidates = ['/usr/bin/chromium'];
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
    if (onPath) candidates.push(onPath);
  } catch {
    /* not on PATH */
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('Chromium not found: run "apt-get install -y chromium"');
  return found;
}

/** Launch headless Chromium with no network beyond loopback and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
