// Whether another "now" changes a build's output, told from what the last build recorded:
// the no-change build skips planning the site only when this says nothing moved.
import { describe, expect, it } from 'vitest';
import { siteSettings } from '../support/site-settings.ts';
import type { BuildContext } from '../../scripts/lib/site/build-context.ts';
import { sameOutputAt, type NowDependence } from '../../scripts/lib/site/now-dependence.ts';

const at = (now: string): BuildContext => ({ site: siteSettings, now: new Date(now), includeDrafts: false });
const THEN = '2017-08-01T09:00:00.000Z';
const dependence = (fields: Partial<NowDependence> = {}): NowDependence => ({ now: THEN, scheduled: [], inNewsWindow: [], emptyFeed: false, ...fields });

describe('sameOutputAt', () => {
  it.each([
    ['the same now', dependence({ emptyFeed: true, scheduled: ['2017-08-02'] }), THEN, true],
    ['a later now, nothing scheduled or in the news window', dependence(), '2017-09-01T00:00:00Z', true],
    ['an earlier now', dependence(), '2017-07-01T00:00:00Z', false],
    ['a later now with an empty feed, dated now', dependence({ emptyFeed: true }), '2017-08-01T10:00:00Z', false],
    ['a scheduled article not yet due', dependence({ scheduled: ['2017-08-03'] }), '2017-08-01T20:00:00Z', true],
    ['a scheduled day that has begun in Damascus', dependence({ scheduled: ['2017-08-02'] }), '2017-08-01T21:30:00Z', false],
    ['a scheduled instant that has passed', dependence({ scheduled: ['2017-08-01T13:00:00+03:00'] }), '2017-08-01T10:00:01Z', false],
    ['an article still in the news window', dependence({ inNewsWindow: ['2017-07-31T12:00:00+03:00'] }), '2017-08-02T08:00:00Z', true],
    ['an article that has left the news window', dependence({ inNewsWindow: ['2017-07-31T12:00:00+03:00'] }), '2017-08-02T09:00:01Z', false],
  ])('%s → %s', (_case, recorded, now, expected) => {
    expect(sameOutputAt(recorded, at(now))).toBe(expected);
  });
});
