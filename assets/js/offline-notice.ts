// The notice on a page the service worker served from a saved copy: «أنت دون اتصال: هذه نسخة
// محفوظة من …». The worker says so in the response's Server-Timing (OFFLINE_TIMING, the copy's
// saved time), so the built page stays the same bytes whatever the reader saved when.

import type { NumberingSystem } from '../../scripts/lib/arabic/format-date.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { OFFLINE_TIMING } from './cache-names.ts';
import { formatSavedDate } from './saved-date.ts';

/** When the copy this page came from was saved; undefined for a page from the network. */
export function offlineCopyTime(): string | undefined {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const entry = navigation?.serverTiming?.find((timing) => timing.name === OFFLINE_TIMING);
  return entry?.description || undefined;
}

export function showOfflineNotice(numberingSystem: NumberingSystem): void {
  const savedAt = offlineCopyTime();
  const main = document.querySelector('main');
  if (!savedAt || !main) return;
  const notice = document.createElement('p');
  notice.className = 'offline-notice';
  notice.setAttribute('role', 'status');
  notice.dataset.offlineNotice = savedAt;
  notice.textContent = fillPlaceholders(STRINGS.offlineCopyNotice, { date: formatSavedDate(savedAt, numberingSystem) });
  main.prepend(notice);
}
