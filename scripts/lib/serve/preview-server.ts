// `npm start`: the site as an editor previews it, on the same incremental engine as
// `npm run build` (drafts and scheduled articles shown, a cache of its own). A save under
// content/, layouts/ or assets/ rebuilds what it touches (one build at a time, in a worker:
// preview-worker.ts; saves made during a build are built by one more run); every open page
// reloads itself as soon as the changed pages are in place, and the search index catches
// up right after. A failed build keeps the last good site and is printed, one line per
// problem, and every open page shows the problems over the last good page until a build
// succeeds (preview-overlay.ts).

import { existsSync, watch } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { EDITOR_STRINGS } from '../config/locale-ar.ts';
import { changeStamp } from '../fs/file-stamp.ts';
import { typescriptWorker } from '../fs/typescript-worker.ts';
import { buildFailure, failureReport, type BuildFailure } from '../site/build-failure.ts';
import { coalescing } from './coalescing.ts';
import { noSiteYetPage, overlayView, previewClientSource } from './preview-overlay.ts';
import type { PreviewBuildRequest, PreviewWorkerData, PreviewWorkerMessage } from './preview-worker.ts';
import { startStaticServer, type RunningServer } from './static-server.ts';

export const RELOAD_EVENTS = '/__preview/events';
export const RELOAD_SCRIPT = '/__preview/reload.js';

/** Reloads the page when a build finished, shows why one failed (an external script: the CSP allows no inline one). */
const RELOAD_SOURCE = previewClientSource(RELOAD_EVENTS);

export interface PreviewOptions {
  projectDir: string;
  outputDir: string;
  pathPrefix: string;
  port: number;
  host: string;
  log: (line: string) => void;
  /** Print a failed build's stack traces too (`npm start -- --verbose`, SITE_VERBOSE=1). */
  verbose?: boolean;
}

export interface PreviewServer {
  server: RunningServer;
  /** Resolves when the build asked for by the last change (or the first build) is done, search included. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Files whose change makes the worker's compiled layouts stale: layouts, page templates, the config. */
export function changesTemplates(relativePath: string): boolean {
  const path = relativePath.split(sep).join('/');
  return path.startsWith('layouts/') || (path.startsWith('content/') && path.endsWith('.njk')) || path === '.eleventy.ts';
}

/** How long a build waits after the first event of a save, for the rest of the save to be written. */
const SETTLE_MS = 25;

/** A changed path's stamp now (a file, a folder, or gone). */
function stampOrGone(path: string): string {
  try {
    return changeStamp(path);
  } catch {
    return 'gone';
  }
}

function startWorker(options: PreviewOptions): Worker {
  return typescriptWorker(new URL('./preview-worker.ts', import.meta.url), {
    workerData: { projectDir: resolve(options.projectDir), outputDir: resolve(options.projectDir, options.outputDir) } satisfies PreviewWorkerData,
  });
}

/**
 * Runs one build in the worker, after a save of `changed`: tells `onPages` when the saved
 * articles' own pages are in place ('saved') and when all its pages are ('pages'); resolves
 * once search has caught up (or the build failed).
 */
function buildIn(worker: Worker, changed: string[], onPages: (message: PreviewWorkerMessage) => void): Promise<PreviewWorkerMessage> {
  return new Promise((resolveBuild, reject) => {
    const onMessage = (message: PreviewWorkerMessage): void => {
      if (message.type === 'pages' || message.type === 'saved') { onPages(message); return; }
      worker.off('message', onMessage);
      worker.off('error', reject);
      resolveBuild(message);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.postMessage({ type: 'build', changed } satisfies PreviewBuildRequest);
  });
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>();
  /** Why the last build failed, until one succeeds: what a page opened meanwhile is shown. */
  let failing: BuildFailure | undefined;
  // Whether there is a last good site to show under the overlay: one left by an earlier run, or built by this one.
  const siteShown = (): boolean => existsSync(join(resolve(options.projectDir, options.outputDir), 'index.html'));
  const failedEvent = (failure: BuildFailure): string => `event: failed\ndata: ${JSON.stringify(overlayView(failure, siteShown()))}\n\n`;
  let worker = startWorker(options);
  const changed = new Set<string>();
  // The stamp each changed file had when a build took it. One save reaches the watcher as
  // several events (a write truncates the file, then writes it: 4 ms apart here); the later
  // ones, arriving while its build ran, asked for a second build that found nothing changed
  // (at 10,000 articles, 0.7 s more before search had caught up, after every save). So a
  // build waits SETTLE_MS for the save to end, and a run whose files all still have the
  // stamps a build took is the echo of a save already built: it builds nothing.
  const builtStamps = new Map<string, string>();
  let builtOnce = false;
  let building: Promise<void> = Promise.resolve();
  const rebuild = coalescing(async () => {
    if (changed.size > 0) await new Promise((resume) => setTimeout(resume, SETTLE_MS));
    const started = performance.now();
    const paths = [...changed];
    changed.clear();
    const stamps = new Map(paths.map((path) => [path, stampOrGone(join(options.projectDir, path))]));
    // The first run builds whatever there is; any later one only for a file not built as it is.
    if (builtOnce && paths.every((path) => builtStamps.get(path) === stamps.get(path))) return;
    builtOnce = true;
    for (const [path, stamp] of stamps) builtStamps.set(path, stamp);
    if (paths.some(changesTemplates)) {
      await worker.terminate();
      worker = startWorker(options);
    }
    const done = await buildIn(worker, paths, (pages) => {
      if (pages.type === 'saved') {
        options.log(`preview: the saved article's page shown in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        for (const listener of listeners) listener.write('event: built\ndata: \n\n');
        return;
      }
      if (pages.type !== 'pages') return;
      options.log(pages.unchanged ? 'preview: nothing changed'
        : `preview: rendered ${pages.rendered} of ${pages.pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      // After a failure even an unchanged site (the mistake undone) clears the overlays.
      if (!pages.unchanged || failing) for (const listener of listeners) listener.write('event: built\ndata: \n\n');
      failing = undefined;
    }).catch((error: unknown): PreviewWorkerMessage => ({ type: 'failed', failure: buildFailure(error) }));
    if (done.type === 'failed') {
      failing = done.failure;
      const shows = siteShown() ? 'the preview shows the last good site' : 'there is no site to preview until a build succeeds';
      options.log(`preview: ${EDITOR_STRINGS.previewFailed} | the build failed; ${shows}.\n${failureReport(done.failure, { verbose: options.verbose ?? false })}`);
      for (const listener of listeners) listener.write(failedEvent(done.failure));
    } else if (done.type === 'search' && done.reindexedSegments > 0) {
      options.log(`preview: search index caught up in ${done.seconds.toFixed(1)} s (${done.reindexedSegments} of ${done.searchSegments} segments)`);
    }
  });
  building = rebuild();
  await building;
  const server = await startStaticServer({
    root: resolve(options.projectDir, options.outputDir),
    // The preview writes pages without their precompressed copies: a production build's would be stale.
    precompressed: false,
    port: options.port,
    host: options.host,
    pathPrefix: options.pathPrefix,
    injectIntoHtml: `<script src="${RELOAD_SCRIPT}" defer></script>`,
    noSitePage: noSiteYetPage(),
    extraRoutes: {
      [RELOAD_SCRIPT]: (_request, response) => response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(RELOAD_SOURCE),
      [RELOAD_EVENTS]: (request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        response.write(': connected\n\n');
        if (failing) response.write(failedEvent(failing));
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
      },
    },
  });
  const watchers = ['content', 'layouts', 'assets'].map((folder) =>
    watch(join(options.projectDir, folder), { recursive: true }, (_event, name) => {
      changed.add(join(folder, String(name ?? '')));
      building = rebuild();
    }));
  return {
    server,
    settled: async () => { await building; },
    close: async () => {
      for (const watcher of watchers) watcher.close();
      for (const listener of listeners) listener.end();
      await building;
      await worker.terminate();
      await server.close();
    },
  };
}
