// Measures search in Chromium against a built site: the bytes the browser downloads and the
// time taken by a first and a second search, typed into the site's search page, and by a
// search no segment answers (every segment asked before «لا نتائج»).
// Bytes are counted at the local server, as sent; service workers are blocked.

import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '../browser/chromium.ts';
import { startStaticServer } from '../../lib/serve/static-server.ts';

// The page's document as the callback given to waitForFunction uses it: that runs in
// Chromium, while this file is Node code, type-checked without the DOM library (tsconfig.json).
declare const document: { querySelector(selector: string): { textContent: string | null } | null };

export interface Transfer {
  /** Bytes sent, headers included. */
  bytes: number;
  requests: number;
  /** Of those, the bodies of Pagefind's files (a search page may load Pagefind before any search). */
  pagefindBytes: number;
}

export interface SearchStep extends Transfer {
  query: string;
  milliseconds: number;
  results: number;
}

/**
 * What a reader following a link to /search/?q=… downloads of the search index (issue 12's
 * measure): the bytes of the files under /pagefind/ fetched from the navigation until
 * FIRST_SEARCH_WINDOW_MS after the first result shows, in the page's default order.
 */
export interface DeepLinkSearch {
  query: string;
  /** From the navigation to the first result on the page. */
  firstResultMs: number;
  pagefindBytes: number;
  pagefindRequests: number;
}

/** How long after the first result the deep link's downloads still count. */
export const FIRST_SEARCH_WINDOW_MS = 1500;

export interface SearchProbe {
  /** The page the searches ran on, relative to the site. */
  page: string;
  deepLink: DeepLinkSearch;
  pageLoad: Transfer;
  first: SearchStep;
  second: SearchStep;
  /** A word the archive lacks: the search asks every segment. */
  unanswered: SearchStep;
  consoleErrors: string[];
}

export type SearchProbeResult = { ok: true; probe: SearchProbe } | { ok: false; skipped: string };

/** Words every corpus has many articles for: a tag name, then a common word. */
export const DEFAULT_QUERIES = ['دمشق', 'الاستثمارات'] as const;
/** A word the generated corpus never uses (scripts/tools/bench/generate-corpus.ts). */
export const UNANSWERED_QUERY = 'فنزويلا';

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

export async function probeSearch(
  siteDir: string,
  options: { pathPrefix?: string; queries?: readonly [string, string]; unanswered?: string } = {},
): Promise<SearchProbeResult> {
  if (!(await exists(join(siteDir, 'pagefind', 'pagefind.js')))) {
    return { ok: false, skipped: 'the build wrote no search index (no _site/pagefind/pagefind.js)' };
  }
  if (!(await exists(join(siteDir, 'search', 'index.html')))) return { ok: false, skipped: 'the site has no search page (search/)' };
  const page = 'search/';
  const [firstQuery, secondQuery] = options.queries ?? DEFAULT_QUERIES;
  const server = await startStaticServer({ root: siteDir, pathPrefix: options.pathPrefix ?? '/' });
  const browser = await launchChromium().catch((error: unknown) => error as Error);
  if (browser instanceof Error) {
    await server.close();
    return { ok: false, skipped: `Chromium did not start: ${browser.message.split('\n')[0]}` };
  }
  // Counted where the bytes leave: at the server, for every request of the page, Pagefind's
  // web worker included; headers and bodies as sent (the server does not compress).
  const sockets: Socket[] = [];
  let requests = 0;
  let pagefindBytes = 0;
  let inFlight = 0;
  let lastActivity = Date.now();
  const pagefindSizes: Promise<void>[] = [];
  /** Every Pagefind file served: when its response ended, and its size. */
  const pagefindServed: { at: number; bytes: number }[] = [];
  const pagefindPath = `${new URL(server.url).pathname}pagefind/`;
  server.server.on('connection', (socket: Socket) => sockets.push(socket));
  server.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    requests += 1;
    inFlight += 1;
    lastActivity = Date.now();
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    response.once('close', () => {
      inFlight -= 1;
      lastActivity = Date.now();
      if (response.statusCode === 200 && path.startsWith(pagefindPath)) {
        const at = performance.now();
        pagefindSizes.push(stat(join(siteDir, 'pagefind', decodeURIComponent(path.slice(pagefindPath.length)))).then((info) => {
          pagefindBytes += info.size;
          pagefindServed.push({ at, bytes: info.size });
        }, () => undefined));
      }
    });
  });
  const bytesSent = (): number => sockets.reduce((sum, socket) => sum + socket.bytesWritten, 0);
  let mark = { bytes: 0, requests: 0, pagefindBytes: 0 };
  /** Waits until nothing has been in flight for a moment; returns what was sent since the last call. */
  const settle = async (): Promise<Transfer> => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < 300)) await new Promise((wait) => setTimeout(wait, 50));
    await Promise.all(pagefindSizes.splice(0));
    const now = { bytes: bytesSent(), requests, pagefindBytes };
    const counted = { bytes: now.bytes - mark.bytes, requests: now.requests - mark.requests, pagefindBytes: now.pagefindBytes - mark.pagefindBytes };
    mark = now;
    return counted;
  };

  try {
    // No service worker: it would precache the site shell while the searches run, and answer
    // requests from its cache; what is measured here is what search itself downloads.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const tab = await context.newPage();
    const consoleErrors: string[] = [];
    tab.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    tab.on('pageerror', (error) => consoleErrors.push(error.message));

    // A reader arriving by a link to the search, in a context of its own (nothing cached).
    const deepLinkContext = await browser.newContext({ serviceWorkers: 'block' });
    const deepLinkTab = await deepLinkContext.newPage();
    const navigated = performance.now();
    await deepLinkTab.goto(`${server.url}${page}?q=${encodeURIComponent(firstQuery)}`);
    await deepLinkTab.waitForSelector('.search-result', { timeout: 120_000 });
    const firstResult = performance.now();
    await new Promise((wait) => setTimeout(wait, FIRST_SEARCH_WINDOW_MS));
    await Promise.all(pagefindSizes.splice(0));
    const counted = pagefindServed.filter((served) => served.at >= navigated && served.at <= firstResult + FIRST_SEARCH_WINDOW_MS);
    const deepLink: DeepLinkSearch = {
      query: firstQuery,
      firstResultMs: firstResult - navigated,
      pagefindBytes: counted.reduce((sum, served) => sum + served.bytes, 0),
      pagefindRequests: counted.length,
    };
    await deepLinkContext.close();
    await settle();

    await tab.goto(`${server.url}${page}`, { waitUntil: 'load' });
    const pageLoad = await settle();
    // Through the search page itself, as a reader searches: it loads Pagefind, merges the
    // index's shards and shows the first results (their fragments are part of the cost).
    const search = async (query: string): Promise<SearchStep> => {
      const started = performance.now();
      await tab.fill('#search-query', query);
      await tab.press('#search-query', 'Enter');
      await tab.waitForFunction((text) => document.querySelector('[data-search-status]')?.textContent?.endsWith(`«${text}»`), query, { timeout: 120_000 });
      const milliseconds = performance.now() - started;
      const results = Number(await tab.getAttribute('[data-search-status]', 'data-results'));
      const counted = await settle();
      return { query, milliseconds, results, ...counted };
    };
    const first = await search(firstQuery);
    const second = await search(secondQuery);
    const unanswered = await search(options.unanswered ?? UNANSWERED_QUERY);
    return { ok: true, probe: { page: page || '/', deepLink, pageLoad, first, second, unanswered, consoleErrors } };
  } finally {
    await browser.close();
    await server.close();
  }
}
