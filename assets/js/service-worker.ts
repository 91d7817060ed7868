// The service worker (built to /sw.js under the path prefix, one per build): keeps the site
// shell and every page the reader visits, serves them offline, and on request from the
// search page saves a copy of the site for offline search and reading (save-copy.ts). A new
// build's worker keeps the reader's saved copy until a newer one is complete; a page served
// from a copy is served with the rest of that copy, never a mix of two builds (request-plan.ts).

import { hashesByPath } from './archive-plan.ts';
import {
  ARCHIVE_SUMMARY, cacheNames, cachePrefix, isLegacyArchive, SAVED_AT_HEADER,
  type ArchiveFile, type ArchiveMessage, type ArchiveSummary, type PanelRequest,
} from './cache-names.ts';
import { fileResponse, openStore, savedCopy, withOfflineTiming, type LoadedCopy } from './copy-store.ts';
import { collectGarbage, copyCost, saveCopy, storeShell, type SaveContext } from './save-copy.ts';
import { requestPlan } from './request-plan.ts';

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
 * copy. Kept in memory only: a page's scripts and styles come while it loads, with the
 * worker running; what it asks for later (the index, on a search) after the worker was
 * stopped comes as for any page, the site first and then the copy, which offline is this copy.
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

/** The stored file of `hash` as the response; `since`, for a page, says it is an offline copy from then. */
async function stored(hash: string | undefined, since?: string): Promise<Response | undefined> {
  return hash === undefined ? undefined : fileResponse(store, hash, since);
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

/** Answers a request from the first source of its plan (request-plan.ts) that has the file. */
async function answer(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const navigation = request.mode === 'navigate';
  const path = pathOf(request);
  const pinnedVersion = pinned.get(event.clientId);
  const plan = requestPlan({ navigation, path, pinned: pinnedVersion !== undefined, shellHolds: shellByPath.has(path) });
  // Read only when a step needs it: megabytes at 100k articles, once per worker.
  const copy = async (): Promise<LoadedCopy | undefined> => savedCopy(store).catch(() => undefined);
  const fromCopy = async (accept: (saved: LoadedCopy) => boolean): Promise<Response | undefined> => {
    const saved = await copy();
    if (!saved || !accept(saved)) return undefined;
    const response = await stored(saved.byPath.get(path), navigation ? saved.savedAt : undefined);
    if (response && navigation) pin(event.resultingClientId, saved.version);
    return response;
  };
  let failure: unknown;
  for (const source of plan) {
    let response: Response | undefined;
    if (source === 'network') {
      try {
        response = await fetch(request);
        if (navigation) {
          if (response.ok && response.type === 'basic') event.waitUntil(keepVisited(request, response.clone()).catch(() => undefined));
          pinned.delete(event.resultingClientId);
        }
      } catch (error) {
        failure = error;
      }
    } else if (source === 'copy') {
      response = await fromCopy(() => true);
    } else if (source === 'pinned-copy') {
      response = await fromCopy((saved) => saved.version === pinnedVersion);
    } else if (source === 'same-build-copy') {
      response = await fromCopy((saved) => saved.version === SW_VERSION);
    } else if (source === 'visited') {
      const visited = await (await caches.open(names.pages)).match(request, { ignoreSearch: true });
      response = visited && withOfflineTiming(visited, visited.headers.get(SAVED_AT_HEADER) ?? undefined);
    } else if (source === 'shell') {
      response = await stored(shellByPath.get(path));
      // A page from the shell is as old as the worker's install: the file's own saved time.
      if (response && navigation) response = withOfflineTiming(response, response.headers.get(SAVED_AT_HEADER) ?? undefined);
    } else if (source === 'legacy') {
      // An archive saved by a worker before this one (caches.match looks in every cache).
      response = await caches.match(request, { ignoreSearch: true });
    } else {
      // The offline page. Status 200: a 503 would be reported in the page's console as a failed load.
      response = (await stored(shellByPath.get(OFFLINE_PAGE))) ?? (await stored((await copy())?.byPath.get(OFFLINE_PAGE)));
    }
    if (response) return response;
  }
  throw failure ?? new Error(`${path}: not kept offline`);
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(answer(event));
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
      const update = saved && summary && saved.version !== summary.version ? await copyCost(context, summary.version) : undefined;
      reply({ type: 'status', saved: saved && { version: saved.version, kind: saved.kind, savedAt: saved.savedAt }, summary, cost: update?.cost });
    })());
  }
});
