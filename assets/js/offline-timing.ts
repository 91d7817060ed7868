// Whether this page came from a saved copy, and from when: the service worker says so in the
// response's Server-Timing (OFFLINE_TIMING, described by the copy's saved time), so the built
// page stays the same bytes whatever a reader saved when. Tiny: it runs on every page.

import { OFFLINE_TIMING } from './cache-names.ts';

/** When the copy this page came from was saved; undefined for a page from the network. */
export function offlineCopyTime(): string | undefined {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const entry = navigation?.serverTiming?.find((timing) => timing.name === OFFLINE_TIMING);
  return entry?.description || undefined;
}
