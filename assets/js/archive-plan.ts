// Which files a saved copy holds and which an update must download: pure functions over the
// manifests, shared by the build (which writes the hashes), the service worker (which saves)
// and the tests. An update downloads a file only when no stored file has its content hash.

import type { ArchiveFile, ArchiveIndex, ArchiveManifest, CopyKind } from './cache-names.ts';

/** Hex digits of SHA-256 a manifest keeps: 128 bits tell files apart, at half the manifest's size. */
const HASH_DIGITS = 32;

/** A file's manifest hash from its SHA-256 in hex. */
export function archiveHash(sha256Hex: string): string {
  return sha256Hex.slice(0, HASH_DIGITS);
}

/**
 * The manifest of a list of parts, given each part's files in the list's order; throws when
 * a part does not list as many files as the list says (a part of another build).
 */
export function assembleManifest(index: ArchiveIndex, parts: readonly (readonly ArchiveFile[])[]): ArchiveManifest {
  if (parts.length !== index.parts.length) throw new Error(`the manifest lists ${index.parts.length} parts, ${parts.length} were given`);
  index.parts.forEach((part, position) => {
    const listed = (parts[position] as readonly ArchiveFile[]).length;
    if (listed !== part.files) throw new Error(`${part.path} lists ${listed} files, not ${part.files}`);
  });
  const { version, bytes, searchBytes, searchFiles } = index;
  return { version, bytes, searchBytes, searchFiles, files: parts.flat() };
}

/** The files a copy of this kind holds. */
export function copyFiles(manifest: ArchiveManifest, kind: CopyKind): ArchiveFile[] {
  return kind === 'full' ? manifest.files : manifest.files.slice(0, manifest.searchFiles);
}

/** A copy's files by path, for serving it. */
export function hashesByPath(files: readonly ArchiveFile[]): Map<string, string> {
  return new Map(files.map((file) => [file.path, file.hash]));
}

/**
 * The files of `wanted` to download, one per content hash: those whose hash is not among the
 * `stored` ones (the saved copy's and the shell's, and any the store was found to hold).
 */
export function filesToDownload(wanted: readonly ArchiveFile[], stored: ReadonlySet<string>): ArchiveFile[] {
  const seen = new Set(stored);
  const download: ArchiveFile[] = [];
  for (const file of wanted) {
    if (seen.has(file.hash)) continue;
    seen.add(file.hash);
    download.push(file);
  }
  return download;
}

export function totalBytes(files: readonly ArchiveFile[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}

/** The hashes the files store keeps: every list's (the saved copy's, the shell's). */
export function hashesToKeep(...lists: readonly (readonly ArchiveFile[])[]): Set<string> {
  return new Set(lists.flatMap((files) => files.map((file) => file.hash)));
}
