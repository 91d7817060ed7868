// Browser tests of the offline copy: have the page's browser pick up a rebuilt site's
// service worker now (rather than on some later navigation) and wait until it has taken over.
import type { Page } from 'playwright-core';

export async function activateNewestWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('no service worker registered');
    await registration.update();
    const incoming = registration.installing ?? registration.waiting;
    if (!incoming) return;
    await new Promise<void>((resolve, reject) => {
      const settled = (): void => {
        if (incoming.state === 'activated') resolve();
        if (incoming.state === 'redundant') reject(new Error('the new service worker failed to install'));
      };
      incoming.addEventListener('statechange', settled);
      settled();
    });
  });
}
