// Fingerprints a folder (every file's path and SHA-256) and compares two of them: how the
// tests, the property test and the benchmark prove that an incremental build wrote exactly
// what a clean build writes. Anything but folders and regular files (a symbolic link, a
// socket) is reported: a published site is plain files.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export async function hashTree(folder: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(folder, path).split(sep).join('/');
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) { hashes.set(name, 'not a regular file'); continue; }
    hashes.set(name, createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return new Map([...hashes].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Paths whose bytes differ, or that exist on one side only. */
export function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((path) => a.get(path) !== b.get(path)).sort();
}

/** The differences between two folders, each path with what is wrong with it. */
export async function compareTrees(expected: string, actual: string): Promise<string[]> {
  const [want, got] = await Promise.all([hashTree(expected), hashTree(actual)]);
  return differences(want, got).map((path) =>
    !got.has(path) ? `${path}: missing` : !want.has(path) ? `${path}: not expected` : `${path}: different bytes`);
}
