// The build's fingerprint: everything besides the articles and "now" that decides what a
// page looks like. Two builds with the same fingerprint render the same view to the same
// bytes; any other fingerprint makes every cached page stale. It covers the code the build
// runs and the templates (by content, with paths relative to the project, so a copied or
// moved project keeps its cache), the dependency versions (the lock file), Node's ICU, time-zone and
// Unicode data (dates and numbers are formatted by Intl), the site settings and every SITE_*
// variable but SITE_NOW, the mode (preview shows drafts), and the navigation every page shows.

import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { modulesLoadedBy } from '../fs/module-imports.ts';
import { walkFilesSync } from '../fs/walk-files.ts';

export interface FingerprintInputs {
  projectDir: string;
  /** The content folder: its page templates count, its articles do not. */
  inputDir: string;
  /** The site settings, the mode and the chrome: anything JSON. */
  settings: unknown;
  env: NodeJS.ProcessEnv;
}

/** Folders and files of the project whose content decides how pages render, besides the code. */
const TEMPLATES_AND_VERSIONS = ['package-lock.json', 'layouts'];
/**
 * The modules a build runs start here: Eleventy's configuration and the build itself, whose
 * imports reach the views, the templates' filters and plugins, the render lanes, the search
 * step. Ingest, the servers and the tools are not reached, and a change to them renders nothing.
 */
export const BUILD_ENTRY_MODULES = ['.eleventy.ts', 'scripts/lib/build/build-site.ts'];

/** Adds a file's path (relative to base) and bytes to a hash. */
function hashFile(hash: Hash, file: string, base: string): void {
  hash.update(`file ${relative(base, file).split(sep).join('/')}\0`).update(readFileSync(file)).update('\0');
}

export function buildFingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  for (const module of modulesLoadedBy(inputs.projectDir, BUILD_ENTRY_MODULES)) hashFile(hash, join(inputs.projectDir, module), inputs.projectDir);
  for (const entry of TEMPLATES_AND_VERSIONS) {
    for (const file of walkFilesSync(join(inputs.projectDir, entry))) hashFile(hash, file, inputs.projectDir);
  }
  for (const file of walkFilesSync(inputs.inputDir, (name) => name !== 'articles')) {
    if (file.endsWith('.njk')) hashFile(hash, file, inputs.inputDir);
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

/** The module that makes an article file's cache entry: its front matter read and checked, its digest. */
export const ARTICLE_ENTRY_MODULES = ['scripts/lib/site/article-source.ts'];

/**
 * What the build cache's article entries (article-source.ts) are a function of besides each
 * file's bytes: the code that reads an article, the YAML packages (the lock file), and the
 * Node release (they are kept in V8's serialisation). Not the templates, settings or SITE_*
 * variables, which the entries never see: a layout change renders every page again but
 * reads no article again (at 100,000 articles, reading them all was 35 s of that build).
 */
export function articleEntriesFingerprint(projectDir: string): string {
  const hash = createHash('sha256');
  for (const module of modulesLoadedBy(projectDir, ARTICLE_ENTRY_MODULES)) hashFile(hash, join(projectDir, module), projectDir);
  hashFile(hash, join(projectDir, 'package-lock.json'), projectDir);
  hash.update(JSON.stringify({ node: process.versions.node }));
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
