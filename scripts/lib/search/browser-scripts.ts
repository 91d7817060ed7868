// Builds the site's TypeScript for the browser (assets/js/*.ts) into plain scripts with
// esbuild: the search page and the service worker's registration under assets/js/, the
// service worker itself at the site root (its scope is the whole site), with the build's
// version and shell written in, and the offline notice with the site's digits (for the date
// of an offline copy). esbuild hands the bytes back and each file is replaced by
// rename, never written into: the site folder's files may be hard links to the live site's.
// What esbuild makes is kept between processes (kept-results.ts): the sources rarely change,
// and a publish that started esbuild for them spent a fifth of a second and more waiting for
// it, on a machine busy indexing and compressing. The service worker is kept with stand-ins
// for its version and shell, which each build writes in.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';
import { keep, keptFile, readKept } from '../fs/kept-results.ts';
import { removeFile } from '../fs/remove-file.ts';
import { siteAssets } from '../site/asset-fingerprint.ts';
import { writeFileAtomicSync } from '../fs/atomic-write.ts';
import type { ArchiveFile } from '../../../assets/js/cache-names.ts';
import type { NumberingSystem } from '../arabic/format-number.ts';
import { hashBytes, type FileHash } from '../fs/file-hashes.ts';

const SOURCE_DIR = join(import.meta.dirname, '../../../assets/js');
/** The project the sources are part of: esbuild's working folder, and where what it made is kept. */
const PROJECT_DIR = join(SOURCE_DIR, '../..');

// Deterministic output (the same sources give the same bytes); no source maps in the site.
const COMMON = { bundle: true, minify: true, target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'silent', write: false } as const;

/** Where a bundle's files go, relative to the site: a folder (outdir) or one file (outfile). */
type BundleOutput = { outdir: string } | { outfile: string };

/** A bundle as kept: every file esbuild read (project-relative) with its SHA-256, then each output file, relative to the site, with its text. */
interface KeptBundle {
  inputs: [string, string][];
  outputs: [string, string][];
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The kept bundle's outputs when every file it was made of still has the bytes it had. */
function keptOutputs(file: string, projectDir: string): [string, string][] | undefined {
  const text = readKept(file);
  if (text === undefined) return undefined;
  try {
    const kept = JSON.parse(text) as KeptBundle;
    const intact = kept.inputs.every(([path, sum]) => {
      try { return sha256(readFileSync(join(projectDir, path))) === sum; } catch { return false; }
    });
    return intact ? kept.outputs : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files esbuild makes of the entry points (files of projectDir), relative to the site:
 * kept once made, under a name given by the options, the output's place and esbuild's
 * release, and trusted while the files its metafile says it read still have their bytes (a
 * changed source, or a module it imports, is bundled again).
 */
export async function bundledFiles(options: BuildOptions & { entryPoints: string[] }, output: BundleOutput, projectDir = PROJECT_DIR): Promise<[string, string][]> {
  const settings = { ...COMMON, ...options, absWorkingDir: projectDir, entryPoints: options.entryPoints.map((entry) => relative(projectDir, entry).split(sep).join('/')) };
  const file = keptFile(projectDir, 'page-scripts', sha256(JSON.stringify([esbuildVersion, settings, output])), 'json');
  const kept = keptOutputs(file, projectDir);
  if (kept) return kept;
  // Output paths made under a folder of the project's, then told relative to it: the bytes do not depend on the site's folder.
  const base = join(projectDir, 'site-scripts');
  const place = 'outdir' in output ? { outdir: join(base, output.outdir) } : { outfile: join(base, output.outfile) };
  const { outputFiles, metafile } = await build({ ...settings, ...place, metafile: true });
  const outputs = (outputFiles ?? []).map((made): [string, string] => [relative(base, made.path).split(sep).join('/'), made.text]);
  const inputs = Object.keys(metafile?.inputs ?? {}).map((path): [string, string] => [path, sha256(readFileSync(join(projectDir, path)))]);
  keep(file, JSON.stringify({ inputs, outputs } satisfies KeptBundle));
  return outputs;
}

/**
 * Writes each file by rename; returns their hashes by site-relative path. Synchronously: a
 * few small files, written while Pagefind indexes and the pages are compressed, when each of
 * an asynchronous write's steps queued behind the compression on libuv's threads (0.5 s for
 * the page scripts of a 10,000-article publish, against milliseconds).
 */
function writeScriptFiles(siteDir: string, files: readonly [string, string][]): Map<string, FileHash> {
  const written = new Map<string, FileHash>();
  for (const [path, text] of files) {
    const bytes = Buffer.from(text);
    writeFileAtomicSync(join(siteDir, path), bytes);
    written.set(path, hashBytes(bytes));
  }
  return written;
}

/** Bundles the entry points (or takes what was kept) and replaces each output file in the site. */
async function buildInto(siteDir: string, options: BuildOptions & { entryPoints: string[] }, output: BundleOutput): Promise<Map<string, FileHash>> {
  return writeScriptFiles(siteDir, await bundledFiles(options, output));
}

/**
 * assets/js/search.js (an ES module), assets/js/offline.js and assets/js/more-menu.js (classic
 * scripts, on every page) and assets/js/offline-notice.js (loaded by offline.js on a page
 * served from a saved copy, to say so with the copy's date in the site's digits).
 */
export async function writePageScripts(siteDir: string, numberingSystem: NumberingSystem): Promise<Map<string, FileHash>> {
  const output = { outdir: 'assets/js' };
  return new Map([
    ...await buildInto(siteDir, { entryPoints: [join(SOURCE_DIR, 'search.ts')], format: 'esm' }, output),
    ...await buildInto(siteDir, { entryPoints: [join(SOURCE_DIR, 'offline.ts'), join(SOURCE_DIR, 'more-menu.ts')], format: 'iife' }, output),
    ...await buildInto(siteDir, {
      entryPoints: [join(SOURCE_DIR, 'offline-notice.ts')], format: 'iife',
      define: { SITE_NUMBERING_SYSTEM: JSON.stringify(numberingSystem) },
    }, output),
  ]);
}

function namesIn(folder: string): string[] {
  try { return readdirSync(folder); } catch { return []; }
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
    const names = namesIn(join(siteDir, folder));
    for (const name of names) {
      const path = `${folder}/${name}`;
      const fingerprinted = folder === 'assets/fonts' || versions.some((version) => version.folder === folder && version.name.test(name));
      if (fingerprinted && !current.has(path)) removeFile(join(siteDir, path));
    }
  }
  const hashes = new Map<string, FileHash>();
  // Synchronously, as writeScriptFiles.
  for (const { path, bytes } of written) {
    writeFileAtomicSync(join(siteDir, path), bytes);
    hashes.set(path.slice(1), hashBytes(bytes));
  }
  return hashes;
}

/**
 * The names the kept service worker has in place of its version and shell: global names no
 * minifier renames, each replaced by this build's value as a JSON literal, an expression of
 * the same standing wherever the name stood.
 */
const SW_STAND_INS = { SW_VERSION: '__SW_VERSION_OF_THIS_BUILD__', SW_SHELL: '__SW_SHELL_OF_THIS_BUILD__' } as const;

/** sw.js at the site root, for this build's version and shell; returns its hash. */
export async function writeServiceWorker(siteDir: string, version: string, shell: readonly ArchiveFile[]): Promise<Map<string, FileHash>> {
  const files = await bundledFiles({ entryPoints: [join(SOURCE_DIR, 'service-worker.ts')], format: 'iife', define: { ...SW_STAND_INS } }, { outfile: 'sw.js' });
  const values = { SW_VERSION: JSON.stringify(version), SW_SHELL: JSON.stringify(shell) };
  return writeScriptFiles(siteDir, files.map(([path, text]) => {
    let code = text;
    for (const [name, standIn] of Object.entries(SW_STAND_INS) as [keyof typeof SW_STAND_INS, string][]) {
      // A service worker that no longer uses the constant would otherwise ship without the build's value unnoticed.
      if (!code.includes(standIn)) throw new Error(`${path}: esbuild's bundle of service-worker.ts does not use ${name}`);
      code = code.replaceAll(standIn, () => values[name]);
    }
    return [path, code];
  }));
}
