// Registers the service worker (sw.js under the path prefix, named by the script tag's
// data-service-worker), which keeps visited pages and the saved search archive offline.

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
const workerUrl = script?.dataset.serviceWorker;
const scope = script?.dataset.scope;

if (workerUrl && scope && 'serviceWorker' in navigator) {
  // After the page has loaded, so that the worker's downloads never compete with it. A
  // browser that refuses (file://, private modes) just has no offline copy.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(workerUrl, { scope }).catch(() => undefined);
  });
}
