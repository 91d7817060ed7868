// Content-hashed names for the stylesheet, the fonts it loads and the pages' plain scripts
// (assets/css/site.<hash>.css, assets/fonts/<name>.<hash>.woff2, assets/js/print.<hash>.js),
// so a browser may keep them a year (cache-policy.ts): a changed file gets a new name, and
// every page that links it is rendered again, for the map from each logical path to its
// hashed one is part of the pages' chrome (render-plan.ts). The stylesheet and scripts are
// minified, the stylesheet's font URLs rewritten to the fonts' hashed names first.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync, version as esbuildVersion, type TransformOptions } from 'esbuild';
import { keep, keptFile, readKept } from '../fs/kept-results.ts';

/** Noto Naskh Arabic 400 and 700 and Noto Kufi Arabic 700 (the weights site.css uses). */
const FONT_FACES = [
  { family: 'noto-naskh-arabic', weight: 400 },
  { family: 'noto-naskh-arabic', weight: 700 },
  { family: 'noto-kufi-arabic', weight: 700 },
];
const SUBSETS = ['arabic', 'latin', 'latin-ext'];

/** The font files the site ships, under node_modules (woff2; site.css gives each its unicode-range). */
export const FONT_FILES = FONT_FACES.flatMap(({ family, weight }) =>
  SUBSETS.map((subset) => `@fontsource/${family}/files/${family}-${subset}-${weight}-normal.woff2`));

/**
 * The core of each Arabic subset (arabic-font-core.ts), the files pages preload: `file` in
 * the project, cut from `from` (under node_modules) by `npm run fonts` (cut-arabic-core.ts).
 */
export const ARABIC_CORE_FONTS = FONT_FACES.map(({ family, weight }) => ({
  file: `assets/fonts/${family}-arabic-core-${weight}-normal.woff2`,
  from: `@fontsource/${family}/files/${family}-arabic-${weight}-normal.woff2`,
}));

/** The stylesheet's logical path, as templates name it. */
export const STYLESHEET = '/assets/css/site.css';
/**
 * The scripts written as plain JavaScript, each a page's own (the print button; the copy and
 * share buttons), by logical path. The TypeScript ones are bundled by the search step
 * (scripts/lib/search/browser-scripts.ts).
 */
export const PLAIN_SCRIPTS = ['/assets/js/print.js', '/assets/js/copy-link.js'] as const;
/** The browsers the stylesheet and scripts are written for (esbuild lowers nothing they support). */
const BROWSER_TARGET = ['chrome100', 'edge100', 'firefox100', 'safari15', 'ios15'];
/** Hex digits of the content hash in a name: ten (40 bits) never collide among a site's few assets. */
const HASH_LENGTH = 10;

/** Logical root-relative path → hashed one: '/assets/css/site.css' → '/assets/css/site.3f2a9c1b5e.css'. */
export type AssetMap = Record<string, string>;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A path with the hash of the bytes before its extension. */
export function hashedPath(path: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, HASH_LENGTH);
  const dot = path.lastIndexOf('.');
  return `${path.slice(0, dot)}.${hash}${path.slice(dot)}`;
}

/** The fonts: each file (under node_modules, or the project's Arabic cores) and its hashed path in the site. */
export function fontAssets(projectDir: string): { source: string; logical: string; path: string }[] {
  const sources = [...FONT_FILES.map((file) => join(projectDir, 'node_modules', file)), ...ARABIC_CORE_FONTS.map(({ file }) => join(projectDir, file))];
  return sources.map((source) => {
    const logical = `/assets/fonts/${baseName(source)}`;
    return { source, logical, path: hashedPath(logical, readFileSync(source)) };
  });
}

/**
 * esbuild's transform of a source, made once per source, options and esbuild release and
 * kept under node_modules/.cache (kept-results.ts).
 * Every build minifies the stylesheet and scripts to name them, and the first transformSync
 * of a process starts esbuild's service: 0.10-0.12 s of a publish's main thread, before
 * any page could be planned. Without a project folder (a test), nothing is kept.
 */
function transformed(source: string, options: TransformOptions, projectDir?: string): string {
  const key = createHash('sha256').update(JSON.stringify([esbuildVersion, options])).update('\0').update(source).digest('hex');
  const file = projectDir === undefined ? undefined : keptFile(projectDir, 'minified', key, options.loader ?? 'js');
  const kept = file === undefined ? undefined : readKept(file);
  if (kept !== undefined) return kept;
  const { code } = transformSync(source, options);
  if (file !== undefined) keep(file, code);
  return code;
}

/**
 * The stylesheet as the site ships it: `css` with each url('../fonts/<name>') pointed at the
 * font's hashed name, minified. A font the site does not ship fails loudly.
 */
export function shippedStylesheet(css: string, fonts: AssetMap, projectDir?: string): { path: string; bytes: Buffer } {
  const linked = css.replace(/url\((['"]?)\.\.\/fonts\/([^'")]+)\1\)/g, (_whole, _quote: string, name: string) => {
    const hashed = fonts[`/assets/fonts/${name}`];
    if (!hashed) throw new Error(`site.css loads ../fonts/${name}, which is not one of the fonts the site ships (asset-fingerprint.ts)`);
    return `url('../fonts/${baseName(hashed)}')`;
  });
  const code = transformed(linked, { loader: 'css', minify: true, target: BROWSER_TARGET, charset: 'utf8', legalComments: 'none', logLevel: 'silent' }, projectDir);
  const bytes = Buffer.from(code);
  return { path: hashedPath(STYLESHEET, bytes), bytes };
}

/** A plain script as the site ships it: minified, in a function of its own (its names stay out of the page's globals). */
export function shippedScript(logical: string, source: string, projectDir?: string): { path: string; bytes: Buffer } {
  const code = transformed(source, { loader: 'js', format: 'iife', minify: true, target: BROWSER_TARGET, charset: 'utf8', legalComments: 'none', logLevel: 'silent' }, projectDir);
  const bytes = Buffer.from(code);
  return { path: hashedPath(logical, bytes), bytes };
}

/**
 * The stylesheet, scripts and fonts of the project's site: the map the pages link through,
 * and the bytes of the files the search step writes (`written`: the stylesheet, then the scripts).
 */
export function siteAssets(projectDir: string): { map: AssetMap; stylesheet: { path: string; bytes: Buffer }; written: { logical: string; path: string; bytes: Buffer }[] } {
  const fonts: AssetMap = Object.fromEntries(fontAssets(projectDir).map(({ logical, path }) => [logical, path]));
  const stylesheet = shippedStylesheet(readFileSync(join(projectDir, 'assets/css/site.css'), 'utf8'), fonts, projectDir);
  const scripts = PLAIN_SCRIPTS.map((logical) => ({ logical, ...shippedScript(logical, readFileSync(join(projectDir, logical), 'utf8'), projectDir) }));
  const written = [{ logical: STYLESHEET, ...stylesheet }, ...scripts];
  return { map: { ...fonts, ...Object.fromEntries(written.map(({ logical, path }) => [logical, path])) }, stylesheet, written };
}
