// Builds the site's TypeScript for the browser (assets/js/*.ts) into plain scripts with
// esbuild: the search page and the service worker's registration under assets/js/, the
// service worker itself at the site root (its scope is the whole site), with the build's
// version and shell written in, and the offline notice with the site's digits (for the date
// of an offline copy). esbuild hands the bytes back and each file is replaced by
// rename, never written into: the site folder's files may be hard links to the live site's.

import { join, relative, sep } from 'node:path';
import { readdir } from 'node:fs/promises';
import { build, type BuildOptions } from 'esbuild';
import { removeFile } from '../fs/remove-file.ts';
import { siteAssets } from '../site/asset-fingerprint.ts';
import { writeFileAtomic } from '../fs/atomic-write.ts';
import type { ArchiveFile } from '../../../assets/js/cache-names.ts';
import type { NumberingSystem } from '../arabic/format-number.ts';
import { hashBytes, type FileHash } from '../fs/file-hashes.ts';

const SOURCE_DIR = join(import.meta.dirname, '../../../assets/js');

// Deterministic output (the same sources give the same bytes); no source maps in the site.
const COMMON = { bundle: true, minify: true, target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'silent', write: false } as const;

/** Runs esbuild and replaces each output file; returns their hashes by site-relative path. */
async function buildInto(siteDir: string, options: BuildOptions): Promise<Map<string, FileHash>> {
  const { outputFiles } = await build({ ...COMMON, ...options });
  const written = new Map<string, FileHash>();
  for (const output of outputFiles ?? []) {
    await writeFileAtomic(output.path, output.contents);
    written.set(relative(siteDir, output.path).split(sep).join('/'), hashBytes(output.contents));
  }
  return written;
}

/**
 * assets/js/search.js (an ES module), assets/js/offline.js and assets/js/more-menu.js (classic
 * scripts, on every page) and assets/js/offline-notice.js (loaded by offline.js on a page
 * served from a saved copy, to say so with the copy's date in the site's digits).
 */
export async function writePageScripts(siteDir: string, numberingSystem: NumberingSystem): Promise<Map<string, FileHash>> {
  const outdir = join(siteDir, 'assets/js');
  return new Map([
    ...await buildInto(siteDir, { entryPoints: [join(SOURCE_DIR, 'search.ts')], outdir, format: 'esm' }),
    ...await buildInto(siteDir, { entryPoints: [join(SOURCE_DIR, 'offline.ts'), join(SOURCE_DIR, 'more-menu.ts')], outdir, format: 'iife' }),
    ...await buildInto(siteDir, {
      entryPoints: [join(SOURCE_DIR, 'offline-notice.ts')], outdir, format: 'iife',
      define: { SITE_NUMBERING_SYSTEM: JSON.stringify(numberingSystem) },
    }),
  ]);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The stylesheet and the plain scripts, minified under their content-hashed names
 * (asset-fingerprint.ts: the names the pages link), from the project's sources. Other
 * versions of them (an older hash, or the unhashed name), and fonts of other names, are
 * removed first: the tree may be an older site's, and the offline shell lists what is under
 * assets/.
 */
export async function writeFingerprintedAssets(siteDir: string): Promise<Map<string, FileHash>> {
  const projectDir = join(SOURCE_DIR, '../..');
  const { map, written } = siteAssets(projectDir);
  const current = new Set(Object.values(map).map((path) => path.slice(1)));
  // assets/css/site.<hash>.css for '/assets/css/site.css', and so on.
  const versions = written.map(({ logical }) => {
    const dot = logical.lastIndexOf('.');
    return { folder: logical.slice(1, logical.lastIndexOf('/')), name: new RegExp(`^${escapeRegExp(logical.slice(logical.lastIndexOf('/') + 1, dot))}\\.(?:[0-9a-f]+\\.)?${logical.slice(dot + 1)}$`) };
  });
  for (const folder of new Set(['assets/fonts', ...versions.map((version) => version.folder)])) {
    const names = await readdir(join(siteDir, folder)).catch(() => [] as string[]);
    for (const name of names) {
      const path = `${folder}/${name}`;
      const fingerprinted = folder === 'assets/fonts' || versions.some((version) => version.folder === folder && version.name.test(name));
      if (fingerprinted && !current.has(path)) removeFile(join(siteDir, path));
    }
  }
  const hashes = new Map<string, FileHash>();
  for (const { path, bytes } of written) {
    await writeFileAtomic(join(siteDir, path), bytes);
    hashes.set(path.slice(1), hashBytes(bytes));
  }
  return hashes;
}

/** sw.js at the site root, for this build's version and shell; returns its hash. */
export async function writeServiceWorker(siteDir: string, version: string, shell: readonly ArchiveFile[]): Promise<Map<string, FileHash>> {
  return buildInto(siteDir, {
    entryPoints: [join(SOURCE_DIR, 'service-worker.ts')],
    outfile: join(siteDir, 'sw.js'),
    format: 'iife',
    define: { SW_VERSION: JSON.stringify(version), SW_SHELL: JSON.stringify(shell) },
  });
}
