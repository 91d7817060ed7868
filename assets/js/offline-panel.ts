// The search page's «save for offline search» panel: says when the reader's copy was saved
// and what updating it costs, offers the whole archive or the search index alone with their
// sizes, asks for persistent storage and has the service worker save (save-copy.ts). The
// panel is in the page from the start, busy and its buttons disabled: this fills it in and
// enables them, or hides it where nothing can be saved.

import { formatByteSize, formatPercent } from '../../scripts/lib/arabic/format-size.ts';
import type { NumberingSystem } from '../../scripts/lib/arabic/format-number.ts';
import { fillPlaceholders, STRINGS } from '../../scripts/lib/config/locale-ar.ts';
import type { ArchiveMessage, CopyKind, PanelRequest } from './cache-names.ts';
import { copyCosts, savedCopyText } from './copy-status.ts';
import { required } from './dom.ts';

/** Sends a request to the active worker; `onReply` gets every reply until it returns true. */
function ask(registration: ServiceWorkerRegistration, request: PanelRequest, onReply: (message: ArchiveMessage) => boolean): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<ArchiveMessage>) => {
    if (onReply(event.data)) channel.port1.close();
  };
  registration.active?.postMessage(request, [channel.port2]);
}

/**
 * Has the browser look for a newer service worker and waits until it has taken over: a
 * worker saves only its own build's copy, and the page may be older than the site.
 */
async function newestWorker(registration: ServiceWorkerRegistration): Promise<void> {
  await registration.update().catch(() => undefined);
  const incoming = registration.installing ?? registration.waiting;
  if (!incoming) return;
  await new Promise<void>((resolve) => {
    const settled = (): void => {
      if (incoming.state === 'activated' || incoming.state === 'redundant') resolve();
    };
    incoming.addEventListener('statechange', settled);
    settled();
  });
}

export async function startOfflineArchive(root: HTMLElement): Promise<void> {
  const panel = root.querySelector<HTMLElement>('[data-offline]');
  if (!panel) return;
  if (!('serviceWorker' in navigator)) {
    panel.hidden = true;
    return;
  }
  const numberingSystem = (root.dataset.numberingSystem ?? 'latn') as NumberingSystem;
  const registration = await navigator.serviceWorker.ready;
  const status = await new Promise<Extract<ArchiveMessage, { type: 'status' }>>((resolve) => {
    ask(registration, { type: 'status' }, (message) => {
      if (message.type === 'status') resolve(message);
      return true;
    });
  });
  // Offline, there is no summary: the panel then only says what is saved.
  const { summary } = status;
  let saved = status.saved;
  if (!summary && !saved) {
    panel.hidden = true;
    return;
  }

  const buttons = { full: required<HTMLButtonElement>(panel, '[data-offline-save]'), search: required<HTMLButtonElement>(panel, '[data-offline-save-search]') };
  const sizes = { full: required<HTMLElement>(panel, '[data-offline-size]'), search: required<HTMLElement>(panel, '[data-offline-search-size]') };
  const progress = required<HTMLProgressElement>(panel, '[data-offline-progress]');
  const statusLine = required<HTMLElement>(panel, '[data-offline-status]');
  const copyLine = required<HTMLElement>(panel, '[data-offline-copy]');

  const show = (cost: Record<CopyKind, number> | undefined): void => {
    copyLine.textContent = saved ? savedCopyText(saved, cost?.[saved.kind], numberingSystem) : '';
    copyLine.hidden = !saved;
    for (const kind of ['full', 'search'] as const) {
      // Offline, nothing to offer; with the whole archive saved, the index alone would only
      // shrink it (the whole one's update is the first button's).
      const offered = summary !== undefined && !(kind === 'search' && saved?.kind === 'full');
      buttons[kind].hidden = !offered;
      // Nothing to download (the copy is up to date): no size to show.
      sizes[kind].hidden = !offered || !cost || cost[kind] === 0;
      if (!cost) continue;
      const size = formatByteSize(cost[kind], numberingSystem);
      sizes[kind].textContent = fillPlaceholders(kind === 'full' ? STRINGS.offlineSize : STRINGS.offlineSearchSize, { size });
    }
  };
  show(summary && copyCosts(summary, saved, status.cost));
  for (const button of Object.values(buttons)) button.disabled = false;
  panel.removeAttribute('aria-busy');

  const save = (kind: CopyKind, retried = false): void => {
    // Without it, the browser may clear the copy when the device runs short of space.
    void navigator.storage?.persist?.().catch(() => false);
    const hadCopy = saved !== undefined;
    for (const button of Object.values(buttons)) button.disabled = true;
    progress.value = 0;
    progress.hidden = false;
    statusLine.textContent = fillPlaceholders(STRINGS.offlineProgress, { percent: formatPercent(0, numberingSystem) });
    const finish = (text: string): true => {
      statusLine.textContent = text;
      progress.hidden = true;
      for (const button of Object.values(buttons)) button.disabled = false;
      return true;
    };
    ask(registration, { type: 'save', kind }, (message) => {
      if (message.type === 'progress') {
        const fraction = message.total > 0 ? message.bytes / message.total : 1;
        progress.value = fraction;
        statusLine.textContent = fillPlaceholders(STRINGS.offlineProgress, { percent: formatPercent(fraction, numberingSystem) });
        return false;
      }
      if (message.type === 'saved') {
        saved = message.copy;
        if (summary) show(copyCosts(summary, saved, undefined));
        return finish(kind === 'full' ? STRINGS.offlineSaved : STRINGS.offlineSavedSearch);
      }
      if (message.type === 'outdated' && !retried) {
        // The worker is older than the site: once the newer one has taken over, again.
        void newestWorker(registration).then(() => save(kind, true));
        return true;
      }
      if (message.type === 'outdated') return finish(STRINGS.offlineOutdated);
      if (message.type === 'failed' && message.noSpace) return finish(STRINGS.offlineNoSpace);
      return finish(hadCopy ? STRINGS.offlineUpdateFailed : STRINGS.offlineFailed);
    });
  };
  buttons.full.addEventListener('click', () => save('full'));
  buttons.search.addEventListener('click', () => save('search'));
}
