// A small static file server for the built site: for previewing _site as a host would
// serve it (under the path prefix, with the Arabic 404 page) and for browser tests.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServerOptions {
  root: string;
  /** Path the site is mounted under: '/' or '/news/'. */
  pathPrefix?: string;
  port?: number;
  host?: string;
  /** Markup put before </body> of every HTML page served (the preview's reload script). */
  injectIntoHtml?: string;
  /** Handlers for paths outside the site (the preview's reload events). */
  extraRoutes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void>;
  /**
   * Called with every request before it is answered, which waits for it: browser tests log
   * what the service worker downloads, and hold a download to act while it is under way.
   */
  onRequest?: (request: IncomingMessage, pathname: string) => void | Promise<void>;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<string | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) {
    const index = join(path, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}

export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const prefix = `/${(options.pathPrefix ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    await options.onRequest?.(request, pathname);
    const route = options.extraRoutes?.[pathname];
    if (route) { route(request, response); return; }
    let file: string | undefined;
    if (pathname.startsWith(prefix) || `${pathname}/` === prefix) {
      const relative = pathname.slice(prefix.length - 1);
      const candidate = normalize(join(root, relative));
      if (candidate === root || candidate.startsWith(root + sep)) file = await fileAt(candidate);
      if (file && !pathname.endsWith('/') && file.endsWith(`${sep}index.html`) && !relative.endsWith('index.html')) {
        response.writeHead(301, { location: `${pathname}/` }).end();
        return;
      }
    }
    const status = file ? 200 : 404;
    file ??= await fileAt(join(root, '404.html'));
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    response.writeHead(status, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (request.method === 'HEAD') response.end();
    else if (options.injectIntoHtml && file.endsWith('.html')) response.end((await readFile(file, 'utf8')).replace('</body>', `${options.injectIntoHtml}</body>`));
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${prefix}`,
    server,
    close: () => new Promise((resolveClose) => server.close(() => resolveClose())),
  };
}
