/**
 * A plain static host for the embed tests, like GitHub Pages or S3: the built folder under a sub-path
 * (/blog/rfm/), no COOP/COEP headers, and `Access-Control-Allow-Origin: *` as CDNs send (a module script
 * from another origin needs it). Host pages (/host/NAME.html) are served from the same server; loaded as
 * http://localhost:PORT they are on another origin than the app at http://127.0.0.1:PORT.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
  '.txt': 'text/plain; charset=utf-8',
};

export const SUB_PATH = '/blog/rfm/';

export interface StaticHost {
  /** The app's folder URL on the app's origin (127.0.0.1). */
  appUrl: string;
  /** A host page's URL on the other origin (localhost). */
  hostUrl: (name: string) => string;
  close: () => Promise<void>;
}

export async function startStaticHost(
  port: number,
  root: string,
  hostPages: Record<string, string>,
): Promise<StaticHost> {
  const folder = resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const page = /^\/host\/([\w-]+)\.html$/.exec(path)?.[1];
      if (page !== undefined && hostPages[page] !== undefined) {
        response.writeHead(200, { 'Content-Type': TYPES['.html']! });
        response.end(hostPages[page]);
        return;
      }
      if (!path.startsWith(SUB_PATH)) {
        response.writeHead(404).end();
        return;
      }
      const relative = normalize(path.slice(SUB_PATH.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
      const file = join(folder, relative.endsWith('/') ? `${relative}index.html` : relative);
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Access-Control-Allow-Origin': '*',
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return {
    appUrl: `http://127.0.0.1:${port}${SUB_PATH}`,
    hostUrl: (name) => `http://localhost:${port}/host/${name}.html`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
