// Which articles a build publishes: which articles a production build shows at a given "now".
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import type { BuildContext } from '../../scripts/lib/site/build-context.ts';
import { isPublished } from '../../scripts/lib/site/published-index.ts';

function context(now: string, includeDrafts = false): BuildContext {
  return { site: siteSettings, now: new Date(now), includeDrafts };
}

describe('isPublished', () => {
  const NOW = '2017-07-05T12:00:00+03:00';

  it.each([
    ['an article dated earlier', { date: '2017-07-01' }, true],
    ['an article dated today', { date: '2017-07-05' }, true],
    ['an article timed earlier today', { date: '2017-07-05T11:59:00+03:00' }, true],
    ['an article timed exactly now', { date: '2017-07-05T12:00:00+03:00' }, true],
    ['an article timed later today', { date: '2017-07-05T12:01:00+03:00' }, false],
    ['an article dated tomorrow', { date: '2017-07-06' }, false],
    ['a draft dated earlier', { date: '2017-07-01', draft: true }, false],
    ['an article marked not a draft', { date: '2017-07-01', draft: false }, true],
    ['an article whose draft field is text, not true', { date: '2017-07-01', draft: 'true' }, true],
  ])('shows %s in production: %s', (_case, data, expected) => {
    expect(isPublished(data, context(NOW))).toBe(expected);
  });

  it.each([
    ['a draft', { date: '2017-07-01', draft: true }],
    ['an article dated tomorrow', { date: '2017-07-06' }],
    ['a future draft', { date: '2030-01-01', draft: true }],
  ])('shows %s when drafts are included', (_case, data) => {
    expect(isPublished(data, context(NOW, true))).toBe(true);
  });

  it('judges the future by the injected now, not the clock', () => {
    expect(isPublished({ date: '2017-07-06' }, context('2017-07-07T00:00:00+03:00'))).toBe(true);
    expect(isPublished({ date: '2030-01-01' }, context('2030-01-01T12:00:00+02:00'))).toBe(true);
    expect(isPublished({ date: '2017-07-01' }, context('2017-06-30T12:00:00+03:00'))).toBe(false);
  });

  it.each([
    ['just after midnight in Damascus, still the day before in UTC', '2017-07-04T21:30:00Z', true],
    ['just before midnight in Damascus', '2017-07-04T20:59:00Z', false],
  ])('counts a calendar day in the site\'s time zone: dated 2017-07-05, now %s', (_case, now, expected) => {
    expect(isPublished({ date: '2017-07-05' }, context(now))).toBe(expected);
  });
});
