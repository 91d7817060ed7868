// Lists the files below a folder, depth first and in name order, without holding more
// than one folder's listing per level in memory.

import { readdirSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Yields every regular file below folder (sorted by name within each folder), skipping hidden entries. */
export async function* walkFiles(folder: string): AsyncGenerator<string> {
  // One listing call per folder: reading a large folder 32 entries at a time costs a round trip each.
  const names: { name: string; isDirectory: boolean; isFile: boolean }[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    names.push({ name: entry.name, isDirectory: entry.isDirectory(), isFile: entry.isFile() });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(folder, entry.name);
    if (entry.isDirectory) yield* walkFiles(path);
    else if (entry.isFile) yield path;
  }
}

/**
 * The same, synchronously, for small trees read on every build (code, templates) and large
 * ones walked once per run (the articles). A path that is a file yields itself; a missing
 * path yields nothing. `enter` decides which folders to go into, by name; `hidden`, when
 * given, is told of each hidden file skipped (a walk that also clears leftovers need not
 * list the tree twice).
 */
export function* walkFilesSync(path: string, enter: (name: string) => boolean = () => true, hidden?: (file: string) => void): Generator<string> {
  let info;
  try { info = statSync(path); } catch { return; }
  if (info.isFile()) { yield path; return; }
  // The folder normalised once, as path.join would each time; below it, a name is appended:
  // join for every file was a tenth of a second per 100,000 articles, on every walk of them.
  yield* walkFolderSync(join(path, '.'), enter, hidden);
}

/**
 * What walkFilesSync puts before the path, relative to `folder`, of each file below it: the
 * folder normalised and a separator, as path.join writes it ('' for '.').
 */
function walkedPrefix(folder: string): string {
  const normalised = join(folder, '.');
  return normalised === '.' ? '' : normalised.endsWith(sep) ? normalised : `${normalised}${sep}`;
}

/**
 * The path relative to `folder`, with forward slashes, of a file a walk below it named: the
 * walk's prefix sliced off, where path.relative for each of 100,000 articles was a tenth of a
 * second of every walk; path.relative for any other file.
 */
export function walkedRelative(folder: string): (file: string) => string {
  const prefix = walkedPrefix(folder);
  const posix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'));
  return (file) => posix(file.startsWith(prefix) ? file.slice(prefix.length) : relative(folder, file));
}

/** walkFilesSync below a normalised folder path: each entry's path is the folder's and its name. */
function* walkFolderSync(folder: string, enter: (name: string) => boolean, hidden?: (file: string) => void): Generator<string> {
  const prefix = walkedPrefix(folder);
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => {
      if (!entry.name.startsWith('.')) return true;
      if (hidden && entry.isFile()) hidden(prefix + entry.name);
      return false;
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = prefix + entry.name;
    if (entry.isDirectory()) { if (enter(entry.name)) yield* walkFolderSync(child, enter, hidden); }
    else if (entry.isFile()) yield child;
  }
}
