// The search page's «save the archive for offline search» panel: shows the size of the
// offline copy, whether it is saved, and asks the service worker to save it.

import { formatByteSize, formatPercent } from '../../scripts/lib/arabic/format-size.ts';
import type { NumberingSystem } from '../../scripts/lib/arabic/format-date.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import { ARCHIVE_MANIFEST, ARCHIVE_SUMMARY, cacheNames, type ArchiveMessage, type ArchiveSummary } from './cache-names.ts';
import { required } from './dom.ts';

export async function startOfflineArchive(root: HTMLElement): Promise<void> {
  const panel = root.querySelector<HTMLElement>('[data-offline]');
  if (!panel || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const numberingSystem = (root.dataset.numberingSystem ?? 'latn') as NumberingSystem;
  const siteRoot = new URL(root.dataset.siteRoot ?? '/', window.location.href);
  const manifestUrl = new URL(ARCHIVE_MANIFEST, siteRoot).href;
  const summaryUrl = new URL(ARCHIVE_SUMMARY, siteRoot).href;
  const manifest = await fetch(summaryUrl).then((response) => (response.ok ? (response.json() as Promise<ArchiveSummary>) : undefined), () => undefined);
  if (!manifest) return;
  const names = cacheNames(siteRoot.pathname, manifest.version);
  const button = required<HTMLButtonElement>(panel, '[data-offline-save]');
  const progress = required<HTMLProgressElement>(panel, '[data-offline-progress]');
  const status = required<HTMLElement>(panel, '[data-offline-status]');
  required<HTMLElement>(panel, '[data-offline-size]').textContent =
    fillPlaceholders(STRINGS.offlineSize, { size: formatByteSize(manifest.bytes, numberingSystem) });
  panel.hidden = false;
  const saved = (await caches.has(names.archive)) && (await (await caches.open(names.archive)).match(manifestUrl)) !== undefined;
  if (saved) status.textContent = STRINGS.offlineSaved;

  button.addEventListener('click', async () => {
    button.disabled = true;
    progress.value = 0;
    progress.hidden = false;
    status.textContent = fillPlaceholders(STRINGS.offlineProgress, { percent: formatPercent(0, numberingSystem) });
    const finish = (text: string): void => {
      status.textContent = text;
      progress.hidden = true;
      button.disabled = false;
    };
    const registration = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<ArchiveMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        const fraction = message.total > 0 ? message.bytes / message.total : 1;
        progress.value = fraction;
        status.textContent = fillPlaceholders(STRINGS.offlineProgress, { percent: formatPercent(fraction, numberingSystem) });
      } else if (message.type === 'saved') finish(STRINGS.offlineSaved);
      else if (message.type === 'outdated') finish(STRINGS.offlineOutdated);
      else finish(STRINGS.offlineFailed);
    };
    registration.active?.postMessage({ type: 'save-archive' }, [channel.port2]);
  });
}
