// Saving and updating the offline copy, in the service worker: downloads only the files whose
// content hash the store lacks, checks each against the live manifest, and only when all are
// stored makes the new copy the saved one. Until then the older copy stays whole and is
// what offline reading and search use; an interrupted update keeps what it downloaded.

import { assembleManifest, copyFiles, filesToDownload, hashesToKeep, totalBytes } from './archive-plan.ts';
import {
  ARCHIVE_MANIFEST, isLegacyArchive, liveManifestKey,
  type ArchiveFile, type ArchiveIndex, type ArchiveManifest, type ArchiveMessage, type ArchivePartFile, type CopyKind,
} from './cache-names.ts';
import { downloadFile, keepOnly, OutdatedError, recordCopy, savedCopy, storedHashes, type Store } from './copy-store.ts';

export interface SaveContext {
  store: Store;
  /** This worker's build version: a copy is saved only from the build the worker belongs to. */
  version: string;
  /** The shell this worker installed: its files are stored already. */
  shell: readonly ArchiveFile[];
  /** The reader's clock, for the copy's saved time. */
  now: () => Date;
}

const DOWNLOADS_AT_ONCE = 4;

/** Runs `work` on each item, DOWNLOADS_AT_ONCE at a time, in order; the first failure stops the rest. */
async function fewAtATime<T>(items: readonly T[], work: (item: T, position: number) => Promise<void>): Promise<void> {
  const queue = [...items.entries()];
  let failed = false;
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next && !failed; next = queue.shift()) {
      try {
        await work(next[1], next[0]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_AT_ONCE }, lane));
}

/** The JSON of a file of the site; `cache` as fetch takes it. */
async function fetchJson<T>(scope: string, path: string, cache: RequestCache): Promise<T> {
  const response = await fetch(new URL(path, scope).href, { cache });
  if (!response.ok) throw new Error(`${response.status} for ${path}`);
  return (await response.json()) as T;
}

/**
 * The live site's manifest, of `version` when it is that: its list of parts and the parts,
 * read from the site once and kept put together, for it is megabytes at 100k articles and
 * the search page asks for the update's cost on every visit until the reader updates. The
 * parts are named by their content: those an earlier build had come from the browser's cache.
 */
async function liveManifest(store: Store, version: string): Promise<ArchiveManifest> {
  const copies = await caches.open(store.names.copies);
  const kept = (await (await copies.match(liveManifestKey(store.scope)))?.json()) as ArchiveManifest | undefined;
  if (kept?.version === version) return kept;
  const index = await fetchJson<ArchiveIndex>(store.scope, ARCHIVE_MANIFEST, 'no-store');
  const parts: ArchiveFile[][] = [];
  await fewAtATime(index.parts, async (part, position) => {
    parts[position] = (await fetchJson<ArchivePartFile>(store.scope, part.path, 'default')).files;
  });
  const manifest = assembleManifest(index, parts);
  if (manifest.version === version) await copies.put(liveManifestKey(store.scope), new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
  return manifest;
}

/** The files a copy of `kind` still needs from the site: those the store has no file for. */
async function missingFiles(context: SaveContext, manifest: ArchiveManifest, kind: CopyKind): Promise<ArchiveFile[]> {
  const saved = await savedCopy(context.store);
  // The saved copy's and the shell's files are stored; others only may be (an interrupted update's).
  const stored = hashesToKeep(saved ? copyFiles(saved.manifest, saved.kind) : [], context.shell);
  const candidates = filesToDownload(copyFiles(manifest, kind), stored);
  const present = await storedHashes(context.store, candidates);
  return candidates.filter((file) => !present.has(file.hash));
}

/** What saving each kind of copy of the live `version` would download now; undefined offline. */
export async function copyCost(context: SaveContext, version: string): Promise<{ cost: Record<CopyKind, number> } | undefined> {
  try {
    const manifest = await liveManifest(context.store, version);
    const [full, search] = await Promise.all([missingFiles(context, manifest, 'full'), missingFiles(context, manifest, 'search')]);
    return { cost: { full: totalBytes(full), search: totalBytes(search) } };
  } catch {
    return undefined;
  }
}

/** Downloads the files, a few at a time; the first failure stops every download. */
async function downloadAll(context: SaveContext, files: readonly ArchiveFile[], savedAt: string, progress: (bytes: number) => void): Promise<void> {
  let done = 0;
  await fewAtATime(files, async (file) => {
    await downloadFile(context.store, file, savedAt);
    done += file.bytes;
    progress(done);
  });
}

// Saves and clean-ups run one at a time: a clean-up never deletes what a save just downloaded.
let running: Promise<void> = Promise.resolve();

/**
 * Stores the shell files the store lacks (at install, only those the build changed; again at
 * activation, in case an older worker's clean-up removed some meanwhile).
 */
export async function storeShell(context: SaveContext): Promise<void> {
  const savedAt = context.now().toISOString();
  const stored = await storedHashes(context.store, context.shell);
  for (const file of filesToDownload(context.shell, stored)) await downloadFile(context.store, file, savedAt);
}

/** Deletes the stored files neither the saved copy nor this worker's shell holds, after any save under way. */
export function collectGarbage(context: SaveContext): Promise<void> {
  running = running.then(async () => {
    const saved = await savedCopy(context.store);
    await keepOnly(context.store, hashesToKeep(context.shell, saved ? copyFiles(saved.manifest, saved.kind) : []));
  }).catch(() => undefined);
  return running;
}

/** Saves (or updates to) the live copy of `kind`; one save at a time, in the order asked. */
export function saveCopy(context: SaveContext, kind: CopyKind, reply: (message: ArchiveMessage) => void): Promise<void> {
  running = running.then(() => save(context, kind, reply));
  return running;
}

async function save(context: SaveContext, kind: CopyKind, reply: (message: ArchiveMessage) => void): Promise<void> {
  try {
    const manifest = await liveManifest(context.store, context.version);
    if (manifest.version !== context.version) {
      reply({ type: 'outdated' });
      return;
    }
    const missing = await missingFiles(context, manifest, kind);
    const total = totalBytes(missing);
    reply({ type: 'progress', bytes: 0, total });
    const savedAt = context.now().toISOString();
    await downloadAll(context, missing, savedAt, (bytes) => reply({ type: 'progress', bytes, total }));
    // A newer worker's clean-up may have run meanwhile: record only a copy whose files are all there.
    const stored = await storedHashes(context.store, missing);
    if (missing.some((file) => !stored.has(file.hash))) throw new Error('a downloaded file is no longer stored');
    await recordCopy(context.store, manifest, kind, savedAt);
    await (await caches.open(context.store.names.copies)).delete(liveManifestKey(context.store.scope));
    // Only now may the older copy's files and an older worker's archive go.
    const legacy = (await caches.keys()).filter((name) => isLegacyArchive(name, new URL(context.store.scope).pathname));
    await Promise.all(legacy.map((name) => caches.delete(name)));
    await keepOnly(context.store, hashesToKeep(copyFiles(manifest, kind), context.shell));
    reply({ type: 'saved', copy: { version: manifest.version, kind, savedAt } });
  } catch (error) {
    if (error instanceof OutdatedError) reply({ type: 'outdated' });
    else {
      const noSpace = error instanceof DOMException && error.name === 'QuotaExceededError';
      reply({ type: 'failed', reason: error instanceof Error ? error.message : String(error), noSpace });
    }
  }
}
