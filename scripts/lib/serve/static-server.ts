// A small static file server for the built site: for previewing _site as a host would
// serve it (under the path prefix, with the Arabic 404 page, the build's precompressed .br
// or .gz when the browser accepts it, and the caching of cache-policy.ts: a year for
// content-hashed names, revalidation with an ETag for the rest) and for browser tests.

import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, relative as relativePath, resolve, sep } from 'node:path';
import { cacheControlFor } from '../site/cache-policy.ts';
import { ENCODINGS, isCompressible } from '../site/precompress.ts';
import { normalisedPathPrefix } from '../site/urls.ts';

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
  /**
   * An HTML page answered (404) when the site has neither the file nor a 404.html: the
   * preview's page for a site whose first build failed, which the overlay then covers.
   */
  noSitePage?: string;
  /** Handlers for paths outside the site (the preview's reload events). */
  extraRoutes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void>;
  /**
   * Called with every request before it is answered, which waits for it: browser tests log
   * what the service worker downloads, and hold a download to act while it is under way.
   */
  onRequest?: (request: IncomingMessage, pathname: string) => void | Promise<void>;
  /**
   * Serve a file's precompressed .br or .gz when the request accepts it (default true). The
   * preview turns it off: it writes pages without their copies, which would be stale.
   */
  precompressed?: boolean;
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

/** The encodings a request accepts, by its Accept-Encoding header (a q=0 refuses one). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const refused = parameters.some((parameter) => /^\s*q\s*=\s*0(?:\.0*)?\s*$/.test(parameter));
    if (name && !refused) accepted.add(name.trim());
  }
  return accepted;
}

/** The precompressed copy to send for a file, preferring brotli, when there is one the request accepts. */
async function precompressedCopy(file: string, accept: string | undefined): Promise<{ file: string; encoding: string; info: Stats } | undefined> {
  if (!isCompressible(file)) return undefined;
  const accepted = acceptedEncodings(accept);
  for (const { suffix, name } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    const info = await stat(`${file}${suffix}`).catch(() => undefined);
    if (info?.isFile()) return { file: `${file}${suffix}`, encoding: name, info };
  }
  return undefined;
}

/** A validator from the file's size and modification time, as common static hosts make one. */
const etagOf = (info: Stats, encoding: string | undefined): string =>
  `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;

export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = resolve(options.root);
  const prefix = `${normalisedPathPrefix(options.pathPrefix ?? '/')}/`;
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
    if (!file && options.noSitePage === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404');
      return;
    }
    if (!file || (options.injectIntoHtml && file.endsWith('.html'))) {
      // A page of the preview (the site's, or the page for no site yet): with its script, never cached.
      response.writeHead(status, { 'content-type': CONTENT_TYPES['.html'] as string, 'cache-control': 'no-cache' });
      if (request.method === 'HEAD') response.end();
      else response.end((file ? await readFile(file, 'utf8') : options.noSitePage as string).replace('</body>', `${options.injectIntoHtml ?? ''}</body>`));
      return;
    }
    const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
    const copy = options.precompressed === false ? undefined : await precompressedCopy(file, request.headers['accept-encoding']);
    const sent = copy ?? { file, encoding: undefined, info: await stat(file) };
    headers['cache-control'] = status === 200 ? cacheControlFor(relativePath(root, file).split(sep).join('/')) : 'no-cache';
    if (isCompressible(file)) headers.vary = 'Accept-Encoding';
    if (sent.encoding) headers['content-encoding'] = sent.encoding;
    headers['content-length'] = String(sent.info.size);
    const etag = etagOf(sent.info, sent.encoding);
    headers.etag = etag;
    if (status === 200 && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, 'cache-control': headers['cache-control'], ...(headers.vary ? { vary: headers.vary } : {}) }).end();
      return;
    }
    response.writeHead(status, headers);
    if (request.method === 'HEAD') response.end();
    else createReadStream(sent.file).pipe(response);
  });
  await new Promise<void>((resolveListen) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolveListen));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}${prefix}`,
    server,
    // Closing also ends the connections a client keeps alive (fetch keeps one for 3 s), rather
    // than waiting for the client to drop them.
    close: () => new Promise((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    }),
  };
}
