// A production build lets go of each page's HTML once it is written: Eleventy's cache of the
// rendered page and the write's result no longer hold it; the write itself is unchanged.
import { describe, expect, it } from 'vitest';
import { releaseWrittenPages, releasingWrite } from '../../scripts/lib/site/release-written-pages.ts';

describe('releasingWrite', () => {
  it('writes as before, then drops the cached page and the content of the result', async () => {
    const calls: unknown[][] = [];
    const owner = { name: 'template' };
    const write = async function (this: unknown, page: unknown, content: unknown) {
      calls.push([this, page, content]);
      return { url: '/articles/x/', content };
    };
    const page = { template: { _cacheRenderedTransformsAndLayoutsPromise: Promise.resolve('<html>…</html>') as unknown } };
    const written = await releasingWrite(write).call(owner, page, '<html>…</html>');
    expect(calls).toEqual([[owner, page, '<html>…</html>']]);
    expect(written).toEqual({ url: '/articles/x/', content: undefined });
    expect(page.template._cacheRenderedTransformsAndLayoutsPromise).toBeUndefined();
  });

  it('passes a write that wrote nothing (a dry run) through', async () => {
    const page = { template: {} };
    expect(await releasingWrite(async () => undefined).call(undefined, page, '')).toBeUndefined();
  });
});

describe('releaseWrittenPages', () => {
  it('installs into the Eleventy the project runs on, once', async () => {
    const { default: Template } = (await import(new URL('./Template.js', import.meta.resolve('@11ty/eleventy')).href)) as { default: { prototype: { _write: unknown } } };
    const own = Template.prototype._write;
    expect(await releaseWrittenPages()).toBe(true);
    const installed = Template.prototype._write;
    expect(installed).not.toBe(own);
    expect(await releaseWrittenPages()).toBe(true);
    expect(Template.prototype._write).toBe(installed);
  });
});
