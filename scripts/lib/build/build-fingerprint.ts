// The build's fingerprint: everything besides the articles and "now" that decides what a
// page looks like. Two builds with the same fingerprint render the same view to the same
// bytes; any other fingerprint makes every cached page stale. It covers the code and
// templates (by content, with paths relative to the project, so a copied or moved project
// keeps its cache), the dependency versions (the lock file), Node's ICU, time-zone and
// Unicode data (dates and numbers are formatted by Intl), the site settings and every SITE_*
// variable but SITE_NOW, the mode (preview shows drafts), and the navigation every page shows.

import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { walkFilesSync } from '../fs/walk-files.ts';

export interface FingerprintInputs {
  projectDir: string;
  /** The content folder: its page templates count, its articles do not. */
  inputDir: string;
  /** The site settings, the mode and the chrome: anything JSON. */
  settings: unknown;
  env: NodeJS.ProcessEnv;
}

/** Folders and files of the project whose content decides how pages render. */
const CODE = ['.eleventy.ts', 'package-lock.json', 'layouts', 'scripts/lib'];
/** Parts of scripts/lib that never touch a page: measuring tools. */
const NOT_RENDERING = /^scripts\/lib\/(bench|gates)\//u;

/** Adds a file's path (relative to base) and bytes to a hash. */
function hashFile(hash: Hash, file: string, base: string): void {
  hash.update(`file ${relative(base, file).split(sep).join('/')}\0`).update(readFileSync(file)).update('\0');
}

export function buildFingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  const addFile = (file: string, base: string): void => {
    if (!NOT_RENDERING.test(relative(base, file).split(sep).join('/'))) hashFile(hash, file, base);
  };
  for (const entry of CODE) {
    for (const file of walkFilesSync(`${inputs.projectDir}/${entry}`)) addFile(file, inputs.projectDir);
  }
  for (const file of walkFilesSync(inputs.inputDir, (name) => name !== 'articles')) {
    if (file.endsWith('.njk')) addFile(file, inputs.inputDir);
  }
  const { node, icu, tz, unicode, cldr } = process.versions as Record<string, string | undefined>;
  hash.update(JSON.stringify({ node, icu, tz, unicode, cldr, TZ: inputs.env.TZ ?? '' }));
  const siteEnvironment = Object.entries(inputs.env)
    .filter(([name]) => name.startsWith('SITE_') && name !== 'SITE_NOW')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(JSON.stringify(siteEnvironment));
  hash.update(JSON.stringify(inputs.settings));
  return hash.digest('hex');
}

/**
 * The assets' fingerprint: every file under assets/ (the fonts are pinned by the lock file,
 * which the build fingerprint covers). A changed asset renders no page; it is copied again,
 * and the search step rebuilds what it makes of them (scripts, service worker, offline copy).
 */
export function assetsFingerprint(projectDir: string): string {
  const hash = createHash('sha256');
  const assetsDir = join(projectDir, 'assets');
  for (const file of walkFilesSync(assetsDir)) hashFile(hash, file, assetsDir);
  return hash.digest('hex');
}
