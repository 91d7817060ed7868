// `npm start`: the site as an editor previews it, on the same incremental engine as
// `npm run build` (drafts and scheduled articles shown, a cache of its own). A save under
// content/, layouts/ or assets/ rebuilds what it touches (one build at a time: saves made
// during a build are built by one more run), and every open page reloads itself when the
// build is done. A failed build keeps the last good site and is printed.

import { watch } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { BuildContext } from '../site/build-context.ts';
import { buildSite } from '../site/build-site.ts';
import { coalescing } from './coalescing.ts';
import { startStaticServer, type RunningServer } from './static-server.ts';

export const RELOAD_EVENTS = '/__preview/events';
export const RELOAD_SCRIPT = '/__preview/reload.js';

/** Reloads the page when the preview server says a build finished (an external script: the CSP allows no inline one). */
const RELOAD_SOURCE = `new EventSource(${JSON.stringify(RELOAD_EVENTS)}).addEventListener('built', () => location.reload());\n`;

export interface PreviewOptions {
  projectDir: string;
  outputDir: string;
  context: () => BuildContext;
  port: number;
  host: string;
  log: (line: string) => void;
}

export interface PreviewServer {
  server: RunningServer;
  /** Resolves when the build asked for by the last change (or the first build) is done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>();
  let building: Promise<void> = Promise.resolve();
  const rebuild = coalescing(async () => {
    const started = performance.now();
    try {
      const result = await buildSite({ projectDir: options.projectDir, outputDir: options.outputDir, context: options.context() });
      options.log(result.unchanged ? 'preview: nothing changed'
        : `preview: rendered ${result.rendered} of ${result.pages} pages in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      for (const listener of listeners) listener.write('event: built\ndata: \n\n');
    } catch (error) {
      options.log(`preview: the build failed; the preview shows the last good site.\n${error instanceof Error ? error.message : String(error)}`);
    }
  });
  building = rebuild();
  await building;
  const server = await startStaticServer({
    root: options.outputDir,
    port: options.port,
    host: options.host,
    pathPrefix: options.context().site.pathPrefix,
    injectIntoHtml: `<script src="${RELOAD_SCRIPT}" defer></script>`,
    extraRoutes: {
      [RELOAD_SCRIPT]: (_request, response) => response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(RELOAD_SOURCE),
      [RELOAD_EVENTS]: (request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        response.write(': connected\n\n');
        listeners.add(response);
        request.on('close', () => listeners.delete(response));
      },
    },
  });
  const watchers = ['content', 'layouts', 'assets'].map((folder) =>
    watch(join(options.projectDir, folder), { recursive: true }, () => { building = rebuild(); }));
  return {
    server,
    settled: async () => { await building; },
    close: async () => {
      for (const watcher of watchers) watcher.close();
      for (const listener of listeners) listener.end();
      await building;
      await server.close();
    },
  };
}
