// How long a browser may keep each file of the site: a year, unasked, for a file whose name
// holds a hash of its content (a changed file gets a new name, so a kept copy is never stale);
// everything else (pages, feeds, sw.js, Pagefind's entry files, the assets under fixed names)
// is revalidated on every use. Shared by the `_headers` file written into the site for static
// hosts and by `npm run serve`, which answers as such a host does.

/** For a file whose name changes with its content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** For everything else: kept, but asked about (a 304 when unchanged) before each use. */
export const REVALIDATE = 'no-cache';

/**
 * The site's content-hashed names, by site-relative path: the pictures (/images/<hash>-<width>.webp,
 * /images/site-<hash>.png), Pagefind's chunks (its fragments, index and filter files, named by
 * their content), the parts of the offline copy's manifest, and assets fingerprinted as name.<hash>.ext.
 */
const HASHED_NAMES: readonly RegExp[] = [
  /^images\/(?:site-)?[0-9a-f]{12,}(?:-\d+)?\.(?:webp|jpg|png|avif)$/,
  /^offline-archive\/[0-9a-f]{32}\.json$/,
  /^pagefind\/(?:fragment|index|filter)\/[a-z_-]*[0-9a-f]{6,}\.pf_(?:fragment|index|filter)$/,
  /^assets\/(?:.+\/)?[^/]+\.[0-9a-f]{8,}\.[a-z0-9]+$/,
];

/** The path without the leading slash and without a precompressed copy's .br or .gz. */
function sitePath(path: string): string {
  return path.replace(/^\/+/, '').replace(/\.(?:br|gz)$/, '');
}

/** Whether the file at a site path (with or without its leading slash) has a content-hashed name. */
export function hasHashedName(path: string): boolean {
  const relative = sitePath(path);
  return HASHED_NAMES.some((pattern) => pattern.test(relative));
}

/** The Cache-Control header of the file at a site path. */
export function cacheControlFor(path: string): string {
  return hasHashedName(path) ? IMMUTABLE : REVALIDATE;
}

/**
 * The rules of the `_headers` file (Netlify, Cloudflare Pages and hosts that read the same
 * format; content/host-headers.njk writes it under the path prefix): the folders that hold
 * only content-hashed names, and the hashed assets that share a folder with others (the
 * stylesheet beside the feeds' feed.css), one by one. Nothing else is listed, for these
 * hosts join the values of a header two matching rules set, and their default for any
 * other file is to revalidate it. Pagefind's metadata file (pagefind.<hash>.pf_meta) sits
 * beside its entry files, which a folder rule would catch: it is revalidated like them.
 */
export function hostCacheRules(hashedAssets: readonly string[]): { pattern: string; cacheControl: string }[] {
  const folders = ['/images/*', '/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*', '/offline-archive/*', '/assets/fonts/*'];
  const loose = hashedAssets.filter((path) => !folders.some((folder) => path.startsWith(folder.slice(0, -1))));
  return [...folders, ...[...loose].sort()].map((pattern) => ({ pattern, cacheControl: IMMUTABLE }));
}
