// Removes one file of a tree a build owns, cheaply: a plain unlink (Node's rmSync looks the
// path up first and retries; for the thousands of files an index segment replaces that was
// most of the time spent removing them).

import { rmSync, unlinkSync } from 'node:fs';

/** Removes the file at path; nothing there is fine, and a folder in its place is removed whole. */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'EISDIR' || code === 'EPERM') rmSync(path, { recursive: true, force: true });
    else throw error;
  }
}
