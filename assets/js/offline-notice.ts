// The notice on a page served from a saved copy: «أنت دون اتصال: هذه نسخة محفوظة من …». Its own
// script (assets/js/offline-notice.js), loaded by offline.js only on such a page: the strings
// and date formatting it needs stay off every page read online.

import type { NumberingSystem } from '../../scripts/lib/arabic/format-number.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { offlineCopyTime } from './offline-timing.ts';
import { formatSavedDate } from './saved-date.ts';

// Written in by the build (scripts/lib/search/browser-scripts.ts): the site's digits.
declare const SITE_NUMBERING_SYSTEM: NumberingSystem;

function showOfflineNotice(numberingSystem: NumberingSystem): void {
  const savedAt = offlineCopyTime();
  const main = document.querySelector('main');
  if (!savedAt || !main || main.querySelector('.offline-notice')) return;
  const notice = document.createElement('p');
  notice.className = 'offline-notice';
  notice.setAttribute('role', 'status');
  notice.textContent = fillPlaceholders(STRINGS.offlineCopyNotice, { date: formatSavedDate(savedAt, numberingSystem) });
  main.prepend(notice);
}

showOfflineNotice(SITE_NUMBERING_SYSTEM);
