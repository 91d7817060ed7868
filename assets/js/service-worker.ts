// The service worker (built to /sw.js under the path prefix, one per build): keeps the site
// shell and every page the reader visits, serves them offline, and on request from the
// search page saves a copy of the site for offline search and reading (save-copy.ts). A new
// build's worker keeps the reader's saved copy until a newer one is complete; a page served
// from a copy is served with the rest of that copy, never a mix of two builds.

import { hashesByPath } from './archive-plan.ts';
import {
  ARCHIVE_SUMMARY, cacheNames, cachePrefix, isLegacyArchive, SAVED_AT_HEADER,
  type ArchiveFile, type ArchiveMessage, type ArchiveSummary, type PanelRequest,
} from './cache-names.ts';
import { fileResponse, openStore, savedCopy, withOfflineTiming } from './copy-store.ts';
import { collectGarbage, copyCost, saveCopy, storeShell, type SaveContext } from './save-copy.ts';
import { SEARCH_SHARDS_FILE } from './search-shards.ts';

// Written in by the build (scripts/lib/search/browser-scripts.ts).
declare const SW_VERSION: string;
declare const SW_SHELL: ArchiveFile[];

// The parts of the service worker scope this file uses (the project's TypeScript library
// is the DOM's, not the WebWorker's).
interface ExtendableEvent extends Event { waitUntil(promise: Promise<unknown>): void }
interface FetchEvent extends ExtendableEvent {
  request: Request;
  clientId: string;
  resultingClientId: string;
  respondWith(response: Promise<Response>): void;
}
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
const store = openStore(scope);
const names = cacheNames(scopePath);
const shellByPath = hashesByPath(SW_SHELL);
const context: SaveContext = { store, version: SW_VERSION, shell: SW_SHELL, now: () => new Date() };
const OFFLINE_PAGE = 'offline/';

worker.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // Only the shell files this build changed: the others are stored by their hash already.
    await storeShell(context);
    await worker.skipWaiting();
  })());
});

worker.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Older workers' caches (before the copy outlived builds) go, except a saved archive,
    // which stays until a newer copy is complete.
    const own = new Set(Object.values(names));
    await Promise.all((await caches.keys())
      .filter((name) => name.startsWith(cachePrefix(scopePath)) && !own.has(name) && !isLegacyArchive(name, scopePath))
      .map((name) => caches.delete(name)));
    await worker.clients.claim();
  })());
  // Not part of the activation, which pages' requests wait for: the older shells' files go.
  void storeShell(context).catch(() => undefined).then(() => collectGarbage(context));
});

/**
 * Pages served from the saved copy, by client: the files they ask for come from the same
 * copy. Kept in memory; a worker restarted since then finds a page's files as any other
 * page's (network first, then the copy), which is the same copy while the reader is offline.
 */
const pinned = new Map<string, string>();
const PINS_KEPT = 50;

function pin(clientId: string, version: string): void {
  if (!clientId) return;
  pinned.delete(clientId);
  pinned.set(clientId, version);
  if (pinned.size > PINS_KEPT) pinned.delete(pinned.keys().next().value as string);
}

/** The site-relative path of a request, decoded, without its query. */
function pathOf(request: Request): string {
  const { pathname } = new URL(request.url);
  const path = pathname.slice(scopePath.length);
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function withoutQuery(request: Request): string {
  const url = new URL(request.url);
  url.search = '';
  return url.href;
}

/** A file of the saved copy, if it holds the path. */
async function fromCopy(path: string, offline: boolean): Promise<{ response: Response; version: string } | undefined> {
  const copy = await savedCopy(store);
  const hash = copy?.byPath.get(path);
  if (!copy || !hash) return undefined;
  const response = await fileResponse(store, hash, offline ? copy.savedAt : undefined);
  return response ? { response, version: copy.version } : undefined;
}

async function fromShell(path: string, offline: boolean): Promise<Response | undefined> {
  const hash = shellByPath.get(path);
  if (!hash) return undefined;
  const response = await fileResponse(store, hash);
  if (!response || !offline) return response;
  return withOfflineTiming(response, response.headers.get(SAVED_AT_HEADER) ?? undefined);
}

/** What an archive saved by a worker before this one holds (caches.match looks in every cache). */
async function fromLegacy(request: Request): Promise<Response | undefined> {
  return caches.match(request, { ignoreSearch: true });
}

/** Visited pages kept for reading offline, the most recently visited. */
const VISITED_PAGES_KEPT = 300;

/** Keeps a page as the reader saw it, with when; the oldest visits beyond the limit go. */
async function keepVisited(request: Request, response: Response): Promise<void> {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, context.now().toISOString());
  const pages = await caches.open(names.pages);
  // A put replaces the entry and puts it last: keys() runs from the least recently visited.
  await pages.put(withoutQuery(request), new Response(response.body, { status: response.status, statusText: response.statusText, headers }));
  const visited = await pages.keys();
  await Promise.all(visited.slice(0, Math.max(0, visited.length - VISITED_PAGES_KEPT)).map((key) => pages.delete(key)));
}

async function navigate(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const path = pathOf(request);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') event.waitUntil(keepVisited(request, response.clone()).catch(() => undefined));
    pinned.delete(event.resultingClientId);
    return response;
  } catch (error) {
    // Offline: the saved copy (all of one build: the search page with its own index), then
    // the page as the reader last saw it, then the shell, then the offline page.
    const copied = await fromCopy(path, true);
    if (copied) {
      pin(event.resultingClientId, copied.version);
      return copied.response;
    }
    const visited = await (await caches.open(names.pages)).match(request, { ignoreSearch: true });
    if (visited) return withOfflineTiming(visited, visited.headers.get(SAVED_AT_HEADER) ?? undefined);
    const shell = await fromShell(path, true);
    if (shell) return shell;
    const legacy = await fromLegacy(request);
    if (legacy) return legacy;
    // Status 200: a 503 would be reported in the page's console as a failed load.
    const offlinePage = (await fromShell(OFFLINE_PAGE, false)) ?? (await fromCopy(OFFLINE_PAGE, false))?.response;
    if (offlinePage) return offlinePage;
    throw error;
  }
}

/** Pagefind's files named by their content (…/ar_1a2b3c.pf_index): the same name is the same bytes. */
const byContent = (path: string): boolean => /\.pf_[a-z]+$/.test(path);
/** The index's entry files, which name the rest: always the site's newest when it can be reached. */
const isEntry = (path: string): boolean => path.endsWith('/pagefind-entry.json') || path === `pagefind/${SEARCH_SHARDS_FILE}`;

async function subresource(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const path = pathOf(request);
  const pinnedVersion = pinned.get(event.clientId);
  if (pinnedVersion !== undefined) {
    const copied = await fromCopy(path, false);
    if (copied && copied.version === pinnedVersion) return copied.response;
  }
  // This build's shell (its assets); the index's files from the copy, when their name says
  // their bytes or the copy is this build's (Pagefind's script and WebAssembly).
  const shell = await fromShell(path, false);
  if (shell) return shell;
  if (path.startsWith('pagefind/') && !isEntry(path)) {
    const copied = await fromCopy(path, false);
    if (copied && (byContent(path) || copied.version === SW_VERSION)) return copied.response;
  }
  try {
    return await fetch(request);
  } catch (error) {
    const copied = (await fromCopy(path, false))?.response ?? (await fromLegacy(request));
    if (copied) return copied;
    throw error;
  }
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(request.mode === 'navigate' ? navigate(event) : subresource(event));
});

worker.addEventListener('message', (event) => {
  const port = event.ports[0];
  const message = event.data as PanelRequest | null;
  if (!port || !message) return;
  const reply = (answer: ArchiveMessage): void => port.postMessage(answer);
  if (message.type === 'save' && (message.kind === 'full' || message.kind === 'search')) {
    event.waitUntil(saveCopy(context, message.kind, reply));
  } else if (message.type === 'status') {
    event.waitUntil((async () => {
      // Read here rather than by the page: offline, a failed fetch is the worker's, not a page error.
      const summary = await fetch(new URL(ARCHIVE_SUMMARY, scope).href, { cache: 'no-store' })
        .then((response) => (response.ok ? (response.json() as Promise<ArchiveSummary>) : undefined), () => undefined);
      const saved = await savedCopy(store);
      // The cost of an update, when there is one: the live manifest is read only then.
      const update = saved && summary && saved.version !== summary.version ? await copyCost(context) : undefined;
      reply({ type: 'status', saved: saved && { version: saved.version, kind: saved.kind, savedAt: saved.savedAt }, summary, cost: update?.cost });
    })());
  }
});
