// Site-relative and absolute URLs under the configured path prefix. Every link the site
// writes goes through here, so hosting under /news/ needs no other change.

export interface UrlSettings {
  baseUrl: string;
  pathPrefix: string;
}

/**
 * The path prefix as one form: '/news' for '/news/', 'news' or '/news'; '' for '/'. The one
 * reading of it, for the links the site writes and the server that serves them (serve/static-server.ts).
 */
export function normalisedPathPrefix(pathPrefix: string): string {
  const trimmed = pathPrefix.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}

/** A root-relative path (/sections/syria/) as served: /news/sections/syria/. */
export function sitePath(path: string, settings: Pick<UrlSettings, 'pathPrefix'>): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return path;
  const rooted = path.startsWith('/') ? path : `/${path}`;
  return `${normalisedPathPrefix(settings.pathPrefix)}${rooted}`;
}

/** The absolute URL of a root-relative path: https://example.org/news/sections/syria/. */
export function absoluteUrl(path: string, settings: UrlSettings): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path;
  // Protocol-relative (//cdn.example/…): another host, so only the scheme comes from the base.
  if (path.startsWith('//')) return new URL(path, settings.baseUrl).href;
  return `${settings.baseUrl.replace(/\/+$/, '')}${sitePath(path, settings)}`;
}
