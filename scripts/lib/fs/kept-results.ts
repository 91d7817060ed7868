// What the build makes the same way every time from the same inputs (esbuild's minified
// stylesheet and scripts, its bundles of the page scripts), kept between processes under the
// project's node_modules/.cache, named by what they were made of: a publish need not start
// esbuild at all. A kept file carries its checksum line (checked-file.ts): one truncated or
// edited reads as absent, and is made again.

import { join } from 'node:path';
import { writeFileAtomicSync } from './atomic-write.ts';
import { encodeChecked, readChecked } from './checked-file.ts';

/** The file a result of this kind and key is kept in, under the project's node_modules/.cache. */
export function keptFile(projectDir: string, kind: string, key: string, ending: string): string {
  return join(projectDir, 'node_modules', '.cache', `arabic-newsroom-${kind}`, `${key}.${ending}`);
}

/** The kept text, when the file is there and whole. */
export function readKept(file: string): string | undefined {
  const read = readChecked(file);
  return 'body' in read ? read.body : undefined;
}

/** Keeps the text; a cache that cannot be written (a read-only node_modules) only costs the next run the work. */
export function keep(file: string, text: string): void {
  try {
    writeFileAtomicSync(file, encodeChecked(text).bytes);
  } catch {
    // Made again next time.
  }
}
