// The service worker's store (Cache Storage): every file of the shell and of the saved copy
// once, by content hash; the saved copy's record (its manifest, kind and time), switched in
// one write when a newer copy is complete; and the pages the reader visited.

import { copyFiles, archiveHash, hashesByPath } from './archive-plan.ts';
import {
  cacheNames, COPY_KIND_HEADER, copyKey, fileKey, OFFLINE_TIMING, SAVED_AT_HEADER,
  type ArchiveFile, type ArchiveManifest, type CacheNames, type CopyKind, type SavedCopy,
} from './cache-names.ts';

export interface Store {
  /** The worker's scope URL, ending in '/'. */
  scope: string;
  names: CacheNames;
}

export function openStore(scope: string): Store {
  return { scope, names: cacheNames(new URL(scope).pathname) };
}

/** The saved copy with what serving it needs. */
export interface LoadedCopy extends SavedCopy {
  manifest: ArchiveManifest;
  /** Its files' hashes by path. */
  byPath: Map<string, string>;
}

/** The site moved on while a copy was being saved: a file's bytes are not the manifest's. */
export class OutdatedError extends Error {}

// Read once per worker (the manifest is megabytes at 100k articles); replaced when a save completes.
let loaded: Promise<LoadedCopy | undefined> | undefined;

export function savedCopy(store: Store): Promise<LoadedCopy | undefined> {
  loaded ??= (async () => {
    const record = await (await caches.open(store.names.copies)).match(copyKey(store.scope));
    if (!record) return undefined;
    const manifest = (await record.json()) as ArchiveManifest;
    const kind: CopyKind = record.headers.get(COPY_KIND_HEADER) === 'search' ? 'search' : 'full';
    const savedAt = record.headers.get(SAVED_AT_HEADER) ?? '';
    return { version: manifest.version, kind, savedAt, manifest, byPath: hashesByPath(copyFiles(manifest, kind)) };
  })();
  loaded.catch(() => { loaded = undefined; });
  return loaded;
}

/** Makes `manifest` the saved copy, in one write: the moment a newer copy replaces the older. */
export async function recordCopy(store: Store, manifest: ArchiveManifest, kind: CopyKind, savedAt: string): Promise<void> {
  const headers = { 'content-type': 'application/json', [SAVED_AT_HEADER]: savedAt, [COPY_KIND_HEADER]: kind };
  await (await caches.open(store.names.copies)).put(copyKey(store.scope), new Response(JSON.stringify(manifest), { headers }));
  loaded = undefined;
}

/** Beyond this many candidates, one listing of the store beats a look-up each. */
const FEW = 64;

/** Which of the files' hashes the store holds. */
export async function storedHashes(store: Store, files: readonly ArchiveFile[]): Promise<Set<string>> {
  const cache = await caches.open(store.names.files);
  if (files.length > FEW) {
    const prefix = fileKey(store.scope, '');
    return new Set((await cache.keys()).map((request) => request.url.slice(prefix.length)));
  }
  const present = await Promise.all(files.map(async (file) => (await cache.match(fileKey(store.scope, file.hash))) !== undefined));
  return new Set(files.filter((_, index) => present[index]).map((file) => file.hash));
}

/**
 * A stored file as the response to a request for it: a new response, so that its URL is the
 * request's (one stored file may serve two paths with the same bytes). `offlineSince`: the
 * time to tell the page it is an offline copy from (OFFLINE_TIMING).
 */
export async function fileResponse(store: Store, hash: string, offlineSince?: string): Promise<Response | undefined> {
  const stored = await (await caches.open(store.names.files)).match(fileKey(store.scope, hash));
  return stored && withOfflineTiming(stored, offlineSince);
}

/** A copy of `response` that tells the page, if `since` is given, that it is an offline copy from then. */
export function withOfflineTiming(response: Response, since: string | undefined): Response {
  const headers = new Headers(response.headers);
  if (since) headers.set('server-timing', `${OFFLINE_TIMING};desc="${since}"`);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Downloads a file of the site and stores it by its hash, after checking its bytes are the
 * ones the manifest lists: a copy is all of one published version (OutdatedError otherwise).
 */
export async function downloadFile(store: Store, file: ArchiveFile, savedAt: string): Promise<void> {
  // Past the HTTP cache: the file is kept here, not twice, and a page opened meanwhile at the
  // same URL is not made to wait for the download (the HTTP cache locks an entry being written).
  const response = await fetch(new URL(file.path, store.scope).href, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${response.status} for ${file.path}`);
  const bytes = await response.arrayBuffer();
  if (archiveHash(await sha256Hex(bytes)) !== file.hash) throw new OutdatedError(file.path);
  const headers = new Headers({ [SAVED_AT_HEADER]: savedAt });
  const type = response.headers.get('content-type');
  if (type) headers.set('content-type', type);
  await (await caches.open(store.names.files)).put(fileKey(store.scope, file.hash), new Response(bytes, { headers }));
}

/** Deletes every stored file whose hash is not kept: what neither the saved copy nor the shell holds. */
export async function keepOnly(store: Store, hashes: ReadonlySet<string>): Promise<void> {
  const files = await caches.open(store.names.files);
  const prefix = fileKey(store.scope, '');
  for (const request of await files.keys()) {
    if (!hashes.has(request.url.slice(prefix.length))) await files.delete(request);
  }
}
