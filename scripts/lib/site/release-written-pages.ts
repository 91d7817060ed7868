// Eleventy 3.1 keeps the finished HTML of every page it writes until the build ends: once
// cached on the page's template (Template#renderPageEntry) and once in the result of the
// write (Template#_write, collected for Eleventy#write's return value). At 100,000 articles
// that is twice ~3 GB of text, and the build ran out of Node's heap. A production build
// needs neither once the file is on disk: this drops both as each page is written. Not for
// the dev server, whose live reload compares the pages' new HTML. Applied only to the
// Eleventy version it was read against.

import { eleventyInternal } from './eleventy-internals.ts';

/** The Eleventy whose Template this was read against. */
export const RELEASED_ELEVENTY_VERSION = '3.1.8';

interface PageEntry {
  template: { _cacheRenderedTransformsAndLayoutsPromise?: unknown };
}

type Write = (this: unknown, page: PageEntry, content: unknown) => Promise<{ content?: unknown } | undefined>;

/** Wraps Eleventy's write so that a written page's HTML is no longer referenced. */
export function releasingWrite(write: Write): Write {
  return async function releasedWrite(this: unknown, page: PageEntry, content: unknown) {
    const written = await write.call(this, page, content);
    page.template._cacheRenderedTransformsAndLayoutsPromise = undefined;
    if (written) written.content = undefined;
    return written;
  };
}

let installed = false;

/** Installs the release into the running Eleventy (once); false when the version differs. */
export async function releaseWrittenPages(): Promise<boolean> {
  if (installed) return true;
  const template = await eleventyInternal<{ default: { prototype: { _write: Write } } }>('Template.js', RELEASED_ELEVENTY_VERSION);
  if (!template) return false;
  template.default.prototype._write = releasingWrite(template.default.prototype._write);
  installed = true;
  return true;
}
