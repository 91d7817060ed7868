// On every page: registers the service worker (sw.js under the path prefix, named by the
// script tag's data-service-worker), which keeps visited pages and the saved copy offline,
// and on a page it served from a saved copy loads the notice that says so (offline-notice.ts).

import { offlineCopyTime } from './offline-timing.ts';

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const workerUrl = script?.dataset.serviceWorker;
const scope = script?.dataset.scope;

if (script && offlineCopyTime()) {
  const notice = document.createElement('script');
  notice.src = new URL('offline-notice.js', script.src).href;
  document.head.append(notice);
}

if (workerUrl && scope && 'serviceWorker' in navigator) {
  // After the page has loaded, so that the worker's downloads never compete with it. A
  // browser that refuses (file://, private modes) just has no offline copy.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(workerUrl, { scope }).catch(() => undefined);
  });
}
