// What a build knows beyond its content: "now" from SITE_NOW or the injected clock, and
// whether drafts and future articles show (previews yes, production builds no).
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import { buildContextFromEnvironment } from '../../scripts/lib/site/build-context.ts';

const CLOCK_TIME = new Date('2020-01-01T00:00:00Z');

/** A clock that counts how often it is read. */
function fakeClock(): { clock: () => Date; reads: () => number } {
  let reads = 0;
  return { clock: () => { reads += 1; return new Date(CLOCK_TIME); }, reads: () => reads };
}

describe('buildContextFromEnvironment', () => {
  it.each([
    ['2017-07-05T12:00:00+03:00', '2017-07-05T09:00:00.000Z'],
    ['2017-07-05T09:00:00Z', '2017-07-05T09:00:00.000Z'],
    ['2017-07-05', '2017-07-05T00:00:00.000Z'],
    ['2017-07-05T09:00:00.250Z', '2017-07-05T09:00:00.250Z'],
  ])('pins now to SITE_NOW %s without reading the clock', (siteNow, expected) => {
    const { clock, reads } = fakeClock();
    const context = buildContextFromEnvironment({ SITE_NOW: siteNow }, clock);
    expect(context.now.toISOString()).toBe(expected);
    expect(reads()).toBe(0);
  });

  it.each([
    ['words', 'yesterday'],
    ['a thirteenth month', '2017-13-45'],
    ['a day that does not exist', '2017-02-30'],
    ['a bare number', '5'],
    ['an English date', 'July 5, 2017'],
    ['a time without an offset, which would depend on the machine\'s zone', '2017-07-05T12:00:00'],
  ])('refuses %s as SITE_NOW, naming it', (_case, siteNow) => {
    const { clock } = fakeClock();
    expect(() => buildContextFromEnvironment({ SITE_NOW: siteNow }, clock)).toThrow(`SITE_NOW must be an ISO 8601 date-time, not «${siteNow}»`);
  });

  it.each([
    ['absent', {}],
    ['empty', { SITE_NOW: '' }],
  ])('reads the clock once when SITE_NOW is %s', (_case, env) => {
    const { clock, reads } = fakeClock();
    expect(buildContextFromEnvironment(env, clock).now).toEqual(CLOCK_TIME);
    expect(reads()).toBe(1);
  });

  it('carries the site settings', () => {
    expect(buildContextFromEnvironment({ SITE_NOW: '2017-07-05' }).site).toEqual(siteSettings);
    // What the environment sets is read from the one given.
    expect(buildContextFromEnvironment({ SITE_NOW: '2017-07-05', SITE_PATH_PREFIX: '/news/' }).site.pathPrefix).toBe('/news/');
  });

  it.each([
    ['a production build', { ELEVENTY_RUN_MODE: 'build' }, false],
    ['no run mode at all', {}, false],
    ['the dev server', { ELEVENTY_RUN_MODE: 'serve' }, true],
    ['watch mode', { ELEVENTY_RUN_MODE: 'watch' }, true],
    ['a build told to include drafts', { ELEVENTY_RUN_MODE: 'build', SITE_INCLUDE_DRAFTS: 'true' }, true],
    ['the dev server told to leave drafts out', { ELEVENTY_RUN_MODE: 'serve', SITE_INCLUDE_DRAFTS: 'false' }, false],
    ['watch mode told to leave drafts out', { ELEVENTY_RUN_MODE: 'watch', SITE_INCLUDE_DRAFTS: 'false' }, false],
    ['no run mode, told to include drafts', { SITE_INCLUDE_DRAFTS: 'true' }, true],
  ])('includes drafts for %s: %s', (_case, env, includeDrafts) => {
    expect(buildContextFromEnvironment({ SITE_NOW: '2017-07-05', ...env }).includeDrafts).toBe(includeDrafts);
  });
});
