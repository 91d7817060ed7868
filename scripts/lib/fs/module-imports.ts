// The project's modules a module loads, read from its source text: imports and re-exports,
// import('./x.ts'), and workers started from a file beside it (new URL('./x.ts',
// import.meta.url)). Relative specifiers only: packages are pinned by the lock file. A module
// loaded by a computed name cannot be seen here; tests/architecture/import-layers.test.ts
// keeps the project free of them.

import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

const RELATIVE_LOAD = new RegExp([
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/.source,
  /import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/.source,
  /^import\s+['"](\.{1,2}\/[^'"]+)['"]/.source,
  /new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/.source,
].join('|'), 'gm');

/**
 * The files `file` (relative to rootDir, with forward slashes) loads by a relative specifier,
 * relative to rootDir, in the order written. A specifier naming no file (a comment's
 * example) is left out: a real one fails where the module is loaded.
 */
export function relativeImports(rootDir: string, file: string): string[] {
  const found: string[] = [];
  for (const match of readFileSync(join(rootDir, file), 'utf8').matchAll(RELATIVE_LOAD)) {
    const specifier = match.slice(1).find((group) => group !== undefined) as string;
    const target = posix.normalize(posix.join(posix.dirname(file), specifier));
    if (!target.startsWith('../') && existsSync(join(rootDir, target))) found.push(target);
  }
  return found;
}

/** Every project file the entries load, themselves included, followed through each module they reach; sorted. */
export function modulesLoadedBy(rootDir: string, entries: readonly string[]): string[] {
  const reached = new Set<string>();
  const visit = (file: string): void => {
    if (reached.has(file)) return;
    reached.add(file);
    for (const target of relativeImports(rootDir, file)) visit(target);
  };
  for (const entry of entries) visit(entry);
  return [...reached].sort();
}
