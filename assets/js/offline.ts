// On every page: registers the service worker (sw.js under the path prefix, named by the
// script tag's data-service-worker), which keeps visited pages and the saved copy offline,
// and says so on a page it served from a saved copy.

import type { NumberingSystem } from '../../scripts/lib/arabic/format-date.ts';
import { showOfflineNotice } from './offline-notice.ts';

// Written in by the build (scripts/lib/search/browser-scripts.ts): the site's digits.
declare const SITE_NUMBERING_SYSTEM: NumberingSystem;

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const workerUrl = script?.dataset.serviceWorker;
const scope = script?.dataset.scope;

showOfflineNotice(SITE_NUMBERING_SYSTEM);

if (workerUrl && scope && 'serviceWorker' in navigator) {
  // After the page has loaded, so that the worker's downloads never compete with it. A
  // browser that refuses (file://, private modes) just has no offline copy.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(workerUrl, { scope }).catch(() => undefined);
  });
}
