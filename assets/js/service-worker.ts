// The service worker (built to /sw.js under the path prefix, one version per build): keeps
// the site shell and every page the reader visits, serves them offline, and on request
// from the search page saves the whole search archive so that search works offline.

import { ARCHIVE_MANIFEST, ARCHIVE_SUMMARY, cacheNames, cachePrefix, type ArchiveManifest, type ArchiveMessage } from './cache-names.ts';
import { SEARCH_SHARDS_FILE } from './search-shards.ts';

// Written in by the build (scripts/lib/search/browser-scripts.ts).
declare const SW_VERSION: string;
declare const SW_SHELL: string[];

// The parts of the service worker scope this file uses (the project's TypeScript library
// is the DOM's, not the WebWorker's).
interface ExtendableEvent extends Event { waitUntil(promise: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent { request: Request; respondWith(response: Promise<Response>): void }
interface ExtendableMessageEvent extends ExtendableEvent { data: unknown; ports: readonly MessagePort[] }
interface WorkerScope {
  registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const scope = worker.registration.scope;
const scopePath = new URL(scope).pathname;
const caches_ = cacheNames(scopePath, SW_VERSION);
const DOWNLOADS_AT_ONCE = 4;

worker.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(caches_.shell);
    await cache.addAll(SW_SHELL.map((path) => new URL(path, scope).href));
    await worker.skipWaiting();
  })());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const current = new Set(Object.values(caches_));
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(cachePrefix(scopePath)) && !current.has(name))
      .map((name) => caches.delete(name)));
    await worker.clients.claim();
  })());
});

/** The request's URL without its query: pages and Pagefind's entry file are kept once. */
function withoutQuery(request: Request): string {
  const url = new URL(request.url);
  url.search = '';
  return url.href;
}

async function networkFirst(request: Request, cacheName: string): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') {
      const cache = await caches.open(cacheName);
      await cache.put(withoutQuery(request), response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(cacheName);
    await cache.put(request, response.clone());
  }
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const path = new URL(request.url).pathname.slice(scopePath.length);
  // Pagefind asks for pagefind-entry.json?ts=… (one per shard), the page for the list of
  // shards: always the newest, any query matches offline.
  if (path.startsWith('pagefind/') && (path.endsWith('/pagefind-entry.json') || path === `pagefind/${SEARCH_SHARDS_FILE}`)) {
    event.respondWith(networkFirst(request, caches_.archive));
  }
  // The index's other files are named by their content or fixed per build.
  else if (path.startsWith('pagefind/')) event.respondWith(cacheFirst(request, caches_.archive));
  else if (path.startsWith('assets/')) event.respondWith(cacheFirst(request, caches_.shell));
  else event.respondWith(networkFirst(request, caches_.pages));
});

async function saveArchive(reply: (message: ArchiveMessage) => void): Promise<void> {
  try {
    const manifestUrl = new URL(ARCHIVE_MANIFEST, scope).href;
    const manifestResponse = await fetch(manifestUrl, { cache: 'no-cache' });
    if (!manifestResponse.ok) throw new Error(`${manifestResponse.status} for ${ARCHIVE_MANIFEST}`);
    const manifest = (await manifestResponse.clone().json()) as ArchiveManifest;
    if (manifest.version !== SW_VERSION) {
      reply({ type: 'outdated' });
      return;
    }
    const cache = await caches.open(caches_.archive);
    const queue = [...manifest.files];
    let done = 0;
    reply({ type: 'progress', bytes: 0, total: manifest.bytes });
    const download = async (): Promise<void> => {
      for (let file = queue.shift(); file; file = queue.shift()) {
        const url = new URL(file.path, scope).href;
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`${response.status} for ${file.path}`);
        await cache.put(url, response);
        done += file.bytes;
        reply({ type: 'progress', bytes: done, total: manifest.bytes });
      }
    };
    await Promise.all(Array.from({ length: DOWNLOADS_AT_ONCE }, download));
    // The search page reads the summary to offer (and, offline, to show) the saved copy.
    const summaryUrl = new URL(ARCHIVE_SUMMARY, scope).href;
    const summary = await fetch(summaryUrl, { cache: 'no-cache' });
    if (summary.ok) await cache.put(summaryUrl, summary);
    // Last, so that a saved manifest means a complete archive.
    await cache.put(manifestUrl, manifestResponse);
    reply({ type: 'saved' });
  } catch (error) {
    reply({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}

worker.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || (event.data as { type?: unknown } | null)?.type !== 'save-archive') return;
  event.waitUntil(saveArchive((message) => port.postMessage(message)));
});
