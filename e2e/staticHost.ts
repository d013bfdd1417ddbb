/**
 * A plain static host for the embed tests, like GitHub Pages or S3: the built folder under a sub-path
 * (/blog/rfm/), no COOP/COEP headers, and `Access-Control-Allow-Origin: *` as CDNs send (a module script
 * from another origin needs it). Host pages (/host/NAME.html) are served from the same server; loaded as
 * http://localhost:PORT they are on another origin than the app at http://127.0.0.1:PORT.
 *
 * With `crossSite`, the host pages are on http://127.0.0.1:PORT and the app on http://127.0.0.2:PORT: two real
 * loopback servers on different sites, where Chromium blocks storage (IndexedDB, Web Locks) in the app's frames
 * as a browser blocking third-party storage does. (A host page fulfilled by Playwright's page.route counts as
 * public, and Chromium's local-network checks then block its frames to 127.0.0.x.) With `cors: false` the
 * app's files come without Access-Control-Allow-Origin, as from a host that sends no CORS headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
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
  { crossSite = false, cors = true }: { crossSite?: boolean; cors?: boolean } = {},
): Promise<StaticHost> {
  const folder = resolve(root);
  const handle = (request: IncomingMessage, response: ServerResponse) => {
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
          ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  };
  const addresses = crossSite ? ['127.0.0.1', '127.0.0.2'] : ['127.0.0.1'];
  const servers: Server[] = await Promise.all(
    addresses.map(
      (address) =>
        new Promise<Server>((done) => {
          const server = createServer(handle);
          server.listen(port, address, () => done(server));
        }),
    ),
  );
  return {
    appUrl: `http://${crossSite ? '127.0.0.2' : '127.0.0.1'}:${port}${SUB_PATH}`,
    hostUrl: (name) => `http://${crossSite ? '127.0.0.1' : 'localhost'}:${port}/host/${name}.html`,
    close: () =>
      Promise.all(servers.map((server) => new Promise<void>((done) => server.close(() => done())))).then(() => {}),
  };
}
